import { ensureRendererBuilt } from '../../main/printing/renderer-build';
import { stopSharedPostgres } from './postgres';
import { buildNodeEntries } from './node-build';
import { removeTestKeyStore } from './test-key-store';

/** Builds the CLI the tests spawn once for the run (node-build.ts), and the renderer the report tests print (out/web,
 *  only when missing or older than its sources, as the CLI itself would: here once, before two test files could
 *  each start building it into the same folder). The run's key folder (created by
 *  useTestKeyStore in vitest.config.ts) goes when the run ends, and with it the run's PostgreSQL server, when a
 *  test file started one (test/helpers/postgres.ts). */
export default function globalSetup(): () => Promise<void> {
  buildNodeEntries();
  ensureRendererBuilt(() => undefined);
  const folder = process.env.JENJANG_TEST_CONFIG_DIR;
  return async () => {
    if (!folder) return;
    await stopSharedPostgres(folder);
    removeTestKeyStore(folder);
  };
}
