import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EmployeeEntity } from './employee.entity';
import { ImportSnapshotEntity } from './import.entity';

// Career administration records (DOMAIN.md §14): hukuman disiplin, CLTN, tanda kehormatan, KGB notices and
// tugas/izin belajar. The rules that read them are shared/domain/careers/. Every row says where it came from
// (`source`: manual, import, demo) as the history tables do; rows from an import carry their snapshot, so undoing
// the import deletes them (main/import/undo.ts deletes by snapshot_id); the snapshot FK is SET NULL so a purged
// snapshot leaves the records in place.

/** What every career record has: its employee (deleted with them), where it came from, and its snapshot. */
abstract class CareerRecord {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  employeeId: number;

  /** manual, import, demo */
  @Column({ type: 'text', default: 'manual' })
  source: string;

  @ManyToOne(() => ImportSnapshotEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'snapshot_id' })
  snapshot: Relation<ImportSnapshotEntity> | null;

  @Column({ type: 'integer', nullable: true })
  snapshotId: number | null;
}

/** A hukuman disiplin decree (PP 94/2021). */
@Entity('discipline_record')
@Index('idx_discipline_record_employee', ['employeeId', 'startDate'])
@Index('idx_discipline_record_snapshot', ['snapshotId'])
export class DisciplineRecordEntity extends CareerRecord {
  /** DisciplineKind code (shared/domain/careers/discipline.ts). */
  @Column({ type: 'text' })
  kind: string;

  /** TMT of the punishment. */
  @Column({ type: 'text' })
  startDate: string;

  /** Last day as the decree sets it; null: from the kind's months. */
  @Column({ type: 'text', nullable: true })
  endDate: string | null;

  @Column({ type: 'text', nullable: true })
  decreeNumber: string | null;

  @Column({ type: 'text', nullable: true })
  decreeDate: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  createdAt: string;
}

/** Cuti di luar tanggungan negara: the period does not count as service (Satyalancana, KGB). */
@Entity('cltn_period')
@Index('idx_cltn_period_employee', ['employeeId'])
@Index('idx_cltn_period_snapshot', ['snapshotId'])
export class CltnPeriodEntity extends CareerRecord {
  @Column({ type: 'text' })
  startDate: string;

  /** Last day of the leave; null: still on leave. */
  @Column({ type: 'text', nullable: true })
  endDate: string | null;

  @Column({ type: 'text', nullable: true })
  decreeNumber: string | null;

  @Column({ type: 'text', nullable: true })
  createdAt: string | null;
}

/** A tanda kehormatan already held. */
@Entity('honor_award')
@Index('idx_honor_award_employee', ['employeeId'])
@Index('idx_honor_award_snapshot', ['snapshotId'])
export class HonorAwardEntity extends CareerRecord {
  /** satyalancana_karya_satya */
  @Column({ type: 'text' })
  kind: string;

  /** SatyalancanaClass code (shared/domain/careers/satyalancana.ts): X, XX, XXX. */
  @Column({ type: 'text' })
  class: string;

  @Column({ type: 'text', nullable: true })
  decreeNumber: string | null;

  @Column({ type: 'text', nullable: true })
  decreeDate: string | null;

  @Column({ type: 'text', nullable: true })
  createdAt: string | null;
}

/** A KGB notice (kenaikan gaji berkala): with the last KP decree, the basis of the next KGB. */
@Entity('kgb_record')
@Index('idx_kgb_record_employee', ['employeeId', 'tmt'])
@Index('idx_kgb_record_snapshot', ['snapshotId'])
export class KgbRecordEntity extends CareerRecord {
  @Column({ type: 'text' })
  tmt: string;

  /** Masa kerja golongan the notice grants. */
  @Column({ type: 'integer' })
  mkgYears: number;

  @Column({ type: 'integer' })
  mkgMonths: number;

  /** SIASN golongan code at the time of the notice. */
  @Column({ type: 'integer', nullable: true })
  golongan: number | null;

  /** Gaji pokok in rupiah. */
  @Column({ type: 'integer', nullable: true })
  salary: number | null;

  @Column({ type: 'text', nullable: true })
  decreeNumber: string | null;

  @Column({ type: 'text', nullable: true })
  decreeDate: string | null;

  @Column({ type: 'text', nullable: true })
  createdAt: string | null;
}

/** Tugas belajar or izin belajar (DOMAIN.md §14.5). */
@Entity('study_record')
@Index('idx_study_record_employee', ['employeeId'])
@Index('idx_study_record_snapshot', ['snapshotId'])
export class StudyRecordEntity extends CareerRecord {
  /** tugas_belajar, izin_belajar */
  @Column({ type: 'text' })
  basis: string;

  @Column({ type: 'text' })
  institution: string;

  @Column({ type: 'text' })
  programme: string;

  /** shared/domain/education.ts code of the degree studied for. */
  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'text' })
  startDate: string;

  @Column({ type: 'text', nullable: true })
  endDate: string | null;

  /** berjalan, selesai, batal */
  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text', nullable: true })
  funding: string | null;

  /** Date of the izin belajar letter. */
  @Column({ type: 'text', nullable: true })
  izinDate: string | null;

  @Column({ type: 'text', nullable: true })
  graduationDate: string | null;

  /** Ujian penyesuaian kenaikan pangkat passed for this degree (null: not taken or not recorded). */
  @Column({ type: 'boolean', nullable: true })
  upkpPassed: boolean | null;

  /** The degree is needed by the person's position (a condition of penyesuaian ijazah). */
  @Column({ type: 'boolean', nullable: true })
  neededByPosition: boolean | null;

  @Column({ type: 'text' })
  createdAt: string;
}
