// A streaming CSV reader for the text files HR offices receive: SIASN's pipe-separated export, Indonesian
// Excel's ";" CSV and the "," kind; quoted fields that hold separators, quotes ("") and line breaks; UTF-8 with
// or without BOM, Windows-1252 and UTF-16. Cells stay raw strings (no casting: a value mapping loses the leading
// zero of a phone number and misreads "1.234" and dates).
//
// Why not csv-parse for the tokenising? It was tried in its place (same decoding, same batches) and measured on
// the bench's 50,000-row, 67-column SIASN pipe file (43 MB): tokenising alone took 2.0–2.3 s with csv-parse
// against 0.5 s here, because csv-parse walks the text byte by byte in JavaScript while this reader jumps from
// separator to separator with indexOf and skips the text of unmapped columns. The whole import of that file
// went from 3.5 s to 5.0 s (README, bench figures). Its semantics also differ where offices' files need
// leniency: text after a closing quote ("abc"def, which Excel reads as abcdef) is kept with its quotes, and row
// numbers must be recounted from the raw text. This reader keeps the limits of ../limits.ts instead.

import fs from 'node:fs';
import { formatNumberId } from '../../../shared/format/id-format';
import type { StoredFile, TextEncoding } from '../file-store';
import { IMPORT_LIMITS, limitError } from '../limits';
import type { RawRow } from '../types';

export type Delimiter = '|' | ';' | ',' | '\t';
const CANDIDATES: Delimiter[] = ['|', ';', ',', '\t'];

const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface CsvOptions {
  /** Forces the separator; detected from the first lines otherwise. */
  delimiter?: Delimiter;
  /** Rows per batch handed to the consumer. */
  batchSize?: number;
  onBytes?(bytesRead: number): void;
}

export interface CsvReader {
  delimiter: Delimiter;
  encoding: TextEncoding;
  batches: AsyncGenerator<RawRow[]>;
  /** From now on, only these columns get their text (others read as ""): less garbage on wide files. */
  keepColumns(indexes: readonly number[]): void;
}

function decoderFor(encoding: TextEncoding): { decode(input?: Uint8Array, options?: { stream?: boolean }): string } {
  if (encoding === 'windows-1252') return new TextDecoder('windows-1252');
  if (encoding === 'utf-16le') return new TextDecoder('utf-16le');
  if (encoding === 'utf-16be') return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8'); // strips a BOM
}

/** Opens the file and reads far enough to know its separator; rows then arrive in batches. */
export async function openCsv(file: StoredFile, options: CsvOptions = {}): Promise<CsvReader> {
  const encoding = file.encoding ?? 'utf-8';
  const decoder = decoderFor(encoding);
  // 64 KB pieces: decoded text stays in V8's young generation and dies there. Megabyte strings would go to the
  // large-object space, which only a full collection frees, and the process would grow by hundreds of MB.
  const stream = fs.createReadStream(file.path, { highWaterMark: 1 << 16 });
  const iterator = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let bytes = 0;
  let text = '';
  let ended = false;
  // Enough text to see a few whole lines.
  try {
    while (!ended && text.length < 65_536) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        text += decoder.decode();
      } else {
        bytes += next.value.length;
        text += decoder.decode(next.value, { stream: true });
      }
    }
  } catch (error) {
    stream.destroy();
    throw error;
  }
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const batchSize = options.batchSize ?? 1_000;

  const state = newParseState(delimiter);
  async function* batches(): AsyncGenerator<RawRow[]> {
    let pending = text;
    let out: RawRow[] = [];
    try {
      for (;;) {
        const consumed = parseRecords(pending, ended, state, out);
        pending = pending.slice(consumed);
        // What is left is one unfinished record; it waits for the next piece of the file, but never beyond the
        // limit (an unclosed quote or a wrong separator would otherwise swallow the whole file).
        if (pending.length > IMPORT_LIMITS.recordChars) throw recordTooLong(state, pending);
        options.onBytes?.(bytes);
        if (out.length >= batchSize || (ended && out.length > 0)) {
          yield out;
          out = [];
        }
        if (ended) break;
        const next = await iterator.next();
        if (next.done) {
          ended = true;
          pending += decoder.decode();
        } else {
          bytes += next.value.length;
          pending += decoder.decode(next.value, { stream: true });
        }
      }
      if (out.length > 0) yield out;
    } finally {
      stream.destroy();
    }
  }
  return {
    delimiter, encoding, batches: batches(),
    keepColumns(indexes) {
      const keep: boolean[] = [];
      for (const i of indexes) keep[i] = true;
      state.keep = keep;
    },
  };
}

/** The candidate that splits the first lines most consistently ("|" of SIASN, ";" of Indonesian Excel, ","…). */
export function detectDelimiter(sample: string): Delimiter {
  const lines = sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 20);
  let best: { delimiter: Delimiter; consistent: number; mode: number } = { delimiter: ',', consistent: 0, mode: 0 };
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    let mode = 0;
    let consistent = 0;
    for (const [count, times] of frequency) {
      if (times > consistent || (times === consistent && count > mode)) {
        mode = count;
        consistent = times;
      }
    }
    if (consistent > best.consistent || (consistent === best.consistent && mode > best.mode)) best = { delimiter, consistent, mode };
  }
  return best.delimiter;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) count++;
  }
  return count;
}

