import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { rawConnection } from './raw-connection';
import { sqliteAdmin } from './sql/sqlite-admin.sql';

export interface BulkTransaction {
  /** Prepared once per SQL text for the whole transaction and reused for every row. */
  statement(sql: string): BetterSqlite3.Statement;
  /** Lets the event loop breathe between chunks (progress events, cancel requests). The IPC queue keeps
   *  every other database call waiting, so nothing can interleave with the open transaction. */
  breathe(): Promise<void>;
}

/**
 * One write transaction for bulk work on the DataSource's own connection, with prepared statements
 * (the only TypeORM-side path that reaches raw better-sqlite3 speed: TypeORM's save paths cost several times
 * more per row). Everything is rolled back
 * when `work` throws, including a cancellation.
 */
export async function runBulkTransaction<T>(dataSource: DataSource, work: (tx: BulkTransaction) => Promise<T>): Promise<T> {
  const db = rawConnection(dataSource);
  if (db.inTransaction) throw new Error('runBulkTransaction: a transaction is already open on this connection');
  const statements = new Map<string, BetterSqlite3.Statement>();
  const tx: BulkTransaction = {
    statement(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    breathe: () => new Promise((resolve) => setImmediate(resolve)),
  };
  sqliteAdmin.beginImmediate(db);
  try {
    const result = await work(tx);
    sqliteAdmin.commit(db);
    return result;
  } catch (error) {
    if (db.inTransaction) sqliteAdmin.rollback(db);
    throw error;
  }
}
