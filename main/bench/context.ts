import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBulkTransaction } from '../db/bulk-transaction';
import { bulkRun, isPostgresManager, managerRun, rowsOf, type Run } from '../db/sql/run';
import type { JenjangHost } from '../host';

/**
 * What every bench suite receives, in a process that does only what the app's main process does (so its
 * memory figure is honest): a host over the 50,000-employee database (a desk's encrypted file, or the office's
 * PostgreSQL server with `--db postgres`), and a scratch folder. Suites read their samples from the database.
 */
export interface BenchContext {
  dir: string;
  asOf: string;
  employees: number;
  host: JenjangHost;
  /** The file, or the postgres:// URL of the server. */
  dbPath: string;
  /** Whether the host runs on the office's PostgreSQL server (team mode). */
  onServer: boolean;
  /** A bench's own read or write (its samples, a write that makes the next list cold): `?` placeholders on both
   *  databases. A COUNT comes back as a string from PostgreSQL (bigint): read it with Number(). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A small committed write (a bench-only setting), after which every cached list is stale: the next call is a
   *  "first call after a write". `clearWrites` removes the setting again. */
  touch(): Promise<void>;
  clearWrites(): Promise<void>;
  /** One write transaction for a refresher that takes a Run, as the app's bulk writers run it on each database. */
  writeTransaction<T>(work: (run: Run) => Promise<T>): Promise<T>;
  record(suite: string, figures: Record<string, unknown>): void;
}

export interface BenchSuite {
  name: string;
  /** Why this suite does not run on a PostgreSQL server, when it does not (printed by `--db postgres`). */
  notOnServer?: string;
  /** Why this suite runs only on a server, when it does (printed on a desk's file). */
  onlyOnServer?: string;
  /** On a server it copies the district as the bench moved it there (bench-server.ts keepDistrict). */
  copiesDistrictOnServer?: boolean;
  run(context: BenchContext): Promise<void>;
}

export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-bench-'));
}

/** The database side of a bench context for `host`. */
export function benchDatabase(host: JenjangHost): Pick<BenchContext, 'onServer' | 'query' | 'touch' | 'clearWrites' | 'writeTransaction'> {
  const dataSource = host.services.dataSource;
  const onServer = isPostgresManager(dataSource);
  const run = managerRun(dataSource);
  return {
    onServer,
    query: <T>(sql: string, params: unknown[] = []) => rowsOf<T>(run, sql, params),
    touch: async () => {
      const now = String(Date.now());
      await run(`INSERT INTO app_setting (key, value, updated_at) VALUES ('bench.touch', ?, ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, [now, now]);
    },
    clearWrites: async () => {
      await run(`DELETE FROM app_setting WHERE key = 'bench.touch'`, []);
    },
    writeTransaction: (work) => (onServer ? dataSource.transaction((manager) => work(managerRun(manager))) : runBulkTransaction(dataSource, (tx) => work(bulkRun(tx)))),
  };
}
