// A streaming XLSX reader for imports. It reads the ZIP directly (readers/zip.ts), the workbook's sheet list,
// the shared strings, and then the chosen sheet's XML as it inflates, row by row, with plain string scanning.
//
// Why not exceljs's streaming WorkbookReader (RECIPE.md §5)? Measured on the 50,000-row, 67-column SIASN
// workbook of the bench: exceljs took 6–10 s and peaked near 600 MB RSS building a Row object per row and a
// cell object per value; this reader takes a fraction of that in time and memory (README, bench figures).
// exceljs still writes every workbook Jenjang hands out.
//
// Cells keep their type: strings, numbers (Excel dates are serial numbers: styles are not read, so a NIP typed
// as a number stays a number and is caught), booleans; error cells are empty.

import { AppError } from '../../../shared/errors';
import type { StoredFile } from '../file-store';
import { ownString } from '../row-reader';
import type { CellValue, RawRow } from '../types';
import { openZipEntry, readZipDirectory, readZipText, ZipError, type ZipEntry } from './zip';

export interface XlsxOptions {
  /** Rows looked at before deciding whether a sheet is the one. */
  probeRows: number;
  batchSize?: number;
  onBytes?(bytesRead: number): void;
  /** Called with each sheet's first rows; true reads that sheet in full (only the first sheet answered true). */
  visit(sheet: string, firstRows: RawRow[]): boolean;
  /** Every sheet's name, in workbook order. */
  onSheet?(name: string): void;
}

interface SheetRef {
  name: string;
  entry: ZipEntry;
}

/** Rows of the chosen sheet, in batches. The other sheets are only probed (their first rows). */
export async function* readXlsx(file: StoredFile, options: XlsxOptions): AsyncGenerator<RawRow[]> {
  let sheets: SheetRef[];
  let strings: string[];
  try {
    const entries = readZipDirectory(file.path);
    sheets = await sheetList(file.path, entries);
    const shared = entries.get('xl/sharedStrings.xml');
    strings = shared ? parseSharedStrings(await readZipText(file.path, shared)) : [];
  } catch (error) {
    throw xlsxError(error, file.name);
  }
  for (const sheet of sheets) options.onSheet?.(sheet.name);
  const batchSize = options.batchSize ?? 1_000;
  let inflated = 0;
  for (const sheet of sheets) {
    const rows = sheetRows(file.path, sheet.entry, strings, (n) => {
      inflated += n;
      // Progress by share of the sheet's uncompressed size, in file bytes (what the caller compares with).
      options.onBytes?.(Math.round((inflated / Math.max(1, sheet.entry.size)) * file.size));
    });
    try {
      const probe: RawRow[] = [];
      let taken = false;
      let batch: RawRow[] = [];
      for await (const row of rows) {
        if (!taken) {
          probe.push(row);
          if (probe.length < options.probeRows) continue;
          if (!options.visit(sheet.name, probe)) break;
          taken = true;
          batch = probe;
          continue;
        }
        batch.push(row);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (!taken && probe.length < options.probeRows && probe.length > 0 && options.visit(sheet.name, probe)) {
        taken = true;
        batch = probe;
      }
      if (taken) {
        if (batch.length > 0) yield batch;
        return;
      }
    } catch (error) {
      throw xlsxError(error, file.name);
    } finally {
      await rows.return(undefined);
    }
  }
}

const REL_TYPE_SHEET = /\/worksheet$/;

async function sheetList(filePath: string, entries: Map<string, ZipEntry>): Promise<SheetRef[]> {
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new ZipError('bukan buku kerja Excel (xl/workbook.xml tidak ada)');
  const relations = new Map<string, string>();
  for (const match of (await readZipText(filePath, rels)).matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const attrs = match[1];
    const id = attribute(attrs, 'Id');
    const target = attribute(attrs, 'Target');
    const type = attribute(attrs, 'Type') ?? '';
    if (id && target && REL_TYPE_SHEET.test(type)) relations.set(id, target);
  }
  const sheets: SheetRef[] = [];
  for (const match of (await readZipText(filePath, workbook)).matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const attrs = match[1];
    const name = attribute(attrs, 'name');
    const rid = attribute(attrs, 'r:id') ?? /\b\w+:id="([^"]*)"/.exec(attrs)?.[1];
    const target = rid ? relations.get(rid) : undefined;
    if (!name || !target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const entry = entries.get(path);
    if (entry) sheets.push({ name: decodeXml(name), entry });
  }
  return sheets;
}

function attribute(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  return attrs.slice(start, attrs.indexOf('"', start));
}

/** Shared strings: each <si> is one string, the concatenation of its <t> runs (phonetic <rPh> runs left out). */
export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let i = 0;
  for (;;) {
    const start = xml.indexOf('<si', i);
    if (start < 0) break;
    const end = xml.indexOf('</si>', start);
    if (end < 0) break;
    strings.push(ownString(runsText(xml, xml.indexOf('>', start) + 1, end)));
    i = end + 5;
  }
  return strings;
}

/** The text of the <t> elements between from and to (inline strings, shared strings); phonetic guides
 *  (<rPh>…</rPh>, furigana) are skipped. */
function runsText(xml: string, from: number, to: number): string {
  let text = '';
  let i = from;
  for (;;) {
    const t = xml.indexOf('<t', i);
    if (t < 0 || t >= to) break;
    const phonetic = xml.indexOf('<rPh', i);
    if (phonetic >= 0 && phonetic < t) {
      i = xml.indexOf('</rPh>', phonetic) + 6;
      continue;
    }
    const next = xml.charCodeAt(t + 2);
    if (next !== 62 && next !== 32) { // "<t>" or "<t xml:space=…>", not "<tab…"
      i = t + 2;
      continue;
    }
    const open = xml.indexOf('>', t);
    if (xml.charCodeAt(open - 1) === 47) { // <t/>
      i = open + 1;
      continue;
    }
    const close = xml.indexOf('</t>', open);
    text += decodeXml(xml.slice(open + 1, close));
    i = close + 4;
  }
  return text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities and OOXML's _xHHHH_ escapes. */
export function decodeXml(text: string): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]);
  }
  if (out.includes('_x')) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

