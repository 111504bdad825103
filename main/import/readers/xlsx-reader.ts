// A streaming XLSX reader for imports. The container is read by ./zip.ts (yauzl); on top of it, the workbook's
// sheet list, the shared strings and then the chosen sheet's XML as it inflates, row by row, with plain string
// scanning.
//
// Why not exceljs's streaming WorkbookReader? Measured on the 50,000-row, 67-column SIASN workbook of the bench:
// exceljs took 6–10 s and peaked near 600 MB RSS building a Row object per row and a cell object per value; this
// reader takes a fraction of that in time and memory (README, bench figures). exceljs still writes every
// workbook Jenjang hands out.
//
// Cells keep their type: strings, numbers (Excel dates are serial numbers: styles are not read, so a NIP typed
// as a number stays a number and is caught), booleans; error cells are empty.
//
// Every scan is bounded: a missing closing tag, a cell reference past Excel's last column, a row number that is
// not a number, an oversized row, sheet or shared-strings part refuses the file with a message (../limits.ts);
// no search ever restarts from an earlier position, so malformed XML cannot make a scan loop.

import { AppError } from '../../../shared/errors';
import { formatNumberId } from '../../../shared/format/id-format';
import type { StoredFile } from '../file-store';
import { IMPORT_LIMITS, limitError, mb } from '../limits';
import { ownString } from '../row-reader';
import type { CellValue, RawRow } from '../types';
import { ZipArchive, ZipError, type ZipEntry } from './zip';

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

/** Malformed worksheet XML: the file is damaged (or was not written by a spreadsheet program). */
class MalformedXml extends Error {}

const malformed = (what: string, row?: number) => new MalformedXml(row === undefined ? what : `${what} (baris ${formatNumberId(row)})`);

/** Rows of the chosen sheet, in batches. The other sheets are only probed (their first rows). */
export async function* readXlsx(file: StoredFile, options: XlsxOptions): AsyncGenerator<RawRow[]> {
  let archive: ZipArchive | null = null;
  try {
    archive = await ZipArchive.open(file.path, IMPORT_LIMITS.zipEntries);
    const sheets = await sheetList(archive);
    const shared = archive.entries.get('xl/sharedStrings.xml');
    const strings = shared ? await readSharedStrings(archive, shared) : [];
    for (const sheet of sheets) options.onSheet?.(sheet.name);
    const batchSize = options.batchSize ?? 1_000;
    let inflated = 0;
    for (const sheet of sheets) {
      const rows = sheetRows(archive, sheet.entry, strings, (n) => {
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
      } finally {
        await rows.return(undefined);
      }
    }
  } catch (error) {
    throw xlsxError(error, file.name);
  } finally {
    archive?.close();
  }
}

const REL_TYPE_SHEET = /\/worksheet$/;

async function sheetList(archive: ZipArchive): Promise<SheetRef[]> {
  const workbook = archive.entries.get('xl/workbook.xml');
  const rels = archive.entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new NotAWorkbook();
  const relations = new Map<string, string>();
  for (const attrs of tagAttributes(await archive.readText(rels, IMPORT_LIMITS.smallPartBytes), 'Relationship')) {
    const id = attribute(attrs, 'Id');
    const target = attribute(attrs, 'Target');
    const type = attribute(attrs, 'Type') ?? '';
    if (id && target && REL_TYPE_SHEET.test(type)) relations.set(id, target);
  }
  const sheets: SheetRef[] = [];
  for (const attrs of tagAttributes(await archive.readText(workbook, IMPORT_LIMITS.smallPartBytes), 'sheet')) {
    const name = attribute(attrs, 'name');
    const rid = attribute(attrs, 'r:id') ?? /\b\w+:id="([^"]*)"/.exec(attrs)?.[1];
    const target = rid ? relations.get(rid) : undefined;
    if (!name || !target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const entry = archive.entries.get(path);
    if (entry) sheets.push({ name: decodeXml(name), entry });
  }
  return sheets;
}

class NotAWorkbook extends Error {}

/** The attribute text of every `<name …>` / `<prefix:name …>` element: found with indexOf, never by backtracking. */
function tagAttributes(xml: string, name: string): string[] {
  const found: string[] = [];
  const start = new RegExp(`<(?:\\w+:)?${name}(?=[\\s/>])`, 'g');
  for (let match = start.exec(xml); match; match = start.exec(xml)) {
    const from = match.index + match[0].length;
    const end = xml.indexOf('>', from);
    if (end < 0) break;
    found.push(xml.slice(from, xml.charCodeAt(end - 1) === 47 ? end - 1 : end));
    start.lastIndex = end + 1;
  }
  return found;
}

