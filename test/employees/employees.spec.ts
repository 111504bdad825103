import { generateDemoDistrict } from '../../main/demo/generate';
import { TEST_TODAY } from '../today';
import { formatNip } from '../../shared/domain/nip';
import { fullName } from '../../shared/domain/employee-status';
import { formatNumberId } from '../../shared/format/id-format';
import { expect, pickUnit, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test('first start: load the demo, find an employee by NIP, edit, see the change in the audit log', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  await jenjang.open(page);

  // The empty database offers the demo district.
  const welcome = page.getByRole('dialog', { name: 'Selamat datang di Jenjang' });
  await expect(welcome).toBeVisible();
  await welcome.getByRole('button', { name: 'Muat data demo' }).click();
  // 3,000 employees and their derived tables, and the demo accounts' Argon2id password hashes: longer than a click.
  await expect(page.getByText(/Data demo dimuat: 3\.000 pegawai/)).toBeVisible({ timeout: 60_000 });
  await expect(welcome).toBeHidden();

  // The same generator (seed 2026, 3,000, today) tells us who employee #42 is.
  const district = generateDemoDistrict({ employees: 3000, seed: 2026, asOf: TEST_TODAY });
  const target = district.employees[41];
  const targetName = fullName(target.name, target.frontTitle, target.backTitle);

  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pegawai' }).click();
  await expect(page.getByTestId('employee-count')).toHaveText(/^[\d.]+ pegawai$/);
  await expect(page.getByRole('row').nth(2)).toBeVisible();
  await saveArtifact(page, 'pegawai');

  // Search as you type, by the NIP as printed on an SK.
  await page.getByRole('searchbox', { name: 'Cari NIP atau nama' }).fill(formatNip(target.nip));
  await page.getByRole('combobox', { name: 'Status' }).selectOption('');
  await expect(page.getByTestId('employee-count')).toHaveText('1 pegawai');
  const row = page.getByRole('row').filter({ hasText: formatNip(target.nip) });
  await expect(row).toContainText(targetName);
  await row.click();

  // Profile: identity, NIP decoded, retirement.
  await expect(page.getByTestId('profile-name')).toHaveText(targetName);
  await expect(page.getByText(formatNip(target.nip)).first()).toBeVisible();
  await expect(page.getByTestId('retirement-date')).toHaveText(/\d{1,2} \w+ \d{4}/);
  await saveArtifact(page, 'profil-pegawai');

  // Edit one field.
  await page.getByRole('button', { name: 'Ubah data' }).click();
  const major = page.getByLabel('Jurusan');
  await expect(major).toBeVisible();
  await major.fill('Administrasi Publik Terapan');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Perubahan data pegawai disimpan.')).toBeVisible();
  await expect(page.getByTestId('profile-name')).toHaveText(targetName);

  // The audit log shows who changed what, before and after.
  await page.getByRole('tab', { name: 'Log Perubahan' }).click();
  const entry = page.getByRole('list', { name: 'Log perubahan' }).getByRole('listitem').first();
  await expect(entry).toContainText('Mengubah jurusan');
  await expect(entry.getByRole('row', { name: /Jurusan/ })).toContainText('Administrasi Publik Terapan');
  if (target.educationMajor) await expect(entry.getByRole('row', { name: /Jurusan/ })).toContainText(target.educationMajor);
  await saveArtifact(page, 'log-perubahan');

  // The history tabs show the demo's career history.
  await page.getByRole('tab', { name: 'Riwayat Pangkat' }).click();
  await expect(page.getByRole('table', { name: 'Riwayat pangkat' }).getByRole('row')).toHaveCount(district.rankHistory.filter((r) => r.employeeId === 42).length + 1);

  expect(problems).toEqual([]);
});

test.describe('with a demo database', () => {
  test.use({ demoEmployees: 1500 });

  test('an invalid edit is explained in Indonesian and nothing is saved', async ({ page, jenjang }) => {
    const problems = watchConsole(page);
    const before = await jenjang.call<{ nip: string; version: number }>('employees:get', { id: 10 });
    await jenjang.open(page, '#/pegawai/10/ubah');
    const nip = page.getByLabel('NIP', { exact: true });
    await nip.fill('1985031220100110');
    await nip.blur();
    await expect(page.getByText(/NIP harus 18 digit/)).toBeVisible();
    await page.getByRole('button', { name: /Simpan/ }).click();
    await expect(page.getByText(/Periksa \d+ isian/)).toBeVisible();
    const after = await jenjang.call<{ nip: string; version: number }>('employees:get', { id: 10 });
    expect(after).toMatchObject({ nip: before.nip, version: before.version });
    expect(problems).toEqual([]);
  });

  test('the list works from the keyboard, filters by unit and sorts', async ({ page, jenjang }) => {
    await jenjang.open(page, '#/pegawai');
    await expect(page.getByTestId('employee-count')).toHaveText(/pegawai/);
    const units = await jenjang.call<{ units: Array<{ name: string; activeEmployees: number }> }>('reference:units', {});
    const expected = units.units.find((u) => u.name === 'Dinas Kesehatan')!.activeEmployees;
    await pickUnit(page, 'Dinas Kesehatan');
    await expect(page.getByTestId('employee-count')).toHaveText(`${formatNumberId(expected)} pegawai`);
    await page.getByRole('button', { name: 'Nama' }).click();
    await expect(page.getByRole('columnheader', { name: /Nama/ })).toHaveAttribute('aria-sort', 'descending');
    await page.getByTestId('vtable-viewport').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/pegawai\/\d+$/);
  });

  test('every screen of the sidebar opens its page, none is an empty placeholder', async ({ page, jenjang }) => {
    await jenjang.open(page);
    for (const label of ['Beranda', 'Pegawai', 'Peta Kompetensi', 'Kinerja', 'Manajemen Talenta', 'Suksesi', 'Pengembangan', 'Jalur Karier', 'Kualitas Data', 'Impor Data', 'Laporan', 'Pengaturan']) {
      await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: label }).click();
      await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Belum tersedia' })).toHaveCount(0);
    }
  });
});
