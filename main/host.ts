// The Jenjang core, independent of any transport: database, services, job registry, the dispatcher and its
// readers. Electron's main process, the web host, the CLI and the tests all start it the same way.

import type { Channel, RequestOf, ResponseOf } from '../shared/ipc/contract';
import type { AppEvent } from '../shared/ipc/events';
import type { Result } from '../shared/ipc/result';
import packageJson from '../package.json';
import { AppError } from '../shared/errors';
import { openDatabase, type OpenedDatabase } from './db/open-database';
import { keepHeapNearLiveData } from './process-heap';
import { describeKeyStore, findDatabaseKeys } from './security/database-key';
import { MIGRATION_NAMES } from './db/migrations';
import crypto from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { announceChange, keepListeningForChanges } from './db/change-feed';
import { pgClientConfig, type PostgresConnection } from './db/connection';
import { serverConnectionOf } from './db/data-source';
import { rawConnection } from './db/raw-connection';
import { managerRun } from './db/sql/run';
import { sqliteAdmin } from './db/sql/sqlite-admin.sql';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { ReaderPool, type ReaderPoolStats } from './ipc/reader-pool';
import type { FileDialog, HandlerContext, Runtime } from './ipc/handler-types';
import { handlers } from './ipc/registry';
import { JobRegistry } from './jobs/job-registry';
import type { ReportPrinter } from './printing/printer';
import { createServices, type Services } from './services';
import { SYSTEM_ACTOR, type ActingAccount } from '../shared/auth/acting';
import { SessionStore } from './services/accounts/session-store';
import { clockFromEnvironment, type Clock } from './services/clock';

export interface HostOptions {
  dbPath: string;
  transport: Runtime['transport'];
  /** Create the database when missing (the app does; the CLI's commands do not). */
  create?: boolean;
  /** Never write to the database file (the CLI's read commands): see OpenDatabaseOptions.readOnly. */
  readOnly?: boolean;
  /** Write today's backup at start and check every `dailyBackupCheckMs` whether the clock's day has one
   *  (default: on for the desktop app and the web host, off for the CLI and tests). */
  dailyBackup?: boolean;
  dailyBackupCheckMs?: number;
  nativeBinding?: string;
  clock?: Clock;
  validateResponses?: boolean;
  log?: (message: string, error?: unknown) => void;
  /** The system's open-file dialog (Electron only; see app/file-dialog.ts). */
  fileDialog?: FileDialog;
  /**
   * Worker threads serving the contract's 'read' channels beside the serial writer (ipc/reader-pool.ts).
   * 0 (the default: CLI, tests, bench setup) keeps every database call in the one serial queue.
   */
  readers?: number;
  /** The built reader script beside a bundled main (Electron); from source the pool finds read-worker.ts. */
  readerEntry?: string;
  /**
   * Who in-process callers (no transport on the Caller: CLI, bench, tests) act as. Default: the built-in system
   * Administrator "Sistem". The CLI sets the account of `--user` for writing commands, a read-only actor for
   * reading ones. Callers that come through a transport always act as their session's account.
   */
  localActor?: ActingAccount;
}

/** Readers of the app and the web host unless configured: two, which keeps one core free for the writer on a
 *  small office machine. `JENJANG_READERS=N` overrides it (0 turns them off). */
export const DEFAULT_READERS = 2;

export function readersFromEnvironment(env: NodeJS.ProcessEnv = process.env, fallback = DEFAULT_READERS): number {
  const raw = env.JENJANG_READERS;
  if (raw === undefined || raw.trim() === '') return fallback;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > 16) {
    throw new AppError('validation', `JENJANG_READERS harus bilangan bulat 0–16, bukan "${raw}".`);
  }
  return count;
}

/** The dispatcher seen through the contract's types (for in-process callers: CLI, bench, tests). */
export type TypedCall = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

export interface JenjangHost {
  /** Untyped entry used by the transports: anything may arrive over IPC or HTTP. */
  dispatch: Dispatch;
  call: TypedCall;
  services: Services;
  runtime: Runtime;
  /** Subscribes to main → renderer events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Who is logged in (in memory: a restart ends every session). */
  sessions: SessionStore;
  /** Who in-process callers act as from now on (the CLI, after checking `--user`). */
  setLocalActor(actor: ActingAccount): void;
  /** Sets the PDF printer of this transport once it can run (Electron: at start; web host: once it listens). */
  setPrinter(printer: ReportPrinter): void;
  /** Resolves once the readers have started (immediately without readers); gives how many are running. Until
   *  then reads are served by the writer's queue. */
  readersReady(): Promise<number>;
  readerStats(): ReaderPoolStats | null;
  /** Holds the readers until the returned function is called (ReaderPool.holdReads); a no-op without readers. */
  holdReads(): () => void;
  close(): Promise<void>;
}

export const APP_VERSION: string = packageJson.version;

