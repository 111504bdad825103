import { z } from 'zod';

// Zod speaks Indonesian to our users: its built-in messages ("Terlalu pendek …") appear in validation errors.
z.config(z.locales.id());

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /**
   * 'exclusive' (default): runs in the single serial queue in front of the database, because interleaved
   * transactions on one better-sqlite3 connection break (RECIPE.md §4). 'free': never touches the database
   * (job cancel, ping) and must answer even while a long job holds the queue.
   */
  mode?: 'exclusive' | 'free';
}

/** Declares a group of channels; keys are `domain:verb`. */
export function defineChannels<const T extends Record<string, ChannelDef>>(defs: T): T {
  return defs;
}

/** Shared field schemas. */
export const id = z.number().int().positive();
export const jobId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const empty = z.object({}).strict();
