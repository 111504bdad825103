// The berita acara of a Komite Talenta session, filled in through the real UI (date, nomor, place, members picked
// from the employees, the PPK), exported as PDF through the report framework (the web host's headless Chromium),
// and read back with pdftotext.

import { formatNip } from '../../shared/domain/nip';
import { dateText, expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';
import { pdfInfo, pdfText, savePageImage } from '../helpers/pdf-tools';

test.use({ demoEmployees: 600 });

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

test('Berita acara: fill a session, calibrate, export the PDF with the letterhead, the date in words, the members and the signatures', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const people = (await jenjang.call<{ rows: Array<{ nip: string; fullName: string }> }>('employees:list', { limit: 2 })).rows;
  // The officer who recorded the session is the logged-in account (the fixture logs in as the demo Administrator).

  await jenjang.open(page, '#/talenta');
  await page.getByRole('button', { name: '+ Buka sidang' }).click();
  const dialog = page.getByRole('dialog', { name: 'Buka sidang Komite Talenta' });
  await dialog.getByLabel('Nama sidang').fill('Sidang Komite Talenta Kabupaten 2025');
  await dialog.getByLabel('Tanggal sidang (wajib)').fill(dateText('2026-11-24'));
  await dialog.getByLabel('Nomor berita acara').fill('800/117/BKPSDM/2026');
  await dialog.getByLabel('Tempat sidang').fill('Ruang Rapat Sekretariat Daerah');
  // Two members picked from the employees (name and NIP follow the pick); the third offered row is removed.
  for (const [i, person] of people.entries()) {
    await dialog.getByLabel(`Pegawai anggota ${i + 1}`).fill(person.nip);
    await dialog.getByRole('option', { name: new RegExp(person.fullName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    await expect(dialog.getByLabel(`Nama anggota ${i + 1}`)).toHaveValue(person.fullName);
  }
  await dialog.getByRole('button', { name: 'Hapus anggota 3' }).click();
  await dialog.getByLabel('Nama PPK').fill('H. Ahmad Sutisna, S.H., M.Si.');
  await dialog.getByLabel('Jabatan PPK').fill('Bupati Sindangraja');
  await dialog.getByRole('button', { name: 'Buka sidang' }).click();
  await expect(page.getByText(/Sidang dibuka dengan [\d.]+ penempatan tercatat/)).toBeVisible();

  // One calibration with its reason.
  const { sessions } = await jenjang.call<{ sessions: Array<{ id: number; year: number }> }>('talent:sessions', {});
  const session = sessions[0];
  const box = await jenjang.call<{ boxes: Array<{ box: number; people: Array<{ employeeId: number; fullName: string }> }> }>('talent:ninebox', { year: session.year, peoplePerBox: 1 });
  const moved = box.boxes.find((b) => b.box === 5 && b.people.length > 0)!.people[0];
  const { placement } = await jenjang.call<{ placement: { version: number } }>('talent:explain', { employeeId: moved.employeeId, year: session.year, sessionId: session.id });
  await jenjang.call('talent:calibrate', { sessionId: session.id, employeeId: moved.employeeId, box: 8, version: placement.version, reason: 'Capaian inovasi layanan sangat menonjol menurut komite' });

  // The berita acara opens on the Laporan page: the same document as the PDF.
  await jenjang.open(page, '#/talenta');
  await page.getByRole('button', { name: 'Berita acara Sidang Komite Talenta Kabupaten 2025' }).click();
  await expect(page).toHaveURL(new RegExp(`#/laporan/berita-acara-talenta\\?sidang=${session.id}$`));
  const preview = page.getByLabel('Pratinjau laporan');
  await expect(preview).toContainText('Pada hari ini Selasa tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam');
  await saveArtifact(page, 'berita-acara-talenta');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor PDF' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe(`berita-acara-komite-talenta-${session.id}-2026-11-24.pdf`);
  const file = (await pdf.path())!;
  const text = squeeze(pdfText(file));
  savePageImage(file, 'berita-acara-talenta');

  expect(pdfInfo(file).pageSize).toMatch(/\(A4\)/);
  // Letterhead and heading.
  expect(text).toContain('PEMERINTAH KABUPATEN SINDANGRAJA');
  expect(text).toContain('BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA');
  expect(text).toContain('BERITA ACARA SIDANG KOMITE TALENTA');
  expect(text).toContain('Nomor : 800/117/BKPSDM/2026');
  // The opening sentence with the date in words.
  expect(text).toContain('Pada hari ini Selasa tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam, bertempat di Ruang Rapat Sekretariat Daerah');
  // Members with their NIP and role, the move with its reason, the signatures.
  for (const person of people) {
    expect(text).toContain(person.fullName);
    expect(text).toContain(formatNip(person.nip));
  }
  expect(text).toContain('Ketua');
  expect(text).toContain(moved.fullName);
  expect(text).toContain('Capaian inovasi layanan sangat menonjol');
  expect(text).toContain('Sindangraja, 24 November 2026');
  expect(text).toMatch(/Dicatat oleh, .*Administrator Demo/);
  expect(text).toMatch(/Pejabat Pembina Kepegawaian, Bupati Sindangraja .*H\. Ahmad Sutisna, S\.H\., M\.Si\./);
  expect(problems).toEqual([]);
});
