// The role matrix, generated from the contract: every channel called as every role through the dispatcher with a
// transport's caller. `forbidden` exactly when the role lacks the channel's permission, never otherwise; no
// session is `unauthenticated` except on public channels; an account that must change its password reaches only
// the password change and log-out.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { ROLES, roleAllows, type Role } from '../../shared/auth/roles';
import { CHANNELS, contract } from '../../shared/ipc/contract';
import { validRequest } from '../helpers/channel-payloads';
import { sessionAs } from '../helpers/auth';
import { openTestHost, tempDir } from '../helpers/temp-db';

describe('role matrix: every channel × every role', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 120, recordsOnly: true });
    const [unit] = await host.services.dataSource.query('SELECT id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1');
    for (const role of ROLES) {
      tokens.set(role, (await sessionAs(host, role, { scopeUnitId: role === 'operator_opd' ? unit.id : null })).token);
    }
  }, 120_000);
  afterAll(async () => {
    await host.close();
  });

  const web = (session?: string) => ({ transport: 'web' as const, client: 'matrix', session });

  it('refuses exactly what the role lacks, before validation (an ill-formed request tells a refused role nothing)', async () => {
    const wrong: string[] = [];
    for (const channel of CHANNELS) {
      const permission = contract[channel].permission;
      for (const role of ROLES) {
        // Not an object: every request schema refuses it, so an allowed role gets `validation` without any
        // handler running, and a refused role must get `forbidden` first.
        const result = await host.dispatch(channel, 'kein-objekt', web(tokens.get(role)));
        const code = result.ok ? 'ok' : result.error.code;
        const expected = roleAllows(role, permission) ? 'validation' : 'forbidden';
        if (code !== expected) wrong.push(`${channel} as ${role}: ${code}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never refuses an allowed role a well-formed read, and always refuses the others', async () => {
    const wrong: string[] = [];
    const reads = CHANNELS.filter((c) => ('mode' in contract[c] ? contract[c].mode : 'exclusive') === 'read');
    expect(reads.length).toBeGreaterThan(40);
    for (const channel of reads) {
      const request = validRequest(channel);
      for (const role of ROLES) {
        const result = await host.dispatch(channel, request, web(tokens.get(role)));
        const forbidden = !result.ok && result.error.code === 'forbidden';
        const allowed = roleAllows(role, contract[channel].permission);
        // An allowed Operator OPD may still be refused one record or one report outside its unit (the scope tests
        // in accounts.test.ts cover it).
        if (allowed && forbidden && !(role === 'operator_opd' && (channel.startsWith('employees:') || channel.startsWith('reports:')))) wrong.push(`${channel} as ${role}: forbidden`);
        if (!allowed && !forbidden) wrong.push(`${channel} as ${role}: ${result.ok ? 'ok' : result.error.code}, expected forbidden`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers unauthenticated without a session (or with an unknown one), except on public channels', async () => {
    const wrong: string[] = [];
    for (const channel of CHANNELS) {
      const isPublic = contract[channel].permission === 'public';
      for (const session of [undefined, 'tidak-ada-sesi-seperti-ini-0123456789abcdef']) {
        const result = await host.dispatch(channel, 'kein-objekt', web(session));
        const code = result.ok ? 'ok' : result.error.code;
        if (isPublic ? code === 'unauthenticated' : code !== 'unauthenticated') wrong.push(`${channel} (${session ?? 'no session'}): ${code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets an account that must change its password reach only the change and log-out', async () => {
    await host.services.accounts.create({ username: 'baru', fullName: 'Pegawai Baru', nip: null, role: 'administrator', scopeUnitId: null, password: 'sandi-pertama-123' }, 'Sistem');
    const login = await host.dispatch('auth:login', { username: 'baru', password: 'sandi-pertama-123' }, web());
    expect(login).toMatchObject({ ok: true, data: { session: { mustChangePassword: true } } });
    const token = (login as { ok: true; data: { token: string } }).data.token;
    expect(await host.dispatch('app:status', {}, web(token))).toMatchObject({ ok: false, error: { code: 'password_change_required' } });
    expect(await host.dispatch('accounts:list', {}, web(token))).toMatchObject({ ok: false, error: { code: 'password_change_required' } });
    expect(await host.dispatch('app:today', {}, web(token))).toMatchObject({ ok: true });
    const changed = await host.dispatch('auth:changePassword', { currentPassword: 'sandi-pertama-123', newPassword: 'sandi-pilihan-456' }, web(token));
    expect(changed).toMatchObject({ ok: true, data: { mustChangePassword: false } });
    expect(await host.dispatch('app:status', {}, web(token))).toMatchObject({ ok: true });
  });
});
