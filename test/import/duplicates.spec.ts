// A NIP twice in one file on Impor Data: the first row is kept and the later one rejected by default; "tolak semua
// baris itu" rejects both, and the counts and the issue list follow the choice.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited } from '../../main/demo/import-files';
import { TEST_TODAY } from '../today';
import { expect, test, watchConsole } from '../helpers/e2e-fixtures';

const EMPLOYEES = 150;
test.use({ demoEmployees: EMPLOYEES });

test('a repeated NIP: keep the first row (the default) or reject all of them', async ({ page, jenjang }) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-e2e-ganda-'));
  // The district the fixture loaded, with one row repeated (its pns_id left out: the NIP alone repeats).
  const rows = siasnRows(generateDemoDistrict({ employees: EMPLOYEES, seed: 2026, asOf: TEST_TODAY }));
  const file = path.join(dir, 'siasn-nip-ganda.csv');
  writeDelimited(file, SIASN_HEADER, [...rows, { ...rows[4], pns_id: '' }], { delimiter: '|' });

  await jenjang.open(page, '#/impor');
  await page.getByLabel('Berkas impor').setInputFiles(file);
  await expect(page.getByTestId('count-rows')).toHaveText(String(EMPLOYEES + 1));
  const keepFirst = page.getByRole('radio', { name: 'pakai baris pertama, tolak baris berikutnya' });
  const rejectAll = page.getByRole('radio', { name: 'tolak semua baris itu' });
  await expect(keepFirst).toBeChecked();
  await expect(page.getByTestId('count-rejected')).toHaveText('1');
  const issues = page.getByRole('table', { name: 'Daftar masalah' });
  await expect(issues).toContainText('sudah ada di baris 6; baris ini ditolak dan baris 6 yang dipakai');

  await rejectAll.click();
  await expect(rejectAll).toBeChecked();
  await expect(page.getByTestId('count-rejected')).toHaveText('2');
  await expect(issues).toContainText('muncul 2 kali dalam berkas (baris 6 dan');
  expect(problems).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
