// The import in stages: parse (read the file once, streaming, map columns and check every row by itself),
// plan (against the database: references, rules that need stored data, the diff) and commit (commit.ts).
// Parsing never touches the database; planning only reads it. Re-planning with other options (create missing
// units/positions, mark absent employees) reuses the parsed rows.

import type { IsoDate } from '../../shared/domain/dates';
import { IMPORT_SPECS, importFieldLabel, missingRequired, type ImportKind } from '../../shared/domain/import-fields';
import { formatNumberId } from '../../shared/format/id-format';
import type { JobHandle } from '../jobs/job-registry';
import type { WritablePlan } from './commit';
import type { StoredFile } from './file-store';
import { belajarSpec, cltnSpec, disiplinSpec, kgbSpec, tandaKehormatanSpec } from './kinds/careers';
import { diklatSpec } from './kinds/diklat';
import { kompetensiSpec } from './kinds/kompetensi';
import { newPresence, parseEmployeeRow, planEmployees, type EmployeeFileRow, type EmployeePlan, type Presence } from './kinds/pegawai';
import { potensiSpec } from './kinds/potensi';
import { planRecords, recordDuplicateKey, type RecordDraft, type RecordKindSpec, type RecordPlan } from './kinds/records';
import { skpSpec } from './kinds/skp';
import type { PlanReads } from './plan-reads';
import { IssueLog, RowReader } from './row-reader';
import { buildMapping, openTable, unreadableFileError } from './table';
import type { ColumnMapping, ImportIssue, SheetSummary } from './types';

export const RECORD_SPECS: Record<Exclude<ImportKind, 'pegawai'>, RecordKindSpec> = {
  skp: skpSpec, kompetensi: kompetensiSpec, potensi: potensiSpec, diklat: diklatSpec,
  disiplin: disiplinSpec, belajar: belajarSpec, kgb: kgbSpec, cltn: cltnSpec, tanda_kehormatan: tandaKehormatanSpec,
};

export interface ParseOptions {
  kind?: ImportKind;
  sheet?: string;
  /** Normalised header → field (null = ignore), over the automatic mapping. */
  mapping?: Record<string, string | null>;
  today: IsoDate;
  job?: JobHandle;
}

export interface ParsedFile {
  file: StoredFile;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheets: SheetSummary[];
  sheet: string | null;
  headerRow: number;
  detectedKind: ImportKind | null;
  kind: ImportKind | null;
  mapping: ColumnMapping[];
  /** File-level problems: nothing can be imported until they are resolved (kind, missing or doubled columns). */
  blocking: string[];
  /** Data rows below the header (blank rows not counted). */
  rows: number;
  /** Row-level issues found while reading. */
  log: IssueLog;
  employees: { rows: EmployeeFileRow[]; presence: Presence } | null;
  drafts: RecordDraft[] | null;
  /** The same record (NIP, pns_id, or a history record's key) on several rows: a plan decides which rows go. */
  duplicates: DuplicateGroup[];
  parseMs: number;
}

export interface DuplicateGroup {
  column: string | null;
  value: string;
  /** "NIP 198503122010012004", "SKP 2024 Tahunan untuk NIP …" */
  what: string;
  /** In file order. */
  rows: number[];
}

/** What happens to rows that repeat a record: the first one is kept (the default), or all are rejected. */
export type DuplicatePolicy = 'keep-first' | 'reject-all';

/** "baris 2, 5 dan 9", or the first five and how many more: one message per row must not list every row. */
export function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 5).map((r) => formatNumberId(r));
  if (rows.length <= 5) return `baris ${shown.length > 1 ? `${shown.slice(0, -1).join(', ')} dan ${shown.at(-1)}` : shown[0]}`;
  return `baris ${shown.join(', ')} dan ${formatNumberId(rows.length - 5)} baris lain`;
}

export function columnLookup(mapping: ColumnMapping[]): (field: string) => string | null {
  const byField = new Map<string, string>();
  for (const m of mapping) if (m.field && !byField.has(m.field)) byField.set(m.field, m.header);
  return (field) => byField.get(field) ?? null;
}

