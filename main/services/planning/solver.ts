// Runs one plan model through HiGHS in a worker thread (plan-solver.worker.ts): main's event loop stays free
// while the solver searches, HiGHS stops itself at the time limit with its best plan and gap, and a thread
// that overruns the limit by far (a stuck solve) is terminated and reported as an error. The thread is started
// before the model is written (startSolver), so loading HiGHS overlaps gathering the needs.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { SolveRequest, SolverMessage, SolverWorkerData } from './solver-protocol';

export interface SolveOptions {
  timeLimitSeconds: number;
  mipRelGap?: number;
  /** Stop as optimal once the bound is within this much of the plan found (model.ts says why ½ suffices). */
  mipAbsGap?: number;
  /** A feasible plan to start from (model.ts greedyStart). */
  start?: Record<string, number> | null;
  onProgress?(progress: { seconds: number; gap: number | null }): void;
}

export type SolveResult = Extract<SolverMessage, { type: 'result' }>;

/** A started solver thread: it solves one model, or is let go unused. */
export interface SolverThread {
  solve(lp: string, options: SolveOptions): Promise<SolveResult>;
  /** Ends the thread (after a solve it has ended already; before one, nothing is lost). */
  dispose(): void;
}

/** Grace after the time limit before the thread is terminated: HiGHS checks its clock often, never this late. */
const OVERRUN_SECONDS = 20;

export function startSolver(): SolverThread {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith('.ts');
  const dir = path.dirname(here);
  const script = path.join(dir, fromSource ? 'plan-solver-source.mjs' : 'plan-solver.js');
  const workerData: SolverWorkerData = { sourceEntry: fromSource ? pathToFileURL(path.join(dir, 'plan-solver.worker.ts')).href : undefined };
  const worker = new Worker(script, { workerData });
  // Until a model is sent, a failing start is kept for the solve to report.
  let startFailure: Error | null = null;
  let exitedEarly = false;
  const onEarlyError = (error: Error) => { startFailure = error; };
  const onEarlyExit = () => { exitedEarly = true; };
  worker.on('error', onEarlyError);
  worker.on('exit', onEarlyExit);
  let used = false;
  return {
    dispose() {
      if (!used) void worker.terminate();
    },
    solve(lp, options) {
      if (used) throw new Error('A solver thread solves one model.');
      used = true;
      worker.off('error', onEarlyError);
      worker.off('exit', onEarlyExit);
      return new Promise<SolveResult>((resolve, reject) => {
        let settled = false;
        const finish = (action: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(watchdog);
          action();
          void worker.terminate();
        };
        const failed = (error: Error) => new AppError('internal', 'Penyusun rencana berhenti karena kesalahan.', { solver: error.message });
        const watchdog = setTimeout(() => finish(() => reject(new AppError('internal', 'Penyusun rencana tidak selesai dalam batas waktunya; coba lagi dengan batas waktu lebih pendek atau cakupan lebih kecil.'))),
          (options.timeLimitSeconds + OVERRUN_SECONDS) * 1000);
        if (startFailure) return finish(() => reject(failed(startFailure!)));
        if (exitedEarly) return finish(() => reject(new AppError('internal', 'Penyusun rencana berhenti sebelum memberi hasil.')));
        worker.on('message', (message: SolverMessage) => {
          if (message.type === 'progress') options.onProgress?.({ seconds: message.seconds, gap: message.gap });
          else if (message.type === 'result') finish(() => resolve(message));
          // The solver's own message is English and technical: it goes to the details, the person reads Indonesian.
          else finish(() => reject(new AppError('internal', 'Penyusun rencana gagal membaca atau menyelesaikan model rencana.', { solver: message.message })));
        });
        worker.on('error', (error) => finish(() => reject(failed(error))));
        worker.on('exit', () => finish(() => reject(new AppError('internal', 'Penyusun rencana berhenti sebelum memberi hasil.'))));
        const request: SolveRequest = { type: 'solve', lp, timeLimitSeconds: options.timeLimitSeconds, mipRelGap: options.mipRelGap ?? 1e-6, mipAbsGap: options.mipAbsGap, start: options.start };
        worker.postMessage(request);
      });
    },
  };
}

/** Starts a thread and solves one model in it. */
export function solvePlanModel(lp: string, options: SolveOptions): Promise<SolveResult> {
  return startSolver().solve(lp, options);
}
