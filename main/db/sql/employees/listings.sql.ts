// The rows of the printed listings (Proyeksi Pensiun, Daftar Urut Kepangkatan, daftar nominatif, usulan
// pensiun): the shared employee row plus what each listing prints. A unit scope is the unit's whole subtree.

import { bupSql } from '../retirement.sql';
import { LEADERSHIP_TRAININGS } from '../../../../shared/domain/development';
import { employeeRowColumns, employeeRowJoins, whereOf, type SqlCondition } from '../employee-rows.sql';
import { chunks, dialectOf, marks, rowsOf, type Run } from '../run';
import { employeeListConditions, type EmployeeListFilter } from './list.sql';

/** Employees (alias `e`) in the subtree whose root has this materialised path. */
function inSubtree(path: string | null): SqlCondition | null {
  return path ? { sql: 'e.unit_id IN (SELECT d.id FROM unit d WHERE substr(d.path, 1, ?) = ?)', params: [path.length, path] } : null;
}

export async function activeCountInSubtree(run: Run, path: string | null): Promise<number> {
  const where = whereOf([{ sql: `e.status = 'active'`, params: [] }, inSubtree(path)]);
  const [{ n }] = await rowsOf<{ n: number }>(run, `SELECT COUNT(*) AS n FROM employee e ${where.sql}`, where.params);
  return n;
}

/** An employee row with what the retirement listings print. */
export interface RetireeRow extends Record<string, unknown> {
  birth_date: string;
  retirement_date: string;
  golongan: number | null;
  bup: number;
  unit_path: string | null;
}

/** Active employees of a subtree whose TMT pensiun falls in [from, until), by TMT pensiun then name. */
export function activeRetirees(run: Run, path: string | null, from: string, until: string): Promise<RetireeRow[]> {
  const where = whereOf([
    { sql: `e.status = 'active' AND e.retirement_date >= ? AND e.retirement_date < ?`, params: [from, until] },
    inSubtree(path),
  ]);
  return rowsOf(run, `SELECT ${employeeRowColumns('e')}, e.birth_date, e.retirement_date, e.golongan, ${bupSql('e_pos')} AS bup, e_unit.path AS unit_path
    FROM employee e ${employeeRowJoins('e')} ${where.sql}
    ORDER BY e.retirement_date, e.name, e.nip`, where.params);
}

/** What the Daftar Urut Kepangkatan and the daftar nominatif print beside the employee row. */
export interface RegisterRow extends Record<string, unknown> {
  birth_place: string | null;
  birth_date: string;
  gender: string;
  employment_type: string;
  status: string;
  golongan: number | null;
  golongan_tmt: string | null;
  position_tmt: string | null;
  cpns_tmt: string | null;
  education_level: string | null;
  education_major: string | null;
  education_year: number | null;
  retirement_date: string | null;
}

const REGISTER_COLUMNS = `${employeeRowColumns('e')}, e.birth_place, e.birth_date, e.gender, e.employment_type, e.status, e.golongan,
  e.golongan_tmt, e.position_tmt, e.cpns_tmt, e.education_level, e.education_major, e.education_year, e.retirement_date`;

/** Active PNS and CPNS of a subtree (the people of a DUK), in no particular order: the DUK comparator orders them. */
export function dukRows(run: Run, path: string | null): Promise<RegisterRow[]> {
  const where = whereOf([{ sql: `e.status = 'active' AND e.employment_type IN ('PNS', 'CPNS')`, params: [] }, inSubtree(path)]);
  return rowsOf(run, `SELECT ${REGISTER_COLUMNS} FROM employee e ${employeeRowJoins('e')} ${where.sql}`, where.params);
}

/**
 * The employees a Pegawai list filter selects, by perangkat daerah, unit, then the more senior position first
 * (level order of POSITION_LEVELS, given as `levelOrder`), golongan (higher first) and name.
 */
export function nominativeRows(run: Run, filter: EmployeeListFilter, levelOrder: readonly string[]): Promise<RegisterRow[]> {
  const where = whereOf(employeeListConditions(filter, false, dialectOf(run)));
  // Employees without a unit first, as SQLite sorts NULL.
  const nullsFirst = dialectOf(run) === 'postgres' ? ' NULLS FIRST' : '';
  const levelRank = levelOrder.length ? `CASE e_pos.level ${levelOrder.map((_l, i) => `WHEN ? THEN ${i}`).join(' ')} ELSE ${levelOrder.length} END` : '0';
  return rowsOf(run, `SELECT ${REGISTER_COLUMNS} FROM employee e ${employeeRowJoins('e')} ${where.sql}
    ORDER BY e_opd.id IS NULL, e_opd.sort_order, e_opd.name, e_unit.depth${nullsFirst}, e_unit.sort_order${nullsFirst}, e_unit.name${nullsFirst}, ${levelRank}, e.golongan IS NULL, e.golongan DESC, e.name COLLATE NOCASE, e.nip`,
  [...where.params, ...levelOrder]);
}

/** Each employee's leadership trainings that had ended by `asOf` (type and end date), for the latihan jabatan. */
export async function leadershipTrainings(run: Run, employeeIds: readonly number[], asOf: string): Promise<Array<{ employee_id: number; type: string; end_date: string }>> {
  const out: Array<{ employee_id: number; type: string; end_date: string }> = [];
  for (const ids of chunks(employeeIds)) {
    out.push(...await rowsOf<{ employee_id: number; type: string; end_date: string }>(run,
      `SELECT employee_id, type, end_date FROM training_record WHERE employee_id IN (${marks(ids)}) AND type IN (${marks(LEADERSHIP_TRAININGS)}) AND end_date <= ?`,
      [...ids, ...LEADERSHIP_TRAININGS, asOf]));
  }
  return out;
}
