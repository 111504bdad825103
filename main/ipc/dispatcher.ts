// The single choke point every request passes, whatever its transport: channel lookup, request validation
// against the shared schema, the serial database queue, and the Result envelope.

import { z } from 'zod';
import { AppError, type AppErrorData, type FieldIssue } from '../../shared/errors';
import { contract, isChannel, type Channel } from '../../shared/ipc/contract';
import { labelledMessage } from '../../shared/ipc/field-label';
import type { Result } from '../../shared/ipc/result';
import type { HandlerContext, Handlers } from './handler-types';

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** Check every response against its schema (tests, web host in test mode): catches contract drift. */
  validateResponses?: boolean;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Runs async tasks one at a time. better-sqlite3 is one connection; two interleaved transactions on it both
 * fail (RECIPE.md §4), and ipcMain.handle runs handlers concurrently, so every database call waits its turn.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export function createDispatcher(handlers: Handlers, context: HandlerContext, options: DispatcherOptions = {}): Dispatch {
  const queue = new SerialQueue();
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));

  return async function dispatch(channel: string, payload: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `Permintaan tidak dikenal: "${String(channel).slice(0, 80)}".` } };
    }
    const spec = contract[channel];
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'validation', message: requestErrorMessage(spec.request, parsed.error), details: { issues: zodIssues(parsed.error) } } };
    }
    const handler = handlers[channel] as (request: unknown, ctx: HandlerContext) => Promise<unknown>;
    const run = () => handler(parsed.data, context);
    try {
      const data = ('mode' in spec && spec.mode === 'free') ? await run() : await queue.run(run);
      if (options.validateResponses) {
        const check = spec.response.safeParse(data);
        if (!check.success) {
          log(`[jenjang] response of ${channel} breaks its schema`, check.error);
          return { ok: false, error: { code: 'internal', message: `Jawaban ${channel} tidak sesuai kontrak: ${zodIssues(check.error).map((i) => `${i.path}: ${i.message}`).join('; ')}` } };
        }
      }
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: toErrorData(error, channel, log) };
    }
  };
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
