// Writing a planned import: one transaction on the DataSource's own connection with prepared statements
// (TypeORM's insert and save paths cost several times the raw statement). Only new and changed rows are written;
// every history row carries source 'import' and the snapshot id; what the import inserted or updated elsewhere is
// recorded in import_change, in the same transaction, so the snapshot can be undone from that log (undo.ts).
// A cancel, a crash or a kill before COMMIT leaves the database as it was. No copy of the whole database is taken
// per import: the net under the change log is the daily copy, which the caller takes first when today's is due.

import type { DataSource } from 'typeorm';
import type { IsoDate } from '../../shared/domain/dates';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../shared/domain/import-fields';
import { formatNumberId } from '../../shared/format/id-format';
import { runBulkTransaction, type BulkTransaction } from '../db/bulk-transaction';
import { runServerTransaction, type ServerTransaction } from '../db/server-transaction';
import { copyRows } from '../db/sql/copy.sql';
import { refreshDerived, refreshDerivedChanges } from '../db/derived';
import { writeAudit } from '../db/sql/audit.sql';
import { firstHistoryCopy, firstHistoryWriters, recordPositionMove, recordRankStep, type PositionMove, type RankStep } from '../db/sql/history.sql';
import { importCommitSql as sql } from '../db/sql/imports/commit.sql';
import { analyze } from '../db/sql/maintenance.sql';
import { bulkRun, isPostgresManager, type Run } from '../db/sql/run';
import { rawConnection } from '../db/raw-connection';
import { recordQualityIndex } from '../db/quality-index';
import { correctionImportSql } from '../db/sql/quality.sql';
import type { JobHandle } from '../jobs/job-registry';
import { EMPLOYEE_IMPORT_FIELDS, historyStart, type EmployeePlan } from './kinds/pegawai';
import type { RecordKindSpec, RecordPlan } from './kinds/records';
import type { ImportIssue } from './types';
import { bupFor, retirementDate } from '../../shared/domain/retirement';

const CHUNK = 1_000;

export type WritablePlan =
  | { kind: 'pegawai'; plan: EmployeePlan; markAbsent: boolean }
  | { kind: Exclude<ImportKind, 'pegawai'>; spec: RecordKindSpec; plan: RecordPlan };

export interface SnapshotHeader {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  rowCount: number;
  acceptedCount: number;
  rejectedCount: number;
  summary: Record<string, unknown>;
  mapping: unknown;
}

export interface CommitArgs {
  dataSource: DataSource;
  header: SnapshotHeader;
  issues: ImportIssue[];
  writable: WritablePlan;
  actor: string;
  now: string;
  today: IsoDate;
  job?: JobHandle;
  /** Today's daily copy of the database when it is due and not yet written (BackupService.dailyIfDue); answers its
   *  path, or null when none was due. Absent: no copy (in-memory databases, the tests of the writer alone). */
  dailyBackupIfDue?: (job?: JobHandle) => Promise<string | null>;
}

export interface CommitResult {
  snapshotId: number;
  /** The daily copy this import wrote first because today's was due; null when it took none. */
  backupPath: string | null;
  /** Rows written to the data tables (employees, units, positions, history, records). */
  written: number;
  /** Time of the daily copy taken first (0 when none was due). */
  backupMs: number;
  writeMs: number;
  analyzeMs: number;
}

export async function commitImport(args: CommitArgs): Promise<CommitResult> {
  const { dataSource, header, writable, job } = args;
  const backupStart = Date.now();
  let backupPath: string | null = null;
  if (args.dailyBackupIfDue) backupPath = await args.dailyBackupIfDue(job);
  const backupMs = Date.now() - backupStart;

  const writeStart = Date.now();
  job?.throwIfCancelled();
  const result = isPostgresManager(dataSource)
    ? await runServerTransaction(dataSource, (tx) => writeSnapshot(args, { run: tx.run, breathe: tx.breathe, file: null, server: tx }))
    : await runBulkTransaction(dataSource, (tx) => writeSnapshot(args, { run: bulkRun(tx), breathe: tx.breathe, file: tx, server: null }));
  const writeMs = Date.now() - writeStart;

  // Fresh planner statistics after a large import (demo-writer.ts does the same); a server's autovacuum keeps its own.
  const analyzeStart = Date.now();
  if (result.written >= 5_000 && !isPostgresManager(dataSource)) analyze(rawConnection(dataSource));
  return { ...result, backupPath, backupMs, writeMs, analyzeMs: Date.now() - analyzeStart };
}

