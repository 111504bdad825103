// `npm run cli -- report …` as a user runs it: argument mistakes are refused with one clear line before any
// browser starts, and XLSX output. The PDF path (with Chromium and pdftotext) is in test/reports/report-pdf.spec.ts.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Args } from '../../main/cli/args';
import { reportCommand } from '../../main/cli/commands/report.command';
import { AppError } from '../../shared/errors';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-db';

describe('npm run cli -- report', () => {
  const dir = tempDir();
  const db = path.join(dir, 'demo.sqlite');
  beforeAll(() => {
    const demo = runCli(['demo', '--db', db, '--employees', '800', '--seed', '4']);
    expect(demo.code, demo.stderr).toBe(0);
  });

  // In process (each spawn costs two seconds): the command itself, minus the top-level wrapper that turns its
  // AppError into one stderr line, which the spawned cases below and test/platform/cli.test.ts cover.
  it.each([
    [['--db', 'x.sqlite', '--out', 'a.pdf'], /^Sebutkan nama laporan: profil-pegawai, peta-karier, peta-kompetensi, rekap-kinerja, manajemen-talenta, berita-acara-talenta, rencana-suksesi, proyeksi-pensiun, daftar-nominatif, duk, usulan-pensiun, usulan-kenaikan-pangkat, usulan-kgb, usulan-satyalancana, usulan-anggaran-pengembangan\.$/],
    [['proyeksi-pensiun', '--db', 'x.sqlite'], /^Opsi --out wajib diisi\.$/],
    [['proyeksi-pensiun', '--db', 'x.sqlite', '--out', 'a.docx'], /^--out harus berakhiran \.pdf atau \.xlsx, bukan "a\.docx"\.$/],
    [['proyeksi-pensiun', '--db', 'x.sqlite', '--out', 'a.pdf', '--param', 'unit'], /^--param harus berbentuk nama=nilai, bukan "unit"\.$/],
    [['proyeksi-pensiun', '--db', 'x.sqlite', '--out', 'a.pdf', '--param', 'years=2', '--param', 'years=3'], /^Parameter years disebut lebih dari sekali\.$/],
    [['proyeksi-pensiun', '--db', 'x.sqlite', '--out', 'a.pdf', '--param', 'tahun=2027'], /^Parameter tidak dikenal untuk laporan Proyeksi Pensiun: tahun\. Yang dikenal: unit, fromYear, years\.$/],
    [['proyeksi-pensiun', '--db', 'x.sqlite', '--out', 'a.pdf', '--param', 'fromYear=27'], /^Tahun awal harus tahun empat angka, misalnya 2027\.$/],
    [['profil-pegawai', '--db', 'x.sqlite', '--out', 'a.pdf'], /^Parameter nip wajib diisi untuk laporan Profil Pegawai\.$/],
    [['proyeksi-pensiun', 'rekap-kinerja', '--db', 'x.sqlite', '--out', 'a.pdf'], /^Hanya satu laporan per perintah/],
    [['proyeksi-pensiun', '--db', 'x.sqlite', '--out', 'a.pdf', '--warna', 'merah'], /^Opsi tidak dikenal: --warna\.$/],
  ])('refuses %j before opening anything', async (args, message) => {
    const io = { out: () => undefined, note: () => undefined };
    const run = reportCommand.run(new Args(args.map((a) => (a.startsWith('a.') ? path.join(dir, a) : a))), io);
    await expect(run).rejects.toBeInstanceOf(AppError);
    await expect(run).rejects.toThrow(message);
  });

  it('answers an unknown report name with one line on stderr and exit code 1', () => {
    const result = runCli(['report', 'laporan-gaji', '--db', db, '--out', path.join(dir, 'gaji.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('jenjang: Laporan "laporan-gaji" tidak dikenal; pilih salah satu dari: profil-pegawai, peta-karier, peta-kompetensi, rekap-kinerja, manajemen-talenta, berita-acara-talenta, rencana-suksesi, proyeksi-pensiun, daftar-nominatif, duk, usulan-pensiun, usulan-kenaikan-pangkat, usulan-kgb, usulan-satyalancana, usulan-anggaran-pengembangan.');
  });

  it('refuses to overwrite an existing file unless --force, and leaves it untouched', async () => {
    const out = path.join(dir, 'ada.xlsx');
    fs.writeFileSync(out, 'milik pengguna');
    await expect(reportCommand.run(new Args(['proyeksi-pensiun', '--db', db, '--out', out]), { out: () => undefined, note: () => undefined }))
      .rejects.toThrow(/sudah ada; pakai --force untuk menimpanya/);
    expect(fs.readFileSync(out, 'utf8')).toBe('milik pengguna');
  });

  it('writes the report\'s tables as XLSX, with --json on stdout only', async () => {
    const out = path.join(dir, 'proyeksi.xlsx');
    const result = runCli(['report', 'proyeksi-pensiun', '--db', db, '--out', out, '--param', 'fromYear=2028', '--as-of', '2026-11-24', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ report: 'proyeksi-pensiun', title: 'Proyeksi Pensiun Pegawai ASN 2028–2032', format: 'xlsx', status: 'ready', pages: null, out });
    expect(summary.bytes).toBe(fs.statSync(out).size);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets).toHaveLength(3);
    expect(String(workbook.worksheets[0].getCell('A1').value)).toBe('Pensiun per tahun');
  });

  it('cannot export XLSX of a report with no data for its parameters, says why, and writes nothing', async () => {
    const out = path.join(dir, 'kinerja-1995.xlsx');
    await expect(reportCommand.run(new Args(['rekap-kinerja', '--db', db, '--out', out, '--param', 'year=1995']), { out: () => undefined, note: () => undefined }))
      .rejects.toThrow(/^Tidak ada yang dapat diekspor\. Tidak ada SKP tahunan pegawai aktif untuk tahun 1995/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('is listed in the help', () => {
    const help = runCli(['help']);
    expect(help.stdout).toContain('report NAME --db PATH --out FILE.pdf|FILE.xlsx [--param nama=nilai]… [--untuk-pimpinan] [--as-of YYYY-MM-DD] [--force] [--json]');
  });
});
