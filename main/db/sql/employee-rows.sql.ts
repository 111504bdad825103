// The employee row of every list (name with titles, NIP, position, unit and perangkat daerah) and the one employee
// search. Lists of any capability select employeeRowColumns() with employeeRowJoins() and read rows with
// readEmployeeRow(), so a person looks the same on every screen and a change (a new column, another dialect in
// team mode) is made here once.

import { fullName } from '../../../shared/domain/employee-status';
import { normaliseNipInput } from '../../../shared/domain/nip';
import { rowsOf, type Dialect, type Run } from './run';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The columns of an employee row, for the employee under alias `e`. `as` prefixes the output names when one query
 * carries two people (a mentor and a mentee): `employeeRowColumns('m', 'mentor_')`.
 */
export function employeeRowColumns(e = 'e', as = ''): string {
  const j = joinAliases(e);
  return [
    `${e}.id AS ${as}employee_id`, `${e}.nip AS ${as}nip`, `${e}.name AS ${as}name`, `${e}.front_title AS ${as}front_title`,
    `${e}.back_title AS ${as}back_title`, `${j.position}.name AS ${as}position_name`, `${j.position}.kind AS ${as}position_kind`,
    `${j.position}.level AS ${as}position_level`, `${j.unit}.name AS ${as}unit_name`, `${j.opd}.name AS ${as}opd_name`,
  ].join(', ');
}

/** The joins employeeRowColumns needs (the employee's position, unit and perangkat daerah). */
export function employeeRowJoins(e = 'e'): string {
  const j = joinAliases(e);
  return `LEFT JOIN position ${j.position} ON ${j.position}.id = ${e}.position_id
    LEFT JOIN unit ${j.unit} ON ${j.unit}.id = ${e}.unit_id
    LEFT JOIN unit ${j.opd} ON ${j.opd}.id = ${j.unit}.root_id`;
}

/** Aliases of the row joins, derived from the employee's alias so two people in one query never clash. */
function joinAliases(e: string) {
  return { position: `${e}_pos`, unit: `${e}_unit`, opd: `${e}_opd` };
}

export interface EmployeeRowFields {
  employeeId: number;
  nip: string;
  fullName: string;
  positionName: string | null;
  positionKind: string | null;
  positionLevel: string | null;
  unitName: string | null;
  opdName: string | null;
}

/** Reads the columns of employeeRowColumns(…, as) from a result row. */
export function readEmployeeRow(row: Record<string, unknown>, as = ''): EmployeeRowFields {
  const text = (key: string) => (row[`${as}${key}`] as string | null | undefined) ?? null;
  return {
    employeeId: row[`${as}employee_id`] as number,
    nip: row[`${as}nip`] as string,
    fullName: fullName(row[`${as}name`] as string, text('front_title'), text('back_title')),
    positionName: text('position_name'),
    positionKind: text('position_kind'),
    positionLevel: text('position_level'),
    unitName: text('unit_name'),
    opdName: text('opd_name'),
  };
}

/** Who a person is, without where they work: for lists that name people but show their post otherwise (the
 *  Suksesi overview names each post's holder and candidates; the post's own unit is on the row). Three joins fewer
 *  per person than employeeRowColumns, which halved the overview's reads at 50,000 employees. */
export function employeeNameColumns(e = 'e', as = ''): string {
  return [`${e}.id AS ${as}employee_id`, `${e}.nip AS ${as}nip`, `${e}.name AS ${as}name`, `${e}.front_title AS ${as}front_title`, `${e}.back_title AS ${as}back_title`].join(', ');
}

export interface EmployeeNameFields {
  employeeId: number;
  nip: string;
  fullName: string;
}

/** Reads the columns of employeeNameColumns(…, as) (or of employeeRowColumns) from a result row. */
export function readEmployeeName(row: Record<string, unknown>, as = ''): EmployeeNameFields {
  return {
    employeeId: row[`${as}employee_id`] as number,
    nip: row[`${as}nip`] as string,
    fullName: fullName(row[`${as}name`] as string, (row[`${as}front_title`] as string | null | undefined) ?? null, (row[`${as}back_title`] as string | null | undefined) ?? null),
  };
}

