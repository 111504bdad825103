// The one backup writer (temporary name, rename when complete, stale partial copies pruned at start) and the
// complete check a restore makes, on real SQLite files.

import { openDatabaseFile, type SqliteDatabase } from '../helpers/sqlite';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  backupPath, parseBackupName, partialPathFor, pruneStalePartials, stageBackup, writeBackup,
} from '../../main/db/backup';
import { verifyCompleteDatabase } from '../../main/db/database-check';
import { JENJANG_APPLICATION_ID } from '../../main/db/database-identity';
import { MIGRATION_NAMES } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open-database';
import { AppError } from '../../shared/errors';
import { openTestHost, tempDir } from '../helpers/temp-db';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A process id that belonged to a process which has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the backup writer', () => {
  const dir = tempDir();
  let source: string;

  beforeAll(async () => {
    const host = await openTestHost(dir, { demoEmployees: 60, seed: 3, recordsOnly: true });
    source = path.join(dir, 'sumber.sqlite');
    await writeBackup({ dataSource: host.services.dataSource }, source);
    await host.close();
  });

  it('names a copy after its database and kind, and reads the name back', () => {
    const file = backupPath('/data/jenjang.sqlite', 'harian', '2026-11-24');
    expect(file).toBe(path.join('/data', 'cadangan', 'jenjang.sqlite.harian-2026-11-24.sqlite'));
    expect(parseBackupName('jenjang.sqlite', path.basename(file))).toEqual({ kind: 'harian', stamp: '2026-11-24' });
    expect(backupPath('/data/jenjang.sqlite', 'sebelum-impor', '20261124-080000-ab12cd34')).toBe(path.join('/data', 'cadangan-impor', 'jenjang.sqlite.sebelum-impor-20261124-080000-ab12cd34.sqlite'));
    expect(backupPath('/data/jenjang.sqlite', 'sebelum-restore', '20261124-080000')).toBe(path.join('/data', 'jenjang.sqlite.sebelum-restore-20261124-080000.sqlite'));
    expect(parseBackupName('lain.sqlite', path.basename(file))).toBeNull();
  });

  it('writes under a temporary name and gives the copy its name only when it is complete', async () => {
    const target = path.join(dir, 'salinan', 'db.sqlite.manual-1.sqlite');
    const progress: Array<[number, number]> = [];
    const staged = await stageBackup({ file: source }, target, { pagesPerStep: 5, onProgress: (done, total) => progress.push([done, total]) });
    expect(fs.existsSync(target)).toBe(false);
    expect(staged.partialPath).toBe(partialPathFor(target));
    expect(fs.statSync(staged.partialPath).size).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1][0]).toBeLessThanOrEqual(progress[progress.length - 1][1]);
    expect(staged.publish()).toBe(target);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['db.sqlite.manual-1.sqlite']);
    expect(await verifyCompleteDatabase(target, 'salinan')).toMatchObject({ employees: 60 });
  });

  it('leaves nothing behind when discarded or when the copy fails', async () => {
    const target = path.join(dir, 'buang', 'db.sqlite.manual-2.sqlite');
    const staged = await stageBackup({ file: source }, target);
    staged.discard();
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
    const garbage = path.join(dir, 'sampah.sqlite');
    fs.writeFileSync(garbage, 'bukan database '.repeat(500));
    await expect(writeBackup({ file: garbage }, target)).rejects.toBeInstanceOf(AppError);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });

  it('prunes partial copies of processes that are gone, keeps those of live ones, and completes a recorded one', () => {
    const dbPath = path.join(dir, 'pangkas', 'jenjang.sqlite');
    fs.mkdirSync(path.join(dir, 'pangkas', 'cadangan-impor'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'pangkas', 'cadangan'), { recursive: true });
    const dead = deadPid();
    const killedDuringCopy = path.join(dir, 'pangkas', 'cadangan-impor', `jenjang.sqlite.sebelum-impor-20261124-080000-aaaa0000.sqlite.${dead}.partial`);
    const killedAfterCommit = path.join(dir, 'pangkas', 'cadangan-impor', `jenjang.sqlite.sebelum-impor-20261124-090000-bbbb0000.sqlite.${dead}.partial`);
    const journal = `${killedDuringCopy}-journal`;
    const stagedRestore = path.join(dir, 'pangkas', `jenjang.sqlite.pemulihan.sqlite.${dead}.partial`);
    const stillWriting = path.join(dir, 'pangkas', 'cadangan', `jenjang.sqlite.harian-2026-11-24.sqlite.${process.pid}.partial`);
    const otherDatabase = path.join(dir, 'pangkas', 'cadangan', `lain.sqlite.harian-2026-11-24.sqlite.${dead}.partial`);
    for (const file of [killedDuringCopy, journal, stagedRestore, stillWriting, otherDatabase]) fs.writeFileSync(file, '');
    fs.copyFileSync(source, killedAfterCommit);
    const recorded = killedAfterCommit.replace(`.${dead}.partial`, '');

    const result = pruneStalePartials(dbPath, (finalPath) => finalPath === recorded);
    expect(result.removed.sort()).toEqual([killedDuringCopy, journal, stagedRestore].sort());
    expect(result.completed).toEqual([recorded]);
    expect(fs.readdirSync(path.join(dir, 'pangkas', 'cadangan-impor'))).toEqual([path.basename(recorded)]);
    expect(fs.readdirSync(path.join(dir, 'pangkas', 'cadangan')).sort()).toEqual([path.basename(otherDatabase), path.basename(stillWriting)].sort());
  });
});