/**
 * Where a commit writes. Every statement can go through `run` on either database; the row loops of thousands take
 * the faster way each database has: SQLite's bulk transaction (`file`, synchronous prepared statements) or, on a
 * server, COPY on the transaction's connection (`server`). Exactly one of the two is set.
 */
interface CommitTarget {
  run: Run;
  breathe(): Promise<void>;
  file: BulkTransaction | null;
  server: ServerTransaction | null;
}

async function writeSnapshot(args: CommitArgs, target: CommitTarget): Promise<{ snapshotId: number; written: number }> {
  const { header, writable } = args;
  const snapshotId = await sql.insertSnapshot(target.run, {
    kind: header.kind, fileName: header.fileName, sha256: header.sha256, rowCount: header.rowCount, acceptedCount: header.acceptedCount,
    rejectedCount: header.rejectedCount, summary: JSON.stringify(header.summary), mapping: JSON.stringify(header.mapping),
    backupPath: null, importedBy: args.actor, importedAt: args.now,
  });
  const writer = new Writer(target, snapshotId, args, totalWork(writable, args.issues.length));
  const written = writable.kind === 'pegawai'
    ? await writer.employees(writable.plan, writable.markAbsent)
    : await writer.records(writable.spec, writable.plan);
  await writer.issues(args.issues);
  await writer.copyChanges();
  // The data-quality index as this import leaves it (the trend on Kualitas Data; an undo removes the record).
  await recordQualityIndex(target.run, { asOf: args.today, at: args.now, reason: 'impor', snapshotId });
  await writeAudit(target.run, {
    at: args.now, actor: args.actor, action: 'import', entity: 'import_snapshot', entityId: snapshotId, summary: snapshotSummary(header), after: header.summary,
  });
  return { snapshotId, written };
}

export function snapshotSummary(header: SnapshotHeader): string {
  const diff = header.summary.diff as { new?: number; changed?: number; absent?: number; unchanged?: number } | undefined;
  const parts = [`${formatNumberId(header.acceptedCount)} baris diterima`, `${formatNumberId(header.rejectedCount)} ditolak`];
  if (diff) parts.push(`${formatNumberId(diff.new ?? 0)} baru`, `${formatNumberId(diff.changed ?? 0)} berubah`);
  return `Impor ${IMPORT_KIND_LABELS[header.kind].toLowerCase()} dari ${header.fileName}: ${parts.join(', ')}`;
}

function totalWork(writable: WritablePlan, issues: number): number {
  if (writable.kind === 'pegawai') {
    const p = writable.plan;
    return p.newUnits.length + p.newPositions.length + p.inserts.length + p.updates.length + (writable.markAbsent ? p.absent.length : 0) + issues;
  }
  return writable.plan.created.length + writable.plan.inserts.length + writable.plan.updates.length + issues;
}

class Writer {
  private done = 0;
  private sinceBreath = 0;
  private readonly changeInsert: (snapshotId: number, table: string, rowId: number, action: 'insert' | 'update', before: string | null, after: string | null) => void;
  /** On a server: the change log, copied in one COPY at the end (in the order it was written, so ids keep it). */
  private readonly pendingChanges: unknown[][] = [];

  constructor(private readonly target: CommitTarget, private readonly snapshotId: number, private readonly args: CommitArgs, private readonly total: number) {
    this.changeInsert = target.file
      ? sql.changeWriter(target.file)
      : (...row) => { this.pendingChanges.push(row); };
  }

