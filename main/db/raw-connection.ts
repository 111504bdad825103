import type { DataSource } from 'typeorm';
import type { SqliteDatabase } from './sqlite-connection';

/**
 * The better-sqlite3(-multiple-ciphers) connection the DataSource owns, keyed. Bulk paths (demo load, import commit) use it with
 * prepared statements: DESIGN.md measured TypeORM's insert/save paths at 3.5–23× the raw cost because they
 * inline values and never reuse a statement, while the driver's own connection runs at 1.0×.
 */
export function rawConnection(dataSource: DataSource): SqliteDatabase {
  const connection = (dataSource.driver as unknown as { databaseConnection?: SqliteDatabase }).databaseConnection;
  if (!connection) throw new Error('DataSource is not initialised');
  return connection;
}
