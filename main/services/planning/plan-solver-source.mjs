// Starts the TypeScript solver thread (plan-solver.worker.ts) when Jenjang runs from source (tsx, vitest): a
// worker thread does not inherit its parent's TypeScript loader, so it registers tsx itself. A build
// (electron-vite) starts its bundled plan-solver.js directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.sourceEntry);
