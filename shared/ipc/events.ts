// Main → renderer pushes. Electron sends them with webContents.send; the web host streams them as
// server-sent events. Both carry exactly these JSON shapes.

export interface JobProgressEvent {
  type: 'job:progress';
  jobId: string;
  /** Short Indonesian label of the current step ("Menyimpan pegawai"). */
  phase: string;
  done: number;
  total: number;
  /** Estimated milliseconds left, when the job can tell. */
  etaMs?: number;
}

export interface DataChangedEvent {
  type: 'data:changed';
  /** What changed, so open pages can refresh: "employees", "settings", … */
  scope: string;
}

export type AppEvent = JobProgressEvent | DataChangedEvent;
