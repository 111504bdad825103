// Pengaturan › Cadangan through the real UI on the web host: back up now, change an employee, restore the backup
// after a confirmation that says what is replaced, and see the old value again; a foreign file uploaded for a
// restore is refused with its reason and the database stays as it was.

import { openDatabaseFile, type SqliteDatabase } from '../helpers/sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { formatNumberId } from '../../shared/format/id-format';
import { backUpChangeAndRestore } from '../helpers/backup-walk';
import { expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 120 });

test('back up now, change an employee, restore the backup and see the old value', async ({ page, jenjang }) => {
  test.slow(); // a backup, an edit, a restore and the screens reloading on the restored database
  await backUpChangeAndRestore(page, jenjang, {
    employees: 120,
    manualName: 'jenjang\\.sqlite\\.manual-\\d{8}-\\d{6}\\.sqlite',
    previousName: 'jenjang\\.sqlite\\.sebelum-restore-\\d{8}-\\d{6}\\.sqlite',
    // The web host wrote today's daily backup when it started.
    beforeBackup: (section) => expect(section.getByRole('table', { name: 'Daftar cadangan' })).toContainText('Harian'),
    inConfirmation: async (dialog) => {
      const compared = dialog.getByRole('table', { name: 'Yang diganti' });
      await expect(compared.getByRole('row', { name: /Pegawai \(semua status\)/ })).toContainText(`${formatNumberId(120)}${formatNumberId(120)}`);
      await expect(compared.getByRole('row', { name: /Perubahan terakhir/ })).toContainText('24 November 2026');
      await expect(dialog).toContainText('Database sekarang disimpan dulu sebagai cadangan «Sebelum pemulihan»');
      await saveArtifact(page, 'pengaturan-cadangan-konfirmasi');
    },
    afterRestore: () => saveArtifact(page, 'pengaturan-cadangan-dipulihkan'),
  });
});

test('a foreign file uploaded for a restore is refused with the reason', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const foreign = path.join(path.dirname(jenjang.dbPath), 'arsip-keuangan.sqlite');
  const raw = openDatabaseFile(foreign);
  raw.exec('CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoice (total) VALUES (125000)');
  raw.close();
  const empty = path.join(path.dirname(jenjang.dbPath), 'terputus.sqlite');
  fs.writeFileSync(empty, '');

  await jenjang.open(page, '#/pengaturan');
  const section = page.getByTestId('backup-section');
  await expect(section.getByRole('button', { name: 'Pulihkan dari berkas lain…' })).toBeEnabled();
  await section.getByLabel('Berkas cadangan').setInputFiles(foreign);
  await expect(section.getByRole('alert')).toHaveText('Berkas arsip-keuangan.sqlite adalah database SQLite milik program lain, bukan cadangan Jenjang. Database tidak diubah.');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await saveArtifact(page, 'pengaturan-cadangan-ditolak');

  await section.getByLabel('Berkas cadangan').setInputFiles(empty);
  await expect(section.getByRole('alert')).toContainText('Berkas terputus.sqlite kosong (0 byte), bukan cadangan database Jenjang');
  const status = await jenjang.call<{ employeeCount: number }>('app:status', {});
  expect(status.employeeCount).toBe(120);
  expect(problems).toEqual([]);
});

test('the daily backup setting and its kept count are saved, refused out of range', async ({ page, jenjang }) => {
  await jenjang.open(page, '#/pengaturan');
  const form = page.getByRole('form', { name: 'Cadangan harian' });
  await form.getByLabel('Jumlah cadangan harian yang disimpan').fill('0');
  await form.getByRole('button', { name: 'Simpan pengaturan cadangan' }).click();
  await expect(form.getByRole('alert')).toContainText('Simpan paling sedikit 1 cadangan harian.');
  await form.getByLabel('Jumlah cadangan harian yang disimpan').fill('14');
  await form.getByLabel(/Buat cadangan harian otomatis/).uncheck();
  await form.getByRole('button', { name: 'Simpan pengaturan cadangan' }).click();
  await expect(page.getByText('Pengaturan cadangan harian disimpan.')).toBeVisible();
  expect(await jenjang.call('backup:settings', {})).toEqual({ daily: false, keep: 14, version: 1 });
});

test('Cadangan harian from two desks: own saves in a row, another desk\'s save keeps the edits and refuses them, Muat ulang', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  await jenjang.open(page, '#/pengaturan');
  const form = page.getByRole('form', { name: 'Cadangan harian' });
  const keep = form.getByLabel('Jumlah cadangan harian yang disimpan');
  const save = form.getByRole('button', { name: 'Simpan pengaturan cadangan' });

  // Two saves of one's own in a row: the second is not refused as "changed by" oneself.
  await keep.fill('10');
  await save.click();
  await expect(page.getByText('Pengaturan cadangan harian disimpan.').first()).toBeVisible();
  await keep.fill('12');
  await save.click();
  await expect.poll(async () => (await jenjang.call<{ keep: number }>('backup:settings', {})).keep).toBe(12);
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(save).toBeDisabled();

  // The officer types; another desk saves the same section meanwhile, and the screen reads the settings again.
  await keep.fill('20');
  const reread = page.waitForResponse((response) => /\/api\/backup(%3A|:)list$/.test(response.url()));
  const stored = await jenjang.call<{ daily: boolean; keep: number; version: number }>('backup:settings', {});
  await jenjang.call('backup:updateSettings', { keep: 9, version: stored.version });
  await reread;
  // Let the re-read reach the screen before looking at the field.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(keep).toHaveValue('20');
  await save.click();
  await expect(form.getByRole('alert')).toContainText(/^Pengaturan cadangan ini sudah diubah oleh .+ pada \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2}\. Muat ulang, lalu ulangi perubahan Anda\.Muat ulang$/);
  expect((await jenjang.call<{ keep: number }>('backup:settings', {})).keep).toBe(9);

  // Muat ulang: the stored value replaces the edits, and a change from it is saved.
  await form.getByRole('button', { name: 'Muat ulang' }).click();
  await expect(keep).toHaveValue('9');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await keep.fill('15');
  await save.click();
  await expect.poll(async () => (await jenjang.call<{ keep: number }>('backup:settings', {})).keep).toBe(15);
  await expect(form.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});
