// The streaming XLSX reader against workbooks written by exceljs in both of its modes (shared strings, as Excel
// writes them, and inline strings), with rich text, entities, formulas, booleans, errors and dates.

import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../../main/import/file-store';
import { decodeXml, parseSharedStrings, readXlsx } from '../../main/import/readers/xlsx-reader';
import type { RawRow } from '../../main/import/types';
import { tempDir } from '../helpers/temp-db';
import { inlineCell, SHEET_CLOSE, SHEET_OPEN, workbookParts, zipBuffer } from '../helpers/zip-writer';

describe('XLSX reader', () => {
  const dir = tempDir();
  const store = new FileStore();

  async function rowsOf(file: string, sheet?: string) {
    const stored = await store.registerPath(file);
    const names: string[] = [];
    const rows: RawRow[] = [];
    for await (const batch of readXlsx(stored, { probeRows: 2, onSheet: (n) => names.push(n), visit: (name) => sheet === undefined || name === sheet })) rows.push(...batch);
    return { names, rows };
  }

  it('reads shared strings with rich text and entities, numbers, dates as serials, formulas, booleans and errors', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Kosong');
    const sheet = workbook.addWorksheet('Data & <Uji>');
    sheet.getCell('A1').value = 'nip';
    sheet.getCell('B1').value = 'nama';
    sheet.getCell('C1').value = 'tanggal';
    sheet.getCell('A3').value = '198503122010012004';
    sheet.getCell('B3').value = { richText: [{ text: 'Siti ' }, { font: { bold: true }, text: 'Aminah & "Ani" <S.Kep>' }] };
    sheet.getCell('C3').value = new Date(Date.UTC(1985, 2, 12));
    sheet.getCell('D3').value = { formula: '1+1', result: 2 };
    sheet.getCell('E3').value = true;
    sheet.getCell('F3').value = { error: '#N/A' };
    sheet.getCell('H3').value = 198503122010011000;
    const file = path.join(dir, 'bersama.xlsx');
    await workbook.xlsx.writeFile(file);

    const { names, rows } = await rowsOf(file);
    expect(names).toEqual(['Kosong', 'Data & <Uji>']);
    expect(rows).toEqual([
      { row: 1, cells: ['nip', 'nama', 'tanggal'] },
      { row: 3, cells: ['198503122010012004', 'Siti Aminah & "Ani" <S.Kep>', 31118, 2, true, null, null, 198503122010011000] },
    ]);
  });

  it('reads inline strings written by the streaming writer, and stops at the chosen sheet', async () => {
    const file = path.join(dir, 'inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const first = writer.addWorksheet('Pertama');
    first.addRow(['a', 'b']).commit();
    first.commit();
    const second = writer.addWorksheet('Kedua');
    second.addRow(['nip', 'nama']).commit();
    for (let i = 0; i < 5; i++) second.addRow([`19850312201001100${i}`, `Nama ke-${i}`]).commit();
    second.commit();
    await writer.commit();
    const { rows } = await rowsOf(file, 'Kedua');
    expect(rows).toHaveLength(6);
    expect(rows[5]).toEqual({ row: 6, cells: ['198503122010011004', 'Nama ke-4'] });
  });

  it('decodes XML entities and OOXML _xHHHH_ escapes; skips phonetic runs', () => {
    expect(decodeXml('A &amp; B &lt;C&gt; &#65;&#x42; _x000D_')).toBe('A & B <C> AB \r');
    const strings: string[] = [];
    parseSharedStrings('<sst><si><t>satu</t></si><si><r><rPr><b/></rPr><t>du</t></r><r><t xml:space="preserve">a </t></r><rPh sb="0" eb="1"><t>ふり</t></rPh><phoneticPr fontId="1"/></si><si><t/></si><si/></sst>', strings);
    expect(strings).toEqual(['satu', 'dua ', '', '']);
  });

  it('reads a row whose tag is cut right after "<row" by the 64 KB reading boundary', async () => {
    // A stored (uncompressed) sheet reaches the scanner in 64 KB pieces at fixed offsets, so the cut is exact.
    const head = `${SHEET_OPEN}<row r="1">${inlineCell('A1', 'nip')}${inlineCell('B1', 'nama')}</row>`;
    const pad = (ref: string, n: number) => `<c r="${ref}" t="inlineStr"><is><t>${'x'.repeat(n)}</t></is></c>`;
    const fixed = head.length + '<row r="2">'.length + '</row>'.length + pad('A2', 0).length + pad('B2', 0).length + pad('C2', 0).length;
    const free = 65_536 - 4 - fixed;
    const padding = `<row r="2">${pad('A2', 30_000)}${pad('B2', 30_000)}${pad('C2', free - 60_000)}</row>`;
    const sheet = `${head}${padding}<row r="3">${inlineCell('A3', '198503122010012004')}${inlineCell('B3', 'Siti')}</row>${SHEET_CLOSE}`;
    expect(sheet.indexOf('<row r="3"')).toBe(65_536 - 4);
    const file = path.join(dir, 'batas-potongan.xlsx');
    const fs = await import('node:fs');
    fs.writeFileSync(file, zipBuffer(workbookParts(sheet).map((p) => ({ ...p, store: true }))));
    const { rows } = await rowsOf(file);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(rows[2].cells).toEqual(['198503122010012004', 'Siti']);
  });

  it('refuses a file that is a ZIP but not a workbook', async () => {
    const { default: fs } = await import('node:fs');
    const zipOnly = path.join(dir, 'arsip.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x');
    await workbook.xlsx.writeFile(zipOnly);
    const bytes = fs.readFileSync(zipOnly);
    fs.writeFileSync(zipOnly, bytes.subarray(0, bytes.length - 30)); // the end of the ZIP directory cut off
    await expect(rowsOf(zipOnly)).rejects.toMatchObject({ code: 'validation', details: { rejectedFile: true } });
  });
});
