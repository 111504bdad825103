// Files built to break the readers: each is imported in a child process with a deadline (a reader that loops or
// kills the process ends as 'timeout' or 'died' instead of taking the test runner down), through the real
// dispatcher on a real database. Each must end with a structured answer, and a refused file leaves the database
// as it was.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited, type Row } from '../../main/demo/import-files';
import { ImportSandbox, type SandboxAnswer } from '../helpers/import-sandbox';
import { openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';
import { inlineCell, SHEET_CLOSE, SHEET_OPEN, workbookParts, zipBuffer, type ZipInput } from '../helpers/zip-writer';

const EMPLOYEES = 120;
const DEADLINE = 20_000;

/** "A", "B", … "Z", "AA", … */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A SIASN sheet as inline-string XML; `rowAttrs` may replace a row's r attribute (index 0 = header). */
function siasnSheetXml(rows: Row[], rowAttrs: Record<number, string> = {}): string {
  const lines = [SHEET_OPEN];
  const all = [Object.fromEntries(SIASN_HEADER.map((c) => [c, c])), ...rows];
  all.forEach((row, i) => {
    const r = i + 1;
    const cells = SIASN_HEADER.map((c, j) => (row[c] === '' || row[c] === null || row[c] === undefined ? '' : inlineCell(`${columnLetters(j)}${r}`, String(row[c])))).join('');
    lines.push(`<row ${rowAttrs[i] ?? `r="${r}"`}>${cells}</row>`);
  });
  lines.push(SHEET_CLOSE);
  return lines.join('');
}

describe('hostile import files end with an answer and leave the database as it was', () => {
  const dir = tempDir();
  let sandbox: ImportSandbox;
  let rows: Row[];
  const file = (name: string, content: Buffer | string) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, content);
    return target;
  };
  const xlsx = (name: string, parts: ZipInput[]) => file(name, zipBuffer(parts));

  beforeAll(async () => {
    const host = await openTestHost(dir, { demoEmployees: EMPLOYEES, seed: 11, recordsOnly: true });
    const template = host.runtime.dbPath;
    await host.close();
    sandbox = new ImportSandbox(template, dir);
    rows = siasnRows(generateDemoDistrict({ employees: EMPLOYEES, seed: 11, asOf: TEST_TODAY })).slice(0, 40);
  });
  afterAll(() => sandbox.close());

  const refused = (answer: SandboxAnswer, message: RegExp) => {
    expect(answer.outcome, JSON.stringify(answer)).toBe('refused');
    expect(answer.error).toMatchObject({ code: 'validation', rejectedFile: true });
    expect(answer.error!.message).toMatch(message);
    expect(answer.unchanged).toBe(true);
  };

  describe('XLSX', () => {
    it('a missing </t> in an inline string: refused, no endless scan', async () => {
      const sheet = `${SHEET_OPEN}<row r="1"><c r="A1" t="inlineStr"><is><t>nip</is></c><c r="B1" t="inlineStr"><is><t>nama</t></is></c></row>${SHEET_CLOSE}`;
      refused(await sandbox.run({ file: xlsx('tanpa-t.xlsx', workbookParts(sheet)) }, DEADLINE), /rusak atau terpotong/);
    });

    it('a missing </c>: refused', async () => {
      const sheet = `${SHEET_OPEN}<row r="1"><c r="A1" t="inlineStr"><is><t>nip</t></is><c r="B1" t="inlineStr"><is><t>nama</t></is></row>${SHEET_CLOSE}`;
      refused(await sandbox.run({ file: xlsx('tanpa-c.xlsx', workbookParts(sheet)) }, DEADLINE), /rusak atau terpotong/);
    });

    it('a missing </rPh> in the shared strings: refused', async () => {
      const sheet = `${SHEET_OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>${SHEET_CLOSE}`;
      const strings = '<sst><si><t>nip</t><rPh sb="0" eb="1"><t>x</t></si><si><t>nama</t></si></sst>';
      refused(await sandbox.run({ file: xlsx('tanpa-rph.xlsx', workbookParts(sheet, strings)) }, DEADLINE), /rusak atau terpotong/);
    });

    it('a cell reference past the last Excel column (r="ZZZZZZZ2"): refused, the process survives', async () => {
      const sheet = `${SHEET_OPEN}<row r="1">${inlineCell('A1', 'nip_baru')}${inlineCell('B1', 'nama')}</row><row r="2"><c r="ZZZZZZZ2"><v>1</v></c></row>${SHEET_CLOSE}`;
      refused(await sandbox.run({ file: xlsx('kolom-jauh.xlsx', workbookParts(sheet)) }, DEADLINE), /kolom terakhir Excel/);
    });

    it('a row number that is not a number: its row is read in place and the commit keeps every valid row', async () => {
      const broken = rows.map((r, i) => (i === 5 ? { ...r, email: 'bukan-email' } : r)); // a warning on that very row
      const sheet = siasnSheetXml(broken, { 6: 'r="abc"' });
      const answer = await sandbox.run({ file: xlsx('baris-abc.xlsx', workbookParts(sheet)), commit: true }, DEADLINE);
      expect(answer.outcome, JSON.stringify(answer)).toBe('committed');
      expect(answer.error).toBeUndefined();
      expect(answer.counts).toMatchObject({ rows: rows.length, accepted: rows.length, warningRows: 1 });
    });

    it('shared strings that inflate far beyond their limit (a zip bomb): refused before they fill the memory', async () => {
      // 250 MB of shared strings in about 0.25 MB: refused by the declared size, before any inflating (and,
      // when an archive lies about the size, as soon as more comes out than it declared).
      const item = `<si><t>${'A'.repeat(4000)}</t></si>`;
      const deflate = zlib.createDeflateRaw({ level: 9 });
      const pieces: Buffer[] = [];
      deflate.on('data', (d: Buffer) => pieces.push(d));
      const done = new Promise((resolve) => deflate.on('end', resolve));
      const block = Buffer.from(item.repeat(256));
      let size = 0;
      deflate.write('<sst>');
      size += 5;
      while (size < 250_000_000) {
        deflate.write(block);
        size += block.length;
      }
      deflate.end('</sst>');
      size += 6;
      await done;
      const sheet = `${SHEET_OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_CLOSE}`;
      const parts = workbookParts(sheet);
      const bomb = zipBuffer(parts).length; // the parts without the strings, for the size check below
      const path = xlsx('bom.xlsx', [...parts, { name: 'xl/sharedStrings.xml', data: Buffer.concat(pieces), deflatedSize: size }]);
      expect(fs.statSync(path).size).toBeLessThan(bomb + 2_000_000);
      refused(await sandbox.run({ file: path }, DEADLINE), /terlalu besar setelah diekstrak/);
    });

    it('an entry that inflates to more than its declared size: refused as damaged', async () => {
      const sheet = siasnSheetXml(rows.slice(0, 3));
      const parts = workbookParts(sheet).map((p) => (p.name.endsWith('sheet1.xml') ? { ...p, declaredSize: 200 } : p));
      refused(await sandbox.run({ file: xlsx('ukuran-bohong.xlsx', parts) }, DEADLINE), /rusak atau terpotong/);
    });
  });

  describe('CSV', () => {
    it('an 8 MB line: refused at the line limit', async () => {
      const content = `${SIASN_HEADER.join('|')}\n${'x'.repeat(8_000_000)}\n`;
      refused(await sandbox.run({ file: file('baris-panjang.csv', content) }, DEADLINE), /lebih (panjang|dari)/);
    });

    it('an unclosed quote near the top of a large file: refused, pointing at the quote', async () => {
      const body = rows.map((r) => SIASN_HEADER.map((c) => r[c] ?? '').join('|')).join('\n');
      const content = `${SIASN_HEADER.join('|')}\n"${body}\n${body.repeat(200)}`;
      refused(await sandbox.run({ file: file('petik.csv', content) }, DEADLINE), /tanda petik/);
    });

    it('a header of a million columns: refused at Excel\'s 16,384', async () => {
      const content = `${'a|'.repeat(1_000_000)}b\n1|2\n`;
      refused(await sandbox.run({ file: file('lebar.csv', content) }, DEADLINE), /(16\.384 kolom|karakter)/);
    });

    it('one NIP on 20,000 rows: every row answered, each message short', async () => {
      const one = rows[0];
      const many = Array.from({ length: 20_000 }, () => one);
      const target = path.join(dir, 'nip-sama.csv');
      writeDelimited(target, SIASN_HEADER, many, { delimiter: '|' });
      const answer = await sandbox.run({ file: target }, 60_000);
      expect(answer.outcome, JSON.stringify(answer).slice(0, 2000)).toBe('previewed');
      expect(answer.longestMessage).toBeGreaterThan(0);
      expect(answer.longestMessage).toBeLessThan(400);
      // The first row is kept (the default for repeated NIPs); every other one is rejected with a short message.
      expect(answer.counts).toMatchObject({ rows: 20_000, accepted: 1, rejected: 19_999 });
    });
  });
});
