// Two Jenjang hosts on one PostgreSQL database (two desks of an office): a write on desk A emits "data:changed"
// on desk B through the change feed, and desk A does not hear its own announcement back.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type JenjangHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import type { AppEvent } from '../../shared/ipc/events';
import { adminSession } from '../helpers/auth';
import { usePostgresDatabase } from '../helpers/postgres';
import { TEST_TODAY } from '../helpers/temp-db';

async function call(host: JenjangHost, channel: string, request: unknown): Promise<{ version: number }> {
  const result = await host.call(channel as never, request as never);
  if (!result.ok) throw new Error(result.error.message);
  return result.data as { version: number };
}

/** Waits for `check` (an announcement arrives on the listener's own connection, a moment after the commit). */
async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('two hosts on one server', () => {
  let deskA: JenjangHost;
  let deskB: JenjangHost;
  const seenByA: AppEvent[] = [];
  const seenByB: AppEvent[] = [];

  beforeAll(async () => {
    const database = await usePostgresDatabase();
    const start = () => startHost({ dbPath: database.url, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true });
    deskA = await start();
    deskB = await start();
    deskA.onEvent((event) => seenByA.push(event));
    deskB.onEvent((event) => seenByB.push(event));
  });
  afterAll(async () => {
    await deskA?.close();
    await deskB?.close();
  });

  it('a write on desk A reaches desk B as data:changed; desk A hears only its own local event', async () => {
    // Setting up the first Administrator writes accounts and emits "settings" on desk A.
    await adminSession(deskA);
    await until(() => seenByB.some((e) => e.type === 'data:changed' && e.scope === 'settings'), 'desk B to hear desk A');
    expect(seenByB.filter((e) => e.type === 'data:changed')).toEqual([{ type: 'data:changed', scope: 'settings' }]);
    // A round trip of desk B's own announcement would arrive here in the meantime; it must not.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seenByA.filter((e) => e.type === 'data:changed')).toEqual([{ type: 'data:changed', scope: 'settings' }]);
  });

  it('the job lock is the server\'s: an import preview lease held on desk A is seen by desk B', async () => {
    await deskA.services.jobLocks.acquire('impor', 'Meja A', { leaseMs: 60_000 });
    try {
      expect(await deskB.services.jobLocks.holder('impor')).toMatchObject({ holder: 'Meja A' });
      await expect(deskB.services.jobLocks.acquire('impor', 'Meja B')).rejects.toMatchObject({ code: 'busy' });
    } finally {
      await deskA.services.jobLocks.release('impor', 'Meja A');
    }
    expect(await deskB.services.jobLocks.holder('impor')).toBeNull();
  });

  it('a listener that loses its connection listens again, refreshes every screen once, and hears the next write', async () => {
    const settingsHeardByB = () => seenByB.filter((e) => e.type === 'data:changed' && e.scope === 'settings').length;
    const before = { all: seenByB.filter((e) => e.type === 'data:changed' && e.scope === 'all').length, settings: settingsHeardByB() };
    // The server ends both desks' listening connections (a restart or a network drop looks the same to them).
    const ended: Array<{ ended: boolean }> = await deskA.services.dataSource.query(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN jenjang_changes'`);
    expect(ended.length).toBe(2);
    await until(() => seenByB.filter((e) => e.type === 'data:changed' && e.scope === 'all').length > before.all, 'desk B to listen again');
    // What was announced meanwhile may be lost, so the desk refreshed everything; from now on it hears each write.
    const { version } = await call(deskA, 'agency:get', {});
    await call(deskA, 'agency:removeLogo', { version });
    await until(() => settingsHeardByB() > before.settings, 'desk B to hear desk A after listening again');
  });
});
