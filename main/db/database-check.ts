// What a file holds, decided by looking at it read-only. Opening a database (open-database.ts) looks at the cheap
// parts: the SQLite header, Jenjang's application id and the migrations applied. Restoring looks at everything,
// because a restore replaces all the office has: the tables and columns those migrations create, SQLite's full
// integrity check and every foreign key. Each refusal names its reason in Indonesian and changes nothing.

import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { formatNumberId } from '../../shared/format/id-format';
import { createDataSource } from './data-source';
import { JENJANG_APPLICATION_ID } from './database-identity';
import { MIGRATIONS, MIGRATION_NAMES } from './migrations';
import { databaseSummaryCounts } from './sql/maintenance.sql';
import { sqliteAdmin } from './sql/sqlite-admin.sql';
import { keyForFile, openSqlite, type DatabaseKey, type SqliteDatabase } from './sqlite-connection';

export interface DatabaseInspection {
  applicationId: number;
  tables: string[];
  appliedMigrations: string[];
}

/** What a database holds, in the figures an officer recognises before replacing one database by another. */
export interface DatabaseSummary {
  employees: number;
  activeEmployees: number;
  units: number;
  positions: number;
  /** Time of the latest audit entry (every write the app makes leaves one), ISO; null when there is none. */
  lastChangeAt: string | null;
  /** Schema steps the file has applied, and those this build would still apply to it. */
  appliedMigrations: number;
  pendingMigrations: number;
}

/**
 * A read-only connection, keyed (sqlite-connection.ts: the key that opens the file, or none for a plain file;
 * `alsoTry`: keys to try before this OS user's own, such as one typed from a recovery key). Such a connection to
 * a WAL database leaves an empty -wal and a -shm behind; `close` removes those it created, unless the WAL holds
 * data (then someone else is using the file).
 */
export function openReadOnly(filePath: string, nativeBinding?: string, alsoTry?: Buffer[]): { db: SqliteDatabase; key: DatabaseKey; close(): void } {
  const created = ['-wal', '-shm'].filter((suffix) => !fs.existsSync(filePath + suffix));
  const cleanUp = () => {
    const walLeft = fs.statSync(`${filePath}-wal`, { throwIfNoEntry: false });
    if (!walLeft || walLeft.size === 0) for (const suffix of created) fs.rmSync(filePath + suffix, { force: true });
  };
  let db: SqliteDatabase;
  let key: DatabaseKey;
  try {
    key = keyForFile(filePath, { nativeBinding, alsoTry });
    db = openSqlite(filePath, { readonly: true, fileMustExist: true, nativeBinding, key }).db;
  } catch (error) {
    cleanUp();
    throw error;
  }
  return {
    db,
    key,
    close() {
      db.close();
      cleanUp();
    },
  };
}

/** Runs `read` on a read-only connection (see openReadOnly). */
export function withReadOnlyConnection<T>(filePath: string, read: (db: SqliteDatabase) => T, nativeBinding?: string, alsoTry?: Buffer[]): T {
  const connection = openReadOnly(filePath, nativeBinding, alsoTry);
  try {
    return read(connection.db);
  } finally {
    connection.close();
  }
}

/** Identity and migration state, without writing a byte. Throws AppError for files that are not SQLite. */
export function inspectDatabaseFile(filePath: string, label = filePath): DatabaseInspection {
  try {
    return withReadOnlyConnection(filePath, (db) => {
      const inspection = readIdentity(db);
      const check = sqliteAdmin.quickCheck(db);
      if (check !== 'ok') throw new AppError('db_corrupt', `Berkas database rusak (${String(check)}). Pulihkan dari cadangan dengan perintah restore.`);
      return inspection;
    });
  } catch (error) {
    throw translateSqliteError(error, label);
  }
}

function readIdentity(db: SqliteDatabase): DatabaseInspection {
  const applicationId = sqliteAdmin.applicationId(db);
  const tables = sqliteAdmin.userTables(db);
  const appliedMigrations = tables.includes('migrations') ? sqliteAdmin.appliedMigrations(db) : [];
  return { applicationId, tables, appliedMigrations };
}

