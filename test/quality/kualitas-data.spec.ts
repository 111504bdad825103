// Kualitas Data as an officer uses it: the district index and the checks, the people one check finds with the
// finding in words, narrowed to one perangkat daerah, and from there to the profile to fix it.

import { expect, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 80 });

interface Overview { index: number; checks: Array<{ key: string; label: string; found: number }>; units: Array<{ unitId: number | null; name: string }> }
interface Findings { total: number; rows: Array<{ employeeId: number; name: string; unitName: string | null; finding: string }> }

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

  await found.getByRole('link', { name: person.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`#/pegawai/${person.employeeId}`));
  expect(problems).toEqual([]);
});
