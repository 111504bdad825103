// The Laporan page and the agency identity in Pengaturan, through the real UI on the web host: live preview,
// "Ekspor PDF" (the web host's headless printer with its scoped token) and "Ekspor XLSX", the employee picker,
// honest "data belum tersedia" reports, and the letterhead settings with logo validation.

import ExcelJS from 'exceljs';
import { openDatabaseFile, type SqliteDatabase } from '../helpers/sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { formatNip } from '../../shared/domain/nip';
import { REPORT_IDS } from '../../shared/reports/catalogue';
import { expect, pickUnit, ROOT, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';
import { pdfInfo, pdfText, savePageImage } from '../helpers/pdf-tools';

test.use({ demoEmployees: 1500 });

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

test('Laporan: preview the retirement projection, export it as PDF and XLSX, then a profile and a report without data', async ({ page, jenjang }) => {
  // Five reports previewed and a PDF printed by a headless Chromium launched for it: more than the default
  // budget on a machine shared with other work.
  test.setTimeout(240_000);
  const problems = watchConsole(page);
  const stats = await jenjang.call<{ retirements: Record<string, number> }>('stats:overview', {});
  await jenjang.open(page, '#/laporan/proyeksi-pensiun');

  const catalogue = page.getByRole('navigation', { name: 'Katalog laporan' });
  // The Administrator sees every report of the catalogue.
  await expect(catalogue.getByRole('link')).toHaveCount(REPORT_IDS.length);
  await expect(catalogue.getByText('menunggu data')).toHaveCount(0);

  // Live preview: the same document as the PDF, with the demo letterhead and the same numbers as Beranda.
  const preview = page.getByRole('region', { name: 'Laporan Proyeksi Pensiun' }).getByLabel('Pratinjau laporan');
  await expect(preview.getByRole('heading', { name: /Proyeksi Pensiun Pegawai ASN \d{4}–\d{4}/ })).toBeVisible();
  await expect(preview.getByLabel('Kop surat')).toContainText('Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
  const total = Object.values(stats.retirements).reduce((a, b) => a + b, 0);
  await expect(preview.getByRole('table', { name: 'Pensiun per tahun dan jenis jabatan' }).locator('tfoot')).toContainText(String(total));
  await expect(preview.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(preview.getByLabel('Tanda tangan')).toContainText(/Sindangraja, \d{1,2} \w+ \d{4}/);
  await saveArtifact(page, 'laporan-proyeksi-pensiun');

  // One OPD over two years: the URL carries the parameters, the preview follows.
  const [unit] = await jenjangQuery(jenjang.dbPath, `SELECT id, name FROM unit WHERE name = 'Dinas Kesehatan'`);
  await pickUnit(page, unit.name);
  await page.getByLabel('Jumlah tahun').fill('2');
  await page.getByLabel('Jumlah tahun').press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/laporan/proyeksi-pensiun\\?unit=${unit.id}&years=2$`));
  await expect(preview.getByRole('table', { name: 'Parameter laporan' })).toContainText('Dinas Kesehatan');
  await expect(preview.getByRole('heading', { name: /Proyeksi Pensiun Pegawai ASN \d{4}–\d{4}/ })).toBeVisible();

  // Ekspor PDF: printed by the web host's headless Chromium, saved as a download.
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(new RegExp(`^proyeksi-pensiun-${unit.id}-2-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const pdfPath = (await pdf.path())!;
  const info = pdfInfo(pdfPath);
  const text = squeeze(pdfText(pdfPath));
  expect(text).toContain('PEMERINTAH KABUPATEN SINDANGRAJA');
  expect(text).toContain('Unit kerja : Dinas Kesehatan');
  expect(text).toContain(`Halaman 1 dari ${info.pages}`);
  await expect(page.getByText(/PDF Proyeksi Pensiun \(\d+ halaman\) disimpan/)).toBeVisible();
  savePageImage(pdfPath, 'ui-proyeksi-pensiun-dinkes');

  // Ekspor XLSX: the report's tables, one sheet each.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor XLSX' }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await (await xlsxDownload).path())!);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Pensiun per tahun', 'Pensiun per unit kerja', 'Daftar pegawai yang pensiun']);

  // Profil Pegawai: pick someone by name, see their NIP in the preview.
  await catalogue.getByRole('link', { name: /Profil Pegawai/ }).click();
  await expect(page.getByText('Pilih pegawai', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ekspor PDF' })).toBeDisabled();
  const [someone] = await jenjangQuery(jenjang.dbPath, `SELECT nip, name FROM employee WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 10`);
  const picker = page.getByRole('combobox', { name: 'Pegawai' });
  await picker.fill(someone.name);
  await page.getByRole('option').filter({ hasText: formatNip(someone.nip) }).click();
  await expect(page).toHaveURL(new RegExp(`#/laporan/profil-pegawai\\?nip=${someone.nip}$`));
  const profilePreview = page.getByLabel('Pratinjau laporan');
  await expect(profilePreview.getByRole('table', { name: 'Identitas pegawai' })).toContainText(formatNip(someone.nip));
  await expect(profilePreview.getByRole('region', { name: 'Riwayat Kinerja (SKP)' })).toContainText('Tahunan');
  await saveArtifact(page, 'laporan-profil-pegawai');

  // Rencana Suksesi and Manajemen Talenta: the capabilities' figures, previewed like the others.
  await catalogue.getByRole('link', { name: /Rencana Suksesi/ }).click();
  await expect(page.getByLabel('Pratinjau laporan').getByRole('region', { name: 'Jabatan kritikal dan kekuatan suksesi' })).toBeVisible();
  await expect(page.getByLabel('Pratinjau laporan').getByRole('table', { name: 'Jabatan kritikal', exact: true })).toContainText(/Tinggi|Sedang|Rendah/);
  await expect(page.getByRole('button', { name: 'Ekspor XLSX' })).toBeEnabled();
  await saveArtifact(page, 'laporan-rencana-suksesi');
  await catalogue.getByRole('link', { name: /Manajemen Talenta/ }).click();
  await expect(page.getByLabel('Pratinjau laporan').getByRole('grid', { name: 'Kotak 9', exact: true })).toContainText('Kotak 9');
  await saveArtifact(page, 'laporan-manajemen-talenta');
  expect(problems).toEqual([]);
});

test('Pengaturan: the demo letterhead, a refused logo, a new logo and a changed office name reach the reports', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  await jenjang.open(page, '#/pengaturan');
  const section = page.getByTestId('agency-identity');
  await expect(section.getByLabel('Nama instansi')).toHaveValue('Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
  await expect(section.getByRole('img', { name: 'Logo instansi saat ini' })).toBeVisible();
  await expect(section.getByText('Belum lengkap')).toHaveCount(0);

  // A JPEG is refused with a clear message; the stored logo stays.
  const jpeg = path.join(path.dirname(jenjang.dbPath), 'foto.jpg');
  fs.writeFileSync(jpeg, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]));
  await section.getByLabel('Berkas logo').setInputFiles(jpeg);
  await expect(section.getByRole('alert')).toHaveText('Logo harus berkas PNG atau SVG; berkas ini JPEG. Simpan ulang gambarnya sebagai PNG.');
  await expect(section.getByText('logo-kabupaten-sindangraja.svg')).toBeVisible();

  // A PNG is accepted, and a field being edited meanwhile keeps what was typed.
  await section.getByLabel('Nama instansi').fill('Badan Kepegawaian Daerah');
  await section.getByLabel('Berkas logo').setInputFiles(path.join(ROOT, 'assets/icon.png'));
  await expect(section.getByText(/^icon\.png · \d+ KB$/)).toBeVisible();
  await expect(section.getByLabel('Nama instansi')).toHaveValue('Badan Kepegawaian Daerah');

  // An invalid NIP is refused at its field; the new office name is saved and shows in the kop preview.
  await section.getByLabel('NIP penanda tangan').fill('1234');
  await section.getByRole('button', { name: 'Simpan identitas instansi' }).click();
  await expect(section.getByText('NIP penanda tangan harus 18 angka.')).toBeVisible();
  await section.getByLabel('NIP penanda tangan').fill('19720402 199709 1 001');
  await expect(section.getByLabel('Pratinjau kop surat')).toContainText('Badan Kepegawaian Daerah');
  await section.getByRole('button', { name: 'Simpan identitas instansi' }).click();
  await expect(page.getByText('Identitas instansi disimpan; laporan berikutnya memakainya.')).toBeVisible();
  await saveArtifact(page, 'pengaturan-identitas-instansi');

  const document = await jenjang.call<{ agency: { identity: { officeName: string }; logo: { fileName: string } } }>('reports:render', { reportId: 'rekap-kinerja', params: {} });
  expect(document.agency.identity.officeName).toBe('Badan Kepegawaian Daerah');
  expect(document.agency.logo.fileName).toBe('icon.png');

  // Removing the logo asks first.
  await section.getByRole('button', { name: 'Hapus logo' }).click();
  const confirm = page.getByRole('dialog', { name: 'Hapus logo kop surat?' });
  await confirm.getByRole('button', { name: 'Hapus logo' }).click();
  await expect(section.getByText('Belum ada logo.')).toBeVisible();
  await expect(section.getByText(/Belum lengkap untuk kop surat dan tanda tangan: Logo\./)).toBeVisible();
  expect(problems).toEqual([]);
});

test('the employee profile opens its printable profile', async ({ page, jenjang }) => {
  const [someone] = await jenjangQuery(jenjang.dbPath, `SELECT id, nip FROM employee ORDER BY id LIMIT 1`);
  await jenjang.open(page, `#/pegawai/${someone.id}`);
  await page.getByRole('link', { name: 'Cetak profil' }).click();
  await expect(page).toHaveURL(new RegExp(`#/laporan/profil-pegawai\\?nip=${someone.nip}$`));
  await expect(page.getByLabel('Pratinjau laporan').getByRole('table', { name: 'Identitas pegawai' })).toContainText(formatNip(someone.nip));
});

/** Reads the test's database directly (read-only) to know which employees and units to look for. */
async function jenjangQuery(dbPath: string, sql: string): Promise<Array<Record<string, any>>> {
  const sqlite = openDatabaseFile(dbPath, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(sql).all() as Array<Record<string, any>>;
  } finally {
    sqlite.close();
  }
}
