// Writing a planned import: a copy of the database file first, then one transaction on the DataSource's
// own connection with prepared statements (DESIGN.md: the TypeORM path that keeps raw better-sqlite3 speed).
// Only new and changed rows are written; every history row carries source 'import' and the snapshot id; what
// the import inserted or updated elsewhere is recorded in import_change so the snapshot can be undone.
// A cancel, a crash or a kill before COMMIT leaves the database as it was. The copy keeps its temporary name
// until the transaction has committed (main/db/backup.ts), so an import that never committed leaves no copy
// that looks like a backup, and the next start removes what a killed one left.

import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { IsoDate } from '../../shared/domain/dates';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../shared/domain/import-fields';
import { formatNumberId } from '../../shared/format/id-format';
import { backupPath as backupFilePath, stageBackup, timestampForFileName, type StagedBackup } from '../db/backup';
import { runBulkTransaction, type BulkTransaction } from '../db/bulk-transaction';
import { refreshDerived } from '../db/derived';
import { writeAudit } from '../db/sql/audit.sql';
import { recordPositionMove, recordRankStep } from '../db/sql/history.sql';
import { bulkRun } from '../db/sql/run';
import { rawConnection } from '../db/raw-connection';
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
  /** Folder for the pre-import copy of the database; null = no backup (in-memory databases). */
  backupDir: string | null;
}

export interface CommitResult {
  snapshotId: number;
  backupPath: string | null;
  /** Rows written to the data tables (employees, units, positions, history, records). */
  written: number;
  backupMs: number;
  writeMs: number;
  analyzeMs: number;
}

/** The folder beside the database where pre-import copies are kept. */
export function importBackupDir(dbPath: string): string | null {
  if (dbPath === ':memory:') return null;
  return path.join(path.dirname(path.resolve(dbPath)), 'cadangan-impor');
}

