import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeConnection, type PostgresConnection } from '../../main/db/connection';
import { MIGRATION_NAMES } from '../../main/db/migrations';
import { openDatabase, openPostgresDatabase, type OpenedDatabase, type OpenedPostgresDatabase } from '../../main/db/open-database';
import { rawConnection } from '../../main/db/raw-connection';
import { describeShape, postgresSchemaShape, sqliteSchemaShape, type SchemaShape } from '../../main/db/schema-shape';
import { usePostgresDatabase } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-db';

/** Facts only one side has, as readable lines ("nur di SQLite" / "only in PostgreSQL"). */
function schemaDiff(sqlite: SchemaShape, postgres: SchemaShape): string[] {
  const a = new Set(describeShape(sqlite));
  const b = new Set(describeShape(postgres));
  return [
    ...[...a].filter((line) => !b.has(line)).map((line) => `only in SQLite:     ${line}`),
    ...[...b].filter((line) => !a.has(line)).map((line) => `only in PostgreSQL: ${line}`),
  ];
}

describe('one set of migrations, the same schema on SQLite and PostgreSQL', () => {
  let sqlite: OpenedDatabase;
  let postgres: OpenedPostgresDatabase;
  let connection: PostgresConnection;

  beforeAll(async () => {
    sqlite = await openDatabase(path.join(tempDir(), 'skema.sqlite'), { create: true });
    const database = await usePostgresDatabase();
    connection = describeConnection(database.url) as PostgresConnection;
    postgres = await openPostgresDatabase(connection);
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  it('applies every migration on both', () => {
    expect(sqlite.migrated).toEqual(MIGRATION_NAMES);
    expect(postgres.migrated).toEqual(MIGRATION_NAMES);
  });

  it('gives both the same tables, columns (normalised type, nullability), keys, unique constraints, indexes and name search', async () => {
    const sqliteShape = sqliteSchemaShape(rawConnection(sqlite.dataSource));
    const postgresShape = await postgresSchemaShape((sql, parameters) => postgres.dataSource.query(sql, parameters));
    // The comparison is only as good as what it reads: the shape of both must hold the whole schema.
    expect(sqliteShape.size).toBeGreaterThanOrEqual(40);
    const employee = sqliteShape.get('employee')!;
    expect(employee.search).toEqual(['name']);
    expect(employee.indexes.some((i) => i.partial)).toBe(true);
    expect(employee.indexes.some((i) => i.columns.includes('name COLLATE nocase'))).toBe(true);
    const diff = schemaDiff(sqliteShape, postgresShape);
    expect(diff, `the schemas differ:\n${diff.join('\n')}`).toEqual([]);
  });

  it('makes the covering indexes cover on a server too: the row id SQLite keeps in every index entry is an INCLUDE column', async () => {
    const included: Array<{ index: string; included: string[] }> = await postgres.dataSource.query(
      `SELECT ix.relname AS index, ARRAY(SELECT a.attname::text FROM generate_series(i.indnkeyatts, i.indnatts - 1) k
                                            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k] ORDER BY k) AS included
       FROM pg_index i JOIN pg_class ix ON ix.oid = i.indexrelid WHERE ix.relname = ANY($1) ORDER BY ix.relname`,
      [['idx_employee_active_unit', 'idx_employee_development', 'idx_employee_holder', 'idx_employee_promotion', 'idx_employee_quality_duplicate_key', 'idx_employee_succession_basic', 'idx_training_year_year']]);
    expect(included).toEqual([
      { index: 'idx_employee_active_unit', included: ['id'] },
      { index: 'idx_employee_development', included: ['id'] },
      { index: 'idx_employee_holder', included: ['id'] },
      { index: 'idx_employee_promotion', included: ['id'] },
      { index: 'idx_employee_quality_duplicate_key', included: ['employee_id'] },
      { index: 'idx_employee_succession_basic', included: ['id'] },
      { index: 'idx_training_year_year', included: ['employee_id'] },
    ]);
  });

  it('has the server-only index of the active people on a server, and not on a file', async () => {
    const onServer: Array<{ definition: string }> = await postgres.dataSource.query(`SELECT indexdef AS definition FROM pg_indexes WHERE indexname = 'idx_employee_active'`);
    expect(onServer.map((r) => r.definition)).toEqual([expect.stringMatching(/ON public\.employee USING btree \(id\) WHERE \(\(?status\)?(::text)? = 'active'/)]);
    expect(rawConnection(sqlite.dataSource).prepare(`SELECT name FROM sqlite_master WHERE name = 'idx_employee_active'`).all()).toEqual([]);
  });

  it('keeps the seeded competency dictionary the same on both', async () => {
    const fromSqlite = rawConnection(sqlite.dataSource).prepare('SELECT code, name, sort_order, active FROM competency_definition ORDER BY code').all() as Array<Record<string, unknown>>;
    const fromPostgres: Array<Record<string, unknown>> = await postgres.dataSource.query('SELECT code, name, sort_order, active FROM competency_definition ORDER BY code');
    expect(fromSqlite.length).toBe(9);
    expect(fromPostgres.map((r) => ({ ...r, active: r.active ? 1 : 0 }))).toEqual(fromSqlite);
  });

  it('compares user names without case on PostgreSQL too (account.username is NOCASE on SQLite)', async () => {
    const insert = `INSERT INTO account (username, full_name, role, password_hash, created_at) VALUES ($1, 'Uji', 'admin', 'x', '2026-11-24')`;
    await postgres.dataSource.query(insert, ['Operator']);
    await expect(postgres.dataSource.query(insert, ['OPERATOR'])).rejects.toThrow(/unique/i);
    await postgres.dataSource.query(`DELETE FROM account`);
  });

  it('opens the same database again without migrating, and refuses a database of a newer Jenjang', async () => {
    const again = await openPostgresDatabase(connection);
    try {
      expect(again.migrated).toEqual([]);
      await again.dataSource.query(`INSERT INTO "migrations" ("timestamp", "name") VALUES (1799999999999, 'FromTheFuture1799999999999')`);
    } finally {
      await again.close();
    }
    await expect(openPostgresDatabase(connection)).rejects.toMatchObject({ code: 'db_schema_newer' });
    await postgres.dataSource.query(`DELETE FROM "migrations" WHERE "name" = 'FromTheFuture1799999999999'`);
  });
});
