// Other desks' changes in team mode: PostgreSQL's LISTEN/NOTIFY on one channel (main/db/change-feed.ts turns a
// notification into the app's event). PostgreSQL only: SQLite serves one desk, whose own events need no server.

import type { Run } from './run';

/** The one channel every desk listens on. */
export const CHANGES_CHANNEL = 'jenjang_changes';

export const changeFeedSql = {
  /** From now on this connection receives the channel's notifications (a connection of its own: a pooled one
   *  would hand them to whichever query runs next). */
  async listen(run: Run): Promise<void> {
    await run(`LISTEN ${CHANGES_CHANNEL}`, []);
  },

  async unlisten(run: Run): Promise<void> {
    await run(`UNLISTEN ${CHANGES_CHANNEL}`, []);
  },

  /** Sent in the caller's transaction: PostgreSQL delivers it when that transaction commits, and never when it
   *  rolls back (outside a transaction, at once). */
  async notify(run: Run, payload: string): Promise<void> {
    await run(`SELECT pg_notify(?, ?)`, [CHANGES_CHANNEL, payload]);
  },
};
