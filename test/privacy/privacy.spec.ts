// "Untuk pimpinan" and the export log through the real UI on the web host: the Laporan checkbox, the PDF printed
// by the headless Chromium read back with pdftotext (no full birth date, the printed-by footer), and the
// Administrator's log in Pengaturan with its filter.

import { openDatabaseFile } from '../helpers/sqlite';
import { formatDateId } from '../../shared/format/id-format';
import { expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';
import { pdfInfo, pdfText } from '../helpers/pdf-tools';

test.use({ demoEmployees: 300 });

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

test('Laporan "Untuk pimpinan": the PDF leaves out the full birth date and names who printed it; the export log shows it', async ({ page, jenjang }) => {
  test.setTimeout(240_000);
  const problems = watchConsole(page);
  const sqlite = openDatabaseFile(jenjang.dbPath, { readonly: true });
  const person = sqlite.prepare(`SELECT nip, name, birth_date FROM employee WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 5`).get() as { nip: string; name: string; birth_date: string };
  sqlite.close();
  // The footer and the log name the logged-in account (the fixture logs in as the demo Administrator).

  await jenjang.open(page, `#/laporan/profil-pegawai?nip=${person.nip}`);
  const preview = page.getByLabel('Pratinjau laporan');
  await expect(preview.getByRole('table', { name: 'Identitas pegawai' })).toContainText(formatDateId(person.birth_date));

  await page.getByRole('checkbox', { name: 'Untuk pimpinan' }).check();
  await expect(page).toHaveURL(/untukPimpinan=ya/);
  await expect(preview.getByRole('table', { name: 'Parameter laporan' })).toContainText('Untuk pimpinan');
  await expect(preview.getByRole('table', { name: 'Identitas pegawai' })).toContainText(person.birth_date.slice(0, 4));
  await expect(preview.getByRole('table', { name: 'Identitas pegawai' })).not.toContainText(formatDateId(person.birth_date));

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor PDF' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^profil-pegawai-\d{18}-untuk-pimpinan-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfPath = (await pdf.path())!;
  const text = squeeze(pdfText(pdfPath));
  const pages = pdfInfo(pdfPath).pages;
  expect(text).toContain(person.birth_date.slice(0, 4));
  expect(text).not.toContain(formatDateId(person.birth_date));
  // The footer of every page: who printed it and when.
  const footers = text.match(/Dicetak oleh Administrator Demo \(admin\) pada \d{1,2} \w+ \d{4} pukul \d\d\.\d\d/g) ?? [];
  expect(footers).toHaveLength(pages);

  // Pengaturan › Data pribadi: the log line, and the filter by kind.
  await jenjang.open(page, '#/pengaturan');
  const log = page.getByRole('table', { name: 'Log ekspor' });
  const row = log.getByRole('row').filter({ hasText: 'Profil Pegawai' });
  await expect(row).toContainText('Administrator Demo (admin)');
  await expect(row).toContainText('untuk pimpinan');
  await expect(row).toContainText(`PDF, ${pages} halaman`);
  await expect(row).toContainText(/\d{1,2} \w+ \d{4} \d\d\.\d\d/);
  await page.getByLabel('Jenis').selectOption({ label: 'Profil Pegawai' });
  await expect(log.getByRole('row')).toHaveCount(2);
  await log.scrollIntoViewIfNeeded();
  await saveArtifact(page, 'pengaturan-log-ekspor');
  expect(problems).toEqual([]);
});
