// Accounts: the account rows (with the name of the unit an Operator OPD is scoped to), their writes, the login
// bookkeeping (failed attempts, lockout, last login) and the reads the account rules need (another enabled
// Administrator, who changed an account last). Writes run in the caller's TypeORM transaction, beside its audit entry.

import { insertReturningId, isFalse, isPostgres, isTrue } from './dialect';
import type { Role } from '../../../shared/auth/roles';
import { marks, rowsOf, type Run } from './run';

export interface AccountRow {
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

export interface NewAccountRow {
  username: string;
  fullName: string;
  nip: string | null;
  role: Role;
  scopeUnitId: number | null;
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface AccountEdit {
  id: number;
  version: number;
  fullName: string;
  nip: string | null;
  role: Role;
  scopeUnitId: number | null;
  disabled: boolean;
}

const SELECT_ACCOUNT = `SELECT a.*, u.name AS scope_unit_name FROM account a LEFT JOIN unit u ON u.id = a.scope_unit_id`;

// Booleans as the 0/1 the row type says, on PostgreSQL too.
const selectAccount = (run: Run) => (isPostgres(run)
  ? `SELECT a.id, a.username, a.full_name, a.nip, a.role, a.scope_unit_id, CAST(a.disabled AS integer) AS disabled, a.password_hash,
       CAST(a.must_change_password AS integer) AS must_change_password, a.failed_logins, a.locked_until, a.last_login_at, a.created_at,
       a.version, u.name AS scope_unit_name FROM account a LEFT JOIN unit u ON u.id = a.scope_unit_id`
  : SELECT_ACCOUNT);

export const accountsSql = {
  async anyAccount(run: Run): Promise<boolean> {
    const [row] = await rowsOf<{ present: number }>(run, `SELECT EXISTS (SELECT 1 FROM account) AS present`);
    return Boolean(row.present);
  },

  /** Every account, by user name. */
  async all(run: Run): Promise<AccountRow[]> {
    return rowsOf<AccountRow>(run, `${selectAccount(run)} ORDER BY a.username`);
  },

  async byId(run: Run, id: number): Promise<AccountRow | undefined> {
    const [row] = await rowsOf<AccountRow>(run, `${selectAccount(run)} WHERE a.id = ?`, [id]);
    return row;
  },

  async byUsername(run: Run, username: string): Promise<AccountRow | undefined> {
    const [row] = await rowsOf<AccountRow>(run, `${selectAccount(run)} WHERE a.username = ?`, [username]);
    return row;
  },

  /** Whether another account has this user name already. */
  async usernameTaken(run: Run, username: string): Promise<boolean> {
    const [taken] = await rowsOf<{ id: number }>(run, `SELECT id FROM account WHERE username = ?`, [username]);
    return Boolean(taken);
  },

  /** An account with the role and scope given; returns its id. */
  async insert(run: Run, account: NewAccountRow): Promise<number> {
    return insertReturningId(run,
      `INSERT INTO account (username, full_name, nip, role, scope_unit_id, disabled, password_hash, must_change_password, failed_logins, created_at, version)
       VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, 0, ?, 1)`,
      [account.username, account.fullName, account.nip, account.role, account.scopeUnitId, account.passwordHash, account.mustChangePassword ? 1 : 0, account.createdAt],
    );
  },

  /** The first Administrator, logged in as it is created (`at`: creation and last login); returns its id. */
  async insertFirstAdministrator(run: Run, account: { username: string; fullName: string; nip: string | null; passwordHash: string; at: string }): Promise<number> {
    return insertReturningId(run,
      `INSERT INTO account (username, full_name, nip, role, scope_unit_id, disabled, password_hash, must_change_password, failed_logins, created_at, last_login_at, version)
       VALUES (?, ?, ?, 'administrator', NULL, FALSE, ?, FALSE, 0, ?, ?, 1)`,
      [account.username, account.fullName, account.nip, account.passwordHash, account.at, account.at],
    );
  },

  /** Name, NIP, role, scope and the disabled flag, at the version the editor saw (a stale version changes nothing). */
  async update(run: Run, edit: AccountEdit): Promise<void> {
    await run(
      `UPDATE account SET full_name = ?, nip = ?, role = ?, scope_unit_id = ?, disabled = ?, version = version + 1 WHERE id = ? AND version = ?`,
      [edit.fullName, edit.nip, edit.role, edit.scopeUnitId, edit.disabled ? 1 : 0, edit.id, edit.version],
    );
  },

  /** A first password set by an Administrator: to be changed at next login; lifts a lockout. */
  async resetPassword(run: Run, id: number, passwordHash: string): Promise<void> {
    await run(
      `UPDATE account SET password_hash = ?, must_change_password = TRUE, failed_logins = 0, locked_until = NULL, version = version + 1 WHERE id = ?`,
      [passwordHash, id],
    );
  },

  /** The person's own new password: clears the forced change. */
  async changeOwnPassword(run: Run, id: number, passwordHash: string): Promise<void> {
    await run(`UPDATE account SET password_hash = ?, must_change_password = FALSE, version = version + 1 WHERE id = ?`, [passwordHash, id]);
  },

  async setFailedLogins(run: Run, id: number, failures: number): Promise<void> {
    await run(`UPDATE account SET failed_logins = ? WHERE id = ?`, [failures, id]);
  },

  /** Locks the account until `until` (ISO) and starts the count of failures again. */
  async lock(run: Run, id: number, until: string): Promise<void> {
    await run(`UPDATE account SET failed_logins = 0, locked_until = ? WHERE id = ?`, [until, id]);
  },

  /** A successful login at `at`: clears the failures and any lockout. */
  async recordLogin(run: Run, id: number, at: string): Promise<void> {
    await run(`UPDATE account SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?`, [at, id]);
  },

  /** The ids of disabled accounts among `ids`. */
  async disabledAmong(run: Run, ids: readonly number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await rowsOf<{ id: number }>(run, `SELECT id FROM account WHERE ${isTrue(run, 'disabled')} AND id IN (${marks(ids)})`, [...ids]);
    return rows.map((r) => r.id);
  },

  /** Enabled Administrators other than `leavingId`. */
  async otherEnabledAdministrators(run: Run, leavingId: number): Promise<number> {
    const [{ others }] = await rowsOf<{ others: number }>(run,
      `SELECT COUNT(*) AS others FROM account WHERE role = 'administrator' AND ${isFalse(run, 'disabled')} AND id <> ?`, [leavingId]);
    return others;
  },

  /** Who changed the account last and when, from the audit log. */
  async lastChange(run: Run, id: number): Promise<{ actor: string; at: string } | undefined> {
    const [last] = await rowsOf<{ actor: string; at: string }>(run,
      `SELECT actor, at FROM audit_log WHERE entity = 'account' AND entity_id = ? ORDER BY at DESC, id DESC LIMIT 1`, [id]);
    return last;
  },

  /** The name of a unit (the scope of an Operator OPD); undefined when there is no such unit. */
  async unitName(run: Run, unitId: number): Promise<string | undefined> {
    const [unit] = await rowsOf<{ name: string }>(run, `SELECT name FROM unit WHERE id = ?`, [unitId]);
    return unit?.name;
  },

  async unitExists(run: Run, unitId: number): Promise<boolean> {
    const [unit] = await rowsOf<{ id: number }>(run, `SELECT id FROM unit WHERE id = ?`, [unitId]);
    return Boolean(unit);
  },

  /** The first perangkat daerah (a top unit), which the demo's Operator OPD is scoped to. */
  async firstTopUnitId(run: Run): Promise<number | null> {
    const [first] = await rowsOf<{ id: number }>(run, `SELECT id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`);
    return first?.id ?? null;
  },
};

export type AccountsSql = typeof accountsSql;
