// The walk both backup specs take through Pengaturan › Cadangan (on a desk's file and on a team server): back up
// now, change an employee through the edit form, restore the backup after its confirmation, and see the old name on
// the profile again. What differs between the two is passed in: the file names the screen shows, and what each
// checks in the confirmation and after the restore.

import type { Locator, Page } from '@playwright/test';
import { expect, firstRow, renameThroughForm, watchConsole, type JenjangServer } from './e2e-fixtures';

interface Profile { id: number; fullName: string }

export interface BackupWalk {
  /** Employees in the backed-up database (the restore's message counts them). */
  employees: number;
  /** The name of a manual backup as the screen shows it (a regular expression's source, without anchors). */
  manualName: string;
  /** The name of the copy kept before the restore (a regular expression's source, without anchors). */
  previousName: string;
  /** Checks on the Cadangan section before "Cadangkan sekarang". */
  beforeBackup?: (section: Locator) => Promise<void>;
  /** Checks on the restore's confirmation before it is accepted. */
  inConfirmation: (dialog: Locator) => Promise<void>;
  /** Checks on the section once the restore is done. */
  afterRestore?: (section: Locator) => Promise<void>;
}

export async function backUpChangeAndRestore(page: Page, jenjang: JenjangServer, walk: BackupWalk): Promise<void> {
  const problems = watchConsole(page);
  const list = await jenjang.call<{ rows: Array<{ id: number }> }>('employees:list', { limit: 1 });
  const { id } = firstRow(list.rows, 'the demo district has employees');
  const before = await jenjang.call<Profile>('employees:get', { id });

  await jenjang.open(page, '#/pengaturan');
  const section = page.getByTestId('backup-section');
  await walk.beforeBackup?.(section);
  await section.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  await expect(page.getByText(new RegExp(`^Cadangan dibuat: ${walk.manualName} \\(\\d+,\\d MB\\)\\.$`))).toBeVisible();
  const manualRow = section.getByRole('row').filter({ hasText: 'Manual' });
  await expect(manualRow).toHaveCount(1);
  const manualFile = (await manualRow.getByRole('cell').nth(3).textContent())!;

  // The change made after the backup, through the edit form.
  await renameThroughForm(page, jenjang, id, 'Nama Sesudah Cadangan');

  await jenjang.open(page, '#/pengaturan');
  await section.getByRole('button', { name: `Pulihkan dari ${manualFile}` }).click();
  const dialog = page.getByRole('dialog', { name: `Pulihkan database dari ${manualFile}?` });
  await walk.inConfirmation(dialog);
  await dialog.getByRole('button', { name: 'Ganti database dengan cadangan ini' }).click();
  await expect(section.getByTestId('restore-done')).toHaveText(
    new RegExp(`^Database dipulihkan dari ${manualFile.replace(/\./g, '\\.')}: ${walk.employees} pegawai\\. Database sebelumnya disimpan sebagai ${walk.previousName}\\.$`));
  await expect(section.getByRole('row').filter({ hasText: 'Sebelum pemulihan' })).toHaveCount(1);
  await walk.afterRestore?.(section);

  // The screens read the restored data: the old name is back on the profile.
  await jenjang.open(page, `#/pegawai/${id}`);
  await expect(page.getByTestId('profile-name')).toHaveText(before.fullName);
  await expect(page.getByText('Nama Sesudah Cadangan')).toHaveCount(0);
  expect(problems).toEqual([]);
}
