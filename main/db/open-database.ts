// Opening a database file safely: look at it read-only first, and only hand it to TypeORM (which switches
// it to WAL and runs migrations, both writes) once we know it is ours and not from a newer Jenjang.
// Read-only opens (the CLI's stats, report) never create, convert or migrate a file: they refuse what is not
// already a Jenjang database, and read a database of an older schema from a migrated temporary copy.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { AppError } from '../../shared/errors';
import { backupDatabaseFile, backupPath, timestampForFileName } from './backup';
import { inspectDatabaseFile, pendingMigrations, translateSqliteError, unknownMigrations, type DatabaseInspection } from './database-check';
import { connectionLabel, describeConnection, isPostgresUrl, type PostgresConnection } from './connection';
import { createDataSource, createPostgresDataSource } from './data-source';
import { JENJANG_APPLICATION_ID } from './database-identity';
import { MIGRATION_NAMES } from './migrations';
import { convertToCurrentCipher, encryptPlainDatabase, type EncryptPlainResult, type EncryptionStep } from './encrypt-plain';
import { cipherSchemeOf, DATABASE_CIPHER, isPlainDatabaseFile, keyForFile, type DatabaseKey } from './sqlite-connection';
import { sqliteAdmin } from './sql/sqlite-admin.sql';

export interface OpenDatabaseOptions {
  /** Create the file (and its folder) when it does not exist. */
  create: boolean;
  /** Never write to the file: no creating, no converting an empty file, no migrating, and every write refused
   *  by SQLite itself (query_only). An older schema is read from a migrated temporary copy. */
  readOnly?: boolean;
  /** Take the copy before migrating an existing database (default true; false for a restore's own staging copy). */
  backupBeforeMigration?: boolean;
  nativeBinding?: string;
  /** Told after each step of encrypting a plain database of an earlier version (the kill test freezes there). */
  onEncryptionStep?(step: EncryptionStep): void;
}

export interface OpenedDatabase {
  dataSource: DataSource;
  path: string;
  /** Migrations applied by this open. */
  migrated: string[];
  /** Copy taken before migrating an existing database, if any. */
  preMigrationBackup: string | null;
  /** A read-only open of an older schema reads this migrated temporary copy instead of the file; else null. */
  readFromCopy: string | null;
  /** The key of the file (null: a plain file read by a read-only open; ':memory:'). Readers open it with this. */
  key: DatabaseKey;
  /** This open first encrypted a plain database of an earlier version, or converted one of the previous cipher
   *  scheme; else null. */
  encryptedNow: EncryptPlainResult | null;
  /** Closes the DataSource (and removes a temporary copy). */
  close(): Promise<void>;
}

export { inspectDatabaseFile, translateSqliteError, type DatabaseInspection };

/** Why a command that still works on a SQLite file only refuses a team database (the import's bulk path, `init`,
 *  `restore`, `recover-key`: each writes or reads the file itself). */
export function teamModeRefusal(what: string): string {
  return `${what} belum dapat dipakai dengan server PostgreSQL (mode tim) pada versi ini: ia bekerja langsung pada berkas SQLite. `
    + 'Jalankan dengan berkas SQLite (--db BERKAS.sqlite), lalu pindahkan datanya dengan `npm run cli -- migrate-db`.';
}

export async function openDatabase(dbPath: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  if (isPostgresUrl(dbPath)) return openServerDatabase(dbPath, options);
  if (options.readOnly) return openReadOnlyDatabase(dbPath, options);
  let preMigrationBackup: string | null = null;
  let encryptedNow: EncryptPlainResult | null = null;
  if (dbPath !== ':memory:') {
    const resolved = path.resolve(dbPath);
    const stat = statDatabasePath(dbPath);
    if (!stat) {
      if (!options.create) throw new AppError('db_not_found', `Berkas database tidak ditemukan: ${dbPath}`);
      fs.mkdirSync(path.dirname(resolved), { recursive: true });
      // Owner-only from the first byte: SQLite gives its WAL and journal the database file's mode.
      fs.writeFileSync(resolved, '', { mode: 0o600, flag: 'wx' });
    } else if (stat.size > 0) {
      const inspection = inspectDatabaseFile(resolved, dbPath);
      assertUsable(inspection, dbPath);
      // A plain database of an earlier version is encrypted, and one in the previous cipher scheme converted,
      // before anything else writes to it.
      const rewrite = { nativeBinding: options.nativeBinding, onStep: options.onEncryptionStep };
      if (isPlainDatabaseFile(resolved)) encryptedNow = await encryptPlainDatabase(resolved, rewrite);
      else {
        const previousSchemeKey = keyInPreviousScheme(resolved, dbPath, options.nativeBinding);
        if (previousSchemeKey) encryptedNow = await convertToCurrentCipher(resolved, previousSchemeKey, rewrite);
      }
      const pending = pendingMigrations(inspection);
      if (pending.length > 0 && inspection.appliedMigrations.length > 0 && options.backupBeforeMigration !== false) {
        preMigrationBackup = await backupDatabaseFile(resolved, backupPath(resolved, 'sebelum-migrasi', timestampForFileName()), options.nativeBinding);
      }
    }
  }
  const { dataSource, migrated, key } = await initialise(dbPath, options.nativeBinding, { migrate: true });
  return { dataSource, path: dbPath, migrated, preMigrationBackup, readFromCopy: null, key, encryptedNow, close: () => dataSource.destroy() };
}

