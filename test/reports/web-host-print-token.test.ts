// The headless printer authenticates with a token that opens reports:render only, for a short time: the web
// host's loopback and token guarantees stay whole.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { startWebHost, type RunningWebHost } from '../../main/web/web-host';
import { SYSTEM_ACTOR } from '../../shared/auth/acting';
import { openTestHost, tempDir } from '../helpers/temp-db';

describe('web host: scoped print tokens', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let web: RunningWebHost;

  beforeAll(async () => {
    const staticDir = path.join(dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Jenjang</title>');
    host = await openTestHost(dir);
    web = await startWebHost({ host, staticDir, token: 'token-for-tests-0123456789' });
  });
  afterAll(async () => {
    await web.close();
    await host.close();
  });
  afterEach(() => vi.useRealTimers());

  const post = (channel: string, token: string, body: unknown = {}) =>
    fetch(`${web.url}api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

  it('opens the channels it was issued for, and nothing else', async () => {
    const scoped = web.issueScopedToken(['reports:render']);
    scoped.actAs(SYSTEM_ACTOR);
    expect(scoped.token).not.toBe(web.token);
    const allowed = await post('reports:render', scoped.token, { reportId: 'rekap-kinerja', params: {} });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ ok: true, data: { reportId: 'rekap-kinerja' } });
    for (const channel of ['app:status', 'employees:create', 'agency:update', 'reports:exportPdf']) {
      const refused = await post(channel, scoped.token);
      expect(refused.status, channel).toBe(401);
    }
    const events = await fetch(`${web.url}api/events?token=${encodeURIComponent(scoped.token)}`);
    expect(events.status).toBe(401);
    scoped.revoke();
  });

  it('stops working when revoked or expired, while the full token keeps working', async () => {
    const revoked = web.issueScopedToken(['reports:render']);
    revoked.revoke();
    expect((await post('reports:render', revoked.token, { reportId: 'rekap-kinerja' })).status).toBe(401);

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const expiring = web.issueScopedToken(['reports:render'], 1_000);
      expiring.actAs(SYSTEM_ACTOR);
      expect((await post('reports:render', expiring.token, { reportId: 'rekap-kinerja' })).status).toBe(200);
      vi.setSystemTime(Date.now() + 1_001);
      expect((await post('reports:render', expiring.token, { reportId: 'rekap-kinerja' })).status).toBe(401);
      expect((await post('app:status', web.token)).status).toBe(200);
    } finally {
      // The files of a worker share one process (vitest.config.ts): the clock must not stay stopped for the next.
      vi.useRealTimers();
    }
  });

  it('acts as the account that asked for the print: its role decides, and none is unauthenticated', async () => {
    const scoped = web.issueScopedToken(['reports:render']);
    const render = async () => (await post('reports:render', scoped.token, { reportId: 'rekap-kinerja', params: {} })).json();
    expect(await render()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    scoped.actAs({ ...SYSTEM_ACTOR, role: 'pimpinan' });
    expect(await render()).toMatchObject({ ok: true, data: { reportId: 'rekap-kinerja' } });
    const [unit] = await host.services.dataSource.query('SELECT id FROM unit ORDER BY id LIMIT 1');
    scoped.actAs({ ...SYSTEM_ACTOR, role: 'operator_opd', scopeUnitId: unit?.id ?? 1 });
    expect(await render()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    scoped.revoke();
    expect((await post('reports:render', scoped.token, { reportId: 'rekap-kinerja', params: {} })).status).toBe(401);
  });

  it('is a fresh random value every time', () => {
    const tokens = new Set(Array.from({ length: 20 }, () => web.issueScopedToken(['reports:render']).token));
    expect(tokens.size).toBe(20);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
