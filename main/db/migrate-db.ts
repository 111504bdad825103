// migrate-db: moves a whole Jenjang database between a SQLite file and a PostgreSQL server, in either direction.
// Every table (the derived ones too) in one transaction on the target: COPY … FROM STDIN toward PostgreSQL,
// prepared inserts toward SQLite; identities moved past the copied ids; then every table is read back inside the
// same transaction and its row count and checksum compared with the source's before anything is committed. Two
// variants work on a server database in use: adding a file's tables into its empty tables (the demo on a server),
// and replacing its whole content with a file's (a restore, replaceServerWithFile: the same copy after one TRUNCATE
// of every table, inside the same transaction).
//
// The checksum of a table is computed the same way on both sides, from the rows as read: each value is first
// normalised by its column's normalised type (main/db/schema-shape.ts) so that the two databases' spellings of one
// value agree (integer: the exact decimal of the 64-bit value; real: the shortest decimal of the double; boolean:
// "1"/"0", whether SQLite's 0/1 or PostgreSQL's true/false; text as it is; blob as hex; null as null), the columns
// are taken in name order, the row is hashed (SHA-256 of its JSON), and the first 64 bits of the row hashes are
// added up modulo 2^64. A sum does not depend on the order rows come in (neither database promises one without
// ORDER BY) and, unlike XOR, still sees a row that appears twice. The checksum is "<rows>:<sum in hex>".

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { AppError } from '../../shared/errors';
import { announceChange } from './change-feed';
import { connectionLabel, describeConnection, pgClientConfig, type DatabaseConnection, type PostgresConnection, type SqliteConnection } from './connection';
import { SEEDED_COMPETENCY_CODES } from './migrations/1764200000000-competency-maps';
import { MIGRATION_NAMES } from './migrations';
import { openDatabase, openPostgresDatabase, translatePostgresError, type OpenedDatabase } from './open-database';
import { rawConnection } from './raw-connection';
import { copyRows } from './sql/copy.sql';
import { postgresRun } from './sql/run';
import { describeShape, postgresSchemaShape, sqliteSchemaShape, type ColumnShape, type SchemaShape, type TableShape } from './schema-shape';
import type { SqliteDatabase } from './sqlite-connection';

type Value = null | bigint | number | string | boolean | Buffer;

export interface TableCopy {
  table: string;
  rows: number;
  /** "<rows>:<64-bit sum in hex>", equal on both sides (see the head of this file). */
  checksum: string;
}

export interface MigrateDbResult {
  from: string;
  to: string;
  tables: TableCopy[];
  rows: number;
}

// ── checksums ────────────────────────────────────────────────────────────────────────────────────────────────

function canonical(value: Value, type: string): string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return `x${value.toString('hex')}`;
  switch (type) {
    case 'integer':
      try {
        return BigInt(value as bigint | number | string | boolean).toString();
      } catch {
        return String(value); // SQLite lets a text sit in an integer column; it is compared as the text
      }
    case 'real':
      return String(Number(value));
    case 'boolean':
      return (typeof value === 'boolean' ? value : Number(value) !== 0) ? '1' : '0';
    default:
      return String(value);
  }
}

class TableChecksum {
  private sum = 0n;
  rows = 0;
  /** Positions of `columns` in name order, and their types. */
  private readonly byName: Array<{ index: number; type: string }>;

  constructor(columns: ColumnShape[]) {
    this.byName = columns.map((c, index) => ({ name: c.name, index, type: c.type }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(({ index, type }) => ({ index, type }));
  }

  /** `row` in the order of the table's columns. */
  add(row: Value[]): void {
    const values = this.byName.map(({ index, type }) => canonical(row[index], type));
    const digest = crypto.createHash('sha256').update(JSON.stringify(values)).digest();
    this.sum = (this.sum + digest.readBigUInt64BE(0)) & 0xffff_ffff_ffff_ffffn;
    this.rows += 1;
  }

  toString(): string {
    return `${this.rows}:${this.sum.toString(16).padStart(16, '0')}`;
  }
}

// ── table order ──────────────────────────────────────────────────────────────────────────────────────────────

/** Tables in an order where every table comes after the tables its foreign keys point to. */
export function tablesInDependencyOrder(shape: SchemaShape): TableShape[] {
  const ordered: TableShape[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: TableShape) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name)) throw new Error(`migrate-db: foreign keys form a cycle through ${table.name}`);
    visiting.add(table.name);
    for (const key of table.foreignKeys) {
      const target = shape.get(key.table);
      if (target && target.name !== table.name) visit(target);
    }
    visiting.delete(table.name);
    done.add(table.name);
    ordered.push(table);
  };
  for (const table of [...shape.values()].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return ordered;
}