/** Migrations the file has applied that this build does not know: it was written by a newer Jenjang. */
export function unknownMigrations(inspection: DatabaseInspection): string[] {
  return inspection.appliedMigrations.filter((m) => !MIGRATION_NAMES.includes(m));
}

export function pendingMigrations(inspection: DatabaseInspection): string[] {
  return MIGRATION_NAMES.filter((m) => !inspection.appliedMigrations.includes(m));
}

/** The figures of `summary`, read on any connection to a Jenjang database (the app's own or a read-only one). */
export function summariseDatabase(db: SqliteDatabase, appliedMigrations: readonly string[]): DatabaseSummary {
  return summaryOf(databaseSummaryCounts(db), appliedMigrations);
}

/** The summary of figures read on any database (a file or a team database on the server) and its applied steps. */
export function summaryOf(counts: ReturnType<typeof databaseSummaryCounts>, appliedMigrations: readonly string[]): DatabaseSummary {
  return {
    ...counts,
    appliedMigrations: appliedMigrations.length,
    pendingMigrations: MIGRATION_NAMES.filter((m) => !appliedMigrations.includes(m)).length,
  };
}

/**
 * Checks that `filePath` is a complete Jenjang database a restore may put in place, and returns what it holds.
 * `label` names the file in messages (the name the officer chose, not a temporary upload path).
 * Refused: a folder, a missing or empty file, anything that is not SQLite, another program's database, a
 * Jenjang file without its schema history, a newer Jenjang's database, a history with gaps, a missing table,
 * column, index or trigger of the schema its history claims, a failed integrity check, broken references.
 * A plain file (a backup of an earlier version) and a file encrypted with a known key are both read; `alsoTry`
 * adds keys (one typed from a recovery key) for a backup made on another computer.
 */
export async function verifyCompleteDatabase(filePath: string, label: string, alsoTry?: Buffer[]): Promise<DatabaseSummary> {
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (!stat) throw new AppError('db_not_found', `Berkas cadangan tidak ditemukan: ${label}.`);
  if (stat.isDirectory()) throw new AppError('validation', `"${label}" adalah folder, bukan berkas cadangan; pilih berkas .sqlite di dalamnya.`);
  if (!stat.isFile()) throw new AppError('validation', `"${label}" bukan berkas biasa.`);
  if (stat.size === 0) throw new AppError('db_not_jenjang', `Berkas ${label} kosong (0 byte), bukan cadangan database Jenjang; mungkin cadangan yang terputus saat dibuat.`);
  if (stat.size < 512) throw new AppError('db_not_jenjang', `Berkas ${label} bukan database SQLite (mungkin rusak atau berformat lain), jadi bukan cadangan Jenjang.`);

  let identity: DatabaseInspection;
  try {
    identity = withReadOnlyConnection(filePath, readIdentity, undefined, alsoTry);
  } catch (error) {
    if (error instanceof AppError && error.details?.reason === 'unknown_key') {
      throw new AppError('db_not_jenjang', `Berkas ${label} bukan database SQLite (mungkin rusak atau berformat lain), atau cadangan Jenjang terenkripsi dengan kunci lain: bila cadangan ini dibuat di komputer lain, masukkan kunci pemulihan komputer itu.`, { reason: 'unknown_key' });
    }
    throw translateSqliteError(error, label);
  }
  if (identity.applicationId !== JENJANG_APPLICATION_ID) {
    throw new AppError('db_not_jenjang', identity.tables.length > 0
      ? `Berkas ${label} adalah database SQLite milik program lain, bukan cadangan Jenjang.`
      : `Berkas ${label} adalah database SQLite kosong, bukan cadangan Jenjang.`);
  }
  if (identity.appliedMigrations.length === 0) {
    throw new AppError('db_not_jenjang', `Berkas ${label} bertanda Jenjang tetapi tidak mencatat riwayat skemanya, jadi bukan cadangan Jenjang yang lengkap.`);
  }
  const unknown = unknownMigrations(identity);
  if (unknown.length > 0) {
    throw new AppError('db_schema_newer', `Cadangan ${label} berasal dari versi Jenjang yang lebih baru; perbarui aplikasi dulu.`, { unknownMigrations: unknown });
  }
  const steps = identity.appliedMigrations.length;
  const gap = MIGRATION_NAMES.slice(0, steps).findIndex((name, i) => identity.appliedMigrations[i] !== name);
  if (gap >= 0) {
    throw new AppError('db_not_jenjang', `Riwayat skema cadangan ${label} tidak berurutan (langkah ke-${gap + 1} tidak tercatat di tempatnya), jadi bukan cadangan Jenjang yang utuh.`);
  }

  const expected = await referenceSchema(steps);
  try {
    return withReadOnlyConnection(filePath, (db) => {
      const missing = missingSchemaObjects(readSchema(db), expected);
      if (missing.length > 0) {
        throw new AppError('db_not_jenjang', `Cadangan ${label} tidak lengkap: ${formatNumberId(missing.length)} tabel, kolom, indeks atau pemicu dari skemanya tidak ada, jadi bukan cadangan Jenjang yang utuh.`,
          { missing: missing.slice(0, 50) });
      }
      const integrity = sqliteAdmin.integrityCheck(db);
      if (integrity !== 'ok') throw new AppError('db_corrupt', `Cadangan ${label} rusak: pemeriksaan keutuhan SQLite gagal.`, { integrity: String(integrity) });
      const broken = sqliteAdmin.foreignKeyViolations(db);
      if (broken.length > 0) {
        throw new AppError('db_corrupt', `Cadangan ${label} tidak utuh: ${formatNumberId(broken.length)} data merujuk data lain yang tidak ada.`);
      }
      return summariseDatabase(db, identity.appliedMigrations);
    }, undefined, alsoTry);
  } catch (error) {
    throw translateSqliteError(error, label);
  }
}

