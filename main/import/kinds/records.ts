// The history kinds (SKP, kompetensi, potensi, diklat) share one shape: each row yields one or more records
// for one employee (by NIP), identified by natural key columns; a record is new, changed (some column
// differs) or unchanged. Only new and changed records are written, tagged with the snapshot.

import type { IsoDate } from '../../../shared/domain/dates';
import type { ImportKind } from '../../../shared/domain/import-fields';
import { parseNipCell } from '../../../shared/domain/nip';
import type { PlanReads } from '../plan-reads';
import { ownString, type IssueLog, type RowReader } from '../row-reader';
import type { FieldChange } from './pegawai';

export type RecordValue = string | number | null;

export interface RecordDraft {
  row: number;
  nip: string;
  /** Every column the record writes (identity included), by database column name. */
  values: Record<string, RecordValue>;
  /** "SKP 2024 Tahunan", for messages and the diff. */
  label: string;
}

export interface RecordKindOptions {
  createMissing: boolean;
  today: IsoDate;
}

export interface CreatedReference {
  table: string;
  tempId: number;
  values: Record<string, RecordValue>;
  label: string;
}

export interface RecordKindSpec {
  kind: ImportKind;
  table: 'performance_evaluation' | 'competency_assessment' | 'potential_assessment' | 'training_record'
    | 'discipline_record' | 'study_record' | 'kgb_record' | 'cltn_period' | 'honor_award';
  /** Natural key besides employee_id. */
  identity: readonly string[];
  /** The key as the file states it, for duplicates inside the file (default: identity). */
  fileIdentity?: readonly string[];
  /** Written columns besides the identity. */
  columns: readonly string[];
  /** Columns where an empty cell keeps what is stored (descriptive extras). */
  keepWhenEmpty: readonly string[];
  labels: Record<string, string>;
  parse(r: RowReader): RecordDraft[] | null;
  /** Resolves references a record names (kompetensi: the competency code); may reject rows or plan creations. */
  resolve?(drafts: RecordDraft[], reads: PlanReads, log: IssueLog, columnOf: (field: string) => string | null, options: RecordKindOptions): CreatedReference[];
  /** How a column's value reads in the diff. */
  display?(column: string, value: RecordValue): string | null;
}

export interface RecordInsert {
  row: number;
  employeeId: number;
  nip: string;
  name: string;
  values: Record<string, RecordValue>;
  label: string;
}

export interface RecordUpdate extends RecordInsert {
  id: number;
  /** The changed columns as stored, with the row's provenance (source, snapshot_id) for undo. */
  before: Record<string, RecordValue>;
  after: Record<string, RecordValue>;
  changes: FieldChange[];
}

export interface RecordPlan {
  inserts: RecordInsert[];
  updates: RecordUpdate[];
  unchanged: number;
  created: CreatedReference[];
}

/** NIP of a history row: must be valid text and name an employee already in the database. */
export function readNip(r: RowReader, field = 'nip'): string | null {
  const raw = r.raw(field);
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    r.error(field, 'NIP wajib diisi.');
    return null;
  }
  const parsed = parseNipCell(typeof raw === 'number' ? raw : String(raw), r.today);
  if (!parsed.ok) {
    for (const e of parsed.errors) r.error(field, e.message);
    return null;
  }
  return ownString(parsed.value.nip);
}

export function planRecords(spec: RecordKindSpec, drafts: RecordDraft[], reads: PlanReads, log: IssueLog, columnOf: (field: string) => string | null, options: RecordKindOptions): RecordPlan {
  const employees = new Map<string, { id: number; name: string }>();
  for (const e of reads.employeesByNip()) employees.set(e.nip, e);

  const live = drafts.filter((d) => !log.rejectedRows.has(d.row));
  const located: Array<RecordDraft & { employeeId: number; name: string }> = [];
  for (const d of live) {
    const employee = employees.get(d.nip);
    if (!employee) {
      log.add(d.row, columnOf('nip'), d.nip, 'error', `NIP ${d.nip} tidak terdaftar di database Jenjang; impor atau tambahkan data pegawainya lebih dulu.`);
      continue;
    }
    // Object.assign, not `{ ...d, … }`: on Node 20's V8 a literal that opens with a spread and adds properties after
    // it costs microseconds a row (the same object either way).
    located.push(Object.assign({}, d, { employeeId: employee.id, name: employee.name }));
  }
  const created = spec.resolve ? spec.resolve(located, reads, log, columnOf, options) : [];
  const accepted = located.filter((d) => !log.rejectedRows.has(d.row));

  // What is stored for these employees, by natural key.
  const key = (employeeId: number, values: Record<string, RecordValue>) =>
    [employeeId, ...spec.identity.map((c) => normaliseKeyPart(values[c]))].join('\u0001');
  const existing = new Map<string, Record<string, RecordValue> & { id: number }>();
  const ids = [...new Set(accepted.map((d) => d.employeeId))];
  const stored = reads.storedRecords<Record<string, RecordValue> & { id: number; employee_id: number }>(
    spec.table, [...spec.identity, ...spec.columns], ids);
  for (const row of stored) existing.set(key(row.employee_id, row), row);

  const plan: RecordPlan = { inserts: [], updates: [], unchanged: 0, created };
  for (const d of accepted) {
    const stored = existing.get(key(d.employeeId, d.values));
    if (!stored) {
      plan.inserts.push({ row: d.row, employeeId: d.employeeId, nip: d.nip, name: d.name, values: d.values, label: d.label });
      continue;
    }
    const before: Record<string, RecordValue> = {};
    const after: Record<string, RecordValue> = {};
    const changes: FieldChange[] = [];
    const merged = { ...d.values };
    for (const column of spec.columns) {
      const incoming = d.values[column] ?? null;
      if (incoming === null && spec.keepWhenEmpty.includes(column)) {
        merged[column] = stored[column] ?? null;
        continue;
      }
      if (!sameValue(stored[column] ?? null, incoming)) {
        before[column] = stored[column] ?? null;
        after[column] = incoming;
        const show = (v: RecordValue) => (spec.display ? spec.display(column, v) : v === null ? null : String(v));
        changes.push({ field: column, label: spec.labels[column] ?? column, before: show(stored[column] ?? null), after: show(incoming) });
      }
    }
    if (changes.length === 0) plan.unchanged++;
    else {
      before.source = stored.source ?? null;
      before.snapshot_id = stored.snapshot_id ?? null;
      plan.updates.push({ row: d.row, id: stored.id, employeeId: d.employeeId, nip: d.nip, name: d.name, values: merged, label: d.label, before, after, changes });
    }
  }
  return plan;
}

function normaliseKeyPart(value: RecordValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value.trim().toUpperCase() : String(value);
}

function sameValue(a: RecordValue, b: RecordValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}

/** Duplicate keys inside one file (all occurrences are rejected: the file contradicts itself). */
export function recordDuplicateKey(spec: RecordKindSpec, draft: RecordDraft): string {
  return [draft.nip, ...(spec.fileIdentity ?? spec.identity).map((c) => normaliseKeyPart(draft.values[c]))].join('\u0001');
}
