// The spellings that differ between SQLite and PostgreSQL, for the modules of this folder. A module picks its text
// with these where the two databases disagree; the SQLite text they give is the one the module always had, so
// SQLite's plans do not move.

import type { Dialect } from './dialect-of-manager';
import { dialectOf, type Run } from './run';

/** What picks a spelling: a Run (which knows its database) or the dialect itself (a read on SQLite's own
 *  connection, which has no Run). */
export type Spelling = Run | Dialect;

export const isPostgres = (spelling: Spelling): boolean => (typeof spelling === 'string' ? spelling : dialectOf(spelling)) === 'postgres';

/**
 * The values of a JSON array parameter as a one-column subquery (`value`): an id list of any length in one
 * parameter. `ids` gives integers (comparable with bigint columns on PostgreSQL), `texts` gives text.
 */
export function jsonValues(run: Spelling, kind: 'ids' | 'texts' = 'ids'): string {
  if (!isPostgres(run)) return 'SELECT value FROM json_each(?)';
  return kind === 'ids'
    ? 'SELECT CAST(value AS bigint) AS value FROM json_array_elements_text(CAST(? AS json))'
    : 'SELECT value FROM json_array_elements_text(CAST(? AS json))';
}

/** The same list as a FROM item named `alias` (`FROM json_each(?) j JOIN … ON … = j.value`). */
export function jsonValuesTable(run: Spelling, alias: string, kind: 'ids' | 'texts' = 'ids'): string {
  return isPostgres(run) ? `(${jsonValues(run, kind)}) ${alias}` : `json_each(?) ${alias}`;
}

/** A table read in its primary key's order, page by page (`id > ? ORDER BY id LIMIT ?`): on SQLite NOT INDEXED keeps
 *  the planner on the rowid range, where an index on the filtered columns (chosen on a file never analysed, as after
 *  a first import) read and sorted the whole table for every page. PostgreSQL walks its primary key by itself. */
export const byIdPages = (run: Spelling, table: string, alias: string): string => (isPostgres(run) ? `${table} ${alias}` : `${table} ${alias} NOT INDEXED`);

/** A boolean column is true: SQLite stores 0/1 (and its partial indexes are written `= 1`), PostgreSQL has booleans. */
export const isTrue = (run: Spelling, column: string): string => (isPostgres(run) ? column : `${column} = 1`);
/** A boolean column is false. */
export const isFalse = (run: Spelling, column: string): string => (isPostgres(run) ? `NOT ${column}` : `${column} = 0`);

/** A boolean expression as SQLite's 0/1 integer, so both databases return numbers. */
export const asFlag = (run: Spelling, expression: string): string => (isPostgres(run) ? `CAST(${expression} AS integer)` : expression);

/** `a IS ?` (null-safe equality) and `a IS NOT ?`. */
export const isSame = (run: Spelling): string => (isPostgres(run) ? 'IS NOT DISTINCT FROM' : 'IS');
export const isNotSame = (run: Spelling): string => (isPostgres(run) ? 'IS DISTINCT FROM' : 'IS NOT');

/** LIKE without regard to ASCII case (SQLite's LIKE; PostgreSQL's ILIKE). */
export const likeNoCase = (run: Spelling): string => (isPostgres(run) ? 'ILIKE' : 'LIKE');

/** group_concat(DISTINCT x): the distinct values joined with commas (the order is unspecified on both). */
export const distinctList = (run: Spelling, expression: string): string =>
  isPostgres(run) ? `string_agg(DISTINCT CAST(${expression} AS text), ',')` : `group_concat(DISTINCT ${expression})`;

/** JSON array text of the grouped values (json_group_array). */
export const jsonArrayAgg = (run: Spelling, expression: string): string =>
  isPostgres(run) ? `CAST(json_agg(${expression}) AS text)` : `json_group_array(${expression})`;

/** Scalar two-argument minimum and maximum (SQLite's MIN(a, b), PostgreSQL's LEAST/GREATEST). */
export const least = (run: Spelling, a: string, b: string): string => (isPostgres(run) ? `LEAST(${a}, ${b})` : `MIN(${a}, ${b})`);
export const greatest = (run: Spelling, a: string, b: string): string => (isPostgres(run) ? `GREATEST(${a}, ${b})` : `MAX(${a}, ${b})`);

/** The id of the row an INSERT just wrote: SQLite reads last_insert_rowid(); PostgreSQL needs `RETURNING id` on
 *  the INSERT itself, so the INSERT text gets it and its rows carry the id. */
export async function insertReturningId(run: Run, insert: string, params: unknown[]): Promise<number> {
  if (isPostgres(run)) {
    const rows = (await run(`${insert} RETURNING id`, params)) as Array<{ id: number | string }>;
    return Number(rows[0].id);
  }
  await run(insert, params);
  const rows = (await run('SELECT last_insert_rowid() AS id', [])) as Array<{ id: number }>;
  return Number(rows[0].id);
}

/** SUM of an integer expression as a number on both: PostgreSQL sums bigint into numeric, which pg returns as a
 *  string. */
export const sumInt = (run: Spelling, expression: string): string => (isPostgres(run) ? `CAST(SUM(${expression}) AS bigint)` : `SUM(${expression})`);

/** How many rows of a group satisfy a condition (SQLite sums the 0/1 of a comparison). */
export const countWhere = (run: Spelling, condition: string): string =>
  // NULL where the condition is NULL (an outer join's missing row), as SQLite's sum of a comparison.
  isPostgres(run) ? `CAST(SUM(CAST(${condition} AS integer)) AS bigint)` : `SUM(${condition})`;

/** ROUND(x, 2) of a real (PostgreSQL rounds numeric only). */
export const round2 = (run: Spelling, expression: string): string => (isPostgres(run) ? `ROUND(CAST(${expression} AS numeric), 2)` : `ROUND(${expression}, 2)`);

/** The id the last INSERT of this connection gave its row (an identity's sequence on PostgreSQL). Prefer
 *  insertReturningId; this serves writers whose INSERT is built apart from the read of its id. */
export async function lastInsertId(run: Run): Promise<number> {
  const rows = (await run(isPostgres(run) ? 'SELECT lastval() AS id' : 'SELECT last_insert_rowid() AS id', [])) as Array<{ id: number }>;
  return Number(rows[0].id);
}

/** ` NULLS FIRST` on PostgreSQL for an ascending sort key (SQLite sorts NULL first already); ` NULLS LAST` for a
 *  descending one. */
export const nullsAsSqlite = (run: Spelling, direction: 'ASC' | 'DESC' = 'ASC'): string =>
  (isPostgres(run) ? (direction === 'DESC' ? ' NULLS LAST' : ' NULLS FIRST') : '');
