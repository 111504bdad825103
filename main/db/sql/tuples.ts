// Reads that answer arrays (tuples) instead of row objects, for the district-wide lists read on every call after a
// write (the career lists, the Suksesi overview and ranking): on a desk's file from statements prepared once on
// SQLite's own connection in raw mode; on a server (team mode) through a Run, each row object turned into the same
// array.

import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { rawConnection } from '../raw-connection';
import { asFlag } from './dialect';
import { isPostgresManager, type Dialect } from './dialect-of-manager';
import { dialectOf, dollarPlaceholders, managerRun, rowsOf, type Run } from './run';

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** The statement of `sql` on this connection, prepared once (raw: answers arrays, not row objects). */
export function prepared(db: BetterSqlite3.Database, sql: string, raw: boolean): BetterSqlite3.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    if (raw) statement.raw(true);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * Where the district-wide list reads go: SQLite's own connection (statements prepared once, answering arrays: the
 * fast path these hot lists keep on a desk's file), or a Run (a PostgreSQL server in team mode).
 */
export type TupleSource = BetterSqlite3.Database | Run;

export const isRunSource = (source: TupleSource): source is Run => typeof source === 'function';

/** The dialect whose SQL text a read from `source` takes: SQLite's own connection speaks SQLite. */
export const spellingOf = (source: TupleSource): Dialect => (isRunSource(source) ? dialectOf(source) : 'sqlite');

/** Whether `source` is a PostgreSQL server. */
export const onServer = (source: TupleSource): boolean => spellingOf(source) === 'postgres';

/**
 * The rows of a SELECT as arrays in column order: on SQLite's own connection from a statement prepared once in raw
 * mode; through a Run, each row object's values (every column of such a statement has its own name, so no value is
 * lost to a repeated key; none is named like an integer, so the object keeps the column order).
 */
export async function tuplesOf<T>(source: TupleSource, sql: string, params: readonly unknown[]): Promise<T[]> {
  if (!isRunSource(source)) return prepared(source, sql, true).all(...params) as T[];
  const arrays = (source as ServerTupleRun).arrays;
  if (arrays) return (await arrays(sql, [...params])) as T[];
  return (await rowsOf<Record<string, unknown>>(source, sql, [...params])).map((row) => Object.values(row)) as T[];
}

/** A server's Run that can also answer arrays straight from the driver (pg's `rowMode: 'array'`). */
type ServerTupleRun = Run & { arrays?: (sql: string, params: unknown[]) => Promise<unknown[][]> };

/** The part of pg's pool (TypeORM's PostgresDriver keeps it as `master`) a tuple read uses. */
interface ArrayQueryPool {
  query(config: { text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: unknown[][] }>;
}

/** A 0/1 flag of a boolean column (boolean on PostgreSQL), as SQLite stores it. */
export const flagOf = (source: TupleSource, column: string): string => asFlag(spellingOf(source), column);

/** Where the tuple reads of a DataSource go: its own SQLite connection on a desk's file, a Run toward the server in
 *  team mode. */
export function tupleSourceOf(dataSource: DataSource): TupleSource {
  if (!isPostgresManager(dataSource)) return rawConnection(dataSource);
  // On a server the rows come from pg's pool as arrays: a ranking reads thousands of rows per call, and a row
  // object per row, turned into an array after, was a good part of the garbage the app collected for it.
  const pool = (dataSource.driver as unknown as { master: ArrayQueryPool }).master;
  const arrays = async (sql: string, params: unknown[]) => (await pool.query({ text: dollarPlaceholders(sql), values: params, rowMode: 'array' })).rows;
  return Object.assign(managerRun(dataSource), { arrays });
}
