// employee_kgb_due, the next KGB of each active PNS kept on write (main/db/kgb-due.ts), against a full recompute
// from the records after each kind of write: the demo load, an edit of the employee, a KGB import and its undo, a
// change of the KGB settings. And the KGB list read through it against the list judged over everyone.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeKgbDue, refreshKgbDue } from '../../main/db/kgb-due';
import { kgbDueSql, type KgbDueValues } from '../../main/db/sql/kgb-due.sql';
import { managerRun } from '../../main/db/sql/run';
import { writeDelimited } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { inputFromProfile } from '../helpers/employee-input';
import { commitPreview, nextJobId, previewFile } from '../helpers/import';
import { atCurrentVersion } from '../helpers/settings-version';
import { expectOk, openTestHost, tempDir, queryOn } from '../helpers/temp-db';

describe('the next KGB kept per employee', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const run = () => managerRun(host.services.dataSource);
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);
  const kept = () => kgbDueSql.all(run());
  const keptOf = async (employeeId: number) => (await kept()).find((r) => r.employee_id === employeeId) ?? null;
  /** The kept table equals a recompute of everyone from the records. */
  const expectKeptEqualsRecompute = async () => {
    const fresh = (await computeKgbDue(run(), 'all')).sort((a, b) => a.employee_id - b.employee_id);
    expect(await kept()).toEqual(fresh);
    return fresh;
  };

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 150, seed: 21 });
  }, 60_000);
  afterAll(() => host.close());

  it('is built by the demo load for every active PNS with a basis', async () => {
    const fresh = await expectKeptEqualsRecompute();
    const [{ n }] = await q<{ n: number }>(`SELECT COUNT(*) AS n FROM employee WHERE status = 'active' AND employment_type = 'PNS'`);
    expect(fresh.length).toBeGreaterThan(n / 2);
  });

  it('is rebuilt the same when everyone is read in pages smaller than the population', async () => {
    const before = await kept();
    await refreshKgbDue(run(), 'all', 7);
    expect(await kept()).toEqual(before);
    await expectKeptEqualsRecompute();
  });

  it('follows an edit of the employee: a golongan of another group steps at the other parity, a retirement drops the row', async () => {
    const [moved, retired] = await q<{ id: number }>(`SELECT e.id FROM employee_kgb_due d JOIN employee e ON e.id = d.employee_id
      WHERE e.golongan BETWEEN 31 AND 34 AND e.mk_golongan_years IS NOT NULL ORDER BY e.id LIMIT 2`);
    const before = (await keptOf(moved.id))!;
    const edit = async (id: number, change: (input: ReturnType<typeof inputFromProfile>) => void) => {
      const profile = expectOk(await host.call('employees:get', { id }));
      const input = inputFromProfile(profile);
      change(input);
      expectOk(await host.call('employees:update', { id, version: profile.version, input }));
    };
    await edit(moved.id, (input) => { input.golongan = 24; });
    const after = (await keptOf(moved.id))!;
    // Golongan III steps at even MKG years, II at odd ones.
    expect(before.mkg_years % 2).toBe(0);
    expect(after.mkg_years % 2).toBe(1);
    expect(after.due_date).not.toBe(before.due_date);
    await edit(retired.id, (input) => { input.status = 'retired'; input.statusDate = '2026-10-01'; });
    expect(await keptOf(retired.id)).toBeNull();
    await expectKeptEqualsRecompute();
  });

  describe('a KGB import and its undo', () => {
    let person: { id: number; nip: string; golongan: number };
    let before: KgbDueValues;
    let snapshotId: number;

    it('after the import: the new notice is the basis', async () => {
      // A PNS in golongan III whose every basis is older than the notice imported below.
      [person] = await q<{ id: number; nip: string; golongan: number }>(`SELECT e.id, e.nip, e.golongan FROM employee_kgb_due d JOIN employee e ON e.id = d.employee_id
        WHERE e.golongan BETWEEN 31 AND 34 AND (e.golongan_tmt IS NULL OR e.golongan_tmt < '2026-10-01')
          AND NOT EXISTS (SELECT 1 FROM kgb_record k WHERE k.employee_id = e.id AND k.tmt >= '2026-10-01')
          AND NOT EXISTS (SELECT 1 FROM rank_history h WHERE h.employee_id = e.id AND h.tmt >= '2026-10-01')
        ORDER BY e.id DESC LIMIT 1`);
      before = (await keptOf(person.id))!;
      const file = path.join(dir, 'kgb.csv');
      const golongan = `III/${'abcd'[person.golongan - 31]}`;
      writeDelimited(file, ['nip', 'tmt_kgb', 'mkg_tahun', 'mkg_bulan', 'golongan_kgb', 'gaji_pokok', 'nomor_surat_kgb', 'tanggal_surat_kgb'],
        [{ nip: person.nip, tmt_kgb: '01-10-2026', mkg_tahun: String(before.mkg_years - 2), mkg_bulan: '0', golongan_kgb: golongan, gaji_pokok: '4.500.000', nomor_surat_kgb: '822/99', tanggal_surat_kgb: '01-09-2026' }],
        { delimiter: ';' });
      const preview = await previewFile(host, file);
      expect(preview.kind).toBe('kgb');
      snapshotId = (await commitPreview(host, preview.previewId)).snapshotId;
      // A notice on 1 October 2026 at an even MKG: golongan III steps next two MKG years later, two years later.
      expect(await keptOf(person.id)).toEqual({ employee_id: person.id, due_date: '2028-10-01', mkg_years: before.mkg_years });
      await expectKeptEqualsRecompute();
    });

    it('after the undo: back to the date before', async () => {
      expectOk(await host.call('import:undo', { snapshotId, jobId: nextJobId() }));
      expect(await keptOf(person.id)).toEqual(before);
      await expectKeptEqualsRecompute();
    });
  });

  it('stays as it is when the KGB settings change, and the list applies them on reading', async () => {
    const list = async () => expectOk(await host.call('careers:kgbList', { fromMonth: '2026-11', toMonth: '2028-10', status: 'all', limit: 500 }));
    const table = await kept();
    const all = await list();
    expect(all.total).toBeGreaterThan(0);
    expect(all.total).toBeLessThanOrEqual(500);
    // The list read through the kept dates is the list judged over everyone: every kept date in the months, less
    // those past the salary table's highest MKG.
    const inMonths = table.filter((r) => r.due_date >= '2026-11-01' && r.due_date <= '2028-10-31');
    const groups = new Map((await q<{ id: number; golongan: number }>(`SELECT id, golongan FROM employee`)).map((e) => [e.id, Math.floor(e.golongan / 10)]));
    const max = { 1: 27, 2: 33, 3: 32, 4: 32 } as Record<number, number>;
    const expected = inMonths.filter((r) => r.mkg_years <= max[groups.get(r.employee_id)!]);
    expect(all.rows.map((r) => r.employeeId).sort((a, b) => a - b)).toEqual(expected.map((r) => r.employee_id).sort((a, b) => a - b));
    expect(all.rows.map((r) => [r.employeeId, r.dueDate, r.mkgYearsAtDue]).sort((a, b) => Number(a[0]) - Number(b[0])))
      .toEqual(expected.map((r) => [r.employee_id, r.due_date, r.mkg_years]).sort((a, b) => Number(a[0]) - Number(b[0])));

    const lowest = Math.min(...all.rows.filter((r) => Math.floor(r.golongan / 10) === 3).map((r) => r.mkgYearsAtDue));
    expectOk(await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', { kgbMaxMkgYears: { I: 27, II: 33, III: lowest, IV: 32 } })));
    expect(await kept()).toEqual(table);
    await expectKeptEqualsRecompute();
    const capped = await list();
    expect(capped.rows.filter((r) => Math.floor(r.golongan / 10) === 3).every((r) => r.mkgYearsAtDue <= lowest)).toBe(true);
    expect(capped.total).toBe(all.rows.filter((r) => !(Math.floor(r.golongan / 10) === 3 && r.mkgYearsAtDue > lowest)).length);
    expectOk(await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', { kgbMaxMkgYears: { I: 27, II: 33, III: 32, IV: 32 } })));
  });
});
