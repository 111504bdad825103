import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { EmployeeEntity } from './employee.entity';
import { PositionEntity } from './position.entity';

/** The succession plan of one key position. */
@Entity('succession_plan')
export class SuccessionPlanEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => PositionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'position_id' })
  position: Relation<PositionEntity>;

  @Column({ type: 'integer', unique: true })
  positionId: number;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** Increases with every save; an editor sends the revision it started from (optimistic concurrency), and
   *  succession_plan_revision keeps every saved state. */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  @Column({ type: 'text' })
  updatedBy: string;

  @Column({ type: 'text' })
  updatedAt: string;

  @Column({ type: 'text' })
  createdAt: string;
}

/** A named successor in a plan, with readiness and order. */
@Entity('succession_candidate')
@Unique('uq_succession_candidate_plan_employee', ['planId', 'employeeId'])
@Index('idx_succession_candidate_employee', ['employeeId'])
export class SuccessionCandidateEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => SuccessionPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan: Relation<SuccessionPlanEntity>;

  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  employeeId: number;

  /** siap_sekarang, siap_1_2_tahun, siap_lebih_2_tahun */
  @Column({ type: 'text' })
  readiness: string;

  @Column({ type: 'integer' })
  rank: number;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'text' })
  addedBy: string;

  @Column({ type: 'text' })
  addedAt: string;
}

/** One saved state of a plan (its history): who saved it, when, what changed, and the whole plan as JSON. */
@Entity('succession_plan_revision')
@Unique('uq_succession_revision_plan_revision', ['planId', 'revision'])
export class SuccessionPlanRevisionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => SuccessionPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan: Relation<SuccessionPlanEntity>;

  @Column({ type: 'integer' })
  planId: number;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'text' })
  savedBy: string;

  @Column({ type: 'text' })
  savedAt: string;

  /** "Menambah Siti Aminah (Siap sekarang); mengubah urutan" */
  @Column({ type: 'text' })
  summary: string;

  /** JSON: { notes, candidates: [{ employeeId, name, nip, readiness, rank, notes }] } */
  @Column({ type: 'text' })
  snapshot: string;
}

/**
 * Derived: what the candidate ranking needs per person from other capabilities' tables (the two latest annual
 * SKP, the latest talent placement or else the box computed from the latest axes, leadership trainings), kept on
 * write by successionFactsRefresher (main/db/derived.ts, SQL in main/db/sql/succession/facts.sql.ts), so ranking
 * 50,000 people reads one row each. A test compares it with a full recompute.
 */
@Entity('succession_employee_facts')
export class SuccessionEmployeeFactsEntity {
  @PrimaryColumn({ type: 'integer' })
  employeeId: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer', nullable: true })
  skp1Year: number | null;

  @Column({ type: 'text', nullable: true })
  skp1Predikat: string | null;

  @Column({ type: 'text', nullable: true })
  skp1Legacy: string | null;

  @Column({ type: 'integer', nullable: true })
  skp2Year: number | null;

  @Column({ type: 'text', nullable: true })
  skp2Predikat: string | null;

  @Column({ type: 'text', nullable: true })
  skp2Legacy: string | null;

  @Column({ type: 'integer', nullable: true })
  talentYear: number | null;

  @Column({ type: 'integer', nullable: true })
  talentBox: number | null;

  /** 0 di bawah, 1 sesuai, 2 di atas */
  @Column({ type: 'integer', nullable: true })
  talentKinerja: number | null;

  /** 0 rendah, 1 menengah, 2 tinggi */
  @Column({ type: 'integer', nullable: true })
  talentPotensi: number | null;

  @Column({ type: 'boolean', default: false })
  talentCalibrated: boolean;

  @Column({ type: 'boolean', default: false })
  talentProvisional: boolean;

  /** No Komite Talenta placement: the box is computed from the latest SKP and potential (talent_axis_year). */
  @Column({ type: 'boolean', default: false })
  talentComputed: boolean;

  /** Comma list of leadership trainings done (pkp, pka, pkn_2, pkn_1). */
  @Column({ type: 'text', nullable: true })
  leadership: string | null;

  @Column({ type: 'boolean', default: false })
  hasTraining: boolean;
}