/**
 * The checks of a read-only open, on their own (the CLI's backup copies a file it never opens through TypeORM):
 * the file exists, holds a Jenjang database (an empty file or an empty SQLite database is not one yet) and was
 * not written by a newer Jenjang. Returns what the inspection found.
 */
export function inspectForReading(dbPath: string): DatabaseInspection {
  const stat = statDatabasePath(dbPath);
  if (!stat) throw new AppError('db_not_found', `Berkas database tidak ditemukan: ${dbPath}`);
  if (stat.size === 0) {
    throw new AppError('db_not_jenjang', `Berkas "${dbPath}" kosong (0 byte), belum berisi database Jenjang; perintah ini hanya membaca dan tidak membuat database. Berkas tidak diubah.`);
  }
  const inspection = inspectDatabaseFile(path.resolve(dbPath), dbPath);
  assertUsable(inspection, dbPath);
  if (inspection.applicationId !== JENJANG_APPLICATION_ID || inspection.appliedMigrations.length === 0) {
    throw new AppError('db_not_jenjang', `Berkas "${dbPath}" adalah database SQLite kosong, belum berisi database Jenjang; perintah ini hanya membaca dan tidak mengubahnya.`);
  }
  return inspection;
}

async function openReadOnlyDatabase(dbPath: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const resolved = path.resolve(dbPath);
  const inspection = inspectForReading(dbPath);
  if (pendingMigrations(inspection).length === 0) {
    const { dataSource, key } = await initialise(dbPath, options.nativeBinding, { migrate: false });
    await sqliteAdmin.queryOnly(dataSource);
    return { dataSource, path: dbPath, migrated: [], preMigrationBackup: null, readFromCopy: null, key, encryptedNow: null, close: () => dataSource.destroy() };
  }
  // An older schema: the services expect the current one, and the file must stay as it is.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-baca-'));
  const removeFolder = () => fs.rmSync(folder, { recursive: true, force: true });
  try {
    const copy = await backupDatabaseFile(resolved, path.join(folder, path.basename(resolved)), options.nativeBinding);
    const { dataSource, migrated, key } = await initialise(copy, options.nativeBinding, { migrate: true });
    return {
      dataSource, path: dbPath, migrated, preMigrationBackup: null, readFromCopy: copy, key, encryptedNow: null,
      async close() {
        try {
          await dataSource.destroy();
        } finally {
          removeFolder();
        }
      },
    };
  } catch (error) {
    removeFolder();
    throw error;
  }
}

/** The key of `resolved` when the file is encrypted in the previous cipher scheme; null when it is current. */
function keyInPreviousScheme(resolved: string, dbPath: string, nativeBinding?: string): Buffer | null {
  try {
    const key = keyForFile(resolved, { nativeBinding, label: dbPath });
    return key && cipherSchemeOf(resolved, key, nativeBinding) !== DATABASE_CIPHER ? key : null;
  } catch (error) {
    throw translateSqliteError(error, dbPath);
  }
}

