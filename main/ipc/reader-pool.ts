// The readers: a small pool of worker threads, each with its own read-only connection (read-worker.ts), that
// serve the contract's 'read' channels beside the one serial writer. The dispatcher validates a request before
// it gets here; the pool only chooses a reader and carries the request and its answer across the thread.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AppEvent } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';
import type { ActingAccount } from '../../shared/auth/acting';
import type { Clock } from '../services/clock';
import type { Runtime } from './handler-types';
import type { ReaderMessage, ReaderRequest, ReaderWorkerData } from './reader-protocol';

export interface ReaderPoolOptions {
  /** Worker threads to start (≥ 1). */
  count: number;
  dbPath: string;
  nativeBinding?: string;
  /** The database's key as the writer opened it (hex; null for a plain file), so a reader never looks it up. */
  databaseKey?: string | null;
  runtime: Runtime;
  /** The writer's clock; every request carries its today/now to the reader. */
  clock: Clock;
  /** The built reader script (read-worker.js beside the Electron main bundle). From source: read-worker.ts through tsx. */
  entry?: string;
  onEvent(event: AppEvent): void;
  log(message: string, error?: unknown): void;
}

export interface ReaderPoolStats {
  readers: number;
  ready: number;
  /** Reads answered by a reader since the pool started. */
  served: number;
  queued: number;
}

interface PendingRead {
  channel: string;
  request: unknown;
  clock: ReaderRequest['clock'];
  client: string;
  session: ActingAccount | null;
  resolve(result: Result<unknown>): void;
}

type ReaderState = 'starting' | 'idle' | 'busy' | 'closing' | 'dead';

interface Reader {
  worker: Worker;
  state: ReaderState;
  current: (PendingRead & { id: number }) | null;
}

/** A reader that keeps failing is not restarted more often than this within a minute. */
const MAX_RESTARTS_PER_MINUTE = 3;

/** A client whose recent reads took at most this long (ms) is quick enough to be answered by the writer. */
export const QUICK_READ_MS = 10;
/** A client that asks again sooner than this (ms) after its last answer is streaming requests (pages loading back to
 *  back), not a person at the keyboard; its reads stay with the readers. */
export const THINK_TIME_MS = 20;
/** Clients whose read times are remembered; past this the memory starts afresh (a web host serves a few dozen). */
const MAX_REMEMBERED_CLIENTS = 1_000;

export class ReaderPool {
  private readonly readers: Reader[] = [];
  private readonly queue = new FairQueue<PendingRead>();
  private readonly restarts: number[] = [];
  private nextId = 1;
  private served = 0;
  private closed = false;
  /** Each client's recent read time (ms, a moving average) and when its last answer left, kept across idle spells
   *  unlike the fair queue's. */
  private readonly readCost = new Map<string, { cost: number; answeredAt: number }>();
  private readonly firstStart: Promise<number>;
  /** Shared with every reader: 1 while the readers are held (holdReads). */
  private readonly hold = new Int32Array(new SharedArrayBuffer(4));

  constructor(private readonly options: ReaderPoolOptions) {
    // One after the other: a reader costs a second or two of CPU to start, and reads are served from the first
    // one ready (or by the writer until then) rather than slowing everything down while all of them start.
    this.firstStart = (async () => {
      for (let i = 0; i < Math.max(1, Math.floor(options.count)) && !this.closed; i++) await this.spawn();
      return this.readyCount();
    })();
  }

  /** Resolves once every reader of the first start is ready or has failed; gives the number ready. */
  ready(): Promise<number> {
    return this.firstStart;
  }

  stats(): ReaderPoolStats {
    return { readers: this.readers.length, ready: this.readyCount(), served: this.served, queued: this.queue.size };
  }

  /**
   * Runs a validated read on a reader. Null when no reader is running (still starting, or stopped), so the
   * caller serves it from the writer's queue instead: a read is never refused for want of a reader.
   */
  tryRun(channel: string, request: unknown, client: string, session: ActingAccount | null): Promise<Result<unknown>> | null {
    if (this.closed || this.readyCount() === 0) return null;
    const clock = { today: this.options.clock.today(), now: this.options.clock.now() };
    return new Promise((resolve) => {
      this.queue.push(client, { channel, request, clock, client, session, resolve });
      this.pump();
    });
  }

