// Every format the issue names, made from the same demo district by the demo generator, must give the same
// employees; and every kind of bad input must be refused with a clear Indonesian message, nothing written.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict, type DemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited, writeXlsx, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { IMPORT_SPECS } from '../../shared/domain/import-fields';
import { allIssues, commitPreview, previewFile } from '../helpers/import';
import { expectOk, openTestHost, queryOn, tempDir, TEST_TODAY } from '../helpers/temp-db';

const DATE_COLUMNS = ['tanggal_lahir', 'tmt_cpns', 'tmt_pns', 'tmt_golongan', 'tmt_jabatan', 'tanggal_sk_cpns', 'tanggal_sk_pns'];

describe('file formats of the field', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let district: DemoDistrict;
  let rows: Row[];
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    host = await openTestHost(dir);
    district = generateDemoDistrict({ employees: 120, seed: 5, asOf: TEST_TODAY });
    rows = siasnRows(district);
  });
  afterAll(() => host.close());

  const expectAllNew = (preview: { counts: { rows: number; accepted: number; rejected: number }; diff: { new: number } }, n = 120) => {
    expect(preview.counts).toMatchObject({ rows: n, accepted: n, rejected: 0 });
    expect(preview.diff.new).toBe(n);
  };

  it('CSV with ";" (Indonesian Excel), UTF-8 with BOM, quoted fields with ";" and line breaks inside', async () => {
    const withBreaks = rows.map((r, i) => (i % 10 === 0 ? { ...r, alamat: `Jl. Merdeka; Gg. Mawar No. ${i}\nRT 01/RW 02` } : r));
    writeDelimited(file('semicolon.csv'), SIASN_HEADER, withBreaks, { delimiter: ';', encoding: 'utf-8-bom' });
    const preview = await previewFile(host, file('semicolon.csv'));
    expect(preview.file).toMatchObject({ delimiter: ';', encoding: 'utf-8-bom' });
    expectAllNew(preview);
  });

  it('CSV with "," and Windows-1252, where gelar like "S.E., M.Si." are quoted', async () => {
    const accented = rows.map((r, i) => (i === 3 ? { ...r, nama: 'RENÉ SIMANJUNTAK' } : r));
    writeDelimited(file('comma.csv'), SIASN_HEADER, accented, { delimiter: ',', encoding: 'windows-1252' });
    expect(fs.readFileSync(file('comma.csv'), 'latin1')).toMatch(/"[^"]*\., [^"]*"/);
    const preview = await previewFile(host, file('comma.csv'));
    expect(preview.file).toMatchObject({ delimiter: ',', encoding: 'windows-1252' });
    expectAllNew(preview);
    const withAccent = expectOk(await host.call('import:diffRows', { previewId: preview.previewId, category: 'new', search: 'rené' }));
    expect(withAccent.rows.map((r) => r.name)).toEqual(['RENÉ SIMANJUNTAK']);
  });

  it('XLSX with title rows above the header, on the second of several sheets, dates as Excel dates', async () => {
    await writeXlsx(file('berkas.xlsx'), [
      { name: 'Petunjuk', columns: ['Isi lembar ini'], rows: [{ 'Isi lembar ini': 'Data ada di lembar berikutnya.' }] },
      { name: 'Data Utama', columns: SIASN_HEADER, rows, titleRows: ['DATA UTAMA PNS', 'Pemerintah Kabupaten Sindangraja, per 1 November 2026'], excelDates: DATE_COLUMNS },
      { name: 'Rekap', columns: ['unit', 'jumlah'], rows: [{ unit: 'Dinas Kesehatan', jumlah: 12 }] },
    ]);
    const preview = await previewFile(host, file('berkas.xlsx'));
    expect(preview.file.format).toBe('xlsx');
    expect(preview.sheet).toBe('Data Utama');
    expect(preview.sheets).toEqual([
      { name: 'Petunjuk', detectedKind: null }, { name: 'Data Utama', detectedKind: 'pegawai' }, { name: 'Rekap', detectedKind: null },
    ]);
    expect(preview.headerRow).toBe(3);
    expectAllNew(preview);
    // Row numbers are the sheet's: the first data row is row 4.
    const newRows = expectOk(await host.call('import:diffRows', { previewId: preview.previewId, category: 'new', limit: 1 }));
    expect(newRows.rows[0].row).toBe(4);
    // The dates are the district's, read from Excel serials.
    const e = district.employees[0];
    expect(preview.counts.rejected).toBe(0);
    const commit = await commitPreview(host, preview.previewId);
    const [stored] = await queryOn(host, 'SELECT birth_date, cpns_tmt FROM employee WHERE nip = ?', [e.nip]);
    expect(stored).toEqual({ birth_date: e.birthDate, cpns_tmt: e.cpnsTmt });
    expectOk(await host.call('import:undo', { snapshotId: commit.snapshotId, jobId: `job-undo-${Date.now()}` }));
  });

  it('XLSX: another sheet can be chosen by name', async () => {
    const preview = await previewFile(host, file('berkas.xlsx'), { sheet: 'Rekap' });
    expect(preview.sheet).toBe('Rekap');
    expect(preview.kind).toBeNull();
    expect(preview.blocking[0]).toMatch(/Jenis berkas tidak dapat dikenali/);
  });

  it('dates as dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd and "12 Maret 1985" all read the same', async () => {
    const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
    const spell: Array<(d: string) => string> = [
      (d) => d.replace(/-/g, '/'),
      (d) => `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}`,
      (d) => `${Number(d.slice(0, 2))} ${months[Number(d.slice(3, 5)) - 1]} ${d.slice(6)}`,
    ];
    for (const [i, format] of spell.entries()) {
      const converted = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, DATE_COLUMNS.includes(k) && v ? format(String(v)) : v])));
      writeDelimited(file(`tanggal-${i}.csv`), SIASN_HEADER, converted, { delimiter: '|' });
      expectAllNew(await previewFile(host, file(`tanggal-${i}.csv`)));
    }
  });

  it('golongan as III/c, III c, 3c, Penata (III/c) or the SIASN code alone', async () => {
    const spellings: Array<(label: string, code: string, pangkat: string) => Row> = [
      (l) => ({ gol_akhir_nama: l.replace('/', ' '), gol_akhir_id: '' }),
      (l) => ({ gol_akhir_nama: `${['I', 'II', 'III', 'IV'].indexOf(l.split('/')[0]) + 1}${l.split('/')[1] ?? ''}`, gol_akhir_id: '' }),
      (l, _c, p) => ({ gol_akhir_nama: `${p} (${l})`, gol_akhir_id: '' }),
      (_l, c) => ({ gol_akhir_nama: '', gol_akhir_id: c }),
    ];
    const { golonganByCode } = await import('../../shared/domain/golongan');
    const pns = rows.filter((r) => r.jenis_pegawai_nama !== 'PPPK');
    const spelled = pns.map((r, i) => ({ ...r, ...spellings[i % spellings.length](String(r.gol_akhir_nama), String(r.gol_akhir_id), golonganByCode(Number(r.gol_akhir_id))!.pangkat!) }));
    writeDelimited(file('golongan.csv'), SIASN_HEADER, spelled, { delimiter: '|' });
    const preview = await previewFile(host, file('golongan.csv'));
    expectAllNew(preview, pns.length);
  });

  it('NIPs with spaces and an apostrophe prefix are read; NIPs stored as numbers or in scientific notation are caught', async () => {
    const mixed = rows.map((r, i) => {
      const nip = String(r.nip_baru);
      if (i % 4 === 1) return { ...r, nip_baru: `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` };
      if (i % 4 === 2) return { ...r, nip_baru: `'${nip}` };
      return r;
    });
    writeDelimited(file('nip-teks.csv'), SIASN_HEADER, mixed, { delimiter: '|' });
    expectAllNew(await previewFile(host, file('nip-teks.csv')));

    await writeXlsx(file('nip-angka.xlsx'), [{ name: 'Data', columns: SIASN_HEADER, rows: rows.slice(0, 10), numberColumns: ['nip_baru'] }]);
    const numbers = await previewFile(host, file('nip-angka.xlsx'));
    expect(numbers.counts).toMatchObject({ rows: 10, accepted: 0, rejected: 10 });
    const issues = await allIssues(host, numbers.previewId);
    expect(issues.filter((i) => i.column === 'nip_baru').every((i) => /tersimpan sebagai angka/.test(i.message))).toBe(true);

    const scientific = rows.slice(0, 5).map((r) => ({ ...r, nip_baru: '1.97701E+17' }));
    writeDelimited(file('nip-ilmiah.csv'), SIASN_HEADER, scientific, { delimiter: ';' });
    const sci = await previewFile(host, file('nip-ilmiah.csv'));
    expect(sci.counts.rejected).toBe(5);
    expect((await allIssues(host, sci.previewId)).filter((i) => i.column === 'nip_baru').every((i) => /notasi ilmiah/.test(i.message))).toBe(true);
  });

  it('headers are matched case- and space-insensitively, with the aliases importers use', async () => {
    const header = SIASN_HEADER.map((h) => (h === 'nip_baru' ? 'NIP BARU' : h === 'gelar_belakang' ? 'GELAR_BLK' : h === 'tanggal_lahir' ? 'Tgl. Lahir' : h.toUpperCase()));
    const renamed: Row[] = rows.map((r) => Object.fromEntries(SIASN_HEADER.map((h, i) => [header[i], r[h] ?? null])));
    writeDelimited(file('kapital.csv'), header, renamed, { delimiter: '|' });
    const preview = await previewFile(host, file('kapital.csv'));
    expect(preview.mapping.find((m) => m.header === 'Tgl. Lahir')?.field).toBe('tanggal_lahir');
    expect(preview.mapping.find((m) => m.header === 'GELAR_BLK')?.field).toBe('gelar_belakang');
    expectAllNew(preview);
  });

  it('unknown columns are shown and ignored; a mapping can be adjusted and saved as a profile', async () => {
    const custom = rows.map((r) => ({ 'Nomor Induk': r.nip_baru, 'Nama Lengkap Pegawai': r.nama, catatan_operator: 'cek', tanggal_lahir: r.tanggal_lahir, Golongan: r.gol_akhir_nama }));
    writeDelimited(file('kustom.csv'), ['Nomor Induk', 'Nama Lengkap Pegawai', 'catatan_operator', 'tanggal_lahir', 'Golongan'], custom, { delimiter: ';' });
    const unknown = await previewFile(host, file('kustom.csv'), { kind: 'pegawai' });
    expect(unknown.mapping.filter((m) => !m.known).map((m) => m.header)).toEqual(['Nomor Induk', 'Nama Lengkap Pegawai', 'catatan_operator']);
    expect(unknown.blocking[0]).toMatch(/Kolom wajib tidak ditemukan.*nip_baru.*nama/);
    const mapping = { nomor_induk: 'nip_baru', nama_lengkap_pegawai: 'nama' };
    const mapped = await previewFile(host, file('kustom.csv'), { kind: 'pegawai', mapping });
    expect(mapped.blocking).toEqual([]);
    expectAllNew(mapped);
    const { id } = expectOk(await host.call('import:saveProfile', { name: 'Ekspor SIMPEG lama', kind: 'pegawai', mapping }));
    const viaProfile = await previewFile(host, file('kustom.csv'), { kind: 'pegawai', profileId: id });
    expect(viaProfile.mapping.find((m) => m.header === 'Nomor Induk')?.field).toBe('nip_baru');
    expect(expectOk(await host.call('import:profiles', { kind: 'pegawai' })).map((p) => p.name)).toEqual(['Ekspor SIMPEG lama']);
  });

  it('the template of each kind is recognised as that kind when filled in', async () => {
    for (const kind of ['pegawai', 'skp', 'kompetensi', 'potensi', 'diklat'] as const) {
      const template = expectOk(await host.call('import:template', { kind }));
      const target = file(`templat-${kind}.xlsx`);
      fs.writeFileSync(target, Buffer.from(template.base64, 'base64'));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(target);
      const headers = (workbook.getWorksheet('Data')!.getRow(1).values as unknown[]).slice(1).map(String);
      if (kind !== 'kompetensi') expect(headers).toEqual(kind === 'pegawai' ? [...SIASN_HEADER] : IMPORT_SPECS[kind].fields.map((f) => f.key));
      const registered = await host.services.files.registerPath(target);
      const result = await host.call('import:preview', { fileId: registered.id });
      const preview = expectOk(result);
      expect(preview.detectedKind, kind).toBe(kind);
      expect(preview.blocking, kind).toEqual([]);
      expect(preview.counts.rows, kind).toBe(1);
    }
  });
});