/** Tables (with their columns), indexes and triggers, by name; `migrations` is TypeORM's own bookkeeping. */
type Schema = Map<string, { type: string; columns: string[] }>;

function readSchema(db: SqliteDatabase): Schema {
  const objects = sqliteAdmin.schemaObjects(db);
  const columnsOf = sqliteAdmin.tableColumns(db);
  return new Map(objects.map((o) => [o.name, {
    type: o.type,
    columns: o.type === 'table' ? columnsOf(o.name) : [],
  }]));
}

function missingSchemaObjects(actual: Schema, expected: Schema): string[] {
  const missing: string[] = [];
  for (const [name, object] of expected) {
    const found = actual.get(name);
    if (!found || found.type !== object.type) {
      missing.push(`${object.type} ${name}`);
      continue;
    }
    for (const column of object.columns) if (!found.columns.includes(column)) missing.push(`column ${name}.${column}`);
  }
  return missing;
}

const references = new Map<number, Promise<Schema>>();

/** The schema the first `steps` migrations create, built once per process in an in-memory database. */
function referenceSchema(steps: number): Promise<Schema> {
  let reference = references.get(steps);
  if (!reference) {
    reference = (async () => {
      const dataSource = createDataSource({ database: ':memory:' });
      await dataSource.initialize();
      const runner = dataSource.createQueryRunner();
      try {
        for (const Migration of MIGRATIONS.slice(0, steps)) await new Migration().up(runner);
        const db = (dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
        return readSchema(db);
      } finally {
        await runner.release();
        await dataSource.destroy();
      }
    })();
    reference.catch(() => references.delete(steps));
    references.set(steps, reference);
  }
  return reference;
}

export function translateSqliteError(error: unknown, label: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error)?.message ?? '';
  if (code === 'SQLITE_NOTADB' || /file is not a database/i.test(message)) {
    return new AppError('db_not_jenjang', `Berkas "${label}" bukan database SQLite (mungkin rusak atau berformat lain); berkas tidak diubah.`);
  }
  if (code.startsWith('SQLITE_CORRUPT') || /malformed/i.test(message)) {
    return new AppError('db_corrupt', `Berkas database "${label}" rusak; pulihkan dari cadangan dengan perintah restore.`);
  }
  if (code === 'SQLITE_CANTOPEN') return new AppError('io', `Berkas database "${label}" tidak dapat dibuka (periksa izin akses).`);
  if (code.startsWith('SQLITE_IOERR')) return new AppError('io', `Berkas "${label}" tidak dapat dibaca (kesalahan baca disk).`);
  return error;
}
