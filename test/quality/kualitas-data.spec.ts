// Kualitas Data as an officer uses it: the district index and the checks, the people one check finds with the
// finding in words, narrowed to one perangkat daerah, and from there to the profile to fix it; the index over time,
// "Perbaiki" where the NIP gives the answer, the local corrections exported for SIASN; and the 9-box's warning.

import ExcelJS from 'exceljs';
import { expect, test, watchConsole } from '../helpers/e2e-fixtures';
import { inputFromProfile } from '../helpers/employee-input';

test.use({ demoEmployees: 80 });

interface Overview { index: number; checks: Array<{ key: string; label: string; found: number }>; units: Array<{ unitId: number | null; name: string }> }
interface Findings { total: number; rows: Array<{ employeeId: number; nip: string; name: string; unitName: string | null; finding: string }> }

test('Kualitas Data: index, a check\'s people, one perangkat daerah, on to the profile', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  // The demo district's own gaps: the first check that finds someone, and the first person it finds.
  const overview = await jenjang.call<Overview>('quality:overview', {});
  const check = overview.checks.find((c) => c.found > 0 && c.key !== 'duplikat_nama_tanggal_lahir')!;
  expect(check).toBeTruthy();
  const { rows: [person] } = await jenjang.call<Findings>('quality:findings', { check: check.key, offset: 0, limit: 1 });

  await jenjang.open(page, '#/kualitas-data');
  await expect(page.getByRole('heading', { level: 1, name: 'Kualitas Data' })).toBeVisible();
  await expect(page.getByText('Indeks kabupaten')).toBeVisible();
  await expect(page.locator('.stat-value').first()).toHaveText(overview.index.toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const checks = page.getByRole('table', { name: 'Pemeriksaan kualitas data' });
  await checks.getByRole('row').filter({ hasText: check.label }).getByRole('button', { name: 'Lihat pegawai' }).click();

  const found = page.getByRole('table', { name: 'Pegawai yang ditemukan' });
  await expect(found.getByRole('row').filter({ hasText: person.name }).first()).toContainText(person.finding);

  // Narrow to the person's perangkat daerah: the heading names it and the person stays in the list.
  const units = page.getByRole('table', { name: 'Indeks per perangkat daerah' });
  const unitFilter = await jenjang.call<Findings>('quality:findings', { check: check.key, offset: 0, limit: 500 });
  expect(unitFilter.rows.some((r) => r.employeeId === person.employeeId)).toBe(true);
  for (const unit of overview.units.filter((u) => u.unitId !== null)) {
    const inUnit = await jenjang.call<Findings>('quality:findings', { check: check.key, unitId: unit.unitId, offset: 0, limit: 500 });
    if (!inUnit.rows.some((r) => r.employeeId === person.employeeId)) continue;
    await units.getByRole('row').filter({ hasText: unit.name }).first().getByRole('button', { name: 'Saring daftar' }).click();
    await expect(page.getByRole('heading', { level: 2, name: `${check.label} — ${unit.name}` })).toBeVisible();
    await expect(found.getByRole('row').filter({ hasText: person.name }).first()).toBeVisible();
    break;
  }

  // The XLSX for the OPD holds every person the check finds there, not only the page in view.
  const heading = await page.getByRole('heading', { level: 2 }).filter({ hasText: check.label }).innerText();
  const unitName = heading.includes(' — ') ? heading.split(' — ')[1] : null;
  const unitId = unitName ? overview.units.find((u) => u.name === unitName)!.unitId! : undefined;
  const expected = await jenjang.call<Findings>('quality:findings', { check: check.key, unitId, offset: 0, limit: 500 });
  const downloading = page.waitForEvent('download');
  // The findings' own export (the trend card beside it has one for its table).
  await page.getByRole('region', { name: `Temuan: ${check.label}` }).getByRole('button', { name: 'Ekspor XLSX' }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await (await downloading).path())!);
  const nips: string[] = [];
  workbook.worksheets[0].eachRow((row) => {
    const first = String(row.getCell(1).value ?? '');
    if (/^\d{8} \d{6} \d \d{3}$|^\d{18}$/.test(first)) nips.push(first.replace(/\s/g, ''));
  });
  expect(nips.sort()).toEqual(expected.rows.map((r) => r.nip).sort());

  await found.getByRole('link', { name: person.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`#/pegawai/${person.employeeId}`));
  expect(problems).toEqual([]);
});

interface Profile { id: number; version: number; nip: string; gender: 'L' | 'P' }
interface Trend { points: Array<{ reason: string; index: number | null }> }

