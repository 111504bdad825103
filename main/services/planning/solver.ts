// Runs one plan model through HiGHS in a worker thread (plan-solver.worker.ts): main's event loop stays free
// while the solver searches, HiGHS stops itself at the time limit with its best plan and gap, and a thread
// that overruns the limit by far (a stuck solve) is terminated and reported as an error.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { SolverMessage, SolverWorkerData } from './solver-protocol';

export interface SolveOptions {
  timeLimitSeconds: number;
  mipRelGap?: number;
  onProgress?(progress: { seconds: number; gap: number | null }): void;
}

export type SolveResult = Extract<SolverMessage, { type: 'result' }>;

/** Grace after the time limit before the thread is terminated: HiGHS checks its clock often, never this late. */
const OVERRUN_SECONDS = 20;

export function solvePlanModel(lp: string, options: SolveOptions): Promise<SolveResult> {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith('.ts');
  const dir = path.dirname(here);
  const script = path.join(dir, fromSource ? 'plan-solver-source.mjs' : 'plan-solver.js');
  const workerData: SolverWorkerData = {
    lp, timeLimitSeconds: options.timeLimitSeconds, mipRelGap: options.mipRelGap ?? 1e-6,
    sourceEntry: fromSource ? pathToFileURL(path.join(dir, 'plan-solver.worker.ts')).href : undefined,
  };
  return new Promise<SolveResult>((resolve, reject) => {
    const worker = new Worker(script, { workerData });
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      action();
      void worker.terminate();
    };
    const watchdog = setTimeout(() => finish(() => reject(new AppError('internal', 'Penyusun rencana tidak selesai dalam batas waktunya; coba lagi dengan batas waktu lebih pendek atau cakupan lebih kecil.'))),
      (options.timeLimitSeconds + OVERRUN_SECONDS) * 1000);
    worker.on('message', (message: SolverMessage) => {
      if (message.type === 'progress') options.onProgress?.({ seconds: message.seconds, gap: message.gap });
      else if (message.type === 'result') finish(() => resolve(message));
      // The solver's own message is English and technical: it goes to the details, the person reads Indonesian.
      else finish(() => reject(new AppError('internal', 'Penyusun rencana gagal membaca atau menyelesaikan model rencana.', { solver: message.message })));
    });
    worker.on('error', (error) => finish(() => reject(new AppError('internal', 'Penyusun rencana berhenti karena kesalahan.', { solver: error.message }))));
    worker.on('exit', () => finish(() => reject(new AppError('internal', 'Penyusun rencana berhenti sebelum memberi hasil.'))));
  });
}
