import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EmployeeEntity } from './employee.entity';

/**
 * Derived: for each active employee, the answers of the stable data-quality checks (shared/domain/quality.ts) as
 * bit sets over QUALITY_CHECKS, and the key the duplicate check compares. Refreshed by whoever writes the record
 * (main/db/derived.ts); the Kualitas Data index is a sum over this table plus the checks that change with the day.
 */
@Entity('employee_quality')
// A unit's report looks up whether each of its people's duplicate keys is held by someone else in the district
// (main/db/sql/quality.sql.ts populationInSubtree; migration 1765900003000).
@Index('idx_employee_quality_duplicate_key', ['duplicateKey'])
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

/**
 * A local correction: a field of an employee's record that Jenjang fixed where SIASN (the master record) had it
 * wrong or empty, kept as such until SIASN agrees. The fix itself is a normal, audited and versioned edit of the
 * employee; this row remembers what SIASN said, so the next snapshot's diff can show where SIASN still disagrees
 * and the office can send the corrections to SIASN.
 */
@Entity('local_correction')
@Index('idx_local_correction_employee', ['employeeId', 'status'])
@Index('idx_local_correction_status', ['status', 'correctedAt'])
export class LocalCorrectionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  employeeId: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  /** gender, birthDate or cpnsTmt (the employee field). */
  @Column({ type: 'text' })
  field: string;

  /** The data-quality check whose finding it fixed. */
  @Column({ type: 'text' })
  checkKey: string;

  /** The value before the correction (as SIASN had it; null when empty). */
  @Column({ type: 'text', nullable: true })
  siasnValue: string | null;

  @Column({ type: 'text' })
  correctedValue: string;

  @Column({ type: 'text' })
  correctedAt: string;

  @Column({ type: 'text' })
  correctedBy: string;

  /** aktif (kept against SIASN), selesai (SIASN now agrees), diganti (the office took SIASN's value). */
  @Column({ type: 'text', default: 'aktif' })
  status: string;

  /** The latest snapshot in which SIASN still disagreed, and its value there (null: none since the correction). */
  @Column({ type: 'integer', nullable: true })
  disagreedInSnapshot: number | null;

  @Column({ type: 'text', nullable: true })
  disagreedValue: string | null;

  @Column({ type: 'text', nullable: true })
  closedAt: string | null;
}
