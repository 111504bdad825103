import { defineConfig } from 'vitest/config';
import base, { MOCKING_FILES, testProjects } from './vitest.config';
import { ON_SERVER } from './test/postgres-pass';

// The PostgreSQL pass (`npm run test:postgres`): the service, IPC and CLI test files of test/postgres-pass.ts again,
// every host they open on a fresh database of one embedded PostgreSQL for the whole run (test/helpers/postgres.ts
// starts it for the first file that asks and keeps it for the others; the global teardown stops it). The files left
// out, and why, are listed there too.
export default defineConfig({
  test: {
    ...base.test,
    projects: testProjects([...ON_SERVER], MOCKING_FILES.filter((file) => ON_SERVER.includes(file))),
    // Two workers, as in vitest.config.ts: a file here waits on the server (its own process) much of the time.
    // Measured on the shared 2-core machine, same load: 7 min 10 s with two, 11 min 29 s with one (vitest's default
    // there).
    env: { ...base.test?.env, JENJANG_TEST_HOST_DB: 'postgres' },
  },
});
