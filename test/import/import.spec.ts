// Impor Data through the real wizard in Chromium: a SIASN snapshot made by the demo generator (the same district
// the demo database holds, with known changes and known mistakes), uploaded through the web host; the preview's
// counts and diff; the rejected rows exported as XLSX, fixed and dropped back in; commit with progress; history
// and undo.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited, type Row } from '../../main/demo/import-files';
import { TEST_TODAY } from '../today';
import { formatNumberId } from '../../shared/format/id-format';
import { expect, firstRow, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

const EMPLOYEES = 1200;
test.use({ demoEmployees: EMPLOYEES });

test('a SIASN snapshot through the wizard: diff counts, rejected rows exported and re-imported, commit, undo', async ({ page, jenjang }) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-e2e-import-'));

  // The district the fixture loaded (CLI demo: seed 2026, today), as next month's export.
  const district = generateDemoDistrict({ employees: EMPLOYEES, seed: 2026, asOf: TEST_TODAY });
  const rows = siasnRows(district) as Row[];
  const active = rows.filter((r) => r.kedudukan_hukum_nama === 'Aktif');
  const promoted = active.filter((r) => r.gol_akhir_nama === 'III/b' && r.jenis_pegawai_nama !== 'PPPK').slice(0, 7);
  for (const r of promoted) Object.assign(r, { gol_akhir_id: '33', gol_akhir_nama: 'III/c', tmt_golongan: '01-10-2026' });
  const gone = new Set(active.filter((r) => !promoted.includes(r)).slice(-3).map((r) => String(r.nip_baru)));
  const kept = rows.filter((r) => !gone.has(String(r.nip_baru)));
  // Four rows with the mistakes the wizard must catch (each on an unchanged employee).
  const broken = active.filter((r) => !promoted.includes(r) && !gone.has(String(r.nip_baru))).slice(0, 4);
  const originals = broken.map((r) => ({ ...r }));
  broken[0].tanggal_lahir = '31-02-1980';
  broken[1].gol_akhir_nama = 'III/f';
  broken[1].gol_akhir_id = '';
  broken[2].jenis_kelamin = 'X';
  broken[3].tmt_cpns = '2010/13/01';
  // Two new CPNS.
  const base = active[20];
  kept.push({ ...base, pns_id: 'E2E-1', nip_baru: '199805052026101001', nip_lama: '', nama: 'RAHMAT HIDAYAT', tanggal_lahir: '05-05-1998', jenis_kelamin: 'M', status_cpns_pns: 'C', tmt_cpns: '01-10-2026', tmt_pns: '', gol_akhir_id: '31', gol_akhir_nama: 'III/a', tmt_golongan: '01-10-2026', tmt_jabatan: '01-10-2026', tahun_lulus: '2020' });
  kept.push({ ...base, pns_id: 'E2E-2', nip_baru: '199907072026102001', nip_lama: '', nama: 'DEWI LESTARI', tanggal_lahir: '07-07-1999', jenis_kelamin: 'F', status_cpns_pns: 'C', tmt_cpns: '01-10-2026', tmt_pns: '', gol_akhir_id: '31', gol_akhir_nama: 'III/a', tmt_golongan: '01-10-2026', tmt_jabatan: '01-10-2026', tahun_lulus: '2021' });
  const snapshot = path.join(dir, 'siasn-data-utama-2026-11.csv');
  writeDelimited(snapshot, SIASN_HEADER, kept, { delimiter: '|' });
  const unchanged = EMPLOYEES - gone.size - promoted.length - broken.length;

  await jenjang.open(page, '#/impor');
  await expect(page.getByRole('heading', { level: 1, name: 'Impor Data' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Belum ada impor' })).toBeVisible();
  await saveArtifact(page, 'impor-1-pilih-berkas');

  // Choose the file (the hidden input behind "Pilih berkas…"); it is streamed to the web host, then checked.
  await page.getByLabel('Berkas impor').setInputFiles(snapshot);
  await expect(page.getByTestId('count-rows')).toHaveText(formatNumberId(kept.length));
  await expect(page.getByTestId('count-accepted')).toHaveText(formatNumberId(kept.length - 4));
  await expect(page.getByTestId('count-rejected')).toHaveText('4');
  await expect(page.getByLabel('Jenis data')).toHaveValue('pegawai');
  await expect(page.getByTestId('diff-new')).toHaveText('2');
  await expect(page.getByTestId('diff-changed')).toHaveText(String(promoted.length));
  await expect(page.getByTestId('diff-absent')).toHaveText(String(gone.size));
  await expect(page.getByTestId('diff-unchanged')).toHaveText(formatNumberId(unchanged));

  // Changed field by field: golongan III/b → III/c.
  await page.getByRole('button', { name: /Berubah/ }).click();
  const changedRow = page.getByRole('table', { name: 'Baris perbandingan' }).getByRole('row').filter({ hasText: String(promoted[0].nama) });
  await expect(changedRow).toContainText('III/b');
  await expect(changedRow).toContainText('III/c');
  await saveArtifact(page, 'impor-2-pratinjau-selisih');

  // Only errors, then only one column.
  const issues = page.getByRole('region', { name: 'Masalah per baris' });
  await issues.getByLabel('Tingkat masalah').selectOption('error');
  await expect(issues.getByTestId('issue-count')).toHaveText('4 masalah');
  await expect(issues.getByRole('table', { name: 'Daftar masalah' })).toContainText('tidak ada di kalender');
  await issues.getByLabel('Kolom').selectOption('gol_akhir_nama');
  await expect(issues.getByTestId('issue-count')).toHaveText('1 masalah');
  await expect(issues.getByRole('table', { name: 'Daftar masalah' })).toContainText('III/f');
  await issues.scrollIntoViewIfNeeded();
  await saveArtifact(page, 'impor-3-masalah');

  // The rejected rows as XLSX: the original columns, the messages, the original row numbers.
  const downloading = page.waitForEvent('download');
  await issues.getByRole('button', { name: 'Ekspor baris ditolak (XLSX)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('siasn-data-utama-2026-11-baris-ditolak.xlsx');
  const rejectedFile = path.join(dir, 'ditolak.xlsx');
  await download.saveAs(rejectedFile);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(rejectedFile);
  const sheet = workbook.getWorksheet('Baris ditolak')!;
  expect(sheet.rowCount).toBe(5);
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  expect(header).toEqual([...SIASN_HEADER, 'keterangan_kesalahan', 'baris_asal']);
  const nipColumn = header.indexOf('nip_baru') + 1;
  const exportedNips = [2, 3, 4, 5].map((r) => String(sheet.getRow(r).getCell(nipColumn).value));
  expect(exportedNips.sort()).toEqual(broken.map((r) => String(r.nip_baru)).sort());
  expect(String(sheet.getRow(2).getCell(header.length - 1).value)).toMatch(/tanggal_lahir|gol_akhir_nama|jenis_kelamin|tmt_cpns/);

  // Commit, with progress; the absent employees keep their status (the option is off).
  await page.getByRole('button', { name: /^Simpan [\d.]+ baris ke database$/ }).click();
  await expect(page.getByTestId('import-done')).toContainText(`${formatNumberId(kept.length - 4)} baris diterima, 4 ditolak`);
  const history = page.getByRole('table', { name: 'Riwayat impor' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('siasn-data-utama-2026-11.csv');
  await expect(history).toContainText('2 baru · 7 berubah · 3 tidak ada');
  await history.scrollIntoViewIfNeeded();
  await saveArtifact(page, 'impor-4-selesai-riwayat');
  const promotedNip = String(promoted[0].nip_baru);
  const list = await jenjang.call<{ rows: Array<{ nip: string; golongan: number }> }>('employees:list', { search: promotedNip });
  expect(firstRow(list.rows, 'the promoted employee is found by NIP')).toMatchObject({ nip: promotedNip, golongan: 33 });

  // Fix the rejected rows in the exported workbook and drop it on the page: the same upload, a second snapshot.
  for (let r = 2; r <= 5; r++) {
    const target = sheet.getRow(r);
    const original = originals.find((o) => String(o.nip_baru) === String(target.getCell(nipColumn).value))!;
    for (const column of SIASN_HEADER) target.getCell(header.indexOf(column) + 1).value = original[column] === null ? null : String(original[column]);
  }
  const fixedFile = path.join(dir, 'ditolak-diperbaiki.xlsx');
  await workbook.xlsx.writeFile(fixedFile);
  await page.getByRole('button', { name: 'Impor berkas lain' }).click();
  const bytes = fs.readFileSync(fixedFile).toString('base64');
  const transfer = await page.evaluateHandle((data) => {
    const binary = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([binary], 'ditolak-diperbaiki.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    return dt;
  }, bytes);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('count-rows')).toHaveText('4');
  await expect(page.getByTestId('count-rejected')).toHaveText('0');
  // These four employees are in the database already, unchanged: the fixed rows are simply accepted.
  await expect(page.getByTestId('diff-unchanged')).toHaveText('4');
  await page.getByRole('button', { name: 'Ganti berkas' }).click();

  // Undo the snapshot from the history, with confirmation.
  await history.getByRole('row').filter({ hasText: 'siasn-data-utama-2026-11.csv' }).getByRole('button', { name: 'Batalkan…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Batalkan impor?' });
  await expect(confirm).toContainText('Database dikembalikan ke keadaan sebelum impor');
  await saveArtifact(page, 'impor-5-konfirmasi-batal');
  await confirm.getByRole('button', { name: 'Ya, batalkan impor ini' }).click();
  await expect(page.getByText(/Impor siasn-data-utama-2026-11\.csv dibatalkan/)).toBeVisible();
  await expect(history).toContainText('Dibatalkan');
  const after = await jenjang.call<{ rows: Array<{ nip: string; golongan: number }> }>('employees:list', { search: promotedNip });
  expect(firstRow(after.rows, 'the promoted employee is still found after the undo')).toMatchObject({ nip: promotedNip, golongan: 32 });
  const newcomer = await jenjang.call<{ total: number }>('employees:list', { search: '199805052026101001' });
  expect(newcomer.total).toBe(0);
  await saveArtifact(page, 'impor-6-dibatalkan');

  expect(problems).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the sample file makes the wizard meaningful on the demo district', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  await jenjang.open(page, '#/impor');
  await page.getByRole('button', { name: 'Coba dengan berkas contoh' }).click();
  await expect(page.getByLabel('Jenis data')).toHaveValue('pegawai');
  // The demo district has units: the new CPNS in a new position is rejected until creating it is ticked.
  const createMissing = page.getByRole('checkbox', { name: /Buat unit kerja dan jabatan yang belum ada di database/ });
  await expect(createMissing).not.toBeChecked();
  await expect(page.getByTestId('count-rejected')).toHaveText('3');
  await createMissing.click();
  await expect(createMissing).toBeChecked();
  await expect(page.getByTestId('count-rejected')).toHaveText('2');
  await expect(page.getByTestId('diff-new')).toHaveText('6');
  await expect(page.getByText('Jabatan baru: 1')).toBeVisible();
  await page.getByText('Jabatan baru: 1').click();
  await expect(page.getByText('Penelaah Teknis Kebijakan')).toBeVisible();
  expect(Number((await page.getByTestId('diff-changed').textContent())!.replace(/\./g, ''))).toBeGreaterThan(0);
  await saveArtifact(page, 'impor-contoh');
  expect(problems).toEqual([]);
});
