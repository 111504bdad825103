// Where the database key comes from (JENJANG_DB_KEY, the OS credential store, the key file), the recovery key
// and its check group, and the CLI's "Pulihkan dengan kunci pemulihan" on a second config folder (a second
// computer): the database one computer made opens on the other only after its recovery key is added.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { addRecoveredKey, ensureDatabaseKeys, findDatabaseKeys, keyFilePath, configFolder } from '../../main/security/database-key';
import { formatRecoveryKey, parseRecoveryKey, RecoveryKeyError } from '../../main/security/recovery-key';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-db';

const errorOf = (work: () => unknown): unknown => {
  try {
    work();
    return null;
  } catch (error) {
    return error;
  }
};

describe('the database key', () => {
  const dir = tempDir();

  it('comes from JENJANG_DB_KEY when set, and a malformed value is refused in Indonesian', () => {
    const hex = 'ab'.repeat(32);
    const keys = findDatabaseKeys({ JENJANG_DB_KEY: hex, JENJANG_CONFIG_DIR: path.join(dir, 'env') });
    expect(keys).toMatchObject({ store: 'env', location: 'variabel lingkungan JENJANG_DB_KEY' });
    expect(keys!.active.toString('hex')).toBe(hex);
    for (const bad of ['abc', 'zz'.repeat(32), 'ab'.repeat(33)]) {
      const error = errorOf(() => findDatabaseKeys({ JENJANG_DB_KEY: bad, JENJANG_CONFIG_DIR: path.join(dir, 'env') }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/^JENJANG_DB_KEY harus berisi tepat 64 karakter heksadesimal/);
    }
    expect((errorOf(() => findDatabaseKeys({ JENJANG_KEY_STORE: 'env', JENJANG_CONFIG_DIR: path.join(dir, 'env') })) as AppError).message)
      .toMatch(/JENJANG_KEY_STORE=env mewajibkan JENJANG_DB_KEY/);
    expect((errorOf(() => findDatabaseKeys({ JENJANG_KEY_STORE: 'brankas' })) as AppError).message).toMatch(/JENJANG_KEY_STORE harus "env", "keyring" atau "file"/);
  });

  it('is created once in an owner-only key file in the config folder, and found again', () => {
    const env = { JENJANG_CONFIG_DIR: path.join(dir, 'berkas', 'Jenjang'), JENJANG_KEY_STORE: 'file' };
    expect(findDatabaseKeys(env)).toBeNull(); // looking never creates a key
    expect(fs.existsSync(env.JENJANG_CONFIG_DIR)).toBe(false);
    const created = ensureDatabaseKeys(env);
    expect(created).toMatchObject({ store: 'file', created: true, location: keyFilePath(env) });
    expect(created.active).toHaveLength(32);
    if (process.platform !== 'win32') {
      expect(fs.statSync(keyFilePath(env)).mode & 0o777).toBe(0o600);
      expect(fs.statSync(env.JENJANG_CONFIG_DIR).mode & 0o777).toBe(0o700);
    }
    const again = ensureDatabaseKeys(env);
    expect(again.created).toBe(false);
    expect(again.active.equals(created.active)).toBe(true);
    expect(fs.readFileSync(keyFilePath(env), 'utf8')).toContain(created.active.toString('hex'));
  });

  it('names the OS config folder per platform unless JENJANG_CONFIG_DIR is set', () => {
    expect(configFolder({}, 'linux', '/home/ani')).toBe('/home/ani/.config/Jenjang');
    expect(configFolder({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ani')).toBe('/xdg/Jenjang');
    expect(configFolder({}, 'darwin', '/Users/ani')).toBe('/Users/ani/Library/Application Support/Jenjang');
    expect(configFolder({ APPDATA: 'C:\\Users\\ani\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ani')).toBe(path.join('C:\\Users\\ani\\AppData\\Roaming', 'Jenjang'));
    expect(configFolder({ JENJANG_CONFIG_DIR: '/tmp/uji' }, 'linux', '/home/ani')).toBe('/tmp/uji');
  });

  it.skipIf(process.platform !== 'linux' || !!process.env.DBUS_SESSION_BUS_ADDRESS)(
    'forced into a credential store that does not answer (headless Linux), says so instead of falling back', () => {
      const error = errorOf(() => ensureDatabaseKeys({ JENJANG_KEY_STORE: 'keyring', JENJANG_CONFIG_DIR: path.join(dir, 'keyring') }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/^Penyimpanan kunci sistem operasi \(Secret Service, layanan "Jenjang"\) tidak dapat dipakai: .+ pakai JENJANG_KEY_STORE=file atau JENJANG_DB_KEY/);
      expect(fs.existsSync(path.join(dir, 'keyring'))).toBe(false);
    });
});

describe('the recovery key', () => {
  it('writes the key in 14 groups of 4 with a check group, and reads it back however it is typed', () => {
    const key = Buffer.from('00ff10ef'.repeat(8), 'hex');
    const text = formatRecoveryKey(key);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(text).equals(key)).toBe(true);
    expect(parseRecoveryKey(` ${text.toLowerCase().replace(/-/g, ' ')} `).equals(key)).toBe(true);
    expect(parseRecoveryKey(text.replace(/0/g, 'O').replace(/1/g, 'l')).equals(key)).toBe(true);
  });

  it('catches a typo in any character, and a short key, before any file is tried', () => {
    const key = Buffer.from('5a'.repeat(32), 'hex');
    const text = formatRecoveryKey(key);
    for (const position of [0, 7, 30, text.length - 1]) {
      if (text[position] === '-') continue;
      const typo = text.slice(0, position) + (text[position] === 'A' ? 'B' : 'A') + text.slice(position + 1);
      expect(() => parseRecoveryKey(typo)).toThrow(/tidak cocok dengan kelompok pemeriksanya/);
    }
    expect(() => parseRecoveryKey(text.slice(0, -5))).toThrow(RecoveryKeyError);
    expect(() => parseRecoveryKey(text.slice(0, -5))).toThrow(/terdiri dari 56 huruf dan angka/);
  });

  it('adds a recovered key as the active key on a computer without one, as an extra key beside an existing one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-pulih-'));
    try {
      const fresh = { JENJANG_CONFIG_DIR: path.join(dir, 'baru'), JENJANG_KEY_STORE: 'file' };
      const office = Buffer.from('11'.repeat(32), 'hex');
      expect(addRecoveredKey(office, fresh)).toMatchObject({ role: 'active', store: 'file' });
      expect(findDatabaseKeys(fresh)!.active.equals(office)).toBe(true);
      expect(addRecoveredKey(office, fresh).role).toBe('known');
      const other = { JENJANG_CONFIG_DIR: path.join(dir, 'lain'), JENJANG_KEY_STORE: 'file' };
      const own = ensureDatabaseKeys(other).active;
      expect(addRecoveredKey(office, other).role).toBe('extra');
      const keys = findDatabaseKeys(other)!;
      expect(keys.active.equals(own)).toBe(true);
      expect(keys.extra.map((k) => k.toString('hex'))).toEqual([office.toString('hex')]);
      expect(fs.statSync(keyFilePath(other)).mode & 0o777).toBe(0o600);
      expect((errorOf(() => addRecoveredKey(office, { JENJANG_DB_KEY: 'cd'.repeat(32) })) as AppError).message).toMatch(/JENJANG_DB_KEY/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a second computer (another config folder)', () => {
  const dir = tempDir();

  it('opens the database of the first only after "Pulihkan dengan kunci pemulihan"', { timeout: 240_000 }, () => {
    const first = { JENJANG_CONFIG_DIR: path.join(dir, 'komputer-1') };
    const second = { JENJANG_CONFIG_DIR: path.join(dir, 'komputer-2') };
    const db = path.join(dir, 'kantor.sqlite');
    const created = runCli(['init', '--db', db, '--json'], first);
    expect(created.code, created.stderr).toBe(0);
    const init = JSON.parse(created.stdout) as { recoveryKey: string; keyStore: string };
    expect(init.keyStore).toBe('file');
    expect(init.recoveryKey).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    expect(runCli(['demo', '--user', 'admin', '--db', db, '--employees', '30', '--seed', '3'], first).code).toBe(0);

    // The second computer has no key for it: refused, and the message says what to do.
    const refused = runCli(['stats', '--db', db, '--json'], second);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/terenkripsi dengan kunci yang tidak tersimpan di komputer ini.*kunci pemulihan/);

    // A typo and a recovery key of another database are refused; nothing is stored.
    const typo = runCli(['recover-key', '--recovery-key', init.recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), '--db', db], second);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/tidak cocok dengan kelompok pemeriksanya/);
    const elsewhere = formatRecoveryKey(Buffer.from('77'.repeat(32), 'hex'));
    expect(runCli(['recover-key', '--recovery-key', elsewhere, '--db', db], second).stderr).toMatch(/tidak membuka database/);
    expect(fs.existsSync(path.join(second.JENJANG_CONFIG_DIR, 'kunci-database.json'))).toBe(false);

    const recovered = runCli(['recover-key', '--recovery-key', init.recoveryKey, '--db', db, '--json'], second);
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(JSON.parse(recovered.stdout)).toMatchObject({ role: 'active', keyStore: 'file' });
    const stats = runCli(['stats', '--db', db, '--json'], second);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).employees.total).toBe(30);
  });
});