  /** Copies the change log a server's commit gathered (nothing on a file: written as it went). */
  async copyChanges(): Promise<void> {
    this.flushInserted();
    if (!this.target.server || this.pendingChanges.length === 0) return;
    await copyRows(this.target.server.client, 'import_change', sql.CHANGE_COLUMNS, this.pendingChanges);
    this.pendingChanges.length = 0;
  }

  private inserted(table: string, id: number): void {
    this.changeInsert(this.snapshotId, table, id, 'insert', null, null);
  }

  /** Consecutive ids inserted into one table are recorded as one range (after = {"through": last id}). */
  private insertedRun: { table: string; first: number; last: number } | null = null;

  private insertedInRun(table: string, id: number): void {
    const run = this.insertedRun;
    if (run && run.table === table && id === run.last + 1) {
      run.last = id;
      return;
    }
    this.flushInserted();
    this.insertedRun = { table, first: id, last: id };
  }

  flushInserted(): void {
    const run = this.insertedRun;
    if (!run) return;
    this.changeInsert(this.snapshotId, run.table, run.first, 'insert', null, run.last > run.first ? JSON.stringify({ through: run.last }) : null);
    this.insertedRun = null;
  }

  private updated(table: string, id: number, before: Record<string, unknown>, after: Record<string, unknown>): void {
    this.changeInsert(this.snapshotId, table, id, 'update', JSON.stringify(before), JSON.stringify(after));
  }

  /** Progress every chunk; the event loop breathes so progress events and a cancel can arrive. */
  private async step(phase: string, count = 1): Promise<void> {
    if (this.counted(count)) await this.breathe(phase);
  }

  /** Counts work done; true when a chunk is complete and the loop should breathe (a loop of tens of thousands of
   *  rows then awaits once per chunk, not once per row). */
  private counted(count = 1): boolean {
    this.done += count;
    this.sinceBreath += count;
    if (this.sinceBreath < CHUNK) return false;
    this.sinceBreath = 0;
    return true;
  }

  private async breathe(phase: string): Promise<void> {
    this.args.job?.progress(phase, this.done, this.total);
    await this.target.breathe();
    this.args.job?.throwIfCancelled();
  }

