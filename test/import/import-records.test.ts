// SKP, kompetensi, potensi and diklat files (Jenjang's templates) into a demo database: the PermenPANRB 6/2022
// matrix and legacy scale, the competency dictionary lookup (and creation when allowed), the derived current
// assessment refreshed in the same transaction, re-imports writing only changed rows, and undo.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived } from '../../main/db/derived';
import { managerRun } from '../../main/db/sql/run';
import { generateDemoDistrict, type DemoDistrict } from '../../main/demo/generate';
import { diklatRows, kompetensiRows, potensiRows, skpRows, writeDelimited, writeXlsx, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { allIssues, commitPreview, nextJobId, previewFile } from '../helpers/import';
import { expectOk, openTestHost, queryOn, tempDir, TEST_TODAY } from '../helpers/temp-db';

describe('history kinds', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let district: DemoDistrict;
  const file = (name: string) => path.join(dir, name);
  const q = (sql: string, params: unknown[] = []) => queryOn(host, sql, params);

  beforeAll(async () => {
    // Employee records only: these tests start from tables the demo's SKP, assessment and training data would fill.
    host = await openTestHost(dir, { demoEmployees: 150, seed: 9, recordsOnly: true });
    district = generateDemoDistrict({ employees: 150, seed: 9, asOf: TEST_TODAY });
  });
  afterAll(() => host.close());

  describe('SKP (PermenPANRB 6/2022)', () => {
    it('stores ratings with the predikat of the matrix; a stated predikat that disagrees is a warning', async () => {
      const rows = skpRows(district, 2025, 4);
      rows[0] = { ...rows[0], hasil_kerja: 'Di Atas Ekspektasi', perilaku_kerja: 'Di Bawah Ekspektasi', predikat: 'Baik' };
      rows[1] = { ...rows[1], hasil_kerja: 'di atas ekspektasi', perilaku_kerja: 'DI ATAS EKSPEKTASI', predikat: 'Sangat Baik' };
      const columns = ['nip', 'tahun', 'periode', 'hasil_kerja', 'perilaku_kerja', 'predikat'];
      writeDelimited(file('skp-2025.csv'), columns, rows, { delimiter: ';', encoding: 'utf-8-bom' });
      const preview = await previewFile(host, file('skp-2025.csv'));
      expect(preview.kind).toBe('skp');
      expect(preview.counts).toMatchObject({ rows: rows.length, accepted: rows.length, rejected: 0 });
      const warnings = (await allIssues(host, preview.previewId)).filter((i) => i.column === 'predikat');
      expect(warnings).toEqual([expect.objectContaining({ row: 2, severity: 'warning', message: expect.stringMatching(/tidak sesuai matriks.*= Kurang\)/) })]);
      const result = await commitPreview(host, preview.previewId);
      const stored = await q(`SELECT e.nip, p.hasil_kerja, p.perilaku_kerja, p.predikat, p.regime, p.source, p.snapshot_id FROM performance_evaluation p JOIN employee e ON e.id = p.employee_id
        WHERE p.year = 2025 AND p.period = 'tahunan' AND e.nip IN (?, ?) ORDER BY e.nip = ? DESC`, [rows[0].nip, rows[1].nip, rows[0].nip]);
      expect(stored).toEqual([
        { nip: rows[0].nip, hasil_kerja: 'di_atas', perilaku_kerja: 'di_bawah', predikat: 'kurang', regime: 'PMPANRB6_2022', source: 'import', snapshot_id: result.snapshotId },
        { nip: rows[1].nip, hasil_kerja: 'di_atas', perilaku_kerja: 'di_atas', predikat: 'sangat_baik', regime: 'PMPANRB6_2022', source: 'import', snapshot_id: result.snapshotId },
      ]);
    });

    it('keeps a legacy nilai with its PP 46/2011 sebutan and never forces it into a 2022 predikat', async () => {
      const people = district.employees.filter((e) => e.status === 'active').slice(0, 4);
      const rows: Row[] = [
        { nip: people[0].nip, tahun: 2017, nilai: '91,5' }, { nip: people[1].nip, tahun: 2017, nilai: 76 },
        { nip: people[2].nip, tahun: 2017, nilai: 60 }, { nip: people[3].nip, tahun: 2023, nilai: 88 },
      ];
      writeDelimited(file('skp-lama.csv'), ['nip', 'tahun', 'nilai'], rows, { delimiter: ';' });
      const preview = await previewFile(host, file('skp-lama.csv'), { kind: 'skp' });
      expect(preview.counts).toMatchObject({ accepted: 3, rejected: 1 });
      expect((await allIssues(host, preview.previewId)).find((i) => i.severity === 'error')).toMatchObject({ row: 5, column: 'nilai', message: expect.stringMatching(/PermenPANRB 6\/2022/) });
      await commitPreview(host, preview.previewId);
      const stored = await q(`SELECT p.legacy_score, p.legacy_label, p.predikat, p.regime FROM performance_evaluation p JOIN employee e ON e.id = p.employee_id WHERE p.year = 2017 ORDER BY p.legacy_score DESC`);
      expect(stored).toEqual([
        { legacy_score: 91.5, legacy_label: 'Sangat Baik', predikat: null, regime: 'PP46_2011' },
        { legacy_score: 76, legacy_label: 'Baik', predikat: null, regime: 'PP46_2011' },
        { legacy_score: 60, legacy_label: 'Kurang', predikat: null, regime: 'PP46_2011' },
      ]);
    });

    it('a re-import writes only the changed evaluations, and an unknown NIP is rejected', async () => {
      const rows = skpRows(district, 2025, 4);
      rows[0] = { ...rows[0], hasil_kerja: 'Di Atas Ekspektasi', perilaku_kerja: 'Di Bawah Ekspektasi', predikat: 'Baik' };
      rows[1] = { ...rows[1], hasil_kerja: 'di atas ekspektasi', perilaku_kerja: 'DI ATAS EKSPEKTASI', predikat: 'Sangat Baik' };
      rows[2] = { ...rows[2], hasil_kerja: 'Di Bawah Ekspektasi', perilaku_kerja: 'Sesuai Ekspektasi', predikat: 'Butuh Perbaikan' };
      rows.push({ ...rows[3], nip: '199001012015011999' });
      writeDelimited(file('skp-2025-revisi.csv'), ['nip', 'tahun', 'periode', 'hasil_kerja', 'perilaku_kerja', 'predikat'], rows, { delimiter: ';' });
      const preview = await previewFile(host, file('skp-2025-revisi.csv'));
      const unchanged = rows.length - 2;
      expect(preview.diff).toEqual({ new: 0, changed: 1, absent: 0, unchanged });
      expect((await allIssues(host, preview.previewId)).find((i) => i.severity === 'error')?.message).toMatch(/tidak terdaftar di database Jenjang/);
      const result = await commitPreview(host, preview.previewId);
      expect(await q('SELECT COUNT(*) AS n FROM performance_evaluation WHERE snapshot_id = ?', [result.snapshotId])).toEqual([{ n: 1 }]);
      // Undo brings the old rating back, with its own snapshot.
      const [{ snapshot_id: before }] = await q(`SELECT p.snapshot_id FROM performance_evaluation p JOIN employee e ON e.id = p.employee_id WHERE e.nip = ? AND p.year = 2025`, [rows[0].nip]);
      expectOk(await host.call('import:undo', { snapshotId: result.snapshotId, jobId: nextJobId() }));
      expect(await q(`SELECT p.hasil_kerja, p.snapshot_id FROM performance_evaluation p JOIN employee e ON e.id = p.employee_id WHERE e.nip = ? AND p.year = 2025`, [rows[2].nip]))
        .toEqual([{ hasil_kerja: expect.not.stringMatching(/^di_bawah$/) , snapshot_id: before }]);
    });
  });

  describe('kompetensi (PermenPANRB 38/2017)', () => {
    const wide = () => kompetensiRows(district, '2025-05-15', 2, 0.3);
    const wideColumns = ['nip', 'tanggal', 'metode', 'M.01', 'M.02', 'M.03', 'M.04', 'M.05', 'M.06', 'M.07', 'M.08', 'SK.01'];

    it('rejects codes missing from the competency dictionary, and offers to create the standard ones', async () => {
      // The migration seeds the dictionary; an office may have removed entries since. Start from an empty one.
      await q('DELETE FROM competency_definition');
      await writeXlsx(file('asesmen.xlsx'), [{ name: 'Hasil', columns: wideColumns, rows: wide(), titleRows: ['HASIL ASESMEN KOMPETENSI 2025'] }]);
      const missing = await previewFile(host, file('asesmen.xlsx'), { createMissing: false });
      expect(missing.kind).toBe('kompetensi');
      expect(missing.counts.accepted).toBe(0);
      expect((await allIssues(host, missing.previewId))[0].message).toMatch(/Kompetensi M\.01 \(Integritas\) belum ada di kamus kompetensi/);
      const creating = expectOk(await host.call('import:replan', { previewId: missing.previewId, createMissing: true, markAbsent: false }));
      expect(creating.newReferences).toEqual(['M.01 Integritas', 'M.02 Kerjasama', 'M.03 Komunikasi', 'M.04 Orientasi pada Hasil', 'M.05 Pelayanan Publik',
        'M.06 Pengembangan Diri dan Orang Lain', 'M.07 Mengelola Perubahan', 'M.08 Pengambilan Keputusan', 'SK.01 Perekat Bangsa']);
      expect(creating.counts.rejected).toBe(0);
      const result = await commitPreview(host, creating.previewId);
      const expected = wide().length * 9;
      expect(await q('SELECT COUNT(*) AS n FROM competency_assessment WHERE snapshot_id = ?', [result.snapshotId])).toEqual([{ n: expected }]);
      // The derived current assessment is right, as a full recompute confirms.
      const current = await q('SELECT * FROM employee_competency_current ORDER BY employee_id, competency_id');
      expect(current).toHaveLength(expected);
      await host.services.dataSource.transaction((m) => refreshDerived(managerRun(m), 'competency_assessment', 'all'));
      expect(await q('SELECT * FROM employee_competency_current ORDER BY employee_id, competency_id')).toEqual(current);
    });

    it('reads the long form (kode_kompetensi + level), checks levels 1–5 and a date in the future', async () => {
      const nip = district.employees.find((e) => e.status === 'active')!.nip;
      const rows: Row[] = [
        { nip, tanggal: '2025-08-01', metode: 'Uji Kompetensi', kode_kompetensi: 'M.1', level: 4 },
        { nip, tanggal: '2025-08-01', metode: 'Uji Kompetensi', kode_kompetensi: 'm02', level: 6 },
        { nip, tanggal: '2027-01-01', metode: 'Uji Kompetensi', kode_kompetensi: 'M.03', level: 3 },
        { nip, tanggal: '2025-08-01', metode: 'Tebakan', kode_kompetensi: 'M.04', level: 3 },
      ];
      writeDelimited(file('ukom.csv'), ['nip', 'tanggal', 'metode', 'kode_kompetensi', 'level'], rows, { delimiter: ',' });
      const preview = await previewFile(host, file('ukom.csv'));
      expect(preview.counts).toMatchObject({ rows: 4, accepted: 1, rejected: 3 });
      const errors = (await allIssues(host, preview.previewId)).filter((i) => i.severity === 'error').map((i) => [i.row, i.column]);
      expect(errors).toEqual([[3, 'level'], [4, 'tanggal'], [5, 'metode']]);
      await commitPreview(host, preview.previewId);
      const [current] = await q(`SELECT c.level, c.assessed_on FROM employee_competency_current c JOIN employee e ON e.id = c.employee_id
        JOIN competency_definition d ON d.id = c.competency_id WHERE e.nip = ? AND d.code = 'M.01'`, [nip]);
      expect(current).toEqual({ level: 4, assessed_on: '2025-08-01' });
    });
  });

  describe('potensi and diklat', () => {
    it('potensi: level and/or a 0–100 score', async () => {
      const rows = potensiRows(district, '2025-06-10', 3, 0.5);
      rows[0] = { ...rows[0], potensi: 'Sangat Tinggi' };
      rows[1] = { ...rows[1], potensi: '', nilai_potensi: 130 };
      writeDelimited(file('potensi.csv'), ['nip', 'tanggal', 'potensi', 'nilai_potensi'], rows, { delimiter: ';' });
      const preview = await previewFile(host, file('potensi.csv'));
      expect(preview.counts).toMatchObject({ accepted: rows.length - 2, rejected: 2 });
      const result = await commitPreview(host, preview.previewId);
      const [{ n }] = await q('SELECT COUNT(*) AS n FROM potential_assessment WHERE snapshot_id = ? AND source = ?', [result.snapshotId, 'import']);
      expect(n).toBe(rows.length - 2);
    });

    it('diklat: JP, cost in Rupiah as written in Indonesia, types, dates in order; a re-import changes only what differs', async () => {
      const rows = diklatRows(district, 2025, 5, 0.5);
      rows[0] = { ...rows[0], biaya: 'Rp2.500.000', jp: '24,5' };
      rows[1] = { ...rows[1], tanggal_selesai: '01-01-2025', tanggal_mulai: '05-01-2025' };
      const columns = ['nip', 'nama_diklat', 'jenis', 'penyelenggara', 'tanggal_mulai', 'tanggal_selesai', 'jp', 'biaya', 'nomor_sertifikat'];
      writeDelimited(file('diklat.csv'), columns, rows, { delimiter: ';' });
      const preview = await previewFile(host, file('diklat.csv'));
      expect(preview.counts).toMatchObject({ accepted: rows.length - 1, rejected: 1 });
      await commitPreview(host, preview.previewId);
      const [first] = await q(`SELECT t.jp, t.cost, t.type FROM training_record t JOIN employee e ON e.id = t.employee_id WHERE e.nip = ? AND t.source = 'import'`, [rows[0].nip]);
      expect(first).toMatchObject({ jp: 24.5, cost: 2_500_000 });

      rows[0] = { ...rows[0], jp: 32 };
      writeDelimited(file('diklat-2.csv'), columns, rows, { delimiter: ';' });
      const again = await previewFile(host, file('diklat-2.csv'));
      expect(again.diff).toEqual({ new: 0, changed: 1, absent: 0, unchanged: rows.length - 2 });
      const changed = expectOk(await host.call('import:diffRows', { previewId: again.previewId, category: 'changed' })).rows;
      expect(changed[0].changes).toEqual([{ field: 'jp', label: 'JP', before: '24.5', after: '32' }]);
    });
  });
});
