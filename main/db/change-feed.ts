// Team mode: other desks' open screens refresh when data they show changed, so nobody prints a PDF from stale
// numbers. The desk that writes announces what changed (the scope of the app's "data:changed" event: "employees",
// "performance", …) on PostgreSQL's channel `jenjang_changes` inside its write transaction, so the announcement goes
// out with the commit and never for a rolled-back write; every desk listens on a connection of its own and turns
// each announcement of another desk into the same event its own writes emit (the renderer's useApi refreshes on
// it). A desk names itself in the payload and skips its own announcements: it emitted those locally already.

import type pg from 'pg';
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
