// The SIASN snapshot keeps masa kerja golongan (mk_tahun / mk_bulan) on the employee and on the rank-history row a
// new golongan opens; a value out of range is left out with a warning and the row still imports.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict, type DemoDistrict } from '../../main/demo/generate';
import { siasnRows, writeDelimited } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { SIASN_COLUMNS } from '../../shared/domain/import-fields';
import { allIssues, commitPreview, previewFile } from '../helpers/import';
import { expectOk, openTestHost, queryOn, tempDir, TEST_TODAY } from '../helpers/temp-db';

describe('SIASN masa kerja golongan', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let district: DemoDistrict;
  let rows: ReturnType<typeof siasnRows>;
  const file = (name: string) => path.join(dir, name);
  const q = (sql: string, params: unknown[] = []) => queryOn(host, sql, params);

  beforeAll(async () => {
    host = await openTestHost(dir);
    district = generateDemoDistrict({ employees: 60, seed: 12, asOf: TEST_TODAY });
    rows = siasnRows(district).filter((r) => r.status_cpns_pns === 'P').slice(0, 12);
  });
  afterAll(() => host.close());

  it('stores mk_tahun and mk_bulan on the employee and on the first rank-history row', async () => {
    const edited = rows.map((r, i) => ({ ...r, mk_tahun: String(5 + i), mk_bulan: String(i % 12) }));
    edited[10] = { ...edited[10], mk_tahun: '61', mk_bulan: '2' };
    edited[11] = { ...edited[11], mk_tahun: '', mk_bulan: '' };
    writeDelimited(file('siasn.csv'), SIASN_COLUMNS, edited, { delimiter: '|' });
    const preview = await previewFile(host, file('siasn.csv'));
    expect(preview.kind).toBe('pegawai');
    expect(preview.counts).toMatchObject({ accepted: edited.length, rejected: 0 });
    const issues = await allIssues(host, preview.previewId);
    expect(issues.filter((i) => i.column === 'mk_tahun')).toEqual([expect.objectContaining({ row: 12, severity: 'warning', message: expect.stringMatching(/Masa kerja golongan 61 tahun di luar rentang 0–45/) })]);
    await commitPreview(host, preview.previewId);

    const stored = await q(`SELECT e.nip, e.mk_golongan_years AS y, e.mk_golongan_months AS m, r.mk_years AS ry, r.mk_months AS rm, r.tmt, e.golongan_tmt
      FROM employee e JOIN rank_history r ON r.employee_id = e.id ORDER BY e.id`) as Array<Record<string, unknown>>;
    const byNip = new Map(stored.map((s) => [s.nip, s]));
    for (let i = 0; i < 10; i++) {
      expect(byNip.get(edited[i].nip_baru), String(i)).toMatchObject({ y: 5 + i, m: i % 12, ry: 5 + i, rm: i % 12, tmt: byNip.get(edited[i].nip_baru)!.golongan_tmt });
    }
    expect(byNip.get(edited[10].nip_baru)).toMatchObject({ y: null, m: null, ry: null, rm: null });
    expect(byNip.get(edited[11].nip_baru)).toMatchObject({ y: null, m: null });
  });

  it('shows a changed masa kerja golongan in the diff with its Indonesian label and keeps it on re-import', async () => {
    const next = rows.slice(0, 2).map((r, i) => ({ ...r, mk_tahun: String(5 + i), mk_bulan: String(i % 12) }));
    next[0] = { ...next[0], mk_tahun: '6', mk_bulan: '3' };
    writeDelimited(file('siasn-2.csv'), SIASN_COLUMNS, next, { delimiter: '|' });
    const preview = await previewFile(host, file('siasn-2.csv'));
    const changed = expectOk(await host.call('import:diffRows', { previewId: preview.previewId, category: 'changed' })).rows;
    expect(changed).toHaveLength(1);
    expect(changed[0].changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ label: 'Masa kerja golongan (tahun)', before: '5', after: '6' }),
      expect.objectContaining({ label: 'Masa kerja golongan (bulan)', before: '0', after: '3' }),
    ]));
    await commitPreview(host, preview.previewId, { markAbsent: false });
    expect(await q(`SELECT mk_golongan_years AS y, mk_golongan_months AS m FROM employee WHERE nip = ?`, [next[0].nip_baru])).toEqual([{ y: 6, m: 3 }]);
    expect(await q(`SELECT mk_golongan_years AS y, mk_golongan_months AS m FROM employee WHERE nip = ?`, [next[1].nip_baru])).toEqual([{ y: 6, m: 1 }]);
  });
});
