import { dateText, expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 2000 });

test('Manajemen Talenta: open a Komite Talenta session, calibrate one person with a reason, reload, audit', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  await jenjang.open(page, '#/talenta');
  const grid = page.getByRole('grid', { name: 'Kotak 9 talenta' });
  await expect(grid).toBeVisible();
  await saveArtifact(page, 'manajemen-talenta');

  // Open a session for the whole district.
  await page.getByRole('button', { name: '+ Buka sidang' }).click();
  const create = page.getByRole('dialog', { name: 'Buka sidang Komite Talenta' });
  await create.getByLabel('Nama sidang').fill('Sidang Komite Talenta uji');
  await create.getByRole('button', { name: 'Buka sidang' }).click();
  await expect(create.getByText('Data tidak valid: Tanggal sidang wajib diisi.')).toBeVisible(); // the date is required
  await create.getByLabel('Tanggal sidang (wajib)').fill(dateText('2026-11-20'));
  await create.getByRole('button', { name: 'Buka sidang' }).click();
  await expect(page.getByText(/Sidang dibuka dengan [\d.]+ penempatan tercatat/)).toBeVisible();
  await expect(page.getByText('Mode kalibrasi')).toBeVisible();
  const sessions = page.getByRole('table', { name: 'Daftar sidang' });
  await expect(sessions).toContainText('Draf');
  await expect(sessions).not.toContainText('Draft');

  // Calibrate someone from box 5 to box 8.
  const box5 = page.getByTestId('box-5');
  const countBefore = Number((await page.getByTestId('box-8').getByRole('button').first().textContent())!.replace(/\D/g, '').slice(1));
  const person = box5.locator('.ninebox-people').getByRole('button').first();
  const name = (await person.textContent())!;
  await person.click();
  const explain = page.getByRole('dialog', { name: new RegExp(`Penempatan ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await expect(explain.getByText(/SKP tahunan/)).toBeVisible();
  await expect(explain.getByText(/Asesmen potensi/)).toBeVisible();
  await explain.getByLabel('Pindahkan ke kotak').selectOption('8');
  await explain.getByRole('button', { name: 'Simpan kalibrasi' }).click();
  // The reason is mandatory, and the message names it as the form does (no channel, no key).
  await expect(explain.getByText('Data tidak valid: Alasan kalibrasi wajib diisi (minimal 10 huruf).')).toBeVisible();
  await expect(explain).not.toContainText('talent:calibrate');
  await explain.getByLabel('Alasan (wajib)').fill('Capaian inovasi layanan tahun ini sangat menonjol menurut komite');
  await explain.getByRole('button', { name: 'Simpan kalibrasi' }).click();
  await expect(page.getByText('Dikalibrasi ke kotak 8.')).toBeVisible();
  await explain.getByRole('button', { name: 'Tutup' }).click();

  // Reload: the calibration is kept, box 8 grew by one, the person is marked.
  await page.reload();
  await expect(page.getByTestId('box-8').getByRole('button').first()).toHaveAccessibleName(new RegExp(`, ${countBefore + 1} pegawai`));
  await saveArtifact(page, 'manajemen-talenta-kalibrasi');

  // The audit log of that employee shows the calibration with its reason.
  const ids = await jenjang.call<{ rows: Array<{ id: number; fullName: string }> }>('employees:list', { search: name.split(',')[0], limit: 5 });
  const employee = ids.rows.find((r) => r.fullName === name)!;
  await jenjang.open(page, `#/pegawai/${employee.id}?tab=log`);
  const entry = page.getByRole('list', { name: 'Log perubahan' }).getByRole('listitem').first();
  await expect(entry).toContainText('Kalibrasi kotak 5 → 8');
  await expect(entry).toContainText('sangat menonjol');

  // Berita acara: the officer who recorded the session is the logged-in account (the demo Administrator), never the
  // computer's account; the report framework's preview lists the move.
  await jenjang.open(page, '#/talenta');
  await page.getByRole('button', { name: 'Berita acara Sidang Komite Talenta uji' }).click();
  await expect(page).toHaveURL(/#\/laporan\/berita-acara-talenta\?sidang=\d+$/);
  const preview = page.getByLabel('Pratinjau laporan');
  await expect(preview).toContainText(name);
  await expect(preview).toContainText('sangat menonjol');
  await expect(preview.getByLabel('Tanda tangan')).toContainText('Administrator Demo');
  await saveArtifact(page, 'berita-acara');
  expect(problems).toEqual([]);
});

test('Kinerja: predikat per year as a stacked bar, drill-down to the employees, completeness list', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const stats = await jenjang.call<{ performance: { year: number; byPredikat: Record<string, number>; withoutSkp: number } }>('stats:overview', {});
  await jenjang.open(page, '#/kinerja');
  const chart = page.getByTestId('predikat-chart');
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await saveArtifact(page, 'kinerja');
  await expect(page.getByTestId('without-skp-count')).toContainText(`${stats.performance.withoutSkp} dari`);
  // Shares rounded to one decimal may add up to 100,1 %: the axes stay 0–100 % in Indonesian notation.
  await expect(chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveText(['0%', '25%', '50%', '75%', '100%']);
  const units = page.getByRole('region', { name: new RegExp(`^Perbandingan unit kerja, ${stats.performance.year}`) });
  await expect(units.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveText(['0%', '25%', '50%', '75%', '100%']);

  // Table view shows the counts; clicking a bar segment opens the employees behind it.
  const card = page.getByRole('region', { name: 'Sebaran predikat per tahun' });
  await card.getByRole('button', { name: 'Jumlah' }).click();
  await card.getByRole('button', { name: 'Tabel' }).click();
  await expect(card.getByRole('row', { name: new RegExp(`^${stats.performance.year}`) })).toContainText(String(stats.performance.byPredikat['Sangat Baik']));
  await card.getByRole('button', { name: 'Grafik' }).click();
  await chart.locator('.recharts-bar-rectangle path').last().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/pegawai aktif/)).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Pegawai pada kategori ini' }).getByRole('row').nth(1)).toBeVisible();
  await dialog.getByRole('button', { name: 'Tutup' }).click();

  // Profile: timeline chart.
  await dialog.waitFor({ state: 'detached' });
  await jenjang.open(page, '#/pegawai/25?tab=kinerja');
  await expect(page.getByTestId('performance-timeline').locator('.recharts-line-dot').first()).toBeVisible();
  expect(problems).toEqual([]);
});
