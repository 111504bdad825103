import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { pgClientConfig, type PostgresConnection } from './connection';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { applyDatabaseKey, keyForFile, SqliteDriver, type DatabaseKey } from './sqlite-connection';

export interface DataSourceOptions {
  /** Path of the SQLite file, or ':memory:'. */
  database: string;
  /** Path of a better_sqlite3.node built for another runtime (Electron's ABI); default: the package's own. */
  nativeBinding?: string;
  /** A reader's connection (main/ipc/read-worker.ts): opened read-only, never migrates, never changes the journal mode. */
  readonly?: boolean;
  /** The file's key (null: a plain file); found with keyForFile when not given. */
  key?: DatabaseKey;
}

/** A TypeORM DataSource over better-sqlite3-multiple-ciphers: keyed, WAL, foreign keys on, migrations only
 *  (never synchronize). */
export function createDataSource({ database, nativeBinding, readonly = false, key }: DataSourceOptions): DataSource {
  const databaseKey = database === ':memory:' ? null : key !== undefined ? key : keyForFile(database, { nativeBinding });
  return new DataSource({
    type: 'better-sqlite3',
    driver: SqliteDriver,
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
      // The key before anything else reads the file (WAL and journal pages are encrypted with it too).
      applyDatabaseKey(db, databaseKey);
      db.pragma('busy_timeout = 5000');
      // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
      db.pragma('synchronous = NORMAL');
      // An encrypted page is decrypted each time SQLite reads it from the file, so the page cache decides what
      // encryption costs: at the default 2 MB a 50,000-employee list page re-read (and re-decrypted) most of its
      // pages on every call (+283 % against a plain file); 64 MB per connection keeps a list's working set.
      db.pragma('cache_size = -65536');
      // Sorts and temporary indexes stay in memory rather than in (encrypted) temp files.
      db.pragma('temp_store = MEMORY');
      // A reader refuses writes twice over: the file is opened read-only, and query_only stops even temp tables.
      if (readonly) db.pragma('query_only = ON');
    },
  });
}

/**
 * A TypeORM DataSource over a PostgreSQL server of the office (team mode; `pg`): the same entities, the same
 * migrations (each branches on the driver where the SQL differs, main/db/migrations/README.md), never synchronize.
 * int8 comes back as a number, as SQLite's 64-bit integers do: every integer column is bigint on PostgreSQL.
 */
export function createPostgresDataSource(connection: PostgresConnection): DataSource {
  const client = pgClientConfig(connection);
  const dataSource = new DataSource({
    type: 'postgres',
    host: client.host,
    port: client.port,
    username: client.user,
    password: client.password,
    database: client.database,
    ssl: client.ssl,
    applicationName: client.application_name,
    parseInt8: true,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
  });
  serverConnections.set(dataSource, connection);
  return dataSource;
}

const serverConnections = new WeakMap<DataSource, PostgresConnection>();

/** The server connection a team-mode DataSource was made from (what opens a second connection beside it: the
 *  change feed's listener, the demo load's copy); null for a SQLite DataSource. */
export function serverConnectionOf(dataSource: DataSource): PostgresConnection | null {
  return serverConnections.get(dataSource) ?? null;
}
