import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acknowledgeRecoveryKey, ensureDatabaseKeys } from '../../main/security/database-key';
import { buildNodeEntries } from './node-build';
import { stopSharedPostgres } from './postgres';
import { removeTestKeyStore } from './test-key-store';

/** Builds the renderer once for all tests (the web host serves it from out/web) and the web host and CLI the
 *  tests spawn (node-build.ts), and names the folder where each demo district is generated once for the run
 *  (e2e-fixtures.ts copies it for every test); the workers inherit it. */
export default function globalSetup(): () => Promise<void> {
  // The run's key, made once, with its recovery key already acknowledged: the dialog that shows it would otherwise
  // stand in front of every screen of every test.
  acknowledgeRecoveryKey(ensureDatabaseKeys().active);
  const demoCache = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-e2e-demo-'));
  process.env.JENJANG_E2E_DEMO_CACHE = demoCache;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root, stdio: 'inherit',
  });
  buildNodeEntries();
  const keyFolder = process.env.JENJANG_TEST_CONFIG_DIR;
  return async () => {
    fs.rmSync(demoCache, { recursive: true, force: true });
    if (!keyFolder) return;
    // The run's PostgreSQL server, when a walk on a server started one (test/helpers/postgres.ts keeps its state
    // in the run's folder).
    await stopSharedPostgres(keyFolder);
    removeTestKeyStore(keyFolder);
  };
}
