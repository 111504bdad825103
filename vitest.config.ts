import { defineConfig } from 'vitest/config';
import { TEST_TODAY } from './test/today';

export default defineConfig({
  test: {
    include: ['test/{unit,db,ipc,cli,import}/**/*.test.ts'],
    environment: 'node',
    // Every host and CLI the tests start lives on one fixed day (test/today.ts).
    env: { JENJANG_TODAY: TEST_TODAY },
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
