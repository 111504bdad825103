// The single choke point every request passes, whatever its transport: channel lookup, who is asking (the
// session of a transport's caller, or the host's local actor) and whether the role holds the channel's permission,
// request validation against the shared schema, then the channel's mode decides where the handler runs (the
// serial writer queue, a reader, or at once), and the answer leaves in the Result envelope.

import { z } from 'zod';
import { ROLE_LABELS, roleAllows, type Permission } from '../../shared/auth/roles';
import { AppError, type AppErrorData, type FieldIssue } from '../../shared/errors';
import { contract, isChannel, type Channel } from '../../shared/ipc/contract';
import { labelledMessage } from '../../shared/schemas/field-label';
import type { Result } from '../../shared/ipc/result';
import { actorLabel, SYSTEM_ACTOR, type ActingAccount } from '../../shared/auth/acting';
import type { SessionStore } from '../services/accounts/session-store';
import type { HandlerContext, Handlers } from './handler-types';

/** Who is asking: one window (Electron) or one browser tab (web host). Readers are shared fairly between them. */
export interface Caller {
  client?: string;
  /** The session token the transport received with the request (web: X-Jenjang-Session; Electron: the preload). */
  session?: string;
  /**
   * Set by the transports: their callers must prove a session for every channel that is not `public`. In-process
   * callers (CLI, bench, tests) leave it unset and act as the host's local actor.
   */
  transport?: 'electron' | 'web';
}

export type Dispatch = (channel: string, payload: unknown, caller?: Caller) => Promise<Result<unknown>>;

/** Where 'read' channels run when readers exist (reader-pool.ts). */
export interface ReadRouter {
  /** A validated read on a reader, or null when none is running (the writer's queue serves it then). */
  tryRun(channel: string, request: unknown, client: string, session: ActingAccount | null): Promise<Result<unknown>> | null;
  /** True when this client's read should go to the idle writer instead (every reader busy, the client quick). */
  preferWriter?(client: string): boolean;
  /** How long a read the writer served for this client took (ms). */
  servedOnWriter?(client: string, ms: number): void;
}

export interface DispatcherOptions {
  /**
   * Check every response against its schema, and that a 'read' channel served by the writer's connection
   * changed no row (tests, web host in test mode): catches contract drift and a read that writes.
   */
  validateResponses?: boolean;
  log?: (message: string, error?: unknown) => void;
  readers?: ReadRouter;
  /** Rows changed so far on the writer's connection (SQLite total_changes()), for the read check above. */
  writerChanges?: () => number;
  /** The live sessions transport callers are resolved against; without it every transport caller is unauthenticated. */
  sessions?: SessionStore;
  /** Who in-process callers act as (default: the built-in system Administrator). */
  localActor?: () => ActingAccount;
}

/** What an account that must choose a new password may still do. */
const PASSWORD_CHANGE_CHANNELS: ReadonlySet<string> = new Set(['auth:changePassword', 'auth:logout']);

/** The client of in-process callers (CLI, bench, tests) that do not name one. */
export const LOCAL_CLIENT = 'local';

