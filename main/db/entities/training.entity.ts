import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CompetencyDefinitionEntity } from './competency.entity';
import { EmployeeEntity } from './employee.entity';
import { ImportSnapshotEntity } from './import.entity';

/** A training activity the office offers, with JP and estimated cost, used by development plans. */
@Entity('training_catalog')
@Index('idx_training_catalog_competency', ['competencyId'])
export class TrainingCatalogEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text' })
  title: string;

  /** latsar, pkp, pka, pkn_2, pkn_1, teknis, fungsional, seminar, workshop, bimtek, e_learning, coaching, … */
  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'real' })
  jp: number;

  /** Rupiah */
  @Column({ type: 'integer', default: 0 })
  estimatedCost: number;

  @Column({ type: 'text', nullable: true })
  provider: string | null;

  @ManyToOne(() => CompetencyDefinitionEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'competency_id' })
  competency: Relation<CompetencyDefinitionEntity> | null;

  @Column({ type: 'integer', nullable: true })
  competencyId: number | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** How it is delivered: klasikal, e_learning, pelatihan_jarak_jauh, blended, coaching, mentoring, magang, … (shared/domain/planning). */
  @Column({ type: 'text', default: 'klasikal' })
  mode: string;

  /** internal (the office itself), pemerintah (LAN, BPSDM provinsi, ministries), mitra (a partner institution), swasta. */
  @Column({ type: 'text', default: 'internal' })
  providerKind: string;

  /** Share of the cost (0–1) a partner institution bears; the office pays the rest. */
  @Column({ type: 'real', default: 0 })
  partnerCostShare: number;

  /** Rupiah per class run (venue, instructors), beside estimatedCost per participant. */
  @Column({ type: 'integer', default: 0 })
  costPerClass: number;

  /** Participants per class. */
  @Column({ type: 'integer', default: 30 })
  classSize: number;

  /** The provider runs the offering only with at least this many classes. */
  @Column({ type: 'integer', default: 1 })
  minClasses: number;
}

/** A competency an offering develops, and by how many levels (the annual plan matches it to competency gaps). */
@Entity('training_catalog_competency')
@Index('idx_training_catalog_competency_competency', ['competencyId'])
export class TrainingCatalogCompetencyEntity {
  @PrimaryColumn({ type: 'integer' })
  catalogId: number;

  @PrimaryColumn({ type: 'integer' })
  competencyId: number;

  @ManyToOne(() => TrainingCatalogEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'catalog_id' })
  catalog: Relation<TrainingCatalogEntity>;

  @ManyToOne(() => CompetencyDefinitionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competency_id' })
  competency: Relation<CompetencyDefinitionEntity>;

  @Column({ type: 'integer', default: 1 })
  levels: number;
}

/** A completed training (diklat) with its JP, from a certificate (STTPP) or an import. */
@Entity('training_record')
@Index('idx_training_record_employee', ['employeeId', 'endDate'])
@Index('idx_training_record_end_date', ['endDate'])
@Index('idx_training_record_snapshot', ['snapshotId'])
@Index('idx_training_record_catalog', ['catalogId'])
export class TrainingRecordEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  employeeId: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', nullable: true })
  provider: string | null;

  @Column({ type: 'text' })
  startDate: string;

  @Column({ type: 'text' })
  endDate: string;

  /** Jam pelajaran as on the certificate. */
  @Column({ type: 'real' })
  jp: number;

  /** Rupiah */
  @Column({ type: 'integer', nullable: true })
  cost: number | null;

  @Column({ type: 'text', nullable: true })
  certificateNumber: string | null;

  @ManyToOne(() => TrainingCatalogEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'catalog_id' })
  catalog: Relation<TrainingCatalogEntity> | null;

  @Column({ type: 'integer', nullable: true })
  catalogId: number | null;

  @Column({ type: 'text' })
  source: string;

  @ManyToOne(() => ImportSnapshotEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'snapshot_id' })
  snapshot: Relation<ImportSnapshotEntity> | null;

  @Column({ type: 'integer', nullable: true })
  snapshotId: number | null;

  @Column({ type: 'text' })
  createdAt: string;
}

/**
 * Derived: jam pelajaran per employee and calendar year, by the year rule in Pengaturan (shared/domain/README.md: a
 * training spanning two years counts in the year it ends, configurable). Refreshed in the same transaction as
 * every write to training_record (db/derived.ts, db/sql/training-year.sql.ts) and compared with a full
 * recompute in tests. Employees without any training in a year have no row (their JP is 0 by definition).
 */
// WITHOUT ROWID: the compliance dashboard looks up (employee, year) for every employee; the row lives in the
// primary-key B-tree itself, which halves that lookup (measured in `npm run bench -- --only development`).
@Entity('employee_training_year', { withoutRowid: true })
@Index('idx_training_year_year', ['year', 'jp'])
export class EmployeeTrainingYearEntity {
  @PrimaryColumn({ type: 'integer' })
  employeeId: number;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  /** Σ JP counted in this year (a share of a training under the "prorate" rule). */
  @Column({ type: 'real' })
  jp: number;

  /** Trainings that contribute to this year. */
  @Column({ type: 'integer' })
  trainings: number;
}
