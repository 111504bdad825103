// The cipher scheme of the database files: a new database is written in AES-256-CBC without a per-page MAC
// ('aes256cbc'); a database of the previous version, in SQLCipher 4, still opens on every path (read-only
// commands, the recovery key, a restore of its backup), is converted at its first open for writing without losing
// a row, and a process killed at any step of that conversion leaves either the old file or the checked new one.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open-database';
import { sqliteAdmin } from '../../main/db/sql/sqlite-admin.sql';
import { isPlainDatabaseFile, keyForNewDatabase, openPlainSqlite } from '../../main/db/sqlite-connection';
import { startHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { formatRecoveryKey } from '../../main/security/recovery-key';
import { runCli } from '../helpers/run-cli';
import { fileBytes, openDatabaseFile } from '../helpers/sqlite';
import { tempDir, TEST_TODAY } from '../helpers/temp-db';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Scheme = 'aes256cbc' | 'sqlcipher4';

/** The pragmas of one scheme, written out here rather than taken from the app, so the test pins the format. */
function selectScheme(db: { pragma(sql: string): unknown }, scheme: Scheme): void {
  if (scheme === 'sqlcipher4') {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
  } else {
    db.pragma(`cipher = 'aes256cbc'`);
  }
}

/** True when `key` in `scheme` (and only that scheme) decrypts the file. */
function opensWith(file: string, key: Buffer, scheme: Scheme): boolean {
  const db = openPlainSqlite(file, { readonly: true, fileMustExist: true });
  try {
    selectScheme(db, scheme);
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw error;
  } finally {
    db.close();
  }
}

/** A copy of `template` as the previous version wrote it: SQLCipher 4 under `key`, in WAL mode. */
function previousSchemeDatabase(folder: string, name: string, template: string, key: Buffer): string {
  const file = path.join(folder, name);
  fs.copyFileSync(template, file);
  fs.chmodSync(file, 0o600);
  const raw = `"x'${key.toString('hex')}'"`;
  const db = openPlainSqlite(file, { fileMustExist: true });
  try {
    selectScheme(db, 'aes256cbc');
    db.pragma(`key = ${raw}`);
    db.pragma('journal_mode = DELETE');
    selectScheme(db, 'sqlcipher4');
    db.pragma(`rekey = ${raw}`);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  expect(opensWith(file, key, 'sqlcipher4')).toBe(true);
  expect(opensWith(file, key, 'aes256cbc')).toBe(false);
  return file;
}

function tableCounts(file: string): Record<string, number> {
  const db = openDatabaseFile(file, { readonly: true });
  try {
    return Object.fromEntries(sqliteAdmin.tableRowCounts(db));
  } finally {
    db.close();
  }
}

const leftovers = (folder: string) => fs.readdirSync(folder).filter((f) => !/^jenjang\.sqlite(-wal|-shm)?$/.test(f));

describe('the cipher scheme of database files', () => {
  const dir = tempDir();
  let template: string;
  let key: Buffer;
  let nips: string[];
  let counts: Record<string, number>;

  beforeAll(() => {
    template = path.join(dir, 'templat.sqlite');
    const made = runCli(['demo', '--db', template, '--employees', '120', '--seed', '7']);
    expect(made.code, made.stderr).toBe(0);
    key = keyForNewDatabase();
    const db = openDatabaseFile(template, { readonly: true });
    try {
      nips = db.prepare('SELECT nip FROM employee ORDER BY id LIMIT 25').pluck().all() as string[];
    } finally {
      db.close();
    }
    counts = tableCounts(template);
    expect(counts.employee).toBe(120);
  });

  const holdsPlaintextNip = (bytes: Buffer) => nips.some((nip) => bytes.includes(nip));

  it('writes a new database in aes256cbc, not SQLCipher 4, with no NIP readable in its bytes', () => {
    expect(opensWith(template, key, 'aes256cbc')).toBe(true);
    expect(opensWith(template, key, 'sqlcipher4')).toBe(false);
    expect(isPlainDatabaseFile(template)).toBe(false);
    expect(holdsPlaintextNip(fileBytes(template))).toBe(false);
  });

  it('opens a SQLCipher 4 database of the previous version for writing, converts it and keeps every row', async () => {
    const folder = path.join(dir, 'konversi');
    fs.mkdirSync(folder);
    const file = previousSchemeDatabase(folder, 'jenjang.sqlite', template, key);
    const opened = await openDatabase(file, { create: false });
    try {
      expect(opened.encryptedNow).not.toBeNull();
      expect(opened.encryptedNow!.rows).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    } finally {
      await opened.close();
    }
    expect(opensWith(file, key, 'aes256cbc')).toBe(true);
    expect(opensWith(file, key, 'sqlcipher4')).toBe(false);
    expect(tableCounts(file)).toEqual(counts);
    expect(holdsPlaintextNip(fileBytes(file))).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(leftovers(folder)).toEqual([]);

    // A second open finds nothing to convert.
    const again = await openDatabase(file, { create: false });
    await again.close();
    expect(again.encryptedNow).toBeNull();
  });

  it('reads a SQLCipher 4 database with the read-only commands, without converting it, and backs it up in aes256cbc', () => {
    const folder = path.join(dir, 'baca');
    fs.mkdirSync(folder);
    const file = previousSchemeDatabase(folder, 'jenjang.sqlite', template, key);
    const stats = runCli(['stats', '--db', file, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).employees.total).toBe(120);
    expect(opensWith(file, key, 'sqlcipher4')).toBe(true);

    const out = path.join(dir, 'cadangan-skema-lama.sqlite');
    const backup = runCli(['backup', '--db', file, '--out', out]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(opensWith(out, key, 'aes256cbc')).toBe(true);
    expect(tableCounts(out)).toEqual(counts);
    expect(holdsPlaintextNip(fs.readFileSync(out))).toBe(false);
  });

  it.each(['copied', 'encrypted', 'verified', 'swapped'])('killed after the conversion step "%s", leaves the old file or the checked new one, and the next start finishes', async (step) => {
    const folder = path.join(dir, `bunuh-${step}`);
    fs.mkdirSync(folder);
    const file = previousSchemeDatabase(folder, 'jenjang.sqlite', template, key);
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

    // Under the database's name: the old file before the swap, the converted one after; whole either way.
    const converted = step === 'swapped';
    expect(opensWith(file, key, 'aes256cbc')).toBe(converted);
    expect(opensWith(file, key, 'sqlcipher4')).toBe(!converted);
    expect(tableCounts(file)).toEqual(counts);
    expect(fs.readdirSync(folder).some((f) => f.endsWith('.partial'))).toBe(true);

    const host = await startHost({ dbPath: file, transport: 'test', clock: fixedClock(TEST_TODAY), log: () => undefined });
    await host.close();
    expect(opensWith(file, key, 'aes256cbc')).toBe(true);
    expect(tableCounts(file)).toEqual(counts);
    expect(fs.readdirSync(folder).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('restores a SQLCipher 4 backup of the previous version, in aes256cbc afterwards', { timeout: 240_000 }, () => {
    const folder = path.join(dir, 'pulih');
    fs.mkdirSync(folder);
    const target = path.join(folder, 'jenjang.sqlite');
    expect(runCli(['init', '--db', target]).code).toBe(0);
    const oldBackup = previousSchemeDatabase(dir, 'cadangan-versi-lama.sqlite', template, key);
    const restored = runCli(['restore', '--db', target, '--from', oldBackup, '--yes', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(opensWith(target, key, 'aes256cbc')).toBe(true);
    expect(tableCounts(target)).toEqual(counts);
    expect(fs.readdirSync(folder).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('accepts the recovery key for a database in either scheme, and refuses a key of neither', { timeout: 240_000 }, () => {
    const second = { JENJANG_CONFIG_DIR: path.join(dir, 'komputer-2') };
    const oldFile = previousSchemeDatabase(dir, 'lama-untuk-pemulihan.sqlite', template, key);
    const recoveryKey = formatRecoveryKey(key);
    const elsewhere = formatRecoveryKey(Buffer.from('77'.repeat(32), 'hex'));
    expect(runCli(['recover-key', '--recovery-key', elsewhere, '--db', oldFile], second).stderr).toMatch(/tidak membuka database/);
    const forOld = runCli(['recover-key', '--recovery-key', recoveryKey, '--db', oldFile, '--json'], second);
    expect(forOld.code, forOld.stderr).toBe(0);
    const forNew = runCli(['recover-key', '--recovery-key', recoveryKey, '--db', template, '--json'], second);
    expect(forNew.code, forNew.stderr).toBe(0);
    const stats = runCli(['stats', '--db', oldFile, '--json'], second);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).employees.total).toBe(120);
  });
});
