// The one way Jenjang opens a database file outside TypeORM: through better-sqlite3-multiple-ciphers with the
// database key (SQLCipher 4 format), or without a key for the plain files of earlier versions (which are
// encrypted at their first open for writing, see encrypt-plain.ts). The TypeORM DataSource (data-source.ts)
// keys its connection with the same functions.
//
// Which key opens a file is found by trying: the keys of this OS user (main/security/database-key.ts), the active
// one first. A wrong key reads as "file is not a database", so a database and its copies need no map to their
// key. The key is given raw (x'…'), which skips SQLCipher's passphrase derivation: 256,000 PBKDF2 rounds, about
// 160 ms at every open (measured), buy nothing for a key that is already 256 random bits.

import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { ensureDatabaseKeys, findDatabaseKeys } from '../security/database-key';

export type SqliteDatabase = Database.Database;
/** The driver class, for TypeORM's `driver` option. */
export const SqliteDriver = Database;

/** The key of a database file; null for a plain (unencrypted) file of an earlier version. */
export type DatabaseKey = Buffer | null;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Keys a fresh connection. Must come before anything else reads the file. */
export function applyDatabaseKey(db: { pragma(sql: string): unknown }, key: DatabaseKey): void {
  if (!key) return;
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Encrypts the open database `db` (keyed with `current`, or plain) under `next`, in place and in one transaction.
 *  SQLite3MultipleCiphers cannot rekey in WAL mode, so the file is switched to a rollback journal first. */
export function rekeyDatabase(db: SqliteDatabase, current: DatabaseKey, next: Buffer): void {
  db.pragma('journal_mode = DELETE');
  if (!current) {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
  }
  db.pragma(`rekey = "x'${next.toString('hex')}'"`);
}

/** True when the file starts with SQLite's plain header: an unencrypted database (an encrypted one starts with
 *  its random salt). False for a missing or empty file. */
export function isPlainDatabaseFile(filePath: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** The key a new database is written with (created for this OS user when there is none yet). */
export function keyForNewDatabase(): Buffer {
  return ensureDatabaseKeys().active;
}

/** True when `key` opens `filePath` (an existing, encrypted file). Never writes to the file. */
export function keyOpens(filePath: string, key: Buffer, nativeBinding?: string): boolean {
  const created = ['-wal', '-shm'].filter((suffix) => !fs.existsSync(filePath + suffix));
  let db: SqliteDatabase | null = null;
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true, nativeBinding });
    applyDatabaseKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') return false;
    throw error;
  } finally {
    db?.close();
    const walLeft = fs.statSync(`${filePath}-wal`, { throwIfNoEntry: false });
    if (!walLeft || walLeft.size === 0) for (const suffix of created) fs.rmSync(filePath + suffix, { force: true });
  }
}

export interface KeyLookup {
  /** Keys to try before this OS user's own (a recovery key typed for one restore). */
  alsoTry?: Buffer[];
  nativeBinding?: string;
  /** Names the file in messages. */
  label?: string;
}

/**
 * The key that opens `filePath`: null for a plain file, the active key for a missing or empty one (a database
 * about to be created), else the first key of this OS user that opens it. Refuses (AppError) a file no key
 * opens: it is not SQLite at all, or it was encrypted on another computer whose recovery key was never added.
 */
export function keyForFile(filePath: string, lookup: KeyLookup = {}): DatabaseKey {
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (!stat || stat.size === 0) return keyForNewDatabase();
  if (isPlainDatabaseFile(filePath)) return null;
  const own = findDatabaseKeys();
  const candidates = [...(lookup.alsoTry ?? []), ...(own ? [own.active, ...own.extra] : [])];
  for (const key of candidates) if (keyOpens(filePath, key, lookup.nativeBinding)) return key;
  throw unreadableFile(lookup.label ?? filePath);
}

/** The refusal of a file that no known key opens. Starts like the refusal of a non-SQLite file, which it may be. */
export function unreadableFile(label: string): AppError {
  return new AppError('db_not_jenjang',
    `Berkas "${label}" bukan database SQLite, atau database Jenjang terenkripsi dengan kunci yang tidak tersimpan di komputer ini. ` +
    'Bila berkas ini berasal dari komputer lain, tambahkan dulu kunci pemulihannya (Pulihkan dengan kunci pemulihan); berkas tidak diubah.',
    { reason: 'unknown_key' });
}

export interface OpenSqliteOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  /** Busy timeout in ms (better-sqlite3's default: 5000). */
  timeout?: number;
  nativeBinding?: string;
  /** The key, when the caller knows it already; else found with keyForFile. */
  key?: DatabaseKey;
}

/** Opens `filePath` with its key (or plain for a plain file). */
export function openSqlite(filePath: string, options: OpenSqliteOptions = {}): { db: SqliteDatabase; key: DatabaseKey } {
  const key = options.key !== undefined ? options.key : keyForFile(filePath, { nativeBinding: options.nativeBinding });
  const db = new Database(filePath, {
    readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false, nativeBinding: options.nativeBinding,
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
  });
  try {
    applyDatabaseKey(db, key);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, key };
}

/** A plain SQLite connection, never keyed: files of other programs in tests, the bench's raw baseline. */
export function openPlainSqlite(filePath: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): SqliteDatabase {
  return new Database(filePath, options);
}
