import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EmployeeEntity } from './employee.entity';

/**
 * Derived: for each active employee standing at the start of a step of the pola karier in force, whether every
 * requirement of the step is met on `as_of`, and the day it is met when time alone is missing. The row holds from
 * `as_of` until the day before `valid_until` (the next day a punishment, an SKP year or a leadership training
 * changes the answer), so the Jalur Karier graph counts it on any day in between without evaluating anyone again.
 * Kept on write by main/db/career-readiness.ts.
 */
@Entity('career_step_readiness')
// Covering for the graph's counts per step and per person, and the rows past their day (migration 1765900006100).
@Index('idx_career_step_readiness_step', ['stepId', 'asOf', 'validUntil', 'readyOn'])
@Index('idx_career_step_readiness_employee', ['employeeId', 'asOf', 'validUntil', 'readyOn'])
export class CareerStepReadinessEntity {
  @PrimaryColumn({ type: 'integer' })
  employeeId: number;

  /** career_step.id, or the id of a step of Jenjang's default set (not stored): no foreign key. */
  @PrimaryColumn({ type: 'integer' })
  stepId: number;

  @ManyToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  /** The day the requirements were judged on. */
  @Column({ type: 'text' })
  asOf: string;

  /** 1 when every requirement is met on `as_of`. */
  @Column({ type: 'integer' })
  ready: number;

  /** `as_of` when ready; the day every requirement is met when time alone is missing; else null. */
  @Column({ type: 'text', nullable: true })
  readyOn: string | null;

  /** The first day the answer may change otherwise than by `ready_on`; null: it does not. */
  @Column({ type: 'text', nullable: true })
  validUntil: string | null;
}

/** Derived: the day of the last full evaluation and the fingerprint of the steps and target standards it used. */
@Entity('career_readiness_state')
export class CareerReadinessStateEntity {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text' })
  asOf: string;

  @Column({ type: 'text' })
  signature: string;
}
