import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EmployeeEntity } from './employee.entity';

/**
 * Derived: for each active employee, the answers of the stable data-quality checks (shared/domain/quality.ts) as
 * bit sets over QUALITY_CHECKS, and the key the duplicate check compares. Refreshed by whoever writes the record
 * (main/db/derived.ts); the Kualitas Data index is a sum over this table plus the checks that change with the day.
 */
@Entity('employee_quality')
export class EmployeeQualityEntity {
  @PrimaryColumn({ type: 'integer' })
  employeeId: number;

  @OneToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  /** Bit c set: QUALITY_CHECKS[c] is asked of this person. */
  @Column({ type: 'integer' })
  applicableMask: number;

  /** Bit c set: QUALITY_CHECKS[c] finds this person. */
  @Column({ type: 'integer' })
  foundMask: number;

  /** Normalised name and birth date; null without a birth date. */
  @Column({ type: 'text', nullable: true })
  duplicateKey: string | null;
}

/**
 * The data-quality index as it stood: after each import and at most once a day otherwise, one row for the district
 * (unit_id null) and one per perangkat daerah. No foreign keys: the history outlives undone imports and units.
 */
@Entity('quality_index_history')
@Index('idx_quality_index_history_taken', ['takenOn', 'unitId'])
export class QualityIndexHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** The as-of day of the index. */
  @Column({ type: 'text' })
  takenOn: string;

  @Column({ type: 'text' })
  takenAt: string;

  /** impor (after a snapshot's commit) or harian (the daily record). */
  @Column({ type: 'text' })
  reason: string;

  /** The import snapshot that was committed (reason impor). */
  @Column({ type: 'integer', nullable: true })
  snapshotId: number | null;

  /** Null: the district. */
  @Column({ type: 'integer', nullable: true })
  unitId: number | null;

  @Column({ type: 'integer' })
  population: number;

  @Column({ type: 'real', nullable: true })
  qualityIndex: number | null;
}
