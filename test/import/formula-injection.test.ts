// Every workbook Jenjang writes neutralises text that a spreadsheet would take for a formula (OWASP "CSV
// injection"): a value like =HYPERLINK(…) from the data is read back as a text cell starting with an apostrophe,
// from each writer: the table export, the reports' tables, the usulan kenaikan pangkat and the rejected rows of
// an import. The apostrophe is read back off when such a workbook is imported again.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { neutraliseFormulaText, withoutFormulaGuard } from '../../main/security/spreadsheet-formula';
import { buildPromotionWorkbook } from '../../main/services/development/promotion-workbook';
import type { PromotionRow } from '../../shared/schemas/careers';
import { previewFile } from '../helpers/import';
import { expectOk, openTestHost, queryOn, tempDir, TEST_TODAY } from '../helpers/temp-db';

const LINK = '=HYPERLINK("http://contoh.example/x","klik")';
const GUARDED = `'${LINK}`;

async function readBack(base64OrBuffer: string | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((typeof base64OrBuffer === 'string' ? Buffer.from(base64OrBuffer, 'base64') : base64OrBuffer) as never);
  return workbook;
}

/** Every text value of every cell, and whether any cell is a formula. */
function cellsOf(workbook: ExcelJS.Workbook): { texts: string[]; formulas: number } {
  const texts: string[] = [];
  let formulas = 0;
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
    if (cell.type === ExcelJS.ValueType.Formula) formulas++;
    if (typeof cell.value === 'string') texts.push(cell.value);
  })));
  return { texts, formulas };
}

describe('formula injection in exported workbooks', () => {
  const dir = tempDir();
  let host: JenjangHost;
  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 300, seed: 21 });
  });
  afterAll(() => host.close());

  it('the rule: =, +, -, @, tab and CR get an apostrophe; other text is untouched; the import reads it back off', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormulaText(`${start}1+1`)).toBe(`'${start}1+1`);
    for (const plain of ['Siti Aminah', '198503122010012004', "'=sudah", '', '—']) expect(neutraliseFormulaText(plain)).toBe(plain);
    expect(withoutFormulaGuard(GUARDED)).toBe(LINK);
    expect(withoutFormulaGuard("'198503122010012004")).toBe("'198503122010012004");
  });

  it('export:xlsx (any table on screen): cells and the title', async () => {
    const file = expectOk(await host.call('export:xlsx', {
      title: 'Uji', subtitle: [LINK], columns: [{ key: 'nama', header: 'Nama' }, { key: 'n', header: 'Jumlah', type: 'integer' }],
      rows: [{ nama: LINK, n: -3 }, { nama: '@SUM(1,2)', n: 4 }],
    }));
    const { texts, formulas } = cellsOf(await readBack(file.base64));
    expect(formulas).toBe(0);
    expect(texts).toContain(GUARDED);
    expect(texts).toContain("'@SUM(1,2)");
    expect(texts).not.toContain(LINK);
  });

  it('reports:exportXlsx: a name in the report tables', async () => {
    const [target] = await queryOn(host,
      `SELECT id FROM employee WHERE status = 'active' AND retirement_date BETWEEN '2027-01-01' AND '2031-12-31' ORDER BY id LIMIT 1`) as Array<{ id: number }>;
    expect(target, 'an active employee who retires within five years').toBeDefined();
    await queryOn(host, 'UPDATE employee SET name = ? WHERE id = ?', [LINK, target.id]);
    const file = expectOk(await host.call('reports:exportXlsx', { reportId: 'proyeksi-pensiun', params: {} }));
    const { texts, formulas } = cellsOf(await readBack(file.base64));
    expect(formulas).toBe(0);
    // The name as the report prints it (with the employee's titles, when any).
    expect(texts.some((t) => t.startsWith(GUARDED))).toBe(true);
    expect(texts.some((t) => t.startsWith('='))).toBe(false);
  });

  it('the usulan kenaikan pangkat workbook (streaming writer)', async () => {
    const row: PromotionRow = {
      employeeId: 1, nip: '198503122010012004', name: LINK, birthPlace: '+62 Sindangraja', birthDate: '1985-03-12', golongan: 32, golonganTmt: '2022-04-01',
      targetGolongan: 33, monthsInRank: 50, service: { years: 16, months: 7 }, educationLevel: 'S1', educationMajor: '-Manajemen', educationYear: 2008,
      positionName: '@Analis', positionKind: 'pelaksana', unitName: 'Dinas Kesehatan', opdName: null, skp: [], status: 'eligible', reasons: [], notes: [],
      kind: 'reguler', basis: 'KP reguler', missingDataOnly: false,
    };
    const buffer = await buildPromotionWorkbook({ period: '2027-04-01', skpYears: [2025, 2026], unitName: null, rows: [row, { ...row, employeeId: 2, status: 'blocked', reasons: [{ code: 'skp_missing', message: '=1+1' }] } satisfies PromotionRow,
      { ...row, employeeId: 3, kind: 'penyesuaian_ijazah', basis: '=2+2' } satisfies PromotionRow], generatedOn: TEST_TODAY });
    const { texts, formulas } = cellsOf(await readBack(buffer));
    expect(formulas).toBe(0);
    expect(texts).toEqual(expect.arrayContaining([GUARDED, "'-Manajemen", "'@Analis", "'=1+1", "'=2+2"]));
    expect(texts.some((t) => t.startsWith('+62') || t.startsWith('=') || t.startsWith('@'))).toBe(false);
  });

  it('the rejected rows of an import, which read back unchanged when imported again', async () => {
    const rows = siasnRows(generateDemoDistrict({ employees: 20, seed: 31, asOf: TEST_TODAY })).map((r) => ({ ...r, pns_id: '' }));
    rows[0] = { ...rows[0], alamat: LINK, nomor_hp: '+6281234567890', tanggal_lahir: '31-02-1980' };
    const file = path.join(dir, 'ditolak.csv');
    writeDelimited(file, SIASN_HEADER, rows, { delimiter: '|' });
    const preview = await previewFile(host, file, { createMissing: true });
    expect(preview.counts.rejected).toBeGreaterThan(0);
    const exported = expectOk(await host.call('import:rejectedXlsx', { previewId: preview.previewId }));
    const workbook = await readBack(exported.base64);
    const { texts, formulas } = cellsOf(workbook);
    expect(formulas).toBe(0);
    expect(texts).toEqual(expect.arrayContaining([GUARDED, "'+6281234567890"]));

    // Fixed and imported again: the phone number is the one of the file, without the apostrophe.
    const sheet = workbook.getWorksheet('Baris ditolak')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const again = path.join(dir, 'diperbaiki.xlsx');
    sheet.getRow(2).getCell(header.indexOf('tanggal_lahir') + 1).value = rows[0].tanggal_lahir.replace('31-02', '28-02');
    await workbook.xlsx.writeFile(again);
    const reread = await previewFile(host, again, { createMissing: true });
    expect(reread.counts).toMatchObject({ rows: 1, accepted: 1, rejected: 0 });
    const issues = expectOk(await host.call('import:issues', { previewId: reread.previewId, limit: 500 })).rows;
    expect(issues.filter((i) => i.column === 'nomor_hp')).toEqual([]);
  });
});
