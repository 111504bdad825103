// Pengaturan › Cadangan on a PostgreSQL server (team mode) through the real UI: the screen says what Cadangkan and
// Pulihkan mean for an office's shared database and offers no daily copy per desk; "Cadangkan sekarang" writes the
// server's snapshot into this computer's folder; an employee changed afterwards comes back to the backed-up value
// when the backup is restored into the server, after a confirmation warning that every desk's data is replaced.

import { expect, firstRow, renameThroughForm, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ onServer: true, demoEmployees: 120 });

interface Profile { id: number; version: number; name: string; fullName: string }

test('on a server: back up, change an employee, restore the backup into the server for every desk', async ({ page, jenjang }) => {
  test.slow(); // a backup of the server, an edit, a copy of the server before the restore, and the restore
  expect(jenjang.dbPath).toMatch(/^postgres:\/\//);
  const problems = watchConsole(page);
  const list = await jenjang.call<{ rows: Array<{ id: number }> }>('employees:list', { limit: 1 });
  const { id } = firstRow(list.rows, 'the demo district is on the server');
  const before = await jenjang.call<Profile>('employees:get', { id });

  await jenjang.open(page, '#/pengaturan');
  const section = page.getByTestId('backup-section');
  await expect(section.getByTestId('backup-team-mode')).toContainText('dipakai bersama oleh semua meja');
  await expect(section.getByTestId('backup-team-mode')).toContainText('tidak membuat cadangan harian di komputer ini');
  await expect(section.getByRole('form', { name: 'Cadangan harian' })).toHaveCount(0);
  await expect(section.getByText('Belum ada cadangan database ini.')).toBeVisible();

  await section.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  await expect(page.getByText(/^Cadangan dibuat: 127\.0\.0\.1_\d+_\w+\.manual-\d{8}-\d{6}\.sqlite \(\d+,\d MB\)\.$/)).toBeVisible();
  const manualRow = section.getByRole('row').filter({ hasText: 'Manual' });
  await expect(manualRow).toHaveCount(1);

  const manualFile = (await manualRow.getByRole('cell').nth(3).textContent())!;

  // The change made after the backup, through the edit form.
  await renameThroughForm(page, jenjang, id, 'Nama Sesudah Cadangan');

  await jenjang.open(page, '#/pengaturan');
  await section.getByRole('button', { name: `Pulihkan dari ${manualFile}` }).click();
  const dialog = page.getByRole('dialog', { name: `Pulihkan database dari ${manualFile}?` });
  await expect(dialog.getByTestId('restore-team-warning')).toContainText('semua meja');
  await expect(dialog).toContainText('Data server sekarang disimpan dulu sebagai cadangan «Sebelum pemulihan» di komputer ini');
  await dialog.getByRole('button', { name: 'Ganti database dengan cadangan ini' }).click();
  await expect(section.getByTestId('restore-done')).toHaveText(new RegExp(`^Database dipulihkan dari ${manualFile.replace(/\./g, '\\.')}: 120 pegawai\\. Database sebelumnya disimpan sebagai 127\\.0\\.0\\.1_\\d+_\\w+\\.sebelum-restore-\\d{8}-\\d{6}\\.sqlite\\.$`));
  await expect(section.getByRole('row').filter({ hasText: 'Sebelum pemulihan' })).toHaveCount(1);

  // The screens read the restored data from the server: the old name is back on the profile.
  await jenjang.open(page, `#/pegawai/${id}`);
  await expect(page.getByTestId('profile-name')).toHaveText(before.fullName);
  await expect(page.getByText('Nama Sesudah Cadangan')).toHaveCount(0);
  expect(problems).toEqual([]);
});
