import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The optimistic version of one section of Pengaturan (its key prefix), and who saved it last. A section never
 *  saved has no row (version 0). */
@Entity('settings_section_version')
export class SettingsSectionVersionEntity {
  @PrimaryColumn({ type: 'text' })
  section: string;

  @Column({ type: 'integer', default: 0 })
  version: number;

  /** Audit actor label of the last editor. */
  @Column({ type: 'text', nullable: true })
  updatedBy: string | null;

  @Column({ type: 'text', nullable: true })
  updatedAt: string | null;
}

/** Who holds an exclusive job (import, talent-session fix) and since when: what a second desk is told. The lock
 *  itself is the job lock service's (in-process on one desk, an advisory lock on PostgreSQL); this row names it. */
@Entity('job_lock')
export class JobLockEntity {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  holder: string;

  @Column({ type: 'text' })
  since: string;
}