describe('what a restore accepts', () => {
  const dir = tempDir();
  let good: string;

  beforeAll(async () => {
    const host = await openTestHost(dir, { demoEmployees: 40, seed: 5, recordsOnly: true });
    good = path.join(dir, 'baik.sqlite');
    await writeBackup({ dataSource: host.services.dataSource }, good);
    await host.close();
  });

  /** A copy of the good backup, changed by `change` through a raw connection. */
  function altered(name: string, change: (db: SqliteDatabase) => void): string {
    const file = path.join(dir, name);
    fs.copyFileSync(good, file);
    const db = openDatabaseFile(file);
    change(db);
    db.close();
    return file;
  }

  it('accepts a complete backup and says what it holds', async () => {
    const summary = await verifyCompleteDatabase(good, 'baik.sqlite');
    expect(summary).toMatchObject({ employees: 40, appliedMigrations: MIGRATION_NAMES.length, pendingMigrations: 0 });
    expect(summary.units).toBeGreaterThan(0);
    expect(summary.positions).toBeGreaterThan(0);
    expect(summary.lastChangeAt).toMatch(/^2026-11-24T/);
  });

  it('accepts a backup of an older schema, saying how many steps it lacks', async () => {
    const file = path.join(dir, 'lama.sqlite');
    fs.copyFileSync(good, file);
    const opened = await openDatabase(file, { create: false });
    await opened.dataSource.undoLastMigration({ transaction: 'all' });
    await opened.close();
    expect(await verifyCompleteDatabase(file, 'lama.sqlite')).toMatchObject({ employees: 40, pendingMigrations: 1, appliedMigrations: MIGRATION_NAMES.length - 1 });
  });

  const refusals: Array<[string, () => string, string, RegExp]> = [
    ['a folder', () => fs.mkdtempSync(path.join(dir, 'folder-')), 'validation', /adalah folder, bukan berkas cadangan/],
    ['a missing file', () => path.join(dir, 'tidak-ada.sqlite'), 'db_not_found', /tidak ditemukan/],
    ['a 0-byte file', () => { const f = path.join(dir, 'kosong.sqlite'); fs.writeFileSync(f, ''); return f; }, 'db_not_jenjang', /kosong \(0 byte\)/],
    ['a text file', () => { const f = path.join(dir, 'teks.sqlite'); fs.writeFileSync(f, 'NIP;NAMA\n'.repeat(500)); return f; }, 'db_not_jenjang', /bukan database SQLite/],
    ['another program\'s database', () => {
      const f = path.join(dir, 'lain.sqlite');
      const db = openDatabaseFile(f);
      db.exec('CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)');
      db.close();
      return f;
    }, 'db_not_jenjang', /milik program lain/],
    ['an empty SQLite database', () => {
      const f = path.join(dir, 'sqlite-kosong.sqlite');
      const db = openDatabaseFile(f);
      db.pragma('user_version = 1');
      db.close();
      return f;
    }, 'db_not_jenjang', /SQLite kosong/],
    ['a file that merely carries Jenjang\'s application id', () => {
      const f = path.join(dir, 'hanya-id.sqlite');
      const db = openDatabaseFile(f);
      db.pragma(`application_id = ${JENJANG_APPLICATION_ID}`);
      db.exec('CREATE TABLE catatan (id INTEGER PRIMARY KEY)');
      db.close();
      return f;
    }, 'db_not_jenjang', /tidak mencatat riwayat skemanya/],
    ['a Jenjang id with the whole migration history but none of the tables', () => {
      const f = path.join(dir, 'riwayat-saja.sqlite');
      const db = openDatabaseFile(f);
      db.pragma(`application_id = ${JENJANG_APPLICATION_ID}`);
      db.exec('CREATE TABLE migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp INTEGER NOT NULL, name TEXT NOT NULL)');
      const insert = db.prepare('INSERT INTO migrations (timestamp, name) VALUES (?, ?)');
      for (const name of MIGRATION_NAMES) insert.run(Number(name.slice(-13)), name);
      db.close();
      return f;
    }, 'db_not_jenjang', /tidak lengkap: \d+ tabel, kolom, indeks atau pemicu/],
    ['a backup of a newer Jenjang', () => altered('baru.sqlite', (db) => {
      db.prepare('INSERT INTO migrations (timestamp, name) VALUES (?, ?)').run(1999999999999, 'Future1999999999999');
    }), 'db_schema_newer', /versi Jenjang yang lebih baru/],
    ['a schema history with a gap', () => altered('bolong.sqlite', (db) => {
      db.prepare('DELETE FROM migrations WHERE name = ?').run(MIGRATION_NAMES[1]);
    }), 'db_not_jenjang', /tidak berurutan \(langkah ke-2/],
    ['a table dropped', () => altered('tanpa-tabel.sqlite', (db) => {
      db.pragma('foreign_keys = OFF');
      db.exec('DROP TABLE mentoring_session');
    }), 'db_not_jenjang', /tidak lengkap: 2 tabel, kolom, indeks/], // the table and its index
    ['a column dropped', () => altered('tanpa-kolom.sqlite', (db) => {
      db.exec('ALTER TABLE employee DROP COLUMN notes');
    }), 'db_not_jenjang', /tidak lengkap: 1 tabel, kolom/],
    ['references to rows that are gone', () => altered('rujukan.sqlite', (db) => {
      db.pragma('foreign_keys = OFF');
      db.exec('DELETE FROM unit WHERE id = (SELECT unit_id FROM employee WHERE unit_id IS NOT NULL LIMIT 1)');
    }), 'db_corrupt', /data merujuk data lain yang tidak ada/],
    ['damaged pages', () => {
      const f = path.join(dir, 'rusak.sqlite');
      const bytes = fs.readFileSync(good);
      crypto.randomFillSync(bytes, 8192, bytes.length - 8192);
      fs.writeFileSync(f, bytes);
      return f;
    }, 'db_corrupt', /rusak/],
  ];

  it.each(refusals)('refuses %s with its reason, changing nothing', async (_label, make, code, message) => {
    const file = make();
    const before = fs.existsSync(file) && fs.statSync(file).isFile() ? sha(file) : null;
    const error = await verifyCompleteDatabase(file, path.basename(file)).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).message).toMatch(message);
    if (before) expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
