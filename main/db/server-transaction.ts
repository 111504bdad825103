// One write transaction for bulk work on a team server (PostgreSQL), the counterpart of runBulkTransaction on a
// desk's file: a TypeORM query runner pins one pooled connection, its statements run through a Run, and COPY goes
// to the same connection (`client`). Everything is rolled back when `work` throws, including a cancellation.

import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { postgresRun, type Run } from './sql/run';

export interface ServerTransaction {
  run: Run;
  /** The pinned connection, for COPY … FROM STDIN inside the transaction. */
  client: PoolClient;
  /** Lets the event loop breathe between chunks (progress events, cancel requests). */
  breathe(): Promise<void>;
}

export async function runServerTransaction<T>(dataSource: DataSource, work: (tx: ServerTransaction) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await runner.startTransaction();
    const tx: ServerTransaction = {
      run: postgresRun((sql, params) => runner.query(sql, params)),
      client,
      breathe: () => new Promise((resolve) => setImmediate(resolve)),
    };
    try {
      const result = await work(tx);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
  }
}
