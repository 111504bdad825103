// SQLite connection management, not query SQL: what main/db runs on a connection to open, check, copy, lock and
// bracket it (PRAGMAs, integrity checks, `VACUUM INTO`, the bulk and read transactions' BEGIN/COMMIT). The callers
// stay in main/db (open-database.ts, database-check.ts, backup.ts, encrypt-plain.ts, bulk-transaction.ts) and the
// reader worker; the statement texts are here, so every SQL text of Jenjang lives in this folder. A server
// dialect has its own connection management and does not mirror this module.

import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';

type Connection = BetterSqlite3.Database;

/** Identity and schema: what a file is, which migrations it applied, which tables, columns, indexes and triggers it has. */
const schema = {
  /** Jenjang's mark in the file header (database-identity.ts). */
  applicationId: (db: Connection): number => db.pragma('application_id', { simple: true }) as number,

  /** Tables, without SQLite's own. */
  userTables: (db: Connection): string[] =>
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string }>).map((r) => r.name),

  /** The migrations the file applied, in order (TypeORM's `migrations` table). */
  appliedMigrations: (db: { prepare(sql: string): { all(): unknown[] } }): string[] =>
    (db.prepare('SELECT name FROM migrations ORDER BY id').all() as Array<{ name: string }>).map((r) => r.name),

  /** Tables, indexes, triggers and views by name, without SQLite's own and TypeORM's `migrations`. */
  schemaObjects: (db: Connection): Array<{ type: string; name: string }> =>
    db.prepare(`SELECT type, name FROM sqlite_master
    WHERE type IN ('table', 'index', 'trigger', 'view') AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'`).all() as Array<{ type: string; name: string }>,

  /** A reader of the column names of any table, prepared once. */
  tableColumns: (db: Connection): ((table: string) => string[]) => {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)');
    return (table) => (columns.all(table) as Array<{ name: string }>).map((c) => c.name);
  },

  /** The rows of every table, by table name. */
  tableRowCounts: (db: Connection): Map<string, number> => {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>)
      .map((t) => t.name);
    return new Map(tables.map((name) => [name, db.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get() as number]));
  },
};

/** Checks: 'ok', or SQLite's first complaint. */
const checks = {
  quickCheck: (db: Connection): unknown => db.pragma('quick_check(1)', { simple: true }),
  integrityCheck: (db: Connection): unknown => db.pragma('integrity_check(1)', { simple: true }),
  /** Rows whose reference points at nothing. */
  foreignKeyViolations: (db: Connection): unknown[] => db.pragma('foreign_key_check') as unknown[],
};

/** Copies and file state. */
const files = {
  pageCount: (db: Connection): number => db.pragma('page_count', { simple: true }) as number,
  /** A consistent, compact copy under the connection's own key, even while others write. */
  vacuumInto: (db: Connection, destination: string): void => {
    db.prepare('VACUUM INTO ?').run(destination);
  },
  /** Moves the whole WAL into the database file and empties it. */
  checkpointTruncate: (db: Connection): void => {
    db.pragma('wal_checkpoint(TRUNCATE)');
  },
};

/** Transactions and locks on a raw connection. */
const transactions = {
  /** The write transaction of a bulk path: takes the write lock at once. */
  beginImmediate: (db: Connection): void => {
    db.exec('BEGIN IMMEDIATE');
  },
  /** A read transaction: every statement until the commit sees one snapshot. */
  beginRead: (db: Connection): void => {
    db.exec('BEGIN');
  },
  commit: (db: Connection): void => {
    db.exec('COMMIT');
  },
  rollback: (db: Connection): void => {
    db.exec('ROLLBACK');
  },
  /** Takes and releases an exclusive lock; throws SQLITE_BUSY (or SQLITE_LOCKED) while another connection holds the file. */
  takeExclusiveLock: (db: Connection): void => {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  },
  /** Rows changed by this connection since it opened. */
  totalChanges: (db: Connection): number => db.prepare('SELECT total_changes()').pluck().get() as number,
  /** Changes by other connections move this number (SQLite's data_version). */
  dataVersion: (db: Connection): number => db.pragma('data_version', { simple: true }) as number,
};

/** Settings of the DataSource's own connection. */
const dataSourceSettings = {
  /** Refuses every write on the connection (a read-only open). */
  queryOnly: async (dataSource: DataSource): Promise<void> => {
    await dataSource.query('PRAGMA query_only = 1');
  },
  /** SQLite's advice for long-lived connections: refresh planner statistics that have gone stale, cheaply. */
  optimize: async (dataSource: DataSource): Promise<void> => {
    await dataSource.query('PRAGMA optimize=0x10002');
  },
};

export const sqliteAdmin = { ...schema, ...checks, ...files, ...transactions, ...dataSourceSettings };

export type SqliteAdmin = typeof sqliteAdmin;
