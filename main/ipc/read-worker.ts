// A reader: one worker thread with its own read-only connection to the database, running the same handler
// functions as the writer over services created on that connection. The reader pool (reader-pool.ts) sends it
// one validated read at a time; WAL lets it read beside the writer, and every statement of one read sees one
// snapshot (the read runs inside a read transaction), so a count and the page it belongs to always agree.

import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { AppEvent } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';
import { createDataSource } from '../db/data-source';
import { rawConnection } from '../db/raw-connection';
import { sqliteAdmin } from '../db/sql/sqlite-admin.sql';
import { JobRegistry } from '../jobs/job-registry';
import { createServices } from '../services';
import { SYSTEM_ACTOR } from '../../shared/auth/acting';
import type { Clock } from '../services/clock';
import { toErrorData, withActing } from './dispatcher';
import type { HandlerContext, Runtime } from './handler-types';
import { handlers } from './registry';
import type { ReaderRequest, ReaderWorkerData, ReaderMessage } from './reader-protocol';

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs as a worker thread of the reader pool');
const { dbPath, nativeBinding, databaseKey, runtime, hold } = workerData as ReaderWorkerData;
const held = new Int32Array(hold);

const post = (message: ReaderMessage) => port.postMessage(message);
const log = (message: string, error?: unknown) => {
  const detail = error instanceof Error ? { message: error.message, stack: error.stack } : error === undefined ? undefined : { message: String(error) };
  post({ type: 'log', message, error: detail });
};

async function start(): Promise<void> {
  const key = databaseKey === undefined ? undefined : databaseKey === null ? null : Buffer.from(databaseKey, 'hex');
  const dataSource = createDataSource({ database: dbPath, nativeBinding, readonly: true, key });
  await dataSource.initialize();
  const db = rawConnection(dataSource);
  // The writer's clock, as it read at dispatch: each request carries its today/now, so a reader never sees
  // another day than the writer (a fixed test day, `--as-of`, or midnight passing between the two).
  let moment = { today: '', now: '' };
  const clock: Clock = { today: () => moment.today as ReturnType<Clock['today']>, now: () => moment.now };
  const services = createServices(dataSource, clock, dbPath);
  const emit = (event: AppEvent) => post({ type: 'event', event });
  const context: HandlerContext = {
    services,
    runtime: runtime as Runtime,
    jobs: new JobRegistry(emit),
    emit,
    // Replaced per request by withActing (below): each read acts as the account that asked.
    actor: async () => SYSTEM_ACTOR.fullName,
    session: null,
    sessions: null,
    hasPrinter: () => false,
    printer() {
      throw new AppError('internal', 'Pencetakan PDF tidak dijalankan oleh pembaca database.');
    },
    reopenDatabase() {
      throw new AppError('internal', 'Pemulihan database tidak dijalankan oleh pembaca database.');
    },
  };

  async function run(request: ReaderRequest): Promise<Result<unknown>> {
    moment = request.clock;
    const handler = handlers[request.channel as keyof typeof handlers] as ((req: unknown, ctx: HandlerContext) => Promise<unknown>) | undefined;
    if (!handler) return { ok: false, error: { code: 'unknown_channel', message: `Permintaan tidak dikenal: "${request.channel}".` } };
    try {
      // One read transaction per request: every statement of the handler reads the same snapshot. (So a read
      // handler opens no transaction of its own; only writes do, and they are exclusive.)
      if (!db.inTransaction) sqliteAdmin.beginRead(db);
      return { ok: true, data: await handler(request.request, withActing(context, request.session, undefined)) };
    } catch (error) {
      return { ok: false, error: toErrorData(error, request.channel, log) };
    } finally {
      if (db.inTransaction) sqliteAdmin.commit(db);
    }
  }

  port!.on('message', (message: ReaderRequest | { type: 'close' }) => {
    if (message.type === 'close') {
      services.files.close();
      void dataSource.destroy().finally(() => post({ type: 'closed' }));
      return;
    }
    // Held by the pool (tests: a read that occupies its reader for as long as the test needs): wait, then run.
    while (Atomics.load(held, 0) === 1) Atomics.wait(held, 0, 1);
    const started = performance.now();
    void run(message).then((result) => {
      const ms = performance.now() - started;
      try {
        post({ type: 'result', id: message.id, result, ms });
      } catch (error) {
        // An answer that cannot be copied to the main thread (a function, a class instance) is a bug of the
        // handler: say so instead of leaving the caller waiting.
        log(`[jenjang] answer of ${message.channel} cannot leave the reader`, error);
        post({ type: 'result', id: message.id, result: { ok: false, error: toErrorData(error, message.channel, () => undefined) }, ms });
      }
    });
  });
  post({ type: 'ready' });
}

start().catch((error) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
});
