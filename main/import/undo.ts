// Undo of the last snapshot while the app runs, in one transaction: the rows it inserted are deleted (history
// rows by their snapshot_id, employees/units/positions/dictionary entries by import_change), the rows it
// updated get their before-images back. It refuses, changing nothing, when something happened since that the
// undo would silently destroy: a later edit of a row the import wrote, or data entered for an employee, unit
// or position the import created. The pre-import copy of the database file stays as a second safety net.

import type { DataSource } from 'typeorm';
import { AppError } from '../../shared/errors';
import { formatDateTimeId, formatNumberId } from '../../shared/format/id-format';
import { runBulkTransaction } from '../db/bulk-transaction';
import { runServerTransaction } from '../db/server-transaction';
import { DERIVED_REFRESHERS, refreshDerived } from '../db/derived';
import { writeAudit } from '../db/sql/audit.sql';
import { importUndoSql as sql, type ChangeRow } from '../db/sql/imports/undo.sql';
import { bulkRun, isPostgresManager, type Run } from '../db/sql/run';
import type { JobHandle } from '../jobs/job-registry';

export interface UndoResult {
  snapshotId: number;
  restored: number;
  deleted: number;
}

/** The schema facts an undo reads, read once per transaction (a server answers each from its catalogue). */
const schemas = new WeakMap<Run, ReturnType<typeof schemaReader>>();

function schemaReader(run: Run) {
  const memo = <T>(read: (key: string) => Promise<T>) => {
    const cache = new Map<string, Promise<T>>();
    return (key: string) => {
      let value = cache.get(key);
      if (!value) cache.set(key, (value = read(key)));
      return value;
    };
  };
  const tables = memo(() => sql.userTables(run));
  return {
    userTables: () => tables(''),
    columnsOf: memo((table) => sql.columnsOf(run, table)),
    foreignKeysOf: memo((table) => sql.foreignKeysOf(run, table)),
  };
}

function schemaOf(run: Run): ReturnType<typeof schemaReader> {
  let schema = schemas.get(run);
  if (!schema) schemas.set(run, (schema = schemaReader(run)));
  return schema;
}

/** The undo's transaction: SQLite's bulk transaction on a desk's file, a pinned connection's on a server. */
function undoTransaction<T>(dataSource: DataSource, work: (tx: { run: Run; breathe(): Promise<void> }) => Promise<T>): Promise<T> {
  return isPostgresManager(dataSource)
    ? runServerTransaction(dataSource, work)
    : runBulkTransaction(dataSource, (tx) => work({ run: bulkRun(tx), breathe: tx.breathe }));
}

export async function undoSnapshot(dataSource: DataSource, snapshotId: number, options: { actor: string; now: string; job?: JobHandle }): Promise<UndoResult> {
  return undoTransaction(dataSource, async ({ run, breathe }) => {
    const snapshot = await sql.snapshot(run, snapshotId);
    if (!snapshot) throw new AppError('not_found', `Snapshot impor #${snapshotId} tidak ditemukan.`);
    if (snapshot.status !== 'committed') throw new AppError('conflict', `Snapshot #${snapshotId} (${snapshot.file_name}) sudah dibatalkan sebelumnya.`);
    const latest = await sql.latestCommitted(run);
    if (latest.id !== snapshotId) {
      throw new AppError('conflict', `Hanya snapshot terakhir yang dapat dibatalkan. Batalkan dulu snapshot #${latest.id} (${latest.file_name}) yang diimpor sesudahnya.`);
    }
    options.job?.progress('Memeriksa perubahan sesudah impor', 0, 1);

    const changes = await sql.changes(run, snapshotId);
    const updates = changes.filter((c) => c.action === 'update');
    await assertNothingEditedSince(run, updates);

    const affectedEmployees = new Set<number>();
    const touchedTables = new Set<string>();
    let restored = 0;
    let deleted = 0;

    // Employees whose history rows or records this snapshot wrote.
    const taggedTables = await tablesWithSnapshotId(run);
    for (const table of taggedTables) {
      if (!(await schemaOf(run).columnsOf(table)).includes('employee_id')) continue;
      for (const employeeId of await sql.employeesTagged(run, table, snapshotId)) {
        affectedEmployees.add(employeeId);
        touchedTables.add(table);
      }
    }

    // 1. Before-images back, newest first.
    for (const change of [...updates].reverse()) {
      const before = JSON.parse(change.before ?? '{}') as Record<string, unknown>;
      if (Object.keys(before).length === 0) continue;
      await sql.restoreValues(run, change.table_name, change.row_id, before);
      if (change.table_name === 'employee') affectedEmployees.add(change.row_id);
      else if ((await schemaOf(run).columnsOf(change.table_name)).includes('employee_id')) {
        const owner = await sql.ownerOf(run, change.table_name, change.row_id);
        if (owner !== undefined) affectedEmployees.add(owner);
      }
      touchedTables.add(change.table_name);
      restored++;
    }
    options.job?.progress('Mengembalikan data', restored, changes.length);
    await breathe();

    // 2. Rows the snapshot inserted into history tables (the updated ones no longer carry its id).
    for (const table of taggedTables) deleted += await sql.deleteTagged(run, table, snapshotId);

    // 3. Rows it created elsewhere: employees, then positions, units and dictionary entries.
    const inserted = new Map<string, number[]>();
    for (const change of changes) {
      if (change.action !== 'insert') continue;
      const list = inserted.get(change.table_name) ?? [];
      // A range of consecutive ids is recorded once: row_id … after.through.
      const through = change.after ? (JSON.parse(change.after) as { through?: number }).through : undefined;
      for (let id = change.row_id; id <= (through ?? change.row_id); id++) list.push(id);
      inserted.set(change.table_name, list);
    }
    for (const table of ['employee', 'position', 'unit', 'competency_definition', ...[...inserted.keys()].filter((t) => !['employee', 'position', 'unit', 'competency_definition'].includes(t))]) {
      const ids = inserted.get(table);
      if (!ids?.length) continue;
      if (table === 'employee') for (const id of ids) affectedEmployees.add(id);
      deleted += await deleteCreatedRows(run, table, ids, snapshot.file_name);
      touchedTables.add(table);
      await breathe();
    }

    options.job?.progress('Menghitung ulang data turunan', 0, 1);
    const employees = [...affectedEmployees];
    await refreshDerived(run, [...new Set(['employee', ...touchedTables])], employees);

    await sql.markUndone(run, snapshotId, options.now);
    await writeAudit(run, {
      at: options.now, actor: options.actor, action: 'undo', entity: 'import_snapshot', entityId: snapshotId,
      summary: `Membatalkan impor ${snapshot.file_name} (${formatDateTimeId(snapshot.imported_at)}): ${formatNumberId(restored)} data dikembalikan, ${formatNumberId(deleted)} data dihapus`,
    });
    return { snapshotId, restored, deleted };
  });
}