/** A table that points at itself (the unit tree): its rows in an order where a referenced row comes first. */
async function* parentsFirst(table: TableShape, rows: AsyncIterable<Value[]>): AsyncIterable<Value[]> {
  const selfKeys = table.foreignKeys.filter((k) => k.table === table.name && k.columns.length === 1 && k.referencedColumns.length === 1);
  if (selfKeys.length === 0) {
    yield* rows;
    return;
  }
  const index = (name: string) => table.columns.findIndex((c) => c.name === name);
  const pending: Value[][] = [];
  for await (const row of rows) pending.push(row);
  const references = selfKeys.map((k) => ({ from: index(k.columns[0]), to: index(k.referencedColumns[0]) }));
  const present = new Set<string>();
  let remaining = pending;
  while (remaining.length > 0) {
    const next: Value[][] = [];
    for (const row of remaining) {
      const ready = references.every(({ from, to }) => row[from] === null || String(row[from]) === String(row[to]) || present.has(`${to}:${String(row[from])}`));
      if (ready) {
        for (const { to } of references) present.add(`${to}:${String(row[to])}`);
        yield row;
      } else next.push(row);
    }
    if (next.length === remaining.length) {
      yield* next; // a cycle: the target's own foreign key check names it
      return;
    }
    remaining = next;
  }
}

// ── the two sides ────────────────────────────────────────────────────────────────────────────────────────────

interface Side {
  label: string;
  shape: SchemaShape;
  /** The rows of a table, each in the order of `table.columns`. */
  rows(table: TableShape): AsyncIterable<Value[]>;
  close(): Promise<void>;
}

