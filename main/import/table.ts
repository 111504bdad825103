// Opens an imported file as a table: finds the sheet (XLSX) and the header row (title rows above it are
// skipped), recognises the kind from the header, and hands the rows below it over in batches.

import { AppError } from '../../shared/errors';
import { competencyCodeFromHeader, fieldForHeader, IMPORT_KINDS, IMPORT_SPECS, missingRequired, normaliseHeader, type ImportKind } from '../../shared/domain/import-fields';
import type { StoredFile, TextEncoding } from './file-store';
import { openCsv, type Delimiter } from './readers/csv-reader';
import { readXlsx } from './readers/xlsx-reader';
import type { CellValue, ColumnMapping, RawRow, SheetSummary } from './types';

/** How many rows from the top may hold titles before the header. */
const PROBE_ROWS = 30;

export interface HeaderGuess {
  /** Index in the probed rows. */
  index: number;
  kind: ImportKind | null;
  score: number;
}

export interface OpenedTable {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  /** Every sheet seen so far (complete once `rows` is exhausted). */
  sheets: SheetSummary[];
  sheet: string | null;
  header: RawRow;
  detectedKind: ImportKind | null;
  rows: AsyncGenerator<RawRow[]>;
  /** Only these columns are needed from here on (a reader may skip the others). */
  keepColumns(indexes: readonly number[]): void;
}

export interface OpenTableOptions {
  /** XLSX: read this sheet; otherwise the first whose header is recognised. */
  sheet?: string;
  /** Recognise the header as this kind only. */
  kind?: ImportKind;
  onBytes?(bytes: number): void;
}

const text = (cell: CellValue): string => (cell === null ? '' : String(cell));

/** The row among the first ones that looks most like a header of some kind (or of `kind`). */
export function guessHeader(rows: RawRow[], kind?: ImportKind): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  rows.slice(0, PROBE_ROWS).forEach((row, index) => {
    const headers = row.cells.map((c) => normaliseHeader(text(c))).filter((h) => h !== '');
    for (const candidate of kind ? [kind] : IMPORT_KINDS) {
      const matched = new Set<string>();
      let codes = 0;
      for (const h of headers) {
        const field = fieldForHeader(candidate, h);
        if (field) matched.add(field);
        else if (IMPORT_SPECS[candidate].competencyColumns && competencyCodeFromHeader(h)) codes++;
      }
      if (matched.size < 2) continue;
      const complete = missingRequired(candidate, matched, codes > 0).length === 0;
      const score = (complete ? 1000 : 0) + matched.size + codes;
      if (!best || score > best.score) best = { index, kind: candidate, score };
    }
  });
  return best;
}

/** A sheet is taken when its header is recognised (or it is the requested one). */
function sheetAccepts(rows: RawRow[], options: OpenTableOptions, name: string, forceFirst: boolean): boolean {
  if (options.sheet !== undefined) return name === options.sheet;
  if (forceFirst) return rows.length > 0;
  const guess = guessHeader(rows, options.kind);
  return guess !== null && guess.score >= 1000;
}

export async function openTable(file: StoredFile, options: OpenTableOptions = {}): Promise<OpenedTable> {
  if (file.format === 'text') {
    const csv = await openCsv(file, { onBytes: options.onBytes });
    const probe: RawRow[] = [];
    let pending: RawRow[] = [];
    for (;;) {
      if (probe.length >= PROBE_ROWS) break;
      const next = await csv.batches.next();
      if (next.done) break;
      probe.push(...next.value);
    }
    if (probe.length === 0) throw new AppError('validation', `Berkas "${file.name}" tidak berisi baris data.`, { rejectedFile: true });
    const guess = guessHeader(probe, options.kind);
    const headerIndex = guess?.index ?? 0;
    pending = probe.slice(headerIndex + 1);
    return {
      format: 'csv', encoding: csv.encoding, delimiter: csv.delimiter, sheets: [], sheet: null,
      header: probe[headerIndex], detectedKind: guess?.kind ?? null,
      rows: prepend(pending, csv.batches), keepColumns: (indexes) => csv.keepColumns(indexes),
    };
  }
  if (file.format === 'xlsx') {
    const first = await openXlsx(file, options, false);
    if (first) return first;
    // No sheet has a header Jenjang recognises: take the first sheet with data, so the mapping can be set by hand.
    const fallback = await openXlsx(file, options, true);
    if (fallback) return fallback;
    throw new AppError('validation', options.sheet !== undefined
      ? `Lembar kerja "${options.sheet}" tidak ditemukan atau kosong dalam berkas "${file.name}".`
      : `Berkas "${file.name}" tidak berisi baris data di lembar kerja mana pun.`, { rejectedFile: true });
  }
  throw unreadableFileError(file);
}

