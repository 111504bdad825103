// The employee form as an officer uses it: edits are never lost by leaving, every error shows at once in
// words an officer reads, and dates are typed and shown as dd-mm-yyyy / "9 Mei 1977" whatever the browser's
// locale.

import { parseNip } from '../../shared/domain/nip';
import { formatDateId } from '../../shared/format/id-format';
import type { EmployeeProfile } from '../../shared/schemas/employees';
import { TEST_TODAY } from '../today';
import { dateText, expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 300 });

test('a form with unsaved changes asks before the officer leaves it by the sidebar, the back button or Ctrl+K', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const stored = await jenjang.call<EmployeeProfile>('employees:get', { id: 10 });
  const asked: string[] = [];
  const answer = (accept: boolean) => page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void (accept ? dialog.accept() : dialog.dismiss());
  });

  await jenjang.open(page, '#/pegawai/10');
  await page.getByRole('button', { name: 'Ubah data' }).click();
  const major = page.getByLabel('Jurusan');
  await major.fill('Ilmu Pemerintahan Terapan');

  // The sidebar: the question comes; staying keeps the edit on screen.
  answer(false);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Beranda' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain('belum disimpan');
  await expect(page).toHaveURL(/#\/pegawai\/10\/ubah$/);
  await expect(major).toHaveValue('Ilmu Pemerintahan Terapan');

  // The browser's back button asks the same.
  answer(false);
  await page.goBack();
  await expect.poll(() => asked.length).toBe(2);
  await expect(page).toHaveURL(/#\/pegawai\/10\/ubah$/);
  await expect(major).toHaveValue('Ilmu Pemerintahan Terapan');

  // So does opening another employee from the quick search (Ctrl+K); leaving on purpose drops the edit.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Cari pegawai' });
  await search.getByRole('combobox').fill(stored.nip);
  await expect(search.getByRole('option')).toHaveCount(1);
  answer(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => asked.length).toBe(3);
  await expect(page.getByTestId('profile-name')).toHaveText(stored.fullName);
  await expect(page).toHaveURL(/#\/pegawai\/10$/);
  expect((await jenjang.call<EmployeeProfile>('employees:get', { id: 10 })).educationMajor).toBe(stored.educationMajor);

  // A saved form leaves without a question.
  await page.getByRole('button', { name: 'Ubah data' }).click();
  await major.fill('Ilmu Pemerintahan Terapan');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Perubahan data pegawai disimpan.')).toBeVisible();
  await expect(page).toHaveURL(/#\/pegawai\/10$/);

  // Settings forms ask too: the retention of imported cell values in Pengaturan, edited and left through the sidebar.
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pengaturan' }).click();
  await page.getByLabel('Masa simpan nilai sel impor (hari)').fill('120');
  answer(false);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pegawai' }).click();
  await expect.poll(() => asked.length).toBe(4);
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();
  expect(asked).toHaveLength(4);
  expect(problems).toEqual([]);
});

test('the new-employee form shows every error at once: an empty birth date is "wajib diisi", a 17-digit NIP is named with the others', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  await jenjang.open(page, '#/pegawai/baru');
  await page.getByLabel('NIP', { exact: true }).fill('19850312201001100');
  await page.getByRole('button', { name: /Simpan/ }).click();
  const form = page.getByRole('form', { name: 'Formulir pegawai' });
  await expect(form.getByText('Tanggal lahir wajib diisi.')).toBeVisible();
  await expect(form.getByText(/NIP harus 18 digit, "19850312201001100" berisi 17 digit/)).toBeVisible();
  await expect(form.getByText('Nama minimal 2 huruf.')).toBeVisible();
  await expect(form.getByText('Pilih jenis kelamin.')).toBeVisible();
  await expect(form.getByText('TMT CPNS wajib diisi untuk PNS dan CPNS.')).toBeVisible();
  await expect(page.getByText(/Periksa \d+ isian yang ditandai merah/)).toBeVisible();
  await expect(page.getByText(/TTTT-BB-HH/)).toHaveCount(0);
  await saveArtifact(page, 'pegawai-baru-semua-kesalahan');

  // A date that does not exist is named as such, in the form the officer types.
  await page.getByLabel('Tanggal lahir').fill('31-02-1985');
  await expect(form.getByText(/Tanggal tidak valid; tulis HH-BB-TTTT/)).toBeVisible();
  expect(problems).toEqual([]);
});

test('a birth date that disagrees with the NIP is explained with Indonesian dates, on the form and on the profile', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const stored = await jenjang.call<EmployeeProfile>('employees:get', { id: 12 });
  const decoded = parseNip(stored.nip, TEST_TODAY);
  if (!decoded.ok) throw new Error(`demo NIP ${stored.nip} should parse`);
  const other = decoded.value.birthDate.endsWith('-09') ? `${decoded.value.birthDate.slice(0, 8)}10` : `${decoded.value.birthDate.slice(0, 8)}09`;
  await jenjang.open(page, '#/pegawai/12/ubah');
  await page.getByLabel('Tanggal lahir').fill(dateText(other));
  const message = `Tanggal lahir tercatat ${formatDateId(other)}, sedangkan NIP menyatakan ${formatDateId(decoded.value.birthDate)}.`;
  await expect(page.getByText(`Tidak cocok dengan NIP: ${message}`)).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Perubahan data pegawai disimpan.')).toBeVisible();
  const warnings = page.getByTestId('profile-warnings');
  await expect(warnings).toContainText(message);
  await expect(warnings).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  expect(problems).toEqual([]);
});

