import path from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

// Builds the Electron app into out/: main (ESM, dependencies left to node_modules), the preload (CommonJS,
// because a sandboxed preload cannot be an ES module) and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The reader threads' script and the plan's solver thread sit beside index.js (main/ipc/reader-pool.ts,
      // main/services/planning/solver.ts).
      rollupOptions: {
        input: {
          index: path.resolve('main/index.ts'), 'read-worker': path.resolve('main/ipc/read-worker.ts'),
          'plan-solver': path.resolve('main/services/planning/plan-solver.worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: path.resolve('main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig(path.resolve('out/renderer')),
    build: { ...rendererConfig(path.resolve('out/renderer')).build, minify: true, rollupOptions: { input: path.resolve('renderer/index.html') } },
  },
});
