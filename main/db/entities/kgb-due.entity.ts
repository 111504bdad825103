import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EmployeeEntity } from './employee.entity';

/**
 * Derived: the next KGB of each active PNS in I/a–IV/d that has a basis (a rank decree carrying masa kerja golongan,
 * or a KGB notice): the day it falls due and the MKG then. Kept on write by main/db/kgb-due.ts; the KGB list reads
 * the people due in its months through the index on due_date.
 */
@Entity('employee_kgb_due')
@Index('idx_employee_kgb_due_date', ['dueDate'])
export class EmployeeKgbDueEntity {
  @PrimaryColumn({ type: 'integer' })
  employeeId: number;

  @OneToOne(() => EmployeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employee_id' })
  employee: Relation<EmployeeEntity>;

  @Column({ type: 'text' })
  dueDate: string;

  /** Masa kerja golongan (years) at the due date. */
  @Column({ type: 'integer' })
  mkgYears: number;
}
