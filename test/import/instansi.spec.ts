// Another district's SIASN file on Impor Data (the demo district, whose agency identity holds its own instansi):
// the preview names both instansi and the alarm about unknown NIPs, leaves "create units" unticked, and the
// save button waits for the officer's explicit confirmation; once given, the file is imported.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited } from '../../main/demo/import-files';
import { TEST_TODAY } from '../today';
import { expect, saveArtifact, test, watchConsole } from '../helpers/e2e-fixtures';

test.use({ demoEmployees: 150 });

test('another district\'s snapshot: the mismatch is shown and saving needs the explicit confirmation', async ({ page, jenjang }) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-e2e-instansi-'));
  const other = { id: '8ae483a55f1b2a3c015f3b7c1d0a0042', name: 'Pemerintah Kabupaten Lembah Barat' };
  const rows = siasnRows(generateDemoDistrict({ employees: 40, seed: 991, asOf: TEST_TODAY })).map((r) => ({
    ...r, instansi_induk_id: other.id, instansi_induk_nama: other.name, instansi_kerja_id: other.id, instansi_kerja_nama: other.name,
  }));
  const file = path.join(dir, 'siasn-kabupaten-lain.csv');
  writeDelimited(file, SIASN_HEADER, rows, { delimiter: '|' });

  await jenjang.open(page, '#/impor');
  await page.getByLabel('Berkas impor').setInputFiles(file);
  const check = page.getByRole('region', { name: 'Instansi berkas' });
  await expect(check).toContainText('Berkas ini dari instansi lain.');
  await expect(check).toContainText('Pemerintah Kabupaten Lembah Barat');
  await expect(check).toContainText('sedangkan instansi Anda Pemerintah Kabupaten Sindangraja');
  await expect(check.getByRole('alert')).toContainText('Sebagian besar NIP di berkas ini belum ada di database: 40 dari 40 (100%), padahal database sudah berisi');
  // Units exist: creating the ones the file names is not pre-ticked (its rows are rejected until it is).
  const createUnits = page.getByRole('checkbox', { name: /Buat unit kerja dan jabatan yang belum ada di database/ });
  await expect(createUnits).not.toBeChecked();
  // Ticking it plans again in main; the box shows the new plan's choice once it is back.
  await createUnits.click();
  await expect(createUnits).toBeChecked();
  await expect(page.getByTestId('count-accepted')).toHaveText('40');

  const save = page.getByRole('button', { name: /^Simpan [\d.]+ baris ke database$/ });
  await expect(save).toBeDisabled();
  await expect(page.getByText('Centang konfirmasi instansi di atas sebelum menyimpan.')).toBeVisible();
  await check.scrollIntoViewIfNeeded();
  await saveArtifact(page, 'impor-instansi-lain');
  // Nothing on screen shows an internal code.
  await expect(page.locator('body')).not.toContainText(/mismatch|confirmInstansi|keep-first|reject-all/);
  const confirm = check.getByRole('checkbox', { name: 'Saya mengerti berkas ini dari instansi lain; tetap impor berkas ini.' });
  await confirm.check();
  await expect(save).toBeEnabled();
  await save.click();
  await expect(page.getByTestId('import-done')).toContainText('40 baris diterima');
  expect(problems).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