export async function commitImport(args: CommitArgs): Promise<CommitResult> {
  const { dataSource, header, writable, job } = args;
  let staged: StagedBackup | null = null;
  const backupStart = Date.now();
  if (args.backupDir) {
    const dbPath = (dataSource.options as { database: string }).database;
    const name = path.basename(backupFilePath(dbPath, 'sebelum-impor', `${timestampForFileName(new Date(args.now))}-${header.sha256.slice(0, 8)}`));
    job?.progress('Mencadangkan database', 0, 1);
    staged = await stageBackup({ dataSource }, path.join(args.backupDir, name), {
      pagesPerStep: 8192, onProgress: (done, total) => job?.progress('Mencadangkan database', done, total),
    });
  }
  const backupPath = staged?.path ?? null;
  const backupMs = Date.now() - backupStart;

  const writeStart = Date.now();
  let result: { snapshotId: number; written: number };
  try {
    job?.throwIfCancelled();
    result = await runBulkTransaction(dataSource, async (tx) => {
      // account_id: the account whose label the actor is, as in the audit log (db/sql/audit.sql.ts).
      const snapshotId = Number(tx.statement(`INSERT INTO import_snapshot (kind, file_name, sha256, row_count, accepted_count, rejected_count, summary, mapping, status, backup_path, imported_by, imported_at, undone_at, account_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'committed', ?, ?, ?, NULL, (SELECT id FROM account WHERE full_name || ' (' || username || ')' = ? LIMIT 1))`).run(
        header.kind, header.fileName, header.sha256, header.rowCount, header.acceptedCount, header.rejectedCount,
        JSON.stringify(header.summary), JSON.stringify(header.mapping), backupPath, args.actor, args.now, args.actor,
      ).lastInsertRowid);
      const writer = new Writer(tx, snapshotId, args, totalWork(writable, args.issues.length));
      const written = writable.kind === 'pegawai'
        ? await writer.employees(writable.plan, writable.markAbsent)
        : await writer.records(writable.spec, writable.plan);
      await writer.issues(args.issues);
      await writeAudit(bulkRun(tx), {
        at: args.now, actor: args.actor, action: 'import', entity: 'import_snapshot', entityId: snapshotId, summary: snapshotSummary(header), after: header.summary,
      });
      return { snapshotId, written };
    });
  } catch (error) {
    // Nothing was written: the copy taken for this import is not needed.
    staged?.discard();
    throw error;
  }
  // Committed with this copy recorded: it takes its name now. Should the rename fail (or the process die first),
  // the next start gives the recorded copy its name (BackupService.pruneStale); the import itself has succeeded.
  try {
    staged?.publish();
  } catch {
    // see above
  }
  const writeMs = Date.now() - writeStart;

  // Fresh planner statistics after a large import (DESIGN.md; demo-writer.ts does the same).
  const analyzeStart = Date.now();
  if (result.written >= 5_000) rawConnection(dataSource).exec('ANALYZE');
  return { ...result, backupPath, backupMs, writeMs, analyzeMs: Date.now() - analyzeStart };
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
  private readonly changeInsert;

  constructor(private readonly tx: BulkTransaction, private readonly snapshotId: number, private readonly args: CommitArgs, private readonly total: number) {
    this.changeInsert = tx.statement('INSERT INTO import_change (snapshot_id, table_name, row_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)');
  }

  private inserted(table: string, id: number): void {
    this.changeInsert.run(this.snapshotId, table, id, 'insert', null, null);
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
    this.changeInsert.run(this.snapshotId, run.table, run.first, 'insert', null, run.last > run.first ? JSON.stringify({ through: run.last }) : null);
    this.insertedRun = null;
  }

  private updated(table: string, id: number, before: Record<string, unknown>, after: Record<string, unknown>): void {
    this.changeInsert.run(this.snapshotId, table, id, 'update', JSON.stringify(before), JSON.stringify(after));
  }

  /** Progress every chunk; the event loop breathes so progress events and a cancel can arrive. */
  private async step(phase: string, count = 1): Promise<void> {
    this.done += count;
    this.sinceBreath += count;
    if (this.sinceBreath < CHUNK) return;
    this.sinceBreath = 0;
    this.args.job?.progress(phase, this.done, this.total);
    await this.tx.breathe();
    this.args.job?.throwIfCancelled();
  }

  async employees(plan: EmployeePlan, markAbsent: boolean): Promise<number> {
    const { tx, snapshotId, args } = this;
    const { now, today } = args;
    const ids = new Map<number, number>(); // temporary → real id of new units and positions
    const real = (id: number | null) => (id === null ? null : id < 0 ? ids.get(id)! : id);
    let written = 0;

    // Units, parents first (the plan lists them in the order they were met, root to leaf).
    const parentInfo = tx.statement('SELECT path, root_id, depth FROM unit WHERE id = ?');
    let sortOrder = (tx.statement('SELECT COALESCE(MAX(sort_order), 0) AS n FROM unit').get() as { n: number }).n;
    const unitInsert = tx.statement(`INSERT INTO unit (code, name, kind, parent_id, root_id, path, depth, sort_order, active) VALUES (?, ?, ?, ?, NULL, '/', ?, ?, 1)`);
    const unitPath = tx.statement('UPDATE unit SET path = ?, root_id = ? WHERE id = ?');
    for (const unit of plan.newUnits) {
      const parentId = real(unit.parent);
      const parent = parentId === null ? null : (parentInfo.get(parentId) as { path: string; root_id: number | null; depth: number });
      const id = Number(unitInsert.run(unit.code, unit.name, unit.kind, parentId, parent ? parent.depth + 1 : 0, ++sortOrder).lastInsertRowid);
      unitPath.run(`${parent ? parent.path : '/'}${id}/`, parent ? parent.root_id ?? parentId : id, id);
      ids.set(unit.tempId, id);
      plan.unitNames.set(id, plan.unitNames.get(unit.tempId) ?? unit.name);
      this.inserted('unit', id);
      written++;
      await this.step('Menyimpan unit kerja');
    }
    const positionInsert = tx.statement(`INSERT INTO position (code, name, kind, level, eselon, unit_id, family, min_golongan, max_golongan, bup_override, is_key, quota, active)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
    for (const p of plan.newPositions) {
      const id = Number(positionInsert.run(p.code, p.name, p.kind, p.level, p.eselon, real(p.unit), p.family, p.minGolongan, p.maxGolongan, p.bupOverride, p.isKey ? 1 : 0, p.quota).lastInsertRowid);
      ids.set(p.tempId, id);
      plan.positionInfo.set(id, plan.positionInfo.get(p.tempId)!);
      this.inserted('position', id);
      written++;
      await this.step('Menyimpan jabatan');
    }

    const columns = EMPLOYEE_IMPORT_FIELDS.map((f) => f.column);
    const employeeInsert = tx.statement(`INSERT INTO employee (nip, siasn_id, ${columns.join(', ')}, position_id, unit_id, retirement_date, version, created_at, updated_at)
      VALUES (?, ?, ${columns.map(() => '?').join(', ')}, ?, ?, ?, 1, ?, ?)`);
    // TMT pensiun by the shared rule, written with the row; the derived-data refresh below then finds it current.
    const tmtPensiun = (birthDate: unknown, positionId: number | null) => {
      if (typeof birthDate !== 'string') return null;
      const info = positionId !== null ? plan.positionInfo.get(positionId) : undefined;
      return retirementDate(birthDate, bupFor(info?.level, info?.bupOverride));
    };
    const run = bulkRun(tx);
    const source = { source: 'import', snapshotId, now } as const;
    const touched: number[] = [];

    // A new employee's first row appends; a moved employee's row closes the open ones (the changes go to the undo log).
    const historyRow = async (employeeId: number, positionId: number | null, unitId: number | null, tmt: string, endDate: string | null, closeOpen: boolean) => {
      if (positionId === null) return;
      const info = plan.positionInfo.get(positionId);
      const closed = await recordPositionMove(run, {
        ...source, employeeId, positionId, positionName: info?.name ?? '', positionLevel: info?.level ?? null, unitId,
        unitName: unitId !== null ? plan.unitNames.get(unitId) ?? null : null, tmt, endDate,
      }, { closeOpen });
      for (const row of closed) this.updated('position_history', row.id, { end_date: row.endDateBefore }, { end_date: row.endDateAfter });
      written++;
    };

    // The name search index (FTS5, trigram) is filled row by row by a trigger, which costs five times a bulk
    // fill. For many new employees the trigger is set aside inside this transaction and the new names are
    // indexed in one statement; a rollback (cancel, crash, kill) brings the trigger back with everything else.
    const db = rawConnection(args.dataSource);
    const ftsTrigger = plan.inserts.length >= 500
      ? (tx.statement(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'employee_fts_insert'`).get() as { sql: string } | undefined)?.sql ?? null
      : null;
    if (ftsTrigger) db.exec('DROP TRIGGER employee_fts_insert');
    // A first snapshot into an (almost) empty database: building the secondary indexes once, sorted, after the
    // rows are in is faster than maintaining them row by row. Same transaction, same index definitions
    // (read from the schema), so a rollback or a kill leaves them exactly as they were. Unique indexes stay.
    const { n: existing } = tx.statement('SELECT COUNT(*) AS n FROM employee').get() as { n: number };
    const rebuilt = plan.inserts.length >= 10_000 && existing <= plan.inserts.length
      ? tx.statement(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('employee', 'position_history', 'rank_history')`).all() as Array<{ name: string; sql: string }>
      : [];
    for (const index of rebuilt) db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
    let firstNewId: number | null = null;
    for (const e of plan.inserts) {
      const positionId = real(e.positionId);
      const unitId = real(e.unitId);
      const id = Number(employeeInsert.run(e.nip, e.siasnId, ...EMPLOYEE_IMPORT_FIELDS.map((f) => e.values[f.key] ?? null), positionId, unitId, tmtPensiun(e.values.birthDate, positionId), now, now).lastInsertRowid);
      this.insertedInRun('employee', id);
      firstNewId ??= id;
      touched.push(id);
      written++;
      const v = e.values;
      await historyRow(id, positionId, unitId, historyStart(v.positionTmt ?? v.cpnsTmt, today), v.status !== 'active' ? (v.statusDate as string | null) : null, false);
      if (v.golongan !== null && v.golongan !== undefined) {
        await recordRankStep(run, { ...source, employeeId: id, golongan: v.golongan as number, tmt: historyStart(v.golonganTmt ?? v.cpnsTmt, today) });
        written++;
      }
      await this.step('Menyimpan pegawai baru');
    }
    this.flushInserted();
    for (const index of rebuilt) db.exec(index.sql);
    if (ftsTrigger) {
      db.exec(ftsTrigger);
      if (firstNewId !== null) tx.statement('INSERT INTO employee_fts (rowid, name) SELECT id, name FROM employee WHERE id >= ?').run(firstNewId);
    }

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
      tx.statement(`UPDATE employee SET ${u.columns.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`)
        .run(...u.columns.map((c) => next[c] ?? null), now, u.id);
      this.updated('employee', u.id, before, after);
      touched.push(u.id);
      written++;

      if (u.columns.includes('position_id') || u.columns.includes('unit_id')) {
        // The TMT the snapshot gives for the new post (or the day of the import when it gives none).
        const tmt = u.fromFile.includes('positionTmt') ? historyStart(u.values.positionTmt, today) : today;
        await historyRow(u.id, positionId, unitId, tmt, null, true);
      }
      if (u.columns.includes('golongan') && u.values.golongan !== null && u.values.golongan !== undefined) {
        await recordRankStep(run, { ...source, employeeId: u.id, golongan: u.values.golongan as number, tmt: u.fromFile.includes('golonganTmt') ? historyStart(u.values.golonganTmt, today) : today });
        written++;
      }
      await writeAudit(run, {
        at: now, actor: args.actor, action: 'import', entity: 'employee', entityId: u.id, employeeId: u.id,
        summary: `Impor snapshot: ${u.changes.map((c) => c.label.toLowerCase()).join(', ')} berubah`, changes: u.changes,
      });
      await this.step('Menyimpan perubahan pegawai');
    }

    if (markAbsent) {
      const absentUpdate = tx.statement('UPDATE employee SET status = ?, status_date = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = \'active\'');
      const current = tx.statement('SELECT status, status_date, version, updated_at FROM employee WHERE id = ?');
      for (const a of plan.absent) {
        const before = current.get(a.id) as { status: string; status_date: string | null; version: number; updated_at: string };
        const statusDate = a.proposedStatus === 'retired' && a.retirementDate ? a.retirementDate : today;
        absentUpdate.run(a.proposedStatus, statusDate, now, a.id);
        this.updated('employee', a.id, before, { status: a.proposedStatus, status_date: statusDate, version: before.version + 1, updated_at: now });
        const statusLabel = a.proposedStatus === 'retired' ? 'Pensiun' : 'Pindah';
        await writeAudit(run, {
          at: now, actor: args.actor, action: 'import', entity: 'employee', entityId: a.id, employeeId: a.id,
          summary: `Impor snapshot: tidak ada di snapshot, status diubah menjadi ${statusLabel}`,
          changes: [{ field: 'status', label: 'Status', before: 'Aktif', after: statusLabel }],
        });
        touched.push(a.id);
        written++;
        await this.step('Mengubah status pegawai yang tidak ada di snapshot');
      }
    }

    // Everything derived from what was written, in this transaction; one statement per table beats
    // chunked id lists when most employees were touched.
    const { n: employeeCount } = tx.statement('SELECT COUNT(*) AS n FROM employee').get() as { n: number };
    const scope = touched.length > employeeCount / 2 ? 'all' : touched;
    await refreshDerived(run, ['unit', 'position', 'employee', 'position_history', 'rank_history'], scope);
    return written;
  }

  async records(spec: RecordKindSpec, plan: RecordPlan): Promise<number> {
    const { tx, snapshotId, args } = this;
    const ids = new Map<number, number>();
    let written = 0;
    for (const ref of plan.created) {
      if (ref.table !== 'competency_definition') continue;
      const v = ref.values;
      const id = Number(tx.statement(`INSERT INTO competency_definition (code, name, "group", description, level_descriptors, sort_order, active) VALUES (?, ?, ?, NULL, NULL, ?, 1)`)
        .run(v.code, v.name, v.group, v.sort_order).lastInsertRowid);
      ids.set(ref.tempId, id);
      this.inserted('competency_definition', id);
      written++;
      await this.step('Menyimpan kamus kompetensi');
    }
    const columns = [...spec.identity, ...spec.columns];
    const realValue = (column: string, value: unknown) => (column === 'competency_id' && typeof value === 'number' && value < 0 ? ids.get(value)! : value ?? null);
    const insert = tx.statement(`INSERT INTO ${spec.table} (employee_id, ${columns.join(', ')}, source, snapshot_id, created_at) VALUES (?, ${columns.map(() => '?').join(', ')}, 'import', ?, ?)`);
    const touched = new Set<number>();
    for (const r of plan.inserts) {
      insert.run(r.employeeId, ...columns.map((c) => realValue(c, r.values[c])), snapshotId, args.now);
      touched.add(r.employeeId);
      written++;
      await this.step('Menyimpan data');
    }
    for (const u of plan.updates) {
      const changed = Object.keys(u.after);
      tx.statement(`UPDATE ${spec.table} SET ${changed.map((c) => `${c} = ?`).join(', ')}, source = 'import', snapshot_id = ? WHERE id = ?`)
        .run(...changed.map((c) => u.after[c]), snapshotId, u.id);
      this.updated(spec.table, u.id, u.before, { ...u.after, source: 'import', snapshot_id: snapshotId });
      touched.add(u.employeeId);
      written++;
      await this.step('Menyimpan perubahan data');
    }
    await refreshDerived(bulkRun(tx), spec.table, [...touched]);
    return written;
  }

  async issues(issues: ImportIssue[]): Promise<void> {
    const insert = this.tx.statement('INSERT INTO import_issue (snapshot_id, "row", "column", value, severity, message) VALUES (?, ?, ?, ?, ?, ?)');
    for (const issue of issues) {
      insert.run(this.snapshotId, issue.row, issue.column, issue.value, issue.severity, issue.message);
      await this.step('Mencatat masalah per baris');
    }
  }
}
