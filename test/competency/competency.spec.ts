import { TEST_TODAY } from '../today';
import { dateText, expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 2000 });

test('Peta Kompetensi: heatmap cell → employees behind it → profile radar; record an assessment', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  // The browser's own clock is years away from the app's day: forms must still start from main's "today".
  await page.clock.setFixedTime(new Date('2031-06-15T09:00:00+07:00'));
  await jenjang.open(page, '#/peta-kompetensi');
  const heatmap = page.getByRole('table', { name: 'Peta panas kompetensi' });
  await expect(heatmap.getByRole('row')).not.toHaveCount(1);
  await saveArtifact(page, 'peta-kompetensi');

  // Drill into the largest OPD, then open one cell.
  await heatmap.getByRole('button', { name: 'Dinas Pendidikan dan Kebudayaan ›' }).click();
  await expect(page.getByText('naik satu tingkat')).toBeVisible();
  const cell = page.getByRole('button', { name: /^SD Negeri .*, M\.01 Integritas: / }).first();
  const label = (await cell.getAttribute('aria-label'))!;
  const [, assessed, total] = /(\d+) dari (\d+) diasesmen/.exec(label)!;
  await cell.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(`${total} pegawai aktif`)).toBeVisible();
  const rows = dialog.getByRole('table', { name: 'Pegawai pada sel ini' }).getByRole('row');
  await expect(rows).toHaveCount(Number(total) + 1);
  await expect(dialog.getByText('belum diasesmen')).toHaveCount(Number(total) - Number(assessed));
  await saveArtifact(page, 'peta-kompetensi-sel');

  // Open an assessed employee's profile: radar, JPM.
  const firstAssessed = rows.nth(1).getByRole('link');
  const name = (await firstAssessed.textContent())!;
  await firstAssessed.click();
  await expect(page.getByTestId('profile-name')).toHaveText(name);
  await expect(page.getByRole('tab', { name: 'Kompetensi', selected: true })).toBeVisible();
  await expect(page.getByTestId('competency-radar').locator('.recharts-polar-grid')).toBeVisible();
  await expect(page.getByTestId('competency-radar').locator('.recharts-radar')).toHaveCount(2);
  await saveArtifact(page, 'profil-kompetensi');

  // Record a new assessment through the form; the history grows and the audit log shows it.
  const historyRows = page.getByRole('table', { name: 'Riwayat asesmen kompetensi' }).getByRole('row');
  const before = await historyRows.count();
  await page.getByRole('button', { name: 'Catat asesmen' }).click();
  const form = page.getByRole('dialog', { name: /Catat asesmen/ });
  await expect(form.getByLabel('Tanggal asesmen')).toHaveValue(dateText(TEST_TODAY));
  await form.getByLabel('Tanggal asesmen').fill('15-10-2026');
  for (const code of ['M.01', 'M.02', 'M.03', 'M.04', 'M.05', 'M.06', 'M.07', 'M.08', 'SK.01']) {
    await form.getByLabel(`Level ${code}`).selectOption('3');
  }
  await form.getByRole('button', { name: 'Simpan asesmen' }).click();
  await expect(page.getByText(/Asesmen 9 kompetensi disimpan/)).toBeVisible();
  await expect(historyRows).toHaveCount(before + 1);
  await page.getByRole('tab', { name: 'Log Perubahan' }).click();
  await expect(page.getByRole('list', { name: 'Log perubahan' }).getByRole('listitem').first()).toContainText('asesmen kompetensi');
  expect(problems).toEqual([]);
});

test('Analisis jabatan ranks the district for a position', async ({ page, jenjang }) => {
  await jenjang.open(page, '#/peta-kompetensi?tab=jabatan');
  await page.getByLabel('Jabatan yang dianalisis').fill('Sekretaris Daerah');
  await page.getByRole('option', { name: /Sekretaris Daerah/ }).first().click();
  const table = page.getByRole('table', { name: 'Peringkat kecocokan' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const jpms = (await table.getByRole('row').locator('td:nth-child(4)').allTextContents()).filter((t) => /^\d/.test(t)).map((t) => Number(t.replace(',', '.')));
  expect(jpms.length).toBeGreaterThan(0);
  expect(jpms).toEqual([...jpms].sort((a, b) => b - a));
});
