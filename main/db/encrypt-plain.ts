// A database file not in the current form, rewritten into it at its first open for writing by this version: a
// plain database of an earlier Jenjang (encrypted), or one encrypted in the previous cipher scheme, SQLCipher 4
// (converted to the current scheme, sqlite-connection.ts). The original stays untouched under its name until the
// new copy of it has been checked; a process killed at any moment leaves either the original or the checked new
// file in place, never a half of each:
//   1. the original's WAL is checkpointed into it (so the file alone is the whole database);
//   2. it is copied to `<db>.enkripsi.<pid>.partial` beside it: a plain file with SQLite's backup API, an
//      encrypted one byte for byte (its pages stay encrypted: no plaintext copy ever reaches the disk);
//   3. the copy is encrypted in place with the active key in the current scheme (PRAGMA rekey, one transaction);
//   4. the copy is checked: SQLite's integrity check, and the row count of every table against the original;
//   5. the original gets a second name (`<db>.polos.<pid>.partial` for a plain one, `<db>.lama.<pid>.partial`
//      for an encrypted one), and the copy is renamed over the database's name (atomic);
//   6. the original under its second name is removed (a plain one overwritten first).
// Whatever a killed process left (steps 2–6) is a `.partial` file that the next start removes (backup.ts,
// pruneStalePartials: the plain ones are overwritten first).

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { DATABASE_CIPHER, keyForNewDatabase, openSqlite, rekeyDatabase, type DatabaseKey } from './sqlite-connection';
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

/** The second name of an original encrypted in the previous scheme while its converted copy takes its name. */
export function previousSchemeCopyPath(dbPath: string): string {
  return `${path.resolve(dbPath)}.lama.${process.pid}.partial`;
}

function encryptedCopyPath(dbPath: string): string {
  return `${path.resolve(dbPath)}.enkripsi.${process.pid}.partial`;
}

/** Encrypts the plain database at `dbPath` with the active key (see the steps above). */
export function encryptPlainDatabase(dbPath: string, options: EncryptPlainOptions = {}): Promise<EncryptPlainResult> {
  return rewriteInCurrentScheme(dbPath, null, options);
}

/** Converts the database at `dbPath`, encrypted under `key` in the previous scheme, to the current scheme under
 *  the active key (see the steps above). */
export function convertToCurrentCipher(dbPath: string, key: Buffer, options: EncryptPlainOptions = {}): Promise<EncryptPlainResult> {
  return rewriteInCurrentScheme(dbPath, key, options);
}

async function rewriteInCurrentScheme(dbPath: string, originalKey: DatabaseKey, options: EncryptPlainOptions): Promise<EncryptPlainResult> {
  const started = Date.now();
  const resolved = path.resolve(dbPath);
  const key = keyForNewDatabase();
  const copy = encryptedCopyPath(resolved);
  const removeCopy = () => { for (const suffix of ['', '-journal', '-wal', '-shm']) shredFile(copy + suffix); };

  // 1. The whole database in the file itself, and the figures the new copy must match.
  const original = openSqlite(resolved, { key: originalKey, fileMustExist: true, nativeBinding: options.nativeBinding }).db;
  let expected: Map<string, number>;
  try {
    sqliteAdmin.checkpointTruncate(original);
    removeCopy();
    if (originalKey) {
      // 2. The encrypted bytes as they are, read inside one read transaction: with the WAL empty, no checkpoint
      //    can change the file under the copy, and the counts are those of the copied bytes.
      sqliteAdmin.beginRead(original);
      try {
        expected = sqliteAdmin.tableRowCounts(original);
        fs.copyFileSync(resolved, copy);
      } finally {
        sqliteAdmin.commit(original);
      }
    } else {
      expected = sqliteAdmin.tableRowCounts(original);
      // 2. A consistent copy of the plain file.
      await original.backup(copy);
    }
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
    const encrypted = openSqlite(copy, { key: originalKey, fileMustExist: true, nativeBinding: options.nativeBinding }).db;
    try {
      rekeyDatabase(encrypted, key);
    } finally {
      encrypted.close();
    }
    options.onStep?.('encrypted');

    // 4. Checked with the key, as it will be opened.
    const opened = openSqlite(copy, { key, readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const check = opened.db;
    try {
      if (opened.scheme !== DATABASE_CIPHER) throw new Error('salinan tidak terenkripsi dengan skema baru');
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

  // 5. The swap: the original keeps a second name until the new file holds the database's name.
  const previous = originalKey ? previousSchemeCopyPath(resolved) : plainCopyPath(resolved);
  fs.rmSync(previous, { force: true });
  try {
    fs.linkSync(resolved, previous);
  } catch {
    fs.copyFileSync(resolved, previous); // a filesystem without hard links (FAT on a USB drive): a copy to overwrite
  }
  for (const suffix of ['-wal', '-shm', '-journal']) shredFile(resolved + suffix);
  fs.renameSync(copy, resolved);
  options.onStep?.('swapped');

  // 6. The original gone (plain bytes overwritten first).
  if (originalKey) fs.rmSync(previous, { force: true });
  else shredFile(previous);
  return { tables: expected.size, rows: [...expected.values()].reduce((a, b) => a + b, 0), ms: Date.now() - started };
}
