// Undo of the last snapshot while the app runs, in one transaction: the rows it inserted are deleted (history
// rows by their snapshot_id, employees/units/positions/dictionary entries by import_change), the rows it
// updated get their before-images back. It refuses, changing nothing, when something happened since that the
// undo would silently destroy: a later edit of a row the import wrote, or data entered for an employee, unit
// or position the import created. The pre-import copy of the database file stays as a second safety net.

import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { AppError } from '../../shared/errors';
import { formatDateTimeId, formatNumberId } from '../../shared/format/id-format';
import { runBulkTransaction, type BulkTransaction } from '../db/bulk-transaction';
import { DERIVED_REFRESHERS, refreshDerived } from '../db/derived';
import { writeAudit } from '../db/sql/audit.sql';
import { bulkRun } from '../db/sql/run';
import { rawConnection } from '../db/raw-connection';
import type { JobHandle } from '../jobs/job-registry';

export interface UndoResult {
  snapshotId: number;
  restored: number;
  deleted: number;
}

interface ChangeRow {
  id: number;
  table_name: string;
  row_id: number;
  action: 'insert' | 'update';
  before: string | null;
  after: string | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function undoSnapshot(dataSource: DataSource, snapshotId: number, options: { actor: string; now: string; job?: JobHandle }): Promise<UndoResult> {
  return runBulkTransaction(dataSource, async (tx) => {
    const snapshot = tx.statement('SELECT id, kind, file_name, status, imported_at FROM import_snapshot WHERE id = ?').get(snapshotId) as
      { id: number; kind: string; file_name: string; status: string; imported_at: string } | undefined;
    if (!snapshot) throw new AppError('not_found', `Snapshot impor #${snapshotId} tidak ditemukan.`);
    if (snapshot.status !== 'committed') throw new AppError('conflict', `Snapshot #${snapshotId} (${snapshot.file_name}) sudah dibatalkan sebelumnya.`);
    const latest = tx.statement(`SELECT id, file_name FROM import_snapshot WHERE status = 'committed' ORDER BY id DESC LIMIT 1`).get() as { id: number; file_name: string };
    if (latest.id !== snapshotId) {
      throw new AppError('conflict', `Hanya snapshot terakhir yang dapat dibatalkan. Batalkan dulu snapshot #${latest.id} (${latest.file_name}) yang diimpor sesudahnya.`);
    }
    options.job?.progress('Memeriksa perubahan sesudah impor', 0, 1);

    const changes = tx.statement('SELECT id, table_name, row_id, action, before, after FROM import_change WHERE snapshot_id = ? ORDER BY id').all(snapshotId) as ChangeRow[];
    const db = rawConnection(dataSource);
    const updates = changes.filter((c) => c.action === 'update');
    assertNothingEditedSince(tx, updates);

    const affectedEmployees = new Set<number>();
    const touchedTables = new Set<string>();
    let restored = 0;
    let deleted = 0;

    // Employees whose history rows or records this snapshot wrote.
    const taggedTables = tablesWithSnapshotId(db);
    for (const table of taggedTables) {
      if (!columnsOf(db, table).includes('employee_id')) continue;
      for (const row of tx.statement(`SELECT DISTINCT employee_id FROM ${quote(table)} WHERE snapshot_id = ?`).all(snapshotId) as Array<{ employee_id: number }>) {
        affectedEmployees.add(row.employee_id);
        touchedTables.add(table);
      }
    }

    // 1. Before-images back, newest first.
    for (const change of [...updates].reverse()) {
      const before = JSON.parse(change.before ?? '{}') as Record<string, unknown>;
      const columns = Object.keys(before);
      if (columns.length === 0) continue;
      tx.statement(`UPDATE ${quote(change.table_name)} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE id = ?`)
        .run(...columns.map((c) => before[c] ?? null), change.row_id);
      if (change.table_name === 'employee') affectedEmployees.add(change.row_id);
      else if (columnsOf(db, change.table_name).includes('employee_id')) {
        const owner = tx.statement(`SELECT employee_id FROM ${quote(change.table_name)} WHERE id = ?`).get(change.row_id) as { employee_id: number } | undefined;
        if (owner) affectedEmployees.add(owner.employee_id);
      }
      touchedTables.add(change.table_name);
      restored++;
    }
    options.job?.progress('Mengembalikan data', restored, changes.length);
    await tx.breathe();

    // 2. Rows the snapshot inserted into history tables (the updated ones no longer carry its id).
    for (const table of taggedTables) {
      deleted += Number(tx.statement(`DELETE FROM ${quote(table)} WHERE snapshot_id = ?`).run(snapshotId).changes);
    }

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
      deleted += await deleteCreatedRows(tx, db, table, ids, snapshot.file_name);
      touchedTables.add(table);
      await tx.breathe();
    }

    options.job?.progress('Menghitung ulang data turunan', 0, 1);
    const run = bulkRun(tx);
    const employees = [...affectedEmployees];
    await refreshDerived(run, [...new Set(['employee', ...touchedTables])], employees);

    tx.statement(`UPDATE import_snapshot SET status = 'undone', undone_at = ? WHERE id = ?`).run(options.now, snapshotId);
    await writeAudit(run, {
      at: options.now, actor: options.actor, action: 'undo', entity: 'import_snapshot', entityId: snapshotId,
      summary: `Membatalkan impor ${snapshot.file_name} (${formatDateTimeId(snapshot.imported_at)}): ${formatNumberId(restored)} data dikembalikan, ${formatNumberId(deleted)} data dihapus`,
    });
    return { snapshotId, restored, deleted };
  });
}

