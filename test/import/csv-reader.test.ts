// The streaming CSV reader: separators, quoting, line breaks inside quotes, encodings, row numbers, and the
// same result whatever the chunk boundaries.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../../main/import/file-store';
import { detectDelimiter, newParseState, openCsv, parseRecords } from '../../main/import/readers/csv-reader';
import type { RawRow } from '../../main/import/types';
import { tempDir } from '../helpers/temp-db';

function parseAll(text: string, delimiter = ',', chunk = Infinity): RawRow[] {
  const state = newParseState(delimiter);
  const out: RawRow[] = [];
  let pending = '';
  for (let i = 0; i < text.length; i += chunk) {
    pending += text.slice(i, i + chunk);
    const final = i + chunk >= text.length;
    pending = pending.slice(parseRecords(pending, final, state, out));
  }
  if (text.length === 0) parseRecords('', true, state, out);
  return out;
}

describe('CSV records', () => {
  it('splits on the separator and keeps every cell a raw string', () => {
    expect(parseAll('nip;nama;hp\n081234;Siti;0812\n', ';')).toEqual([
      { row: 1, cells: ['nip', 'nama', 'hp'] },
      { row: 2, cells: ['081234', 'Siti', '0812'] },
    ]);
  });

  it('reads quoted fields holding separators, doubled quotes and line breaks, and counts lines as an editor does', () => {
    const text = 'a,b,c\r\n1,"Jl. Merdeka, No. 5","kata ""kunci"""\r\n2,"baris\r\nkedua\nketiga",x\r\n\r\n3,,\r\n';
    expect(parseAll(text)).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['1', 'Jl. Merdeka, No. 5', 'kata "kunci"'] },
      { row: 3, cells: ['2', 'baris\r\nkedua\nketiga', 'x'] },
      { row: 7, cells: ['3', '', ''] },
    ]);
  });

  it('gives the same rows for any chunk boundary (streaming)', () => {
    const text = 'h1|h2|h3\n"q|1"|plain|"multi\nline"\nlast|"x""y"|z';
    const whole = parseAll(text, '|');
    for (const chunk of [1, 2, 3, 5, 7, 11]) expect(parseAll(text, '|', chunk)).toEqual(whole);
    expect(whole.at(-1)).toEqual({ row: 4, cells: ['last', 'x"y', 'z'] });
  });

  it('finds the separator: pipe (SIASN), semicolon (Indonesian Excel), comma, also below a title line', () => {
    expect(detectDelimiter('pns_id|nip_baru|nama\n1|2|3\n')).toBe('|');
    expect(detectDelimiter('nip;nama;tanggal\n1;"a;b";3\n4;5;6')).toBe(';');
    expect(detectDelimiter('nip,nama\n1,2\n')).toBe(',');
    expect(detectDelimiter('DATA PEGAWAI, KABUPATEN SINDANGRAJA\nnip;nama;tmt\n1;2;3\n4;5;6\n')).toBe(';');
  });
});

describe('CSV files', () => {
  const dir = tempDir();
  const store = new FileStore();
  const read = async (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const stored = await store.registerPath(file);
    const reader = await openCsv(stored);
    const rows: RawRow[] = [];
    for await (const batch of reader.batches) rows.push(...batch);
    return { stored, reader, rows };
  };

  it('reads UTF-8 with a BOM (Excel "CSV UTF-8") without a stray character in the first header', async () => {
    const { stored, rows } = await read('bom.csv', Buffer.from('\uFEFFnip;nama\n1;Ayu Ningsih\n', 'utf8'));
    expect(stored.encoding).toBe('utf-8-bom');
    expect(rows[0].cells).toEqual(['nip', 'nama']);
  });

  it('reads Windows-1252 (Excel "CSV") as such', async () => {
    const { stored, rows } = await read('ansi.csv', Buffer.from('nip;nama;alamat\n1;Ren\xe9 St\xf6ckl;Jl. Pass\xe9\n', 'latin1'));
    expect(stored.encoding).toBe('windows-1252');
    expect(rows[1].cells).toEqual(['1', 'René Stöckl', 'Jl. Passé']);
  });

  it('recognises UTF-8 whose characters straddle the 1 MB reading boundary, and Windows-1252 beyond it', async () => {
    // Short lines (a cell is at most 32,767 characters) filling the first megabyte up to the boundary.
    const filler = ('a'.repeat(99) + '\n').repeat(11_000).slice(0, (1 << 20) - 1);
    const straddling = await read('batas.csv', Buffer.from(`nama\n${filler.slice(5)}é€\n`, 'utf8'));
    expect(straddling.stored.encoding).toBe('utf-8');
    const late = await read('ansi-akhir.csv', Buffer.concat([Buffer.from(`nama\n${filler}\n`), Buffer.from('Ren\xe9\n', 'latin1')]));
    expect(late.stored.encoding).toBe('windows-1252');
  });

  it('reads UTF-8 without a BOM', async () => {
    const { stored, rows } = await read('utf8.csv', Buffer.from('nip,nama\n1,René\n', 'utf8'));
    expect(stored.encoding).toBe('utf-8');
    expect(rows[1].cells).toEqual(['1', 'René']);
  });

  it('tells file kinds apart by their bytes, not their names', async () => {
    const write = (name: string, bytes: Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      return store.registerPath(file);
    };
    expect((await write('kosong.csv', Buffer.alloc(0))).format).toBe('empty');
    expect((await write('laporan.csv', Buffer.from('%PDF-1.7\n\x00\x01binary'))).format).toBe('binary');
    expect((await write('lama.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).format).toBe('xls');
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600), Buffer.from('EncryptedPackage', 'utf16le')]);
    expect((await write('rahasia.xlsx', encrypted)).format).toBe('encrypted');
    expect((await write('zip.xlsx', Buffer.from('PK\x03\x04rest', 'latin1'))).format).toBe('xlsx');
  });

  it('refuses a file of 200 MB before reading it', async () => {
    const file = path.join(dir, 'besar.csv');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 200_000_000); // sparse: no 200 MB written to disk
    await expect(store.registerPath(file)).rejects.toMatchObject({ code: 'validation', details: { rejectedFile: true } });
    await expect(store.registerPath(file)).rejects.toThrow(/terlalu besar/);
  });
});
