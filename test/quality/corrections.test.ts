// "Perbaiki" and local corrections through the real dispatcher on a real SQLite file: a gender against the NIP fixed
// as an audited, versioned edit kept as a local correction; the next snapshot where SIASN still has the old value
// keeps the correction and says so in the preview (a distinct line), the office chooses; a snapshot where SIASN
// agrees closes it, and its undo opens it again.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived } from '../../main/db/derived';
import { managerRun } from '../../main/db/sql/run';
import { generateDemoDistrict, type DemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { commitPreview, nextJobId, previewFile } from '../helpers/import';
import { expectOk, openTestHost, tempDir, TEST_TODAY, queryOn } from '../helpers/temp-db';

describe('Perbaiki and local corrections', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let district: DemoDistrict;
  let rows: Row[];
  let files = 0;
  const q = (sql: string, params: unknown[] = []) => queryOn(host, sql, params);
  /** A snapshot of the district as SIASN has it (the rows as given), with one unrelated change so it is a new file. */
  const snapshot = async (edit: (rows: Row[]) => void = () => undefined, markAbsent = false) => {
    const copy = rows.map((r) => ({ ...r }));
    edit(copy);
    copy[copy.length - 1] = { ...copy[copy.length - 1], nomor_hp: `0812${String(++files).padStart(8, '0')}` };
    const file = path.join(dir, `siasn-${files}.csv`);
    writeDelimited(file, SIASN_HEADER, copy, { delimiter: '|' });
    return previewFile(host, file, { markAbsent });
  };
  const mismatchNip = () => rows.find((r) => r.kedudukan_hukum_nama === 'Aktif' && r.jenis_pegawai_nama !== 'PPPK')!;
  let person: { id: number; nip: string; gender: string };
  const nipGender = () => (person.nip[14] === '1' ? 'L' : 'P');
  const siasnGender = (g: string) => (g === 'L' ? 'M' : 'F');

  beforeAll(async () => {
    host = await openTestHost(dir);
    district = generateDemoDistrict({ employees: 150, seed: 9, asOf: TEST_TODAY });
    rows = siasnRows(district) as Row[];
    // SIASN has this person's gender against the NIP.
    const r = mismatchNip();
    r.jenis_kelamin = r.jenis_kelamin === 'M' ? 'F' : 'M';
    await commitPreview(host, (await snapshot()).previewId);
    const [row] = await q('SELECT id, nip, gender FROM employee WHERE nip = ?', [String(r.nip_baru)]);
    person = row;
  }, 60_000);
  afterAll(() => host.close());

  it('lists the certain fix beside the finding, and refuses a value the NIP does not give', async () => {
    const found = expectOk(await host.call('quality:findings', { check: 'nip_jenis_kelamin', offset: 0, limit: 500 }));
    const row = found.rows.find((f) => f.employeeId === person.id)!;
    expect(row.fix).toEqual({ field: 'gender', fieldLabel: 'Jenis kelamin', value: nipGender(), display: nipGender() === 'L' ? 'Laki-laki' : 'Perempuan' });
    const wrong = await host.call('quality:fix', { employeeId: person.id, check: 'nip_jenis_kelamin', value: person.gender });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A check without a certain answer has no fix, and is refused.
    const refused = await host.call('quality:fix', { employeeId: person.id, check: 'pendidikan', value: 'S1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await q('SELECT COUNT(*) AS n FROM local_correction')).toEqual([{ n: 0 }]);
  });

  it('fixes as an audited, versioned edit kept as a local correction', async () => {
    const [before] = await q('SELECT version FROM employee WHERE id = ?', [person.id]);
    const result = expectOk(await host.call('quality:fix', { employeeId: person.id, check: 'nip_jenis_kelamin', value: nipGender() }));
    expect(result).toEqual({ version: before.version + 1, field: 'gender', value: nipGender() });
    expect(await q('SELECT gender, version FROM employee WHERE id = ?', [person.id])).toEqual([{ gender: nipGender(), version: before.version + 1 }]);
    const [audit] = await q(`SELECT action, summary FROM audit_log WHERE employee_id = ? AND action = 'update' ORDER BY id DESC LIMIT 1`, [person.id]);
    expect(audit.summary).toMatch(/jenis kelamin/i);
    const found = expectOk(await host.call('quality:findings', { check: 'nip_jenis_kelamin', offset: 0, limit: 500 }));
    expect(found.rows.map((r) => r.employeeId)).not.toContain(person.id);
    const { rows: corrections } = expectOk(await host.call('quality:corrections', { openOnly: true }));
    expect(corrections).toEqual([expect.objectContaining({
      employeeId: person.id, nip: person.nip, field: 'Jenis kelamin', siasnValue: person.gender === 'L' ? 'Laki-laki' : 'Perempuan',
      correctedValue: nipGender() === 'L' ? 'Laki-laki' : 'Perempuan', correctedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), status: 'aktif', disagreement: null,
    })]);
  });

  it('fills a missing TMT CPNS from the NIP (the first of its month)', async () => {
    const [other] = await q(`SELECT id, nip FROM employee WHERE status = 'active' AND employment_type = 'PNS' AND id <> ? ORDER BY id LIMIT 1`, [person.id]);
    await q('UPDATE employee SET cpns_tmt = NULL WHERE id = ?', [other.id]);
    await host.services.dataSource.transaction((m) => refreshDerived(managerRun(m), 'employee', [other.id]));
    const found = expectOk(await host.call('quality:findings', { check: 'tmt_cpns', offset: 0, limit: 500 }));
    const expected = `${other.nip.slice(8, 12)}-${other.nip.slice(12, 14)}-01`;
    expect(found.rows.find((r) => r.employeeId === other.id)!.fix).toMatchObject({ field: 'cpnsTmt', value: expected });
    expectOk(await host.call('quality:fix', { employeeId: other.id, check: 'tmt_cpns', value: expected }));
    expect(await q('SELECT cpns_tmt FROM employee WHERE id = ?', [other.id])).toEqual([{ cpns_tmt: expected }]);
  });

  it('a snapshot where SIASN still disagrees keeps the correction, shows a distinct line, and the office chooses', async () => {
    const preview = await snapshot();
    expect(preview.localCorrections.disagreeCount).toBe(1);
    expect(preview.localCorrections.disagree).toEqual([{
      nip: person.nip, name: expect.any(String), field: 'Jenis kelamin',
      corrected: nipGender() === 'L' ? 'Laki-laki' : 'Perempuan', siasn: person.gender === 'L' ? 'Laki-laki' : 'Perempuan',
    }]);
    const changed = expectOk(await host.call('import:diffRows', { previewId: preview.previewId, category: 'changed', limit: 500 })).rows;
    expect(changed.find((r) => r.nip === person.nip)?.changes.some((c) => c.field === 'gender') ?? false).toBe(false);
    await commitPreview(host, preview.previewId);
    expect(await q('SELECT gender FROM employee WHERE id = ?', [person.id])).toEqual([{ gender: nipGender() }]);
    let [correction] = expectOk(await host.call('quality:corrections', { openOnly: true })).rows.filter((c) => c.employeeId === person.id);
    expect(correction.disagreement).toEqual({ fileName: `siasn-${files}.csv`, value: person.gender === 'L' ? 'Laki-laki' : 'Perempuan' });

    // Keep: the disagreement is acknowledged, the correction stays.
    correction = expectOk(await host.call('quality:resolveCorrection', { id: correction.id, choice: 'keep' }));
    expect(correction).toMatchObject({ status: 'aktif', disagreement: null });
    const again = await host.call('quality:resolveCorrection', { id: correction.id, choice: 'keep' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a second disagreement taken from SIASN: the edit is audited and the correction closes as replaced', async () => {
    await commitPreview(host, (await snapshot()).previewId);
    const [correction] = expectOk(await host.call('quality:corrections', { openOnly: true })).rows.filter((c) => c.employeeId === person.id);
    expect(correction.disagreement).not.toBeNull();
    const resolved = expectOk(await host.call('quality:resolveCorrection', { id: correction.id, choice: 'siasn' }));
    expect(resolved).toMatchObject({ status: 'diganti', statusLabel: 'Diganti dengan nilai SIASN' });
    expect(await q('SELECT gender FROM employee WHERE id = ?', [person.id])).toEqual([{ gender: person.gender }]);
    expect(expectOk(await host.call('quality:corrections', { openOnly: true })).rows.filter((c) => c.employeeId === person.id)).toEqual([]);
    expect(expectOk(await host.call('quality:corrections', { openOnly: false })).rows.filter((c) => c.employeeId === person.id)).toHaveLength(1);
  });

  it('a snapshot where SIASN agrees closes the correction; undoing it opens the correction again', async () => {
    expectOk(await host.call('quality:fix', { employeeId: person.id, check: 'nip_jenis_kelamin', value: nipGender() }));
    const preview = await snapshot((copy) => {
      const r = copy.find((x) => x.nip_baru === person.nip)!;
      r.jenis_kelamin = siasnGender(nipGender());
    });
    expect(preview.localCorrections).toMatchObject({ agreed: 1, disagreeCount: 0 });
    const { snapshotId } = await commitPreview(host, preview.previewId);
    const open = () => q(`SELECT status FROM local_correction WHERE employee_id = ? ORDER BY id DESC LIMIT 1`, [person.id]);
    expect(await open()).toEqual([{ status: 'selesai' }]);
    expectOk(await host.call('import:undo', { snapshotId, jobId: nextJobId() }));
    expect(await open()).toEqual([{ status: 'aktif' }]);
  });
});
