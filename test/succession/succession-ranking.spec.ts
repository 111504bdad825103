import type { Page } from '@playwright/test';
import type { PositionDetail, RankResult, SuccessionOverview } from '../../shared/schemas/succession';
import { developerNotes } from '../helpers/developer-notes';
import { expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 2000 });

/** A grouped NIP as printed on an SK: 19850312 201001 1 004. */
const GROUPED_NIP = /^\d{8} \d{6} \d \d{3}$/;

/** Text of the page's main content that looks like an internal code (a snake_case word, a channel name) or a developer note. */
async function internalCodes(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return [...[...text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+:[a-z][A-Za-z]+\b/g)].map((m) => m[0]), ...developerNotes(text)];
}

/** Labels repeated around a middle dot ("Administrator · Administrator"). */
async function repeatedLabels(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return [...text.matchAll(/(?:^|[\s(])([A-Z][\w ]+?) · \1(?=$|[\s·),])/gm)].map((m) => m[0].trim());
}

test('Suksesi: the ranking filtered to complete data, and a rumpun edit that changes a candidate\'s score', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const overview = await jenjang.call<SuccessionOverview>('succession:overview', {});
  const post = overview.positions.find((p) => p.name === 'Sekretaris Dinas Kesehatan')!;
  expect(post).toBeDefined();
  const ranking = await jenjang.call<RankResult>('succession:rank', { positionId: post.positionId, limit: 200 });
  expect(ranking.completeData).toBeGreaterThan(0);
  expect(ranking.completeData).toBeLessThan(ranking.eligible);

  await jenjang.open(page, `#/suksesi/jabatan/${post.positionId}`);
  await expect(page.getByTestId('position-name')).toHaveText(post.name);
  await expect(page.getByTestId('position-rumpun')).toContainText('Kesehatan');
  await expect(page.getByTestId('position-rumpun')).toContainText('usulan Jenjang');
  const summary = page.getByTestId('ranking-summary');
  await expect(summary).toContainText(`${ranking.eligible.toLocaleString('id-ID')} memenuhi syarat (${ranking.completeData.toLocaleString('id-ID')} dengan data lengkap)`);
  const rows = page.getByTestId('ranked-candidate');
  await expect(rows.first()).toBeVisible();
  // NIPs grouped as on an SK, never the bare 18 digits.
  for (const nip of await rows.locator('td:nth-child(2) .muted').allInnerTexts()) expect(nip.split('⚑')[0].trim()).toMatch(GROUPED_NIP);

  // Only complete data: every row has data for every weighted component.
  await page.getByRole('combobox', { name: 'Kandidat yang ditampilkan' }).selectOption('complete');
  // The page of all eligible candidates may also hold 50 rows: wait until the list shown is the filtered one.
  await expect(rows.locator('.coverage').filter({ hasNotText: 'data 100%' })).toHaveCount(0);
  await expect(rows).toHaveCount(Math.min(50, ranking.completeData));
  for (const coverage of await rows.locator('.coverage').allInnerTexts()) expect(coverage).toBe('data 100%');
  const completeIds = ranking.rows.filter((r) => r.coverage === 100).slice(0, 3).map((r) => r.fullName);
  for (const [i, name] of completeIds.entries()) await expect(rows.nth(i).getByRole('link').first()).toHaveText(name);
  await saveArtifact(page, 'suksesi-kandidat-data-lengkap');

  // A candidate whose rumpun is another one: the Rincian explains it, with no points.
  await page.getByRole('combobox', { name: 'Kandidat yang ditampilkan' }).selectOption('eligible');
  const other = ranking.rows.find((r) => r.components.find((c) => c.key === 'rumpun')!.value === 0)!;
  expect(other).toBeDefined();
  const theirs = other.components.find((c) => c.key === 'rumpun')!.detail.match(/^rumpun lain \((.+)\)$/)![1];
  await page.getByRole('searchbox', { name: 'Cari kandidat' }).fill(other.fullName);
  const row = rows.filter({ hasText: other.fullName }).first();
  await expect(row.locator('.score')).toHaveText(other.score!.toLocaleString('id-ID', { maximumFractionDigits: 1 }));
  await row.getByRole('button', { name: 'Rincian' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('table', { name: 'Rincian skor' }).getByRole('row', { name: /Kesesuaian rumpun jabatan/ })).toContainText(`rumpun lain (${theirs})`);
  await expect(dialog.getByText(/Komponen tanpa data bernilai nol/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Tutup' }).click();

  // The office sets the post's rumpun to the candidate's: their score rises by the rumpun's full weight.
  await page.getByRole('combobox', { name: 'Rumpun jabatan' }).fill(theirs);
  await page.getByRole('button', { name: 'Simpan rumpun' }).click();
  await expect(page.getByText(`Rumpun jabatan ditetapkan: ${theirs}.`)).toBeVisible();
  await expect(page.getByTestId('position-rumpun')).toContainText('ditetapkan kantor');
  const raised = (await jenjang.call<RankResult>('succession:rank', { positionId: post.positionId, search: other.fullName })).rows.find((r) => r.employeeId === other.employeeId)!;
  expect(raised.score! - other.score!).toBeCloseTo(9.1, 0);
  await expect(row.locator('.score')).toHaveText(raised.score!.toLocaleString('id-ID', { maximumFractionDigits: 1 }));
  await saveArtifact(page, 'suksesi-rumpun-diubah');
  expect(await internalCodes(page)).toEqual([]);
  expect(await repeatedLabels(page)).toEqual([]);

  // Back to Jenjang's proposal: the score is as before.
  await page.getByRole('button', { name: 'Kembalikan ke usulan' }).click();
  await expect(page.getByTestId('position-rumpun')).toContainText('usulan Jenjang');
  await expect(row.locator('.score')).toHaveText(other.score!.toLocaleString('id-ID', { maximumFractionDigits: 1 }));
  const detail = await jenjang.call<PositionDetail>('succession:position', { positionId: post.positionId });
  expect(detail.position).toMatchObject({ rumpun: 'Kesehatan', rumpunSetByOffice: false });
  expect(problems).toEqual([]);
});

test('Pengaturan › Suksesi: the rumpun weight and the related-rumpun table change the ranking', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const overview = await jenjang.call<SuccessionOverview>('succession:overview', {});
  const post = overview.positions.find((p) => p.name === 'Sekretaris Dinas Kesehatan')!;
  const ranking = await jenjang.call<RankResult>('succession:rank', { positionId: post.positionId, limit: 200 });
  const other = ranking.rows.find((r) => r.components.find((c) => c.key === 'rumpun')!.value === 0)!;
  const theirs = other.components.find((c) => c.key === 'rumpun')!.detail.match(/^rumpun lain \((.+)\)$/)![1];

  await jenjang.open(page, '#/pengaturan');
  const form = page.getByRole('form', { name: 'Pengaturan suksesi' });
  await expect(form.getByRole('spinbutton', { name: 'Kesesuaian rumpun jabatan' })).toHaveValue('10');
  const related = form.getByRole('region', { name: 'Rumpun terkait' });
  // The demo lists the JF families with the field they serve.
  await expect(related.getByRole('table', { name: 'Daftar rumpun terkait' })).toContainText('Perawat');
  await related.getByRole('combobox', { name: 'Rumpun', exact: true }).fill(theirs);
  await related.getByRole('combobox', { name: 'Terkait dengan' }).fill('Kesehatan');
  await related.getByRole('button', { name: 'Tambah pasangan' }).click();
  await expect(related.getByRole('button', { name: new RegExp(`^Hapus (${theirs} – Kesehatan|Kesehatan – ${theirs})$`) })).toBeVisible();
  await form.getByRole('spinbutton', { name: 'Kesesuaian rumpun jabatan' }).fill('20');
  await form.getByRole('button', { name: 'Simpan pengaturan suksesi' }).click();
  await expect(page.getByText('Pengaturan suksesi disimpan.')).toBeVisible();
  await related.scrollIntoViewIfNeeded();
  await saveArtifact(page, 'suksesi-pengaturan-rumpun');

  const after = (await jenjang.call<RankResult>('succession:rank', { positionId: post.positionId, search: other.fullName })).rows.find((r) => r.employeeId === other.employeeId)!;
  expect(after.components.find((c) => c.key === 'rumpun')).toMatchObject({ weight: 20, value: 0.5, detail: `rumpun terkait (${theirs} – Kesehatan)` });
  expect(problems).toEqual([]);
});
