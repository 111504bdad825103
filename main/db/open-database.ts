// Opening a database file safely: look at it read-only first, and only hand it to TypeORM (which switches
// it to WAL and runs migrations, both writes) once we know it is ours and not from a newer Jenjang.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { AppError } from '../../shared/errors';
import { backupDatabaseFile, timestampForFileName } from './backup';
import { createDataSource } from './data-source';
import { JENJANG_APPLICATION_ID } from './database-identity';
import { MIGRATION_NAMES } from './migrations';

export interface OpenDatabaseOptions {
  /** Create the file (and its folder) when it does not exist. The CLI's read commands pass false. */
  create: boolean;
  nativeBinding?: string;
}

export interface OpenedDatabase {
  dataSource: DataSource;
  path: string;
  /** Migrations applied by this open. */
  migrated: string[];
  /** Copy taken before migrating an existing database, if any. */
  preMigrationBackup: string | null;
}

export interface DatabaseInspection {
  applicationId: number;
  tables: string[];
  appliedMigrations: string[];
}

export async function openDatabase(dbPath: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  let preMigrationBackup: string | null = null;
  if (dbPath !== ':memory:') {
    const resolved = path.resolve(dbPath);
    const stat = fs.statSync(resolved, { throwIfNoEntry: false });
    if (stat?.isDirectory()) throw new AppError('db_not_found', `"${dbPath}" adalah folder, bukan berkas database.`);
    if (!stat) {
      if (!options.create) throw new AppError('db_not_found', `Berkas database tidak ditemukan: ${dbPath}`);
      fs.mkdirSync(path.dirname(resolved), { recursive: true });
    } else if (stat.size > 0) {
      const inspection = inspectDatabaseFile(resolved);
      assertUsable(inspection, dbPath);
      const pending = MIGRATION_NAMES.filter((m) => !inspection.appliedMigrations.includes(m));
      if (pending.length > 0 && inspection.appliedMigrations.length > 0) {
        preMigrationBackup = `${resolved}.sebelum-migrasi-${timestampForFileName()}.sqlite`;
        await backupDatabaseFile(resolved, preMigrationBackup);
      }
    }
  }

  const dataSource = createDataSource({ database: dbPath, nativeBinding: options.nativeBinding });
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    // SQLite's advice for long-lived connections: refresh planner statistics that have gone stale, cheaply.
    await dataSource.query('PRAGMA optimize=0x10002');
    return { dataSource, path: dbPath, migrated: applied.map((m) => m.name), preMigrationBackup };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    throw translateSqliteError(error, dbPath);
  }
}

/** Reads identity and migration state without writing a byte. Throws AppError for files that are not SQLite. */
export function inspectDatabaseFile(filePath: string): DatabaseInspection {
  let db: Database.Database | null = null;
  // A read-only connection to a WAL database leaves an empty -wal and a -shm behind; remove what we created.
  const siblings = ['-wal', '-shm'].filter((suffix) => !fs.existsSync(filePath + suffix));
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string }>)
      .map((r) => r.name);
    const appliedMigrations = tables.includes('migrations')
      ? (db.prepare('SELECT name FROM migrations ORDER BY id').all() as Array<{ name: string }>).map((r) => r.name)
      : [];
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new AppError('db_corrupt', `Berkas database rusak (${String(check)}). Pulihkan dari cadangan dengan perintah restore.`);
    return { applicationId, tables, appliedMigrations };
  } catch (error) {
    throw translateSqliteError(error, filePath);
  } finally {
    db?.close();
    const walLeft = fs.statSync(`${filePath}-wal`, { throwIfNoEntry: false });
    if (!walLeft || walLeft.size === 0) for (const suffix of siblings) fs.rmSync(filePath + suffix, { force: true });
  }
}

function assertUsable(inspection: DatabaseInspection, dbPath: string): void {
  if (inspection.applicationId !== JENJANG_APPLICATION_ID) {
    if (inspection.tables.length > 0) {
      throw new AppError('db_not_jenjang', `Berkas "${dbPath}" adalah database SQLite milik program lain, bukan database Jenjang; berkas tidak diubah.`);
    }
    return; // an empty SQLite file: becomes a Jenjang database
  }
  const unknown = inspection.appliedMigrations.filter((m) => !MIGRATION_NAMES.includes(m));
  if (unknown.length > 0) {
    throw new AppError(
      'db_schema_newer',
      `Database "${dbPath}" dibuat oleh versi Jenjang yang lebih baru (skema ${unknown[unknown.length - 1]}); perbarui aplikasi untuk membukanya. Berkas tidak diubah.`,
      { unknownMigrations: unknown },
    );
  }
}

export function translateSqliteError(error: unknown, dbPath: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error)?.message ?? '';
  if (code === 'SQLITE_NOTADB' || /file is not a database/i.test(message)) {
    return new AppError('db_not_jenjang', `Berkas "${dbPath}" bukan database SQLite (mungkin rusak atau berformat lain); berkas tidak diubah.`);
  }
  if (code.startsWith('SQLITE_CORRUPT') || /malformed/i.test(message)) {
    return new AppError('db_corrupt', `Berkas database "${dbPath}" rusak; pulihkan dari cadangan dengan perintah restore.`);
  }
  if (code === 'SQLITE_CANTOPEN') return new AppError('io', `Berkas database "${dbPath}" tidak dapat dibuka (periksa izin akses).`);
  return error;
}