interface TargetSide extends Side {
  /** The first table holding data a fresh migration did not put there, or null when the database is empty. */
  firstTableWithData(): Promise<string | null>;
  /** Adding into a database in use (PostgreSQL only): inside the transaction, keeps other desks from writing to
   *  `table` until the commit and says whether it holds data a fresh migration did not put there. */
  lockIfEmpty?(table: TableShape): Promise<boolean>;
  begin(): Promise<void>;
  write(table: TableShape, rows: AsyncIterable<Value[]>): Promise<void>;
  /** After the copy: identities / sequences past the largest copied id (of `tables`). */
  afterCopy(tables: readonly TableShape[]): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** A target created by this run is removed when the copy fails. */
  discard(): Promise<void>;
  /** One statement inside the copy's transaction (PostgreSQL: `$1` placeholders); see MigrateDbOptions.beforeCommit. */
  query?(sql: string, parameters: unknown[]): Promise<unknown[]>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const columnList = (table: TableShape) => table.columns.map((c) => quote(c.name)).join(', ');

async function emptinessOf(tables: Iterable<TableShape>, count: (sql: string, parameters: unknown[]) => Promise<number>): Promise<string | null> {
  for (const table of tables) {
    const seeded = table.name === 'competency_definition';
    const where = seeded ? ` WHERE code NOT IN (${SEEDED_COMPETENCY_CODES.map((_, i) => `$${i + 1}`).join(', ')})` : '';
    if (await count(`SELECT count(*) AS n FROM (SELECT 1 FROM ${quote(table.name)}${where} LIMIT 1) x`, seeded ? [...SEEDED_COMPETENCY_CODES] : [])) return table.name;
  }
  return null;
}

function sqliteRows(db: SqliteDatabase, table: TableShape): AsyncIterable<Value[]> {
  const statement = db.prepare(`SELECT ${columnList(table)} FROM ${quote(table.name)}`).raw(true).safeIntegers(true);
  return (async function* () {
    for (const row of statement.iterate() as Iterable<Value[]>) yield row;
  })();
}

async function openSqliteSource(connection: SqliteConnection, nativeBinding: string | undefined): Promise<Side> {
  // Read-only: the file is never changed; an older schema is read from a migrated temporary copy.
  const opened = await openDatabase(connection.path, { create: false, readOnly: true, nativeBinding });
  const db = rawConnection(opened.dataSource);
  db.exec('BEGIN'); // one consistent view of every table
  return {
    label: connection.path,
    shape: sqliteSchemaShape(db),
    rows: (table) => sqliteRows(db, table),
    async close() {
      if (db.inTransaction) db.exec('ROLLBACK');
      await opened.close();
    },
  };
}

async function openSqliteTarget(connection: SqliteConnection, nativeBinding: string | undefined): Promise<TargetSide> {
  const existed = fs.existsSync(connection.path) && fs.statSync(connection.path).size > 0;
  let opened: OpenedDatabase;
  if (existed) {
    // Looked at read-only first: a database with data is refused before anything writes to it.
    const look = await openDatabase(connection.path, { create: false, readOnly: true, nativeBinding });
    try {
      const db = rawConnection(look.dataSource);
      const table = await emptinessOf(sqliteSchemaShape(db).values(), async (sql, parameters) => Number((db.prepare(sql.replace(/\$\d+/g, '?')).get(...parameters) as { n: number }).n));
      if (table) throw nonEmptyTarget(connection.path, table);
    } finally {
      await look.close();
    }
  }
  opened = await openDatabase(connection.path, { create: true, nativeBinding });
  const db = rawConnection(opened.dataSource);
  const shape = sqliteSchemaShape(db);
  const removeCreated = () => {
    if (existed) return;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${connection.path}${suffix}`, { force: true });
  };
  return {
    label: connection.path,
    shape,
    rows: (table) => sqliteRows(db, table),
    firstTableWithData: () => emptinessOf(shape.values(), async (sql, parameters) => Number((db.prepare(sql.replace(/\$\d+/g, '?')).get(...parameters) as { n: number }).n)),
    async begin() {
      db.exec('BEGIN IMMEDIATE');
      // Checked at COMMIT rather than per row: the copy order already satisfies them, this is the net.
      db.pragma('defer_foreign_keys = ON');
      db.prepare('DELETE FROM competency_definition').run();
    },
    async write(table, rows) {
      const insert = db.prepare(`INSERT INTO ${quote(table.name)} (${columnList(table)}) VALUES (${table.columns.map(() => '?').join(', ')})`);
      const booleans = table.columns.map((c) => c.type === 'boolean');
      for await (const row of rows) insert.run(...row.map((value, i) => (booleans[i] && typeof value === 'boolean' ? (value ? 1 : 0) : value)));
    },
    async afterCopy(_tables) {
      // AUTOINCREMENT keeps its counter in sqlite_sequence, which SQLite raises on every explicit id.
    },
    async commit() {
      db.exec('COMMIT');
    },
    async rollback() {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
    async close() {
      await opened.close();
    },
    async discard() {
      removeCreated();
    },
  };
}

async function connectPg(connection: PostgresConnection): Promise<pg.Client> {
  const client = new pg.Client(pgClientConfig(connection));
  try {
    await client.connect();
  } catch (error) {
    throw translatePostgresError(error, connectionLabel(connection));
  }
  client.on('error', () => undefined); // a dropped connection surfaces as the failing query's error
  return client;
}

/** A SQLite value as the PostgreSQL column of `type` takes it (SQLite keeps booleans as 0/1); copyField writes it. */
function forServer(value: Value, type: string): Value {
  if (type === 'boolean' && value !== null && typeof value !== 'boolean') return Number(value) !== 0;
  return value;
}

const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

function fromCopyField(text: string, type: string): Value {
  if (text === '\\N') return null;
  const raw = text.includes('\\') ? text.replace(/\\([bfnrtv\\])/g, (_all, c: string) => COPY_ESCAPES[c]) : text;
  switch (type) {
    case 'integer':
      return BigInt(raw);
    case 'real':
      return Number(raw);
    case 'boolean':
      return raw === 't';
    case 'blob':
      return Buffer.from(raw.replace(/^\\x/, ''), 'hex');
    default:
      return raw;
  }
}

function postgresRows(client: pg.Client, table: TableShape): AsyncIterable<Value[]> {
  return (async function* () {
    const stream = client.query(copyTo(`COPY (SELECT ${columnList(table)} FROM ${quote(table.name)}) TO STDOUT`));
    stream.setEncoding('utf8');
    let buffered = '';
    for await (const chunk of stream as AsyncIterable<string>) {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        yield line.split('\t').map((field, i) => fromCopyField(field, table.columns[i].type));
      }
    }
  })();
}

async function openPostgresSide(connection: PostgresConnection, role: 'source' | 'target' | 'replaced'): Promise<{ client: pg.Client; shape: SchemaShape; label: string; existingData: string | null }> {
  const label = connectionLabel(connection);
  // Opened first through TypeORM without migrating: a foreign or newer database is refused before anything.
  const look = await openPostgresDatabase(connection, { migrate: false });
  let existingData: string | null = null;
  try {
    const applied: Array<{ name: string }> = (await look.dataSource.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'migrations'`)).length
      ? await look.dataSource.query(`SELECT name FROM "migrations"`) : [];
    if (role === 'source' && applied.length < MIGRATION_NAMES.length) {
      throw new AppError('validation', `Database sumber ${label} belum berisi database Jenjang dengan skema terbaru; tidak ada yang dipindahkan.`);
    }
    // Replacing a database in use: it is the running app's, already at this version's schema (never migrated here).
    if (role === 'replaced' && applied.length !== MIGRATION_NAMES.length) {
      throw new AppError('validation', `Database ${label} tidak berskema Jenjang versi ini (${applied.length} dari ${MIGRATION_NAMES.length} langkah skema); pemulihan dibatalkan. Database tidak diubah.`);
    }
    if (role === 'target' && applied.length > 0) {
      const shape = await postgresSchemaShape((sql, parameters) => look.dataSource.query(sql, parameters));
      existingData = await emptinessOf(shape.values(), async (sql, parameters) => Number((await look.dataSource.query(sql, parameters))[0].n));
    }
    if (role === 'target' && !existingData) await look.dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await look.close();
  }
  const client = await connectPg(connection);
  const shape = await postgresSchemaShape(async (sql, parameters) => (await client.query(sql, parameters)).rows);
  return { client, shape, label, existingData };
}

