import { z } from 'zod';
import type { Permission } from '../auth/roles';

// Zod speaks Indonesian to our users: its built-in messages ("Terlalu pendek …") appear in validation errors.
z.config(z.locales.id());

export type ChannelMode = 'exclusive' | 'read' | 'free';

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /**
   * How the dispatcher runs the handler, after validating the request:
   * - 'exclusive' (default): in the single serial queue of the writer connection, because interleaved
   *   transactions on one better-sqlite3 connection break. Every write is exclusive.
   * - 'read': the handler only reads the database. It runs on a reader (a worker thread with its own read-only
   *   connection; WAL lets readers run beside the writer), so a search never waits behind a page load or an
   *   import; without readers it takes its turn in the serial queue like an exclusive channel. A read channel
   *   must never write, open a transaction (the reader runs it inside one read snapshot), start a job, print
   *   or keep state between calls (test/platform/read-channels.test.ts runs every one of them on a reader).
   * - 'free': never touches the database (job cancel, the day, uploads) and must answer even while a long
   *   job holds the queue.
   */
  mode?: ChannelMode;
  /**
   * What the caller's role must hold (shared/auth/roles.ts). The dispatcher refuses the request before the
   * handler runs, on every transport; a missing session answers `unauthenticated`, a role without the
   * permission `forbidden`.
   */
  permission: Permission;
}

/** Declares a group of channels; keys are `domain:verb`. */
export function defineChannels<const T extends Record<string, ChannelDef>>(defs: T): T {
  return defs;
}