/** How often the running app looks whether today's backup exists: a day starts at most this late. */
const DAILY_BACKUP_CHECK_MS = 15 * 60 * 1000;

export async function startHost(options: HostOptions): Promise<JenjangHost> {
  keepHeapNearLiveData();
  const open = () => openDatabase(options.dbPath, {
    create: !options.readOnly && (options.create ?? true), readOnly: options.readOnly, nativeBinding: options.nativeBinding,
  });
  let opened: OpenedDatabase = await open();
  // Team mode (a postgres:// URL): no reader threads (the pg pool serves reads side by side), no file backups, and
  // the change feed tells this desk about other desks' writes (see startChangeFeed below).
  const server = serverConnectionOf(opened.dataSource);
  reportDatabaseKey(opened, options.log);
  const clock = options.clock ?? clockFromEnvironment();
  // `opened.path`: the file, or the server's URL without its password (what the runtime shows and logs).
  const servicesOver = (database: OpenedDatabase) => createServices(database.dataSource, clock, database.path);
  const services = servicesOver(opened);
  // Copies left half-written by a process that died (a killed import, a crash during a backup) go at start.
  if (!options.readOnly) services.backup.pruneStale();
  const listeners = new Set<(event: AppEvent) => void>();
  const emitHere = (event: AppEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        options.log?.('[jenjang] event listener failed', error);
      }
    }
  };
  const changeFeed = server ? await startChangeFeed(server, () => opened.dataSource, emitHere, options.log) : null;
  // Every write's "data:changed" passes here (handlers emit it once their service has committed); in team mode it
  // is also announced to the other desks, right after that commit.
  const emit = (event: AppEvent) => {
    emitHere(event);
    if (changeFeed && event.type === 'data:changed') changeFeed.announce(event.scope);
  };
  const runtime: Runtime = {
    transport: options.transport,
    dbPath: opened.path,
    appVersion: APP_VERSION,
    schemaVersion: MIGRATION_NAMES[MIGRATION_NAMES.length - 1],
  };
  // Readers: worker threads with read-only connections of their own (reader-pool.ts); none in-memory.
  const startReaders = () => ((options.readers ?? 0) > 0 && options.dbPath !== ':memory:' && !server
    ? new ReaderPool({
      count: options.readers!, dbPath: options.dbPath, nativeBinding: options.nativeBinding, runtime, clock,
      databaseKey: opened.key?.toString('hex') ?? null,
      entry: options.readerEntry, onEvent: emit, log: options.log ?? ((message, error) => console.error(message, error ?? '')),
    })
    : null);
  let readers: ReaderPool | null = startReaders();
  let printer: ReportPrinter | null = null;
  let localActor = options.localActor ?? SYSTEM_ACTOR;
  const sessions = new SessionStore(clock);
  sessions.setIdleMinutes((await services.accounts.security.get()).idleLockMinutes);
  const context: HandlerContext = {
    services,
    runtime,
    jobs: new JobRegistry(emit),
    emit,
    // The dispatcher gives each request its own view with the acting account (withActing); this is the fallback
    // of work that belongs to no request.
    actor: async () => SYSTEM_ACTOR.fullName,
    session: null,
    sessions,
    fileDialog: options.fileDialog,
    hasPrinter: () => printer !== null,
    printer() {
      if (!printer) throw new AppError('internal', 'Pencetak PDF belum tersedia di proses ini.');
      return printer;
    },
    // A restore replaces the database file under the running app. The DataSource and every service built on it
    // are closed, the restore swaps the file, and whatever file is then in place is opened with fresh services
    // (the old one again when the swap failed). The restore runs in the dispatcher's queue, so no other database
    // call is in flight meanwhile.
    async reopenDatabase(swap) {
      // The readers hold connections to the file being replaced: they stop first (reads in flight are answered
      // as stopped) and start again on whatever file is in place afterwards.
      await readers?.close();
      readers = null;
      context.services.files.close();
      await opened.close();
      try {
        await swap();
      } finally {
        opened = await open();
        context.services = servicesOver(opened);
        readers = startReaders();
        await reconcileSessions(context.services);
      }
    },
  };
  const dispatch = createDispatcher(handlers, context, {
    validateResponses: options.validateResponses,
    log: options.log,
    // Through `readers` as it is now: a restore replaces the pool (see reopenDatabase above).
    readers: {
      tryRun: (channel, request, client, session) => readers?.tryRun(channel, request, client, session) ?? null,
      preferWriter: (client) => readers?.preferWriter(client) ?? false,
      servedOnWriter: (client, ms) => readers?.servedOnWriter(client, ms),
    },
    // The check that a read changed no row counts SQLite's total_changes; PostgreSQL has no per-connection
    // equivalent (its statistics are not per statement, and the pool spreads calls over connections), so a server
    // goes without it. The same handlers run the check on SQLite in every test.
    writerChanges: server ? undefined : () => sqliteAdmin.totalChanges(rawConnection(opened.dataSource)),
    sessions,
    localActor: () => localActor,
  });

  /**
   * After a restore the accounts are those of the restored file: a session whose account is missing or disabled
   * there ends, the others take the restored role, scope and name; the idle limit is the restored setting.
   */
  async function reconcileSessions(current: Services): Promise<void> {
    sessions.setIdleMinutes((await current.accounts.security.get()).idleLockMinutes);
    for (const accountId of sessions.accountIds()) {
      const acting = await current.accounts.acting(accountId).catch(() => null);
      const account = acting ? await current.accounts.get(accountId) : null;
      if (!acting || !account || account.disabled) sessions.endForAccount(accountId);
      else sessions.refresh(accountId, acting);
    }
  }

  // The daily backup goes through the dispatcher like any request, so it waits its turn behind a write
  // transaction instead of copying in the middle of one.
  let dailyRun: Promise<unknown> = Promise.resolve();
  let dailyTimer: NodeJS.Timeout | null = null;
  if (!options.readOnly && (options.dailyBackup ?? options.transport !== 'test')) {
    const runDaily = () => {
      // No daily copy per desk on a server: the server's own backup (pg_dump) is the source of truth; a desk backs
      // the server up on demand (Pengaturan › Cadangan, `cli backup --db postgres://…`).
      const dailyBackup = server ? Promise.resolve() : dispatch('backup:dailyIfDue', {}).then((result) => {
        if (!result.ok) options.log?.(`[jenjang] daily backup failed: ${result.error.message}`);
      });
      dailyRun = dailyRun.then(() => dailyBackup).then(() => dispatch('privacy:applyRetention', {})).then((result) => {
        if (!result.ok) options.log?.(`[jenjang] retention of imported cell values failed: ${result.error.message}`);
      }).then(() => dispatch('quality:recordDaily', {})).then((result) => {
        if (!result.ok) options.log?.(`[jenjang] daily record of the data-quality index failed: ${result.error.message}`);
      });
    };
    runDaily();
    dailyTimer = setInterval(runDaily, options.dailyBackupCheckMs ?? DAILY_BACKUP_CHECK_MS);
    dailyTimer.unref();
  }

  return {
    dispatch,
    call: dispatch as TypedCall,
    get services() {
      return context.services;
    },
    runtime,
    sessions,
    setLocalActor(actor) {
      localActor = actor;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setPrinter(next) {
      printer = next;
    },
    readersReady: () => readers?.ready() ?? Promise.resolve(0),
    readerStats: () => readers?.stats() ?? null,
    holdReads: () => readers?.holdReads() ?? (() => undefined),
    async close() {
      if (dailyTimer) clearInterval(dailyTimer);
      await dailyRun;
      await readers?.close();
      await changeFeed?.stop();
      listeners.clear();
      context.services.files.close();
      await printer?.close();
      if (opened.dataSource.isInitialized) await opened.close();
    },
  };
}