function attribute(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  const end = attrs.indexOf('"', start);
  return end < 0 ? undefined : attrs.slice(start, end);
}

const SHARED_ITEM_XML_CHARS = 1_000_000;

/** Shared strings, read as they inflate: each <si> is one string, the concatenation of its <t> runs. */
async function readSharedStrings(archive: ZipArchive, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  const take = (final: boolean) => {
    const consumed = parseSharedStrings(buffer, strings);
    buffer = buffer.slice(consumed);
    // One <si> holds at most a cell's text (32,767 characters) with its markup; a part that never closes one is
    // damaged, and waiting for it would rescan an ever longer text.
    if (!final && buffer.length > SHARED_ITEM_XML_CHARS) throw malformed('teks bersama (sharedStrings) tidak lengkap');
  };
  for await (const piece of archive.read(entry, IMPORT_LIMITS.sharedStringsBytes)) {
    buffer += decoder.decode(piece, { stream: true });
    take(false);
  }
  buffer += decoder.decode();
  take(true);
  return strings;
}

/**
 * Appends the complete <si> items at the start of `xml` to `strings` and returns how many characters they used;
 * an unfinished item waits for more text. Phonetic guides (<rPh>…</rPh>, furigana) are left out.
 */
export function parseSharedStrings(xml: string, strings: string[] = []): number {
  let i = 0;
  for (;;) {
    const start = xml.indexOf('<si', i);
    if (start < 0) return Math.max(i, xml.length - 3);
    const tagEnd = xml.indexOf('>', start);
    if (tagEnd < 0) return start;
    if (xml.charCodeAt(tagEnd - 1) === 47) { // <si/>
      strings.push('');
      i = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf('</si>', tagEnd);
    if (end < 0) return start;
    strings.push(ownString(runsText(xml, tagEnd + 1, end)));
    i = end + 5;
  }
}

/** The text of the <t> elements between from and to (inline strings, shared strings), phonetic runs skipped.
 *  One pass from tag to tag, never past `to`. */
function runsText(xml: string, from: number, to: number, row?: number): string {
  let text = '';
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) return text;
    const tagEnd = xml.indexOf('>', lt);
    if (tagEnd < 0 || tagEnd >= to) throw malformed('tag XML tidak ditutup', row);
    const name = qualifiedName(xml, lt + 1, tagEnd);
    const local = name.slice(name.indexOf(':') + 1);
    if (xml.charCodeAt(lt + 1) === 47 || xml.charCodeAt(tagEnd - 1) === 47 || (local !== 't' && local !== 'rPh')) {
      i = tagEnd + 1; // a closing tag, an empty element, or a run/property element: its text is found inside
      continue;
    }
    const closing = `</${name}>`;
    const close = xml.indexOf(closing, tagEnd);
    if (close < 0 || close >= to) throw malformed(`${closing} tidak ditemukan`, row);
    if (local === 't') {
      text += decodeXml(xml.slice(tagEnd + 1, close));
      if (text.length > IMPORT_LIMITS.cellChars) throw cellTooLong(row);
    }
    i = close + closing.length;
  }
}

/** "t" of "<t>", "x:t" of "<x:t …>": up to the first space, slash or the end of the tag. */
function qualifiedName(xml: string, from: number, tagEnd: number): string {
  let end = from;
  while (end < tagEnd) {
    const c = xml.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
    end++;
  }
  return xml.slice(from, end);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD';
}

/** XML entities and OOXML's _xHHHH_ escapes. */
export function decodeXml(text: string): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]{1,8}|#\d{1,10}|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? codePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]);
  }
  if (out.includes('_x')) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

function cellTooLong(row: number | undefined): Error {
  return limitError(`Sel${row === undefined ? '' : ` di baris ${formatNumberId(row)}`} berisi lebih dari ${formatNumberId(IMPORT_LIMITS.cellChars)} karakter (batas Excel).`, 'cellChars');
}

/** Column index (0-based) of a cell reference: "A1" → 0, "AB12" → 27; past XFD (Excel's last column) refuses the
 *  file; a reference without letters keeps the position. */
function columnIndex(attrs: string, fallback: number, row: number): number {
  const at = attrs.indexOf(' r="');
  if (at < 0) return fallback;
  let n = 0;
  let letters = 0;
  for (let i = at + 4; i < attrs.length; i++) {
    const c = attrs.charCodeAt(i);
    if (c < 65 || c > 90) break;
    if (++letters > 3) break;
    n = n * 26 + (c - 64);
  }
  if (letters === 0) return fallback;
  if (letters > 3 || n > IMPORT_LIMITS.columns) {
    throw limitError(`Sel di baris ${formatNumberId(row)} merujuk kolom di luar kolom terakhir Excel (XFD, ${formatNumberId(IMPORT_LIMITS.columns)} kolom); berkasnya rusak atau bukan buatan Excel.`, 'columns');
  }
  return n - 1;
}