  /**
   * Whether this client's read should rather be served by the writer's connection: every reader is busy, and the
   * client is a person at the keyboard — its recent reads were quick, it paused since its last answer and it has
   * nothing waiting. A keystroke's search then costs its own few milliseconds instead of waiting for a page
   * loader's read to end, while clients streaming reads back to back stay with the readers (served on the main
   * thread, they would hold up everyone's requests). The caller checks that the writer is idle.
   */
  preferWriter(client: string, now = performance.now()): boolean {
    if (this.closed || this.readyCount() === 0) return false;
    if (this.readers.some((r) => r.state === 'idle')) return false;
    const recent = this.readCost.get(client);
    return recent !== undefined && recent.cost <= QUICK_READ_MS && now - recent.answeredAt >= THINK_TIME_MS && this.queue.queuedOf(client) === 0;
  }

  /**
   * Holds the readers until the returned function releases them: a read sent to a reader meanwhile occupies it
   * without starting (a read already running finishes). Lets a test keep a read in flight on a reader for as long
   * as it needs, without depending on how long the read takes.
   */
  holdReads(): () => void {
    Atomics.store(this.hold, 0, 1);
    return () => {
      Atomics.store(this.hold, 0, 0);
      Atomics.notify(this.hold, 0);
    };
  }

  /** A read of `client` the writer served, `ms` long: it counts toward the client's recent read time. */
  servedOnWriter(client: string, ms: number): void {
    this.remember(client, ms);
  }

  private remember(client: string, ms: number): void {
    const before = this.readCost.get(client);
    if (before === undefined && this.readCost.size >= MAX_REMEMBERED_CLIENTS) this.readCost.clear();
    this.readCost.set(client, { cost: before === undefined ? ms : before.cost * 0.7 + ms * 0.3, answeredAt: performance.now() });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A held reader could not hear the close.
    Atomics.store(this.hold, 0, 0);
    Atomics.notify(this.hold, 0);
    for (const pending of this.queue.drain()) pending.resolve(stoppedResult());
    await Promise.all([...this.readers].map(async (reader) => {
      if (reader.state === 'dead') return;
      reader.state = 'closing';
      const exited = new Promise<void>((resolve) => reader.worker.once('exit', () => resolve()));
      const closedCleanly = new Promise<void>((resolve) => reader.worker.on('message', (m: ReaderMessage) => m.type === 'closed' && resolve()));
      // The workers are unref'd so that an idle pool never keeps the process alive; while closing they must, or a
      // process with nothing else pending exits in the middle of close() and the steps after it never run.
      reader.worker.ref();
      reader.worker.postMessage({ type: 'close' });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closedCleanly, exited, new Promise((r) => (timer = setTimeout(r, 2_000)))]);
      clearTimeout(timer);
      await reader.worker.terminate();
    }));
  }

  private readyCount(): number {
    return this.readers.filter((r) => r.state === 'idle' || r.state === 'busy').length;
  }

  private spawn(): Promise<void> {
    const here = fileURLToPath(import.meta.url);
    const fromSource = here.endsWith('.ts');
    const dir = path.dirname(here);
    const script = this.options.entry ?? path.join(dir, fromSource ? 'read-worker-source.mjs' : 'read-worker.js');
    const workerData: ReaderWorkerData = {
      dbPath: this.options.dbPath,
      nativeBinding: this.options.nativeBinding,
      databaseKey: this.options.databaseKey,
      runtime: this.options.runtime,
      hold: this.hold.buffer as SharedArrayBuffer,
      sourceEntry: fromSource && !this.options.entry ? pathToFileURL(path.join(dir, 'read-worker.ts')).href : undefined,
    };
    const worker = new Worker(script, { workerData });
    // An idle reader never keeps the process alive; a busy one does, so a pending answer is never dropped.
    worker.unref();
    const reader: Reader = { worker, state: 'starting', current: null };
    this.readers.push(reader);
    return new Promise<void>((resolveStart) => {
      worker.on('message', (message: ReaderMessage) => {
        switch (message.type) {
          case 'ready':
            reader.state = this.closed ? 'closing' : 'idle';
            resolveStart();
            this.pump();
            return;
          case 'failed':
            this.options.log(`[jenjang] a database reader could not start: ${message.message}`);
            resolveStart();
            void worker.terminate();
            return;
          case 'result':
            this.finish(reader, message.id, message.result, message.ms);
            return;
          case 'event':
            this.options.onEvent(message.event);
            return;
          case 'log':
            this.options.log(message.message, message.error);
            return;
          case 'closed':
            return;
        }
      });
      worker.on('error', (error) => this.options.log('[jenjang] a database reader stopped with an error', error));
      worker.on('exit', () => {
        resolveStart();
        const wasRunning = reader.current;
        const expected = reader.state === 'closing' || this.closed;
        reader.state = 'dead';
        reader.current = null;
        const index = this.readers.indexOf(reader);
        if (index >= 0) this.readers.splice(index, 1);
        if (wasRunning) wasRunning.resolve(stoppedResult());
        if (!expected) this.restart();
        if (this.readyCount() === 0 && !this.readers.some((r) => r.state === 'starting')) {
          // Nobody left to serve what is queued: answer it now rather than leave it waiting.
          for (const pending of this.queue.drain()) pending.resolve(stoppedResult());
        }
      });
    });
  }

  private restart(): void {
    // A reader that failed while the first ones were still starting may already have been replaced.
    if (this.closed || this.readers.length >= Math.max(1, Math.floor(this.options.count))) return;
    const now = Date.now();
    while (this.restarts.length > 0 && now - this.restarts[0] > 60_000) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS_PER_MINUTE) {
      this.options.log('[jenjang] a database reader keeps stopping; reads are served by the writer until Jenjang restarts');
      return;
    }
    this.restarts.push(now);
    void this.spawn();
  }

  private pump(): void {
    for (const reader of this.readers) {
      if (reader.state !== 'idle') continue;
      const next = this.queue.shift();
      if (!next) return;
      const id = this.nextId++;
      reader.state = 'busy';
      reader.current = { ...next, id };
      reader.worker.ref();
      const message: ReaderRequest = { type: 'run', id, channel: next.channel, request: next.request, clock: next.clock, session: next.session };
      reader.worker.postMessage(message);
    }
  }

  private finish(reader: Reader, id: number, result: Result<unknown>, ms: number): void {
    const current = reader.current;
    if (!current || current.id !== id) return;
    reader.current = null;
    if (reader.state === 'busy') reader.state = 'idle';
    reader.worker.unref();
    this.queue.complete(current.client, ms);
    this.remember(current.client, ms);
    this.served++;
    current.resolve(result);
    this.pump();
  }
}