/**
 * Runs async tasks one at a time. better-sqlite3 is one connection; two interleaved transactions on it both
 * fail, and ipcMain.handle runs handlers concurrently, so every database call waits its turn.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Nothing runs or waits: no transaction is open on the writer's connection. */
  get idle(): boolean {
    return this.pending === 0;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task, task).finally(() => this.pending--);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export function createDispatcher(handlers: Handlers, context: HandlerContext, options: DispatcherOptions = {}): Dispatch {
  const queue = new SerialQueue();
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));

  return async function dispatch(channel: string, payload: unknown, caller: Caller = {}): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `Permintaan tidak dikenal: "${String(channel).slice(0, 80)}".` } };
    }
    const spec = contract[channel];
    // Every check happens here, before the request is handed to the queue or to a reader; who is asking first, so
    // a caller without the right learns nothing, not even whether the request was well-formed.
    const allowed = authorise(channel, spec.permission, caller);
    if (!allowed.ok) return { ok: false, error: allowed.error };
    const acting = allowed.acting;
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'validation', message: requestErrorMessage(spec.request, parsed.error), details: { issues: zodIssues(parsed.error) } } };
    }
    const mode = 'mode' in spec ? spec.mode : 'exclusive';
    const handler = handlers[channel] as (request: unknown, ctx: HandlerContext) => Promise<unknown>;
    const requestContext = withActing(context, acting, caller.session);
    const run = async (): Promise<Result<unknown>> => {
      try {
        return { ok: true, data: await handler(parsed.data, requestContext) };
      } catch (error) {
        return { ok: false, error: toErrorData(error, channel, log) };
      }
    };
    let result: Result<unknown>;
    if (mode === 'free') {
      result = await run();
    } else if (mode === 'read') {
      const client = caller.client ?? LOCAL_CLIENT;
      const readers = options.readers;
      if (readers?.preferWriter?.(client) && queue.idle) {
        // Every reader is busy with longer reads and this client's reads are quick (a search being typed): the idle
        // writer answers it now. Idle means no transaction is open on its connection, so it reads committed data.
        const started = performance.now();
        result = await queue.run(() => readOnWriter(channel, run));
        readers.servedOnWriter?.(client, performance.now() - started);
      } else {
        result = await (readers?.tryRun(channel, parsed.data, client, acting) ?? queue.run(() => readOnWriter(channel, run)));
      }
    } else {
      result = await queue.run(run);
    }
    if (result.ok && options.validateResponses) {
      const check = spec.response.safeParse(result.data);
      if (!check.success) {
        log(`[jenjang] response of ${channel} breaks its schema`, check.error);
        return { ok: false, error: { code: 'internal', message: `Jawaban ${channel} tidak sesuai kontrak: ${zodIssues(check.error).map((i) => `${i.path}: ${i.message}`).join('; ')}` } };
      }
    }
    return result;
  };

  /**
   * Who the request acts as, or why it is refused. A transport's caller needs a live session (except for `public`
   * channels, which still see the session when one comes along), an account that must change its password reaches
   * only the password change and log-out, and the role must hold the channel's permission. In-process callers act
   * as the local actor, whose role is checked the same way.
   */
  function authorise(channel: string, permission: Permission, caller: Caller): { ok: true; acting: ActingAccount | null } | { ok: false; error: AppErrorData } {
    if (!caller.transport) {
      const local = options.localActor?.() ?? SYSTEM_ACTOR;
      if (permission !== 'public' && !roleAllows(local.role, permission)) return { ok: false, error: forbidden(local) };
      return { ok: true, acting: local };
    }
    const acting = options.sessions?.touch(caller.session) ?? null;
    if (permission === 'public') return { ok: true, acting };
    if (!acting) {
      return { ok: false, error: { code: 'unauthenticated', message: 'Anda belum masuk atau sesi Anda sudah berakhir; silakan masuk lagi.' } };
    }
    if (acting.mustChangePassword && !PASSWORD_CHANGE_CHANNELS.has(channel)) {
      return { ok: false, error: { code: 'password_change_required', message: 'Ganti kata sandi Anda lebih dahulu sebelum melanjutkan.' } };
    }
    if (!roleAllows(acting.role, permission)) return { ok: false, error: forbidden(acting) };
    return { ok: true, acting };
  }

  /** A read served by the writer's connection (no readers): in checking mode, refuse one that changed rows. */
  async function readOnWriter(channel: string, run: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
    if (!options.validateResponses || !options.writerChanges) return run();
    const before = options.writerChanges();
    const result = await run();
    const changed = options.writerChanges() - before;
    if (changed === 0) return result;
    log(`[jenjang] read channel ${channel} changed ${changed} row(s); it must be 'exclusive'`);
    return { ok: false, error: { code: 'internal', message: 'Terjadi kesalahan internal: permintaan baca mengubah data. Rincian dicatat di log aplikasi.' } };
  }
}

function forbidden(acting: ActingAccount): AppErrorData {
  return { code: 'forbidden', message: `Peran ${ROLE_LABELS[acting.role]} tidak berwenang melakukan ini.` };
}

/**
 * The context one request's handler sees: the host's context with who is acting. A prototype view, so what the
 * host replaces later (the services after a restore) is what the handler reads.
 */
export function withActing(context: HandlerContext, acting: ActingAccount | null, token: string | undefined): HandlerContext {
  const view = Object.create(context) as HandlerContext;
  view.session = acting;
  view.sessionToken = token;
  view.actor = async () => (acting ? actorLabel(acting) : SYSTEM_ACTOR.fullName);
  return view;
}

/**
 * The sentence a person reads when a request is refused: each problem named by the field's label where the schema
 * gives one, never by the channel or the field's key (those stay in details.issues for forms and logs).
 */
export function requestErrorMessage(schema: z.ZodType, error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return 'permintaan memuat isian yang tidak dikenal';
    return labelledMessage(schema, issue.path, issue.message);
  });
  return `Data tidak valid: ${[...new Set(problems)].join('; ')}`;
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Known failures become their AppError; anything unexpected is logged and answered with a generic message. */
export function toErrorData(error: unknown, channel: Channel | string, log: (message: string, error?: unknown) => void): AppErrorData {
  if (error instanceof AppError) return error.toData();
  if (error instanceof z.ZodError) return { code: 'validation', message: 'Data tidak valid.', details: { issues: zodIssues(error) } };
  const code = (error as { code?: string })?.code ?? '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'conflict', message: 'Data yang sama sudah ada di database; tidak ada yang diubah.' };
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { code: 'conflict', message: 'Data masih dirujuk oleh data lain atau merujuk data yang tidak ada; tidak ada yang diubah.' };
  }
  if (code === 'SQLITE_BUSY') return { code: 'busy', message: 'Database sedang dipakai proses lain; coba lagi sebentar lagi.' };
  if (code === 'SQLITE_FULL') return { code: 'io', message: 'Disk penuh; perubahan tidak disimpan.' };
  log(`[jenjang] unexpected error in ${channel}`, error);
  return { code: 'internal', message: 'Terjadi kesalahan internal; tidak ada data yang diubah. Rincian dicatat di log aplikasi.' };
}
