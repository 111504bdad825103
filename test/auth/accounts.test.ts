// Accounts through the dispatcher as the web host calls it: passwords stored as Argon2id, lockout and its release
// on the app's clock, the first Administrator, the last Administrator kept, sessions that end on log-out, disable
// and idle time, and an Operator OPD limited to its unit subtree.

import { openDatabaseFile } from '../helpers/sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type JenjangHost } from '../../main/host';
import { startWebHost } from '../../main/web/web-host';
import type { Clock } from '../../main/services/clock';
import { sessionAs } from '../helpers/auth';
import { openTestHost, queryOn, tempDir, TEST_TODAY } from '../helpers/temp-db';

/** A clock the test moves by hand. */
function movableClock(start = `${TEST_TODAY}T08:00:00.000Z`) {
  let now = Date.parse(start);
  const clock: Clock = { today: () => TEST_TODAY, now: () => new Date(now).toISOString() };
  return { clock, advanceMinutes: (minutes: number) => { now += minutes * 60_000; } };
}

const web = (session?: string) => ({ transport: 'web' as const, client: 'uji', session });
const ADMIN = { username: 'admin', fullName: 'Admin Uji', nip: null, password: 'kata-sandi-admin-uji' };

describe('accounts, logins and sessions', () => {
  const dir = tempDir();
  const time = movableClock();
  let host: JenjangHost;
  let adminToken: string;

  beforeAll(async () => {
    host = await startHost({ dbPath: path.join(dir, 'akun.sqlite'), transport: 'test', clock: time.clock, validateResponses: true });
  });
  afterAll(async () => {
    await host.close();
  });

  it('starts without accounts, creates the first Administrator once, and refuses a second setup', async () => {
    expect(await host.dispatch('auth:state', {}, web())).toEqual({ ok: true, data: { hasAccounts: false, session: null } });
    const setup = await host.dispatch('auth:setupAdministrator', ADMIN, web());
    expect(setup).toMatchObject({ ok: true, data: { session: { username: 'admin', role: 'administrator', mustChangePassword: false } } });
    adminToken = (setup as { ok: true; data: { token: string } }).data.token;
    expect(await host.dispatch('auth:setupAdministrator', { ...ADMIN, username: 'kedua' }, web())).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('stores passwords as Argon2id hashes, never as given', async () => {
    const created = await host.dispatch('accounts:create', { username: 'pimpinan1', fullName: 'Bu Pimpinan', role: 'pimpinan', password: 'rahasia-sekali-1' }, web(adminToken));
    expect(created).toMatchObject({ ok: true, data: { mustChangePassword: true, role: 'pimpinan' } });
    const db = openDatabaseFile(path.join(dir, 'akun.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT username, password_hash FROM account').all() as Array<{ username: string; password_hash: string }>;
      for (const row of rows) {
        expect(row.password_hash.startsWith('$argon2id$'), row.username).toBe(true);
        expect(row.password_hash).not.toContain('rahasia');
      }
      // Every change is audited with the account that made it.
      const audit = db.prepare(`SELECT actor, account_id FROM audit_log WHERE entity = 'account' AND action = 'create' ORDER BY id DESC LIMIT 1`).get() as { actor: string; account_id: number };
      expect(audit.actor).toBe('Admin Uji (admin)');
      expect(audit.account_id).toBe(1);
    } finally {
      db.close();
    }
  });

  it('locks an account after maxFailedLogins failures and releases it after lockoutMinutes', async () => {
    const { maxFailedLogins, lockoutMinutes } = (await host.call('accounts:securitySettings', {}) as { ok: true; data: { maxFailedLogins: number; lockoutMinutes: number } }).data;
    expect(maxFailedLogins).toBe(5);
    for (let i = 0; i < maxFailedLogins; i += 1) {
      expect(await host.dispatch('auth:login', { username: 'pimpinan1', password: 'salah-salah' }, web())).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    // Locked: even the right password is refused, with the same message.
    const locked = await host.dispatch('auth:login', { username: 'pimpinan1', password: 'rahasia-sekali-1' }, web());
    expect(locked).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    time.advanceMinutes(lockoutMinutes - 1);
    expect(await host.dispatch('auth:login', { username: 'pimpinan1', password: 'rahasia-sekali-1' }, web())).toMatchObject({ ok: false });
    time.advanceMinutes(2);
    expect(await host.dispatch('auth:login', { username: 'PIMPINAN1', password: 'rahasia-sekali-1' }, web())).toMatchObject({ ok: true, data: { session: { username: 'pimpinan1' } } });
    // The Administrator's session idled out meanwhile (the clock moved past idleLockMinutes): log in again.
    expect(await host.dispatch('app:status', {}, web(adminToken))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    adminToken = ((await host.dispatch('auth:login', { username: 'admin', password: ADMIN.password }, web())) as { ok: true; data: { token: string } }).data.token;
  });

  it('never leaves the district without an enabled Administrator', async () => {
    const [admin] = (await host.call('accounts:list', {}) as { ok: true; data: { rows: Array<{ id: number; username: string; version: number }> } }).data.rows.filter((a) => a.username === 'admin');
    const disable = await host.dispatch('accounts:update', { id: admin.id, version: admin.version, fullName: 'Admin Uji', nip: null, role: 'administrator', scopeUnitId: null, disabled: true }, web(adminToken));
    expect(disable).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const demote = await host.dispatch('accounts:update', { id: admin.id, version: admin.version, fullName: 'Admin Uji', nip: null, role: 'pimpinan', scopeUnitId: null, disabled: false }, web(adminToken));
    expect(demote).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a stale version, naming who changed the account', async () => {
    const rows = (await host.call('accounts:list', {}) as { ok: true; data: { rows: Array<{ id: number; username: string; version: number }> } }).data.rows;
    const target = rows.find((a) => a.username === 'pimpinan1')!;
    const edit = { id: target.id, version: target.version, fullName: 'Ibu Pimpinan', nip: null, role: 'pimpinan' as const, scopeUnitId: null, disabled: false };
    expect(await host.dispatch('accounts:update', edit, web(adminToken))).toMatchObject({ ok: true });
    const stale = await host.dispatch('accounts:update', { ...edit, fullName: 'Lain' }, web(adminToken));
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((stale as { ok: false; error: { message: string } }).error.message).toMatch(/^Akun ini sudah diubah oleh Admin Uji pada .+\. Muat ulang, lalu ulangi perubahan Anda\.$/);
    expect(stale).toMatchObject({ error: { details: { changedBy: 'Admin Uji', changedByLabel: 'Admin Uji (admin)' } } });
  });

  it('requires a unit for an Operator OPD and refuses one for other roles', async () => {
    expect(await host.dispatch('accounts:create', { username: 'opd1', fullName: 'Operator', role: 'operator_opd', password: 'rahasia-sekali-1' }, web(adminToken)))
      .toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('ends sessions on log-out, on disable, on endSessions and after idleLockMinutes without a request', async () => {
    const login = async () => ((await host.dispatch('auth:login', { username: 'pimpinan1', password: 'rahasia-sekali-2' }, web())) as { ok: true; data: { token: string } }).data.token;
    const alive = async (token: string) => (await host.dispatch('app:status', {}, web(token))).ok;
    // The account was created in the app: it chooses its own password first.
    const fresh = ((await host.dispatch('auth:login', { username: 'pimpinan1', password: 'rahasia-sekali-1' }, web())) as { ok: true; data: { token: string } }).data.token;
    expect(await host.dispatch('auth:changePassword', { currentPassword: 'rahasia-sekali-1', newPassword: 'rahasia-sekali-2' }, web(fresh))).toMatchObject({ ok: true });
    await host.dispatch('auth:logout', {}, web(fresh));

    const first = await login();
    expect(await alive(first)).toBe(true);
    expect(await host.dispatch('auth:logout', {}, web(first))).toEqual({ ok: true, data: {} });
    expect(await alive(first)).toBe(false);

    const idle = await login();
    time.advanceMinutes(14);
    expect(await alive(idle)).toBe(true); // a request moves the deadline
    time.advanceMinutes(14);
    expect(await alive(idle)).toBe(true);
    time.advanceMinutes(16);
    expect(await host.dispatch('app:status', {}, web(idle))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    adminToken = ((await host.dispatch('auth:login', { username: 'admin', password: ADMIN.password }, web())) as { ok: true; data: { token: string } }).data.token;

    const ended = await login();
    const listed = (await host.call('accounts:list', {}) as { ok: true; data: { rows: Array<{ id: number; username: string; version: number }> } }).data.rows;
    const target = listed.find((a) => a.username === 'pimpinan1')!;
    expect(await host.dispatch('accounts:endSessions', { id: target.id }, web(adminToken))).toEqual({ ok: true, data: { ended: 1 } });
    expect(await alive(ended)).toBe(false);

    const disabled = await login();
    expect(await host.dispatch('accounts:update', { id: target.id, version: target.version, fullName: 'Ibu Pimpinan', nip: null, role: 'pimpinan', scopeUnitId: null, disabled: true }, web(adminToken)))
      .toMatchObject({ ok: true, data: { disabled: true } });
    expect(await alive(disabled)).toBe(false);
    expect(await host.dispatch('auth:login', { username: 'pimpinan1', password: 'rahasia-sekali-2' }, web())).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('Operator OPD: only its unit subtree', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let token: string;
  let inside: number;
  let outside: { id: number; version: number };

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 200, recordsOnly: true });
    const [scope] = await queryOn(host, 'SELECT id, path FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1');
    token = (await sessionAs(host, 'operator_opd', { scopeUnitId: scope.id })).token;
    const rows = await queryOn<{ id: number; version: number; inside: number | boolean }>(host,
      `SELECT e.id, e.version, substr(u.path, 1, length(?)) = ? AS inside FROM employee e JOIN unit u ON u.id = e.unit_id`, [scope.path, scope.path]);
    inside = rows.find((r) => r.inside)!.id;
    outside = rows.find((r) => !r.inside)!;
  }, 120_000);
  afterAll(async () => {
    await host.close();
  });

  it('lists and counts only the people of its subtree', async () => {
    const all = (await host.call('employees:list', { limit: 500 }) as { ok: true; data: { total: number } }).data;
    const list = await host.dispatch('employees:list', { limit: 500 }, web(token));
    expect(list.ok).toBe(true);
    const { total, rows } = (list as { ok: true; data: { total: number; rows: Array<{ id: number }> } }).data;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(all.total);
    expect(rows.map((r) => r.id)).toContain(inside);
    expect(rows.map((r) => r.id)).not.toContain(outside.id);
    expect(await host.dispatch('app:status', {}, web(token))).toMatchObject({ ok: true, data: { employeeCount: total } });
  });

  it('refuses the profile, history and edit of someone outside it, and serves those inside', async () => {
    expect(await host.dispatch('employees:get', { id: outside.id }, web(token))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await host.dispatch('employees:history', { employeeId: outside.id }, web(token))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await host.dispatch('employees:get', { id: inside }, web(token))).toMatchObject({ ok: true });
    const profile = (await host.call('employees:get', { id: outside.id }) as { ok: true; data: Record<string, unknown> }).data;
    const update = await host.dispatch('employees:update', { id: outside.id, version: outside.version, input: profile }, web(token));
    expect(update.ok).toBe(false);
    expect(['forbidden', 'validation']).toContain((update as { ok: false; error: { code: string } }).error.code);
  });

  it('sees only its own units in the unit tree', async () => {
    const units = (await host.dispatch('reference:units', {}, web(token)) as { ok: true; data: { units: Array<{ id: number; parentId: number | null }> } }).data.units;
    const [scope] = await queryOn(host, 'SELECT id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1');
    expect(units[0].id).toBe(scope.id);
    expect(units.filter((u) => u.parentId === null)).toHaveLength(1);
  });

  it('prints the registers of its own unit subtree only: no unit means its own, another unit or the whole district is refused', async () => {
    const [scope] = await queryOn(host, 'SELECT id, path FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1');
    const [child] = await queryOn(host, 'SELECT id FROM unit WHERE parent_id = ? ORDER BY id LIMIT 1', [scope.id]);
    const [foreign] = await queryOn(host, 'SELECT id FROM unit WHERE parent_id IS NULL AND id <> ? ORDER BY id LIMIT 1', [scope.id]);
    const insideNips = new Set((await queryOn(host,
      `SELECT e.nip FROM employee e JOIN unit u ON u.id = e.unit_id WHERE substr(u.path, 1, length(?)) = ?`, [scope.path, scope.path]) as Array<{ nip: string }>).map((r) => r.nip));
    const render = (reportId: string, params: Record<string, string>) => host.dispatch('reports:render', { reportId, params }, web(token));
    const nipsOf = (result: Awaited<ReturnType<typeof render>>) =>
      ((result as { ok: true; data: { content: { status: string; data?: { rows: Array<{ nip: string }> } } } }).data.content.data?.rows ?? []).map((r) => r.nip);

    // No unit: forced to its own; its own unit or a sub-unit: allowed, and only its people are listed.
    for (const params of [{}, { unit: String(scope.id) }, { unit: String(child.id) }] as Array<Record<string, string>>) {
      const result = await render('daftar-nominatif', params);
      expect(result.ok, JSON.stringify(params)).toBe(true);
      const nips = nipsOf(result);
      expect(nips.length).toBeGreaterThan(0);
      expect(nips.filter((nip) => !insideNips.has(nip))).toEqual([]);
    }
    const workbook = await host.dispatch('reports:exportXlsx', { reportId: 'duk', params: {} }, web(token));
    expect(workbook.ok).toBe(true);

    // Another unit, the whole district, a report outside its role: refused in Indonesian, nothing loaded.
    expect(await render('daftar-nominatif', { unit: String(foreign.id) })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^Unit kerja yang dipilih berada di luar unit kerja yang menjadi wewenang akun Anda/) } });
    expect(await render('duk', { unit: 'semua' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/bukan laporan semua perangkat daerah/) } });
    expect(await host.dispatch('reports:exportXlsx', { reportId: 'proyeksi-pensiun', params: { unit: String(foreign.id) } }, web(token))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await host.dispatch('reports:exportPdf', { jobId: 'uji-pdf-operator', reportId: 'usulan-pensiun', params: { unit: 'semua' } }, web(token))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const reportId of ['manajemen-talenta', 'rekap-kinerja', 'profil-pegawai']) {
      expect(await render(reportId, {}), reportId).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/tidak tersedia untuk akun Operator OPD/) } });
    }
  });

  it('the print page\'s token acts as the account that asked: an Operator OPD\'s print token opens its own unit only', async () => {
    const [scope] = await queryOn(host, 'SELECT id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1');
    const [foreign] = await queryOn(host, 'SELECT id FROM unit WHERE parent_id IS NULL AND id <> ? ORDER BY id LIMIT 1', [scope.id]);
    const staticDir = path.join(dir, 'static-print');
    fs.mkdirSync(staticDir, { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Jenjang</title>');
    const webHost = await startWebHost({ host, staticDir });
    try {
      const operator = host.sessions.peek(token)!;
      expect(operator).toMatchObject({ role: 'operator_opd', scopeUnitId: scope.id });
      const printToken = webHost.issueScopedToken(['reports:render']);
      // What the Chromium printer does for each print (chromium-printer.ts): the token acts as the asking account.
      printToken.actAs(operator);
      const ask = async (params: Record<string, string>) => (await fetch(`${webHost.url}api/reports:render`, {
        method: 'POST', headers: { Authorization: `Bearer ${printToken.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ reportId: 'daftar-nominatif', params }),
      })).json() as Promise<{ ok: boolean; error?: { code: string } }>;
      expect((await ask({ unit: String(scope.id) })).ok).toBe(true);
      expect(await ask({ unit: String(foreign.id) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await ask({ unit: 'semua' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      printToken.revoke();
    } finally {
      await webHost.close();
    }
  });
});
