import { AppError } from '../../shared/errors';
import type { JobProgressEvent } from '../../shared/ipc/events';

/** Handle a long-running job receives: report progress, and check for cancellation between chunks. */
export interface JobHandle {
  readonly jobId: string;
  readonly cancelled: boolean;
  /** Throws AppError('cancelled') when the user cancelled; call between chunks of work. */
  throwIfCancelled(): void;
  progress(phase: string, done: number, total: number): void;
}

/** Tracks running jobs so `jobs:cancel` can reach them, and turns progress into events with a time estimate. */
export class JobRegistry {
  private readonly running = new Map<string, { cancelled: boolean }>();

  constructor(private readonly emit: (event: JobProgressEvent) => void) {}

  async run<T>(jobId: string, work: (job: JobHandle) => Promise<T>): Promise<T> {
    if (this.running.has(jobId)) throw new AppError('conflict', 'Pekerjaan dengan ID ini sedang berjalan.');
    const state = { cancelled: false };
    this.running.set(jobId, state);
    const started = Date.now();
    let lastEmit = 0;
    const emit = this.emit;
    const handle: JobHandle = {
      jobId,
      get cancelled() {
        return state.cancelled;
      },
      throwIfCancelled() {
        if (state.cancelled) throw new AppError('cancelled', 'Dibatalkan oleh pengguna; tidak ada data yang diubah.');
      },
      progress(phase, done, total) {
        const now = Date.now();
        // At most ~10 events a second, but always the last one.
        if (done < total && now - lastEmit < 100) return;
        lastEmit = now;
        const elapsed = now - started;
        const etaMs = done > 0 && total > done ? Math.round((elapsed / done) * (total - done)) : undefined;
        emit({ type: 'job:progress', jobId, phase, done, total, ...(etaMs === undefined ? {} : { etaMs }) });
      },
    };
    try {
      return await work(handle);
    } finally {
      this.running.delete(jobId);
    }
  }

  cancel(jobId: string): boolean {
    const state = this.running.get(jobId);
    if (!state) return false;
    state.cancelled = true;
    return true;
  }
}
