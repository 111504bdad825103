import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promotionSkpYears } from '../../shared/domain/development';
import { startHost, type JenjangHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { expectOk, tempDir } from '../helpers/temp-db';
import { atCurrentVersion } from '../helpers/settings-version';

// The regular-promotion list of a demo district generated on each of three days: the end of November, 6 December
// and early January. A rule that asks for the SKP of a year that has not closed yet empties the list in some of
// these months; the SKP checked must be final by the period's usulan deadline on every one of them.

describe.each([
  { today: '2026-11-28', next: '2026-12-01' },
  { today: '2026-12-06', next: '2027-01-01' },
  { today: '2027-01-05', next: '2027-02-01' },
])('the promotion list as of $today', ({ today, next }) => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => host.services.dataSource.query(sql, params) as Promise<T[]>;

  beforeAll(async () => {
    host = await startHost({ dbPath: path.join(dir, 'demo.sqlite'), transport: 'test', clock: fixedClock(today), validateResponses: true, log: () => undefined });
    await host.services.demo.load({ employees: 300, seed: 13, actor: 'tester', extensions: true });
  });
  afterAll(() => host.close());

  it(`offers ${next} by default, checks the SKP of 2024 and 2025, and finds people eligible`, async () => {
    const list = expectOk(await host.call('careers:promotionList', { limit: 500 }));
    expect(list.period).toBe(next);
    expect(list.skpYears).toEqual([2024, 2025]);
    expect(list.counts.eligible, 'the demo district has PNS with 4 years in rank and Baik in 2024 and 2025').toBeGreaterThan(0);
    // No reason names a year whose SKP is not final yet.
    const reasons = list.rows.flatMap((r) => r.reasons.map((x) => x.message));
    expect(reasons.filter((m) => /2026|2027/.test(m))).toEqual([]);
    const stats = (await host.services.stats.collect({ asOf: today, scope: 'all' })).development as Record<string, number>;
    expect(stats.promotionEligibleNextPeriod).toBe(list.counts.eligible);
  });

  it('judges a hand-made PNS with Baik in 2024 and 2025 eligible, and one without 2025 blocked for it', async () => {
    const people = await q<{ id: number; nip: string }>(`SELECT id, nip FROM employee WHERE status = 'active' AND employment_type = 'PNS' ORDER BY id LIMIT 2 OFFSET 40`);
    for (const [i, person] of people.entries()) {
      await q('UPDATE employee SET golongan = 33, golongan_tmt = ?, education_level = ? WHERE id = ?', ['2020-10-01', 'S1', person.id]);
      await q('DELETE FROM performance_evaluation WHERE employee_id = ?', [person.id]);
      for (const year of i === 0 ? [2024, 2025] : [2024, 2026]) {
        await q(`INSERT INTO performance_evaluation (employee_id, year, period, regime, predikat, source, created_at) VALUES (?, ?, 'tahunan', 'PMPANRB6_2022', 'baik', 'manual', 'now')`, [person.id, year]);
      }
    }
    const find = async (nip: string) => expectOk(await host.call('careers:promotionList', { search: nip })).rows[0];
    expect(await find(people[0].nip)).toMatchObject({ status: 'eligible', reasons: [], skp: [{ year: 2024, meets: 'yes' }, { year: 2025, meets: 'yes' }] });
    expect((await find(people[1].nip)).reasons).toEqual([{ code: 'skp_missing', message: 'SKP tahun 2025 belum ada' }]);
  });

  it('offers past and future periods, and judges a past one by the SKP due by its own deadline', async () => {
    const periods = expectOk(await host.call('careers:promotionPeriods', {}));
    expect(periods.next).toBe(next);
    expect(periods.periods).toEqual(expect.arrayContaining(['2024-04-01', '2025-04-01', '2025-10-01', next, '2027-10-01']));
    expect(periods.periods.some((p) => p < today)).toBe(true);
    const past = expectOk(await host.call('careers:promotionList', { period: '2025-04-01', limit: 1 }));
    expect(past).toMatchObject({ period: '2025-04-01', deadline: '2025-01-01', skpYears: promotionSkpYears('2025-04-01') });
    expect(past.skpYears).toEqual([2022, 2023]);
    expect(past.counts.eligible).toBeGreaterThan(0);
    const refused = await host.call('careers:promotionList', { period: '2025-09-01' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/1 September 2025 bukan periode kenaikan pangkat/);
  });

  it('follows the usulan deadline in Pengaturan: twelve months before the period checks 2023 and 2024', async () => {
    expectOk(await host.call('development:updateSettings', await atCurrentVersion(host, 'development:updateSettings', { promotionDeadlineMonths: 12 })));
    const list = expectOk(await host.call('careers:promotionList', { limit: 1 }));
    expect(list.skpYears).toEqual([2023, 2024]);
    const [audit] = await q<{ summary: string }>(`SELECT summary FROM audit_log WHERE entity = 'settings' ORDER BY id DESC LIMIT 1`);
    expect(audit.summary).toBe('Mengubah pengaturan pengembangan: batas usulan kenaikan pangkat (bulan sebelum periode)');
    expectOk(await host.call('development:updateSettings', await atCurrentVersion(host, 'development:updateSettings', { promotionDeadlineMonths: 3 })));
  });
});
