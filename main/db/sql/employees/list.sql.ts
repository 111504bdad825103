// The Pegawai list and every listing that filters employees the way it does (the daftar nominatif, the usulan
// pensiun): one set of conditions, so a filter means the same on screen, in the XLSX and on paper.

import { employeeRowColumns, employeeRowJoins, employeeSearchCondition, nipSearchPrefix, whereOf, type SqlCondition } from '../employee-rows.sql';
import { isPostgres, jsonArrayAgg, jsonValues } from '../dialect';
import { dialectOf, marks, rowsOf, type Dialect, type Run } from '../run';

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

/** Conditions on the employee row (alias `e`) and subqueries only, so a count needs no join. `countByStatus`: the
 *  status condition is written on the expression of idx_employee_status_count (see countEmployees). */
export function employeeListConditions(filter: EmployeeListFilter, countByStatus = false, dialect: Dialect = 'sqlite'): SqlCondition[] {
  const conditions: SqlCondition[] = [];
  const search = employeeSearchCondition(filter.search ?? '', 'e', dialect);
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
  inList(countByStatus ? `(e.status || '')` : 'e.status', filter.status);
  inList('e.employment_type', filter.employmentType);
  if (filter.positionKind && filter.positionKind.length > 0) {
    conditions.push({ sql: `e.position_id IN (SELECT id FROM position WHERE kind IN (${marks(filter.positionKind)}))`, params: [...filter.positionKind] });
  }
  if (filter.retirementAfter !== undefined) conditions.push({ sql: 'e.retirement_date > ?', params: [filter.retirementAfter] });
  if (filter.retirementUntil !== undefined) conditions.push({ sql: 'e.retirement_date <= ?', params: [filter.retirementUntil] });
  return conditions;
}

/** ORDER BY for the id-picking subquery; the label joins it needs (unit and position names) only when sorting by them. */
function listOrder(field: EmployeeSortField, direction: 'asc' | 'desc', postgres = false): { joins: string; orderBy: string } {
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  // SQLite sorts NULL as the smallest value; PostgreSQL as the largest unless told.
  const nulls = postgres ? (direction === 'desc' ? ' NULLS LAST' : ' NULLS FIRST') : '';
  const name = `e.name COLLATE NOCASE ${dir}, e.id ${dir}`;
  switch (field) {
    case 'nip':
      return { joins: '', orderBy: `e.nip ${dir}` };
    case 'golongan':
      return { joins: '', orderBy: `e.golongan ${dir}${nulls}, ${name}` };
    case 'unit':
      return { joins: 'LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN unit r ON r.id = u.root_id', orderBy: `r.name ${dir}${nulls}, u.name ${dir}${nulls}, ${name}` };
    case 'position':
      return { joins: 'LEFT JOIN position p ON p.id = e.position_id', orderBy: `p.name IS NULL, p.name ${dir}, ${name}` };
    case 'birthDate':
      return { joins: '', orderBy: `e.birth_date ${dir}${nulls}, e.id ${dir}` };
    case 'retirementDate':
      return { joins: '', orderBy: `e.retirement_date ${dir}${nulls}, e.id ${dir}` };
    case 'name':
    default:
      return { joins: '', orderBy: name };
  }
}

/**
 * Whether a count may read idx_employee_status_count, which counts the district by status, or a NIP prefix within
 * a status, without visiting a row (a three-digit prefix matches ~40 % of a district: 32 ms through the rows,
 * under 1 ms through the index, at 50,000). Its key is an expression, `status || ''`, that only a condition written
 * the same way can use, so it never draws the planner away from a more selective path (a unit's subtree, a name
 * search), which an index on plain status did: only filters without one are counted this way. On a server a count
 * of the status alone is written plainly instead: PostgreSQL never finds that index the cheapest for it, and the
 * server's partial index of the active (the id `WHERE status = 'active'`, a third of the pages of the others; about
 * half their time for the 48,000 active of 50,000) serves only a plain `status = …`.
 */
function countsByStatusIndex(run: Run, filter: EmployeeListFilter): boolean {
  const search = filter.search?.trim() ?? '';
  if (isPostgres(run) && search === '') return false;
  return (search === '' || nipSearchPrefix(search) !== null)
    && filter.unitId === undefined && filter.scopeUnitId === undefined && !filter.golongan?.length && !filter.positionKind?.length
    && !filter.employmentType?.length && filter.retirementAfter === undefined && filter.retirementUntil === undefined;
}