function statDatabasePath(dbPath: string): fs.Stats | undefined {
  const stat = fs.statSync(path.resolve(dbPath), { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new AppError('db_not_found', `"${dbPath}" adalah folder, bukan berkas database.`);
  return stat;
}

async function initialise(dbPath: string, nativeBinding: string | undefined, { migrate }: { migrate: boolean }) {
  let key: DatabaseKey;
  try {
    key = dbPath === ':memory:' ? null : keyForFile(dbPath, { nativeBinding, label: dbPath });
  } catch (error) {
    throw translateSqliteError(error, dbPath);
  }
  const dataSource = createDataSource({ database: dbPath, nativeBinding, key });
  try {
    await dataSource.initialize();
    const migrated = migrate ? (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name) : [];
    if (migrate) await sqliteAdmin.optimize(dataSource);
    return { dataSource, migrated, key };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    throw translateSqliteError(error, dbPath);
  }
}

function assertUsable(inspection: DatabaseInspection, dbPath: string): void {
  if (inspection.applicationId !== JENJANG_APPLICATION_ID) {
    if (inspection.tables.length > 0) {
      throw new AppError('db_not_jenjang', `Berkas "${dbPath}" adalah database SQLite milik program lain, bukan database Jenjang; berkas tidak diubah.`);
    }
    return; // an empty SQLite file: becomes a Jenjang database when opened for writing
  }
  const unknown = unknownMigrations(inspection);
  if (unknown.length > 0) {
    throw new AppError(
      'db_schema_newer',
      `Database "${dbPath}" dibuat oleh versi Jenjang yang lebih baru; perbarui aplikasi untuk membukanya. Berkas tidak diubah.`,
      { unknownMigrations: unknown },
    );
  }
}

export interface OpenedPostgresDatabase {
  dataSource: DataSource;
  /** The connection's name for messages: the URL without its password. */
  label: string;
  /** Migrations applied by this open. */
  migrated: string[];
  close(): Promise<void>;
}

/**
 * Connects to a PostgreSQL database of the office and brings it to the current schema (the same migrations as
 * SQLite; main/db/migrations/README.md), all of them in one transaction. A database holding tables that are not
 * Jenjang's, or migrations this build does not know (a newer Jenjang), is refused and left as it is.
 */
export async function openPostgresDatabase(connection: PostgresConnection, { migrate = true }: { migrate?: boolean } = {}): Promise<OpenedPostgresDatabase> {
  const label = connectionLabel(connection);
  const dataSource = createPostgresDataSource(connection);
  try {
    await dataSource.initialize();
  } catch (error) {
    throw translatePostgresError(error, label);
  }
  try {
    const tables: Array<{ name: string }> = await dataSource.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`);
    const names = new Set(tables.map((t) => t.name));
    if (names.size > 0 && !names.has('migrations')) {
      throw new AppError('db_not_jenjang', `Database PostgreSQL ${label} berisi tabel milik program lain, bukan database Jenjang; database tidak diubah.`);
    }
    if (names.has('migrations')) {
      const applied: Array<{ name: string }> = await dataSource.query(`SELECT name FROM "migrations"`);
      const known = new Set(MIGRATION_NAMES);
      const unknown = applied.map((m) => m.name).filter((name) => !known.has(name));
      if (unknown.length > 0) {
        throw new AppError('db_schema_newer', `Database PostgreSQL ${label} dibuat oleh versi Jenjang yang lebih baru; perbarui aplikasi untuk membukanya. Database tidak diubah.`, { unknownMigrations: unknown });
      }
    }
    const migrated = migrate ? (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name) : [];
    return { dataSource, label, migrated, close: () => dataSource.destroy() };
  } catch (error) {
    await dataSource.destroy();
    throw error instanceof AppError ? error : translatePostgresError(error, label);
  }
}

/**
 * openDatabase on a `postgres://` URL (team mode): the password from the URL, JENJANG_DB_PASSWORD or the credential
 * store (connection.ts), the server brought to the current schema (a newer or foreign database refused, see
 * openPostgresDatabase). A read-only open never migrates: a server still at an older schema is refused, since the
 * file trick of SQLite (reading a migrated copy) has no server counterpart. The database itself must exist: the
 * server's administrator creates it (`create` does not apply). `path` is the URL without its password.
 */
async function openServerDatabase(url: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const connection = describeConnection(url);
  if (connection.kind !== 'postgres') throw new AppError('validation', `${url} bukan alamat server PostgreSQL.`);
  const opened = await openPostgresDatabase(connection, { migrate: !options.readOnly });
  if (options.readOnly) {
    const applied: Array<{ name: string }> = await opened.dataSource.query(`SELECT name FROM "migrations"`).catch(() => []);
    if (applied.length < MIGRATION_NAMES.length) {
      await opened.close();
      throw new AppError('db_not_jenjang', `Database PostgreSQL ${opened.label} belum berisi database Jenjang dengan skema terbaru; perintah ini hanya membaca dan tidak mengubahnya. Buka sekali dengan aplikasi untuk memperbaruinya.`);
    }
  }
  return {
    dataSource: opened.dataSource, path: opened.label, migrated: opened.migrated, preMigrationBackup: null, readFromCopy: null,
    key: null, encryptedNow: null, close: () => opened.close(),
  };
}

/** pg's errors (English, with codes) as the one Indonesian sentence a person can act on. */
export function translatePostgresError(error: unknown, label: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string })?.code;
  const message = (error as Error)?.message ?? String(error);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT') {
    return new AppError('db_not_found', `Server PostgreSQL ${label} tidak dapat dihubungi; periksa alamat, port dan jaringan.`);
  }
  if (code === '28P01' || code === '28000') {
    return new AppError('unauthorized', `Server PostgreSQL ${label} menolak nama pengguna atau kata sandi (kata sandi dari alamat, dari JENJANG_DB_PASSWORD, atau yang disimpan dengan npm run cli -- db-login).`);
  }
  if (code === '3D000') return new AppError('db_not_found', `Database ${label} tidak ada di server PostgreSQL; buat dulu dengan CREATE DATABASE.`);
  if (/SSL|certificate|self[- ]signed/i.test(message)) {
    return new AppError('io', `Sambungan TLS ke server PostgreSQL ${label} gagal: sertifikat server tidak dapat diverifikasi atau server tidak mendukung TLS (lihat sslmode di README).`);
  }
  return new AppError('io', `Server PostgreSQL ${label} menolak permintaan (${code ?? 'tanpa kode'}); database tidak diubah.`);
}