/** The NIP prefix a search is, when it is one (digits, with the spaces and dots people type in a NIP); else null. */
export function nipSearchPrefix(search: string): string | null {
  const digits = normaliseNipInput(search.trim());
  return /^\d+$/.test(digits) ? digits : null;
}

/**
 * The employee search of every screen. Digits (with the spaces and dots of a printed NIP) search the NIP by prefix
 * through its unique index; anything else searches names: words of three letters or more through the FTS5 trigram
 * index, shorter words (which trigrams cannot match) by substring, all words required. On PostgreSQL every word is
 * a case-insensitive substring (`ILIKE '%word%'`), which the pg_trgm GIN index on the name serves for words of
 * three letters or more: the same rows as the trigram table's (case-insensitive, substring).
 */
export function employeeSearchCondition(search: string, e = 'e', dialect: Dialect = 'sqlite'): SqlCondition | null {
  const trimmed = search.trim();
  if (!trimmed) return null;
  const digits = nipSearchPrefix(trimmed);
  if (digits !== null) {
    // [prefix, prefix + ':'): ':' sorts right after '9', so this range is exactly "starts with prefix".
    return { sql: `(${e}.nip >= ? AND ${e}.nip < ?)`, params: [digits, `${digits}:`] };
  }
  const words = nameSearchWords(trimmed).slice(0, 8);
  if (words.length === 0) return { sql: dialect === 'postgres' ? 'false' : '0', params: [] };
  const long = words.filter((w) => [...w].length >= 3);
  const short = words.filter((w) => [...w].length < 3);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (dialect === 'postgres') {
    for (const word of words) {
      parts.push(`${e}.name ILIKE ? ESCAPE '\\'`);
      params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    return { sql: `(${parts.join(' AND ')})`, params };
  }
  if (long.length > 0) {
    parts.push(`${e}.id IN (SELECT rowid FROM employee_fts WHERE employee_fts MATCH ?)`);
    params.push(long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND '));
  }
  for (const word of short) {
    parts.push(`${e}.name LIKE ? ESCAPE '\\'`);
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return { sql: `(${parts.join(' AND ')})`, params };
}

/** Gelar depan as people type them before a name ("Dr.", "H.", "Ir."): not part of the stored name. */
const FRONT_TITLES = new Set(['dr', 'drs', 'dra', 'drg', 'ir', 'h', 'hj', 'prof', 'kh', 'ns', 'apt']);

/**
 * The words of a name search. The stored name carries no titles (they are columns of their own), so a full name as
 * a list prints it, "Dr. Nova Endah Wibowo, S.Sos.", searches for "nova endah wibowo": what follows the first comma
 * is gelar belakang, a leading dotted title is gelar depan, and punctuation around a word is not part of it.
 */
export function nameSearchWords(text: string): string[] {
  const comma = text.indexOf(',');
  const name = comma > 0 ? text.slice(0, comma) : text;
  const tokens = name.toLowerCase().split(/\s+/).filter(Boolean);
  while (tokens.length > 1 && /\.$/.test(tokens[0]) && FRONT_TITLES.has(tokens[0].replace(/\.+$/, ''))) tokens.shift();
  return tokens.map((w) => w.replace(/^[.,;:()"']+|[.,;:()"']+$/g, '')).filter(Boolean);
}

/** WHERE clause from conditions (nulls skipped). */
export function whereOf(conditions: ReadonlyArray<SqlCondition | null | undefined>): SqlCondition {
  const kept = conditions.filter((c): c is SqlCondition => !!c);
  return { sql: kept.length ? `WHERE ${kept.map((c) => c.sql).join(' AND ')}` : '', params: kept.flatMap((c) => c.params) };
}

/** A page of a list with its total: `from` is everything after SELECT … (FROM, joins, WHERE), ordered by `orderBy`. */
export async function pageOf<T>(run: Run, query: { select: string; from: string; params: unknown[]; orderBy: string; limit: number; offset: number }): Promise<{ total: number; rows: T[] }> {
  const [{ total }] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total ${query.from}`, query.params);
  const rows = await rowsOf<T>(run, `SELECT ${query.select} ${query.from} ORDER BY ${query.orderBy} LIMIT ? OFFSET ?`, [...query.params, query.limit, query.offset]);
  return { total, rows };
}
