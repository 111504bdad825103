import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { SerialQueue } from '../../main/ipc/dispatcher';
import { CHANNELS, contract } from '../../shared/ipc/contract';
import { inputFromProfile } from '../helpers/employee-input';
import { expectOk, openTestHost, tempDir } from '../helpers/temp-db';

describe('dispatcher: validation, errors as data, one queue', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const snapshot = async () => (await host.services.dataSource.query(
    'SELECT (SELECT COUNT(*) FROM employee) e, (SELECT COUNT(*) FROM audit_log) a, (SELECT MAX(version) FROM employee) v, (SELECT COUNT(*) FROM app_setting) s'))[0];

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 200 });
  });
  afterAll(() => host.close());

  it('declares request and response schemas for every channel', () => {
    for (const channel of CHANNELS) {
      expect(contract[channel].request, channel).toBeDefined();
      expect(contract[channel].response, channel).toBeDefined();
      expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    }
  });

  it('answers an unknown channel with a structured error', async () => {
    expect(await host.dispatch('employees:drop', {})).toEqual({ ok: false, error: { code: 'unknown_channel', message: expect.stringMatching(/tidak dikenal/) } });
  });

  const badPayloads: Array<[string, string, unknown]> = [
    ['a string instead of an object', 'employees:list', 'semua'],
    ['a wrong type', 'employees:get', { id: '5' }],
    ['an unknown field', 'employees:get', { id: 5, drop: true }],
    ['a missing field', 'employees:update', { id: 5, version: 1 }],
    ['an array', 'privacy:updateSettings', [1, 2]],
    ['a too long value', 'agency:update', { identity: { governmentName: 'x'.repeat(200) }, version: 0 }],
    ['an out-of-range limit', 'employees:list', { limit: 100000 }],
    ['an invalid date', 'stats:overview', { asOf: '2026-02-30' }],
    ['a nested wrong shape', 'employees:create', { input: { nip: 5, name: ['a'] } }],
  ];
  it.each(badPayloads)('rejects %s with code validation, issues and no write', async (_label, channel, payload) => {
    const before = await snapshot();
    const result = await host.dispatch(channel, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.details?.issues?.length).toBeGreaterThan(0);
      expect(result.error.message).toMatch(/tidak valid/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('keeps concurrent writes correct: 20 interleaved edits all land, each with its audit entry', async () => {
    const profiles = await Promise.all(Array.from({ length: 20 }, (_, i) => host.call('employees:get', { id: i + 10 })));
    const before = await snapshot();
    const results = await Promise.all(profiles.map((r, i) => {
      const p = expectOk(r);
      return host.call('employees:update', { id: p.id, version: p.version, input: { ...inputFromProfile(p), notes: `catatan ${i}` } });
    }));
    for (const r of results) expect(r.ok).toBe(true);
    const after = await snapshot();
    expect(after.a - before.a).toBe(20);
  });

  it('serialises tasks even when one fails', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    const slow = queue.run(async () => {
      await new Promise((r) => setTimeout(r, 30));
      order.push('slow');
      throw new Error('boom');
    });
    const fast = queue.run(async () => {
      order.push('fast');
      return 1;
    });
    await expect(slow).rejects.toThrow('boom');
    await expect(fast).resolves.toBe(1);
    expect(order).toEqual(['slow', 'fast']);
  });

  it('answers jobs:cancel while a long job holds the queue', async () => {
    const other = await openTestHost(dir);
    try {
      let phaseSeen = false;
      other.onEvent((e) => {
        if (e.type === 'job:progress') phaseSeen = true;
      });
      const loading = other.call('demo:load', { jobId: 'job-cancel-me', employees: 20000, seed: 1 });
      while (!phaseSeen) await new Promise((r) => setTimeout(r, 5));
      const cancel = await other.call('jobs:cancel', { jobId: 'job-cancel-me' });
      expect(expectOk(cancel)).toEqual({ cancelled: true });
      const result = await loading;
      expect(!result.ok && result.error.code).toBe('cancelled');
      const [{ n }] = await other.services.dataSource.query('SELECT COUNT(*) n FROM employee');
      expect(n).toBe(0);
    } finally {
      await other.close();
    }
  });
});
