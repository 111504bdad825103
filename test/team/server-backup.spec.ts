// Pengaturan › Cadangan on a PostgreSQL server (team mode) through the real UI: the screen says what Cadangkan and
// Pulihkan mean for an office's shared database and offers no daily copy per desk; "Cadangkan sekarang" writes the
// server's snapshot into this computer's folder; an employee changed afterwards comes back to the backed-up value
// when the backup is restored into the server, after a confirmation warning that every desk's data is replaced.

import { backUpChangeAndRestore } from '../helpers/backup-walk';
import { expect, test } from '../helpers/e2e-fixtures';

test.use({ onServer: true, demoEmployees: 120 });

test('on a server: back up, change an employee, restore the backup into the server for every desk', async ({ page, jenjang }) => {
  test.slow(); // a backup of the server, an edit, a copy of the server before the restore, and the restore
  expect(jenjang.dbPath).toMatch(/^postgres:\/\//);
  await backUpChangeAndRestore(page, jenjang, {
    employees: 120,
    manualName: '127\\.0\\.0\\.1_\\d+_\\w+\\.manual-\\d{8}-\\d{6}\\.sqlite',
    previousName: '127\\.0\\.0\\.1_\\d+_\\w+\\.sebelum-restore-\\d{8}-\\d{6}\\.sqlite',
    beforeBackup: async (section) => {
      // No daily copy per desk: the server's own backup is the source of truth.
      await expect(section.getByTestId('backup-team-mode')).toContainText('dipakai bersama oleh semua meja');
      await expect(section.getByTestId('backup-team-mode')).toContainText('tidak membuat cadangan harian di komputer ini');
      await expect(section.getByRole('form', { name: 'Cadangan harian' })).toHaveCount(0);
      await expect(section.getByText('Belum ada cadangan database ini.')).toBeVisible();
    },
    inConfirmation: async (dialog) => {
      await expect(dialog.getByTestId('restore-team-warning')).toContainText('semua meja');
      await expect(dialog).toContainText('Data server sekarang disimpan dulu sebagai cadangan «Sebelum pemulihan» di komputer ini');
    },
  });
});
