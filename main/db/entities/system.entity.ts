import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ActedRecord } from './acted-record';

/** Who changed what, when, with before and after. Written in the same transaction as the change. */
@Entity('audit_log')
@Index('idx_audit_entity', ['entity', 'entityId'])
@Index('idx_audit_employee', ['employeeId', 'at'])
@Index('idx_audit_at', ['at'])
@Index('idx_audit_account', ['accountId', 'at'])
export class AuditLogEntity extends ActedRecord {
  /** create, update, delete, import, undo, calibrate, restore, … */
  @Column({ type: 'text' })
  action: string;

  /** employee, position, unit, talent_placement, settings, … */
  @Column({ type: 'text' })
  entity: string;

  @Column({ type: 'integer', nullable: true })
  entityId: number | null;

  /** Set whenever the change concerns one employee, for the profile's history tab. No FK: the log outlives rows. */
  @Column({ type: 'integer', nullable: true })
  employeeId: number | null;

  @Column({ type: 'text' })
  summary: string;

  /** JSON array of { field, label, before, after } */
  @Column({ type: 'text', nullable: true })
  changes: string | null;

  @Column({ type: 'text', nullable: true })
  before: string | null;

  @Column({ type: 'text', nullable: true })
  after: string | null;
}

/** Key → JSON value. Agency identity, thresholds and preferences. */
@Entity('app_setting')
export class AppSettingEntity {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  value: string;

  @Column({ type: 'text' })
  updatedAt: string;
}
