// `backup`, `restore`, `stats` and `report` on the command line: read commands never create, convert or migrate
// a file; restore checks the whole file, says what it replaces, and asks before it does.

import { openDatabaseFile, type SqliteDatabase } from '../helpers/sqlite';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JENJANG_APPLICATION_ID } from '../../main/db/database-identity';
import { MIGRATION_NAMES } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open-database';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-db';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const count = (file: string, sql: string) => {
  const db = openDatabaseFile(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('read commands leave the file as it is', () => {
  const dir = tempDir();
  let db: string;
  let older: string;

  beforeAll(async () => {
    db = path.join(dir, 'isi.sqlite');
    expect(runCli(['demo', '--db', db, '--employees', '120', '--seed', '9']).code).toBe(0);
    // The same data one schema step behind: what a database of the previous Jenjang looks like.
    older = path.join(dir, 'lama.sqlite');
    expect(runCli(['backup', '--db', db, '--out', older]).code).toBe(0);
    const opened = await openDatabase(older, { create: false });
    await opened.dataSource.undoLastMigration({ transaction: 'all' });
    await opened.close();
  });

  it.each([
    ['stats', (file: string) => ['stats', '--db', file, '--json']],
    ['report', (file: string) => ['report', 'proyeksi-pensiun', '--db', file, '--out', path.join(dir, 'laporan.xlsx')]],
    ['backup', (file: string) => ['backup', '--db', file, '--out', path.join(dir, 'dari-kosong.sqlite')]],
  ])('%s on a 0-byte file refuses it and keeps it 0 bytes', (_name, args) => {
    const empty = path.join(dir, `kosong-${_name}.sqlite`);
    fs.writeFileSync(empty, '');
    const result = runCli(args(empty));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/kosong \(0 byte\)/);
    expect(fs.statSync(empty).size).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(`kosong-${_name}.sqlite`))).toEqual([`kosong-${_name}.sqlite`]);
  });

  it('stats on an empty SQLite database refuses it instead of making it a Jenjang database', () => {
    const file = path.join(dir, 'sqlite-kosong.sqlite');
    openDatabaseFile(file).pragma('user_version = 3');
    const before = sha(file);
    const result = runCli(['stats', '--db', file, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/belum berisi database Jenjang/);
    expect(sha(file)).toBe(before);
  });

  it('stats on a database of an older schema answers from a migrated copy and leaves the file unchanged', () => {
    const before = sha(older);
    const result = runCli(['stats', '--db', older, '--json', '--as-of', '2026-11-24']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).employees.total).toBe(120);
    expect(sha(older)).toBe(before);
    expect(count(older, 'SELECT COUNT(*) AS n FROM migrations')).toBe(MIGRATION_NAMES.length - 1);
  });

  it('backup copies an older schema as it is, without migrating either file', () => {
    const before = sha(older);
    const out = path.join(dir, 'salinan-lama.sqlite');
    const result = runCli(['backup', '--db', older, '--out', out, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(sha(older)).toBe(before);
    expect(count(out, 'SELECT COUNT(*) AS n FROM migrations')).toBe(MIGRATION_NAMES.length - 1);
    expect(count(out, 'SELECT COUNT(*) AS n FROM employee')).toBe(120);
  });

  it('demo into a database with data refuses before opening it for writing', () => {
    const before = sha(older);
    const result = runCli(['demo', '--db', older, '--employees', '10']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sudah berisi data/);
    expect(sha(older)).toBe(before);
  });
});

describe('restore', () => {
  const dir = tempDir();
  let db: string;
  let backup: string;

  beforeAll(() => {
    db = path.join(dir, 'kantor.sqlite');
    expect(runCli(['demo', '--db', db, '--employees', '150', '--seed', '4']).code).toBe(0);
    backup = path.join(dir, 'cadangan-kantor.sqlite');
    expect(runCli(['backup', '--db', db, '--out', backup]).code).toBe(0);
  });

  it('from a folder says it is a folder (not "disk I/O error")', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'folder-'));
    const before = sha(db);
    const result = runCli(['restore', '--db', db, '--from', folder, '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/adalah folder, bukan berkas cadangan/);
    expect(result.stderr).not.toMatch(/I\/O|tak terduga/);
    expect(sha(db)).toBe(before);
  });

  it('refuses an empty database that carries Jenjang\'s application id, and the 150 employees stay', () => {
    const impostor = path.join(dir, 'kosong-bertanda.sqlite');
    const raw = openDatabaseFile(impostor);
    raw.pragma(`application_id = ${JENJANG_APPLICATION_ID}`);
    raw.exec('CREATE TABLE catatan (id INTEGER PRIMARY KEY)');
    raw.close();
    const before = sha(db);
    const result = runCli(['restore', '--db', db, '--from', impostor, '--yes', '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/bukan cadangan Jenjang yang lengkap\. Database tidak diubah\./);
    expect(sha(db)).toBe(before);
    expect(count(db, 'SELECT COUNT(*) AS n FROM employee')).toBe(150);
  });

  it('--check says what would be replaced by what, and changes nothing', () => {
    const before = sha(db);
    const result = runCli(['restore', '--db', db, '--from', backup, '--check', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ restored: false, candidate: { employees: 150 }, current: { employees: 150 } });
    expect(report.candidate.lastChangeAt).toMatch(/^2026-11-24T/);
    expect(sha(db)).toBe(before);

    const human = runCli(['restore', '--db', db, '--from', backup, '--check']);
    expect(human.stdout).toMatch(/Cadangan .* utuh: 150 pegawai \(\d+ aktif\), \d+ unit kerja, \d+ jabatan; perubahan terakhir 24 November 2026/);
    expect(human.stdout).toMatch(/Akan mengganti database .*: 150 pegawai/);
  });

  it('without --yes (and no terminal to ask on) shows the comparison and stops', () => {
    const before = sha(db);
    const result = runCli(['restore', '--db', db, '--from', backup]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Akan mengganti database/);
    expect(result.stderr).toMatch(/--yes/);
    expect(sha(db)).toBe(before);
  });

  it('--yes brings the backup back, keeps the replaced database, and migrates an older backup on the way', async () => {
    const older = path.join(dir, 'cadangan-lama.sqlite');
    fs.copyFileSync(backup, older);
    const opened = await openDatabase(older, { create: false });
    await opened.dataSource.undoLastMigration({ transaction: 'all' });
    await opened.close();
    const olderSha = sha(older);

    const raw = openDatabaseFile(db);
    raw.exec(`UPDATE employee SET name = 'Nama Sesudah Cadangan' WHERE id = 1`);
    raw.close();
    const result = runCli(['restore', '--db', db, '--from', older, '--yes', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.restored).toBe(true);
    expect(report.warnings.join(' ')).toMatch(/versi Jenjang yang lebih lama/);
    expect(path.basename(report.previousCopy)).toMatch(/^kantor\.sqlite\.sebelum-restore-\d{8}-\d{6}\.sqlite$/);
    expect(count(report.previousCopy, `SELECT COUNT(*) AS n FROM employee WHERE name = 'Nama Sesudah Cadangan'`)).toBe(1);
    expect(count(db, `SELECT COUNT(*) AS n FROM employee WHERE name = 'Nama Sesudah Cadangan'`)).toBe(0);
    expect(count(db, 'SELECT COUNT(*) AS n FROM migrations')).toBe(MIGRATION_NAMES.length);
    expect(sha(older)).toBe(olderSha);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial') || f.includes('pemulihan'))).toEqual([]);
  });
});