  async employees(plan: EmployeePlan, markAbsent: boolean): Promise<number> {
    const { target, snapshotId, args } = this;
    const { run } = target;
    const { now, today } = args;
    const ids = new Map<number, number>(); // temporary → real id of new units and positions
    const real = (id: number | null) => (id === null ? null : id < 0 ? ids.get(id)! : id);
    let written = 0;

    // Units, parents first (the plan lists them in the order they were met, root to leaf).
    const writeUnit = sql.unitWriter(run);
    for (const unit of plan.newUnits) {
      const id = await writeUnit({ code: unit.code, name: unit.name, kind: unit.kind, parentId: real(unit.parent) });
      ids.set(unit.tempId, id);
      plan.unitNames.set(id, plan.unitNames.get(unit.tempId) ?? unit.name);
      this.inserted('unit', id);
      written++;
      await this.step('Menyimpan unit kerja');
    }
    const writePosition = sql.positionWriter(run);
    for (const p of plan.newPositions) {
      const id = await writePosition({
        code: p.code, name: p.name, kind: p.kind, level: p.level, eselon: p.eselon, unitId: real(p.unit), family: p.family,
        minGolongan: p.minGolongan, maxGolongan: p.maxGolongan, bupOverride: p.bupOverride, isKey: p.isKey, quota: p.quota,
      });
      ids.set(p.tempId, id);
      plan.positionInfo.set(id, plan.positionInfo.get(p.tempId)!);
      this.inserted('position', id);
      written++;
      await this.step('Menyimpan jabatan');
    }

    const columns = EMPLOYEE_IMPORT_FIELDS.map((f) => f.column);
    // TMT pensiun by the shared rule, written with the row; the derived-data refresh below then finds it current.
    const tmtPensiun = (birthDate: unknown, positionId: number | null) => {
      if (typeof birthDate !== 'string') return null;
      const info = positionId !== null ? plan.positionInfo.get(positionId) : undefined;
      return retirementDate(birthDate, bupFor(info?.level, info?.bupOverride));
    };
    // Spread last into the rows below: on Node 20's V8 an object literal that opens with a spread and then adds its
    // own properties costs ~15 µs (0.6 s for a first import's 100,000 history rows); one that ends with it, nothing.
    const source = { source: 'import', snapshotId, now } as const;
    const touched: number[] = [];
    // What changed for whom, for the derived data: a refresher runs for the employees whose inputs it reads changed.
    const changes = new Map<string, Set<number>>();
    const changed = (key: string, employeeId: number) => {
      const set = changes.get(key);
      if (set) set.add(employeeId);
      else changes.set(key, new Set([employeeId]));
    };

    // A new employee's first row appends; a moved employee's row closes the open ones (the changes go to the undo log).
    const historyRow = async (employeeId: number, positionId: number | null, unitId: number | null, tmt: string, endDate: string | null, closeOpen: boolean) => {
      if (positionId === null) return;
      changed('position_history', employeeId);
      const info = plan.positionInfo.get(positionId);
      const closed = await recordPositionMove(run, {
        employeeId, positionId, positionName: info?.name ?? '', positionLevel: info?.level ?? null, unitId,
        unitName: unitId !== null ? plan.unitNames.get(unitId) ?? null : null, tmt, endDate, ...source,
      }, { closeOpen });
      for (const row of closed) this.updated('position_history', row.id, { end_date: row.endDateBefore }, { end_date: row.endDateAfter });
      written++;
    };

    // A new employee's row and its first history rows (the first position row closes nothing, so no change-log
    // entry but the inserted range): values built here, written by the database's own bulk path below.
    const fields = EMPLOYEE_IMPORT_FIELDS.map((f) => f.key);
    const newEmployee: NewEmployeeBuilder = (e) => {
      const positionId = real(e.positionId);
      const unitId = real(e.unitId);
      const v = e.values;
      const info = positionId !== null ? plan.positionInfo.get(positionId) : undefined;
      return {
        values: [e.nip, e.siasnId, ...fields.map((key) => v[key] ?? null), positionId, unitId, tmtPensiun(v.birthDate, positionId), 1, now, now],
        position: positionId === null ? null : (employeeId: number): PositionMove => ({
          employeeId, positionId, positionName: info?.name ?? '', positionLevel: info?.level ?? null, unitId,
          unitName: unitId !== null ? plan.unitNames.get(unitId) ?? null : null, tmt: historyStart(v.positionTmt ?? v.cpnsTmt, today),
          endDate: v.status !== 'active' ? (v.statusDate as string | null) : null, ...source,
        }),
        rank: v.golongan === null || v.golongan === undefined ? null : (employeeId: number): RankStep => {
          const { mkYears, mkMonths } = snapshotMkg(v);
          return { employeeId, golongan: v.golongan as number, tmt: historyStart(v.golonganTmt ?? v.cpnsTmt, today), mkYears, mkMonths, ...source };
        },
      };
    };
    const wroteNew = (id: number, row: NewEmployeeRow) => {
      this.insertedInRun('employee', id);
      touched.push(id);
      changed('employee', id);
      written++;
      if (row.position) { changed('position_history', id); written++; }
      if (row.rank) { changed('rank_history', id); written++; }
    };
    if (target.file) await this.insertEmployeesInFile(target.file, plan, columns, newEmployee, wroteNew);
    else await this.copyEmployeesToServer(target.server!, plan, columns, newEmployee, wroteNew);

    for (const u of plan.updates) {
      const positionId = real(u.positionId);
      const unitId = real(u.unitId);
      const before: Record<string, unknown> = { version: u.existing.version, updated_at: u.existing.updated_at ?? null };
      const after: Record<string, unknown> = { version: u.existing.version + 1, updated_at: now };
      const next: Record<string, unknown> = { nip: u.nip, siasn_id: u.siasnId, position_id: positionId, unit_id: unitId };
      for (const f of EMPLOYEE_IMPORT_FIELDS) next[f.column] = u.values[f.key] ?? null;
      for (const column of u.columns) {
        before[column] = u.existing[column] ?? null;
        after[column] = next[column] ?? null;
      }
      // Only the changed columns: an unchanged name must not touch the search index.
      await sql.updateEmployeeColumns(run, u.id, Object.fromEntries(u.columns.map((c) => [c, next[c] ?? null])), now);
      this.updated('employee', u.id, before, after);
      touched.push(u.id);
      for (const column of u.columns) changed(`employee.${column}`, u.id);
      written++;

      if (u.columns.includes('position_id') || u.columns.includes('unit_id')) {
        // The TMT the snapshot gives for the new post (or the day of the import when it gives none).
        const tmt = u.fromFile.includes('positionTmt') ? historyStart(u.values.positionTmt, today) : today;
        await historyRow(u.id, positionId, unitId, tmt, null, true);
      }
      if (u.columns.includes('golongan') && u.values.golongan !== null && u.values.golongan !== undefined) {
        await recordRankStep(run, { employeeId: u.id, golongan: u.values.golongan as number, tmt: u.fromFile.includes('golonganTmt') ? historyStart(u.values.golonganTmt, today) : today, ...(u.fromFile.includes('mkGolonganYears') ? snapshotMkg(u.values) : {}), ...source });
        changed('rank_history', u.id);
        written++;
      }
      await writeAudit(run, {
        at: now, actor: args.actor, action: 'import', entity: 'employee', entityId: u.id, employeeId: u.id,
        summary: `Impor snapshot: ${u.changes.map((c) => c.label.toLowerCase()).join(', ')} berubah`, changes: u.changes,
      });
      await this.step('Menyimpan perubahan pegawai');
    }

    if (markAbsent) {
      const status = sql.absentStatus(run);
      for (const a of plan.absent) {
        const before = await status.current(a.id);
        const statusDate = a.proposedStatus === 'retired' && a.retirementDate ? a.retirementDate : today;
        await status.set(a.id, a.proposedStatus, statusDate, now);
        this.updated('employee', a.id, before, { status: a.proposedStatus, status_date: statusDate, version: before.version + 1, updated_at: now });
        const statusLabel = a.proposedStatus === 'retired' ? 'Pensiun' : 'Pindah';
        await writeAudit(run, {
          at: now, actor: args.actor, action: 'import', entity: 'employee', entityId: a.id, employeeId: a.id,
          summary: `Impor snapshot: tidak ada di snapshot, status diubah menjadi ${statusLabel}`,
          changes: [{ field: 'status', label: 'Status', before: 'Aktif', after: statusLabel }],
        });
        touched.push(a.id);
        changed('employee.status', a.id);
        changed('employee.status_date', a.id);
        written++;
        await this.step('Mengubah status pegawai yang tidak ada di snapshot');
      }
    }

    // Open local corrections (Kualitas Data › Perbaiki) the snapshot spoke to: closed where SIASN now agrees; where it
    // still disagrees the record kept the correction and the disagreement is noted for the office to choose.
    for (const c of plan.corrections.agreed) {
      const before = await correctionImportSql.before(run, c.correctionId);
      await correctionImportSql.agreed(run, c.correctionId, now);
      this.updated('local_correction', c.correctionId, { status: before.status, closed_at: before.closed_at }, { status: 'selesai', closed_at: now });
    }
    for (const c of plan.corrections.disagree) {
      const before = await correctionImportSql.before(run, c.correctionId);
      await correctionImportSql.disagreed(run, c.correctionId, snapshotId, c.siasnValue);
      this.updated('local_correction', c.correctionId, { disagreed_in_snapshot: before.disagreed_in_snapshot, disagreed_value: before.disagreed_value },
        { disagreed_in_snapshot: snapshotId, disagreed_value: c.siasnValue });
    }

    // Everything derived from what was written, in this transaction. When most employees were touched, one full
    // rebuild per derived table; otherwise each refresher for the employees whose inputs it reads changed (a new
    // TMT golongan does not judge the pola karier again), and none whose inputs this import left alone.
    const employeeCount = await sql.employeeCount(run);
    if (touched.length > employeeCount / 2) {
      await refreshDerived(run, ['unit', 'position', 'employee', 'position_history', 'rank_history'], 'all');
    } else {
      // New units and positions are held only by the employees written with them; their proposals (rumpun, the
      // default pola karier) follow the positions, so those refreshers see every employee this import wrote.
      if (plan.newUnits.length > 0) changes.set('unit', new Set(touched));
      if (plan.newPositions.length > 0) changes.set('position', new Set(touched));
      await refreshDerivedChanges(run, changes);
    }
    return written;
  }

