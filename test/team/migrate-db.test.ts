import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseChecksums } from '../../main/db/migrate-db';
import { usePostgresDatabase, type TestDatabase } from '../helpers/postgres';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-db';

const fileHash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function pgQuery<T extends pg.QueryResultRow>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

describe('migrate-db: the demo district between a SQLite file and PostgreSQL', () => {
  const dir = tempDir('jenjang-migrate-db-');
  const demo = path.join(dir, 'demo.sqlite');
  const back = path.join(dir, 'kembali.sqlite');
  let target: TestDatabase;
  let demoSums: Map<string, string>;

  beforeAll(async () => {
    const created = runCli(['demo', '--db', demo, '--employees', '250', '--seed', '11']);
    expect(created.code, created.stderr).toBe(0);
    target = await usePostgresDatabase();
    demoSums = await databaseChecksums(demo);
  });

  it('copies every table, derived ones included, from SQLite into an empty PostgreSQL database, verified per table', async () => {
    const result = runCli(['migrate-db', '--from', demo, '--to', target.url, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { to: string; tables: Array<{ table: string; rows: number; checksum: string }>; rows: number };
    // The password never appears in what the command prints.
    expect(result.stdout + result.stderr).not.toContain(new URL(target.url).password);
    const rows = new Map(report.tables.map((t) => [t.table, t.rows]));
    expect(rows.get('employee')).toBe(250);
    for (const derived of ['employee_competency_profile', 'succession_employee_facts', 'talent_axis_year', 'employee_training_year']) {
      expect(rows.get(derived), derived).toBeGreaterThan(0);
    }
    expect(report.tables.map((t) => [t.table, t.checksum])).toEqual([...demoSums].filter(([table]) => rows.has(table)).sort(([a], [b]) => report.tables.findIndex((t) => t.table === a) - report.tables.findIndex((t) => t.table === b)));
    expect(report.tables).toHaveLength(demoSums.size);

    // Computed afresh from PostgreSQL, the checksums are the source's.
    expect(await databaseChecksums(target.url)).toEqual(demoSums);
    const [{ n }] = await pgQuery<{ n: number }>(target.url, 'SELECT count(*)::int AS n FROM employee');
    expect(n).toBe(250);
    // The identities moved past the copied ids: a new row gets a fresh id instead of colliding.
    const [{ max }] = await pgQuery<{ max: string }>(target.url, 'SELECT max(id) AS max FROM audit_log');
    const [{ id }] = await pgQuery<{ id: string }>(target.url, `INSERT INTO audit_log (at, actor, action, entity, summary) VALUES ('2026-11-24T00:00:00Z', 'uji', 'create', 'uji', 'uji') RETURNING id`);
    expect(BigInt(id)).toBeGreaterThan(BigInt(max));
    await pgQuery(target.url, 'DELETE FROM audit_log WHERE id = $1', [id]);
  });

  it('copies it back into a new encrypted SQLite file: the round trip ends with identical checksums and a working name search', async () => {
    const result = runCli(['migrate-db', '--from', target.url, '--to', back]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Dipindahkan \d+ tabel, [\d.]+ baris, dari postgres:\/\/postgres@127\.0\.0\.1:\d+\/\S+ ke .*kembali\.sqlite dalam [\d,]+ detik/);
    expect(await databaseChecksums(back)).toEqual(demoSums);
    // Encrypted with the app's key, as every Jenjang file is.
    expect(fs.readFileSync(back).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    // The search index was rebuilt from the copied names (its triggers fired on every insert).
    const stats = runCli(['stats', '--db', back, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).employees.total).toBe(250);
  });

  it('refuses a target that already holds data, in both directions, and changes nothing', async () => {
    const before = await databaseChecksums(target.url);
    const toPostgres = runCli(['migrate-db', '--from', demo, '--to', target.url]);
    expect(toPostgres.code).toBe(1);
    expect(toPostgres.stderr).toMatch(/^jenjang: Database tujuan postgres:\/\/postgres@127\.0\.0\.1:\d+\/\S+ sudah berisi data \(tabel \w+\); migrate-db hanya mengisi database yang masih kosong\. Tidak ada yang diubah\.\n$/);
    expect(await databaseChecksums(target.url)).toEqual(before);

    const hash = fileHash(back);
    const toSqlite = runCli(['migrate-db', '--from', target.url, '--to', back]);
    expect(toSqlite.code).toBe(1);
    expect(toSqlite.stderr).toContain('sudah berisi data');
    expect(fileHash(back)).toBe(hash);
  });

  it('refuses two files or two servers, and a missing source file, leaving no file behind', () => {
    const other = path.join(dir, 'lain.sqlite');
    const twoFiles = runCli(['migrate-db', '--from', demo, '--to', other]);
    expect(twoFiles.code).toBe(1);
    expect(twoFiles.stderr).toContain('antara berkas SQLite dan server PostgreSQL');
    const missing = runCli(['migrate-db', '--from', path.join(dir, 'tidak-ada.sqlite'), '--to', target.url]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('tidak ditemukan');
    expect(fs.existsSync(other)).toBe(false);
  });
});

describe('the app and its other commands on a PostgreSQL address', () => {
  it('refuse with one clear sentence instead of half-working', () => {
    const result = runCli(['stats', '--db', 'postgres://jenjang@127.0.0.1:1/jenjang', '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^jenjang: Mode tim \(PostgreSQL\) belum dapat dipakai untuk membuka Jenjang/);
  });
});
