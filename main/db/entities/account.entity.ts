import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EditVersionColumn } from './edit-version-columns';
import { UnitEntity } from './unit.entity';

/**
 * A person who logs in to Jenjang: role, optional unit scope (Operator OPD), Argon2id password hash, lockout
 * state. Never deleted (the audit log names accounts by id), only disabled.
 */
@Entity('account')
@Index('idx_account_scope_unit', ['scopeUnitId'])
export class AccountEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Lower-case login name; unique whatever the case it is typed in (NOCASE). */
  @Column({ type: 'text', unique: true, collation: 'NOCASE' })
  username: string;

  @Column({ type: 'text' })
  fullName: string;

  /** The employee the account belongs to, when it is one of the district's ASN. */
  @Column({ type: 'text', nullable: true })
  nip: string | null;

  /** administrator, pengelola, komite, pimpinan, operator_opd (shared/auth/roles.ts) */
  @Column({ type: 'text' })
  role: string;

  /** The unit subtree an Operator OPD is limited to; null for every other role. */
  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scope_unit_id' })
  scopeUnit: Relation<UnitEntity> | null;

  @Column({ type: 'integer', nullable: true })
  scopeUnitId: number | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Argon2id, PHC string ("$argon2id$…"). */
  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** Failed logins since the last success; reaching the limit locks the account. */
  @Column({ type: 'integer', default: 0 })
  failedLogins: number;

  /** ISO timestamp until which logins are refused, or null. */
  @Column({ type: 'text', nullable: true })
  lockedUntil: string | null;

  @Column({ type: 'text', nullable: true })
  lastLoginAt: string | null;

  @Column({ type: 'text' })
  createdAt: string;

  @EditVersionColumn()
  version: number;
}
