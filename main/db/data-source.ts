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
  /** A reader's connection (main/ipc/read-worker.ts): opened read-only, never migrates, never changes the journal mode. */
  readonly?: boolean;
}

/** A TypeORM DataSource over better-sqlite3: WAL, foreign keys on, migrations only (never synchronize). */
export function createDataSource({ database, nativeBinding, readonly = false }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database,
    nativeBinding,
    readonly,
    fileMustExist: readonly,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    enableWAL: database !== ':memory:' && !readonly,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
      db.pragma('synchronous = NORMAL');
      // A reader refuses writes twice over: the file is opened read-only, and query_only stops even temp tables.
      if (readonly) db.pragma('query_only = ON');
    },
  });
}
