// The processes the tests spawn by the hundred (the CLI of `runCli`, the web host of every Playwright test) start
// from a build of main/ made once per run, instead of through tsx. Starting through tsx costs about 3 s of CPU per
// process on the CI machine (its loader hooks see every module that loads, typeorm's and exceljs's included);
// the build starts in about 1 s. The source is the same: esbuild compiles it here the way tsx compiles it file by
// file (tsx is esbuild too, with the same tsconfig), bundled the way electron-vite bundles the app: main/ and
// shared/ in one file per entry, the packages left to node_modules, the reader threads' script and the solver's
// beside the entries (main/ipc/reader-pool.ts and main/services/planning/solver.ts look for them there).
//
// The folder is one level under the repository, as out/main is in the app, so REPO_ROOT (main/paths.ts) is the
// repository and the web host serves out/web. The global setups (vitest-global-setup.ts, e2e-global-setup.ts)
// build it before any test starts; a test run without them (or JENJANG_TEST_FROM_SOURCE=1) spawns tsx on the
// source as before.

import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
export const TEST_BUILD_DIR = path.join(ROOT, '.test-build');

/** Entry name → source; the worker names are the ones a build of the app uses (electron.vite.config.ts). */
const ENTRIES = {
  cli: 'main/cli/index.ts',
  serve: 'main/web/serve.ts',
  'read-worker': 'main/ipc/read-worker.ts',
  'plan-solver': 'main/services/planning/plan-solver.worker.ts',
} as const;

type Entry = keyof typeof ENTRIES;

/** Builds every entry into TEST_BUILD_DIR (about 1–2 s). Each file is written beside and renamed into place, so a
 *  process of another run that starts meanwhile reads a whole file. */
export function buildNodeEntries(): void {
  const staging = fs.mkdtempSync(path.join(ROOT, '.test-build-'));
  try {
    buildSync({
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, path.join(ROOT, source)])),
      outdir: staging,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      tsconfig: path.join(ROOT, 'tsconfig.json'),
      logLevel: 'warning',
    });
    fs.mkdirSync(TEST_BUILD_DIR, { recursive: true });
    for (const name of Object.keys(ENTRIES)) fs.renameSync(path.join(staging, `${name}.js`), path.join(TEST_BUILD_DIR, `${name}.js`));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The node arguments that run `entry` (then its own arguments follow): the run's build when there is one, else
 *  tsx on the source. */
export function nodeEntryArgs(entry: Exclude<Entry, 'read-worker' | 'plan-solver'>): string[] {
  const built = path.join(TEST_BUILD_DIR, `${entry}.js`);
  if (process.env.JENJANG_TEST_FROM_SOURCE !== '1' && fs.existsSync(built)) return [built];
  return [TSX, path.join(ROOT, ENTRIES[entry])];
}
