// The one writer of audit_log, and its reader. Edits (through a TypeORM transaction), imports and their undo
// (through a bulk transaction) all call writeAudit with their own Run, so a change and its log entry commit
// together or not at all.

import { rowsOf, type Run } from './run';

export interface AuditChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface NewAuditEntry {
  /** ISO timestamp from the app clock. */
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  employeeId?: number | null;
  /** One Indonesian sentence the audit screens show. */
  summary: string;
  changes?: readonly AuditChange[];
  before?: unknown;
  after?: unknown;
}

/**
 * The account id is the account whose label the actor is (shared/auth/roles.ts accountLabel: "Nama Lengkap
 * (username)"; a user name holds no spaces or brackets, so the label names one account). Every writer passes the
 * label its request acts as, so no call site has to carry the id as well; the system actor matches none (null).
 */
const INSERT_AUDIT = `INSERT INTO audit_log (at, actor, action, entity, entity_id, employee_id, summary, changes, before, after, account_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM account WHERE full_name || ' (' || username || ')' = ? LIMIT 1))`;

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export async function writeAudit(run: Run, entry: NewAuditEntry): Promise<void> {
  await run(INSERT_AUDIT, [
    entry.at, entry.actor, entry.action, entry.entity, entry.entityId, entry.employeeId ?? null, entry.summary,
    entry.changes ? JSON.stringify(entry.changes) : null, json(entry.before), json(entry.after), entry.actor,
  ]);
}

export interface AuditLogFilter {
  employeeId?: number;
  entity?: string;
}

export interface AuditLogRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  employee_id: number | null;
  summary: string;
  /** JSON AuditChange[], or null. */
  changes: string | null;
}

function auditWhere(filter: AuditLogFilter): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.employeeId !== undefined) {
    where.push('employee_id = ?');
    params.push(filter.employeeId);
  }
  if (filter.entity !== undefined) {
    where.push('entity = ?');
    params.push(filter.entity);
  }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Entries of one employee or one kind of record (or all), newest first: the total and one page. */
async function auditPage(run: Run, filter: AuditLogFilter, offset: number, limit: number): Promise<{ total: number; rows: AuditLogRow[] }> {
  const { clause, params } = auditWhere(filter);
  const [{ total }] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total FROM audit_log ${clause}`, params);
  const rows = await rowsOf<AuditLogRow>(run,
    `SELECT id, at, actor, action, entity, entity_id, employee_id, summary, changes FROM audit_log ${clause}
       ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  return { total, rows };
}

export const auditSql = { write: writeAudit, page: auditPage };

export type AuditSql = typeof auditSql;
