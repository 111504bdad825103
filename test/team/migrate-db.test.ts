import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../../main/host';
import { databaseChecksums, migrateDatabase } from '../../main/db/migrate-db';
import { fixedClock } from '../../main/services/clock';
import { openDatabase } from '../../main/db/open-database';
import { rawConnection } from '../../main/db/raw-connection';
import { queryServer, usePostgresDatabase, type TestDatabase } from '../helpers/postgres';
import { runCli } from '../helpers/run-cli';
import { TEST_TODAY, tempDir } from '../helpers/temp-db';

const fileHash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('migrate-db: the demo district between a SQLite file and PostgreSQL', () => {
  const dir = tempDir('jenjang-migrate-db-');
  const demo = path.join(dir, 'demo.sqlite');
  const back = path.join(dir, 'kembali.sqlite');
  let target: TestDatabase;
  let demoSums: Map<string, string>;

  beforeAll(async () => {
    // The demo district as the app loads it (accounts, history, every capability's records and derived tables).
    const host = await startHost({ dbPath: demo, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, log: () => undefined });
    try {
      await host.services.demo.load({ employees: 250, seed: 11, actor: 'tester', extensions: true });
    } finally {
      await host.close();
    }
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
    const [{ n }] = await queryServer<{ n: number }>(target.url, 'SELECT count(*)::int AS n FROM employee');
    expect(n).toBe(250);
    // The filled tables have planner statistics (VACUUM ANALYZE after the commit): the planner does not take them
    // for empty (a never-analysed table has reltuples -1).
    const [stats] = await queryServer<{ reltuples: number }>(target.url, `SELECT reltuples::int AS reltuples FROM pg_class WHERE relname = 'employee'`);
    expect(stats.reltuples).toBe(250);
    // The identities moved past the copied ids: a new row gets a fresh id instead of colliding.
    const [{ max }] = await queryServer<{ max: string }>(target.url, 'SELECT max(id) AS max FROM audit_log');
    const [{ id }] = await queryServer<{ id: string }>(target.url, `INSERT INTO audit_log (at, actor, action, entity, summary) VALUES ('2026-11-24T00:00:00Z', 'uji', 'create', 'uji', 'uji') RETURNING id`);
    expect(BigInt(id)).toBeGreaterThan(BigInt(max));
    await queryServer(target.url, 'DELETE FROM audit_log WHERE id = $1', [id]);
  });

  it('copies it back into a new encrypted SQLite file: the round trip ends with identical checksums and a working name search', async () => {
    const result = runCli(['migrate-db', '--from', target.url, '--to', back]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Dipindahkan \d+ tabel, [\d.]+ baris, dari postgres:\/\/postgres@127\.0\.0\.1:\d+\/\S+ ke .*kembali\.sqlite dalam [\d,]+ detik/);
    expect(await databaseChecksums(back)).toEqual(demoSums);
    // Encrypted with the app's key, as every Jenjang file is.
    expect(fs.readFileSync(back).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    // The search index was rebuilt from the copied names (its triggers fired on every insert).
    const opened = await openDatabase(back, { create: false, readOnly: true });
    try {
      const db = rawConnection(opened.dataSource);
      const { name } = db.prepare('SELECT name FROM employee ORDER BY id LIMIT 1').get() as { name: string };
      const fragment = name.slice(1, 5);
      const found = db.prepare('SELECT rowid FROM employee_fts WHERE employee_fts MATCH ?').all(`"${fragment}"`) as Array<{ rowid: number }>;
      const expected = db.prepare('SELECT id FROM employee WHERE name LIKE ?').all(`%${fragment}%`) as Array<{ id: number }>;
      expect(found.length).toBeGreaterThan(0);
      expect(found.map((r) => r.rowid).sort()).toEqual(expected.map((r) => r.id).sort());
    } finally {
      await opened.close();
    }
  });

  it('refuses a target that already holds data, in both directions, and changes nothing', async () => {
    const before = await databaseChecksums(target.url);
    await expect(migrateDatabase(demo, target.url)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Database tujuan postgres:\/\/postgres@127\.0\.0\.1:\d+\/\S+ sudah berisi data \(tabel \w+\); migrate-db hanya mengisi database yang masih kosong\. Tidak ada yang diubah\.$/),
    });
    expect(await databaseChecksums(target.url)).toEqual(before);

    const hash = fileHash(back);
    await expect(migrateDatabase(target.url, back)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('sudah berisi data') });
    expect(fileHash(back)).toBe(hash);
  });

  it('refuses two files or two servers, and a missing source file, leaving no file behind', async () => {
    const other = path.join(dir, 'lain.sqlite');
    await expect(migrateDatabase(demo, other)).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('antara berkas SQLite dan server PostgreSQL') });
    await expect(migrateDatabase(target.url, target.url)).rejects.toMatchObject({ code: 'validation' });
    await expect(migrateDatabase(path.join(dir, 'tidak-ada.sqlite'), target.url)).rejects.toMatchObject({ code: 'db_not_found' });
    expect(fs.existsSync(other)).toBe(false);
  });
});

describe('the other commands on a PostgreSQL address', () => {
  it('a command that works on the SQLite file itself refuses with one clear sentence instead of half-working', () => {
    const result = runCli(['init', '--db', 'postgres://jenjang@127.0.0.1:1/jenjang', '--admin', 'admin']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^jenjang: Perintah init belum dapat dipakai dengan server PostgreSQL \(mode tim\)/);
  });

  it('a reading command goes to the server, and says when it cannot reach it', () => {
    const result = runCli(['stats', '--db', 'postgres://jenjang@127.0.0.1:1/jenjang', '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^jenjang: Server PostgreSQL postgres:\/\/jenjang@127\.0\.0\.1:1\/jenjang tidak dapat dihubungi/);
  });
});
