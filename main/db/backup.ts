// The one writer of every database copy the app makes: daily and manual backups, the copy before an import,
// before a migration and before a restore. Every copy is encrypted with the database key: an encrypted database
// is copied with `VACUUM INTO`, which writes a consistent, compact copy under the same key even while the
// database is open and being written (SQLite's online backup API refuses to copy between a keyed and an unkeyed
// connection, and it cannot key its target); a plain database of an earlier version is copied with the backup
// API and the copy encrypted in place with the active key (PRAGMA rekey). Copies are owner-only (0600), in
// folders only the owner may enter (0700).
//
// A copy is written under a temporary name (`<final name>.<pid>.partial`) and renamed to its final name only when
// it is complete, so a copy under a backup's name is always a whole database: a process killed while copying
// leaves a `.partial` file, never a truncated or 0-byte "backup". Partial files whose process is gone are removed
// at the next start (pruneStalePartials).

import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { AppError } from '../../shared/errors';
import { openReadOnly } from './database-check';
import { sqliteAdmin } from './sql/sqlite-admin.sql';
import { rawConnection } from './raw-connection';
import { shredFile } from './shred';
import { DATABASE_CIPHER, isPlainDatabaseFile, keyForNewDatabase, openSqlite, rekeyDatabase, type DatabaseKey, type SqliteDatabase } from './sqlite-connection';

