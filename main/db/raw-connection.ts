import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';

/**
 * The better-sqlite3 connection the DataSource owns. Bulk paths (demo load, import commit) use it with
 * prepared statements: DESIGN.md measured TypeORM's insert/save paths at 3.5–23× the raw cost because they
 * inline values and never reuse a statement, while the driver's own connection runs at 1.0×.
 */
export function rawConnection(dataSource: DataSource): BetterSqlite3.Database {
  const connection = (dataSource.driver as unknown as { databaseConnection?: BetterSqlite3.Database }).databaseConnection;
  if (!connection) throw new Error('DataSource is not initialised');
  return connection;
}
