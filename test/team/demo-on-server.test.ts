// The demo district loaded onto a team server as a desk's first start offers it: after the office already saved
// its Identitas instansi (the demo fills only the settings nobody set, as on a file), and cancelled half-way (the
// server stays as it was, whether the cancel comes while the district is written or while it is copied).

import { afterEach, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import type { JobHandle } from '../../main/jobs/job-registry';
import { AppError } from '../../shared/errors';
import { expectOk, openTestHost, queryOn, tempDir } from '../helpers/temp-db';

/** A job that is cancelled once `cancelWhen` says so for a progress report. */
function cancellingJob(cancelWhen: (phase: string) => boolean): JobHandle & { phases: string[] } {
  let cancelled = false;
  const phases: string[] = [];
  return {
    jobId: 'demo-cancel', phases,
    get cancelled() { return cancelled; },
    throwIfCancelled() { if (cancelled) throw new AppError('cancelled', 'Dibatalkan'); },
    progress(phase) {
      phases.push(phase);
      if (cancelWhen(phase)) cancelled = true;
    },
  };
}

describe('the demo district on a PostgreSQL server', () => {
  const dir = tempDir();
  let host: JenjangHost | null = null;
  afterEach(async () => {
    await host?.close();
    host = null;
  });

  it('loads after the office saved its Identitas instansi, and keeps that identity', async () => {
    host = await openTestHost(dir, { server: true });
    const identity = { governmentName: 'Pemerintah Kabupaten Uji', officeName: 'BKPSDM Kabupaten Uji', signatoryName: 'Siti Aminah, S.E.' };
    expectOk(await host.call('agency:update', { identity, version: expectOk(await host.call('agency:get', {})).version }));
    const settingsBefore = await queryOn<{ key: string; value: string }>(host, 'SELECT key, value FROM app_setting ORDER BY key');

    const loaded = expectOk(await host.call('demo:load', { employees: 80, seed: 5, jobId: 'demo-after-identity' }));
    expect(loaded.employees).toBe(80);
    expect(expectOk(await host.call('agency:get', {})).identity).toMatchObject(identity);
    const settingsAfter = await queryOn<{ key: string; value: string }>(host, 'SELECT key, value FROM app_setting ORDER BY key');
    // Every setting the office had is there unchanged; the demo added the ones it brings (Suksesi's related rumpun).
    expect(settingsAfter).toEqual(expect.arrayContaining(settingsBefore));
    expect(settingsAfter.map((s) => s.key)).toContain('succession.relatedRumpun');
    expect(settingsAfter.length).toBeGreaterThan(settingsBefore.length);
  });

  it.each([
    ['while the district is written', (phase: string) => phase === 'Menyimpan pegawai'],
    ['while it is copied onto the server', (phase: string) => phase === 'Menyalin data demo ke server'],
  ])('answers "cancelled" and leaves the server as it was when cancelled %s', async (_when, cancelWhen) => {
    host = await openTestHost(dir, { server: true });
    const counts = () => queryOn<{ employees: number; units: number; settings: number }>(host!,
      'SELECT (SELECT COUNT(*) FROM employee) AS employees, (SELECT COUNT(*) FROM unit) AS units, (SELECT COUNT(*) FROM app_setting) AS settings');
    const before = await counts();
    const job = cancellingJob(cancelWhen);
    const error = await host.services.demo.load({ employees: 1200, seed: 3, actor: 'tester', job }).catch((e: unknown) => e);
    expect(job.phases.some(cancelWhen)).toBe(true);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('cancelled');
    expect((await counts()).map((c) => ({ employees: Number(c.employees), units: Number(c.units), settings: Number(c.settings) })))
      .toEqual(before.map((c) => ({ employees: Number(c.employees), units: Number(c.units), settings: Number(c.settings) })));
    expect(Number(before[0].employees)).toBe(0);
  });
});
