import { defineConfig } from 'vitest/config';
import base, { testProjects } from './vitest.config';

// `npm run fuzz`: every *.fuzz.ts of every capability at full strength (many thousands of cases, a fresh seed
// each run, printed for replay). `npm test` runs the same files with a few cases each (vitest.config.ts).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: testProjects(['test/**/*.fuzz.ts'], []),
    env: { ...base.test?.env, JENJANG_FUZZ: 'full' },
    testTimeout: 30 * 60_000,
    hookTimeout: 10 * 60_000,
  },
});
