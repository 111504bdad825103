// The Pegawai list and every listing that filters employees the way it does (the daftar nominatif, the usulan
// pensiun): one set of conditions, so a filter means the same on screen, in the XLSX and on paper.

import { employeeRowColumns, employeeRowJoins, employeeSearchCondition, whereOf, type SqlCondition } from '../employee-rows.sql';
import { marks, rowsOf, type Run } from '../run';

export interface EmployeeListFilter {
  search?: string;
  /** A unit with its whole subtree. */
  unitId?: number;
  /** The reach of the account asking (an Operator OPD's unit subtree), on top of any unit filter. */
  scopeUnitId?: number;
  golongan?: readonly number[];
  positionKind?: readonly string[];
  status?: readonly string[];
  employmentType?: readonly string[];
  /** TMT pensiun after this day (exclusive). */
  retirementAfter?: string;
  /** TMT pensiun on or before this day. */
  retirementUntil?: string;
}

export type EmployeeSortField = 'name' | 'nip' | 'golongan' | 'unit' | 'position' | 'birthDate' | 'retirementDate';

/** The columns of a list row beyond the shared employee row. */
export interface EmployeeListRow extends Record<string, unknown> {
  status: string;
  employment_type: string;
  gender: string;
  birth_date: string;
  golongan: number | null;
  retirement_date: string | null;
}

/** Conditions on the employee row (alias `e`) and subqueries only, so a count needs no join. */
export function employeeListConditions(filter: EmployeeListFilter): SqlCondition[] {
  const conditions: SqlCondition[] = [];
  const search = employeeSearchCondition(filter.search ?? '');
  if (search) conditions.push(search);
  // The whole subtree: a unit's materialised path is a prefix of its descendants' paths.
  for (const subtree of [filter.unitId, filter.scopeUnitId]) {
    if (subtree === undefined) continue;
    conditions.push({
      sql: 'e.unit_id IN (SELECT d.id FROM unit d, unit s WHERE s.id = ? AND substr(d.path, 1, length(s.path)) = s.path)',
      params: [subtree],
    });
  }
  const inList = (column: string, values: readonly unknown[] | undefined) => {
    if (values && values.length > 0) conditions.push({ sql: `${column} IN (${marks(values)})`, params: [...values] });
  };
  inList('e.golongan', filter.golongan);
  inList('e.status', filter.status);
  inList('e.employment_type', filter.employmentType);
  if (filter.positionKind && filter.positionKind.length > 0) {
    conditions.push({ sql: `e.position_id IN (SELECT id FROM position WHERE kind IN (${marks(filter.positionKind)}))`, params: [...filter.positionKind] });
  }
  if (filter.retirementAfter !== undefined) conditions.push({ sql: 'e.retirement_date > ?', params: [filter.retirementAfter] });
  if (filter.retirementUntil !== undefined) conditions.push({ sql: 'e.retirement_date <= ?', params: [filter.retirementUntil] });
  return conditions;
}

/** ORDER BY for the id-picking subquery; the label joins it needs (unit and position names) only when sorting by them. */
function listOrder(field: EmployeeSortField, direction: 'asc' | 'desc'): { joins: string; orderBy: string } {
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  const name = `e.name COLLATE NOCASE ${dir}, e.id ${dir}`;
  switch (field) {
    case 'nip':
      return { joins: '', orderBy: `e.nip ${dir}` };
    case 'golongan':
      return { joins: '', orderBy: `e.golongan ${dir}, ${name}` };
    case 'unit':
      return { joins: 'LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN unit r ON r.id = u.root_id', orderBy: `r.name ${dir}, u.name ${dir}, ${name}` };
    case 'position':
      return { joins: 'LEFT JOIN position p ON p.id = e.position_id', orderBy: `p.name IS NULL, p.name ${dir}, ${name}` };
    case 'birthDate':
      return { joins: '', orderBy: `e.birth_date ${dir}, e.id ${dir}` };
    case 'retirementDate':
      return { joins: '', orderBy: `e.retirement_date ${dir}, e.id ${dir}` };
    case 'name':
    default:
      return { joins: '', orderBy: name };
  }
}

export async function countEmployees(run: Run, filter: EmployeeListFilter): Promise<number> {
  const where = whereOf(employeeListConditions(filter));
  const [{ total }] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total FROM employee e ${where.sql}`, where.params);
  return total;
}

/**
 * One page of the list. The page first picks `limit` ids in order, then joins the labels for just those rows
 * ("deferred join"), so deep pages do not drag joins through every skipped row.
 */
export async function employeeListPage(run: Run, filter: EmployeeListFilter, sort: { field: EmployeeSortField; direction: 'asc' | 'desc' }, limit: number, offset: number): Promise<EmployeeListRow[]> {
  const where = whereOf(employeeListConditions(filter));
  const { joins, orderBy } = listOrder(sort.field, sort.direction);
  return rowsOf<EmployeeListRow>(run,
    `SELECT ${employeeRowColumns('e')}, e.status, e.employment_type, e.gender, e.birth_date, e.golongan, e.retirement_date
     FROM (SELECT e.id, ROW_NUMBER() OVER () AS ord FROM (SELECT e.id FROM employee e ${joins} ${where.sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?) e) page
     JOIN employee e ON e.id = page.id
     ${employeeRowJoins('e')}
     ORDER BY page.ord`,
    [...where.params, limit, offset]);
}
