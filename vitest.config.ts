import { defineConfig } from 'vitest/config';
import { useTestKeyStore } from './test/helpers/test-key-store';
import { TEST_TODAY } from './test/today';

// The database key of the whole run lives in a temporary config folder, never in the real home folder.
const keyFolder = useTestKeyStore();

export default defineConfig({
  test: {
    // One folder per capability under test/: unit, database, IPC and CLI tests end in .test.ts (vitest),
    // end-to-end tests in .spec.ts (Playwright), fuzz suites in .fuzz.ts (a few cases each here; many
    // thousands with `npm run fuzz`, vitest.fuzz.config.ts).
    include: ['test/**/*.test.ts', 'test/**/*.fuzz.ts'],
    environment: 'node',
    // Every host and CLI the tests start lives on one fixed day (test/today.ts).
    env: { JENJANG_TODAY: TEST_TODAY, JENJANG_CONFIG_DIR: keyFolder, JENJANG_TEST_CONFIG_DIR: keyFolder, JENJANG_KEY_STORE: 'file' },
    globalSetup: ['./test/helpers/vitest-global-setup.ts'],
    pool: 'forks',
    // Two workers even on 2 cores (vitest would take one there): much of a file's time is spent waiting on the CLI
    // processes and servers it starts. The files share only what is made to be shared: the run's key folder, the
    // demo templates (temp-db.ts), the PostgreSQL server (postgres.ts) and .test-build/ (built before any worker).
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
