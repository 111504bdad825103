// The one way Jenjang opens a database file outside TypeORM: through better-sqlite3-multiple-ciphers with the
// database key, or without a key for the plain files of earlier versions (which are encrypted at their first
// open for writing, see encrypt-plain.ts). The TypeORM DataSource (data-source.ts) keys its connection with the
// same functions.
//
// The cipher scheme is wxSQLite3's AES-256-CBC ('aes256cbc'): every page encrypted, no per-page MAC. The previous
// version wrote SQLCipher 4 (AES-256-CBC plus an HMAC-SHA512 per page), and that MAC, checked on every page
// read, is what made encryption expensive. Measured on the 2-core office machine (500,000-row table, 2 MB page
// cache; full-scan p50 / insert of the rows): plain 50 ms / 1079 ms, SQLCipher 4 253 ms / 1673 ms, SQLCipher 4
// without its HMAC 98 ms, ChaCha20-Poly1305 143 ms, aes256cbc 64 ms / 985 ms. What encryption has to give is the
// confidentiality of a copied or stolen file; detecting tampering with the file (what the MAC adds) is not asked
// of it, and the README says so. Files of the previous scheme still open (applyDatabaseKey tries it second) and
// are converted at their first open for writing (encrypt-plain.ts).
//
// Which key opens a file is found by trying: the keys of this OS user (main/security/database-key.ts), the active
// one first. A wrong key reads as "file is not a database", so a database and its copies need no map to their
// key. The key is given raw (x'…'): a passphrase derivation (SQLCipher 4's 256,000 PBKDF2 rounds cost about
// 160 ms at every open, measured) buys nothing for a key that is already 256 random bits.

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

/** The cipher schemes a Jenjang database file may be in: the one files are written with, and SQLCipher 4 of the
 *  previous version (read, and converted at the first open for writing). */
export type CipherScheme = 'aes256cbc' | 'sqlcipher4';
/** The scheme every database file and copy is written with (figures in the comment at the top). */
export const DATABASE_CIPHER: CipherScheme = 'aes256cbc';
const PREVIOUS_CIPHER: CipherScheme = 'sqlcipher4';

type PragmaConnection = { pragma(sql: string): unknown };

function selectCipher(db: PragmaConnection, scheme: CipherScheme): void {
  if (scheme === 'sqlcipher4') {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
  } else {
    db.pragma(`cipher = '${scheme}'`);
  }
}

/** Reads the file's header through the key: false when the key (in the selected scheme) does not decrypt it. */
function keyDecrypts(db: PragmaConnection): boolean {
  try {
    db.pragma('schema_version');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw error;
  }
}

/** Keys a fresh connection. Must come before anything else reads the file. Returns the scheme the file is in
 *  (null for a plain file): the current one for a new or current file, the previous one for a file of the
 *  previous version. A key that opens the file in neither scheme leaves the connection keyed; its first read
 *  then fails as a wrong key does ("file is not a database"). */
export function applyDatabaseKey(db: PragmaConnection, key: DatabaseKey): CipherScheme | null {
  if (!key) return null;
  const raw = `key = "x'${key.toString('hex')}'"`;
  selectCipher(db, DATABASE_CIPHER);
  db.pragma(raw);
  if (keyDecrypts(db)) return DATABASE_CIPHER;
  selectCipher(db, PREVIOUS_CIPHER);
  db.pragma(raw);
  return keyDecrypts(db) ? PREVIOUS_CIPHER : DATABASE_CIPHER;
}

/** Encrypts the open database `db` (keyed in either scheme, or plain) under `next` in the current scheme, in
 *  place and in one transaction. SQLite3MultipleCiphers cannot rekey in WAL mode, so the file is switched to a
 *  rollback journal first. */
export function rekeyDatabase(db: SqliteDatabase, next: Buffer): void {
  db.pragma('journal_mode = DELETE');
  selectCipher(db, DATABASE_CIPHER);
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

/** True when `key` opens `filePath` (an existing, encrypted file) in either scheme. Never writes to the file. */
export function keyOpens(filePath: string, key: Buffer, nativeBinding?: string): boolean {
  return cipherSchemeOf(filePath, key, nativeBinding) !== null;
}

/** The scheme `filePath` (an existing, encrypted file) is in under `key`; null when the key does not open it.
 *  Never writes to the file. */
export function cipherSchemeOf(filePath: string, key: Buffer, nativeBinding?: string): CipherScheme | null {
  const created = ['-wal', '-shm'].filter((suffix) => !fs.existsSync(filePath + suffix));
  let db: SqliteDatabase | null = null;
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true, nativeBinding });
    const scheme = applyDatabaseKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return scheme;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') return null;
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

/** Opens `filePath` with its key (or plain for a plain file); `scheme` is the cipher scheme the file is in (null:
 *  plain). */
export function openSqlite(filePath: string, options: OpenSqliteOptions = {}): { db: SqliteDatabase; key: DatabaseKey; scheme: CipherScheme | null } {
  const key = options.key !== undefined ? options.key : keyForFile(filePath, { nativeBinding: options.nativeBinding });
  const db = new Database(filePath, {
    readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false, nativeBinding: options.nativeBinding,
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
  });
  let scheme: CipherScheme | null;
  try {
    scheme = applyDatabaseKey(db, key);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, key, scheme };
}

/** A plain SQLite connection, never keyed: files of other programs in tests, the bench's raw baseline. */
export function openPlainSqlite(filePath: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): SqliteDatabase {
  return new Database(filePath, options);
}
