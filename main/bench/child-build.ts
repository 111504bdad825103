// The bench's child process runs a build of main/ as the app does (electron-vite bundles main/ into out/main), not
// tsx on the source: tsx's loader and its compiled modules held about 120 MB of the child's memory before the host
// even opened (180 MB against the app's bundle), so the memory figure measured the bench's tooling, not the app.
// esbuild compiles the same source with the same tsconfig; the reader threads' and the solver's scripts go beside
// the entry, where main/ipc/reader-pool.ts and main/services/planning/solver.ts look for them, and the folder is
// one level under the repository, as out/main is, so REPO_ROOT (main/paths.ts) is the repository.
// JENJANG_BENCH_FROM_SOURCE=1 runs the child through tsx instead.

import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const ENTRIES = {
  'bench-child': 'main/bench/index.ts',
  'read-worker': 'main/ipc/read-worker.ts',
  'plan-solver': 'main/services/planning/plan-solver.worker.ts',
} as const;

/** The node arguments that start the bench's child (its own arguments follow), from `root` (the repository). */
export function benchChildArgs(root: string): string[] {
  if (process.env.JENJANG_BENCH_FROM_SOURCE === '1') return [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, ENTRIES['bench-child'])];
  const outdir = path.join(root, '.bench-build');
  fs.rmSync(outdir, { recursive: true, force: true });
  buildSync({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, path.join(root, source)])),
    outdir, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'), logLevel: 'warning',
  });
  return [path.join(outdir, 'bench-child.js')];
}