export interface ParseState {
  /** Physical line (1-based) where the next record starts. */
  line: number;
  delimiter: number;
  /** Columns whose text is wanted (null = all). */
  keep: boolean[] | null;
  /** Records read so far (blank lines not counted). */
  records: number;
}

export function newParseState(delimiter: string): ParseState {
  return { line: 1, delimiter: delimiter.charCodeAt(0), keep: null, records: 0 };
}

const excelLimits = 'batas Excel';

function tooManyColumns(line: number): Error {
  return limitError(`Baris ${formatNumberId(line)} berisi lebih dari ${formatNumberId(IMPORT_LIMITS.columns)} kolom (${excelLimits}). Periksa pemisah kolomnya, atau simpan ulang berkasnya dari Excel.`, 'columns');
}

function cellTooLong(line: number, column: number): Error {
  return limitError(`Sel di baris ${formatNumberId(line)}, kolom ke-${formatNumberId(column)} berisi lebih dari ${formatNumberId(IMPORT_LIMITS.cellChars)} karakter (${excelLimits}); mungkin ada tanda petik (") pembuka yang tidak ditutup.`, 'cellChars');
}

function recordTooLong(state: ParseState, pending: string): Error {
  const quoted = pending.charCodeAt(0) === QUOTE || pending.includes(`${String.fromCharCode(state.delimiter)}"`);
  return limitError(`Baris ${formatNumberId(state.line)} lebih panjang dari ${formatNumberId(IMPORT_LIMITS.recordChars)} karakter${quoted ? '; mungkin ada tanda petik (") pembuka yang tidak ditutup' : '; mungkin pemisah kolom atau barisnya tidak dikenali'}. Periksa berkasnya di penyunting teks atau simpan ulang dari Excel.`, 'recordChars');
}

function unclosedQuote(line: number): Error {
  return limitError(`Tanda petik (") yang dibuka di baris ${formatNumberId(line)} tidak pernah ditutup sampai akhir berkas. Perbaiki baris itu (atau hapus tanda petiknya), lalu impor lagi.`, 'recordChars');
}

function tooManyRows(): Error {
  return limitError(`Berkas berisi lebih dari ${formatNumberId(IMPORT_LIMITS.rows)} baris (${excelLimits}). Pecah berkasnya, misalnya per perangkat daerah.`, 'rows');
}

/**
 * Parses the complete records at the start of `text` into `out` and returns how many characters they used.
 * An unfinished record (the chunk ends inside it) is left for the next call unless `final`. Blank lines are
 * skipped but counted, so row numbers are the lines a user sees in a text editor (header = 1). A record past
 * the limits of ../limits.ts (columns, cell length, rows) refuses the whole file.
 */
export function parseRecords(text: string, final: boolean, state: ParseState, out: RawRow[]): number {
  const n = text.length;
  const delimiter = state.delimiter;
  const keep = state.keep;
  const cellLimit = IMPORT_LIMITS.cellChars;
  let i = 0;
  let consumed = 0;
  records: while (i < n) {
    const cells: string[] = [];
    let extraLines = 0;
    for (;;) {
      if (cells.length >= IMPORT_LIMITS.columns) throw tooManyColumns(state.line);
      if (i >= n) {
        if (!final) break records;
        cells.push('');
        break;
      }
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: up to the closing quote; "" is one quote; separators and line breaks are content.
        let j = i + 1;
        let segment = j;
        value = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) {
            if (!final) break records;
            throw unclosedQuote(state.line);
          }
          if (q + 1 >= n && !final) break records;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(segment, q + 1);
            // Checked as it grows: a field of a million "" pairs is refused at the cell limit, not built whole
            // again with every piece of the file that arrives.
            if (value.length > cellLimit) throw cellTooLong(state.line, cells.length + 1);
            j = q + 2;
            segment = j;
            continue;
          }
          value += text.slice(segment, q);
          j = q + 1;
          break;
        }
        for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) extraLines++;
        // Anything between the closing quote and the next separator belongs to the field (lenient, like Excel).
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === delimiter || c === LF || c === CR) break;
          k++;
        }
        if (k >= n && !final) break records;
        if (k > j) value += text.slice(j, k);
        if (value.length > cellLimit) throw cellTooLong(state.line, cells.length + 1);
        i = k;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === delimiter || c === LF || c === CR) break;
          j++;
        }
        if (j >= n && !final) break records;
        if (j - i > cellLimit) throw cellTooLong(state.line, cells.length + 1);
        value = keep === null || keep[cells.length] ? text.slice(i, j) : '';
        i = j;
      }
      cells.push(value);
      if (i >= n) break; // final: the file ends without a line break
      const c = text.charCodeAt(i);
      if (c === delimiter) {
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 >= n && !final) break records;
        i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      } else {
        i++; // LF
      }
      break;
    }
    const blank = cells.length === 1 && cells[0].trim() === '';
    if (!blank) {
      if (++state.records > IMPORT_LIMITS.rows) throw tooManyRows();
      out.push({ row: state.line, cells });
    }
    state.line += 1 + extraLines;
    consumed = i;
    if (i >= n && final) break;
  }
  return consumed;
}
