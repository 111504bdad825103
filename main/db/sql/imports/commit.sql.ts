// The import commit's writes (main/import/commit.ts): the snapshot row, its change log and issues, units,
// positions and employees of a pegawai snapshot, the rows of the record kinds. Each writer prepares its statement
// once per transaction and returns a synchronous function for the row loop.

import type BetterSqlite3 from 'better-sqlite3';
import type { PositionValues } from '../rows';
import { insertReturningId, isPostgres } from '../dialect';
import { marks, rowsOf, type Prepared, type Run } from '../run';

/** The literal true of a boolean column (SQLite stores 1). */
const trueLiteral = (run: Run): string => (isPostgres(run) ? 'true' : '1');
/** A boolean parameter as the column takes it (0/1 on SQLite). */
const asBoolean = (run: Run, value: boolean): boolean | number => (isPostgres(run) ? value : value ? 1 : 0);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface SnapshotRowInput {
  kind: string;
  fileName: string;
  sha256: string;
  rowCount: number;
  acceptedCount: number;
  rejectedCount: number;
  summary: string;
  mapping: string;
  backupPath: string | null;
  importedBy: string;
  importedAt: string;
}

/** The committed snapshot's row; returns its id. */
function insertSnapshot(run: Run, s: SnapshotRowInput): Promise<number> {
  // account_id: the account whose label the importer is, as in the audit log (audit.sql.ts).
  return insertReturningId(run, `INSERT INTO import_snapshot (kind, file_name, sha256, row_count, accepted_count, rejected_count, summary, mapping, status, backup_path, imported_by, imported_at, undone_at, account_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'committed', ?, ?, ?, NULL, (SELECT id FROM account WHERE full_name || ' (' || username || ')' = ? LIMIT 1))`, [
    s.kind, s.fileName, s.sha256, s.rowCount, s.acceptedCount, s.rejectedCount, s.summary, s.mapping, s.backupPath, s.importedBy, s.importedAt, s.importedBy,
  ]);
}

/** The columns of an import_change row, in the order changeWriter and a server's COPY take them. */
const CHANGE_COLUMNS = ['snapshot_id', 'table_name', 'row_id', 'action', 'before', 'after'] as const;
/** The columns of an import_issue row, likewise. */
const ISSUE_COLUMNS = ['snapshot_id', 'row', 'column', 'value', 'severity', 'message'] as const;

/** Writes one import_change row (the undo log). */
function changeWriter(tx: Prepared): (snapshotId: number, table: string, rowId: number, action: 'insert' | 'update', before: string | null, after: string | null) => void {
  const insert = tx.statement('INSERT INTO import_change (snapshot_id, table_name, row_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)');
  return (snapshotId, table, rowId, action, before, after) => { insert.run(snapshotId, table, rowId, action, before, after); };
}

/** Writes one import_issue row. */
function issueWriter(tx: Prepared): (snapshotId: number, row: number, column: string | null, value: string | null, severity: string, message: string) => void {
  const insert = tx.statement('INSERT INTO import_issue (snapshot_id, "row", "column", value, severity, message) VALUES (?, ?, ?, ?, ?, ?)');
  return (snapshotId, row, column, value, severity, message) => { insert.run(snapshotId, row, column, value, severity, message); };
}

export interface NewUnit {
  code: string | null;
  name: string;
  kind: string;
  parentId: number | null;
}

/**
 * Units appended after those that exist (sort order continues), each under a parent already written: path,
 * root and depth follow the parent. Returns the writer; it returns the new unit's id.
 */
function unitWriter(run: Run): (unit: NewUnit) => Promise<number> {
  let sortOrder: number | null = null;
  return async (unit) => {
    sortOrder ??= Number((await rowsOf<{ n: number }>(run, 'SELECT COALESCE(MAX(sort_order), 0) AS n FROM unit'))[0].n);
    const [parent] = unit.parentId === null ? [null] : await rowsOf<{ path: string; root_id: number | null; depth: number }>(run, 'SELECT path, root_id, depth FROM unit WHERE id = ?', [unit.parentId]);
    const id = await insertReturningId(run, `INSERT INTO unit (code, name, kind, parent_id, root_id, path, depth, sort_order, active) VALUES (?, ?, ?, ?, NULL, '/', ?, ?, ${trueLiteral(run)})`,
      [unit.code, unit.name, unit.kind, unit.parentId, parent ? parent.depth + 1 : 0, ++sortOrder]);
    await run('UPDATE unit SET path = ?, root_id = ? WHERE id = ?', [`${parent ? parent.path : '/'}${id}/`, parent ? parent.root_id ?? unit.parentId : id, id]);
    return id;
  };
}

/** Writes one position; returns its id. */
function positionWriter(run: Run): (p: PositionValues) => Promise<number> {
  const insert = `INSERT INTO position (code, name, kind, level, eselon, unit_id, family, min_golongan, max_golongan, bup_override, is_key, quota, active)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${trueLiteral(run)})`;
  return (p) => insertReturningId(run, insert, [p.code, p.name, p.kind, p.level, p.eselon, p.unitId, p.family, p.minGolongan, p.maxGolongan, p.bupOverride, asBoolean(run, p.isKey), p.quota]);
}

/**
 * Writes one new employee: its values in the order of `employeeInsertColumns(columns)` (NIP, SIASN id, the imported
 * columns, position, unit, TMT pensiun, version and the timestamps). Returns the new id.
 */
function employeeWriter(tx: Prepared, columns: readonly string[]): (values: unknown[]) => number {
  const all = employeeInsertColumns(columns);
  const insert = tx.statement(`INSERT INTO employee (${all.join(', ')}) VALUES (${marks(all)})`);
  return (values) => Number(insert.run(values).lastInsertRowid);
}