export async function countEmployees(run: Run, filter: EmployeeListFilter): Promise<number> {
  const where = whereOf(employeeListConditions(filter, countsByStatusIndex(run, filter), dialectOf(run)));
  const [{ total }] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total FROM employee e ${where.sql}`, where.params);
  return total;
}

type SortSpec = { field: EmployeeSortField; direction: 'asc' | 'desc' };

/**
 * One page of the list with the number of employees the filter matches. Sorting by unit or by position orders
 * by a name that lives in another table, which no index on employee can give: sorting the whole district to cut
 * one page out of it measured 110–120 ms at 50,000 employees. There the page is found through the groups of
 * that name instead (pageThroughGroups); every other sort reads its page along an index of employee.
 */
export async function employeeList(run: Run, filter: EmployeeListFilter, sort: SortSpec, limit: number, offset: number): Promise<{ total: number; rows: EmployeeListRow[] }> {
  if (sort.field === 'unit' || sort.field === 'position') return pageThroughGroups(run, filter, sort as SortSpec & { field: GroupedSortField }, limit, offset);
  if (isPostgres(run) && isNameSearch(filter)) return nameSearchPageOnServer(run, filter, sort, limit, offset);
  if (isPostgres(run)) {
    // On a server the count (every matching row: 48,000 index entries for the active of 50,000, 6–12 ms there on a
    // loaded machine) and the page (1.5 ms along the name index, even at offset 2,000) go out together, each on a
    // connection of the pool (in a transaction they simply queue): the call waits for the longer one, not the sum.
    // Two snapshots, as the two statements in a row on SQLite are two reads.
    const [total, rows] = await Promise.all([countEmployees(run, filter), employeeListPage(run, filter, sort, limit, offset)]);
    return { total, rows };
  }
  const total = await countEmployees(run, filter);
  const rows = await employeeListPage(run, filter, sort, limit, offset);
  return { total, rows };
}

/** A search by part of a name (not a NIP prefix). */
function isNameSearch(filter: EmployeeListFilter): boolean {
  const search = filter.search?.trim() ?? '';
  return search !== '' && nipSearchPrefix(search) === null;
}

/**
 * A name search's page with its count on a server, in one statement. pg_trgm's index proposes the matches, and each
 * is then checked in its (wide) employee row. As two statements the count and the page checked every match twice,
 * and for a word a few hundred people share the planner read the page along the name index instead, testing names
 * in order until a page was full (most of the district for a rare word). Here the matches are collected once
 * (MATERIALIZED), counted, and sorted for the page: the plain page query (pageOf) stays the reference.
 */
async function nameSearchPageOnServer(run: Run, filter: EmployeeListFilter, sort: SortSpec, limit: number, offset: number): Promise<{ total: number; rows: EmployeeListRow[] }> {
  const where = whereOf(employeeListConditions(filter, false, 'postgres'));
  const { orderBy } = listOrder(sort.field, sort.direction, true);
  const rows = await rowsOf<EmployeeListRow & { matches: number }>(run,
    `WITH m AS MATERIALIZED (SELECT e.id, e.name, e.nip, e.golongan, e.birth_date, e.retirement_date FROM employee e ${where.sql})
     SELECT (SELECT COUNT(*) FROM m) AS matches, ${employeeRowColumns('e')}, e.status, e.employment_type, e.gender, e.birth_date, e.golongan, e.retirement_date
     FROM (SELECT e.id, ROW_NUMBER() OVER () AS ord FROM (SELECT e.id FROM m e ORDER BY ${orderBy} LIMIT ? OFFSET ?) e) page
     JOIN employee e ON e.id = page.id
     ${employeeRowJoins('e')}
     ORDER BY page.ord`,
    [...where.params, limit, offset]);
  // A page past the end has no row to carry the count.
  if (rows.length === 0) return { total: await countEmployees(run, filter), rows: [] };
  return { total: Number(rows[0].matches), rows: rows.map(({ matches: _, ...row }) => row) };
}

/**
 * One page of the list. The page first picks `limit` ids in order, then joins the labels for just those rows
 * ("deferred join"), so deep pages do not drag joins through every skipped row.
 */
export async function employeeListPage(run: Run, filter: EmployeeListFilter, sort: SortSpec, limit: number, offset: number): Promise<EmployeeListRow[]> {
  return pageOf(run, employeeListConditions(filter, false, dialectOf(run)), sort, limit, offset);
}

async function pageOf(run: Run, conditions: readonly SqlCondition[], sort: SortSpec, limit: number, offset: number): Promise<EmployeeListRow[]> {
  const where = whereOf(conditions);
  const { joins, orderBy } = listOrder(sort.field, sort.direction, isPostgres(run));
  return rowsOf<EmployeeListRow>(run,
    `SELECT ${employeeRowColumns('e')}, e.status, e.employment_type, e.gender, e.birth_date, e.golongan, e.retirement_date
     FROM (SELECT e.id, ROW_NUMBER() OVER () AS ord FROM (SELECT e.id FROM employee e ${joins} ${where.sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?) e) page
     JOIN employee e ON e.id = page.id
     ${employeeRowJoins('e')}
     ORDER BY page.ord`,
    [...where.params, limit, offset]);
}

type GroupedSortField = 'unit' | 'position';

/**
 * The groups of a sort by unit or by position, in the sort's order: the employees the filter matches are counted
 * per unit (or position) along idx_employee_unit (idx_employee_position), then those few hundred or few thousand
 * counts are joined to their names and merged where the names are equal (two units called "Sub Bagian Umum" under
 * one perangkat daerah are one group, because the list orders them by name, not by id). `members` is the JSON
 * array of the unit (position) ids of a group, `null` standing for the employees without one.
 */
function sortGroupsSql(run: Run, field: GroupedSortField, where: SqlCondition, direction: 'asc' | 'desc'): string {
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  const nulls = isPostgres(run) ? (direction === 'desc' ? ' NULLS LAST' : ' NULLS FIRST') : '';
  if (field === 'unit') {
    return `SELECT ${isPostgres(run) ? 'CAST(SUM(c.n) AS bigint)' : 'SUM(c.n)'} AS n, ${jsonArrayAgg(run, 'c.unit_id')} AS members
      FROM (SELECT e.unit_id, COUNT(*) AS n FROM employee e ${where.sql} GROUP BY e.unit_id) c
      LEFT JOIN unit u ON u.id = c.unit_id LEFT JOIN unit r ON r.id = u.root_id
      GROUP BY r.name, u.name
      ORDER BY r.name ${dir}${nulls}, u.name ${dir}${nulls}`;
  }
  return `SELECT ${isPostgres(run) ? 'CAST(SUM(c.n) AS bigint)' : 'SUM(c.n)'} AS n, ${jsonArrayAgg(run, 'c.position_id')} AS members
    FROM (SELECT e.position_id, COUNT(*) AS n FROM employee e ${where.sql} GROUP BY e.position_id) c
    LEFT JOIN position p ON p.id = c.position_id
    GROUP BY p.name
    ORDER BY p.name IS NULL, p.name ${dir}${nulls}`;
}

/**
 * The filter's conditions with "only the active" written as the literal `e.status = 'active'`, for the groups' counts:
 * the active are then counted per unit from idx_employee_active_unit and per position from idx_employee_holder,
 * partial indexes of the active that SQLite uses only for a condition naming their value, without visiting a row. `IN (?)` read every employee row for its status: per unit 41 → 3 ms, per position 36 →
 * 2.6 ms at 50,000. Only there: on the page itself the plain status keeps the planner on the sort's own index.
 */
function activeLiterally(filter: EmployeeListFilter, run: Run): SqlCondition {
  return whereOf([...employeeListConditions({ ...filter, status: undefined }, false, dialectOf(run)), { sql: `e.status = 'active'`, params: [] }]);
}

/**
 * A page sorted by unit or by position without sorting the district. The groups (sortGroupsSql) say how many
 * rows come before each name, so the page lies inside the few groups that overlap [offset, offset + limit): the
 * page query is the list's own query and ORDER BY, restricted to the employees of those groups, at the offset
 * inside them. The rows are therefore exactly the rows the whole sort gives (test/employees/employee-query.test.ts
 * compares every sort and page with the sort of the whole list), and the total is the sum of the groups.
 */
async function pageThroughGroups(run: Run, filter: EmployeeListFilter, sort: SortSpec & { field: GroupedSortField }, limit: number, offset: number): Promise<{ total: number; rows: EmployeeListRow[] }> {
  const conditions = employeeListConditions(filter, false, dialectOf(run));
  const where = whereOf(conditions);
  const groupsWhere = filter.status?.length === 1 && filter.status[0] === 'active' ? activeLiterally(filter, run) : where;
  const groups = await rowsOf<{ n: number; members: string }>(run, sortGroupsSql(run, sort.field, groupsWhere, sort.direction), groupsWhere.params);
  const total = groups.reduce((sum, g) => sum + g.n, 0);
  let before = 0;
  let pageGroupsStart: number | null = null;
  const members: Array<number | null> = [];
  for (const group of groups) {
    if (before >= offset + limit) break;
    if (before + group.n > offset) {
      pageGroupsStart ??= before;
      members.push(...(JSON.parse(group.members) as Array<number | null>));
    }
    before += group.n;
  }
  if (pageGroupsStart === null) return { total, rows: [] };
  const column = sort.field === 'unit' ? 'e.unit_id' : 'e.position_id';
  const ids = members.filter((m): m is number => m !== null);
  const withoutOne = members.length > ids.length ? ` OR ${column} IS NULL` : '';
  // On a server the ids are written out: behind one JSON parameter PostgreSQL guesses a hundred of them and reads
  // the whole employee table for the page (~2,000 rows under a few units); with the ids it reads those units.
  const inGroups: SqlCondition = isPostgres(run)
    ? { sql: `(${column} IN (${marks(ids)})${withoutOne})`, params: ids }
    : { sql: `(${column} IN (${jsonValues(run)})${withoutOne})`, params: [JSON.stringify(ids)] };
  const rows = await pageOf(run, [...conditions, inGroups], sort, limit, offset - pageGroupsStart);
  return { total, rows };
}
