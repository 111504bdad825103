import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EditVersionColumn } from './edit-version-columns';
import { PositionEntity } from './position.entity';
import { UnitEntity } from './unit.entity';

/**
 * A civil servant (PNS, CPNS) or PPPK. Calendar dates are ISO "YYYY-MM-DD" text; timestamps ISO-8601 UTC text.
 * The current position, unit and golongan live here for fast lists; their past lives in the history tables.
 */
@Entity('employee')
@Index('idx_employee_unit', ['unitId'])
@Index('idx_employee_position', ['positionId'])
// Name order is case-insensitive (SIASN exports write names in capitals, forms in title case). These two
// indexes are created by the migration with `name COLLATE NOCASE`, which TypeORM cannot express:
// synchronize false keeps TypeORM from creating or dropping them. There is deliberately no index on plain status:
// most rows are active, and such an index tempts the planner into sorting everything (measured in bench).
@Index('idx_employee_name', { synchronize: false })
@Index('idx_employee_golongan_name', { synchronize: false })
// The list's counts by status (and NIP prefix): keyed on the expression `status || ''`, which only conditions
// written the same way use (main/db/sql/employees/list.sql.ts countsByStatusIndex), so no other plan is drawn to it.
@Index('idx_employee_status_count', { synchronize: false })
// The sort indexes of the Pegawai list carry the id and the status, so a deep page is found without reading the
// rows it skips (migration 1765800000501).
// On a server only (migration 1765900001000): the ids of the active people, for the Pegawai list's count there.
@Index('idx_employee_active', { synchronize: false })
// On a server only (migration 1765900002000): the golongan sort with NULLs first as SQLite orders them.
@Index('idx_employee_golongan_nulls_first', { synchronize: false })
@Index('idx_employee_retirement', ['retirementDate', 'id', 'status'])
@Index('idx_employee_birth_date', ['birthDate', 'id', 'status'])
// Covering index of the development dashboards (JP compliance population per unit, rotation per unit): they
// scan every PNS/CPNS, and reading these columns from the index instead of the wide rows is ~4× faster. Partial
// (only queries that say `employment_type IN ('PNS', 'CPNS')` can use it), so it never tempts the planner away
// from the Pegawai list's plans, which the bench showed an index with `status` in it does.
@Index('idx_employee_development', ['unitId', 'employmentType', 'status', 'cpnsTmt', 'statusDate', 'positionTmt'], { where: `employment_type IN ('PNS', 'CPNS')` })
// Covering index of the succession ranking's basic requirements over the active people, led by the position so a
// post reads only the holders of the levels that can qualify, with their record and unit, without the wide rows
// (main/db/sql/succession/ranking.sql.ts).
@Index('idx_employee_succession_basic', ['positionId', 'employmentType', 'golongan', 'golonganTmt', 'educationLevel', 'positionTmt', 'birthDate', 'retirementDate', 'unitId'], { where: `status = 'active'` })
// Covering index of the holders of a post (the active people by position, with what names them and when they
// leave it): the Suksesi overview reads the holder of each of 1,000 key posts from it, not from the wide rows
// (main/db/sql/succession/overview.sql.ts).
@Index('idx_employee_holder', ['positionId', 'nip', 'name', 'frontTitle', 'backTitle', 'retirementDate', 'positionTmt'], { where: `status = 'active'` })
// Covering index of the regular-promotion candidates (golongan, TMT golongan, education, NIP of the active people):
// the list after a write reads them from the index, not from the wide rows (main/db/sql/development/careers.sql.ts).
@Index('idx_employee_promotion', ['employmentType', 'golongan', 'golonganTmt', 'educationLevel', 'nip'], { where: `status = 'active'` })
// Covering index of a unit's active people for the printed reports of one unit: their count, who retires in given
// years, and the dates the population's data-quality index reads (main/db/sql/employees/listings.sql.ts,
// main/db/sql/quality.sql.ts populationInSubtree).
@Index('idx_employee_active_unit', ['unitId', 'retirementDate', 'cpnsTmt'], { where: `status = 'active'` })
export class EmployeeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text', unique: true })
  nip: string;

  @Column({ type: 'text', nullable: true })
  nipLama: string | null;

  /** SIASN pns_id (a GUID), kept so later snapshots match even when a NIP was corrected. */
  @Column({ type: 'text', nullable: true, unique: true })
  siasnId: string | null;

  @Column({ type: 'text', nullable: true })
  frontTitle: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  backTitle: string | null;

  @Column({ type: 'text', nullable: true })
  birthPlace: string | null;

  @Column({ type: 'text' })
  birthDate: string;

  /** L or P */
  @Column({ type: 'text' })
  gender: string;

  /** PNS, CPNS, PPPK */
  @Column({ type: 'text' })
  employmentType: string;

  /** TMT CPNS (for PPPK: TMT of the first PPPK contract). */
  @Column({ type: 'text', nullable: true })
  cpnsTmt: string | null;

  @Column({ type: 'text', nullable: true })
  pnsTmt: string | null;

  /** SIASN golongan code (shared/domain/golongan.ts). */
  @Column({ type: 'integer', nullable: true })
  golongan: number | null;

  @Column({ type: 'text', nullable: true })
  golonganTmt: string | null;

  /** Masa kerja golongan as the snapshot gives it (SIASN mk_tahun / mk_bulan), as of golongan_tmt. */
  @Column({ type: 'integer', nullable: true })
  mkGolonganYears: number | null;

  @Column({ type: 'integer', nullable: true })
  mkGolonganMonths: number | null;

  @ManyToOne(() => PositionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'position_id' })
  position: Relation<PositionEntity> | null;

  @Column({ type: 'integer', nullable: true })
  positionId: number | null;

  @Column({ type: 'text', nullable: true })
  positionTmt: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity> | null;

  @Column({ type: 'integer', nullable: true })
  unitId: number | null;

  /** shared/domain/education.ts code */
  @Column({ type: 'text', nullable: true })
  educationLevel: string | null;

  @Column({ type: 'text', nullable: true })
  educationMajor: string | null;

  @Column({ type: 'text', nullable: true })
  educationInstitution: string | null;

  @Column({ type: 'integer', nullable: true })
  educationYear: number | null;

  /** Ujian penyesuaian kenaikan pangkat passed for the latest education (null: not taken or not recorded). */
  @Column({ type: 'boolean', nullable: true })
  educationUpkpPassed: boolean | null;

  /**
   * Derived: TMT pensiun by the BUP of the current position (shared/domain/retirement.ts). Kept on the row so
   * lists sort and dashboards count by it from an index; every writer refreshes it in the same transaction
   * with refreshRetirementDates (db/sql/retirement.sql.ts), and a test compares it with a full recompute.
   */
  @Column({ type: 'text', nullable: true })
  retirementDate: string | null;

  /** active, retired, moved, deceased, dismissed. Records are never deleted for leaving the service. */
  @Column({ type: 'text', default: 'active' })
  status: string;

  @Column({ type: 'text', nullable: true })
  statusDate: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @EditVersionColumn()
  version: number;

  @Column({ type: 'text' })
  createdAt: string;

  @Column({ type: 'text' })
  updatedAt: string;
}