/** The number in a row's r attribute when it is a proper one (an integer after the previous row), else null. */
function rowNumber(attrs: string, previous: number): number | null {
  const at = attrs.indexOf(' r="');
  if (at < 0) return null;
  const end = attrs.indexOf('"', at + 4);
  const text = end < 0 ? '' : attrs.slice(at + 4, end);
  if (!/^\d{1,8}$/.test(text)) return null;
  const n = Number(text);
  return n > previous ? n : null;
}

function tooManyRows(): Error {
  return limitError(`Lembar kerja berisi lebih dari ${formatNumberId(IMPORT_LIMITS.rows)} baris (batas Excel). Pecah berkasnya, misalnya per perangkat daerah.`, 'rows');
}

/** A <row …> start tag holds a few attributes; one longer than this is damage, not a row. */
const ROW_TAG_CHARS = 65_536;

const isTagBoundary = (c: number) => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

/** The rows of one sheet as its XML inflates; rows without any value are skipped. */
async function* sheetRows(archive: ZipArchive, entry: ZipEntry, strings: string[], onInflated: (n: number) => void): AsyncGenerator<RawRow> {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let prefix: string | null = null;
  let rowOpen = '<row';
  let rowClose = '</row>';
  let tags: CellTags = { open: '<c', close: '</c>', vOpen: '<v>', vClose: '</v>' };
  let lastRow = 0;
  // Where the search for the current row's closing tag resumes (relative to the row's start): a long row that
  // arrives in many pieces is searched once, not again from its start with every piece.
  let resumeClose = 0;
  let ended = false;
  const pieces = archive.read(entry, IMPORT_LIMITS.sheetXmlBytes);
  try {
    while (!ended) {
      const next = await pieces.next();
      if (next.done) {
        ended = true;
        buffer += decoder.decode();
      } else {
        onInflated(next.value.length);
        buffer += decoder.decode(next.value, { stream: true });
      }
      if (prefix === null) {
        const sheetData = /<(\w+:)?sheetData\b/.exec(buffer);
        if (!sheetData) {
          buffer = buffer.slice(-256); // the sheet's properties and column widths: nothing to keep
          continue;
        }
        prefix = sheetData[1] ?? '';
        [rowOpen, rowClose] = [`<${prefix}row`, `</${prefix}row>`];
        tags = { open: `<${prefix}c`, close: `</${prefix}c>`, vOpen: `<${prefix}v>`, vClose: `</${prefix}v>` };
        buffer = buffer.slice(sheetData.index + sheetData[0].length);
      }
      let i = 0;
      for (;;) {
        const start = buffer.indexOf(rowOpen, i);
        if (start < 0) {
          i = Math.max(i, buffer.length - rowOpen.length);
          break;
        }
        if (!isTagBoundary(buffer.charCodeAt(start + rowOpen.length))) {
          if (start + rowOpen.length >= buffer.length && !ended) {
            i = start;
            break;
          }
          i = start + rowOpen.length;
          continue;
        }
        const tagEnd = buffer.indexOf('>', start);
        if (tagEnd < 0) {
          if (ended || buffer.length - start > ROW_TAG_CHARS) throw malformed('tag baris tidak ditutup', lastRow + 1);
          i = start;
          break;
        }
        const attrs = buffer.slice(start + rowOpen.length, tagEnd);
        const number = rowNumber(attrs, lastRow) ?? lastRow + 1;
        if (number > IMPORT_LIMITS.rows) throw tooManyRows();
        if (buffer.charCodeAt(tagEnd - 1) === 47) { // <row …/>: empty
          lastRow = number;
          i = tagEnd + 1;
          resumeClose = 0;
          continue;
        }
        const end = buffer.indexOf(rowClose, Math.max(tagEnd, start + resumeClose));
        if (end < 0) {
          if (ended) throw malformed(`</${prefix}row> tidak ditemukan`, number);
          if (buffer.length - start > IMPORT_LIMITS.rowXmlChars) {
            throw limitError(`Baris ${formatNumberId(number)} lembar kerja lebih besar dari ${mb(IMPORT_LIMITS.rowXmlChars)}; berkasnya rusak atau bukan buatan Excel.`, 'rowXmlChars');
          }
          resumeClose = Math.max(0, buffer.length - start - rowClose.length);
          i = start;
          break;
        }
        resumeClose = 0;
        lastRow = number;
        const row = parseRow(buffer, tagEnd + 1, end, number, strings, tags);
        if (row) yield row;
        i = end + rowClose.length;
      }
      buffer = buffer.slice(i);
    }
  } finally {
    await pieces.return(undefined);
  }
}

