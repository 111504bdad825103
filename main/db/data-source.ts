import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';

export interface DataSourceOptions {
  /** Path of the SQLite file, or ':memory:'. */
  database: string;
  /** Path of a better_sqlite3.node built for another runtime (Electron's ABI); default: the package's own. */
  nativeBinding?: string;
}

/** A TypeORM DataSource over better-sqlite3: WAL, foreign keys on, migrations only (never synchronize). */
export function createDataSource({ database, nativeBinding }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database,
    nativeBinding,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    enableWAL: database !== ':memory:',
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
      db.pragma('synchronous = NORMAL');
    },
  });
}
