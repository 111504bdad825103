// The export log (its one writer and its reader) and the retention of imported cell values.

import { asFlag, isPostgres } from './dialect';
import { rowsOf, type Run } from './run';

export interface NewExportLogRow {
  at: string;
  actor: string;
  accountId: number | null;
  kind: string;
  title: string;
  /** JSON [{ label, value }] */
  parameters: string;
  format: 'pdf' | 'xlsx';
  rowCount: number | null;
  pageCount: number | null;
  fileName: string;
  forLeadership: boolean;
  via: string;
}

export interface ExportLogRow {
  id: number;
  at: string;
  actor: string;
  account_id: number | null;
  kind: string;
  title: string;
  parameters: string;
  format: string;
  row_count: number | null;
  page_count: number | null;
  file_name: string;
  for_leadership: number;
  via: string;
}

export interface ExportLogFilter {
  actor?: string;
  kind?: string;
  /** ISO timestamps: from inclusive, before exclusive. */
  fromAt?: string;
  beforeAt?: string;
}

function whereOf(filter: ExportLogFilter): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.actor !== undefined) { where.push('actor = ?'); params.push(filter.actor); }
  if (filter.kind !== undefined) { where.push('kind = ?'); params.push(filter.kind); }
  if (filter.fromAt !== undefined) { where.push('at >= ?'); params.push(filter.fromAt); }
  if (filter.beforeAt !== undefined) { where.push('at < ?'); params.push(filter.beforeAt); }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export const privacySql = {
  async insertExportLog(run: Run, row: NewExportLogRow): Promise<void> {
    await run(
      `INSERT INTO export_log (at, actor, account_id, kind, title, parameters, format, row_count, page_count, file_name, for_leadership, via)
       VALUES (?, ?, COALESCE(?, (SELECT id FROM account WHERE full_name || ' (' || username || ')' = ? LIMIT 1)), ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      // Without an explicit id, the account whose label the actor is (as in the audit log).
      [row.at, row.actor, row.accountId, row.actor, row.kind, row.title, row.parameters, row.format, row.rowCount, row.pageCount, row.fileName, row.forLeadership ? 1 : 0, row.via],
    );
  },

  async countExportLog(run: Run, filter: ExportLogFilter): Promise<number> {
    const { clause, params } = whereOf(filter);
    const [row] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total FROM export_log ${clause}`, params);
    return row.total;
  },

  async exportLogPage(run: Run, filter: ExportLogFilter, offset: number, limit: number): Promise<ExportLogRow[]> {
    const { clause, params } = whereOf(filter);
    // The flag as the 0/1 the row type says, on PostgreSQL too.
    const columns = isPostgres(run) ? `*, ${asFlag(run, 'for_leadership')} AS for_leadership` : '*';
    return rowsOf<ExportLogRow>(run, `SELECT ${columns} FROM export_log ${clause} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
  },

  async exportLogActors(run: Run): Promise<string[]> {
    return (await rowsOf<{ actor: string }>(run, 'SELECT DISTINCT actor FROM export_log ORDER BY actor')).map((r) => r.actor);
  },

  /** Each kind with its latest title. */
  async exportLogKinds(run: Run): Promise<Array<{ kind: string; title: string }>> {
    return rowsOf(run, `SELECT kind, (SELECT title FROM export_log t WHERE t.kind = k.kind ORDER BY at DESC, id DESC LIMIT 1) AS title
      FROM (SELECT DISTINCT kind FROM export_log) k ORDER BY title`);
  },

  /** Removes the raw cell values of the issues of imports made before `beforeAt`; rows, counts and messages stay. */
  async clearImportIssueValues(run: Run, beforeAt: string): Promise<number> {
    const result = (await run(
      `UPDATE import_issue SET value = NULL
       WHERE value IS NOT NULL AND snapshot_id IN (SELECT id FROM import_snapshot WHERE imported_at < ?)`,
      [beforeAt],
    )) as { changes?: number } | unknown[] | undefined;
    return changesOf(result);
  },
};

/** Rows changed by an UPDATE through either Run: better-sqlite3's { changes } or TypeORM's [rows, affected]. */
function changesOf(result: unknown): number {
  if (result && typeof result === 'object' && 'changes' in result) return Number((result as { changes: number }).changes);
  if (Array.isArray(result) && typeof result[1] === 'number') return result[1];
  return 0;
}

export type PrivacySql = typeof privacySql;