/** Every updated row must still look exactly as the import left it; otherwise someone changed it since. */
function assertNothingEditedSince(tx: BulkTransaction, updates: ChangeRow[]): void {
  const problems: string[] = [];
  let count = 0;
  for (const change of updates) {
    const after = JSON.parse(change.after ?? '{}') as Record<string, unknown>;
    const columns = Object.keys(after);
    const current = tx.statement(`SELECT ${columns.map(quote).join(', ')}${change.table_name === 'employee' ? ', nip, name' : ''} FROM ${quote(change.table_name)} WHERE id = ?`)
      .get(change.row_id) as Record<string, unknown> | undefined;
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
async function deleteCreatedRows(tx: BulkTransaction, db: BetterSqlite3.Database, table: string, ids: number[], fileName: string): Promise<number> {
  const derived = derivedTables(db);
  const ordered = table === 'unit' ? [...ids].sort((a, b) => b - a) : ids; // children (created later) first
  db.exec('CREATE TEMP TABLE IF NOT EXISTS undo_ids (id INTEGER PRIMARY KEY)');
  tx.statement('DELETE FROM temp.undo_ids').run();
  const put = tx.statement('INSERT INTO temp.undo_ids (id) VALUES (?)');
  for (const id of ordered) put.run(id);

  for (const { child, column } of referencesTo(db, table)) {
    if (derived.has(child)) continue;
    const self = child === table ? ' AND id NOT IN (SELECT id FROM temp.undo_ids)' : '';
    const { n } = tx.statement(`SELECT COUNT(*) AS n FROM ${quote(child)} WHERE ${quote(column)} IN (SELECT id FROM temp.undo_ids)${self}`).get() as { n: number };
    if (n > 0) {
      tx.statement('DELETE FROM temp.undo_ids').run();
      const what = { employee: 'pegawai', position: 'jabatan', unit: 'unit kerja', competency_definition: 'kompetensi' }[table] ?? table;
      throw new AppError('conflict', `Impor ${fileName} tidak dapat dibatalkan: ${formatNumberId(n)} data di tabel ${child} sudah merujuk ${what} yang dibuat oleh impor ini. Tidak ada yang diubah. Hapus atau pindahkan data itu dulu, atau pulihkan cadangan database yang dibuat sebelum impor.`);
    }
  }
  let deleted = 0;
  const remove = tx.statement(`DELETE FROM ${quote(table)} WHERE id = ?`);
  for (const id of ordered) deleted += Number(remove.run(id).changes);
  tx.statement('DELETE FROM temp.undo_ids').run();
  return deleted;
}

function tablesWithSnapshotId(db: BetterSqlite3.Database): string[] {
  return userTables(db).filter((t) => !t.startsWith('import_') && columnsOf(db, t).includes('snapshot_id'));
}

function userTables(db: BetterSqlite3.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name <> 'migrations'`).all() as Array<{ name: string }>).map((r) => r.name);
}

function columnsOf(db: BetterSqlite3.Database, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as Array<{ name: string }>).map((r) => r.name);
}

function referencesTo(db: BetterSqlite3.Database, table: string): Array<{ child: string; column: string }> {
  const out: Array<{ child: string; column: string }> = [];
  for (const child of userTables(db)) {
    for (const fk of db.prepare('SELECT "table" AS parent, "from" AS column FROM pragma_foreign_key_list(?)').all(child) as Array<{ parent: string; column: string }>) {
      if (fk.parent === table) out.push({ child, column: fk.column });
    }
  }
  return out;
}

/**
 * Tables whose rows are recomputed from others (declared by their refresher, or keyed without an id column
 * as every derived table is): rows there for a deleted employee are not user data.
 */
function derivedTables(db: BetterSqlite3.Database): Set<string> {
  const declared = new Set(DERIVED_REFRESHERS.flatMap((r) => r.targets ?? []));
  for (const table of userTables(db)) if (!columnsOf(db, table).includes('id')) declared.add(table);
  return declared;
}