/** The kinds of copy, as they appear in file names (`jenjang.sqlite.harian-2026-11-24.sqlite`). */
export const BACKUP_KINDS = ['harian', 'manual', 'sebelum-impor', 'sebelum-restore', 'sebelum-migrasi'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export function timestampForFileName(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');
}

/** Where each kind lives: daily and manual backups in `cadangan/`, pre-import copies in `cadangan-impor/`, the
 *  copies before a migration or a restore beside the database itself. */
export function backupFolder(dbPath: string, kind: BackupKind): string {
  const dir = path.dirname(path.resolve(dbPath));
  if (kind === 'harian' || kind === 'manual') return path.join(dir, 'cadangan');
  if (kind === 'sebelum-impor') return path.join(dir, 'cadangan-impor');
  return dir;
}

/** Every folder a copy of this database may be written to. */
export function backupFolders(dbPath: string): string[] {
  return [...new Set(BACKUP_KINDS.map((kind) => backupFolder(dbPath, kind)))];
}

/** `<folder>/<database file name>.<kind>-<stamp>.sqlite`: the database's own name first, so two databases
 *  sharing a folder never take (or prune) each other's copies. */
export function backupPath(dbPath: string, kind: BackupKind, stamp: string): string {
  return path.join(backupFolder(dbPath, kind), `${path.basename(path.resolve(dbPath))}.${kind}-${stamp}.sqlite`);
}

/** Reads a copy's file name back: its kind and stamp, when it is a copy of the database named `dbFileName`. */
export function parseBackupName(dbFileName: string, fileName: string): { kind: BackupKind; stamp: string } | null {
  if (!fileName.startsWith(`${dbFileName}.`) || !fileName.endsWith('.sqlite')) return null;
  const rest = fileName.slice(dbFileName.length + 1, -'.sqlite'.length);
  const kind = BACKUP_KINDS.find((k) => rest.startsWith(`${k}-`));
  if (!kind) return null;
  const stamp = rest.slice(kind.length + 1);
  return /^[0-9a-f-]+$/.test(stamp) ? { kind, stamp } : null;
}

/** An open database, or a closed file (opened read-only; `alsoTry`: keys to try before this OS user's own, such
 *  as one typed from a recovery key). */
export type BackupSource = { dataSource: DataSource } | { file: string; nativeBinding?: string; alsoTry?: Buffer[] };

export interface BackupOptions {
  /** Pages copied per event-loop turn of the backup API (copies of plain databases): more is faster, fewer keeps
   *  the process responsive (default 100). An encrypted database is copied in one `VACUUM INTO`. */
  pagesPerStep?: number;
  /** The key the copy is encrypted with; default: the source's own key (the active key for a plain source). A
   *  restore gives the active key, so a backup from another computer comes back under this computer's key. */
  encryptWith?: Buffer;
  onProgress?(pagesDone: number, pagesTotal: number): void;
}

/** A complete copy under its temporary name, waiting to be published (renamed) or discarded. */
export interface StagedBackup {
  /** The name the copy takes when published. */
  readonly path: string;
  readonly partialPath: string;
  /** Renames the copy to its final name (replacing a file of that name) and returns that name. */
  publish(): string;
  discard(): void;
}

const PARTIAL = /^(.+)\.(\d+)\.partial(-journal|-wal|-shm)?$/;
/** The plain original kept under a second name, and the copy being encrypted (encrypt-plain.ts). */
const PLAIN_LEFTOVER = /\.(polos|enkripsi)\.\d+\.partial/;

export function partialPathFor(destination: string): string {
  return `${destination}.${process.pid}.partial`;
}

/**
 * Copies `source` to a temporary name beside `destination`. The copy is complete when this resolves; it gets its
 * name only through `publish()`. On failure nothing is left behind.
 */
export async function stageBackup(source: BackupSource, destination: string, options: BackupOptions = {}): Promise<StagedBackup> {
  const finalPath = path.resolve(destination);
  const partialPath = partialPathFor(finalPath);
  fs.mkdirSync(path.dirname(finalPath), { recursive: true, mode: 0o700 });
  removeWithSiblings(partialPath);
  try {
    const totalPages = 'dataSource' in source
      ? await copyConnection(rawConnection(source.dataSource), keyOfDataSource(source.dataSource), partialPath, options)
      : await copyClosedFile(source, partialPath, options);
    options.onProgress?.(totalPages, totalPages);
  } catch (error) {
    removeWithSiblings(partialPath);
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') throw new AppError('io', `Disk penuh; cadangan ${path.basename(finalPath)} tidak dapat dibuat.`);
    throw new AppError('io', `Cadangan ${path.basename(finalPath)} gagal dibuat: ${(error as Error).message}`);
  }
  let settled = false;
  return {
    path: finalPath,
    partialPath,
    publish() {
      if (settled) throw new Error('backup already published or discarded');
      settled = true;
      fs.renameSync(partialPath, finalPath); // atomic on one filesystem: the old file or the whole new one
      return finalPath;
    },
    discard() {
      if (settled) return;
      settled = true;
      removeWithSiblings(partialPath);
    },
  };
}

/** Copies `source` to `destination`, which exists only once the copy is complete. Returns its path. */
export async function writeBackup(source: BackupSource, destination: string, options: BackupOptions = {}): Promise<string> {
  return (await stageBackup(source, destination, options)).publish();
}

/** Copies an open database (a consistent snapshot, even during writes by others). */
export async function backupOpenDatabase(dataSource: DataSource, destination: string, options: BackupOptions = {}): Promise<string> {
  return writeBackup({ dataSource }, destination, options);
}

/** Copies a database file that is not open in this process. */
export async function backupDatabaseFile(source: string, destination: string, nativeBinding?: string): Promise<string> {
  return writeBackup({ file: source, nativeBinding }, destination);
}

async function copyClosedFile(source: { file: string; nativeBinding?: string; alsoTry?: Buffer[] }, destination: string, options: BackupOptions): Promise<number> {
  // A read-only connection: copying never writes to the source, whatever state it is in.
  const reader = openReadOnly(source.file, source.nativeBinding, source.alsoTry);
  try {
    return await copyConnection(reader.db, reader.key, destination, options, source.nativeBinding);
  } finally {
    reader.close();
  }
}

/** Whether the DataSource's file is encrypted: every database opened for writing is; a read-only open of an
 *  earlier version's file reads it plain. */
function keyOfDataSource(dataSource: DataSource): 'keyed' | null {
  const file = String(dataSource.options.database);
  return file === ':memory:' || isPlainDatabaseFile(file) ? null : 'keyed';
}

/** Writes the copy of the open database `db` (keyed, or plain) to `destination`, encrypted; returns its pages. */
async function copyConnection(db: SqliteDatabase, sourceKey: DatabaseKey | 'keyed', destination: string, options: BackupOptions, nativeBinding?: string): Promise<number> {
  const totalPages = sqliteAdmin.pageCount(db);
  // Created empty and owner-only first: SQLite gives the copy's journal the same permissions.
  fs.writeFileSync(destination, '', { mode: 0o600, flag: 'wx' });
  options.onProgress?.(0, totalPages);
  if (sourceKey) {
    sqliteAdmin.vacuumInto(db, destination);
  } else {
    const pages = options.pagesPerStep ?? 100;
    await db.backup(destination, {
      progress: ({ totalPages: total, remainingPages }) => {
        options.onProgress?.(total - remainingPages, total);
        return pages;
      },
    });
  }
  const copyKey: DatabaseKey = sourceKey === 'keyed' ? null : sourceKey; // a DataSource's key is not at hand: the copy opens with keyForFile
  // VACUUM INTO writes the copy in the source's scheme: a file of the previous version gives a copy in the
  // previous scheme, which is rewritten in the current one here like a copy under another key.
  const copy = openSqlite(destination, { fileMustExist: true, nativeBinding, ...(sourceKey === 'keyed' ? {} : { key: copyKey }) });
  try {
    const target = options.encryptWith ?? copy.key ?? keyForNewDatabase();
    if (!copy.key || !copy.key.equals(target) || copy.scheme !== DATABASE_CIPHER) rekeyDatabase(copy.db, target);
  } finally {
    copy.db.close();
  }
  return totalPages;
}

function removeWithSiblings(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'; // alive, owned by someone else
  }
}

