// `npm run cli -- init --db PATH [--json]`: an empty, migrated database for a first import from a script; an
// existing file (database or not) is refused and left exactly as it was.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited } from '../../main/demo/import-files';
import { MIGRATION_NAMES } from '../../main/db/migrations';
import { runCli } from '../helpers/run-cli';
import { tempDir, TEST_TODAY } from '../helpers/temp-db';

describe('npm run cli -- init', () => {
  const dir = tempDir();

  it('creates an empty, migrated database that stats reads and a first import fills', () => {
    const db = path.join(dir, 'baru', 'jenjang.sqlite');
    const created = runCli(['init', '--db', db, '--json']);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toEqual({
      db: path.resolve(db), schemaVersion: MIGRATION_NAMES.at(-1), migrations: MIGRATION_NAMES.length,
      // The run's key lives in its test config folder (test/helpers/test-key-store.ts); its recovery key is shown
      // until acknowledged (test/security/database-key.test.ts).
      keyStore: 'file', keyLocation: expect.stringMatching(/kunci-database\.json$/), recoveryKey: expect.toBeOneOf([null, expect.stringMatching(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/)]),
    });

    const stats = runCli(['stats', '--db', db, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).employees.total).toBe(0);

    const file = path.join(dir, 'siasn.csv');
    writeDelimited(file, SIASN_HEADER, siasnRows(generateDemoDistrict({ employees: 40, seed: 4, asOf: TEST_TODAY })), { delimiter: '|' });
    const imported = runCli(['import', file, '--db', db, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ committed: true, accepted: 40, diff: { new: 40 } });
  });

  it('refuses an existing file with one Indonesian line and exit code 1, and leaves it untouched', () => {
    const db = path.join(dir, 'ada.sqlite');
    expect(runCli(['init', '--db', db]).code).toBe(0);
    const before = fs.readFileSync(db);
    const again = runCli(['init', '--db', db, '--json']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/sudah ada; init hanya membuat database baru/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);

    const notes = path.join(dir, 'catatan.txt');
    fs.writeFileSync(notes, 'bukan database');
    expect(runCli(['init', '--db', notes]).code).toBe(1);
    expect(fs.readFileSync(notes, 'utf8')).toBe('bukan database');
  });

  it('prints a human line without --json, and is listed in help', () => {
    const db = path.join(dir, 'manusia.sqlite');
    const human = runCli(['init', '--db', db]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^Database Jenjang baru dibuat: .*manusia\.sqlite/);
    expect(runCli(['help']).stdout).toMatch(/init --db PATH --admin NAMA/);
  });

  it('creates the Administrator, and a writing command without its password or with a wrong one refuses clearly', () => {
    const db = path.join(tempDir(), 'akun.sqlite');
    expect(runCli(['init', '--db', db, '--admin', 'kepala', '--full-name', 'Kepala BKPSDM'], { JENJANG_PASSWORD: 'sandi-kepala-123' }).code).toBe(0);
    const noPassword = runCli(['import', 'tidak-ada.csv', '--db', db, '--user', 'kepala'], { JENJANG_PASSWORD: '' });
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain('JENJANG_PASSWORD');
    const wrong = runCli(['import', 'tidak-ada.csv', '--db', db, '--user', 'kepala'], { JENJANG_PASSWORD: 'salah-sekali-99' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Nama pengguna atau kata sandi salah');
    const noUser = runCli(['import', 'tidak-ada.csv', '--db', db], {}, { account: false });
    expect(noUser.stderr).toContain('--user');
  });
});