function stoppedResult(): Result<never> {
  return { ok: false, error: { code: 'busy', message: 'Pembaca database berhenti sebelum menjawab; coba lagi.' } };
}

/**
 * Start-time fair queuing between clients (each window or browser tab is one client): every request is tagged
 * with a virtual start time, max(the queue's virtual time, the end of the client's previous requests), where
 * a request "lasts" as long as that client's recent requests did; the smallest tag runs first. A client that
 * has used the readers little (someone typing a search, 2 ms a keystroke) therefore goes ahead of clients
 * that keep them busy (ten tabs loading 30 ms pages), while a client that waited is never starved; within one
 * client, requests keep their order. An idle client banks no credit: its next tag starts at the virtual time.
 */
export class FairQueue<T> {
  private readonly items: Array<{ client: string; start: number; seq: number; item: T }> = [];
  private readonly clients = new Map<string, { finish: number; cost: number; queued: number }>();
  private virtualTime = 0;
  private seq = 0;

  /** What a client's first requests are assumed to cost (ms of reader time) until it has a history. */
  static readonly INITIAL_COST_MS = 5;

  get size(): number {
    return this.items.length;
  }

  /** Requests of `client` waiting in the queue. */
  queuedOf(client: string): number {
    return this.clients.get(client)?.queued ?? 0;
  }

  push(client: string, item: T): void {
    let state = this.clients.get(client);
    if (!state) {
      state = { finish: 0, cost: FairQueue.INITIAL_COST_MS, queued: 0 };
      this.clients.set(client, state);
    }
    const start = Math.max(this.virtualTime, state.finish);
    state.finish = start + state.cost;
    state.queued++;
    this.items.push({ client, start, seq: this.seq++, item });
  }

  shift(): T | undefined {
    if (this.items.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < this.items.length; i++) {
      const a = this.items[i];
      const b = this.items[best];
      if (a.start < b.start || (a.start === b.start && a.seq < b.seq)) best = i;
    }
    const [chosen] = this.items.splice(best, 1);
    this.virtualTime = Math.max(this.virtualTime, chosen.start);
    const state = this.clients.get(chosen.client)!;
    state.queued--;
    return chosen.item;
  }

  /** Records how long a client's request ran, which sets the length of its next ones. */
  complete(client: string, ms: number): void {
    const state = this.clients.get(client);
    if (!state) return;
    state.cost = state.cost * 0.7 + Math.max(0.1, ms) * 0.3;
    // Forget clients that have nothing queued and no advance over the virtual time: they would start afresh.
    if (state.queued === 0 && state.finish <= this.virtualTime) this.clients.delete(client);
  }

  /** Empties the queue (pool closing, or no reader left), in arrival order. */
  drain(): T[] {
    const all = [...this.items].sort((a, b) => a.seq - b.seq).map((entry) => entry.item);
    this.items.length = 0;
    this.clients.clear();
    return all;
  }
}