export async function parseFile(file: StoredFile, options: ParseOptions): Promise<ParsedFile> {
  const started = Date.now();
  if (file.format !== 'text' && file.format !== 'xlsx') throw unreadableFileError(file);
  const job = options.job;
  let bytes = 0;
  const table = await openTable(file, { sheet: options.sheet, kind: options.kind, onBytes: (b) => (bytes = b) });
  const kind = options.kind ?? table.detectedKind;
  const log = new IssueLog();
  const result: ParsedFile = {
    file, format: table.format, encoding: table.encoding, delimiter: table.delimiter, sheets: table.sheets, sheet: table.sheet,
    headerRow: table.header.row, detectedKind: table.detectedKind, kind, mapping: [], blocking: [], rows: 0, log,
    employees: null, drafts: null, duplicates: [], parseMs: 0,
  };

  if (!kind) {
    result.blocking.push('Jenis berkas tidak dapat dikenali dari kepala kolomnya. Pilih jenisnya (pegawai, SKP, kompetensi, potensi, diklat, hukuman disiplin, tugas/izin belajar, KGB, CLTN atau tanda kehormatan), lalu petakan kolomnya.');
    await table.rows.return(undefined);
    result.mapping = table.header.cells.map((c, index) => ({ index, header: String(c ?? '').trim() || `(kolom ${index + 1})`, normalised: '', field: null, known: false }));
    return result;
  }
  const mapping = buildMapping(kind, table.header, options.mapping);
  result.mapping = mapping;
  const byField = new Map<string, string[]>();
  for (const m of mapping) if (m.field) byField.set(m.field, [...(byField.get(m.field) ?? []), m.header]);
  for (const [field, headers] of byField) {
    if (headers.length > 1) result.blocking.push(`Kolom ${headers.map((h) => `"${h}"`).join(' dan ')} sama-sama dipetakan ke ${importFieldLabel(kind, field)}; pilih salah satu.`);
  }
  const hasCompetencyColumns = mapping.some((m) => m.field?.startsWith('comp:'));
  const missing = missingRequired(kind, new Set(byField.keys()), hasCompetencyColumns);
  if (missing.length > 0) {
    result.blocking.push(`Kolom wajib tidak ditemukan di baris kepala (baris ${table.header.row}): ${missing.join('; ')}. Periksa nama kolomnya atau petakan kolom secara manual.`);
  }
  if (result.blocking.length > 0) {
    await table.rows.return(undefined);
    return result;
  }

  table.keepColumns(mapping.filter((m) => m.field !== null).map((m) => m.index));
  const reader = new RowReader(mapping, log, options.today);
  const presence = newPresence();
  const employees: EmployeeFileRow[] = [];
  const drafts: RecordDraft[] = [];
  const spec = kind === 'pegawai' ? null : RECORD_SPECS[kind];
  let rows = 0;
  for await (const batch of table.rows) {
    for (const row of batch) {
      reader.begin(row);
      rows++;
      if (spec) {
        const parsed = spec.parse(reader);
        if (parsed) drafts.push(...parsed);
      } else {
        const parsed = parseEmployeeRow(reader, presence);
        if (parsed) employees.push(parsed);
      }
    }
    if (job) {
      // Rows read so far, and an estimate of the total from the share of the file read.
      const estimate = bytes > 0 ? Math.max(rows, Math.round((rows * file.size) / bytes)) : rows;
      job.progress('Membaca dan memeriksa baris', rows, estimate);
      await new Promise((resolve) => setImmediate(resolve));
      job.throwIfCancelled();
    }
  }
  result.rows = rows;
  if (rows === 0) result.blocking.push(`Berkas tidak berisi baris data di bawah baris kepala (baris ${table.header.row}).`);

  const labels = Object.fromEntries(IMPORT_SPECS[kind].fields.map((f) => [f.key, f.label.toLowerCase()]));
  reader.finishDates(labels);

  // The same record twice in one file: the file contradicts itself. Which rows go is the plan's choice.
  const columnOf = columnLookup(mapping);
  if (kind === 'pegawai') {
    for (const [key, rows] of presence.repeated) {
      const value = key.slice(4);
      const nip = key.startsWith('nip:');
      result.duplicates.push({ column: columnOf(nip ? 'nip_baru' : 'pns_id'), value, what: `${nip ? 'NIP' : 'ID PNS'} ${value}`, rows });
    }
    presence.interned.clear();
    result.employees = { rows: employees, presence };
  } else {
    const seen = new Map<string, RecordDraft[]>();
    for (const d of drafts) {
      const key = recordDuplicateKey(spec!, d);
      const group = seen.get(key);
      if (group) group.push(d);
      else seen.set(key, [d]);
    }
    for (const group of seen.values()) {
      const rows = [...new Set(group.map((d) => d.row))];
      if (rows.length < 2) continue;
      result.duplicates.push({ column: columnOf('nip'), value: group[0].nip, what: `${group[0].label} untuk NIP ${group[0].nip}`, rows });
    }
    result.drafts = drafts;
  }
  result.parseMs = Date.now() - started;
  return result;
}

