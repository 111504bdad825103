// "Cadangkan" and "Pulihkan" in team mode.
//
// "Cadangkan" in team mode: a consistent snapshot of the office's PostgreSQL database in an encrypted SQLite file
// that restores into either mode (Pengaturan › Cadangan / `cli restore` for a desk's file, `cli migrate-db --from
// FILE --to postgres://…` for an empty server database). It is migrate-db's server → file copy: every table read
// inside one REPEATABLE READ READ ONLY transaction (one moment of the server, whatever other desks write
// meanwhile), written into a new file encrypted with this computer's database key, read back and compared table by
// table (rows and checksum) before anything is committed. The file is built under a partial name beside the target
// and gets its name only after the restore's own complete check has accepted it, so an interrupted backup never
// leaves a file that looks finished. The server's own backup (pg_dump) stays the source of truth: this file is the
// copy an officer can carry, open on one desk, or restore.
//
// "Pulihkan" in team mode replaces the server database's content with a backup file's, in one transaction of the
// server (migrate-db's replaceServerWithFile): the file is checked completely first, staged as a copy under this
// computer's key (a backup of another computer opens with its recovery key; an older schema is brought up to date
// in the copy), and the server's current content is first backed up into a file beside the desk's other backups.

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { stageBackup } from '../../db/backup';
import { connectionLabel, describeConnection, type PostgresConnection } from '../../db/connection';
import type { DatabaseSummary } from '../../db/database-check';
import { copyServerToFile, refuseWhileLocked, replaceServerWithFile, type MigrateDbResult, type ReplaceOptions, type TableCopy } from '../../db/migrate-db';
import { openDatabase } from '../../db/open-database';
import { keyForNewDatabase } from '../../db/sqlite-connection';
import type { JobHandle } from '../../jobs/job-registry';
import { configFolder } from '../../security/database-key';
import { jobBusyError, type JobName } from '../locks/job-locks';
import { checkRestoreSource } from './restore';

export interface TeamBackupOptions {
  /** Replaces an existing file at `out`. */
  force?: boolean;
  nativeBinding?: string;
  /** Told after each table is copied (progress). */
  onTable?(copy: TableCopy, progress: { done: number; total: number }): void | Promise<void>;
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

/** A partial file untouched this long is left by a run that was killed: a running backup writes it all the time. */
const ABANDONED_PARTIAL_MS = 60 * 60 * 1000;

/** Removes the partial files of killed runs in `folder`. Backups are named by the moment they start, so the run
 *  that left one never comes back to its name; without this they would stay there (encrypted, never listed). */
export function removeAbandonedPartials(folder: string, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(folder)) {
    if (!name.endsWith(partialBackupPath(''))) continue;
    const file = path.join(folder, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || now - stat.mtimeMs < ABANDONED_PARTIAL_MS) continue;
    removeDatabaseFiles(file);
    removed.push(file);
  }
  return removed;
}

/** Backs up the server `server` names (a postgres:// URL, or the connection of the running app) into the new
 *  encrypted SQLite file `out`. */
