import { openDatabaseFile, type SqliteDatabase } from '../helpers/sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-db';

describe('npm run cli', () => {
  const dir = tempDir();
  const db = path.join(dir, 'demo.sqlite');

  it('demo → stats --json: JSON only on stdout, with the stable contract', () => {
    const demo = runCli(['demo', '--db', db, '--employees', '400', '--seed', '5', '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ employees: 400, seed: 5 });

    const stats = runCli(['stats', '--db', db, '--json', '--as-of', '2026-11-24']);
    expect(stats.code, stats.stderr).toBe(0);
    const parsed = JSON.parse(stats.stdout);
    expect(Object.keys(parsed).slice(0, 3)).toEqual(['asOf', 'employees', 'retirements']);
    expect(parsed.asOf).toBe('2026-11-24');
    expect(parsed.employees.total).toBe(400);
    expect(Object.keys(parsed.employees)).toEqual(['total', 'byStatus', 'byUnit', 'byGolongan', 'byPositionKind', 'byGender']);
    expect(Object.keys(parsed.retirements)).toEqual(['2027', '2028', '2029', '2030', '2031']);
    expect(parsed.employees.byGender.L + parsed.employees.byGender.P).toBe(400);
  });

  it('backup → restore brings the data back, and keeps the replaced file', () => {
    const backup = path.join(dir, 'backup.sqlite');
    const made = runCli(['backup', '--db', db, '--out', backup, '--json']);
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout).bytes).toBeGreaterThan(0);

    const again = runCli(['backup', '--db', db, '--out', backup]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/sudah ada/);

    const raw = openDatabaseFile(db);
    raw.exec('DELETE FROM audit_log');
    raw.close();
    const restored = runCli(['restore', '--db', db, '--from', backup, '--yes', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    const { previousCopy } = JSON.parse(restored.stdout);
    expect(fs.existsSync(previousCopy)).toBe(true);
    const check = openDatabaseFile(db, { readonly: true });
    expect((check.prepare('SELECT COUNT(*) n FROM audit_log').get() as { n: number }).n).toBeGreaterThan(0);
    check.close();
  });

  const failures: Array<[string, () => string[], RegExp]> = [
    ['a missing database file', () => ['stats', '--db', path.join(dir, 'missing.sqlite'), '--json'], /tidak ditemukan/],
    ['a file that is not a database', () => {
      const file = path.join(dir, 'text.sqlite');
      fs.writeFileSync(file, 'ini bukan database '.repeat(300));
      return ['stats', '--db', file, '--json'];
    }, /bukan database SQLite/],
    ['a database of a newer Jenjang', () => {
      const file = path.join(dir, 'newer.sqlite');
      fs.copyFileSync(db, file);
      const raw = openDatabaseFile(file);
      raw.prepare(`INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'Future1999999999999')`).run();
      raw.close();
      return ['stats', '--db', file, '--json'];
    }, /versi Jenjang yang lebih baru/],
    ['an unknown option', () => ['stats', '--db', db, '--jsn'], /Opsi tidak dikenal/],
    ['an invalid --as-of', () => ['stats', '--db', db, '--as-of', '2026-13-01'], /--as-of/],
    ['demo into a database with data', () => ['demo', '--db', db, '--employees', '10'], /sudah berisi data/],
    ['an unknown command', () => ['explode'], /tidak dikenal/],
  ];
  it.each(failures)('fails on %s: exit 1, one line on stderr, nothing on stdout', (_label, args, message) => {
    const result = runCli(args());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
