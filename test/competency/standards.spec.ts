// Standar kompetensi jabatan from two desks: the form keeps the officer's edits when another desk saves the same
// position's standard meanwhile; saving them is then refused with who saved and when, and "Muat ulang" shows the
// stored standard. The officer's own saves follow one another without refusing themselves.

import { expect, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 300 });

test('Standar kompetensi: own saves in a row, another desk\'s save keeps the edits and refuses them, Muat ulang', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const [position] = (await jenjang.call<{ positions: Array<{ id: number; name: string }> }>('reference:positions', { search: 'Kepala Badan Kepegawaian', limit: 1 })).positions;
  await jenjang.open(page, '#/peta-kompetensi?tab=standar');
  const section = page.getByRole('region', { name: 'Standar kompetensi jabatan' });
  await section.getByPlaceholder('Ketik nama jabatan…').fill(position.name);
  await page.getByRole('option', { name: new RegExp(position.name) }).first().click();
  const level = section.getByLabel('Level standar M.01');
  await expect(level).toBeVisible();

  // Two saves of one's own in a row: the second is not refused as "changed by" oneself.
  await level.selectOption('2');
  await section.getByRole('button', { name: 'Simpan standar' }).click();
  await expect(page.getByText(/Standar disimpan/).first()).toBeVisible();
  await level.selectOption('3');
  await section.getByRole('button', { name: 'Simpan standar' }).click();
  await expect(section.getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => (await jenjang.call<{ items: Array<{ competency: { code: string }; requiredLevel: number }> }>('competency:standard', { positionId: position.id }))
    .items.find((i) => i.competency.code === 'M.01')?.requiredLevel).toBe(3);

  // The officer edits; another desk saves the same position's standard meanwhile.
  await level.selectOption('4');
  const stored = await jenjang.call<{ position: { version: number }; items: Array<{ competency: { id: number; code: string }; requiredLevel: number }> }>('competency:standard', { positionId: position.id });
  await jenjang.call('competency:saveStandard', {
    positionId: position.id, version: stored.position.version,
    items: stored.items.map((i) => ({ competencyId: i.competency.id, requiredLevel: i.competency.code === 'M.01' ? 1 : i.requiredLevel })),
  });
  // The screen hears of the change and keeps the officer's 4.
  await page.waitForTimeout(500);
  await expect(level).toHaveValue('4');
  await section.getByRole('button', { name: 'Simpan standar' }).click();
  await expect(section.getByRole('alert')).toContainText(/sudah diubah oleh .+ pada \d{1,2} [A-Z][a-z]+ \d{4} pukul/);
  await section.getByRole('button', { name: 'Muat ulang' }).click();
  await expect(level).toHaveValue('1');
  expect(problems).toEqual([]);
});