async function openPostgresSource(connection: PostgresConnection): Promise<Side> {
  const { client, shape, label } = await openPostgresSide(connection, 'source');
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  return {
    label, shape,
    rows: (table) => postgresRows(client, table),
    async close() {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

async function openPostgresTarget(connection: PostgresConnection, { adding = false, replacing }: { adding?: boolean; replacing?: ReplaceOptions } = {}): Promise<TargetSide> {
  const { client, shape, label, existingData } = await openPostgresSide(connection, replacing ? 'replaced' : 'target');
  let copiedTables: string[] = [];
  if (existingData && !adding && !replacing) {
    await client.end();
    throw nonEmptyTarget(label, existingData);
  }
  return {
    label, shape,
    rows: (table) => postgresRows(client, table),
    firstTableWithData: () => emptinessOf(shape.values(), async (sql, parameters) => Number((await client.query(sql, parameters)).rows[0].n)),
    query: async (sql, parameters) => (await client.query(sql, parameters)).rows,
    async begin() {
      await client.query('BEGIN');
      if (replacing) {
        await emptyForReplacement(client, shape, replacing);
        return;
      }
      // Adding: the seeded dictionary goes only when the source brings its own (lockIfEmpty found no other row).
      if (!adding) await client.query('DELETE FROM competency_definition');
    },
    async lockIfEmpty(table) {
      // EXCLUSIVE: other desks still read the table, none writes to it until this copy commits or rolls back.
      await client.query(`LOCK TABLE ${quote(table.name)} IN EXCLUSIVE MODE`);
      const hasData = (await emptinessOf([table], async (sql, parameters) => Number((await client.query(sql, parameters)).rows[0].n))) !== null;
      if (!hasData && table.name === 'competency_definition') await client.query('DELETE FROM competency_definition');
      return !hasData;
    },
    async write(table, rows) {
      const types = table.columns.map((c) => c.type);
      const converted = async function* () {
        for await (const row of rows) yield row.map((value, i) => forServer(value, types[i]));
      };
      await copyRows(client, table.name, table.columns.map((c) => c.name), converted());
    },
    async afterCopy(tables) {
      const copied = new Set(tables.map((t) => t.name));
      copiedTables = [...copied];
      const identities: Array<{ table_name: string; column_name: string }> = (await client.query(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`)).rows;
      for (const { table_name, column_name } of identities.filter((i) => copied.has(i.table_name))) {
        await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(column_name)}) FROM ${quote(table_name)}), 0) + 1, false)`, [quote(table_name), column_name]);
      }
    },
    async commit() {
      // Sent inside the transaction: the other desks hear of the replacement when (and only if) it commits.
      if (replacing?.announce) await announceChange(postgresRun(async (sql, params) => (await client.query(sql, params)).rows), { scope: 'all', desk: crypto.randomUUID() });
      await client.query('COMMIT');
      // Planner statistics and the visibility map of the tables just filled: until autovacuum comes by, the planner
      // takes each for empty (a nested loop over 2,000 people took 3.5 s instead of milliseconds) and index-only scans
      // still read every row. VACUUM runs outside a transaction; the copy is committed whether or not it succeeds.
      if (copiedTables.length > 0) await client.query(`VACUUM (ANALYZE) ${copiedTables.map(quote).join(', ')}`).catch(() => undefined);
    },
    async rollback() {
      await client.query('ROLLBACK').catch(() => undefined);
    },
    async close() {
      await client.end();
    },
    async discard() {
      // The target database belongs to the server's administrator: it stays, migrated and empty.
    },
  };
}

/** Replacing a server database's content (a restore): the jobs that must not run meanwhile, each an advisory
 *  lock key (the job locks' names, main/services/locks/job-locks.ts) and the refusal when another desk holds it. */
export interface ReplaceOptions {
  exclusiveWith: Array<{ lockName: string; busyMessage(holder: string | null): string }>;
  /** Tell every desk (the change feed) that all data changed, with the commit. */
  announce?: boolean;
  /** How long the emptying waits for other desks' transactions on the tables before giving up (ms). */
  lockTimeoutMs?: number;
}

/**
 * First step of a replacement, inside its transaction: the advisory locks of the exclusive jobs (an import, a
 * talent session being fixed, another restore) for as long as the transaction lasts (a job starting meanwhile is
 * refused by its own try-lock; one running refuses this replacement), then every table emptied in one TRUNCATE,
 * which holds them against every other desk's reads and writes until the commit or rollback.
 */
async function emptyForReplacement(client: pg.Client, shape: SchemaShape, options: ReplaceOptions): Promise<void> {
  await takeExclusiveLocks(client, options.exclusiveWith);
  await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(options.lockTimeoutMs ?? 60_000))}`);
  await client.query(`TRUNCATE ${[...shape.keys()].sort().map(quote).join(', ')} RESTART IDENTITY`);
}

/** Inside the caller's transaction: the advisory locks of `locks`, until its end; refuses when another holds one. */
async function takeExclusiveLocks(client: pg.Client, locks: ReplaceOptions['exclusiveWith']): Promise<void> {
  for (const { lockName, busyMessage } of locks) {
    const locked = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [lockName])).rows[0]?.locked === true;
    if (!locked) {
      const holder = (await client.query<{ holder: string }>('SELECT holder FROM job_lock WHERE name = $1', [lockName]).catch(() => ({ rows: [] as Array<{ holder: string }> }))).rows[0]?.holder ?? null;
      throw new AppError('busy', busyMessage(holder));
    }
  }
}

/** Refuses (as a replacement would) when another desk holds one of `locks`, without changing anything: the check
 *  made before the slow steps that come ahead of a replacement (the copy of the data it replaces). */
export async function refuseWhileLocked(server: PostgresConnection, locks: ReplaceOptions['exclusiveWith']): Promise<void> {
  const client = await connectPg(server);
  try {
    await client.query('BEGIN');
    await takeExclusiveLocks(client, locks);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

function nonEmptyTarget(label: string, table: string, adding = false): AppError {
  if (adding) return new AppError('conflict', `Database ${label} sudah berisi data di tabel ${table}; data ini hanya dapat ditambahkan ke tabel yang masih kosong. Tidak ada yang diubah.`);
  return new AppError('conflict', `Database tujuan ${label} sudah berisi data (tabel ${table}); migrate-db hanya mengisi database yang masih kosong. Tidak ada yang diubah.`);
}

/** Whether a table's row stream has a row (the stream is closed after the first). */
async function firstRowOf(rows: AsyncIterable<Value[]>): Promise<boolean> {
  for await (const _row of rows) return true;
  return false;
}

// ── the copy ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface MigrateDbOptions {
  nativeBinding?: string;
  /** Adds the source into a PostgreSQL database already in use instead of filling an empty one: only the tables
   *  holding rows in the source are copied, each of them must be empty on the target (locked against other desks'
   *  writes until the commit), and the other tables are left as they are (the demo load on a server). */
  adding?: boolean;
  /** Replaces the content of a PostgreSQL database in use (a restore): see replaceServerWithFile. */
  replacing?: ReplaceOptions;
  /** Told after each table is written (and awaited: the copy goes on when it is done; a throw rolls it back), with
   *  how many of the tables to copy are done. */
  onTable?(copy: TableCopy, progress: { done: number; total: number }): void | Promise<void>;
  /** Adding: the caller's last writes in the same transaction, after every copied table was verified (the demo's
   *  settings the office has not set: a table in use, so it cannot take part in the copy itself). PostgreSQL's
   *  `$1` placeholders. */
  beforeCommit?(query: (sql: string, parameters: unknown[]) => Promise<unknown[]>): Promise<void>;
}

/** Copies the database `fromValue` names into the empty database `toValue` names (one a SQLite file, the other
 *  a postgres:// URL), verified table by table before the commit. */
export async function migrateDatabase(fromValue: string, toValue: string, options: MigrateDbOptions = {}): Promise<MigrateDbResult> {
  return copyDatabase(describeConnection(fromValue), describeConnection(toValue), options);
}

/**
 * Replaces the whole content of the PostgreSQL database `server` is connected to (in use by the office's desks) with
 * the SQLite file `file`, in one transaction: the exclusive jobs' advisory locks, every table emptied, the file's
 * rows copied in, identities moved past the copied ids, every table read back and compared (rows and checksum)
 * with the file, then the commit (with the change feed's announcement). Any failure rolls everything back: the
 * server keeps its data as it was.
 */
export async function replaceServerWithFile(file: string, server: PostgresConnection, options: Omit<MigrateDbOptions, 'adding' | 'replacing'> & { replacing: ReplaceOptions }): Promise<MigrateDbResult> {
  return copyDatabase({ kind: 'sqlite', path: file }, server, options);
}

/** The team backup's copy: the server `server` is connected to into the new SQLite file `file`. */
export async function copyServerToFile(server: PostgresConnection, file: string, options: Pick<MigrateDbOptions, 'nativeBinding' | 'onTable'> = {}): Promise<MigrateDbResult> {
  return copyDatabase(server, { kind: 'sqlite', path: path.resolve(file) }, options);
}

/** Adds the content of the SQLite file `file` (a Jenjang database of the current schema) into the PostgreSQL
 *  database `server` is connected to, in one transaction: see MigrateDbOptions.adding. */
export async function addFileToServer(file: string, server: PostgresConnection, options: Omit<MigrateDbOptions, 'adding'> = {}): Promise<MigrateDbResult> {
  return copyDatabase({ kind: 'sqlite', path: file }, server, { ...options, adding: true });
}

async function copyDatabase(from: DatabaseConnection, to: DatabaseConnection, options: MigrateDbOptions): Promise<MigrateDbResult> {
  if ((options.adding || options.replacing) && to.kind !== 'postgres') throw new AppError('internal', 'migrate-db: adding into or replacing a database in use is for a PostgreSQL target only');
  if (from.kind === to.kind) {
    throw new AppError('validation', 'migrate-db memindahkan data antara berkas SQLite dan server PostgreSQL: satu sisi berkas .sqlite, sisi lain alamat postgres://.');
  }
  const source = from.kind === 'sqlite' ? await openSqliteSource(from, options.nativeBinding) : await openPostgresSource(from);
  let target: TargetSide | null = null;
  let committed = false;
  try {
    target = to.kind === 'sqlite' ? await openSqliteTarget(to, options.nativeBinding) : await openPostgresTarget(to, { adding: options.adding, replacing: options.replacing });
    const sourceLines = describeShape(source.shape);
    const targetLines = new Set(describeShape(target.shape));
    const differing = sourceLines.filter((line) => !targetLines.has(line));
    if (differing.length > 0 || sourceLines.length !== targetLines.size) {
      throw new AppError('validation', `Skema ${source.label} dan ${target.label} berbeda (${differing[0] ?? 'jumlah tabel/kolom'}); tidak ada yang dipindahkan.`);
    }
    if (!options.adding && !options.replacing) {
      const existing = await target.firstTableWithData();
      if (existing) throw nonEmptyTarget(target.label, existing);
    }
    const tables: TableShape[] = [];
    const copies: TableCopy[] = [];
    await target.begin();
    try {
      const ordered = tablesInDependencyOrder(source.shape);
      for (const [index, table] of ordered.entries()) {
        if (options.adding) {
          const first = await firstRowOf(source.rows(table));
          if (!first) continue;
          if (!(await target.lockIfEmpty!(table))) throw nonEmptyTarget(target.label, table.name, true);
        }
        tables.push(table);
        const checksum = new TableChecksum(table.columns);
        const counted = async function* (rows: AsyncIterable<Value[]>) {
          for await (const row of rows) {
            checksum.add(row);
            yield row;
          }
        };
        await target.write(table, counted(parentsFirst(table, source.rows(table))));
        const copy = { table: table.name, rows: checksum.rows, checksum: checksum.toString() };
        copies.push(copy);
        await options.onTable?.(copy, { done: index + 1, total: ordered.length });
      }
      await target.afterCopy(tables);
      // Read back inside the same transaction: nothing is committed unless every table matches.
      for (const [i, table] of tables.entries()) {
        const written = new TableChecksum(table.columns);
        for await (const row of target.rows(table)) written.add(row);
        if (written.toString() !== copies[i].checksum) {
          throw new AppError('internal', `Pemeriksaan gagal pada tabel ${table.name}: sumber ${copies[i].rows} baris (${copies[i].checksum}), tujuan ${written.rows} baris (${written.toString()}); tidak ada yang disimpan.`);
        }
      }
      if (options.beforeCommit) {
        if (!options.adding || !target.query) throw new AppError('internal', 'migrate-db: beforeCommit is for adding into a PostgreSQL database only');
        await options.beforeCommit(target.query);
      }
      await target.commit();
      committed = true;
    } catch (error) {
      await target.rollback();
      throw error instanceof AppError || to.kind === 'sqlite' ? error : translatePostgresError(error, target.label);
    }
    return { from: source.label, to: target.label, tables: copies, rows: copies.reduce((sum, c) => sum + c.rows, 0) };
  } finally {
    await source.close();
    if (target) {
      await target.close();
      if (!committed) await target.discard();
    }
  }
}

/** The checksum of every table of a database, as migrate-db computes it (for tests and for checking a copy later). */
export async function databaseChecksums(value: string, options: { nativeBinding?: string } = {}): Promise<Map<string, string>> {
  const connection = describeConnection(value);
  const side = connection.kind === 'sqlite' ? await openSqliteSource(connection, options.nativeBinding) : await openPostgresSource(connection);
  try {
    const sums = new Map<string, string>();
    for (const table of tablesInDependencyOrder(side.shape)) {
      const checksum = new TableChecksum(table.columns);
      for await (const row of side.rows(table)) checksum.add(row);
      sums.set(table.name, checksum.toString());
    }
    return sums;
  } finally {
    await side.close();
  }
}
