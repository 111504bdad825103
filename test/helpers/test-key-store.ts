// Every test run keeps its database key in a config folder of its own: the runners (vitest.config.ts,
// playwright.config.ts) call this before anything starts, so every host, CLI child and web host of the run
// inherits the same folder and the same key file, and no test reads or writes the real home folder's key or the
// OS credential store. The folder is removed at the end of the run (removeTestKeyStore in the global teardown).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function useTestKeyStore(): string {
  // Set once by the first process (the runner's main process); its workers and children inherit it.
  if (!process.env.JENJANG_TEST_CONFIG_DIR) process.env.JENJANG_TEST_CONFIG_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-test-kunci-'));
  process.env.JENJANG_CONFIG_DIR = process.env.JENJANG_TEST_CONFIG_DIR;
  process.env.JENJANG_KEY_STORE = 'file';
  delete process.env.JENJANG_DB_KEY;
  return process.env.JENJANG_TEST_CONFIG_DIR;
}

export function removeTestKeyStore(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
}
