import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
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