interface CellTags {
  open: string;
  close: string;
  vOpen: string;
  vClose: string;
}

function parseRow(xml: string, from: number, to: number, number: number, strings: string[], tags: CellTags): RawRow | null {
  const cells: CellValue[] = [];
  let any = false;
  let i = from;
  let column = 0;
  for (;;) {
    const start = xml.indexOf(tags.open, i);
    if (start < 0 || start >= to) break;
    if (!isTagBoundary(xml.charCodeAt(start + tags.open.length))) {
      i = start + tags.open.length;
      continue;
    }
    const tagEnd = xml.indexOf('>', start);
    if (tagEnd < 0 || tagEnd >= to) throw malformed('tag sel tidak ditutup', number);
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    const attrs = xml.slice(start + tags.open.length, selfClosing ? tagEnd - 1 : tagEnd);
    column = columnIndex(attrs, column, number);
    if (column >= IMPORT_LIMITS.columns) throw limitError(`Baris ${formatNumberId(number)} berisi lebih dari ${formatNumberId(IMPORT_LIMITS.columns)} kolom (batas Excel).`, 'columns');
    if (selfClosing) {
      i = tagEnd + 1;
      column++;
      continue;
    }
    const end = xml.indexOf(tags.close, tagEnd);
    if (end < 0 || end >= to) throw malformed(`${tags.close} tidak ditemukan`, number);
    const typeAt = attrs.indexOf(' t="');
    const type = typeAt >= 0 ? attrs.slice(typeAt + 4, attrs.indexOf('"', typeAt + 4)) : 'n';
    let value: CellValue = null;
    if (type === 'inlineStr') {
      value = runsText(xml, tagEnd + 1, end, number);
    } else {
      const v = xml.indexOf(tags.vOpen, tagEnd);
      if (v >= 0 && v < end) {
        const vEnd = xml.indexOf(tags.vClose, v);
        if (vEnd < 0 || vEnd > end) throw malformed(`${tags.vClose} tidak ditemukan`, number);
        const raw = xml.slice(v + tags.vOpen.length, vEnd);
        if (raw.length > IMPORT_LIMITS.cellChars) throw cellTooLong(number);
        if (type === 's') value = /^\d{1,10}$/.test(raw) ? strings[Number(raw)] ?? null : null;
        else if (type === 'str' || type === 'd') value = decodeXml(raw);
        else if (type === 'b') value = raw === '1';
        else if (type === 'e') value = null;
        else if (raw === '') value = null;
        else {
          // A number cell whose text is not a finite number (only a damaged or hand-made file has one) is kept
          // as the text it holds, so the row is checked and reported rather than read as NaN.
          const n = Number(raw);
          value = Number.isFinite(n) ? n : decodeXml(raw);
        }
      }
    }
    while (cells.length < column) cells.push(null);
    cells[column] = value;
    if (value !== null && value !== '') any = true;
    i = end + tags.close.length;
    column++;
  }
  return any ? { row: number, cells } : null;
}

function xlsxError(error: unknown, name: string): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof NotAWorkbook) {
    return new AppError('validation', `Berkas "${name}" adalah arsip ZIP tetapi bukan buku kerja Excel (mungkin dokumen Word, PowerPoint atau arsip lain yang namanya diganti). Simpan datanya sebagai .xlsx atau CSV, lalu impor lagi.`, { rejectedFile: true });
  }
  if (error instanceof ZipError && error.kind === 'limit') {
    return limitError(`Berkas "${name}" terlalu besar setelah diekstrak (bagian lembar kerja di atas ${mb(IMPORT_LIMITS.sheetXmlBytes)}, teks bersama di atas ${mb(IMPORT_LIMITS.sharedStringsBytes)}, atau lebih dari ${formatNumberId(IMPORT_LIMITS.zipEntries)} bagian). Pecah berkasnya, atau simpan sebagai CSV.`, 'sheetXmlBytes');
  }
  if (error instanceof ZipError && error.kind === 'unsupported') {
    return new AppError('validation', `Berkas "${name}" memakai kompresi atau enkripsi yang tidak didukung. Buka di Excel, simpan ulang sebagai Excel Workbook (.xlsx), lalu impor lagi.`, { rejectedFile: true });
  }
  const where = error instanceof MalformedXml ? ` (${error.message})` : '';
  return new AppError('validation', `Berkas "${name}" rusak atau terpotong dan tidak dapat dibaca sebagai XLSX${where}. Buka di Excel dan simpan ulang, lalu impor lagi.`, { rejectedFile: true });
}
