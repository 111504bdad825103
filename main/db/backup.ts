// Online backup and restore of the SQLite file (SQLite's backup API through better-sqlite3), safe while the
// database is open and in WAL mode.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { AppError } from '../../shared/errors';
import { rawConnection } from './raw-connection';

export function timestampForFileName(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');
}

/** Copies an open database to `destination` (a consistent snapshot, even during writes by others).
 *  `pagesPerStep` trades responsiveness for speed (better-sqlite3 copies 100 pages per event-loop turn). */
export async function backupOpenDatabase(dataSource: DataSource, destination: string, options: { pagesPerStep?: number } = {}): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const pages = options.pagesPerStep;
  await rawConnection(dataSource).backup(destination, pages ? { progress: () => pages } : undefined);
}

/** Copies a database file that is not open in this process. */
export async function backupDatabaseFile(source: string, destination: string, nativeBinding?: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    await db.backup(destination);
  } catch (error) {
    throw new AppError('io', `Cadangan gagal dibuat di "${destination}": ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `target` with the backup at `source`. The caller must have closed every
 * connection to `target`. The replaced file is kept beside it, so a restore can itself be undone.
 * Returns the path of that copy (null when there was nothing to keep).
 */
export async function replaceDatabaseFile(target: string, source: string): Promise<string | null> {
  const resolved = path.resolve(target);
  let keptCopy: string | null = null;
  if (fs.existsSync(resolved) && fs.statSync(resolved).size > 0) {
    keptCopy = `${resolved}.sebelum-restore-${timestampForFileName()}.sqlite`;
    await backupDatabaseFile(resolved, keptCopy);
  }
  const staging = `${resolved}.restore-${process.pid}.tmp`;
  await backupDatabaseFile(source, staging);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(resolved + suffix, { force: true });
  fs.renameSync(staging, resolved); // atomic on one filesystem: the old file or the new one, never half of each
  return keptCopy;
}