/** Only the changed columns of one employee (an unchanged name must not touch the search index), a new version. */
async function updateEmployeeColumns(run: Run, id: number, values: Record<string, unknown>, now: string): Promise<void> {
  const columns = Object.keys(values);
  await run(`UPDATE employee SET ${columns.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`,
    [...columns.map((c) => values[c] ?? null), now, id]);
}

export type EmployeeStatusRow = {
  status: string;
  status_date: string | null;
  version: number;
  updated_at: string;
};

/** Reads and sets the status of active employees absent from a snapshot. */
function absentStatus(run: Run) {
  return {
    current: async (id: number) => (await rowsOf<EmployeeStatusRow>(run, 'SELECT status, status_date, version, updated_at FROM employee WHERE id = ?', [id]))[0],
    set: async (id: number, status: string, statusDate: string, now: string) => {
      await run('UPDATE employee SET status = ?, status_date = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = \'active\'', [status, statusDate, now, id]);
    },
  };
}

async function employeeCount(run: Run): Promise<number> {
  return Number((await rowsOf<{ n: number }>(run, 'SELECT COUNT(*) AS n FROM employee'))[0].n);
}

// The name search index (FTS5, trigram) is filled by a trigger row by row; a large insert sets the trigger aside
// inside its transaction and indexes the new names in one statement (commit.ts says why).

/** The trigger's definition, to put it back after the rows are in; null when the schema has none. */
function ftsInsertTrigger(tx: Prepared): string | null {
  return (tx.statement(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'employee_fts_insert'`).get() as { sql: string } | undefined)?.sql ?? null;
}

function dropFtsInsertTrigger(db: BetterSqlite3.Database): void {
  db.exec('DROP TRIGGER employee_fts_insert');
}

/** Indexes the names of the employees from `firstId` on. */
function indexNamesFrom(tx: Prepared, firstId: number): void {
  tx.statement('INSERT INTO employee_fts (rowid, name) SELECT id, name FROM employee WHERE id >= ?').run(firstId);
}

/** The secondary indexes of the tables a first snapshot fills, as the schema defines them. */
function historyIndexes(tx: Prepared): Array<{ name: string; sql: string }> {
  return tx.statement(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('employee', 'position_history', 'rank_history')`).all() as Array<{ name: string; sql: string }>;
}

function dropIndex(db: BetterSqlite3.Database, name: string): void {
  db.exec(`DROP INDEX ${quote(name)}`);
}

/** Runs a schema statement read from sqlite_master (a trigger or an index put back). */
function restoreSchemaObject(db: BetterSqlite3.Database, sql: string): void {
  db.exec(sql);
}

/** A competency a kompetensi snapshot names that the dictionary lacks; returns its id. */
function insertCompetencyDefinition(run: Run, v: { code: unknown; name: unknown; group: unknown; sort_order: unknown }): Promise<number> {
  return insertReturningId(run, `INSERT INTO competency_definition (code, name, "group", description, level_descriptors, sort_order, active) VALUES (?, ?, ?, NULL, NULL, ?, ${trueLiteral(run)})`,
    [v.code, v.name, v.group, v.sort_order]);
}

/** Writes one row of a record kind's table (SKP, assessment, training …) tagged with the snapshot. */
function recordWriter(tx: Prepared, table: string, columns: readonly string[]): (employeeId: number, values: unknown[], snapshotId: number, now: string) => void {
  const insert = tx.statement(`INSERT INTO ${table} (employee_id, ${columns.join(', ')}, source, snapshot_id, created_at) VALUES (?, ${marks(columns)}, 'import', ?, ?)`);
  return (employeeId, values, snapshotId, now) => { insert.run(employeeId, ...values, snapshotId, now); };
}

/** The changed columns of one record row, now the snapshot's. */
async function updateRecord(run: Run, table: string, id: number, values: Record<string, unknown>, snapshotId: number): Promise<void> {
  const columns = Object.keys(values);
  await run(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, source = 'import', snapshot_id = ? WHERE id = ?`,
    [...columns.map((c) => values[c]), snapshotId, id]);
}

// On a server (team mode) the bulk rows go in with COPY … FROM STDIN (copy.sql.ts), not row by row; a new
// employee's id is taken from the table's identity first, so the rows that refer to it can be built before the copy.

/** `count` fresh ids of `table`'s identity, in the order the sequence gave them (consecutive unless another desk
 *  inserted into the same table meanwhile). */
async function reserveIds(run: Run, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await rowsOf<{ id: number }>(run, 'SELECT nextval(pg_get_serial_sequence(?, \'id\')) AS id FROM generate_series(1, CAST(? AS integer))', [table, count]);
  return rows.map((r) => Number(r.id));
}

/** The column list of a new employee's row, in the order employeeWriter takes its values. */
function employeeInsertColumns(columns: readonly string[]): string[] {
  return ['nip', 'siasn_id', ...columns, 'position_id', 'unit_id', 'retirement_date', 'version', 'created_at', 'updated_at'];
}

export const importCommitSql = {
  insertSnapshot,
  CHANGE_COLUMNS,
  ISSUE_COLUMNS,
  reserveIds,
  employeeInsertColumns,
  changeWriter,
  issueWriter,
  unitWriter,
  positionWriter,
  employeeWriter,
  updateEmployeeColumns,
  absentStatus,
  employeeCount,
  ftsInsertTrigger,
  dropFtsInsertTrigger,
  indexNamesFrom,
  historyIndexes,
  dropIndex,
  restoreSchemaObject,
  insertCompetencyDefinition,
  recordWriter,
  updateRecord,
};

export type ImportCommitSql = typeof importCommitSql;