describe('bad input: a clear message, nothing written', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let rows: Row[];
  const file = (name: string) => path.join(dir, name);
  const count = async () => (await queryOn(host, 'SELECT COUNT(*) AS n FROM employee'))[0].n;

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 60, seed: 3 });
    rows = siasnRows(generateDemoDistrict({ employees: 60, seed: 3, asOf: TEST_TODAY }));
  });
  afterAll(() => host.close());

  const refused = async (name: string, content: Buffer | string, message: RegExp) => {
    fs.writeFileSync(file(name), content);
    const before = await count();
    const registered = await host.services.files.registerPath(file(name));
    const result = await host.call('import:preview', { fileId: registered.id });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'validation', details: { rejectedFile: true } });
    expect(!result.ok && result.error.message).toMatch(message);
    expect(await count()).toBe(before);
  };

  it('not a CSV or XLSX', () => refused('laporan.csv', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3])]), /bukan CSV atau XLSX/));
  it('an empty file', () => refused('kosong.csv', '', /kosong/));
  it('a password-protected XLSX', () => refused('rahasia.xlsx',
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), Buffer.from('EncryptedPackage', 'utf16le')]), /dilindungi kata sandi/));
  it('a corrupt XLSX', () => refused('rusak.xlsx', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(400, 7)]), /rusak atau terpotong dan tidak dapat dibaca sebagai XLSX/));
  it('a legacy .xls', () => refused('lama.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]), /Excel 97–2003/));

  it('a file of 200 MB', async () => {
    fs.writeFileSync(file('besar.csv'), '');
    fs.truncateSync(file('besar.csv'), 200_000_000);
    await expect(host.services.files.registerPath(file('besar.csv'))).rejects.toThrow(/terlalu besar.*200 MB/);
  });

  it('a header without the required columns says which are missing', async () => {
    writeDelimited(file('skp-kurang.csv'), ['nip', 'tahun', 'periode'], [{ nip: rows[0].nip_baru, tahun: 2025, periode: 'Tahunan' }], { delimiter: ';' });
    const preview = await previewFile(host, file('skp-kurang.csv'), { kind: 'skp' });
    expect(preview.blocking).toEqual([expect.stringMatching(/Kolom wajib tidak ditemukan.*hasil_kerja \+ perilaku_kerja atau nilai atau predikat/)]);
    const commit = await host.call('import:commit', { previewId: preview.previewId, jobId: 'job-blocked-commit' });
    expect(commit).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('duplicate NIPs inside the file: the first row kept and the rest rejected by default, or all rejected', async () => {
    const dup = [...rows.slice(0, 10), { ...rows[3] }, { ...rows[3], nama: 'NAMA LAIN' }];
    writeDelimited(file('ganda.csv'), SIASN_HEADER, dup, { delimiter: '|' });
    const preview = await previewFile(host, file('ganda.csv'));
    expect(preview.options.duplicates).toBe('keep-first');
    // The repeated row repeats its pns_id too: two groups (NIP and ID PNS) over the same rows.
    expect(preview.duplicateGroups).toBe(2);
    const kept = (await allIssues(host, preview.previewId)).filter((i) => i.column === 'nip_baru' && i.severity === 'error');
    expect(kept.map((i) => i.row)).toEqual([12, 13]);
    expect(kept[0].message).toMatch(/sudah ada di baris 5; baris ini ditolak dan baris 5 yang dipakai/);
    expect(preview.counts).toMatchObject({ rows: 12, rejected: 2, accepted: 10 });

    const strict = expectOk(await host.call('import:replan', { previewId: preview.previewId, createMissing: preview.options.createMissing, markAbsent: false, duplicates: 'reject-all' }));
    expect(strict.options.duplicates).toBe('reject-all');
    const all = (await allIssues(host, preview.previewId)).filter((i) => /muncul 3 kali/.test(i.message) && i.column === 'nip_baru');
    expect(all.map((i) => i.row)).toEqual([5, 12, 13]);
    expect(strict.counts.rejected).toBe(3);
  });

  it('impossible dates, unknown golongan and invalid NIPs reject their rows only', async () => {
    const bad = rows.slice(0, 6).map((r, i) => (i === 0 ? { ...r, tmt_cpns: '30-02-2010' } : i === 1 ? { ...r, gol_akhir_nama: 'V/a', gol_akhir_id: '' } : i === 2 ? { ...r, nip_baru: '19850312201001100' } : r));
    writeDelimited(file('salah.csv'), SIASN_HEADER, bad, { delimiter: '|' });
    const preview = await previewFile(host, file('salah.csv'));
    expect(preview.counts).toMatchObject({ rows: 6, rejected: 3, accepted: 3 });
    const errors = (await allIssues(host, preview.previewId)).filter((i) => i.severity === 'error');
    expect(errors.map((e) => [e.row, e.column])).toEqual([[2, 'tmt_cpns'], [3, 'gol_akhir_nama'], [4, 'nip_baru']]);
    expect(errors[2].message).toMatch(/18 digit.*nol di depan/);
  });

  it('a unit or position not in the database: rejected unless creating them is allowed', async () => {
    const fresh = rows.slice(0, 5).map((r, i) => (i < 2 ? { ...r, unor_id: `UNOR-BARU-${i}`, unor_nama: `Bidang Baru ${i}` } : i === 2 ? { ...r, jabatan_id: 'JAB-BARU', jabatan_nama: 'Analis Kebijakan Ahli Muda' } : r));
    writeDelimited(file('referensi.csv'), SIASN_HEADER, fresh, { delimiter: '|' });
    const rejecting = await previewFile(host, file('referensi.csv'), { createMissing: false });
    expect(rejecting.counts.rejected).toBe(3);
    const messages = (await allIssues(host, rejecting.previewId)).filter((i) => i.severity === 'error').map((i) => i.message);
    expect(messages).toEqual([
      expect.stringMatching(/Unit kerja "Bidang Baru 0" \(kode UNOR-BARU-0\) belum ada di database/),
      expect.stringMatching(/Unit kerja "Bidang Baru 1"/),
      expect.stringMatching(/Jabatan "Analis Kebijakan Ahli Muda" \(kode JAB-BARU\) belum ada/),
    ]);
    const creating = expectOk(await host.call('import:replan', { previewId: rejecting.previewId, createMissing: true, markAbsent: false }));
    expect(creating.counts.rejected).toBe(0);
    expect(creating.newUnits.map((u) => u.name)).toEqual(['Bidang Baru 0', 'Bidang Baru 1']);
    expect(creating.newPositions).toEqual([{ name: 'Analis Kebijakan Ahli Muda', code: 'JAB-BARU', level: 'ahli_muda', levelLabel: 'JF Ahli Muda', inferred: 'dari nama jabatan' }]);
  });

  it('mixed date formats in one column: the rows in the minority format are rejected with an explanation', async () => {
    const mixed = rows.slice(0, 10).map((r, i) => (i === 7 ? { ...r, tanggal_lahir: `${String(r.tanggal_lahir).slice(6)}-${String(r.tanggal_lahir).slice(3, 5)}-${String(r.tanggal_lahir).slice(0, 2)}` } : r));
    writeDelimited(file('campur.csv'), SIASN_HEADER, mixed, { delimiter: '|' });
    const preview = await previewFile(host, file('campur.csv'));
    const errors = (await allIssues(host, preview.previewId)).filter((i) => i.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ row: 9, column: 'tanggal_lahir', message: expect.stringMatching(/berbeda dari baris lain.*sebagian besar hh-bb-tttt/) })]);
  });

  it('every row rejected: nothing is committed, the rejected rows can be exported with their messages', async () => {
    const hopeless = rows.slice(0, 4).map((r) => ({ ...r, nip_baru: 'BUKAN-NIP' }));
    writeDelimited(file('semua-salah.csv'), SIASN_HEADER, hopeless, { delimiter: '|' });
    const preview = await previewFile(host, file('semua-salah.csv'));
    expect(preview.counts).toMatchObject({ rows: 4, accepted: 0, rejected: 4 });
    const commit = await host.call('import:commit', { previewId: preview.previewId, jobId: 'job-nothing' });
    expect(commit).toMatchObject({ ok: false, error: { code: 'validation', details: { rejectedFile: true } } });
    const exported = expectOk(await host.call('import:rejectedXlsx', { previewId: preview.previewId }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Baris ditolak')!;
    expect(sheet.rowCount).toBe(5);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 67)).toEqual([...SIASN_HEADER]);
    expect(header.slice(67)).toEqual(['keterangan_kesalahan', 'baris_asal']);
    expect(String(sheet.getRow(2).getCell(68).value)).toMatch(/nip_baru: NIP hanya boleh berisi angka/);
    expect(sheet.getRow(2).getCell(69).value).toBe(2);
  });
});