test.describe('in an English browser', () => {
  test.use({ locale: 'en-US' });

  test('dates are shown and typed as dd-mm-yyyy, never mm/dd/yyyy, and stored as the day the officer meant', async ({ page, jenjang }) => {
    const problems = watchConsole(page);
    const stored = await jenjang.call<EmployeeProfile>('employees:get', { id: 10 });
    await jenjang.open(page, '#/pegawai/10/ubah');
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');

    const birth = page.getByLabel('Tanggal lahir');
    await expect(birth).toHaveValue(dateText(stored.birthDate));
    await expect(page.getByText(formatDateId(stored.birthDate), { exact: true })).toBeVisible();

    // 09-05-2019 is 9 May, whatever the browser thinks.
    const positionTmt = page.getByLabel('TMT jabatan');
    await positionTmt.fill('09-05-2019');
    await expect(page.getByText('9 Mei 2019', { exact: true })).toBeVisible();

    // The calendar picks a day too: the 1st of the month shown for TMT golongan.
    const golonganTmt = page.getByLabel('TMT golongan');
    const golonganField = page.locator('.date-input').filter({ has: golonganTmt });
    await golonganField.getByRole('button', { name: 'Pilih dari kalender' }).click();
    const calendar = page.getByRole('dialog', { name: 'Kalender' });
    const shown = stored.golonganTmt ?? TEST_TODAY;
    await calendar.getByRole('gridcell', { name: `1 ${formatDateId(shown).split(' ').slice(1).join(' ')}`, exact: true }).click();
    await expect(calendar).toBeHidden();
    await expect(golonganTmt).toHaveValue(dateText(`${shown.slice(0, 8)}01`));
    await saveArtifact(page, 'tanggal-en-us');

    await page.keyboard.press('Control+s');
    await expect(page.getByText('Perubahan data pegawai disimpan.')).toBeVisible();
    const after = await jenjang.call<EmployeeProfile>('employees:get', { id: 10 });
    expect(after.positionTmt).toBe('2019-05-09');
    expect(after.golonganTmt).toBe(`${shown.slice(0, 8)}01`);
    expect(after.birthDate).toBe(stored.birthDate);
    expect(problems).toEqual([]);
  });
});