/** Column index (0-based) of a cell reference: "A1" → 0, "AB12" → 27. */
function columnIndex(attrs: string, fallback: number): number {
  const at = attrs.indexOf(' r="');
  if (at < 0) return fallback;
  let n = 0;
  for (let i = at + 4; i < attrs.length; i++) {
    const c = attrs.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n > 0 ? n - 1 : fallback;
}

/** The rows of one sheet as its XML inflates; rows without any value are skipped. */
async function* sheetRows(filePath: string, entry: ZipEntry, strings: string[], onInflated: (n: number) => void): AsyncGenerator<RawRow> {
  const stream = openZipEntry(filePath, entry);
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let prefix: string | null = null;
  let rowOpen = '<row';
  let rowClose = '</row>';
  let cellOpen = '<c';
  let cellClose = '</c>';
  let vOpen = '<v>';
  let vClose = '</v>';
  let lastRow = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onInflated(chunk.length);
      buffer += decoder.decode(chunk, { stream: true });
      if (prefix === null) {
        const sheetData = /<(\w+:)?sheetData\b/.exec(buffer);
        if (!sheetData) continue;
        prefix = sheetData[1] ?? '';
        [rowOpen, rowClose, cellOpen, cellClose, vOpen, vClose] = [`<${prefix}row`, `</${prefix}row>`, `<${prefix}c`, `</${prefix}c>`, `<${prefix}v>`, `</${prefix}v>`];
        buffer = buffer.slice(sheetData.index);
      }
      let i = 0;
      for (;;) {
        const start = buffer.indexOf(rowOpen, i);
        if (start < 0) {
          i = Math.max(i, buffer.length - rowOpen.length);
          break;
        }
        const after = buffer.charCodeAt(start + rowOpen.length);
        if (after !== 32 && after !== 62 && after !== 47) {
          i = start + rowOpen.length;
          continue;
        }
        const tagEnd = buffer.indexOf('>', start);
        if (tagEnd < 0) {
          i = start;
          break;
        }
        const attrs = buffer.slice(start + rowOpen.length, tagEnd);
        const numberAt = attrs.indexOf(' r="');
        const number = numberAt >= 0 ? Number(attrs.slice(numberAt + 4, attrs.indexOf('"', numberAt + 4))) : lastRow + 1;
        if (buffer.charCodeAt(tagEnd - 1) === 47) { // <row …/>: empty
          lastRow = number;
          i = tagEnd + 1;
          continue;
        }
        const end = buffer.indexOf(rowClose, tagEnd);
        if (end < 0) {
          i = start;
          break;
        }
        lastRow = number;
        const row = parseRow(buffer, tagEnd + 1, end, number, strings, cellOpen, cellClose, vOpen, vClose);
        if (row) yield row;
        i = end + rowClose.length;
      }
      buffer = buffer.slice(i);
    }
  } finally {
    stream.destroy();
  }
}

function parseRow(xml: string, from: number, to: number, number: number, strings: string[], cellOpen: string, cellClose: string, vOpen: string, vClose: string): RawRow | null {
  const cells: CellValue[] = [];
  let any = false;
  let i = from;
  let column = 0;
  for (;;) {
    const start = xml.indexOf(cellOpen, i);
    if (start < 0 || start >= to) break;
    const after = xml.charCodeAt(start + cellOpen.length);
    if (after !== 32 && after !== 62 && after !== 47) {
      i = start + cellOpen.length;
      continue;
    }
    const tagEnd = xml.indexOf('>', start);
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    const attrs = xml.slice(start + cellOpen.length, selfClosing ? tagEnd - 1 : tagEnd);
    column = columnIndex(attrs, column);
    if (selfClosing) {
      i = tagEnd + 1;
      column++;
      continue;
    }
    const end = xml.indexOf(cellClose, tagEnd);
    const typeAt = attrs.indexOf(' t="');
    const type = typeAt >= 0 ? attrs.slice(typeAt + 4, attrs.indexOf('"', typeAt + 4)) : 'n';
    let value: CellValue = null;
    if (type === 'inlineStr') {
      value = runsText(xml, tagEnd + 1, end);
    } else {
      const v = xml.indexOf(vOpen, tagEnd);
      if (v >= 0 && v < end) {
        const raw = xml.slice(v + vOpen.length, xml.indexOf(vClose, v));
        if (type === 's') value = strings[Number(raw)] ?? null;
        else if (type === 'str' || type === 'd') value = decodeXml(raw);
        else if (type === 'b') value = raw === '1';
        else if (type === 'e') value = null;
        else value = raw === '' ? null : Number(raw);
      }
    }
    while (cells.length < column) cells.push(null);
    cells[column] = value;
    if (value !== null && value !== '') any = true;
    i = end + cellClose.length;
    column++;
  }
  return any ? { row: number, cells } : null;
}

function xlsxError(error: unknown, name: string): unknown {
  if (error instanceof AppError) return error;
  const message = (error as Error)?.message ?? String(error);
  return new AppError('validation', `Berkas "${name}" bukan XLSX yang dapat dibaca (rusak atau bukan buku kerja Excel): ${message.slice(0, 160)}`, { rejectedFile: true });
}
