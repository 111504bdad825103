// The messages between the reader pool (main thread) and its readers (worker threads). Everything here
// crosses a thread boundary by structured clone: plain data only.

import type { AppEvent } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';
import type { ActingAccount, Runtime } from './handler-types';

/** What a reader is started with. */
export interface ReaderWorkerData {
  dbPath: string;
  nativeBinding?: string;
  /** Hex; null for a plain file; absent: the reader finds the key itself (keyForFile). */
  databaseKey?: string | null;
  runtime: Runtime;
  /** The TypeScript reader to load through tsx when the app runs from source (tsx, vitest); unset in a build. */
  sourceEntry?: string;
  /** One Int32 the pool sets to 1 to hold the readers (ReaderPool.holdReads): while it is 1, a reader waits before
   *  it starts its next read. Shared, so the hold takes effect at once, with no message in flight. */
  hold: SharedArrayBuffer;
}

/** One validated read, with the writer's clock as it read when the request was dispatched and who asked (role,
 *  scope and account: the handlers filter an Operator OPD's reads by it). */
export interface ReaderRequest {
  type: 'run';
  id: number;
  channel: string;
  request: unknown;
  clock: { today: string; now: string };
  session: ActingAccount | null;
}

export type ReaderMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  /** `ms`: how long the request ran in the reader (what fair queuing charges its client; the main thread's own
   *  backlog is not the client's cost). */
  | { type: 'result'; id: number; result: Result<unknown>; ms: number }
  | { type: 'event'; event: AppEvent }
  | { type: 'log'; message: string; error?: { message: string; stack?: string } }
  | { type: 'closed' };