/** Every updated row must still look exactly as the import left it; otherwise someone changed it since. */
async function assertNothingEditedSince(run: Run, updates: ChangeRow[]): Promise<void> {
  const problems: string[] = [];
  let count = 0;
  for (const change of updates) {
    const after = JSON.parse(change.after ?? '{}') as Record<string, unknown>;
    const columns = Object.keys(after);
    const current = await sql.currentValues(run, change.table_name, change.row_id, columns);
    const same = current && columns.every((c) => (current[c] ?? null) === (after[c] ?? null));
    if (same) continue;
    count++;
    if (problems.length < 5) {
      problems.push(change.table_name === 'employee' && current ? `${String(current.name)} (NIP ${String(current.nip)})` : `${change.table_name} #${change.row_id}${current ? '' : ' (sudah dihapus)'}`);
    }
  }
  if (count > 0) {
    throw new AppError('conflict', `Impor ini tidak dapat dibatalkan otomatis: ${formatNumberId(count)} data yang ditulisnya sudah diubah lagi sesudahnya (${problems.join('; ')}${count > problems.length ? '; …' : ''}). Tidak ada yang diubah. Sesuaikan data itu secara manual, atau pulihkan cadangan database yang dibuat sebelum impor.`, { edited: count });
  }
}

/** Deletes rows an import created, refusing when other data still refers to them (it would be lost or orphaned). */
async function deleteCreatedRows(run: Run, table: string, ids: number[], fileName: string): Promise<number> {
  const derived = await derivedTables(run);
  const ordered = table === 'unit' ? [...ids].sort((a, b) => b - a) : ids; // children (created later) first
  await sql.stageIds(run, ordered);

  for (const { child, column } of await referencesTo(run, table)) {
    if (derived.has(child)) continue;
    const n = await sql.referencesToStaged(run, child, column, child === table);
    if (n > 0) {
      await sql.clearStagedIds(run);
      const what = { employee: 'pegawai', position: 'jabatan', unit: 'unit kerja', competency_definition: 'kompetensi' }[table] ?? table;
      throw new AppError('conflict', `Impor ${fileName} tidak dapat dibatalkan: ${formatNumberId(n)} data di tabel ${child} sudah merujuk ${what} yang dibuat oleh impor ini. Tidak ada yang diubah. Hapus atau pindahkan data itu dulu, atau pulihkan cadangan database yang dibuat sebelum impor.`);
    }
  }
  const deleted = await sql.deleteRows(run, table, ordered);
  await sql.clearStagedIds(run);
  return deleted;
}

async function tablesWithSnapshotId(run: Run): Promise<string[]> {
  const tables: string[] = [];
  for (const t of await schemaOf(run).userTables()) if (!t.startsWith('import_') && (await schemaOf(run).columnsOf(t)).includes('snapshot_id')) tables.push(t);
  return tables;
}

async function referencesTo(run: Run, table: string): Promise<Array<{ child: string; column: string }>> {
  const out: Array<{ child: string; column: string }> = [];
  for (const child of await schemaOf(run).userTables()) {
    for (const fk of await schemaOf(run).foreignKeysOf(child)) if (fk.parent === table) out.push({ child, column: fk.column });
  }
  return out;
}

/**
 * Tables whose rows are recomputed from others (declared by their refresher, or keyed without an id column
 * as every derived table is): rows there for a deleted employee are not user data.
 */
async function derivedTables(run: Run): Promise<Set<string>> {
  const declared = new Set(DERIVED_REFRESHERS.flatMap((r) => r.targets ?? []));
  for (const table of await schemaOf(run).userTables()) if (!(await schemaOf(run).columnsOf(table)).includes('id')) declared.add(table);
  return declared;
}
