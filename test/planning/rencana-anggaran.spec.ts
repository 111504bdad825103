import { formatNumberId, formatRupiah } from '../../shared/format/id-format';
import { developerNotes } from '../helpers/developer-notes';
import { expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

// Rencana Anggaran end to end on a demo district (TEST_TODAY 2026-11-24, plan year 2027): a plan for one OPD
// under a tight budget, two scenarios side by side, one accepted, and its IDP items on a participant's profile.

interface Needs { needsTotal: number; byOpd: Array<{ opdId: number; opdName: string; needs: number }> }
interface Proposal { cost: number; needsCovered: number; needsTotal: number; items: Array<{ catalogId: number; title: string; participants: Array<{ employeeId: number; name: string }> }> }

test.use({ demoEmployees: 800 });
test.describe.configure({ timeout: 180_000 });

test('a plan for one OPD with a tight budget: two scenarios compared, one accepted, its IDP items on a profile', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const needs = await jenjang.call<Needs>('planning:needs', { year: 2027 });
  const opd = needs.byOpd[0];
  // What the screen will propose for the same scope and budgets (the solver is deterministic on the same model).
  const tight = await jenjang.call<Proposal>('planning:propose', { year: 2027, budget: 10_000_000, unitId: opd.opdId });
  const wide = await jenjang.call<Proposal>('planning:propose', { year: 2027, budget: 40_000_000, unitId: opd.opdId });
  expect(tight.items.length).toBeGreaterThan(0);

  await jenjang.open(page, '#/pengembangan?tab=anggaran');
  await expect(page.getByRole('tab', { name: 'Rencana Anggaran' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('needs-total')).toContainText(`${formatNumberId(needs.needsTotal)} kebutuhan`);

  const picker = page.getByRole('combobox', { name: 'Perangkat daerah rencana' });
  await picker.fill(opd.opdName);
  await page.getByRole('listbox', { name: 'Perangkat daerah rencana' }).getByRole('option').filter({ hasText: opd.opdName }).first().click();
  await expect(page.getByTestId('needs-total')).toContainText(`${formatNumberId(opd.needs)} kebutuhan`);

  const budget = page.getByRole('textbox', { name: 'Anggaran rencana' });
  await budget.fill('10.000.000');
  await page.getByRole('button', { name: 'Susun skenario' }).click();
  const comparison = page.getByRole('table', { name: 'Tabel perbandingan skenario' });
  await expect(comparison.getByRole('columnheader', { name: 'Skenario 1' })).toBeVisible({ timeout: 60_000 });
  await budget.fill('40.000.000');
  await page.getByRole('button', { name: 'Susun skenario' }).click();
  await expect(comparison.getByRole('columnheader', { name: 'Skenario 2' })).toBeVisible({ timeout: 60_000 });

  const costRow = comparison.getByRole('row', { name: /Biaya rencana/ });
  await expect(costRow).toContainText(formatRupiah(tight.cost));
  await expect(costRow).toContainText(formatRupiah(wide.cost));
  await expect(comparison.getByRole('row', { name: /Kebutuhan terpenuhi/ })).toContainText(`${formatNumberId(tight.needsCovered)} dari ${formatNumberId(tight.needsTotal)}`);
  const details = page.getByRole('table', { name: 'Kegiatan skenario' });
  await expect(details).toContainText(wide.items[0].title);
  const main = await page.locator('main').innerText();
  expect(main.match(/\b[a-z]+:[a-z][A-Za-z]+\b|\b[a-z]+_[a-z0-9_]+\b|\b\d+\.\d\b(?![.\d])/g) ?? [], 'internal text on the tab').toEqual([]);
  expect(developerNotes(main)).toEqual([]);
  await saveArtifact(page, 'rencana-anggaran-skenario');

  await comparison.getByRole('button', { name: 'Terima Skenario 1' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Skenario 1 diterima' })).toBeVisible();

  const item = tight.items[0];
  const person = item.participants[0];
  await jenjang.open(page, `#/pegawai/${person.employeeId}?tab=idp`);
  const plan = page.getByRole('region', { name: 'Rencana pengembangan 2027' });
  await expect(plan).toContainText(item.title);
  await saveArtifact(page, 'rencana-anggaran-profil');
  expect(problems).toEqual([]);
});
