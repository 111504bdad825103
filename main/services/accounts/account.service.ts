// Accounts: who may log in, with which role and (Operator OPD) which unit subtree. Passwords are Argon2id hashes
// (passwords.ts); repeated failures lock an account for a while (Pengaturan › Keamanan); every change an
// Administrator makes is audited in the same transaction; the last enabled Administrator can never be disabled
// or demoted. Sessions are not kept here but in the host's SessionStore (session-store.ts).

import type { DataSource, EntityManager } from 'typeorm';
import { accountLabel, ROLE_LABELS, ROLE_PERMISSIONS, SCOPED_ROLES, type Role } from '../../../shared/auth/roles';
import { AppError } from '../../../shared/errors';
import { formatDateTimeId } from '../../../shared/format/id-format';
import type { Account, SessionInfo } from '../../../shared/schemas/auth';
import type { ActingAccount } from '../../../shared/auth/acting';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import type { SettingsSection } from '../settings/settings-section';
import type { SettingsService } from '../settings/settings.service';
import { decoy, hashPassword, verifyPassword } from './passwords';
import { SECURITY_SETTINGS, type SecuritySettings } from './security-settings';

interface AccountRow {
  id: number;
  username: string;
  full_name: string;
  nip: string | null;
  role: Role;
  scope_unit_id: number | null;
  scope_unit_name: string | null;
  disabled: number;
  password_hash: string;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  version: number;
}

const SELECT_ACCOUNT = `SELECT a.*, u.name AS scope_unit_name FROM account a LEFT JOIN unit u ON u.id = a.scope_unit_id`;

/** One answer for every refused login, so it never tells which names exist or which account is locked. */
export const LOGIN_REFUSED = 'Nama pengguna atau kata sandi salah, atau akun sedang dinonaktifkan atau terkunci sementara.';

export interface NewAccount {
  username: string;
  fullName: string;
  nip: string | null;
  role: Role;
  scopeUnitId: number | null;
  password: string;
}

export interface AccountChange {
  id: number;
  version: number;
  fullName: string;
  nip: string | null;
  role: Role;
  scopeUnitId: number | null;
  disabled: boolean;
}

