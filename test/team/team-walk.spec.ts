// The end-to-end walk of the PostgreSQL pass: the web host opened on a team database (a fresh database on the run's
// embedded PostgreSQL, the demo written into it by `cli demo --db postgres://…`), and an officer's everyday round on
// it — the Pegawai list, a search by NIP, a profile, an edit saved and read back from the server, the Beranda's
// charts with the server's numbers. Every other end-to-end test runs on a SQLite file only.

import { formatNip } from '../../shared/domain/nip';
import type { EmployeeProfile } from '../../shared/schemas/employees';
import { expect, firstRow, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ onServer: true, demoEmployees: 300 });

test('on a PostgreSQL server: Pegawai list, a profile found by NIP, an edit saved, the Beranda', async ({ page, jenjang }) => {
  expect(jenjang.dbPath).toMatch(/^postgres:\/\//);
  const problems = watchConsole(page);
  const listed = await jenjang.call<{ total: number; rows: Array<{ id: number; nip: string }> }>('employees:list', { limit: 5 });
  expect(listed.total).toBeGreaterThan(0);
  const target = await jenjang.call<EmployeeProfile>('employees:get', { id: firstRow(listed.rows, 'the demo district is on the server').id });

  await jenjang.open(page, '#/pegawai');
  await expect(page.getByTestId('employee-count')).toHaveText(/^[\d.]+ pegawai$/);
  await expect(page.getByRole('row').nth(2)).toBeVisible();

  // Search as you type, by the NIP as printed; the server's ILIKE/trigram path answers.
  await page.getByRole('searchbox', { name: 'Cari NIP atau nama' }).fill(formatNip(target.nip));
  await page.getByRole('combobox', { name: 'Status' }).selectOption('');
  await expect(page.getByTestId('employee-count')).toHaveText('1 pegawai');
  await page.getByRole('row').filter({ hasText: formatNip(target.nip) }).click();
  await expect(page.getByTestId('profile-name')).toHaveText(target.fullName);
  await expect(page.getByTestId('retirement-date')).toHaveText(/\d{1,2} \w+ \d{4}/);

  // An edit saved goes to the server, and the audit log shows it.
  await page.getByRole('button', { name: 'Ubah data' }).click();
  const major = page.getByLabel('Jurusan');
  await major.fill('Administrasi Publik Terapan');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Perubahan data pegawai disimpan.')).toBeVisible();
  const stored = await jenjang.call<EmployeeProfile>('employees:get', { id: target.id });
  expect(stored.educationMajor).toBe('Administrasi Publik Terapan');
  await page.getByRole('tab', { name: 'Log Perubahan' }).click();
  const entry = page.getByRole('list', { name: 'Log perubahan' }).getByRole('listitem').first();
  await expect(entry).toContainText('Mengubah jurusan');
  await saveArtifact(page, 'mode-tim-profil');

  // The Beranda: the retirement chart's table shows the server's counts.
  const stats = await jenjang.call<{ retirements: Record<string, number> }>('stats:overview', {});
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Beranda' }).click();
  const card = page.getByRole('region', { name: 'Proyeksi pensiun 5 tahun (pegawai aktif)' });
  await card.getByRole('button', { name: 'Tabel' }).click();
  for (const [year, count] of Object.entries(stats.retirements)) {
    await expect(card.getByRole('table').getByRole('row', { name: new RegExp(`^${year}\\b`) })).toContainText(String(count));
  }
  await saveArtifact(page, 'mode-tim-beranda');
  expect(problems).toEqual([]);
});
