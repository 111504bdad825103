import { defineConfig } from 'vitest/config';
import { TEST_TODAY } from './test/today';

export default defineConfig({
  test: {
    // One folder per capability under test/: unit, database, IPC and CLI tests end in .test.ts (vitest),
    // end-to-end tests in .spec.ts (Playwright), fuzz suites in .fuzz.ts (a few cases each here; many
    // thousands with `npm run fuzz`, vitest.fuzz.config.ts).
    include: ['test/**/*.test.ts', 'test/**/*.fuzz.ts'],
    environment: 'node',
    // Every host and CLI the tests start lives on one fixed day (test/today.ts).
    env: { JENJANG_TODAY: TEST_TODAY },
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
