// The undo of an import snapshot (main/import/undo.ts): its rows and change log, the schema facts the undo needs
// (which tables carry a snapshot id, which refer to a table), and the writes that put the database back.

import { type Prepared } from '../run';

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

function snapshot(tx: Prepared, id: number): SnapshotState | undefined {
  return tx.statement('SELECT id, kind, file_name, status, imported_at FROM import_snapshot WHERE id = ?').get(id) as SnapshotState | undefined;
}

/** The latest snapshot still committed (the only one that may be undone). */
function latestCommitted(tx: Prepared): { id: number; file_name: string } {
  return tx.statement(`SELECT id, file_name FROM import_snapshot WHERE status = 'committed' ORDER BY id DESC LIMIT 1`).get() as { id: number; file_name: string };
}

/** The snapshot's change log in the order it was written. */
function changes(tx: Prepared, snapshotId: number): ChangeRow[] {
  return tx.statement('SELECT id, table_name, row_id, action, before, after FROM import_change WHERE snapshot_id = ? ORDER BY id').all(snapshotId) as ChangeRow[];
}

function markUndone(tx: Prepared, snapshotId: number, now: string): void {
  tx.statement(`UPDATE import_snapshot SET status = 'undone', undone_at = ? WHERE id = ?`).run(now, snapshotId);
}

/** The given columns of one row (for employees also NIP and name, to name them in a refusal). */
function currentValues(tx: Prepared, table: string, id: number, columns: readonly string[]): Record<string, unknown> | undefined {
  return tx.statement(`SELECT ${columns.map(quote).join(', ')}${table === 'employee' ? ', nip, name' : ''} FROM ${quote(table)} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}

/** Puts a before-image back. */
function restoreValues(tx: Prepared, table: string, id: number, values: Record<string, unknown>): void {
  const columns = Object.keys(values);
  tx.statement(`UPDATE ${quote(table)} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => values[c] ?? null), id);
}

function ownerOf(tx: Prepared, table: string, id: number): number | undefined {
  return (tx.statement(`SELECT employee_id FROM ${quote(table)} WHERE id = ?`).get(id) as { employee_id: number } | undefined)?.employee_id;
}

/** Employees with rows of the snapshot in a table that carries its id. */
function employeesTagged(tx: Prepared, table: string, snapshotId: number): number[] {
  return (tx.statement(`SELECT DISTINCT employee_id FROM ${quote(table)} WHERE snapshot_id = ?`).all(snapshotId) as Array<{ employee_id: number }>).map((r) => r.employee_id);
}

/** Deletes the rows of a table that carry the snapshot's id; returns how many. */
function deleteTagged(tx: Prepared, table: string, snapshotId: number): number {
  return Number(tx.statement(`DELETE FROM ${quote(table)} WHERE snapshot_id = ?`).run(snapshotId).changes);
}

// Rows the import created are deleted by id through a temporary id list, after checking nothing refers to them.

function stageIds(tx: Prepared, ids: readonly number[]): void {
  tx.statement('CREATE TEMP TABLE IF NOT EXISTS undo_ids (id INTEGER PRIMARY KEY)').run();
  clearStagedIds(tx);
  const put = tx.statement('INSERT INTO temp.undo_ids (id) VALUES (?)');
  for (const id of ids) put.run(id);
}

function clearStagedIds(tx: Prepared): void {
  tx.statement('DELETE FROM temp.undo_ids').run();
}

/** Rows of `child` whose `column` refers to a staged id (a self-reference among the staged rows does not count). */
function referencesToStaged(tx: Prepared, child: string, column: string, selfTable: boolean): number {
  const self = selfTable ? ' AND id NOT IN (SELECT id FROM temp.undo_ids)' : '';
  return (tx.statement(`SELECT COUNT(*) AS n FROM ${quote(child)} WHERE ${quote(column)} IN (SELECT id FROM temp.undo_ids)${self}`).get() as { n: number }).n;
}

/** Deletes rows one by one in the given order; returns how many. */
function deleteRows(tx: Prepared, table: string, ids: readonly number[]): number {
  const remove = tx.statement(`DELETE FROM ${quote(table)} WHERE id = ?`);
  let deleted = 0;
  for (const id of ids) deleted += Number(remove.run(id).changes);
  return deleted;
}

// The schema as the undo needs it.

function userTables(tx: Prepared): string[] {
  return (tx.statement(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name <> 'migrations'`).all() as Array<{ name: string }>).map((r) => r.name);
}

function columnsOf(tx: Prepared, table: string): string[] {
  return (tx.statement('SELECT name FROM pragma_table_info(?)').all(table) as Array<{ name: string }>).map((r) => r.name);
}

function foreignKeysOf(tx: Prepared, table: string): Array<{ parent: string; column: string }> {
  return tx.statement('SELECT "table" AS parent, "from" AS column FROM pragma_foreign_key_list(?)').all(table) as Array<{ parent: string; column: string }>;
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
