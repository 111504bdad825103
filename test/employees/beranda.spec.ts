import ExcelJS from 'exceljs';
import { expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 2000 });

test('Beranda: every chart has a table view and an XLSX export with the same numbers', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  const stats = await jenjang.call<{ retirements: Record<string, number> }>('stats:overview', {});
  await jenjang.open(page);
  const card = page.getByRole('region', { name: 'Proyeksi pensiun 5 tahun (pegawai aktif)' });
  await expect(card.locator('.recharts-bar-rectangle')).toHaveCount(Object.values(stats.retirements).filter((n) => n > 0).length);
  await saveArtifact(page, 'beranda');

  await card.getByRole('button', { name: 'Tabel' }).click();
  const table = card.getByRole('table');
  for (const [year, count] of Object.entries(stats.retirements)) {
    await expect(table.getByRole('row', { name: new RegExp(`^${year}\\b`) })).toContainText(String(count));
  }

  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Ekspor XLSX' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^proyeksi-pensiun-pegawai-aktif-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0];
  const exported: Record<string, number> = {};
  let printedBy = '';
  sheet.eachRow((row, index) => {
    const first = String(row.getCell(1).value);
    if (first.startsWith('Dicetak oleh ')) printedBy = first;
    else if (index > 4) exported[first] = Number(row.getCell(2).value);
  });
  expect(exported).toEqual(stats.retirements);
  expect(printedBy).toMatch(/^Dicetak oleh .+ pada \d{1,2} \w+ \d{4} pukul \d\d\.\d\d$/);
  expect(problems).toEqual([]);
});