  /**
   * New employees on a desk's file: synchronous prepared statements, the loop awaiting once per chunk. The name
   * search index (FTS5, trigram) is filled row by row by a trigger, which costs five times a bulk fill: for many new
   * employees the trigger is set aside inside this transaction and the new names are indexed in one statement; a
   * rollback (cancel, crash, kill) brings the trigger back with everything else.
   */
  private async insertEmployeesInFile(tx: BulkTransaction, plan: EmployeePlan, columns: readonly string[], build: NewEmployeeBuilder, wrote: (id: number, row: NewEmployeeRow) => void): Promise<void> {
    const db = rawConnection(this.args.dataSource);
    const ftsTrigger = plan.inserts.length >= 500 ? sql.ftsInsertTrigger(tx) : null;
    if (ftsTrigger) sql.dropFtsInsertTrigger(db);
    // A first snapshot into an (almost) empty database: building the secondary indexes once, sorted, after the
    // rows are in is faster than maintaining them row by row. Same transaction, same index definitions
    // (read from the schema), so a rollback or a kill leaves them exactly as they were. Unique indexes stay.
    const existing = await sql.employeeCount(this.target.run);
    const rebuilt = plan.inserts.length >= 10_000 && existing <= plan.inserts.length ? sql.historyIndexes(tx) : [];
    for (const index of rebuilt) sql.dropIndex(db, index.name);
    let firstNewId: number | null = null;
    const writeEmployee = sql.employeeWriter(tx, columns);
    const firstHistory = firstHistoryWriters(tx);
    for (const e of plan.inserts) {
      const row = build(e);
      const id = writeEmployee(row.values);
      firstNewId ??= id;
      if (row.position) firstHistory.position(row.position(id));
      if (row.rank) firstHistory.rank(row.rank(id));
      wrote(id, row);
      if (this.counted()) await this.breathe('Menyimpan pegawai baru');
    }
    this.flushInserted();
    for (const index of rebuilt) sql.restoreSchemaObject(db, index.sql);
    if (ftsTrigger) {
      sql.restoreSchemaObject(db, ftsTrigger);
      if (firstNewId !== null) sql.indexNamesFrom(tx, firstNewId);
    }
  }

