// How SQL is run, whatever the caller holds: a TypeORM transaction's EntityManager (everyday edits) or a bulk
// transaction's prepared statements (imports, demo load). Writers and refreshers in this folder take a Run, so one
// writer serves both paths and commits with the caller's other changes.

import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource, EntityManager } from 'typeorm';
import type { BulkTransaction } from '../bulk-transaction';
import { isPostgresManager, type Dialect } from './dialect-of-manager';

// Which database a manager talks to lives in its own module, so that the raw connection can ask it too.
export { dialectOfManager, isPostgresManager, type Dialect } from './dialect-of-manager';

/** Runs one statement in the caller's transaction and returns its rows when it has any. A Run toward PostgreSQL
 *  says so (`dialect`), so that a module whose SQL differs between the two picks its text with `dialectOf`. */
export type Run = ((sql: string, params: unknown[]) => unknown) & { readonly dialect?: Dialect };

/** The dialect of a Run (one built without saying is SQLite's). */
export const dialectOf = (run: Run): Dialect => run.dialect ?? 'sqlite';

/** A Run over a bulk transaction's prepared statements (each SQL text prepared once per transaction). */
export function bulkRun(tx: BulkTransaction): Run {
  return (sql, params) => {
    const statement = tx.statement(sql);
    return statement.reader ? statement.all(params) : statement.run(params);
  };
}

/** A Run inside a TypeORM transaction (or on the DataSource itself for reads). */
export function managerRun(manager: EntityManager | DataSource): Run {
  if (isPostgresManager(manager)) return postgresRun((sql, params) => manager.query(sql, params));
  return (sql, params) => manager.query(sql, params);
}

/**
 * Synchronous prepared statements: a bulk transaction (each SQL text prepared once for the whole transaction,
 * reused for every row) or the raw connection (`preparedOn`). The bulk writers (import commit and undo, demo
 * load) and the import service's synchronous reads take one, so their row loops stay on raw better-sqlite3 speed.
 */
export interface Prepared {
  statement(sql: string): BetterSqlite3.Statement;
}

/** Prepared statements straight on the raw connection, outside any bulk transaction. */
export function preparedOn(db: BetterSqlite3.Database): Prepared {
  return { statement: (sql) => db.prepare(sql) };
}

/** A Run over the raw connection, outside TypeORM and outside any bulk transaction: one prepared statement per
 *  call (an autocommit statement when no transaction is open). */
export function connectionRun(db: BetterSqlite3.Database): Run {
  return (sql, params) => {
    const statement = db.prepare(sql);
    return statement.reader ? statement.all(params) : statement.run(params);
  };
}

/** Rows of a SELECT through a Run. */
export async function rowsOf<T>(run: Run, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await run(sql, params)) as T[];
}

/** `?, ?, ?` for an IN list. */
/** The placeholders of an IN list. An empty list gives `NULL`: `x IN (NULL)` matches no row on both databases,
 *  where PostgreSQL refuses `IN ()` (a filter whose levels and kinds have nothing in common gives one). */
export const marks = (values: readonly unknown[]): string => (values.length === 0 ? 'NULL' : values.map(() => '?').join(','));

/** Id lists in chunks under SQLite's bound-variable limit. */
export const chunks = <T>(items: readonly T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** The `?` placeholders of a statement of this folder as PostgreSQL's `$1, $2, …` (none has a `?` inside a literal). */
export function dollarPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A Run toward PostgreSQL over a query function (a manager's, a pinned connection's): the `?` placeholders the
 *  statements of this folder are written with become `$1, $2, …` (none of them has a `?` inside a literal). */
export function postgresRun(query: (sql: string, params: unknown[]) => unknown): Run {
  const run = (sql: string, params: unknown[]) => query(dollarPlaceholders(sql), params);
  return Object.assign(run, { dialect: 'postgres' as const });
}
