import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHost, type JenjangHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { managerRun, type Run } from '../../main/db/sql/run';
import { createPostgresDatabase, postgresDatabaseExists, renamePostgresDatabase, type TestDatabase } from './postgres';

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
 * `dir`, or (options.server) a fresh database on the embedded PostgreSQL, dropped when the host closes. A demo
 * district (options.demoEmployees) is generated once per run for each set of demo options and copied for every host
 * that asks for the same (demoTemplate below).
 */
export async function openTestHost(dir: string, options: TestHostOptions = {}): Promise<JenjangHost> {
  const onServer = options.server ?? TEST_HOSTS_ON_SERVER;
  const demo = options.demoEmployees ? demoOptionsOf(options) : null;
  let server: TestDatabase | null = null;
  let dbPath: string;
  if (onServer) {
    server = await createPostgresDatabase(demo ? await demoTemplateOnServer(demo) : undefined);
    dbPath = server.url;
  } else {
    dbPath = path.join(dir, `db-${process.pid}-${++counter}.sqlite`);
    if (demo) copySqliteFile(await demoTemplateFile(demo), dbPath);
  }
  const host = await startTestHost(dbPath);
  if (server) {
    // The server's database goes with the host (closing it first: DROP … WITH (FORCE) would cut it off).
    const close = host.close.bind(host);
    const database = server;
    host.close = async () => {
      try {
        await close();
      } finally {
        await database.drop();
      }
    };
  }
  return host;
}

/** A host on a SQLite file and one on the embedded PostgreSQL, opened alike for a test file that compares them. */
export interface HostsOnBoth {
  /** The host on a SQLite file (set once the file's beforeAll ran). */
  readonly lite: JenjangHost;
  /** The host on a server database. */
  readonly server: JenjangHost;
}

/**
 * Opens one host on each database with the same options before the file's tests, closes both after them, and adds
 * the first case that checks each really runs on its own kind of database (a file compared with itself would pass
 * every comparison).
 */
export function hostsOnBoth(dir: string, options: Omit<TestHostOptions, 'server'> = {}): HostsOnBoth {
  const hosts: { lite?: JenjangHost; server?: JenjangHost } = {};
  beforeAll(async () => {
    hosts.lite = await openTestHost(dir, { ...options, server: false });
    hosts.server = await openTestHost(dir, { ...options, server: true });
  }, 300_000);
  afterAll(async () => {
    await hosts.lite?.close();
    await hosts.server?.close();
  });
  it('runs one host on each database', () => {
    expect(hosts.lite!.services.dataSource.options.type).toBe('better-sqlite3');
    expect(hosts.server!.services.dataSource.options.type).toBe('postgres');
  });
  return {
    get lite() { return hosts.lite!; },
    get server() { return hosts.server!; },
  };
}

function startTestHost(dbPath: string): Promise<JenjangHost> {
  return startHost({ dbPath, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, log: process.env.JENJANG_DEBUG ? (message, error) => console.error(message, error ?? '') : () => undefined });
}

type DemoOptions = Parameters<JenjangHost['services']['demo']['load']>[0];

function demoOptionsOf(options: TestHostOptions): DemoOptions {
  return { employees: options.demoEmployees!, seed: options.seed ?? 7, actor: 'tester', extensions: options.recordsOnly ? false : options.demoExtensions ?? true };
}

// The demo templates. Generating a demo district is most of the set-up of many test files (hundreds to thousands of
// employees with every capability's records, and on a server through demo-on-server), and several files ask for the
// same one. The first host of a run that asks for a demo generates it into a template of the run (a SQLite file in
// the run's folder, or a database on the run's server) and every host that asks for the same options, in any
// worker, starts on a copy: byte for byte what generating it again would write, since the demo is seeded and the
// clock fixed. Two workers asking at once may both generate it; the first to finish keeps its copy.

/** A name for one set of demo options, the same in every worker of the run. */
function demoKey(demo: DemoOptions): string {
  return crypto.createHash('sha256').update(JSON.stringify([demo.employees, demo.seed, demo.actor, demo.extensions])).digest('hex').slice(0, 16);
}

function templateFolder(): string {
  const folder = path.join(process.env.JENJANG_TEST_CONFIG_DIR ?? os.tmpdir(), 'demo-templates');
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

const SQLITE_SIDE_FILES = ['', '-wal', '-shm'];

function copySqliteFile(from: string, to: string): void {
  for (const suffix of SQLITE_SIDE_FILES) if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix);
}

/** The SQLite template of a demo: a closed database file of the run's folder. */
async function demoTemplateFile(demo: DemoOptions): Promise<string> {
  const template = path.join(templateFolder(), `demo-${demoKey(demo)}.sqlite`);
  if (fs.existsSync(template)) return template;
  const partial = `${template}.${process.pid}-${++counter}.partial`;
  const host = await startTestHost(partial);
  try {
    await host.services.demo.load(demo);
  } finally {
    await host.close();
  }
  if (fs.existsSync(template)) return template; // another worker was first: this copy stays in the run's folder
  // The side files first (closing leaves none in WAL mode, as a rule): a template is used once its main file exists.
  for (const suffix of SQLITE_SIDE_FILES.slice(1)) if (fs.existsSync(partial + suffix)) fs.renameSync(partial + suffix, template + suffix);
  fs.renameSync(partial, template);
  return template;
}

/** The name of the database of the run's server holding a demo (no connection left open to it). */
async function demoTemplateOnServer(demo: DemoOptions): Promise<string> {
  const template = `jenjang_demo_${demoKey(demo)}`;
  if (await postgresDatabaseExists(template)) return template;
  const partial = await createPostgresDatabase();
  const host = await startTestHost(partial.url);
  try {
    await host.services.demo.load(demo);
  } catch (error) {
    await host.close();
    await partial.drop();
    throw error;
  }
  await host.close();
  await renamePostgresDatabase(partial.name, template);
  return template;
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

/** queryOn's rows with booleans as SQLite's 0/1 (a boolean column answers true/false on a server), for checks
 *  written once for both databases. */
export async function queryOnAsFile<T = any>(host: JenjangHost, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await queryOn(host, sql, params)).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v]))) as T[];
}

/** A Run on a test host's database (for refreshDerived and the SQL modules): `?` placeholders, numbered on a server,
 *  and the dialect said, so that a refresher whose SQL differs between the databases picks the right text. */
export function runOn(host: JenjangHost): Run {
  return managerRun(host.services.dataSource);
}
