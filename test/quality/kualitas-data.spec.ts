// Kualitas Data as an officer uses it: the district index and the checks, the people one check finds with the
// finding in words, narrowed to one perangkat daerah, and from there to the profile to fix it.

import ExcelJS from 'exceljs';
import { expect, test, watchConsole } from '../helpers/e2e-fixtures';

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
  await page.getByRole('button', { name: 'Ekspor XLSX' }).click();
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
