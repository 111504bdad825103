import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CompetencyDefinitionEntity } from './competency.entity';
import { EmployeeEntity } from './employee.entity';
import { ImportSnapshotEntity } from './import.entity';

/** One competency level measured for one employee on one date (append-only; the latest counts). */
@Entity('competency_assessment')
@Index('idx_competency_assessment_employee', ['employeeId', 'competencyId', 'assessedOn'])
@Index('idx_competency_assessment_competency', ['competencyId'])
@Index('idx_competency_assessment_snapshot', ['snapshotId'])
export class CompetencyAssessmentEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  employeeId: number;

  @ManyToOne(() => CompetencyDefinitionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competency_id' })
  competency: Relation<CompetencyDefinitionEntity>;

  @Column({ type: 'integer' })
  competencyId: number;

  @Column({ type: 'integer' })
  level: number;

  @Column({ type: 'text' })
  assessedOn: string;

  /** assessment_center, uji_kompetensi, self, atasan */
  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'text', nullable: true })
  assessor: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

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
 * Derived: the latest assessment per employee and competency, maintained in the same transaction as every
 * write to competency_assessment (dashboards read derived tables, checked against a recompute).
 */
@Entity('employee_competency_current')
@Index('idx_competency_current_competency', ['competencyId'])
// A person's levels with the level itself: the succession ranking's JPM against a post's standard reads only this.
@Index('idx_competency_current_levels', ['employeeId', 'competencyId', 'level'])
export class EmployeeCompetencyCurrentEntity {
  @PrimaryColumn({ type: 'integer' })
  employeeId: number;

  @PrimaryColumn({ type: 'integer' })
  competencyId: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @ManyToOne(() => CompetencyDefinitionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competency_id' })
  competency: Relation<CompetencyDefinitionEntity>;

  @Column({ type: 'integer' })
  level: number;

  @Column({ type: 'text' })
  assessedOn: string;

  @Column({ type: 'integer' })
  assessmentId: number;
}

/** Potential (potensi) assessment: a level, a 0–100 score, or both. */
@Entity('potential_assessment')
@Index('idx_potential_assessment_employee', ['employeeId', 'assessedOn'])
@Index('idx_potential_assessment_snapshot', ['snapshotId'])
@Index('idx_potential_assessment_assessed_on', ['assessedOn'])
export class PotentialAssessmentEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'integer' })
  employeeId: number;

  @Column({ type: 'text' })
  assessedOn: string;

  /** rendah, menengah, tinggi */
  @Column({ type: 'text', nullable: true })
  level: string | null;

  @Column({ type: 'real', nullable: true })
  score: number | null;

  @Column({ type: 'text', nullable: true })
  method: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

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