test('Kualitas Data: the trend, Perbaiki from the NIP, and the corrections for SIASN', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  // A record whose gender SIASN got wrong: set against the NIP through the normal edit (a warning, not an error).
  const { rows } = await jenjang.call<{ rows: Array<{ id: number }> }>('employees:list', { limit: 20, status: ['active'], employmentType: ['PNS'] });
  let profile: (Profile & Record<string, unknown>) | null = null;
  for (const { id } of rows) {
    const candidate = await jenjang.call<Profile & Record<string, unknown>>('employees:get', { id });
    if (candidate.gender === (candidate.nip[14] === '1' ? 'L' : 'P')) {
      profile = candidate;
      break;
    }
  }
  if (!profile) throw new Error('no active PNS whose gender agrees with the NIP among the first 20');
  const right = profile.gender;
  const wrong = right === 'L' ? 'P' : 'L';
  await jenjang.call('employees:update', { id: profile.id, version: profile.version, input: { ...inputFromProfile(profile as never), gender: wrong } });
  const spoilt = profile;
  // The day's record of the index (the host makes it at start; this waits for it or makes it).
  await jenjang.call('quality:recordDaily', {});
  const trend = await jenjang.call<Trend>('quality:trend', {});
  expect(trend.points.map((p) => p.reason)).toEqual(['harian']);

  await jenjang.open(page, '#/kualitas-data');
  const trendCard = page.getByRole('region', { name: 'Indeks dari waktu ke waktu' });
  await expect(trendCard.getByTestId('quality-trend-chart')).toBeVisible();
  await trendCard.getByRole('button', { name: 'Tabel' }).click();
  await expect(trendCard.getByRole('row').filter({ hasText: 'Catatan harian' })).toHaveCount(1);

  const checks = page.getByRole('table', { name: 'Pemeriksaan kualitas data' });
  await checks.getByRole('row').filter({ hasText: 'NIP dan jenis kelamin' }).getByRole('button', { name: 'Lihat pegawai' }).click();
  const found = page.getByRole('table', { name: 'Pegawai yang ditemukan' });
  const row = found.getByRole('row').filter({ hasText: spoilt.nip.slice(0, 8) }).filter({ hasText: String(spoilt.name) });
  await row.getByRole('button', { name: 'Perbaiki' }).click();
  const dialog = page.getByRole('dialog', { name: 'Perbaiki data dari NIP' });
  await expect(dialog).toContainText(right === 'L' ? 'Laki-laki' : 'Perempuan');
  await dialog.getByRole('button', { name: 'Ya, perbaiki' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);
  expect((await jenjang.call<Profile>('employees:get', { id: spoilt.id })).gender).toBe(right);

  const corrections = page.getByRole('table', { name: 'Daftar koreksi lokal' });
  const correction = corrections.getByRole('row').filter({ hasText: String(spoilt.name) });
  await expect(correction).toContainText('Jenis kelamin');
  await expect(correction).toContainText('Koreksi lokal berlaku');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor untuk SIASN (XLSX)' }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await (await downloading).path())!);
  const lines: string[][] = [];
  workbook.worksheets[0].eachRow((r) => lines.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  const header = lines.findIndex((l) => l[0] === 'NIP');
  expect(lines[header]).toEqual(['NIP', 'Nama', 'Data', 'Nilai SIASN', 'Nilai koreksi', 'Tanggal', 'Oleh']);
  const exported = lines.slice(header + 1).find((l) => l[0].replace(/\s/g, '') === spoilt.nip)!;
  expect(exported.slice(2, 5)).toEqual(['Jenis kelamin', wrong === 'L' ? 'Laki-laki' : 'Perempuan', right === 'L' ? 'Laki-laki' : 'Perempuan']);
  expect(problems).toEqual([]);
});

test('Manajemen Talenta: the 9-box says how many of its population it cannot show', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const { latest } = await jenjang.call<{ latest: number }>('performance:years', {});
  const ninebox = await jenjang.call<{ population: number; unplaced: { count: number; missingKinerja: number; missingPotensi: number } }>('talent:ninebox', { year: latest, peoplePerBox: 0 });
  expect(ninebox.unplaced.count).toBeGreaterThan(0);
  await jenjang.open(page, '#/talenta');
  const warning = page.getByTestId('ninebox-data-gaps');
  await expect(warning).toContainText(`${ninebox.unplaced.count.toLocaleString('id-ID')} dari ${ninebox.population.toLocaleString('id-ID')} pegawai tidak tampil di kotak 9`);
  if (ninebox.unplaced.missingPotensi > 0) await expect(warning).toContainText(`${ninebox.unplaced.missingPotensi.toLocaleString('id-ID')} tanpa asesmen potensi`);
  expect(problems).toEqual([]);
});
