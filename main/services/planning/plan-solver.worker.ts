// The plan's solver thread: HiGHS (WebAssembly) solves one integer program in CPLEX LP format (highs-run.ts)
// and posts its progress (each better plan found, with the gap) and its result. It runs beside main's event
// loop, so the app answers while the solver works; solver.ts starts it, bounds it with a time limit and stops it.
// HiGHS loads as soon as the thread starts, before the model arrives: the service gathers the needs meanwhile.

import { parentPort } from 'node:worker_threads';
import loadHighs from 'highs';
import { solveWithHighs } from './highs-run';
import type { SolveRequest, SolverMessage } from './solver-protocol';

const post = (message: SolverMessage) => parentPort!.postMessage(message);
const highs = loadHighs();
// An unhandled rejection would end the thread before the model arrives; the failure is answered with the model.
highs.catch(() => undefined);

parentPort!.once('message', (request: SolveRequest) => {
  highs.then((loaded) => post(solveWithHighs(loaded, request.lp, {
    timeLimitSeconds: request.timeLimitSeconds, mipRelGap: request.mipRelGap, mipAbsGap: request.mipAbsGap, start: request.start,
    onProgress: (p) => post({ type: 'progress', ...p }),
  }))).catch((error: unknown) => post({ type: 'failed', message: (error as Error)?.message ?? String(error) }));
});
