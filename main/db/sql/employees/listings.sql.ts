// The rows of the printed listings (Proyeksi Pensiun, Daftar Urut Kepangkatan, daftar nominatif, usulan
// pensiun): the shared employee row plus what each listing prints. A unit scope is the unit's whole subtree.

import { bupSql } from '../retirement.sql';
import { employeeRowColumns, employeeRowJoins, whereOf, type SqlCondition } from '../employee-rows.sql';
import { rowsOf, type Run } from '../run';

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