// ---------------------------------------------------------------------------------------------------------

export interface PlanOptions {
  createMissing: boolean;
  markAbsent: boolean;
  duplicates: DuplicatePolicy;
  today: IsoDate;
}

export interface DiffSummary {
  new: number;
  changed: number;
  absent: number;
  unchanged: number;
}

export interface PlannedImport {
  parsed: ParsedFile;
  options: PlanOptions;
  log: IssueLog;
  issues: ImportIssue[];
  writable: WritablePlan;
  counts: { rows: number; accepted: number; rejected: number; warningRows: number; errors: number; warnings: number };
  /** Employee snapshots: the diff. Other kinds: new / changed / unchanged records (absent 0). */
  diff: DiffSummary;
  /** Database state the plan was made against (total_changes of this connection, data_version of others); null
   *  on a server, where the commit always plans again. */
  stamp: string | null;
  planMs: number;
}

/** Plans a parsed file against the database `reads` reads (fileReads on a desk's file, serverReads on a server). */
export function planParsed(parsed: ParsedFile, reads: PlanReads, options: PlanOptions): PlannedImport {
  const started = Date.now();
  if (!parsed.kind || parsed.blocking.length > 0) throw new Error('planParsed: the file has blocking problems');
  const log = parsed.log.clone();
  rejectDuplicates(parsed.duplicates, options.duplicates, log);
  const columnOf = columnLookup(parsed.mapping);
  // A database without units takes the snapshot's units and positions as they come (the first snapshot).
  const emptyDatabase = reads.hasNoUnits();
  const createMissing = options.createMissing || emptyDatabase;
  let writable: WritablePlan;
  let diff: DiffSummary;
  if (parsed.kind === 'pegawai') {
    const plan: EmployeePlan = planEmployees(parsed.employees!.rows, parsed.employees!.presence, reads.employeeContext(), log, columnOf,
      { createMissing, today: options.today });
    writable = { kind: 'pegawai', plan, markAbsent: options.markAbsent };
    diff = { new: plan.inserts.length, changed: plan.updates.length, absent: plan.absent.length, unchanged: plan.unchanged };
  } else {
    const spec = RECORD_SPECS[parsed.kind];
    const plan: RecordPlan = planRecords(spec, parsed.drafts!, reads, log, columnOf, { createMissing, today: options.today });
    writable = { kind: parsed.kind, spec, plan };
    diff = { new: plan.inserts.length, changed: plan.updates.length, absent: 0, unchanged: plan.unchanged };
  }
  const issues = log.sorted();
  const rejected = log.rejectedRows.size;
  return {
    parsed, options: { ...options, createMissing }, log, issues, writable, diff, stamp: reads.stamp(),
    counts: {
      rows: parsed.rows, accepted: parsed.rows - rejected, rejected,
      warningRows: [...log.warnedRows].filter((r) => !log.rejectedRows.has(r)).length,
      errors: issues.filter((i) => i.severity === 'error').length, warnings: issues.filter((i) => i.severity === 'warning').length,
    },
    planMs: Date.now() - started,
  };
}

/** Rows that repeat a record: all of them rejected, or all but the first. One message per group, whatever its
 *  size (a NIP repeated on 20,000 rows lists five of them). */
function rejectDuplicates(groups: readonly DuplicateGroup[], policy: DuplicatePolicy, log: IssueLog): void {
  for (const group of groups) {
    if (policy === 'reject-all') {
      const message = `${group.what} muncul ${formatNumberId(group.rows.length)} kali dalam berkas (${rowList(group.rows)}); semua baris itu ditolak.`;
      for (const row of group.rows) log.add(row, group.column, group.value, 'error', message);
    } else {
      const [first, ...rest] = group.rows;
      const message = `${group.what} sudah ada di baris ${formatNumberId(first)}; baris ini ditolak dan baris ${formatNumberId(first)} yang dipakai.`;
      for (const row of rest) log.add(row, group.column, group.value, 'error', message);
    }
  }
}

export function describeCounts(plan: PlannedImport): string {
  const c = plan.counts;
  return `${formatNumberId(c.rows)} baris: ${formatNumberId(c.accepted)} diterima, ${formatNumberId(c.rejected)} ditolak`;
}
