// Other desks' screens refresh: a desk announces what changed on `jenjang_changes` inside its write transaction,
// and every other desk listening on the embedded server gets the app's "data:changed" event once that commits.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceChange, changeEventOf, changePayload, listenForChanges, type ChangeListener } from '../../main/db/change-feed';
import { postgresRun } from '../../main/db/sql/run';
import type { AppEvent } from '../../shared/ipc/events';
import { usePostgresDatabase } from '../helpers/postgres';

/** Waits for `check` (notifications arrive on their own connection, a moment after the commit). */
async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the change feed on the embedded server', () => {
  let deskA: pg.Client;
  let deskB: pg.Client;
  let listener: ChangeListener;
  const seenByA: AppEvent[] = [];
  const scopes = () => seenByA.map((e) => (e.type === 'data:changed' ? e.scope : e.type));
  const runB = () => postgresRun(async (sql, params) => (await deskB.query(sql, params)).rows);

  beforeAll(async () => {
    const database = await usePostgresDatabase();
    deskA = new pg.Client({ connectionString: database.url });
    deskB = new pg.Client({ connectionString: database.url });
    await deskA.connect();
    await deskB.connect();
    listener = await listenForChanges(deskA, 'meja-a', (event) => seenByA.push(event));
  });
  afterAll(async () => {
    await deskA?.end();
    await deskB?.end();
  });

  it('delivers another desk\'s announcement when its transaction commits, as the app\'s data:changed event', async () => {
    await deskB.query('BEGIN');
    await announceChange(runB(), { scope: 'employees', desk: 'meja-b' });
    // Not before the commit: a round trip on desk A's connection brings nothing.
    await deskA.query('SELECT 1');
    expect(seenByA).toEqual([]);
    await deskB.query('COMMIT');
    await until(() => seenByA.length === 1, 'the committed announcement');
    expect(seenByA).toEqual([{ type: 'data:changed', scope: 'employees' }]);
  });

  it('announces nothing for a rolled-back write, skips a desk\'s own announcements and payloads that are not Jenjang\'s', async () => {
    seenByA.length = 0;
    await deskB.query('BEGIN');
    await announceChange(runB(), { scope: 'performance', desk: 'meja-b' });
    await deskB.query('ROLLBACK');
    // Desk A's own announcement, written through another connection of the same desk.
    await announceChange(runB(), { scope: 'settings', desk: 'meja-a' });
    await deskB.query(`SELECT pg_notify('jenjang_changes', 'bukan pengumuman Jenjang')`);
    await deskB.query(`SELECT pg_notify('jenjang_changes', '{"scope":"DROP TABLE","desk":"x"}')`);
    await deskB.query(`SELECT pg_notify('saluran_lain', $1)`, [changePayload({ scope: 'employees', desk: 'meja-b' })]);
    // Outside a transaction an announcement goes at once; it is the last of these, so once it is here the rest were handled.
    await announceChange(runB(), { scope: 'succession', desk: 'meja-b' });
    await until(() => scopes().includes('succession'), 'the last announcement');
    expect(scopes()).toEqual(['succession']);
  });

  it('stops: after stop() no announcement reaches the desk', async () => {
    seenByA.length = 0;
    await listener.stop();
    await announceChange(runB(), { scope: 'employees', desk: 'meja-b' });
    // A round trip on both connections: a notification sent to a listener would have arrived by now.
    await deskB.query('SELECT 1');
    await deskA.query('SELECT 1');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seenByA).toEqual([]);
  });
});

describe('the payload of an announcement', () => {
  it('carries the scope and the desk, and is read back only by the other desks', () => {
    const payload = changePayload({ scope: 'performance', desk: 'meja-b' });
    expect(JSON.parse(payload)).toEqual({ scope: 'performance', desk: 'meja-b' });
    expect(changeEventOf(payload, 'meja-a')).toEqual({ type: 'data:changed', scope: 'performance' });
    expect(changeEventOf(payload, 'meja-b')).toBeNull();
    expect(changeEventOf(undefined, 'meja-a')).toBeNull();
    expect(() => changePayload({ scope: 'bukan scope', desk: 'meja-b' })).toThrow();
  });
});