export class AccountService {
  /** Pengaturan › Keamanan. */
  readonly security: SettingsSection<SecuritySettings>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    settings: SettingsService,
  ) {
    this.security = settings.section(SECURITY_SETTINGS);
  }

  async hasAccounts(): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM account) AS present`);
    return Boolean(row.present);
  }

  async list(): Promise<Account[]> {
    const rows: AccountRow[] = await this.dataSource.query(`${SELECT_ACCOUNT} ORDER BY a.username`);
    return rows.map((row) => toAccount(row, this.clock.now()));
  }

  async get(id: number): Promise<Account> {
    return toAccount(await this.row(this.dataSource, id), this.clock.now());
  }

  /** Who an account acts as in a session. */
  async acting(id: number): Promise<ActingAccount> {
    return toActing(await this.row(this.dataSource, id));
  }

  /** What the renderer knows about a session: names, role, scope, permissions, the idle lock in force. */
  async sessionInfo(acting: ActingAccount): Promise<SessionInfo> {
    let scopeUnitName: string | null = null;
    if (acting.scopeUnitId !== null) {
      const [unit] = await this.dataSource.query(`SELECT name FROM unit WHERE id = ?`, [acting.scopeUnitId]);
      scopeUnitName = unit?.name ?? null;
    }
    const { idleLockMinutes } = await this.security.get();
    return {
      accountId: acting.accountId ?? 0,
      username: acting.username,
      fullName: acting.fullName,
      role: acting.role,
      scopeUnitId: acting.scopeUnitId,
      scopeUnitName,
      mustChangePassword: acting.mustChangePassword,
      permissions: [...ROLE_PERMISSIONS[acting.role]],
      idleLockMinutes,
    };
  }

  /** Creates an account whose first password the person must change at first login (unless `mustChangePassword`
   *  is false: the Administrator of `init --admin`, the demo accounts). */
  async create(input: NewAccount, actor: string, options: { mustChangePassword?: boolean; manager?: EntityManager } = {}): Promise<Account> {
    await this.checkScope(input.role, input.scopeUnitId);
    const passwordHash = await hashPassword(input.password);
    const write = async (manager: EntityManager) => {
      const [taken] = await manager.query(`SELECT id FROM account WHERE username = ?`, [input.username]);
      if (taken) throw new AppError('conflict', `Nama pengguna "${input.username}" sudah dipakai akun lain.`, { issues: [{ path: 'username', message: 'Nama pengguna sudah dipakai.' }] });
      const now = this.clock.now();
      await manager.query(
        `INSERT INTO account (username, full_name, nip, role, scope_unit_id, disabled, password_hash, must_change_password, failed_logins, created_at, version)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?, 0, ?, 1)`,
        [input.username, input.fullName, input.nip, input.role, input.scopeUnitId, passwordHash, options.mustChangePassword ?? true ? 1 : 0, now],
      );
      const [{ id }] = await manager.query(`SELECT last_insert_rowid() AS id`);
      const created = await this.row(manager, id);
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'account', entityId: id,
        summary: `Membuat akun ${accountLabel(created.full_name, created.username)} dengan peran ${ROLE_LABELS[created.role]}${created.scope_unit_name ? ` untuk ${created.scope_unit_name}` : ''}`,
        after: auditView(created),
      });
      return toAccount(created, this.clock.now());
    };
    return options.manager ? write(options.manager) : this.dataSource.transaction(write);
  }

  /**
   * Edits name, NIP, role, scope and the disabled flag. Refused when the account changed since `version` (naming
   * who changed it, when the audit log says) and when no enabled Administrator would be left. Returns the account
   * and whether it was disabled by this edit (its sessions end then).
   */
  async update(change: AccountChange, actor: string): Promise<{ account: Account; disabledNow: boolean; before: Account }> {
    await this.checkScope(change.role, change.scopeUnitId);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.row(manager, change.id);
      if (current.version !== change.version) throw await this.staleVersion(manager, current);
      const wasAdmin = current.role === 'administrator' && !current.disabled;
      const staysAdmin = change.role === 'administrator' && !change.disabled;
      if (wasAdmin && !staysAdmin) await this.keepOneAdministrator(manager, current.id);
      const before = toAccount(current, this.clock.now());
      await manager.query(
        `UPDATE account SET full_name = ?, nip = ?, role = ?, scope_unit_id = ?, disabled = ?, version = version + 1 WHERE id = ? AND version = ?`,
        [change.fullName, change.nip, change.role, change.scopeUnitId, change.disabled ? 1 : 0, change.id, change.version],
      );
      const updated = await this.row(manager, change.id);
      const changes = describeChanges(current, updated);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'account', entityId: change.id,
        summary: `Mengubah akun ${accountLabel(updated.full_name, updated.username)}: ${changes.length ? changes.map((c) => c.label.toLowerCase()).join(', ') : 'tanpa perubahan isi'}`,
        changes, before: auditView(current), after: auditView(updated),
      });
      return { account: toAccount(updated, this.clock.now()), disabledNow: !current.disabled && Boolean(updated.disabled), before };
    });
  }

  /** A new first password (to be changed at next login); lifts a lockout. */
  async resetPassword(id: number, password: string, actor: string): Promise<Account> {
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.row(manager, id);
      await manager.query(
        `UPDATE account SET password_hash = ?, must_change_password = 1, failed_logins = 0, locked_until = NULL, version = version + 1 WHERE id = ?`,
        [passwordHash, id],
      );
      await this.audit.record(manager, {
        actor, action: 'reset_password', entity: 'account', entityId: id,
        summary: `Mengatur ulang kata sandi akun ${accountLabel(current.full_name, current.username)} (wajib diganti saat masuk berikutnya)`,
      });
      return toAccount(await this.row(manager, id), this.clock.now());
    });
  }

  /**
   * Checks a name and password. Every refusal (unknown name, wrong password, disabled, locked) is the same
   * `unauthorized`; a wrong password counts towards the lockout, and reaching the limit locks the account for
   * `lockoutMinutes` (audited). Success clears the count and records the time.
   */
  async login(username: string, password: string): Promise<ActingAccount> {
    const [found]: AccountRow[] = await this.dataSource.query(`${SELECT_ACCOUNT} WHERE a.username = ?`, [username]);
    if (!found) {
      await verifyPassword(await decoy(), password);
      throw new AppError('unauthorized', LOGIN_REFUSED);
    }
    const now = this.clock.now();
    const locked = found.locked_until !== null && found.locked_until > now;
    if (found.disabled || locked) {
      await verifyPassword(await decoy(), password);
      throw new AppError('unauthorized', LOGIN_REFUSED);
    }
    if (!(await verifyPassword(found.password_hash, password))) {
      const { maxFailedLogins, lockoutMinutes } = await this.security.get();
      const failures = found.failed_logins + 1;
      await this.dataSource.transaction(async (manager) => {
        if (failures < maxFailedLogins) {
          await manager.query(`UPDATE account SET failed_logins = ? WHERE id = ?`, [failures, found.id]);
          return;
        }
        const until = new Date(Date.parse(now) + lockoutMinutes * 60_000).toISOString();
        await manager.query(`UPDATE account SET failed_logins = 0, locked_until = ? WHERE id = ?`, [until, found.id]);
        await this.audit.record(manager, {
          actor: accountLabel(found.full_name, found.username), action: 'lock', entity: 'account', entityId: found.id,
          summary: `Akun ${accountLabel(found.full_name, found.username)} terkunci ${lockoutMinutes} menit setelah ${failures} kali gagal masuk`,
        });
      });
      throw new AppError('unauthorized', LOGIN_REFUSED);
    }
    await this.dataSource.query(`UPDATE account SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?`, [now, found.id]);
    return toActing(found);
  }

  /** The first Administrator, on a database without accounts only (the first start, `cli init --admin`). */
  async setupAdministrator(input: Omit<NewAccount, 'role' | 'scopeUnitId'>): Promise<ActingAccount> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const [existing] = await manager.query(`SELECT id FROM account LIMIT 1`);
      if (existing) throw new AppError('conflict', 'Akun Administrator sudah dibuat untuk database ini; masuk dengan akun yang ada.');
      const now = this.clock.now();
      await manager.query(
        `INSERT INTO account (username, full_name, nip, role, scope_unit_id, disabled, password_hash, must_change_password, failed_logins, created_at, last_login_at, version)
         VALUES (?, ?, ?, 'administrator', NULL, 0, ?, 0, 0, ?, ?, 1)`,
        [input.username, input.fullName, input.nip, passwordHash, now, now],
      );
      const [{ id }] = await manager.query(`SELECT last_insert_rowid() AS id`);
      const created = await this.row(manager, id);
      const label = accountLabel(created.full_name, created.username);
      await this.audit.record(manager, {
        actor: label, action: 'create', entity: 'account', entityId: id,
        summary: `Membuat akun Administrator pertama ${label}`, after: auditView(created),
      });
      return toActing(created);
    });
  }

  /** One's own password: the current one must be right; clears the forced change. */
  async changePassword(id: number, currentPassword: string, newPassword: string): Promise<ActingAccount> {
    const current = await this.row(this.dataSource, id);
    if (!(await verifyPassword(current.password_hash, currentPassword))) {
      throw new AppError('validation', 'Kata sandi saat ini salah.', { issues: [{ path: 'currentPassword', message: 'Kata sandi saat ini salah.' }] });
    }
    if (currentPassword === newPassword) {
      throw new AppError('validation', 'Kata sandi baru harus berbeda dari kata sandi saat ini.', { issues: [{ path: 'newPassword', message: 'Kata sandi baru harus berbeda dari kata sandi saat ini.' }] });
    }
    const passwordHash = await hashPassword(newPassword);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE account SET password_hash = ?, must_change_password = 0, version = version + 1 WHERE id = ?`, [passwordHash, id]);
      const label = accountLabel(current.full_name, current.username);
      await this.audit.record(manager, { actor: label, action: 'change_password', entity: 'account', entityId: id, summary: `Mengganti kata sandi akun ${label}` });
      return toActing(await this.row(manager, id));
    });
  }

  /** The audit entry of "akhiri sesi" (the sessions themselves live in the host's store). */
  async recordEndedSessions(id: number, ended: number, actor: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, id);
      await this.audit.record(manager, {
        actor, action: 'end_sessions', entity: 'account', entityId: id,
        summary: `Mengakhiri ${ended} sesi akun ${accountLabel(row.full_name, row.username)}`,
      });
    });
  }

  /** The ids of disabled accounts among `ids` (their sessions end). */
  async disabledAmong(ids: readonly number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM account WHERE disabled = 1 AND id IN (${ids.map(() => '?').join(',')})`, [...ids]);
    return rows.map((r) => r.id);
  }

  private async row(manager: EntityManager | DataSource, id: number): Promise<AccountRow> {
    const [row]: AccountRow[] = await manager.query(`${SELECT_ACCOUNT} WHERE a.id = ?`, [id]);
    if (!row) throw new AppError('not_found', 'Akun tidak ditemukan.');
    return row;
  }

  private async checkScope(role: Role, scopeUnitId: number | null): Promise<void> {
    if (SCOPED_ROLES.includes(role)) {
      if (scopeUnitId === null) {
        throw AppError.validation([{ path: 'scopeUnitId', message: `Peran ${ROLE_LABELS[role]} wajib memilih unit kerja.` }], `Peran ${ROLE_LABELS[role]} wajib memilih unit kerja.`);
      }
      const [unit] = await this.dataSource.query(`SELECT id FROM unit WHERE id = ?`, [scopeUnitId]);
      if (!unit) throw AppError.validation([{ path: 'scopeUnitId', message: 'Unit kerja tidak ditemukan.' }], 'Unit kerja yang dipilih tidak ditemukan.');
    } else if (scopeUnitId !== null) {
      throw AppError.validation([{ path: 'scopeUnitId', message: `Peran ${ROLE_LABELS[role]} tidak dibatasi unit kerja; kosongkan unit kerja.` }],
        `Peran ${ROLE_LABELS[role]} tidak dibatasi unit kerja; kosongkan unit kerja.`);
    }
  }

  private async keepOneAdministrator(manager: EntityManager, leavingId: number): Promise<void> {
    const [{ others }] = await manager.query(
      `SELECT COUNT(*) AS others FROM account WHERE role = 'administrator' AND disabled = 0 AND id <> ?`, [leavingId]);
    if (others === 0) {
      throw new AppError('conflict', 'Akun ini adalah satu-satunya Administrator yang aktif; buat atau aktifkan Administrator lain lebih dahulu.');
    }
  }

  private async staleVersion(manager: EntityManager, current: AccountRow): Promise<AppError> {
    const [last] = await manager.query(
      `SELECT actor, at FROM audit_log WHERE entity = 'account' AND entity_id = ? ORDER BY at DESC, id DESC LIMIT 1`, [current.id]);
    const who = last ? ` oleh ${last.actor} pada ${formatDateTimeId(last.at)}` : '';
    return new AppError('conflict', `Akun ini sudah diubah${who} sejak formulir dibuka. Muat ulang daftar akun, lalu ulangi perubahan Anda.`, { currentVersion: current.version });
  }
}

/** `now`: main's clock, which alone says whether a lockout still holds (the page's clock may be another day). */
function toAccount(row: AccountRow, now: string): Account {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    nip: row.nip,
    role: row.role,
    scopeUnitId: row.scope_unit_id,
    scopeUnitName: row.scope_unit_name,
    disabled: Boolean(row.disabled),
    mustChangePassword: Boolean(row.must_change_password),
    lockedUntil: row.locked_until,
    locked: row.locked_until !== null && row.locked_until > now,
    failedLogins: row.failed_logins,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    version: row.version,
  };
}

function toActing(row: AccountRow): ActingAccount {
  return {
    accountId: row.id, username: row.username, fullName: row.full_name, role: row.role,
    scopeUnitId: row.scope_unit_id, mustChangePassword: Boolean(row.must_change_password),
  };
}

/** What the audit log keeps of an account: never the hash. */
function auditView(row: AccountRow) {
  return {
    username: row.username, fullName: row.full_name, nip: row.nip, role: row.role,
    scopeUnitId: row.scope_unit_id, disabled: Boolean(row.disabled),
  };
}

function describeChanges(before: AccountRow, after: AccountRow) {
  const show = {
    full_name: (r: AccountRow) => r.full_name,
    nip: (r: AccountRow) => r.nip,
    role: (r: AccountRow) => ROLE_LABELS[r.role],
    scope_unit_id: (r: AccountRow) => r.scope_unit_name,
    disabled: (r: AccountRow) => (r.disabled ? 'nonaktif' : 'aktif'),
  };
  const labels: Record<keyof typeof show, string> = { full_name: 'Nama lengkap', nip: 'NIP', role: 'Peran', scope_unit_id: 'Unit kerja', disabled: 'Status' };
  return (Object.keys(show) as Array<keyof typeof show>)
    .filter((field) => show[field](before) !== show[field](after))
    .map((field) => ({ field, label: labels[field], before: show[field](before), after: show[field](after) }));
}
