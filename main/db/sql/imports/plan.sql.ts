// What planning an import reads before it shows the preview: the stored employees, units and positions an employee
// snapshot is matched against, the stored rows of a record kind for the employees of the file, the competency
// catalogue, and the stamp that says whether the database changed since the plan. Synchronous reads on prepared
// statements (`Prepared`, usually `preparedOn` the raw connection), so planning 50,000 rows stays on raw speed.

import { sqliteAdmin } from '../sqlite-admin.sql';
import { chunks, marks, rowsOf, type Prepared, type Run } from '../run';
import { tuplesOf } from '../tuples';

/** Units and positions as the organisation inference of an employee snapshot needs them. */
export interface StoredUnitRow {
  id: number;
  code: string | null;
  name: string;
  parent_id: number | null;
  root_id: number | null;
}

export interface StoredPositionRow {
  id: number;
  code: string | null;
  name: string;
  level: string;
  unit_id: number | null;
  kind: string;
  bup_override: number | null;
}

/** The stored employees as arrays of `columns` (three times faster to load than objects). */
function employeeArrays(db: Prepared, columns: readonly string[]): unknown[][] {
  return db.statement(`SELECT ${columns.join(', ')} FROM employee`).raw(true).all() as unknown[][];
}

function units(db: Prepared): StoredUnitRow[] {
  return db.statement('SELECT id, code, name, parent_id, root_id FROM unit').all() as StoredUnitRow[];
}

function positions(db: Prepared): StoredPositionRow[] {
  return db.statement('SELECT id, code, name, level, unit_id, kind, bup_override FROM position').all() as StoredPositionRow[];
}

/** A database without units takes a snapshot's units and positions as they come (the first snapshot). */
function hasNoUnits(db: Prepared): boolean {
  return (db.statement('SELECT COUNT(*) AS n FROM unit').get() as { n: number }).n === 0;
}

/** Every employee's id, NIP and name (a record file names its employees by NIP). */
function employeesByNip(db: Prepared): Array<{ id: number; nip: string; name: string }> {
  return db.statement('SELECT id, nip, name FROM employee').all() as Array<{ id: number; nip: string; name: string }>;
}

/** The stored rows of a record table for these employees: id, employee_id, source, snapshot_id and `columns`. */
function storedRecords<Row>(db: Prepared, table: string, columns: readonly string[], employeeIds: readonly number[]): Row[] {
  const select = `SELECT id, employee_id, source, snapshot_id, ${columns.join(', ')} FROM ${table} WHERE employee_id IN `;
  const rows: Row[] = [];
  for (const chunk of chunks(employeeIds)) rows.push(...(db.statement(`${select}(${marks(chunk)})`).all(chunk) as Row[]));
  return rows;
}

function competencyDefinitions(db: Prepared): Array<{ id: number; code: string; name: string }> {
  return db.statement('SELECT id, code, name FROM competency_definition').all() as Array<{ id: number; code: string; name: string }>;
}

export const importPlanSql = { employeeArrays, units, positions, hasNoUnits, employeesByNip, storedRecords, competencyDefinitions };

export type ImportPlanSql = typeof importPlanSql;

/** Database state a plan was made against: this connection's total changes and the data version others move. */
export function databaseStampOf(db: Parameters<typeof sqliteAdmin.totalChanges>[0]): string {
  return `${sqliteAdmin.totalChanges(db)}:${sqliteAdmin.dataVersion(db)}`;
}

// The same reads toward a PostgreSQL server (team mode), through a Run: loaded before planning, so the plan itself
// stays synchronous. Rows in id order, as SQLite's table scans give them.

async function employeeArraysOn(run: Run, columns: readonly string[]): Promise<unknown[][]> {
  return tuplesOf<unknown[]>(run, `SELECT ${columns.join(', ')} FROM employee ORDER BY id`, []);
}

function unitsOn(run: Run): Promise<StoredUnitRow[]> {
  return rowsOf<StoredUnitRow>(run, 'SELECT id, code, name, parent_id, root_id FROM unit ORDER BY id');
}

function positionsOn(run: Run): Promise<StoredPositionRow[]> {
  return rowsOf<StoredPositionRow>(run, 'SELECT id, code, name, level, unit_id, kind, bup_override FROM position ORDER BY id');
}

async function hasNoUnitsOn(run: Run): Promise<boolean> {
  const [row] = await rowsOf<{ n: number }>(run, 'SELECT COUNT(*) AS n FROM unit');
  return Number(row.n) === 0;
}

function employeesByNipOn(run: Run): Promise<Array<{ id: number; nip: string; name: string }>> {
  return rowsOf<{ id: number; nip: string; name: string }>(run, 'SELECT id, nip, name FROM employee ORDER BY id');
}

async function storedRecordsOn<Row>(run: Run, table: string, columns: readonly string[], employeeIds: readonly number[]): Promise<Row[]> {
  const select = `SELECT id, employee_id, source, snapshot_id, ${columns.join(', ')} FROM ${table} WHERE employee_id IN `;
  const rows: Row[] = [];
  for (const chunk of chunks(employeeIds)) rows.push(...await rowsOf<Row>(run, `${select}(${marks(chunk)}) ORDER BY id`, chunk));
  return rows;
}

function competencyDefinitionsOn(run: Run): Promise<Array<{ id: number; code: string; name: string }>> {
  return rowsOf<{ id: number; code: string; name: string }>(run, 'SELECT id, code, name FROM competency_definition ORDER BY id');
}

export const importPlanServerSql = {
  employeeArrays: employeeArraysOn, units: unitsOn, positions: positionsOn, hasNoUnits: hasNoUnitsOn,
  employeesByNip: employeesByNipOn, storedRecords: storedRecordsOn, competencyDefinitions: competencyDefinitionsOn,
};
