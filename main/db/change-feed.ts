// Team mode: other desks' open screens refresh when data they show changed, so nobody prints a PDF from stale
// numbers. The desk that writes announces what changed (the scope of the app's "data:changed" event: "employees",
// "performance", …) on PostgreSQL's channel `jenjang_changes` inside its write transaction, so the announcement goes
// out with the commit and never for a rolled-back write; every desk listens on a connection of its own and turns
// each announcement of another desk into the same event its own writes emit (the renderer's useApi refreshes on
// it). A desk names itself in the payload and skips its own announcements: it emitted those locally already.

import pg from 'pg';
import type { AppEvent, DataChangedEvent } from '../../shared/ipc/events';
import { CHANGES_CHANNEL, changeFeedSql } from './sql/change-feed.sql';
import { postgresRun, type Run } from './sql/run';

/** A scope as the app's events name it. */
const SCOPE = /^[a-z][a-zA-Z]{0,39}$/;

export interface ChangeNotice {
  scope: string;
  /** The announcing desk (a random id per running app), so it can skip its own announcements. */
  desk: string;
}

/** The payload of an announcement: `{"scope":"employees","desk":"…"}`. */
export function changePayload(notice: ChangeNotice): string {
  if (!SCOPE.test(notice.scope)) throw new Error(`change-feed: "${notice.scope}" is not a scope of the app's events`);
  return JSON.stringify({ scope: notice.scope, desk: notice.desk });
}

/** The event an announcement stands for on desk `ownDesk`; null for its own, and for a payload that is not one of
 *  Jenjang's (anything may NOTIFY on a channel). */
export function changeEventOf(payload: string | undefined, ownDesk: string): DataChangedEvent | null {
  if (!payload) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  const { scope, desk } = (parsed ?? {}) as { scope?: unknown; desk?: unknown };
  if (typeof scope !== 'string' || !SCOPE.test(scope) || typeof desk !== 'string') return null;
  if (desk === ownDesk) return null;
  return { type: 'data:changed', scope };
}

/** Announces a change in the caller's transaction (`run`); it reaches the other desks when that commits. */
export async function announceChange(run: Run, notice: ChangeNotice): Promise<void> {
  await changeFeedSql.notify(run, changePayload(notice));
}

export interface ChangeListener {
  stop(): Promise<void>;
}

/** Listens on `client` (a connection of its own) and emits each other desk's announcement as the app's event. */
export async function listenForChanges(client: pg.Client, ownDesk: string, emit: (event: AppEvent) => void): Promise<ChangeListener> {
  const onNotification = (message: pg.Notification) => {
    if (message.channel !== CHANGES_CHANNEL) return;
    const event = changeEventOf(message.payload, ownDesk);
    if (event) emit(event);
  };
  client.on('notification', onNotification);
  const run = postgresRun(async (sql, params) => (await client.query(sql, params)).rows);
  await changeFeedSql.listen(run);
  return {
    async stop() {
      client.off('notification', onNotification);
      await changeFeedSql.unlisten(run);
    },
  };
}

export interface FeedOptions {
  /** A new connection of the listener's own (the first one and each one after a drop). */
  connect(): Promise<pg.Client>;
  ownDesk: string;
  emit(event: AppEvent): void;
  log?(message: string, error?: unknown): void;
  /** Waits before the n-th attempt to listen again after a drop (1-based): 1 s, doubling, at most 30 s. */
  retryDelayMs?(attempt: number): number;
}

export interface ChangeFeedListener {
  stop(): Promise<void>;
  /** How many times the listener listened again after losing its connection (for tests and the log). */
  readonly reconnects: number;
}

const defaultRetryDelay = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1));

/**
 * Listens for other desks' announcements and keeps listening: a dropped connection (the server restarted, the
 * network went away, an administrator ended the session) is replaced, with a growing pause between attempts. What
 * was announced while nobody listened is lost, so once listening again the desk refreshes every open screen
 * ("data:changed" for all) rather than show numbers that may be stale.
 */
export async function keepListeningForChanges(options: FeedOptions): Promise<ChangeFeedListener> {
  const delay = options.retryDelayMs ?? defaultRetryDelay;
  let stopped = false;
  let reconnects = 0;
  let current: { client: pg.Client; listener: ChangeListener } | null = null;
  let timer: NodeJS.Timeout | null = null;

  const listenOn = async (): Promise<void> => {
    const client = await options.connect();
    let dropped = false;
    const onDrop = (error?: unknown) => {
      if (dropped) return;
      dropped = true;
      if (current?.client === client) current = null;
      client.end().catch(() => undefined);
      if (stopped) return;
      options.log?.('[jenjang] change feed connection lost; listening again shortly', error);
      retry(1);
    };
    // A client that errors also ends; either one means this connection no longer delivers.
    client.on('error', onDrop);
    client.on('end', () => onDrop());
    try {
      const listener = await listenForChanges(client, options.ownDesk, options.emit);
      if (dropped || stopped) {
        await listener.stop().catch(() => undefined);
        await client.end().catch(() => undefined);
        return;
      }
      current = { client, listener };
    } catch (error) {
      dropped = true;
      await client.end().catch(() => undefined);
      throw error;
    }
  };

  const retry = (attempt: number) => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (stopped) return;
      listenOn().then(() => {
        if (stopped) return;
        reconnects += 1;
        options.log?.('[jenjang] change feed listening again');
        options.emit({ type: 'data:changed', scope: 'all' });
      }, (error) => {
        options.log?.('[jenjang] change feed could not listen again', error);
        retry(attempt + 1);
      });
    }, delay(attempt));
    timer.unref?.();
  };

  await listenOn();
  return {
    get reconnects() {
      return reconnects;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const open = current;
      current = null;
      if (!open) return;
      open.client.removeAllListeners('end');
      open.client.removeAllListeners('error');
      open.client.on('error', () => undefined);
      await open.listener.stop().catch(() => undefined);
      await open.client.end().catch(() => undefined);
    },
  };
}
