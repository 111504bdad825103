import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { EditVersionColumn, UpdatedByColumn, UpdatedAtColumn } from './edit-version-columns';
import { EmployeeEntity } from './employee.entity';
import { PerformanceEvaluationEntity } from './performance.entity';
import { PotentialAssessmentEntity } from './assessment.entity';
import { UnitEntity } from './unit.entity';

/** A Komite Talenta session for a year and population: Draft → Ditinjau Komite → Ditetapkan (locked). */
@Entity('talent_session')
@Index('idx_talent_session_year', ['year'])
@Index('idx_talent_session_unit', ['populationUnitId'])
export class TalentSessionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'text' })
  name: string;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'population_unit_id' })
  populationUnit: Relation<UnitEntity> | null;

  @Column({ type: 'integer', nullable: true })
  populationUnitId: number | null;

  /** JSON array of position levels in the population; null = all. */
  @Column({ type: 'text', nullable: true })
  populationLevels: string | null;

  /** draft, ditinjau, ditetapkan */
  @Column({ type: 'text', default: 'draft' })
  status: string;

  @Column({ type: 'text', nullable: true })
  heldOn: string | null;

  /** Nomor of the berita acara, as the secretariat numbers its letters. */
  @Column({ type: 'text', nullable: true })
  documentNumber: string | null;

  /** Where the committee met ("Ruang Rapat Sekretariat Daerah"). */
  @Column({ type: 'text', nullable: true })
  place: string | null;

  /** The Pejabat Pembina Kepegawaian who fixes the result and signs the berita acara. */
  @Column({ type: 'text', nullable: true })
  ppkName: string | null;

  @Column({ type: 'text', nullable: true })
  ppkPosition: string | null;

  @Column({ type: 'text', nullable: true })
  ppkNip: string | null;

  /** JSON array of { name, nip, role } */
  @Column({ type: 'text', nullable: true })
  members: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'text', nullable: true })
  fixedBy: string | null;

  @Column({ type: 'text', nullable: true })
  fixedAt: string | null;

  @Column({ type: 'text' })
  createdBy: string;

  @Column({ type: 'text' })
  createdAt: string;

  @EditVersionColumn()
  version: number;

  @UpdatedByColumn()
  updatedBy: string | null;

  @UpdatedAtColumn()
  updatedAt: string | null;
}

/** One person's 9-box placement in a session: the computed box, and the calibrated box with its reason. */
@Entity('talent_placement')
@Unique('uq_talent_placement_session_employee', ['sessionId', 'employeeId'])
@Index('idx_talent_placement_employee', ['employeeId', 'year'])
@Index('idx_talent_placement_evaluation', ['evaluationId'])
@Index('idx_talent_placement_potential', ['potentialId'])
export class TalentPlacementEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => TalentSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session: Relation<TalentSessionEntity>;

  @Column({ type: 'integer' })
  sessionId: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  employeeId: number;

  @Column({ type: 'integer' })
  year: number;

  /** di_bawah, sesuai, di_atas */
  @Column({ type: 'text' })
  kinerjaAxis: string;

  /** rendah, menengah, tinggi */
  @Column({ type: 'text' })
  potensiAxis: string;

  @Column({ type: 'integer' })
  computedBox: number;

  @ManyToOne(() => PerformanceEvaluationEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'evaluation_id' })
  evaluation: Relation<PerformanceEvaluationEntity> | null;

  @Column({ type: 'integer', nullable: true })
  evaluationId: number | null;

  @ManyToOne(() => PotentialAssessmentEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'potential_id' })
  potential: Relation<PotentialAssessmentEntity> | null;

  @Column({ type: 'integer', nullable: true })
  potentialId: number | null;

  @Column({ type: 'integer', nullable: true })
  calibratedBox: number | null;

  @Column({ type: 'text', nullable: true })
  calibrationReason: string | null;

  @Column({ type: 'text', nullable: true })
  calibratedBy: string | null;

  @Column({ type: 'text', nullable: true })
  calibratedAt: string | null;

  @Column({ type: 'text' })
  createdAt: string;

  @EditVersionColumn()
  version: number;

  @UpdatedByColumn()
  updatedBy: string | null;

  @UpdatedAtColumn()
  updatedAt: string | null;
}
