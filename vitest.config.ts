import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/{unit,db,ipc,cli,import}/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