  /**
   * New employees on a server: their ids taken from the identity first, then the employees and their first
   * history rows each in one COPY. The name search (pg_trgm's GIN index on employee.name) follows by itself.
   */
  private async copyEmployeesToServer(tx: ServerTransaction, plan: EmployeePlan, columns: readonly string[], build: NewEmployeeBuilder, wrote: (id: number, row: NewEmployeeRow) => void): Promise<void> {
    if (plan.inserts.length === 0) return;
    const ids = await sql.reserveIds(tx.run, 'employee', plan.inserts.length);
    const employees: unknown[][] = [];
    const positions: unknown[][] = [];
    const ranks: unknown[][] = [];
    for (let i = 0; i < plan.inserts.length; i++) {
      const id = ids[i];
      const row = build(plan.inserts[i]);
      employees.push([id, ...row.values]);
      if (row.position) positions.push(firstHistoryCopy.position.values(row.position(id)));
      if (row.rank) ranks.push(firstHistoryCopy.rank.values(row.rank(id)));
      wrote(id, row);
      if (this.counted()) await this.breathe('Menyimpan pegawai baru');
    }
    this.flushInserted();
    await copyRows(tx.client, 'employee', ['id', ...sql.employeeInsertColumns(columns)], employees);
    await copyRows(tx.client, firstHistoryCopy.position.table, firstHistoryCopy.position.columns, positions);
    await copyRows(tx.client, firstHistoryCopy.rank.table, firstHistoryCopy.rank.columns, ranks);
    this.args.job?.throwIfCancelled();
  }

