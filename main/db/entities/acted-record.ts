import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What every log row names first: when, who as people read it, and which account. The audit log and the export
 * log extend it (each table keeps these columns; TypeORM copies them into each). No FK to accounts: a log
 * outlives the rows it names.
 */
export abstract class ActedRecord {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** ISO-8601 UTC timestamp from the app clock. */
  @Column({ type: 'text' })
  at: string;

  /** Who acted, as people read it: "Nama Lengkap (username)" of the account, or the system's name. */
  @Column({ type: 'text' })
  actor: string;

  /** The account that acted; null for the system, the read-only CLI and rows older than accounts. */
  @Column({ type: 'integer', nullable: true })
  accountId: number | null;
}