async function openXlsx(file: StoredFile, options: OpenTableOptions, forceFirst: boolean): Promise<OpenedTable | null> {
  const sheets: SheetSummary[] = [];
  let chosen: { name: string; guess: HeaderGuess | null } | null = null;
  const batches = readXlsx(file, {
    probeRows: PROBE_ROWS,
    onBytes: options.onBytes,
    onSheet: (name) => {
      if (!sheets.some((s) => s.name === name)) sheets.push({ name, detectedKind: null });
    },
    visit: (name, rows) => {
      const guess = guessHeader(rows, options.kind);
      const summary = sheets.find((s) => s.name === name);
      if (summary) summary.detectedKind = guess && guess.score >= 1000 ? guess.kind : null;
      const take = !chosen && sheetAccepts(rows, options, name, forceFirst);
      if (take) chosen = { name, guess };
      return take;
    },
  });
  const firstBatch = await batches.next();
  if (firstBatch.done || !chosen) {
    await batches.return(undefined);
    return null;
  }
  const { name, guess } = chosen as { name: string; guess: HeaderGuess | null };
  const rows = firstBatch.value;
  const headerIndex = guess?.index ?? 0;
  return {
    format: 'xlsx', encoding: null, delimiter: null, sheets, sheet: name,
    header: rows[headerIndex], detectedKind: guess?.kind ?? null,
    rows: prepend(rows.slice(headerIndex + 1), batches), keepColumns: () => undefined,
  };
}

async function* prepend(first: RawRow[], rest: AsyncGenerator<RawRow[]>): AsyncGenerator<RawRow[]> {
  try {
    if (first.length > 0) yield first;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}

export function unreadableFileError(file: StoredFile): AppError {
  const messages: Record<string, string> = {
    empty: `Berkas "${file.name}" kosong.`,
    encrypted: `Berkas "${file.name}" dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File › Info › Protect Workbook), simpan, lalu impor lagi.`,
    xls: `Berkas "${file.name}" berformat Excel 97–2003 (.xls). Simpan ulang sebagai Excel Workbook (.xlsx) atau CSV, lalu impor lagi.`,
    binary: `Berkas "${file.name}" bukan CSV atau XLSX.`,
  };
  return new AppError('validation', messages[file.format] ?? `Berkas "${file.name}" bukan CSV atau XLSX.`, { rejectedFile: true });
}

/**
 * Maps each column of the header to a field of the kind: a saved or user-given mapping first (by normalised
 * header), then the known names and aliases. Columns named like a competency code become wide-form columns
 * of the kompetensi kind ("comp:M.01").
 */
export function buildMapping(kind: ImportKind, header: RawRow, overrides: Record<string, string | null> = {}): ColumnMapping[] {
  const spec = IMPORT_SPECS[kind];
  return header.cells.map((cell, index) => {
    const headerText = text(cell).trim();
    const normalised = normaliseHeader(headerText);
    const known = fieldForHeader(kind, normalised);
    const code = spec.competencyColumns && !known ? competencyCodeFromHeader(headerText) : null;
    const automatic = known ? (spec.fields.find((f) => f.key === known)!.used ? known : null) : code ? `comp:${code}` : null;
    const field = Object.prototype.hasOwnProperty.call(overrides, normalised) ? overrides[normalised] : automatic;
    return { index, header: headerText || `(kolom ${index + 1})`, normalised, field: normalised === '' ? null : field, known: known !== null || code !== null };
  });
}
