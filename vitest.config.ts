import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { useTestKeyStore } from './test/helpers/test-key-store';
import { TEST_TODAY } from './test/today';

// The database key of the whole run lives in a temporary config folder, never in the real home folder.
const keyFolder = useTestKeyStore();

/** The test files that replace a module (`vi.mock('electron', …)`): each needs main's modules loaded afresh around
 *  its own fake, so they run isolated, every file in a new process. */
export const MOCKING_FILES = [
  'test/platform/electron-main.test.ts',
  'test/import/import-files.test.ts',
  'test/reports/electron-pdf-printer.test.ts',
];

/**
 * The files of a run (`include`) in two projects. Most run without isolation: the files a worker runs share one
 * process and its loaded modules, so main/ and its packages (typeorm, exceljs, …) are loaded once per worker
 * instead of once per file (measured on 8 files, one worker: 32.1 s of CPU → 19.7 s; vitest's "import" time
 * 60.9 s → 18.7 s). That holds because main/ keeps no state between hosts at module level (only caches keyed by
 * their input) and a test leaves the process as it found it (environment variables and fake clocks put back).
 * The MOCKING_FILES among `include` run isolated.
 */
export function testProjects(include: string[], mocking: string[] = MOCKING_FILES): TestProjectInlineConfiguration[] {
  const projects: TestProjectInlineConfiguration[] = [
    { extends: true, test: { name: 'shared-modules', include, exclude: mocking, isolate: false } },
  ];
  if (mocking.length > 0) projects.push({ extends: true, test: { name: 'own-modules', include: mocking, isolate: true } });
  return projects;
}

export default defineConfig({
  test: {
    // One folder per capability under test/: unit, database, IPC and CLI tests end in .test.ts (vitest),
    // end-to-end tests in .spec.ts (Playwright), fuzz suites in .fuzz.ts (a few cases each here; many
    // thousands with `npm run fuzz`, vitest.fuzz.config.ts).
    projects: testProjects(['test/**/*.test.ts', 'test/**/*.fuzz.ts']),
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
