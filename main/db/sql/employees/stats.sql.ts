// Head counts of `stats --json` and the Beranda, and the retirement figures beside them.

import { rowsOf, type Run } from '../run';

export type HeadcountScope = 'all' | 'active';

/** What the employees are grouped by: status, perangkat daerah name, golongan code, position kind, gender. */
export type HeadcountDimension = 'status' | 'opd' | 'golongan' | 'positionKind' | 'gender';

const GROUPS: Record<HeadcountDimension, { key: string; joins: string }> = {
  status: { key: 'e.status', joins: '' },
  opd: { key: 'r.name', joins: 'LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN unit r ON r.id = u.root_id' },
  golongan: { key: 'e.golongan', joins: '' },
  positionKind: { key: 'p.kind', joins: 'LEFT JOIN position p ON p.id = e.position_id' },
  gender: { key: 'e.gender', joins: '' },
};

const scopeWhere = (scope: HeadcountScope) => (scope === 'active' ? `WHERE e.status = 'active'` : '');

export async function headcount(run: Run, scope: HeadcountScope): Promise<number> {
  const [{ total }] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total FROM employee e ${scopeWhere(scope)}`);
  return total;
}

/** Employees per value of one dimension; a missing value (no unit, no golongan, no position) is the key null. */
export function headcountBy(run: Run, scope: HeadcountScope, dimension: HeadcountDimension): Promise<Array<{ k: string | number | null; n: number }>> {
  const group = GROUPS[dimension];
  return rowsOf(run, `SELECT ${group.key} AS k, COUNT(*) AS n FROM employee e ${group.joins} ${scopeWhere(scope)} GROUP BY k`);
}

/** Active employees per calendar year of TMT pensiun, for TMT pensiun in [from, until). */
export function activeRetirementsByYear(run: Run, from: string, until: string): Promise<Array<{ y: string; n: number }>> {
  return rowsOf(run, `SELECT substr(retirement_date, 1, 4) AS y, COUNT(*) AS n FROM employee
    WHERE status = 'active' AND retirement_date >= ? AND retirement_date < ? GROUP BY y`, [from, until]);
}

/**
 * Active employees whose TMT pensiun is on or before `today` (still recorded as active after it), and those whose
 * TMT pensiun falls after `today` and on or before `until`. Both read the retirement_date index.
 */
export async function activeRetirementDue(run: Run, today: string, until: string): Promise<{ overdue: number; upcoming: number }> {
  const [row] = await rowsOf<{ overdue: number; upcoming: number }>(run, `SELECT
      (SELECT COUNT(*) FROM employee WHERE status = 'active' AND retirement_date <= ?) AS overdue,
      (SELECT COUNT(*) FROM employee WHERE status = 'active' AND retirement_date > ? AND retirement_date <= ?) AS upcoming`,
  [today, today, until]);
  return row;
}
