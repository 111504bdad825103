import ExcelJS from 'exceljs';
import type { PositionDetail, SuccessionOverview } from '../../shared/schemas/succession';
import { expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 2000 });

test('Suksesi: open a high-risk key position, add two candidates with readiness, save, reload and see the plan', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const overview = await jenjang.call<SuccessionOverview>('succession:overview', {});
  const target = overview.positions.find((p) => p.risk === 'tinggi' && p.planId === null) ?? overview.positions.find((p) => p.risk === 'tinggi')!;
  expect(target).toBeDefined();

  await jenjang.open(page, '#/suksesi');
  await expect(page.getByRole('heading', { name: 'Suksesi', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Proyeksi kekosongan karena pensiun' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  const table = page.getByRole('table', { name: 'Daftar jabatan kritikal' });
  await expect(table.getByRole('row')).toHaveCount(overview.totals.keyPositions + 1);
  await saveArtifact(page, 'suksesi-ringkasan');

  // The high-risk positions first, then open the chosen one from the table.
  await page.getByRole('combobox', { name: 'Risiko' }).selectOption('tinggi');
  await expect(table.getByRole('row')).toHaveCount(overview.totals.tinggi + 1);
  await table.getByRole('link', { name: target.name, exact: true }).click();
  await expect(page.getByTestId('position-name')).toHaveText(target.name);
  await expect(page.locator('.risk-tinggi').first()).toBeVisible();

  // Candidates ranked over the district, with an explained score.
  const ranked = page.getByTestId('ranked-candidate');
  await expect(ranked.first()).toBeVisible();
  await expect(page.getByTestId('ranking-summary')).toContainText('memenuhi syarat');
  await saveArtifact(page, 'suksesi-jabatan-risiko-tinggi');
  await page.getByRole('region', { name: 'Kandidat terperingkat' }).scrollIntoViewIfNeeded();
  await saveArtifact(page, 'suksesi-kandidat-terperingkat');
  const names = [
    (await ranked.nth(0).getByRole('link').first().textContent())!.trim(),
    (await ranked.nth(1).getByRole('link').first().textContent())!.trim(),
  ];
  await ranked.nth(0).getByRole('button', { name: 'Rincian' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('table', { name: 'Rincian skor' })).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Daftar periksa syarat' })).toContainText('Golongan minimum');
  await saveArtifact(page, 'suksesi-rincian-kandidat');
  await dialog.getByRole('button', { name: 'Tutup' }).click();

  // Add the first two, set their readiness, save.
  await ranked.nth(0).getByRole('button', { name: `Tambah ${names[0]}` }).click();
  await ranked.nth(1).getByRole('button', { name: `Tambah ${names[1]}` }).click();
  await expect(page.getByTestId('plan-candidate')).toHaveCount(2);
  await page.getByRole('combobox', { name: `Kesiapan ${names[0]}` }).selectOption('siap_sekarang');
  await page.getByRole('combobox', { name: `Kesiapan ${names[1]}` }).selectOption('siap_1_2_tahun');
  await page.getByRole('textbox', { name: `Catatan ${names[0]}` }).fill('Prioritas pertama');
  await expect(page.getByText('Ada perubahan yang belum disimpan.')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan rencana' }).click();
  await expect(page.getByText(/Rencana suksesi disimpan \(revisi 1\)/)).toBeVisible();
  await expect(page.getByText('Semua perubahan tersimpan.')).toBeVisible();

  // Reload: the plan is there, in order, with readiness, notes and its history; the risk is no longer high.
  await page.reload();
  await expect(page.getByTestId('position-name')).toHaveText(target.name);
  const plan = page.getByTestId('plan-candidate');
  await expect(plan).toHaveCount(2);
  await expect(plan.nth(0)).toContainText(names[0]);
  await expect(plan.nth(1)).toContainText(names[1]);
  await expect(page.getByRole('combobox', { name: `Kesiapan ${names[0]}` })).toHaveValue('siap_sekarang');
  await expect(page.getByRole('combobox', { name: `Kesiapan ${names[1]}` })).toHaveValue('siap_1_2_tahun');
  await expect(page.getByRole('textbox', { name: `Catatan ${names[0]}` })).toHaveValue('Prioritas pertama');
  await expect(page.getByRole('list', { name: 'Riwayat rencana' })).toContainText('Revisi 1');
  await expect(page.getByTestId('bench-siap_sekarang')).toHaveText('1');
  await expect(page.locator('.profile-sub .risk-tinggi')).toHaveCount(0);
  await saveArtifact(page, 'suksesi-rencana-tersimpan');

  const stored = await jenjang.call<PositionDetail>('succession:position', { positionId: target.positionId });
  expect(stored.plan!.candidates.map((c) => [c.fullName, c.readiness, c.rank])).toEqual([[names[0], 'siap_sekarang', 1], [names[1], 'siap_1_2_tahun', 2]]);
  expect(stored.risk).not.toBe('tinggi');

  // A second revision, then the first one back from the history (saving it makes revision 3).
  await page.getByRole('combobox', { name: `Kesiapan ${names[1]}` }).selectOption('siap_sekarang');
  await page.getByRole('button', { name: 'Simpan rencana' }).click();
  await expect(page.getByText(/Rencana suksesi disimpan \(revisi 2\)/)).toBeVisible();
  await page.getByRole('list', { name: 'Riwayat rencana' }).getByRole('button', { name: 'Muat ke editor' }).click();
  await expect(page.getByRole('combobox', { name: `Kesiapan ${names[1]}` })).toHaveValue('siap_1_2_tahun');
  await expect(page.getByText('Ada perubahan yang belum disimpan.')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan rencana' }).click();
  await expect(page.getByText(/Rencana suksesi disimpan \(revisi 3\)/)).toBeVisible();
  const restored = await jenjang.call<PositionDetail>('succession:position', { positionId: target.positionId });
  expect(restored.plan!.candidates.map((c) => [c.fullName, c.readiness, c.notes])).toEqual([[names[0], 'siap_sekarang', 'Prioritas pertama'], [names[1], 'siap_1_2_tahun', null]]);
  expect(restored.history.map((h) => h.revision)).toEqual([3, 2, 1]);
  expect(problems).toEqual([]);
});

test('Suksesi: the timeline chart has a table view and an XLSX export with the same numbers; key positions can be marked', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const overview = await jenjang.call<SuccessionOverview>('succession:overview', {});
  await jenjang.open(page, '#/suksesi');
  const card = page.getByRole('region', { name: 'Proyeksi kekosongan karena pensiun' });
  await card.getByRole('button', { name: 'Tabel' }).click();
  for (const t of overview.timeline.slice(1)) {
    await expect(card.getByRole('row', { name: new RegExp(`^${t.year}\\b`) })).toContainText(String(t.count));
  }
  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Ekspor XLSX' }).click();
  const download = await downloading;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const exported: Record<string, number> = {};
  workbook.worksheets[0].eachRow((row) => {
    const year = String(row.getCell(1).value ?? '');
    if (/^\d{4}$/.test(year)) exported[year] = Number(row.getCell(2).value);
  });
  expect(exported).toEqual(Object.fromEntries(overview.timeline.slice(1).map((t) => [String(t.year), t.count])));

  // Mark a pengawas post as key: it joins the overview.
  await page.getByRole('tab', { name: 'Jabatan kritikal' }).click();
  await page.getByRole('combobox', { name: 'Jenjang jabatan' }).selectOption('pengawas');
  const first = page.getByRole('table', { name: 'Jabatan struktural' }).getByRole('checkbox').first();
  await expect(first).not.toBeChecked();
  const label = (await first.getAttribute('aria-label'))!.replace('Jabatan kritikal: ', '');
  await first.check();
  await expect(page.getByText(`${label} ditandai sebagai jabatan kritikal.`)).toBeVisible();
  await saveArtifact(page, 'suksesi-penandaan-kritikal');
  const after = await jenjang.call<SuccessionOverview>('succession:overview', {});
  expect(after.totals.keyPositions).toBe(overview.totals.keyPositions + 1);
  expect(after.positions.some((p) => p.name === label)).toBe(true);

  // Pengaturan › Suksesi: the readiness labels are configurable and show up on the page.
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pengaturan' }).click();
  const settings = page.getByRole('form', { name: 'Pengaturan suksesi' });
  await settings.getByRole('textbox', { name: 'Siap > 2 tahun (bawaan)' }).fill('Siap 3–5 tahun');
  await settings.getByRole('button', { name: 'Simpan pengaturan suksesi' }).click();
  await expect(page.getByText('Pengaturan suksesi disimpan.')).toBeVisible();
  await settings.scrollIntoViewIfNeeded();
  await saveArtifact(page, 'suksesi-pengaturan');
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Suksesi' }).click();
  await page.getByRole('region', { name: 'Kekuatan bangku cadangan' }).getByRole('button', { name: 'Tabel' }).click();
  await expect(page.getByRole('region', { name: 'Kekuatan bangku cadangan' }).getByRole('columnheader', { name: 'Siap 3–5 tahun' })).toBeVisible();
  expect(problems).toEqual([]);
});