/** A writer that has not touched its partial file for this long is gone, whatever its process id says now. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface PruneResult {
  removed: string[];
  /** Partial copies completed by a committed write (an import) before the process died: given their name. */
  completed: string[];
}

/**
 * Removes the partial copies of this database (named after it, in its backup folders: backups and a restore's
 * staging copy alike) left by processes that died while copying; run at start. A partial copy whose final name
 * `isReferenced` (an import committed with it, then died before the rename) is complete and is given its name.
 */
export function pruneStalePartials(dbPath: string, isReferenced: (finalPath: string) => boolean = () => false): PruneResult {
  const result: PruneResult = { removed: [], completed: [] };
  const owner = `${path.basename(path.resolve(dbPath))}.`;
  for (const folder of backupFolders(dbPath)) {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = PARTIAL.exec(name);
      if (!match || !name.startsWith(owner)) continue;
      const file = path.join(folder, name);
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat) continue;
      const stale = !processIsAlive(Number(match[2])) || Date.now() - stat.mtimeMs > STALE_AFTER_MS;
      if (!stale) continue;
      const finalPath = path.join(folder, match[1]);
      if (!match[3] && isReferenced(finalPath) && !fs.existsSync(finalPath)) {
        for (const suffix of ['-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
        fs.renameSync(file, finalPath);
        result.completed.push(finalPath);
      } else {
        // What an interrupted encryption of a plain database left may hold plain personal data: overwritten first.
        if (PLAIN_LEFTOVER.test(name)) shredFile(file);
        else fs.rmSync(file, { force: true });
        result.removed.push(file);
      }
    }
  }
  return result;
}

/**
 * Puts the database file `replacement` in place of `target`. The caller has closed every connection to `target`
 * and holds a copy of it. The old -wal and -shm go first: a stale WAL beside the new file would be replayed into it.
 */
export function replaceDatabaseFile(target: string, replacement: string): void {
  const resolved = path.resolve(target);
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(resolved + suffix, { force: true });
  fs.renameSync(replacement, resolved);
}

/**
 * True when another connection has the database open (another Jenjang window, a CLI run): a restore must not
 * replace a file under it. Opening in exclusive locking mode fails at once while anyone else holds the file.
 */
export function databaseInUse(dbPath: string, nativeBinding?: string): boolean {
  if (!fs.existsSync(dbPath)) return false;
  let db: SqliteDatabase | null = null;
  try {
    db = openSqlite(dbPath, { fileMustExist: true, timeout: 0, nativeBinding }).db;
    sqliteAdmin.takeExclusiveLock(db);
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED') return true;
    throw error;
  } finally {
    db?.close();
  }
}