export async function backupTeamDatabase(server: string | PostgresConnection, out: string, options: TeamBackupOptions = {}): Promise<TeamBackupResult> {
  const connection = typeof server === 'string' ? describeConnection(server) : server;
  if (connection.kind !== 'postgres') throw new AppError('validation', 'Cadangan mode tim dibuat dari server PostgreSQL: sebutkan alamat postgres://pengguna@host:5432/nama_database.');
  const target = path.resolve(out);
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new AppError('validation', `${target} adalah folder; sebutkan nama berkas cadangan, mis. ${path.join(target, 'jenjang-cadangan.sqlite')}.`);
  if (existing && !options.force) throw new AppError('conflict', `Berkas tujuan ${target} sudah ada; pakai --force untuk menimpanya.`);
  if (!fs.existsSync(path.dirname(target))) throw new AppError('io', `Folder tujuan ${path.dirname(target)} tidak ada.`);

  const partial = partialBackupPath(target);
  // A partial file left by an interrupted run is never a backup: it goes before the copy starts afresh, and so do
  // those of killed runs under other names in the same folder.
  removeDatabaseFiles(partial);
  removeAbandonedPartials(path.dirname(target));
  try {
    const copied = await copyServerToFile(connection, partial, { nativeBinding: options.nativeBinding, onTable: options.onTable });
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

/**
 * Where this computer keeps its copies of a server database (the team mode's counterpart of a desk database's
 * path): `<Jenjang's settings folder>/mode-tim/<host>_<port>_<database>`, so backups go to
 * `…/mode-tim/cadangan/<host>_<port>_<database>.manual-<stamp>.sqlite` (main/db/backup.ts names and lists them).
 */
export function teamBackupBase(server: PostgresConnection): string {
  const name = `${server.host}_${server.port}_${server.database}`.replace(/[^A-Za-z0-9._-]+/g, '-');
  return path.join(configFolder(), 'mode-tim', name);
}

/** The exclusive jobs a restore into a server waits for no longer than a refusal: each job lock's name (an
 *  advisory lock of the server) and the restore's own. */
const JOBS_A_RESTORE_EXCLUDES: JobName[] = ['impor', 'penetapan-sidang-talenta'];
/** The advisory lock of a restore into the server (two desks never replace the data at once). */
export const RESTORE_LOCK_NAME = 'pemulihan';

/** The advisory locks a restore holds (and the refusal when another desk holds one). */
function jobsARestoreExcludes(nowOf?: () => string): ReplaceOptions['exclusiveWith'] {
  const now = nowOf ?? (() => new Date().toISOString());
  return [
    ...JOBS_A_RESTORE_EXCLUDES.map((name) => ({
      lockName: name,
      busyMessage: (holder: string | null) => `${jobBusyError(name, { holder: holder ?? 'pengguna lain', since: now() }, now()).message.replace(/ sejak [^;]+;/, ';')} Database tidak diubah.`,
    })),
    { lockName: RESTORE_LOCK_NAME, busyMessage: () => 'Pemulihan lain sedang berjalan di server ini; tunggu sampai selesai. Database tidak diubah.' },
  ];
}

/** Refuses at once, changing nothing, when a job a restore excludes runs on some desk: checked before the copy of
 *  the data a restore replaces, which takes a while (the restore's transaction checks again). */
export function refuseRestoreWhileJobsRun(server: PostgresConnection, now?: () => string): Promise<void> {
  return refuseWhileLocked(server, jobsARestoreExcludes(now));
}

export interface TeamRestoreOptions {
  /** The file as the officer knows it (an upload lives under a temporary name). */
  label: string;
  /** What the complete check of this very file found moments ago (the confirmation); not repeated then. */
  checked?: DatabaseSummary;
  recoveryKeys?: Buffer[];
  job?: JobHandle;
  nativeBinding?: string;
  /** Where the staging copy is made (a folder of this computer); default: beside the desk's backups of the server. */
  stagingBase?: string;
  /** The moment, for the refusal naming who runs a job ("sejak 20.15"). */
  now?: () => string;
}

export interface TeamRestoreResult extends MigrateDbResult {
  /** What the complete check found in the file. */
  candidate: DatabaseSummary;
}

/** Replaces the content of the server database `server` with the backup file `file`: see the head of this file. */
export async function restoreTeamDatabase(server: PostgresConnection, file: string, options: TeamRestoreOptions): Promise<TeamRestoreResult> {
  const { job } = options;
  job?.progress('Memeriksa berkas cadangan', 0, 1);
  const candidate = options.checked ?? await checkRestoreSource(file, options.label, options.recoveryKeys);
  const base = options.stagingBase ?? teamBackupBase(server);
  // A copy under this computer's key: whatever key the backup has (a recovery key's, or none from an older
  // version), the copy opens here, and an older schema is migrated in the copy, never in the officer's file.
  const staged = await stageBackup({ file, nativeBinding: options.nativeBinding, alsoTry: options.recoveryKeys }, `${base}.pemulihan.sqlite`, {
    pagesPerStep: 4096, encryptWith: keyForNewDatabase(), onProgress: (done, total) => job?.progress('Menyalin cadangan', done, total),
  });
  try {
    if (candidate.pendingMigrations > 0) {
      job?.progress('Memperbarui skema cadangan', 0, 1);
      const opened = await openDatabase(staged.partialPath, { create: false, backupBeforeMigration: false, nativeBinding: options.nativeBinding });
      await opened.close();
    }
    job?.progress('Mengganti data di server', 0, 1);
    const copied = await replaceServerWithFile(staged.partialPath, server, {
      nativeBinding: options.nativeBinding,
      onTable: (_copy, { done, total }) => job?.progress('Mengganti data di server', done, total),
      replacing: { announce: true, exclusiveWith: jobsARestoreExcludes(options.now) },
    });
    return { ...copied, candidate };
  } catch (error) {
    if (error instanceof AppError && !/database tidak diubah\.$/i.test(error.message) && !/tidak ada yang (disimpan|dipindahkan|diubah)\.$/i.test(error.message)) {
      throw new AppError(error.code, `${error.message.replace(/\.?$/, '.')} Database tidak diubah.`, error.details);
    }
    throw error;
  } finally {
    staged.discard();
  }
}
