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
  // vitest runs the global setup once per project of the run (vitest.config.ts has two), all in its one main
  // process: the first does the work and the teardown.
  if (process.env.JENJANG_TEST_GLOBAL_SETUP_DONE) return async () => undefined;
  process.env.JENJANG_TEST_GLOBAL_SETUP_DONE = '1';
  buildNodeEntries();
  ensureRendererBuilt(() => undefined);
  const folder = process.env.JENJANG_TEST_CONFIG_DIR;
  return async () => {
    if (!folder) return;
    await stopSharedPostgres(folder);
    removeTestKeyStore(folder);
  };
}
