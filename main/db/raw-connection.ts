import type { DataSource } from 'typeorm';
import { AppError } from '../../shared/errors';
import type { SqliteDatabase } from './sqlite-connection';
import { isPostgresManager } from './sql/dialect-of-manager';

/**
 * The better-sqlite3(-multiple-ciphers) connection the DataSource owns, keyed. Bulk paths (demo load, import commit) use it with
 * prepared statements: DESIGN.md measured TypeORM's insert/save paths at 3.5–23× the raw cost because they
 * inline values and never reuse a statement, while the driver's own connection runs at 1.0×.
 */
export function rawConnection(dataSource: DataSource): SqliteDatabase {
  // Team mode has no such connection: what still needs one says so in a sentence instead of failing obscurely.
  if (isPostgresManager(dataSource)) throw new AppError('validation', SQLITE_ONLY_IN_TEAM_MODE);
  const connection = (dataSource.driver as unknown as { databaseConnection?: SqliteDatabase }).databaseConnection;
  if (!connection) throw new Error('DataSource is not initialised');
  return connection;
}

/** What a path that still runs on the SQLite connection itself answers in team mode (PostgreSQL). */
export const SQLITE_ONLY_IN_TEAM_MODE = 'Bagian ini belum dapat dipakai di mode tim (server PostgreSQL) pada versi ini: ia masih bekerja langsung pada berkas SQLite.';
