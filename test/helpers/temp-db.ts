import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { startHost, type JenjangHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { managerRun, type Run } from '../../main/db/sql/run';
import { createPostgresDatabase } from './postgres';

export { TEST_TODAY } from '../today';
import { TEST_TODAY } from '../today';

/** A fresh folder for database files, removed after the test file. */
export function tempDir(prefix = 'jenjang-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

let counter = 0;

export interface TestHostOptions {
  demoEmployees?: number;
  seed?: number;
  recordsOnly?: boolean;
  demoExtensions?: readonly string[];
  /** On a fresh database of the embedded PostgreSQL (test/helpers/postgres.ts) instead of a SQLite file. Default:
   *  `JENJANG_TEST_HOST_DB=postgres` in the environment, so an existing test file runs in team mode as it is:
   *  `JENJANG_TEST_HOST_DB=postgres npx vitest run test/employees/employee.service.test.ts`. */
  server?: boolean;
}

/** Whether openTestHost opens the embedded PostgreSQL by default (JENJANG_TEST_HOST_DB=postgres). */
export const TEST_HOSTS_ON_SERVER = process.env.JENJANG_TEST_HOST_DB === 'postgres';

/**
 * A real database with the real migrations, behind the real dispatcher, with "today" fixed: a SQLite file in
 * `dir`, or (options.server) a fresh database on the embedded PostgreSQL, dropped when the host closes.
 */
export async function openTestHost(dir: string, options: TestHostOptions = {}): Promise<JenjangHost> {
  const server = (options.server ?? TEST_HOSTS_ON_SERVER) ? await createPostgresDatabase() : null;
  const dbPath = server?.url ?? path.join(dir, `db-${process.pid}-${++counter}.sqlite`);
  const host = await startHost({ dbPath, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, log: process.env.JENJANG_DEBUG ? (message, error) => console.error(message, error ?? '') : () => undefined });
  if (server) {
    // The server's database goes with the host (closing it first: DROP … WITH (FORCE) would cut it off).
    const close = host.close.bind(host);
    host.close = async () => {
      try {
        await close();
      } finally {
        await server.drop();
      }
    };
  }
  if (options.demoEmployees) {
    await host.services.demo.load({ employees: options.demoEmployees, seed: options.seed ?? 7, actor: 'tester', extensions: options.recordsOnly ? false : options.demoExtensions ?? true });
  }
  return host;
}

/** Unwraps a Result, failing the test with the error message when it is not ok. */
export function expectOk<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got error: ${result.error.message}`);
  return result.data;
}

/** Rows of one statement on a test host's database, written with `?` placeholders as on SQLite: through a Run, so
 *  they reach PostgreSQL numbered when the host is on a server (JENJANG_TEST_HOST_DB=postgres). */
export async function queryOn<T = any>(host: JenjangHost, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await managerRun(host.services.dataSource)(sql, params)) as T[];
}

/** A Run on a test host's database (for refreshDerived and the SQL modules): `?` placeholders, numbered on a server,
 *  and the dialect said, so that a refresher whose SQL differs between the databases picks the right text. */
export function runOn(host: JenjangHost): Run {
  return managerRun(host.services.dataSource);
}
