// A running hukuman disiplin keeps a person out of succession candidacy (DOMAIN §14.4) through the real ranking on a
// demo district: the SQL pre-filter drops them from the eligible, the list of the ineligible shows the reason, and a
// punishment that ended the day before today does not block.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { expectOk, openTestHost, tempDir, TEST_TODAY, queryOn } from '../helpers/temp-db';

describe('discipline block in succession', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 500, seed: 5, demoExtensions: ['succession'] });
    await q('DELETE FROM discipline_record');
  });
  afterAll(() => host.close());

  it('drops a candidate serving a punishment, lists them as ineligible with the reason, and lets one that ended yesterday pass', async () => {
    const posts = await q<{ id: number }>(`SELECT id FROM position WHERE level IN ('pengawas', 'administrator') ORDER BY id`);
    let positionId = 0;
    let before: Awaited<ReturnType<typeof rank>> | null = null;
    async function rank(includeIneligible = false) {
      return expectOk(await host.call('succession:rank', { positionId, includeIneligible, limit: 200 }));
    }
    for (const post of posts) {
      positionId = post.id;
      before = await rank();
      if (before.eligible >= 2) break;
    }
    expect(before!.eligible, 'a post of the demo district with two eligible candidates').toBeGreaterThanOrEqual(2);
    const [punished, cleared] = before!.rows;
    expect(punished.checklist.find((i) => i.key === 'hukuman_disiplin')).toMatchObject({ status: 'ok' });

    // Twelve months from 1 June 2026 run on today; a decree whose last day is yesterday does not.
    await q(`INSERT INTO discipline_record (employee_id, kind, start_date, created_at) VALUES (?, 'penurunan_jabatan', '2026-06-01', 'now')`, [punished.employeeId]);
    await q(`INSERT INTO discipline_record (employee_id, kind, start_date, end_date, created_at) VALUES (?, 'potongan_tukin_6', '2026-05-24', '2026-11-23', 'now')`, [cleared.employeeId]);
    expect(TEST_TODAY).toBe('2026-11-24');

    const after = await rank();
    expect(after.eligible).toBe(before!.eligible - 1);
    expect(after.rows.map((r) => r.employeeId)).not.toContain(punished.employeeId);
    expect(after.rows.map((r) => r.employeeId)).toContain(cleared.employeeId);
    expect(after.ineligibleByReason).toContainEqual({ key: 'hukuman_disiplin', label: 'Tidak sedang menjalani hukuman disiplin', count: 1 });

    const all = await rank(true);
    expect(all.ineligibleByReason).toEqual(after.ineligibleByReason);
    const row = all.rows.find((r) => r.employeeId === punished.employeeId)!;
    expect(row).toMatchObject({ eligible: false, rank: null, failed: ['hukuman_disiplin'] });
    expect(row.checklist.find((i) => i.key === 'hukuman_disiplin')).toEqual({
      key: 'hukuman_disiplin', label: 'Tidak sedang menjalani hukuman disiplin', status: 'fail',
      detail: 'Sedang menjalani hukuman disiplin berat (penurunan jabatan setingkat lebih rendah selama 12 bulan) sampai 31 Mei 2027; tidak dapat masuk kandidat suksesi',
    });
    const detail = expectOk(await host.call('succession:candidate', { positionId, employeeId: punished.employeeId }));
    expect(detail.candidate.eligible).toBe(false);
  });
});
