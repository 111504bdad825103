import ExcelJS from 'exceljs';
import { formatNip } from '../../shared/domain/nip';
import { formatDateId, formatNumberId, formatYearMonthId } from '../../shared/format/id-format';
import { developerNotes } from '../helpers/developer-notes';
import { expect, firstRow, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

// Tab KGB of Pengembangan end to end on a demo district (its employees carry the masa kerja golongan of their last
// rank decree): open the tab, narrow it to one month, check the rows against the list the API gives, and export the
// usulan workbook and read it back.

interface KgbList {
  fromMonth: string;
  toMonth: string;
  counts: { due: number; blocked: number };
  total: number;
  rows: Array<{ nip: string; name: string; dueDate: string; status: 'due' | 'blocked' }>;
}

test.use({ demoEmployees: 600 });
test.describe.configure({ timeout: 180_000 });

test('KGB: from the Beranda figure to the list of this month and the next two, one month chosen, its usulan workbook read back', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const initial = await jenjang.call<KgbList>('careers:kgbList', { limit: 500 });
  const first = firstRow(initial.rows.filter((r) => r.status === 'due'), 'the demo district has PNS whose KGB falls due in the next three months');
  const month = first.dueDate.slice(0, 7);
  const ofMonth = await jenjang.call<KgbList>('careers:kgbList', { fromMonth: month, toMonth: month, limit: 500 });

  // From the Beranda: the KGB figure of "Jatuh tempo" is the list's count, and opens the tab.
  const due = await jenjang.call<{ kgb: { due: number; blocked: number } }>('careers:dueSoon', {});
  expect(due.kgb.due + due.kgb.blocked).toBe(initial.counts.due + initial.counts.blocked);
  await jenjang.open(page, '#/');
  const panel = page.getByRole('region', { name: 'Jatuh tempo 3 bulan ke depan' });
  await expect(panel.getByTestId('due-kgb')).toContainText(formatNumberId(initial.counts.due + initial.counts.blocked));
  await saveArtifact(page, 'beranda-jatuh-tempo');
  await panel.getByTestId('due-kgb').click();
  await expect(page.getByRole('tab', { name: 'KGB' })).toHaveAttribute('aria-selected', 'true');
  const card = page.getByRole('region', { name: 'Kenaikan gaji berkala' });
  await expect(card.getByRole('heading', { name: `Kenaikan gaji berkala — ${formatYearMonthId(initial.fromMonth)} s.d. ${formatYearMonthId(initial.toMonth)}` })).toBeVisible();
  await expect(card.getByTestId('kgb-due')).toHaveText(formatNumberId(initial.counts.due));
  await expect(card.getByTestId('kgb-blocked')).toHaveText(formatNumberId(initial.counts.blocked));
  await saveArtifact(page, 'pengembangan-kgb');

  // One month: from and to the month of the first due row.
  const filters = page.getByRole('group', { name: 'Filter KGB' });
  await filters.getByRole('combobox', { name: 'Dari bulan' }).selectOption(month);
  await filters.getByRole('combobox', { name: 'Sampai bulan' }).selectOption(month);
  await expect(card.getByRole('heading', { name: `Kenaikan gaji berkala — ${formatYearMonthId(month)}` })).toBeVisible();
  await expect(card.getByTestId('kgb-total')).toHaveText(formatNumberId(ofMonth.counts.due + ofMonth.counts.blocked));
  const table = card.getByRole('table', { name: 'Daftar nominatif KGB' });
  await expect(table.getByRole('row')).toHaveCount(Math.min(ofMonth.total, 50) + 1);
  const firstOfMonth = table.getByRole('row').nth(1);
  await expect(firstOfMonth).toContainText(formatNip(ofMonth.rows[0].nip));
  await expect(firstOfMonth).toContainText(formatDateId(ofMonth.rows[0].dueDate));
  // Every due date shown lies in the month, in Indonesian.
  for (const cell of await table.locator('tbody tr td:nth-child(5)').allInnerTexts()) expect(cell).toMatch(new RegExp(`^\\d{1,2} ${formatYearMonthId(month)}$`));
  const text = await page.locator('main').innerText();
  expect(text.match(/\b[a-z]+:[a-z][A-Za-z]+\b|\b[a-z]+_[a-z0-9_]+\b|\b\d+\.\d\b(?![.\d])/g) ?? [], 'internal text on the KGB tab').toEqual([]);
  expect(developerNotes(text)).toEqual([]);
  await saveArtifact(page, 'pengembangan-kgb-bulan');

  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Ekspor usulan KGB (XLSX)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`usulan-kgb-${month}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Usulan KGB', 'Belum memenuhi syarat']);
  expect(workbook.worksheets[0].getCell('A2').value).toBe(`BULAN ${formatYearMonthId(month).toUpperCase()}`);
  const nipsIn = (sheet: ExcelJS.Worksheet) => {
    const nips: string[] = [];
    sheet.eachRow((row) => { const v = row.getCell(2).value; if (typeof v === 'string' && /^\d{18}$/.test(v)) nips.push(v); });
    return nips.sort();
  };
  expect(nipsIn(workbook.worksheets[0])).toEqual(ofMonth.rows.filter((r) => r.status === 'due').map((r) => r.nip).sort());
  expect(nipsIn(workbook.worksheets[1])).toEqual(ofMonth.rows.filter((r) => r.status === 'blocked').map((r) => r.nip).sort());
  expect(problems).toEqual([]);
});
