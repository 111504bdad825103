// The plan's solver thread: HiGHS (WebAssembly) solves one integer program in CPLEX LP format (highs-run.ts)
// and posts its progress (each better plan found, with the gap) and its result. It runs beside main's event
// loop, so the app answers while the solver works; solver.ts starts it, bounds it with a time limit and stops it.

import { parentPort, workerData } from 'node:worker_threads';
import loadHighs from 'highs';
import { solveWithHighs } from './highs-run';
import type { SolverMessage, SolverWorkerData } from './solver-protocol';

const data = workerData as SolverWorkerData;
const post = (message: SolverMessage) => parentPort!.postMessage(message);

async function solve(): Promise<void> {
  const highs = await loadHighs();
  post(solveWithHighs(highs, data.lp, {
    timeLimitSeconds: data.timeLimitSeconds, mipRelGap: data.mipRelGap,
    onProgress: (p) => post({ type: 'progress', ...p }),
  }));
}

solve().catch((error: unknown) => post({ type: 'failed', message: (error as Error)?.message ?? String(error) }));
