// A plain database of an earlier Jenjang, encrypted at its first open for writing by this version. The original
// stays untouched under its name until an encrypted copy of it has been checked; a process killed at any moment
// leaves either the plain original or the checked encrypted file in place, never a half of each:
//   1. the original's WAL is checkpointed into it (so the file alone is the whole database);
//   2. it is copied (SQLite's backup API) to `<db>.enkripsi.<pid>.partial` beside it;
//   3. the copy is encrypted in place with the database key (PRAGMA rekey, one transaction);
//   4. the copy is checked: SQLite's integrity check, and the row count of every table against the original;
//   5. the original gets a second name, `<db>.polos.<pid>.partial`, and the copy is renamed over it (atomic);
//   6. the plain file under its second name is overwritten and removed.
// Whatever a killed process left (steps 2–6) is a `.partial` file that the next start removes (backup.ts,
// pruneStalePartials: the plain ones are overwritten first).

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { keyForNewDatabase, openSqlite, rekeyDatabase } from './sqlite-connection';
import { sqliteAdmin } from './sql/sqlite-admin.sql';
import { shredFile } from './shred';

export type EncryptionStep = 'copied' | 'encrypted' | 'verified' | 'swapped';

export interface EncryptPlainOptions {
  nativeBinding?: string;
  /** Called after each step (the kill test freezes there). */
  onStep?(step: EncryptionStep): void;
}

export interface EncryptPlainResult {
  tables: number;
  rows: number;
  ms: number;
}

export function plainCopyPath(dbPath: string): string {
  return `${path.resolve(dbPath)}.polos.${process.pid}.partial`;
}

function encryptedCopyPath(dbPath: string): string {
  return `${path.resolve(dbPath)}.enkripsi.${process.pid}.partial`;
}

/** Encrypts the plain database at `dbPath` with the active key (see the steps above). */
export async function encryptPlainDatabase(dbPath: string, options: EncryptPlainOptions = {}): Promise<EncryptPlainResult> {
  const started = Date.now();
  const resolved = path.resolve(dbPath);
  const key = keyForNewDatabase();
  const copy = encryptedCopyPath(resolved);
  const removeCopy = () => { for (const suffix of ['', '-journal', '-wal', '-shm']) shredFile(copy + suffix); };

  // 1. The whole database in the file itself, and the figures the encrypted copy must match.
  const original = openSqlite(resolved, { key: null, fileMustExist: true, nativeBinding: options.nativeBinding }).db;
  let expected: Map<string, number>;
  try {
    sqliteAdmin.checkpointTruncate(original);
    expected = sqliteAdmin.tableRowCounts(original);
    // 2. A consistent copy of the plain file.
    removeCopy();
    await original.backup(copy);
  } catch (error) {
    removeCopy();
    throw new AppError('io', `Database tidak dapat disalin untuk dienkripsi: ${(error as Error).message}. Database tidak diubah.`);
  } finally {
    original.close();
  }
  fs.chmodSync(copy, 0o600);
  options.onStep?.('copied');

  try {
    // 3. Encrypted in place, in one transaction.
    const encrypted = openSqlite(copy, { key: null, fileMustExist: true, nativeBinding: options.nativeBinding }).db;
    try {
      rekeyDatabase(encrypted, null, key);
    } finally {
      encrypted.close();
    }
    options.onStep?.('encrypted');

    // 4. Checked with the key, as it will be opened.
    const check = openSqlite(copy, { key, readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding }).db;
    try {
      const integrity = sqliteAdmin.integrityCheck(check);
      if (integrity !== 'ok') throw new Error(`pemeriksaan keutuhan: ${String(integrity)}`);
      const actual = sqliteAdmin.tableRowCounts(check);
      for (const [table, count] of expected) {
        if (actual.get(table) !== count) throw new Error(`tabel ${table}: ${actual.get(table) ?? 'tidak ada'} baris, seharusnya ${count}`);
      }
    } finally {
      check.close();
    }
  } catch (error) {
    removeCopy();
    throw new AppError('db_corrupt', `Salinan terenkripsi database tidak lolos pemeriksaan (${(error as Error).message}); database lama tetap dipakai apa adanya dan tidak diubah.`);
  }
  options.onStep?.('verified');

  // 5. The swap: the plain file keeps a second name until the encrypted one holds the database's name.
  const plain = plainCopyPath(resolved);
  fs.rmSync(plain, { force: true });
  try {
    fs.linkSync(resolved, plain);
  } catch {
    fs.copyFileSync(resolved, plain); // a filesystem without hard links (FAT on a USB drive): a copy to overwrite
  }
  for (const suffix of ['-wal', '-shm', '-journal']) shredFile(resolved + suffix);
  fs.renameSync(copy, resolved);
  options.onStep?.('swapped');

  // 6. The plain bytes overwritten, then gone.
  shredFile(plain);
  return { tables: expected.size, rows: [...expected.values()].reduce((a, b) => a + b, 0), ms: Date.now() - started };
}
