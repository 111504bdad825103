// "Cadangkan" in team mode: a consistent snapshot of the office's PostgreSQL database in an encrypted SQLite file
// that restores into either mode (Pengaturan › Cadangan / `cli restore` for a desk's file, `cli migrate-db --from
// FILE --to postgres://…` for an empty server database). It is migrate-db's server → file copy: every table read
// inside one REPEATABLE READ READ ONLY transaction (one moment of the server, whatever other desks write
// meanwhile), written into a new file encrypted with this computer's database key, read back and compared table by
// table (rows and checksum) before anything is committed. The file is built under a partial name beside the target
// and gets its name only after the restore's own complete check has accepted it, so an interrupted backup never
// leaves a file that looks finished. The server's own backup (pg_dump) stays the source of truth: this file is the
// copy an officer can carry, open on one desk, or restore.

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { connectionLabel, describeConnection } from '../../db/connection';
import type { DatabaseSummary } from '../../db/database-check';
import { migrateDatabase, type TableCopy } from '../../db/migrate-db';
import { checkRestoreSource } from './restore';

export interface TeamBackupOptions {
  /** Replaces an existing file at `out`. */
  force?: boolean;
  nativeBinding?: string;
  /** Told after each table is copied (progress). */
  onTable?(copy: TableCopy): void | Promise<void>;
}

export interface TeamBackupResult {
  /** The server, named without its password. */
  server: string;
  out: string;
  bytes: number;
  tables: TableCopy[];
  rows: number;
  /** What the restore check found in the file. */
  summary: DatabaseSummary;
}

/** The partial name a team backup is built under (beside the target, so the final rename stays on one disk). */
export function partialBackupPath(out: string): string {
  return `${out}.sebagian.sqlite`;
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Backs up the server `serverUrl` names into the new encrypted SQLite file `out`. */
export async function backupTeamDatabase(serverUrl: string, out: string, options: TeamBackupOptions = {}): Promise<TeamBackupResult> {
  const connection = describeConnection(serverUrl);
  if (connection.kind !== 'postgres') throw new AppError('validation', 'Cadangan mode tim dibuat dari server PostgreSQL: sebutkan alamat postgres://pengguna@host:5432/nama_database.');
  const target = path.resolve(out);
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new AppError('validation', `${target} adalah folder; sebutkan nama berkas cadangan, mis. ${path.join(target, 'jenjang-cadangan.sqlite')}.`);
  if (existing && !options.force) throw new AppError('conflict', `Berkas tujuan ${target} sudah ada; pakai --force untuk menimpanya.`);
  if (!fs.existsSync(path.dirname(target))) throw new AppError('io', `Folder tujuan ${path.dirname(target)} tidak ada.`);

  const partial = partialBackupPath(target);
  // A partial file left by an interrupted run is never a backup: it goes before the copy starts afresh.
  removeDatabaseFiles(partial);
  try {
    const copied = await migrateDatabase(serverUrl, partial, { nativeBinding: options.nativeBinding, onTable: options.onTable });
    // The check a restore makes (complete, a Jenjang database, its key opens it): a file it would refuse is no backup.
    const summary = await checkRestoreSource(partial, path.basename(target));
    // Only the main file is renamed: a write-ahead log still holding pages would be left behind with them.
    const wal = fs.statSync(`${partial}-wal`, { throwIfNoEntry: false });
    if (wal && wal.size > 0) throw new AppError('internal', `Berkas cadangan sementara ${partial} belum tertutup rapi; cadangan tidak dibuat.`);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
    fs.renameSync(partial, target);
    return { server: connectionLabel(connection), out: target, bytes: fs.statSync(target).size, tables: copied.tables, rows: copied.rows, summary };
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  }
}
