import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { startHost, type JenjangHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';

export { TEST_TODAY } from '../today';
import { TEST_TODAY } from '../today';

/** A fresh folder for database files, removed after the test file. */
export function tempDir(prefix = 'jenjang-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

let counter = 0;

/** A real SQLite file with the real migrations, behind the real dispatcher, with "today" fixed. */
export async function openTestHost(dir: string, options: { demoEmployees?: number; seed?: number; recordsOnly?: boolean; demoExtensions?: readonly string[] } = {}): Promise<JenjangHost> {
  const dbPath = path.join(dir, `db-${process.pid}-${++counter}.sqlite`);
  const host = await startHost({ dbPath, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, log: () => undefined });
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
