// Accounts: who may log in, with which role and (Operator OPD) which unit subtree. Passwords are Argon2id hashes
// (passwords.ts); repeated failures lock an account for a while (Pengaturan › Keamanan); every change an
// Administrator makes is audited in the same transaction; the last enabled Administrator can never be disabled
// or demoted. Sessions are not kept here but in the host's SessionStore (session-store.ts).

import type { DataSource, EntityManager } from 'typeorm';
import { accountLabel, ROLE_LABELS, ROLE_PERMISSIONS, SCOPED_ROLES, type Role } from '../../../shared/auth/roles';
import { AppError } from '../../../shared/errors';
import type { Account, SessionInfo } from '../../../shared/schemas/auth';
import type { ActingAccount } from '../../../shared/auth/acting';
import type { DocumentAuthor } from '../../../shared/auth/document-author';
import type { AccountEdit, AccountRow, AccountsSql } from '../../db/sql/accounts.sql';
import { managerRun } from '../../db/sql/run';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import type { SettingsSection } from '../settings/settings-section';
import type { SettingsService } from '../settings/settings.service';
import { decoy, hashPassword, verifyPassword } from './passwords';
import { SECURITY_SETTINGS, type SecuritySettings } from './security-settings';
import { staleEditError } from '../versions/edit-version';

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

/** An edit of an account as the form sends it: the row the SQL module writes. */
export type AccountChange = AccountEdit;

export class AccountService {
  /** Pengaturan › Keamanan. */
  readonly security: SettingsSection<SecuritySettings>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    settings: SettingsService,
    private readonly sql: AccountsSql,
  ) {
    this.security = settings.section(SECURITY_SETTINGS);
  }

  async hasAccounts(): Promise<boolean> {
    return this.sql.anyAccount(managerRun(this.dataSource));
  }

  async list(): Promise<Account[]> {
    const rows = await this.sql.all(managerRun(this.dataSource));
    return rows.map((row) => toAccount(row, this.clock.now()));
  }

  async get(id: number): Promise<Account> {
    return toAccount(await this.row(this.dataSource, id), this.clock.now());
  }

  /** Who an account acts as in a session. */
  async acting(id: number): Promise<ActingAccount> {
    return toActing(await this.row(this.dataSource, id));
  }

  /** The author of a document the acting account makes (shared/auth/document-author.ts); null for a built-in
   *  actor, which has no account. */
  async documentAuthor(acting: ActingAccount | null): Promise<DocumentAuthor | null> {
    if (!acting || acting.accountId === null) return null;
    const row = await this.sql.byId(managerRun(this.dataSource), acting.accountId);
    // The session's name is the one "Dicetak oleh" prints; the row adds the NIP when it is this account's row.
    return { fullName: acting.fullName, nip: row && row.username === acting.username ? row.nip : null };
  }

  /** What the renderer knows about a session: names, role, scope, permissions, the idle lock in force. */
  async sessionInfo(acting: ActingAccount): Promise<SessionInfo> {
    let scopeUnitName: string | null = null;
    if (acting.scopeUnitId !== null) {
      scopeUnitName = (await this.sql.unitName(managerRun(this.dataSource), acting.scopeUnitId)) ?? null;
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
      const run = managerRun(manager);
      if (await this.sql.usernameTaken(run, input.username)) throw new AppError('conflict', `Nama pengguna "${input.username}" sudah dipakai akun lain.`, { issues: [{ path: 'username', message: 'Nama pengguna sudah dipakai.' }] });
      const now = this.clock.now();
      const id = await this.sql.insert(run, {
        username: input.username, fullName: input.fullName, nip: input.nip, role: input.role, scopeUnitId: input.scopeUnitId,
        passwordHash, mustChangePassword: options.mustChangePassword ?? true, createdAt: now,
      });
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
      await this.sql.update(managerRun(manager), change);
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
      await this.sql.resetPassword(managerRun(manager), id, passwordHash);
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
    const found = await this.sql.byUsername(managerRun(this.dataSource), username);
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
          await this.sql.setFailedLogins(managerRun(manager), found.id, failures);
          return;
        }
        const until = new Date(Date.parse(now) + lockoutMinutes * 60_000).toISOString();
        await this.sql.lock(managerRun(manager), found.id, until);
        await this.audit.record(manager, {
          actor: accountLabel(found.full_name, found.username), action: 'lock', entity: 'account', entityId: found.id,
          summary: `Akun ${accountLabel(found.full_name, found.username)} terkunci ${lockoutMinutes} menit setelah ${failures} kali gagal masuk`,
        });
      });
      throw new AppError('unauthorized', LOGIN_REFUSED);
    }
    await this.sql.recordLogin(managerRun(this.dataSource), found.id, now);
    return toActing(found);
  }

  /** The first Administrator, on a database without accounts only (the first start, `cli init --admin`). */
  async setupAdministrator(input: Omit<NewAccount, 'role' | 'scopeUnitId'>): Promise<ActingAccount> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      if (await this.sql.anyAccount(run)) throw new AppError('conflict', 'Akun Administrator sudah dibuat untuk database ini; masuk dengan akun yang ada.');
      const now = this.clock.now();
      const id = await this.sql.insertFirstAdministrator(run, { username: input.username, fullName: input.fullName, nip: input.nip, passwordHash, at: now });
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
      await this.sql.changeOwnPassword(managerRun(manager), id, passwordHash);
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
    return this.sql.disabledAmong(managerRun(this.dataSource), ids);
  }

  private async row(manager: EntityManager | DataSource, id: number): Promise<AccountRow> {
    const row = await this.sql.byId(managerRun(manager), id);
    if (!row) throw new AppError('not_found', 'Akun tidak ditemukan.');
    return row;
  }

  private async checkScope(role: Role, scopeUnitId: number | null): Promise<void> {
    if (SCOPED_ROLES.includes(role)) {
      if (scopeUnitId === null) {
        throw AppError.validation([{ path: 'scopeUnitId', message: `Peran ${ROLE_LABELS[role]} wajib memilih unit kerja.` }], `Peran ${ROLE_LABELS[role]} wajib memilih unit kerja.`);
      }
      if (!(await this.sql.unitExists(managerRun(this.dataSource), scopeUnitId))) throw AppError.validation([{ path: 'scopeUnitId', message: 'Unit kerja tidak ditemukan.' }], 'Unit kerja yang dipilih tidak ditemukan.');
    } else if (scopeUnitId !== null) {
      throw AppError.validation([{ path: 'scopeUnitId', message: `Peran ${ROLE_LABELS[role]} tidak dibatasi unit kerja; kosongkan unit kerja.` }],
        `Peran ${ROLE_LABELS[role]} tidak dibatasi unit kerja; kosongkan unit kerja.`);
    }
  }

  private async keepOneAdministrator(manager: EntityManager, leavingId: number): Promise<void> {
    if ((await this.sql.otherEnabledAdministrators(managerRun(manager), leavingId)) === 0) {
      throw new AppError('conflict', 'Akun ini adalah satu-satunya Administrator yang aktif; buat atau aktifkan Administrator lain lebih dahulu.');
    }
  }

  private async staleVersion(manager: EntityManager, current: AccountRow): Promise<AppError> {
    const last = await this.sql.lastChange(managerRun(manager), current.id);
    return staleEditError('Akun ini', current.version, { by: last?.actor ?? null, at: last?.at ?? null });
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
