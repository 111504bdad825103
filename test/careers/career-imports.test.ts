// The career history kinds (hukuman disiplin, tugas/izin belajar, KGB, CLTN, tanda kehormatan) through the real
// import wizard's service: the kind recognised from the headers, each row's checks, the stored rows tagged with the
// snapshot, a re-import writing only what changed, undo deleting what the import wrote, and the downloadable
// templates.

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict, type DemoDistrict } from '../../main/demo/generate';
import { writeDelimited, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { IMPORT_SPECS } from '../../shared/domain/import-fields';
import { allIssues, commitPreview, nextJobId, previewFile } from '../helpers/import';
import { expectOk, openTestHost, queryOnAsFile, tempDir, TEST_TODAY } from '../helpers/temp-db';

describe('career history imports', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let district: DemoDistrict;
  let nips: string[];
  const file = (name: string) => path.join(dir, name);
  const q = (sql: string, params: unknown[] = []) => queryOnAsFile(host, sql, params);
  const csv = (name: string, rows: Row[]) => {
    writeDelimited(file(name), Object.keys(rows[0]), rows, { delimiter: ';' });
    return file(name);
  };

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 80, seed: 5, recordsOnly: true });
    district = generateDemoDistrict({ employees: 80, seed: 5, asOf: TEST_TODAY });
    nips = district.employees.filter((e) => e.status === 'active' && e.employmentType === 'PNS').slice(0, 6).map((e) => e.nip);
  });
  afterAll(() => host.close());

  it('hukuman disiplin: recognised, kinds read from their PP 94/2021 wording, a bad row rejected, undo deletes', async () => {
    const rows: Row[] = [
      { nip: nips[0], jenis_hukuman: 'Pemotongan tunjangan kinerja 25% selama 9 bulan', tmt_hukuman: '01-06-2025', akhir_hukuman: '', nomor_sk: '862/01/2025', tanggal_sk: '20-05-2025', keterangan: '' },
      { nip: nips[1], jenis_hukuman: 'teguran tertulis', tmt_hukuman: '02-01-2024', akhir_hukuman: '', nomor_sk: '', tanggal_sk: '', keterangan: 'Terlambat' },
      { nip: nips[2], jenis_hukuman: 'dipindah ke pulau', tmt_hukuman: '02-01-2024', akhir_hukuman: '', nomor_sk: '', tanggal_sk: '', keterangan: '' },
      { nip: nips[3], jenis_hukuman: 'Penurunan jabatan setingkat lebih rendah', tmt_hukuman: '01-03-2025', akhir_hukuman: '01-01-2025', nomor_sk: '', tanggal_sk: '', keterangan: '' },
    ];
    const preview = await previewFile(host, csv('hukdis.csv', rows));
    expect(preview.kind).toBe('disiplin');
    expect(preview.counts).toMatchObject({ rows: 4, accepted: 2, rejected: 2 });
    const errors = (await allIssues(host, preview.previewId)).filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ row: 4, column: 'jenis_hukuman', message: expect.stringMatching(/tidak dikenali \(PP 94\/2021/) }),
      expect.objectContaining({ row: 5, column: 'akhir_hukuman', message: 'Akhir hukuman tidak boleh sebelum TMT-nya.' }),
    ]);
    const result = await commitPreview(host, preview.previewId);
    const stored = await q(`SELECT e.nip, d.kind, d.start_date, d.decree_number, d.decree_date, d.note, d.source, d.snapshot_id FROM discipline_record d JOIN employee e ON e.id = d.employee_id ORDER BY d.id`);
    expect(stored).toEqual([
      { nip: nips[0], kind: 'potongan_tukin_9', start_date: '2025-06-01', decree_number: '862/01/2025', decree_date: '2025-05-20', note: null, source: 'import', snapshot_id: result.snapshotId },
      { nip: nips[1], kind: 'teguran_tertulis', start_date: '2024-01-02', decree_number: null, decree_date: null, note: 'Terlambat', source: 'import', snapshot_id: result.snapshotId },
    ]);

    // The same file again with one SK number added: one change, nothing new.
    const again = await previewFile(host, csv('hukdis-2.csv', [{ ...rows[0] }, { ...rows[1], nomor_sk: '862/02/2024' }]));
    expect(again.counts).toMatchObject({ accepted: 2 });
    const changed = expectOk(await host.call('import:diffRows', { previewId: again.previewId, category: 'changed' })).rows;
    expect(changed).toEqual([expect.objectContaining({ nip: nips[1], changes: [expect.objectContaining({ label: 'Nomor SK', before: null, after: '862/02/2024' })] })]);
    const second = await commitPreview(host, again.previewId);
    expectOk(await host.call('import:undo', { snapshotId: second.snapshotId, jobId: nextJobId() }));
    expect(await q(`SELECT decree_number, snapshot_id FROM discipline_record ORDER BY id`)).toEqual([
      { decree_number: '862/01/2025', snapshot_id: result.snapshotId }, { decree_number: null, snapshot_id: result.snapshotId },
    ]);
    expectOk(await host.call('import:undo', { snapshotId: result.snapshotId, jobId: nextJobId() }));
    expect(await q(`SELECT COUNT(*) AS n FROM discipline_record`)).toEqual([{ n: 0 }]);
  });

  it('tugas/izin belajar, KGB, CLTN and tanda kehormatan: stored with their codes, undone by snapshot', async () => {
    const files: Array<[string, Row[], string, string]> = [
      ['belajar.csv', [{ nip: nips[0], jenis_belajar: 'Tugas Belajar', perguruan_tinggi: 'Universitas Padjadjaran', program_studi: 'Magister Manajemen', jenjang_studi: 'S-2',
        tanggal_mulai_studi: '01-09-2024', tanggal_selesai_studi: '', status_studi: '', pembiayaan: 'APBD', tanggal_izin: '', tanggal_lulus: '', lulus_upkp: '', dibutuhkan_jabatan: 'ya' },
      { nip: nips[1], jenis_belajar: 'izin belajar', perguruan_tinggi: 'Universitas Terbuka', program_studi: 'Administrasi Negara', jenjang_studi: 'S1',
        tanggal_mulai_studi: '01-09-2020', tanggal_selesai_studi: '31-08-2024', status_studi: 'Lulus', pembiayaan: '', tanggal_izin: '15-08-2020', tanggal_lulus: '20-09-2024', lulus_upkp: 'Lulus', dibutuhkan_jabatan: '' }],
      'belajar', `SELECT basis, level, status, funding, izin_date, graduation_date, upkp_passed, needed_by_position FROM study_record ORDER BY id`],
      ['kgb.csv', [{ nip: nips[2], tmt_kgb: '01-04-2024', mkg_tahun: '14', mkg_bulan: '0', golongan_kgb: 'III/c', gaji_pokok: '3.900.000', nomor_surat_kgb: '822/1', tanggal_surat_kgb: '04-03-2024' }],
        'kgb', `SELECT tmt, mkg_years, mkg_months, golongan, salary, decree_number FROM kgb_record ORDER BY id`],
      ['cltn.csv', [{ nip: nips[3], mulai_cltn: '01-07-2019', akhir_cltn: '30-06-2020', nomor_sk_cltn: '851/077' }], 'cltn', `SELECT start_date, end_date, decree_number FROM cltn_period ORDER BY id`],
      ['satya.csv', [{ nip: nips[4], kelas_satyalancana: 'Satyalancana Karya Satya XX Tahun', nomor_keppres: '45/TK/2021', tanggal_keppres: '10-08-2021' },
        { nip: nips[5], kelas_satyalancana: '10', nomor_keppres: '', tanggal_keppres: '' }], 'tanda_kehormatan', `SELECT kind, class, decree_date FROM honor_award ORDER BY id`],
    ];
    const expected: Record<string, unknown[]> = {
      belajar: [
        { basis: 'tugas_belajar', level: 'S2', status: 'berjalan', funding: 'APBD', izin_date: null, graduation_date: null, upkp_passed: null, needed_by_position: 1 },
        { basis: 'izin_belajar', level: 'S1', status: 'selesai', funding: null, izin_date: '2020-08-15', graduation_date: '2024-09-20', upkp_passed: 1, needed_by_position: null },
      ],
      kgb: [{ tmt: '2024-04-01', mkg_years: 14, mkg_months: 0, golongan: 33, salary: 3_900_000, decree_number: '822/1' }],
      cltn: [{ start_date: '2019-07-01', end_date: '2020-06-30', decree_number: '851/077' }],
      tanda_kehormatan: [{ kind: 'satyalancana_karya_satya', class: 'XX', decree_date: '2021-08-10' }, { kind: 'satyalancana_karya_satya', class: 'X', decree_date: null }],
    };
    const snapshots: number[] = [];
    for (const [name, rows, kind, select] of files) {
      const preview = await previewFile(host, csv(name, rows));
      expect(preview.kind, name).toBe(kind);
      expect(preview.counts, name).toMatchObject({ accepted: rows.length, rejected: 0 });
      snapshots.push((await commitPreview(host, preview.previewId)).snapshotId);
      expect(await q(select), name).toEqual(expected[kind]);
    }
    for (const snapshotId of snapshots.reverse()) expectOk(await host.call('import:undo', { snapshotId, jobId: nextJobId() }));
    for (const table of ['study_record', 'kgb_record', 'cltn_period', 'honor_award']) expect(await q(`SELECT COUNT(*) AS n FROM ${table}`), table).toEqual([{ n: 0 }]);
  });

  it('offers a template per career kind, recognised as that kind when filled in', async () => {
    for (const kind of ['disiplin', 'belajar', 'kgb', 'cltn', 'tanda_kehormatan'] as const) {
      const template = expectOk(await host.call('import:template', { kind }));
      const target = file(`templat-${kind}.xlsx`);
      fs.writeFileSync(target, Buffer.from(template.base64, 'base64'));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(target);
      const headers = (workbook.getWorksheet('Data')!.getRow(1).values as unknown[]).slice(1).map(String);
      expect(headers, kind).toEqual(IMPORT_SPECS[kind].fields.map((f) => f.key));
      const preview = await previewFile(host, target);
      expect(preview.detectedKind, kind).toBe(kind);
      expect(preview.blocking, kind).toEqual([]);
      expect(preview.counts.rows, kind).toBe(1);
    }
  });
});
