// A streaming CSV reader for the text files HR offices receive: SIASN's pipe-separated export, Indonesian
// Excel's ";" CSV and the "," kind; quoted fields that hold separators, quotes ("") and line breaks; UTF-8 with
// or without BOM, Windows-1252 and UTF-16. Cells stay raw strings (RECIPE.md §5: a CSV library's value
// mapping loses the leading zero of a phone number and misreads "1.234" and dates).

import { parse } from 'csv-parse';
import fs from 'node:fs';
import type { StoredFile, TextEncoding } from '../file-store';
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
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const batchSize = options.batchSize ?? 1_000;

  // Tokenising by csv-parse: raw strings (no casting), quotes, embedded line breaks; the row number of each
  // record is the line it starts on (line breaks counted in its raw text, blank lines included).
  const parser = parse({
    delimiter, quote: '"', relax_column_count: true, relax_quotes: true, skip_empty_lines: false, raw: true,
    max_record_size: 2_000_000, cast: false,
  });
  let keep: boolean[] | null = null;
  let line = 1;
  async function feed() {
    try {
      if (text) parser.write(text);
      text = '';
      while (!ended) {
        const next = await iterator.next();
        if (next.done) {
          ended = true;
          const rest = decoder.decode();
          if (rest && !parser.write(rest)) await new Promise((resolve) => parser.once('drain', resolve));
        } else {
          bytes += next.value.length;
          options.onBytes?.(bytes);
          if (!parser.write(decoder.decode(next.value, { stream: true }))) await new Promise((resolve) => parser.once('drain', resolve));
        }
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  }
  async function* batches(): AsyncGenerator<RawRow[]> {
    void feed();
    let out: RawRow[] = [];
    try {
      for await (const { raw, record } of parser as AsyncIterable<{ raw: string; record: string[] }>) {
        const row = line;
        for (let i = 0; i < raw.length; i++) {
          const c = raw.charCodeAt(i);
          if (c === LF) line++;
          else if (c === CR) {
            line++;
            if (raw.charCodeAt(i + 1) === LF) i++;
          }
        }
        if (record.length === 1 && record[0].trim() === '') continue;
        if (keep) for (let i = 0; i < record.length; i++) if (!keep[i]) record[i] = '';
        out.push({ row, cells: record });
        if (out.length >= batchSize) {
          yield out;
          out = [];
        }
      }
      if (out.length > 0) yield out;
    } finally {
      parser.destroy();
      stream.destroy();
    }
  }
  return {
    delimiter, encoding, batches: batches(),
    keepColumns(indexes) {
      const wanted: boolean[] = [];
      for (const i of indexes) wanted[i] = true;
      keep = wanted;
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
}

/**
 * Parses the complete records at the start of `text` into `out` and returns how many characters they used.
 * An unfinished record (the chunk ends inside it) is left for the next call unless `final`. Blank lines are
 * skipped but counted, so row numbers are the lines a user sees in a text editor (header = 1).
 */
export function parseRecords(text: string, final: boolean, state: ParseState, out: RawRow[]): number {
  const n = text.length;
  const delimiter = state.delimiter;
  const keep = state.keep;
  let i = 0;
  let consumed = 0;
  records: while (i < n) {
    const cells: string[] = [];
    let extraLines = 0;
    for (;;) {
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
            value += text.slice(segment);
            j = n;
            break;
          }
          if (q + 1 >= n && !final) break records;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(segment, q + 1);
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
        i = k;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === delimiter || c === LF || c === CR) break;
          j++;
        }
        if (j >= n && !final) break records;
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
    if (!blank) out.push({ row: state.line, cells });
    state.line += 1 + extraLines;
    consumed = i;
    if (i >= n && final) break;
  }
  return consumed;
}