  async records(spec: RecordKindSpec, plan: RecordPlan): Promise<number> {
    const { target, snapshotId, args } = this;
    const { run } = target;
    const ids = new Map<number, number>();
    let written = 0;
    for (const ref of plan.created) {
      if (ref.table !== 'competency_definition') continue;
      const v = ref.values;
      const id = await sql.insertCompetencyDefinition(run, { code: v.code, name: v.name, group: v.group, sort_order: v.sort_order });
      ids.set(ref.tempId, id);
      this.inserted('competency_definition', id);
      written++;
      await this.step('Menyimpan kamus kompetensi');
    }
    const columns = [...spec.identity, ...spec.columns];
    const realValue = (column: string, value: unknown) => (column === 'competency_id' && typeof value === 'number' && value < 0 ? ids.get(value)! : value ?? null);
    const touched = new Set<number>();
    if (target.file) {
      const insert = sql.recordWriter(target.file, spec.table, columns);
      for (const r of plan.inserts) {
        insert(r.employeeId, columns.map((c) => realValue(c, r.values[c])), snapshotId, args.now);
        touched.add(r.employeeId);
        written++;
        await this.step('Menyimpan data');
      }
    } else if (plan.inserts.length > 0) {
      // On a server, one COPY (the same columns and values as recordWriter's INSERT).
      const rows = plan.inserts.map((r) => [r.employeeId, ...columns.map((c) => realValue(c, r.values[c])), 'import', snapshotId, args.now]);
      for (const r of plan.inserts) touched.add(r.employeeId);
      await copyRows(target.server!.client, spec.table, ['employee_id', ...columns, 'source', 'snapshot_id', 'created_at'], rows);
      written += rows.length;
      await this.step('Menyimpan data', rows.length);
    }
    for (const u of plan.updates) {
      const changed = Object.keys(u.after);
      await sql.updateRecord(run, spec.table, u.id, Object.fromEntries(changed.map((c) => [c, u.after[c]])), snapshotId);
      this.updated(spec.table, u.id, u.before, Object.assign({}, u.after, { source: 'import', snapshot_id: snapshotId })); // no leading spread: see `source` in employees()
      touched.add(u.employeeId);
      written++;
      await this.step('Menyimpan perubahan data');
    }
    await refreshDerived(run, spec.table, [...touched]);
    return written;
  }

  async issues(issues: ImportIssue[]): Promise<void> {
    if (this.target.server) {
      await copyRows(this.target.server.client, 'import_issue', sql.ISSUE_COLUMNS,
        issues.map((issue) => [this.snapshotId, issue.row, issue.column, issue.value, issue.severity, issue.message]));
      await this.step('Mencatat masalah per baris', issues.length);
      return;
    }
    const insert = sql.issueWriter(this.target.file!);
    for (const issue of issues) {
      insert(this.snapshotId, issue.row, issue.column, issue.value, issue.severity, issue.message);
      await this.step('Mencatat masalah per baris');
    }
  }
}

type NewEmployeeRow = { values: unknown[]; position: ((employeeId: number) => PositionMove) | null; rank: ((employeeId: number) => RankStep) | null };
type NewEmployeeBuilder = (e: EmployeePlan['inserts'][number]) => NewEmployeeRow;

/** The snapshot's masa kerja golongan (as of its TMT golongan) for the rank-history row it opens. */
function snapshotMkg(values: Partial<Record<string, string | number | null>>): { mkYears: number | null; mkMonths: number | null } {
  return { mkYears: typeof values.mkGolonganYears === 'number' ? values.mkGolonganYears : null, mkMonths: typeof values.mkGolonganMonths === 'number' ? values.mkGolonganMonths : null };
}
