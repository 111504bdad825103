// Finding people and units from the keyboard: the unit picker (searchable, with the tree), Enter in the Pegawai
// search, and the quick search (Ctrl+K) from any screen.

import type { EmployeeRow } from '../../shared/schemas/employees';
import type { UnitNode } from '../../shared/schemas/reference';
import { formatNip } from '../../shared/domain/nip';
import { formatNumberId } from '../../shared/format/id-format';
import { expect, firstRow, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 800 });

test('the unit picker shows the tree, filters as you type with each unit\'s place in the tree, and works from the keyboard', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const { units } = await jenjang.call<{ units: UnitNode[] }>('reference:units', {});
  const byId = new Map(units.map((u) => [u.id, u]));
  await jenjang.open(page, '#/pegawai');
  await expect(page.getByTestId('employee-count')).toHaveText(/pegawai/);

  // Nothing typed: "all units", then every unit in tree order, children indented under their parent.
  const picker = page.getByRole('combobox', { name: 'Unit kerja' });
  await picker.focus();
  const list = page.getByRole('listbox', { name: 'Unit kerja' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(units.length + 1);
  await expect(options.first()).toHaveText('Semua unit kerja');
  const shown = await options.evaluateAll((items) => items.slice(1, 41).map((li) => ({
    name: li.querySelector('.combobox-label')!.textContent, depth: Number(li.getAttribute('data-depth')),
  })));
  expect(shown).toEqual(units.slice(0, 40).map((u) => ({ name: u.name, depth: u.depth })));
  expect(shown.some((u) => u.depth > 0)).toBe(true);
  await saveArtifact(page, 'pilih-unit-pohon');

  // Typing filters (case and word order do not matter); each hit says where it sits.
  const target = firstRow(units.filter((u) => u.depth >= 1 && /puskesmas/i.test(u.name) && u.activeEmployees > 0), 'the demo has UPTD Puskesmas under Dinas Kesehatan');
  const words = target.name.split(' ').slice(-2).reverse().join(' ').toLowerCase();
  await picker.fill(words);
  const expected = units.filter((u) => words.split(' ').every((w) => u.name.toLowerCase().includes(w)));
  await expect(options).toHaveCount(expected.length);
  const parent = byId.get(target.parentId!)!;
  await expect(options.filter({ hasText: target.name }).first()).toContainText(parent.name);
  await saveArtifact(page, 'pilih-unit-cari');

  // ↓ and Enter choose; the list shows that unit's employees.
  const index = expected.findIndex((u) => u.id === target.id);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue(target.name);
  await expect(page.getByTestId('employee-count')).toHaveText(`${formatNumberId(target.activeEmployees)} pegawai`);

  // Escape closes the list without changing the choice; the "all units" entry clears it.
  await picker.fill('dinas');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(picker).toHaveValue(target.name);
  await page.keyboard.press('ArrowDown');
  await expect(list).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue('');
  await expect(picker).toHaveAttribute('placeholder', 'Semua unit kerja');
  expect(problems).toEqual([]);
});

test('Enter in the Pegawai search opens a single hit; Ctrl+K finds an employee from any screen', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const some = await jenjang.call<{ rows: EmployeeRow[] }>('employees:list', { status: ['active'], limit: 40, offset: 100 });
  const person = firstRow(some.rows, 'the demo has active employees');

  // One hit: Enter opens the profile.
  await jenjang.open(page, '#/pegawai');
  const search = page.getByRole('searchbox', { name: 'Cari NIP atau nama' });
  await search.fill(formatNip(person.nip));
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/pegawai/${person.id}$`));
  await expect(page.getByTestId('profile-name')).toHaveText(person.fullName);

  // Several hits: Enter hands the keyboard to the list, where ↓ and Enter open one.
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pegawai' }).click();
  await search.fill('an');
  await expect.poll(async () => Number((await page.getByTestId('employee-count').textContent())!.replace(/\D/g, ''))).toBeGreaterThan(1);
  await search.press('Enter');
  await expect(page.getByTestId('vtable-viewport')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/pegawai\/\d+$/);

  // Ctrl+K on Suksesi: type part of a name, pick with ↓ and Enter.
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Suksesi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Suksesi' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Cari pegawai' });
  await expect(dialog.getByRole('combobox')).toBeFocused();
  await page.keyboard.type(person.nip.slice(0, 14));
  const hit = dialog.getByRole('option').filter({ hasText: formatNip(person.nip) });
  await expect(hit).toHaveCount(1);
  await saveArtifact(page, 'cari-pegawai-ctrl-k');
  const position = await dialog.getByRole('option').evaluateAll((items, nip) => items.findIndex((li) => li.textContent!.includes(nip)), formatNip(person.nip));
  for (let i = 0; i < position; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('profile-name')).toHaveText(person.fullName);

  // Escape closes it without going anywhere.
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('profile-name')).toHaveText(person.fullName);
  expect(problems).toEqual([]);
});
