// The undo of an import snapshot (main/import/undo.ts): its rows and change log, the schema facts the undo needs
// (which tables carry a snapshot id, which refer to a table), and the writes that put the database back. Through a
// Run on either database (SQLite's bulk transaction or a server's); the schema is read from sqlite_master and its
// pragmas on a file, from the catalogue on a server.

import { isPostgres, jsonValues } from '../dialect';
import { rowsOf, type Run } from '../run';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface SnapshotState {
  id: number;
  kind: string;
  file_name: string;
  status: string;
  imported_at: string;
}

export interface ChangeRow {
  id: number;
  table_name: string;
  row_id: number;
  action: 'insert' | 'update';
  before: string | null;
  after: string | null;
}

/** Rows a DELETE or UPDATE changed: SQLite's run result says `changes`; TypeORM's PostgreSQL runner answers
 *  [rows, rowCount] for them. */
function changedRows(result: unknown): number {
  if (Array.isArray(result)) return Number(result[1] ?? 0);
  return Number((result as { changes?: number | bigint }).changes ?? 0);
}

async function one<T>(run: Run, sql: string, params: unknown[]): Promise<T | undefined> {
  return (await rowsOf<T>(run, sql, params))[0];
}

function snapshot(run: Run, id: number): Promise<SnapshotState | undefined> {
  return one<SnapshotState>(run, 'SELECT id, kind, file_name, status, imported_at FROM import_snapshot WHERE id = ?', [id]);
}

/** The latest snapshot still committed (the only one that may be undone). */
async function latestCommitted(run: Run): Promise<{ id: number; file_name: string }> {
  return (await one<{ id: number; file_name: string }>(run, `SELECT id, file_name FROM import_snapshot WHERE status = 'committed' ORDER BY id DESC LIMIT 1`, []))!;
}

/** The snapshot's change log in the order it was written. */
function changes(run: Run, snapshotId: number): Promise<ChangeRow[]> {
  return rowsOf<ChangeRow>(run, 'SELECT id, table_name, row_id, action, before, after FROM import_change WHERE snapshot_id = ? ORDER BY id', [snapshotId]);
}

async function markUndone(run: Run, snapshotId: number, now: string): Promise<void> {
  await run(`UPDATE import_snapshot SET status = 'undone', undone_at = ? WHERE id = ?`, [now, snapshotId]);
}

/** The given columns of one row (for employees also NIP and name, to name them in a refusal). */
function currentValues(run: Run, table: string, id: number, columns: readonly string[]): Promise<Record<string, unknown> | undefined> {
  return one<Record<string, unknown>>(run, `SELECT ${columns.map(quote).join(', ')}${table === 'employee' ? ', nip, name' : ''} FROM ${quote(table)} WHERE id = ?`, [id]);
}

/** Puts a before-image back. */
async function restoreValues(run: Run, table: string, id: number, values: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(values);
  await run(`UPDATE ${quote(table)} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE id = ?`, [...columns.map((c) => values[c] ?? null), id]);
}

async function ownerOf(run: Run, table: string, id: number): Promise<number | undefined> {
  return (await one<{ employee_id: number }>(run, `SELECT employee_id FROM ${quote(table)} WHERE id = ?`, [id]))?.employee_id;
}

/** Employees with rows of the snapshot in a table that carries its id. */
async function employeesTagged(run: Run, table: string, snapshotId: number): Promise<number[]> {
  return (await rowsOf<{ employee_id: number }>(run, `SELECT DISTINCT employee_id FROM ${quote(table)} WHERE snapshot_id = ?`, [snapshotId])).map((r) => Number(r.employee_id));
}

/** Deletes the rows of a table that carry the snapshot's id; returns how many. */
async function deleteTagged(run: Run, table: string, snapshotId: number): Promise<number> {
  return changedRows(await run(`DELETE FROM ${quote(table)} WHERE snapshot_id = ?`, [snapshotId]));
}

// Rows the import created are deleted by id through a temporary id list, after checking nothing refers to them. On a
// server the list lives for the transaction only (ON COMMIT DROP).

const staged = (run: Run): string => (isPostgres(run) ? 'pg_temp.undo_ids' : 'temp.undo_ids');

async function stageIds(run: Run, ids: readonly number[]): Promise<void> {
  await run(isPostgres(run)
    ? 'CREATE TEMP TABLE IF NOT EXISTS undo_ids (id bigint PRIMARY KEY) ON COMMIT DROP'
    : 'CREATE TEMP TABLE IF NOT EXISTS undo_ids (id INTEGER PRIMARY KEY)', []);
  await clearStagedIds(run);
  await run(`INSERT INTO ${staged(run)} (id) ${jsonValues(run)}`, [JSON.stringify(ids)]);
}

async function clearStagedIds(run: Run): Promise<void> {
  await run(`DELETE FROM ${staged(run)}`, []);
}

/** Rows of `child` whose `column` refers to a staged id (a self-reference among the staged rows does not count). */
async function referencesToStaged(run: Run, child: string, column: string, selfTable: boolean): Promise<number> {
  const self = selfTable ? ` AND id NOT IN (SELECT id FROM ${staged(run)})` : '';
  const row = await one<{ n: number }>(run, `SELECT COUNT(*) AS n FROM ${quote(child)} WHERE ${quote(column)} IN (SELECT id FROM ${staged(run)})${self}`, []);
  return Number(row?.n ?? 0);
}

/** Deletes rows one by one in the given order; returns how many. */
async function deleteRows(run: Run, table: string, ids: readonly number[]): Promise<number> {
  const remove = `DELETE FROM ${quote(table)} WHERE id = ?`;
  let deleted = 0;
  for (const id of ids) deleted += changedRows(await run(remove, [id]));
  return deleted;
}

// The schema as the undo needs it.

async function userTables(run: Run): Promise<string[]> {
  const sql = isPostgres(run)
    ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`
    : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name <> 'migrations'`;
  return (await rowsOf<{ name: string }>(run, sql, [])).map((r) => r.name);
}

async function columnsOf(run: Run, table: string): Promise<string[]> {
  const sql = isPostgres(run)
    ? 'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position'
    : 'SELECT name FROM pragma_table_info(?)';
  return (await rowsOf<{ name: string }>(run, sql, [table])).map((r) => r.name);
}

async function foreignKeysOf(run: Run, table: string): Promise<Array<{ parent: string; column: string }>> {
  const sql = isPostgres(run)
    ? `SELECT parent.relname AS parent, a.attname AS "column" FROM pg_constraint c
         JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f' AND child.relname = ? AND child.relnamespace = CAST(current_schema() AS regnamespace)`
    : 'SELECT "table" AS parent, "from" AS column FROM pragma_foreign_key_list(?)';
  return rowsOf<{ parent: string; column: string }>(run, sql, [table]);
}

export const importUndoSql = {
  snapshot,
  latestCommitted,
  changes,
  markUndone,
  currentValues,
  restoreValues,
  ownerOf,
  employeesTagged,
  deleteTagged,
  stageIds,
  clearStagedIds,
  referencesToStaged,
  deleteRows,
  userTables,
  columnsOf,
  foreignKeysOf,
};

export type ImportUndoSql = typeof importUndoSql;
