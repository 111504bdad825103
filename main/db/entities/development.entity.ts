import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { EditVersionColumn, UpdatedByColumn, UpdatedAtColumn } from './edit-version-columns';
import { CompetencyDefinitionEntity } from './competency.entity';
import { EmployeeEntity } from './employee.entity';
import { PositionEntity } from './position.entity';
import { TrainingCatalogEntity, TrainingRecordEntity } from './training.entity';
import { UnitEntity } from './unit.entity';

/** Individual development plan (IDP) of one employee for one year. */
@Entity('development_plan')
@Index('idx_development_plan_employee', ['employeeId', 'year'])
@Index('idx_development_plan_target', ['targetPositionId'])
export class DevelopmentPlanEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  employeeId: number;

  @Column({ type: 'integer' })
  year: number;

  /** Null: gaps against the current position; otherwise a target position (from succession). */
  @ManyToOne(() => PositionEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'target_position_id' })
  targetPosition: Relation<PositionEntity> | null;

  @Column({ type: 'integer', nullable: true })
  targetPositionId: number | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'text' })
  createdBy: string;

  @Column({ type: 'text' })
  createdAt: string;

  @UpdatedAtColumn({ required: true })
  updatedAt: string;

  @EditVersionColumn()
  version: number;

  @UpdatedByColumn()
  updatedBy: string | null;
}

/** One item of an IDP: a gap or requirement, the activity that closes it, and its status. */
@Entity('development_plan_item')
@Index('idx_development_item_plan', ['planId'])
@Index('idx_development_item_competency', ['competencyId'])
@Index('idx_development_item_catalog', ['catalogId'])
@Index('idx_development_item_training', ['trainingRecordId'])
export class DevelopmentPlanItemEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => DevelopmentPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan: Relation<DevelopmentPlanEntity>;

  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => CompetencyDefinitionEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'competency_id' })
  competency: Relation<CompetencyDefinitionEntity> | null;

  @Column({ type: 'integer', nullable: true })
  competencyId: number | null;

  /** A non-competency requirement, e.g. "PKA belum diikuti". */
  @Column({ type: 'text', nullable: true })
  requirement: string | null;

  @Column({ type: 'integer', nullable: true })
  currentLevel: number | null;

  @Column({ type: 'integer', nullable: true })
  targetLevel: number | null;

  @Column({ type: 'text' })
  activity: string;

  @ManyToOne(() => TrainingCatalogEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'catalog_id' })
  catalog: Relation<TrainingCatalogEntity> | null;

  @Column({ type: 'integer', nullable: true })
  catalogId: number | null;

  @Column({ type: 'real', default: 0 })
  jp: number;

  @Column({ type: 'integer', default: 0 })
  estimatedCost: number;

  @Column({ type: 'text', nullable: true })
  targetDate: string | null;

  /** direncanakan, berjalan, selesai, batal */
  @Column({ type: 'text', default: 'direncanakan' })
  status: string;

  @ManyToOne(() => TrainingRecordEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'training_record_id' })
  trainingRecord: Relation<TrainingRecordEntity> | null;

  @Column({ type: 'integer', nullable: true })
  trainingRecordId: number | null;

  @UpdatedAtColumn({ required: true })
  updatedAt: string;

  @EditVersionColumn()
  version: number;

  @UpdatedByColumn()
  updatedBy: string | null;
}

/** Mentor–mentee pair. */
@Entity('mentoring_relation')
@Index('idx_mentoring_mentor', ['mentorId'])
@Index('idx_mentoring_mentee', ['menteeId'])
export class MentoringRelationEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  mentorId: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentee_id' })
  mentee: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  menteeId: number;

  @Column({ type: 'text', nullable: true })
  goals: string | null;

  @Column({ type: 'text' })
  startDate: string;

  @Column({ type: 'text', nullable: true })
  endDate: string | null;

  /** aktif, selesai, batal */
  @Column({ type: 'text', default: 'aktif' })
  status: string;

  @Column({ type: 'text' })
  createdAt: string;
}

@Entity('mentoring_session')
@Index('idx_mentoring_session_relation', ['relationId', 'sessionDate'])
export class MentoringSessionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => MentoringRelationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'relation_id' })
  relation: Relation<MentoringRelationEntity>;

  @Column({ type: 'integer' })
  relationId: number;

  @Column({ type: 'text' })
  sessionDate: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'text' })
  createdAt: string;
}

/** The development budget ceiling of one perangkat daerah (a root unit) for one year, set in Pengaturan; the
 *  IDP district view compares the planned cost of the unit's plans with it. */
@Entity('development_budget')
@Unique('uq_development_budget_unit_year', ['unitId', 'year'])
export class DevelopmentBudgetEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit: Relation<UnitEntity>;

  @Column({ type: 'integer' })
  unitId: number;

  @Column({ type: 'integer' })
  year: number;

  /** Rupiah */
  @Column({ type: 'integer' })
  ceiling: number;

  @Column({ type: 'text' })
  updatedAt: string;
}
