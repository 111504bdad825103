import { stopSharedPostgres } from './postgres';
import { removeTestKeyStore } from './test-key-store';

/** The run's key folder (created by useTestKeyStore in vitest.config.ts) goes when the run ends, and with it the
 *  run's PostgreSQL server, when a test file started one (test/helpers/postgres.ts). */
export default function globalSetup(): () => Promise<void> {
  const folder = process.env.JENJANG_TEST_CONFIG_DIR;
  return async () => {
    if (!folder) return;
    await stopSharedPostgres(folder);
    removeTestKeyStore(folder);
  };
}
