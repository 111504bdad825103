// The database at rest: a plain database of an earlier version is encrypted at its first open (and a process
// killed at any step leaves either the plain original or the checked encrypted file), no NIP can be read from the
// database file, its WAL, a backup or a pre-import copy, every file is owner-only, and a restore takes both a
// plain backup of an earlier version and a backup made under another computer's key (with its recovery key).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open-database';
import { isPlainDatabaseFile, openSqlite } from '../../main/db/sqlite-connection';
import { startHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited } from '../../main/demo/import-files';
import { anotherComputersDatabase, runCli } from '../helpers/run-cli';
import { fileBytes, openDatabaseFile } from '../helpers/sqlite';
import { tempDir, TEST_TODAY } from '../helpers/temp-db';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A database as an earlier Jenjang left it: the demo district, written plain. */
function plainDatabase(dir: string, name: string, template: string): string {
  const file = path.join(dir, name);
  fs.copyFileSync(template, file);
  const { db } = openSqlite(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = ''`); // an empty key decrypts
  } finally {
    db.close();
  }
  expect(isPlainDatabaseFile(file)).toBe(true);
  return file;
}

function count(file: string, sql: string): number {
  const db = openDatabaseFile(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('encryption at rest', () => {
  const dir = tempDir();
  let template: string;
  let nips: string[];
  let employees: number;

  beforeAll(() => {
    template = path.join(dir, 'templat.sqlite');
    const made = runCli(['demo', '--db', template, '--employees', '150', '--seed', '5']);
    expect(made.code, made.stderr).toBe(0);
    const db = openDatabaseFile(template, { readonly: true });
    try {
      nips = (db.prepare('SELECT nip FROM employee ORDER BY id LIMIT 25').pluck().all() as string[]);
      employees = db.prepare('SELECT count(*) FROM employee').pluck().get() as number;
    } finally {
      db.close();
    }
    expect(nips.every((nip) => /^\d{18}$/.test(nip))).toBe(true);
  });

  const holdsPlaintextNip = (bytes: Buffer) => nips.some((nip) => bytes.includes(nip));

  it('the plain helper really makes a plain file, whose NIPs can be read with any text tool', () => {
    const plain = plainDatabase(dir, 'polos-cek.sqlite', template);
    expect(holdsPlaintextNip(fs.readFileSync(plain))).toBe(true);
    expect(holdsPlaintextNip(fs.readFileSync(template))).toBe(false);
  });

  it('encrypts a plain database of an earlier version at its first open, and the plain bytes are gone', async () => {
    const folder = path.join(dir, 'pertama');
    fs.mkdirSync(folder);
    const file = plainDatabase(folder, 'jenjang.sqlite', template);
    fs.chmodSync(file, 0o644);
    const opened = await openDatabase(file, { create: false });
    try {
      expect(opened.encryptedNow).toMatchObject({ tables: expect.any(Number) });
      expect(opened.encryptedNow!.rows).toBeGreaterThan(employees);
      expect(opened.key).not.toBeNull();
    } finally {
      await opened.close();
    }
    expect(isPlainDatabaseFile(file)).toBe(false);
    expect(holdsPlaintextNip(fileBytes(file))).toBe(false);
    expect(mode(file)).toBe(0o600);
    expect(count(file, 'SELECT count(*) FROM employee')).toBe(employees);
    expect(fs.readdirSync(folder).filter((f) => !/^jenjang\.sqlite(-wal|-shm)?$/.test(f))).toEqual([]);
  });

  it.each(['copied', 'encrypted', 'verified', 'swapped'])('killed after the step "%s", leaves the plain original or the checked encrypted file, and the next start finishes', async (step) => {
    const folder = path.join(dir, `bunuh-${step}`);
    fs.mkdirSync(folder);
    const file = plainDatabase(folder, 'jenjang.sqlite', template);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/helpers/encrypt-child.ts'), '--db', file, '--kill-at', step], {
      cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (stdout.includes(`JENJANG_ENCRYPTION_${step.toUpperCase()}`)) resolve();
      });
      child.on('exit', () => reject(new Error(`the child ended before the step ${step}:\n${stdout}\n${stderr}`)));
    });
    const died = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await died;

    // What is under the database's name is whole: the plain original before the swap, the encrypted copy after.
    expect(isPlainDatabaseFile(file)).toBe(step !== 'swapped');
    expect(count(file, 'SELECT count(*) FROM employee')).toBe(employees);
    expect(fs.readdirSync(folder).some((f) => f.endsWith('.partial'))).toBe(true);

    // The next start encrypts what is still plain and removes (overwriting the plain ones) what the killed one left.
    const host = await startHost({ dbPath: file, transport: 'test', clock: fixedClock(TEST_TODAY), log: () => undefined });
    await host.close();
    expect(isPlainDatabaseFile(file)).toBe(false);
    expect(count(file, 'SELECT count(*) FROM employee')).toBe(employees);
    expect(fs.readdirSync(folder).filter((f) => f.includes('.partial'))).toEqual([]);
    expect(holdsPlaintextNip(fileBytes(file))).toBe(false);
  });

  it('no NIP in plain text in the database file, its WAL, a backup or the daily copy an import writes first; every file owner-only', { timeout: 240_000 }, async () => {
    const folder = path.join(dir, 'kantor');
    const file = path.join(folder, 'jenjang.sqlite');
    expect(runCli(['init', '--db', file]).code).toBe(0);
    const district = generateDemoDistrict({ employees: 60, seed: 12, asOf: TEST_TODAY });
    const csv = path.join(dir, 'siasn-kantor.csv');
    writeDelimited(csv, SIASN_HEADER, siasnRows(district), { delimiter: '|' });
    const first = runCli(['import', csv, '--db', file, '--json']);
    expect(first.code, first.stderr).toBe(0);
    // The first import wrote the day's copy (of the empty database) before it wrote; without it, as on a later day,
    // the second import (a later snapshot) writes the day's copy of the filled database first (cadangan/).
    const dailyFolder = path.join(folder, 'cadangan');
    for (const name of fs.readdirSync(dailyFolder).filter((f) => f.includes('.harian-'))) fs.rmSync(path.join(dailyFolder, name));
    const later = path.join(dir, 'siasn-kantor-2.csv');
    writeDelimited(later, SIASN_HEADER, siasnRows(district).slice(0, 50), { delimiter: '|' });
    const again = runCli(['import', later, '--db', file, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const importedNips = district.employees.slice(0, 25).map((e) => e.nip);
    const readable = (bytes: Buffer) => importedNips.some((nip) => bytes.includes(nip));

    const host = await startHost({ dbPath: file, transport: 'test', clock: fixedClock(TEST_TODAY), log: () => undefined });
    try {
      // A write that stays in the WAL while the host runs.
      await host.services.dataSource.query(`UPDATE employee SET name = name || ' ' WHERE nip = ?`, [importedNips[0]]);
      expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
      expect(readable(fs.readFileSync(`${file}-wal`))).toBe(false);
      expect(readable(fs.readFileSync(file))).toBe(false);
      const backup = await host.services.backup.create();
      expect(readable(fs.readFileSync(backup.path))).toBe(false);
      if (process.platform !== 'win32') {
        for (const f of [file, `${file}-wal`, backup.path]) expect(mode(f), f).toBe(0o600);
        expect(mode(path.dirname(backup.path))).toBe(0o700);
      }
    } finally {
      await host.close();
    }
    expect(fs.existsSync(path.join(folder, 'cadangan-impor'))).toBe(false);
    const preImport = fs.readdirSync(dailyFolder).filter((f) => f.includes('.harian-')).map((f) => path.join(dailyFolder, f));
    expect(preImport).toHaveLength(1);
    for (const copy of preImport) {
      expect(readable(fs.readFileSync(copy))).toBe(false);
      if (process.platform !== 'win32') expect(mode(copy)).toBe(0o600);
    }
    // The day's copy before the second import holds the first import's 60 employees, readable with the key.
    expect(preImport.map((copy) => count(copy, 'SELECT count(*) FROM employee'))).toContain(60);
    // The CLI's backup of the database is encrypted too.
    const out = path.join(dir, 'cadangan-cli.sqlite');
    expect(runCli(['backup', '--db', file, '--out', out]).code).toBe(0);
    expect(readable(fs.readFileSync(out))).toBe(false);
    expect(count(out, 'SELECT count(*) FROM employee')).toBe(60);
  });

  it('restores a plain backup of an earlier version, encrypted on the way in', { timeout: 240_000 }, () => {
    const folder = path.join(dir, 'pulih-polos');
    fs.mkdirSync(folder);
    const target = path.join(folder, 'jenjang.sqlite');
    expect(runCli(['init', '--db', target]).code).toBe(0);
    const plainBackup = plainDatabase(dir, 'cadangan-versi-lama.sqlite', template);
    const restored = runCli(['restore', '--db', target, '--from', plainBackup, '--yes', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(isPlainDatabaseFile(target)).toBe(false);
    expect(holdsPlaintextNip(fileBytes(target))).toBe(false);
    expect(count(target, 'SELECT count(*) FROM employee')).toBe(employees);
    expect(fs.readdirSync(folder).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('restores a backup made under another computer\'s key only with that computer\'s recovery key', { timeout: 240_000 }, () => {
    const { env: other, db: otherDb, recoveryKey } = anotherComputersDatabase(dir);
    const backup = path.join(dir, 'cadangan-komputer-lain.sqlite');
    expect(runCli(['backup', '--db', otherDb, '--out', backup], other).code).toBe(0);

    const target = path.join(dir, 'pulih-lain', 'jenjang.sqlite');
    expect(runCli(['init', '--db', target]).code).toBe(0);
    const refused = runCli(['restore', '--db', target, '--from', backup, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/terenkripsi dengan kunci lain.*masukkan kunci pemulihan komputer itu.*Database tidak diubah\./);
    expect(count(target, 'SELECT count(*) FROM employee')).toBe(0);

    const restored = runCli(['restore', '--db', target, '--from', backup, '--recovery-key', recoveryKey, '--yes', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    // Now under this computer's key: it opens here without the other computer's key being added.
    expect(count(target, 'SELECT count(*) FROM employee')).toBe(40);
    const stats = runCli(['stats', '--db', target, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).employees.total).toBe(40);
  });
});