/**
 * Team mode: listens for other desks' announcements on a connection of its own (emitted here as "data:changed")
 * and announces this desk's writes. An announcement goes out after the write's commit, on the DataSource's pool:
 * a desk that dies between the two leaves the others to refresh on their next read of that screen.
 */
async function startChangeFeed(server: PostgresConnection, dataSource: () => DataSource, emit: (event: AppEvent) => void, log: HostOptions['log']) {
  const desk = crypto.randomUUID();
  // A dropped listener is replaced (and every screen refreshed once it listens again); the app itself goes on.
  const listener = await keepListeningForChanges({
    ownDesk: desk, emit, log,
    async connect() {
      const client = new pg.Client(pgClientConfig(server));
      await client.connect();
      return client;
    },
  });
  let pending: Promise<unknown> = Promise.resolve();
  return {
    listener,
    announce(scope: string) {
      pending = pending.then(() => announceChange(managerRun(dataSource()), { scope, desk }))
        .catch((error) => log?.(`[jenjang] change feed could not announce "${scope}"`, error));
    },
    async stop() {
      await pending;
      await listener.stop();
    },
  };
}

/** Says where the database key lives (and that a plain database was just encrypted), once at start. */
function reportDatabaseKey(opened: OpenedDatabase, log: HostOptions['log']): void {
  if (!log || opened.path === ':memory:') return;
  if (serverConnectionOf(opened.dataSource)) {
    log(`[jenjang] mode tim: database di server ${opened.path}`);
    return;
  }
  const keys = findDatabaseKeys();
  if (keys) log(`[jenjang] ${describeKeyStore(keys)}`);
  if (!opened.key) log('[jenjang] database ini belum terenkripsi (dibuka hanya untuk dibaca)');
  if (opened.encryptedNow) log(`[jenjang] database versi lama dienkripsi: ${opened.encryptedNow.tables} tabel, ${opened.encryptedNow.rows} baris, ${opened.encryptedNow.ms} ms`);
}
