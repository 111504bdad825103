import { openDatabaseFile, type SqliteDatabase } from '../helpers/sqlite';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open-database';
import { AppError } from '../../shared/errors';
import { tempDir } from '../helpers/temp-db';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function expectRefusal(file: string, code: string, message: RegExp) {
  const before = sha(file);
  const error = await openDatabase(file, { create: false }).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
  expect(sha(file)).toBe(before); // nothing already stored is changed
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
}

describe('opening files that are not (usable) Jenjang databases', () => {
  const dir = tempDir();

  it('refuses a missing file when not asked to create one', async () => {
    const error = await openDatabase(path.join(dir, 'nope.sqlite'), { create: false }).catch((e: AppError) => e);
    expect((error as AppError).code).toBe('db_not_found');
    expect((error as AppError).message).toMatch(/tidak ditemukan/);
  });

  it('refuses a file that is not SQLite at all, untouched', async () => {
    const file = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(file, crypto.randomBytes(8192));
    await expectRefusal(file, 'db_not_jenjang', /bukan database SQLite/);
  });

  it('refuses another program\'s SQLite database, untouched', async () => {
    const file = path.join(dir, 'foreign.sqlite');
    const db = openDatabaseFile(file);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5)');
    db.close();
    await expectRefusal(file, 'db_not_jenjang', /milik program lain/);
  });

  it('refuses a database written by a newer Jenjang, untouched', async () => {
    const file = path.join(dir, 'newer.sqlite');
    const opened = await openDatabase(file, { create: true });
    await opened.dataSource.query(`INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FutureThing1999999999999')`);
    await opened.dataSource.destroy();
    await expectRefusal(file, 'db_schema_newer', /versi Jenjang yang lebih baru/);
  });

  it('refuses a corrupt database, untouched', async () => {
    const file = path.join(dir, 'corrupt.sqlite');
    const opened = await openDatabase(file, { create: true });
    await opened.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
    await opened.dataSource.destroy();
    const bytes = fs.readFileSync(file);
    // Keep the header, scribble over the pages behind it.
    crypto.randomFillSync(bytes, 4096, bytes.length - 4096);
    fs.writeFileSync(file, bytes);
    await expectRefusal(file, 'db_corrupt', /rusak/);
  });

  it('treats an empty file as a new database', async () => {
    const file = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(file, '');
    const opened = await openDatabase(file, { create: false });
    expect(opened.migrated.length).toBeGreaterThan(0);
    await opened.dataSource.destroy();
  });

  it.skipIf(process.platform === 'win32')('creates a new database, and its WAL, readable by the owner only', async () => {
    const file = path.join(dir, 'baru', 'jenjang.sqlite');
    const opened = await openDatabase(file, { create: true });
    try {
      await opened.dataSource.query(`INSERT INTO app_setting (key, value, updated_at) VALUES ('uji', '1', '2026-01-01')`);
      expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
      for (const f of [file, `${file}-wal`]) expect(fs.statSync(f).mode & 0o777, f).toBe(0o600);
    } finally {
      await opened.dataSource.destroy();
    }
  });
});
