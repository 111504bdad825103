// "Today" has one source: main's clock. These tests pin how it is fixed (JENJANG_TODAY for whole process
// trees, --as-of per command) and that the renderer never reads the browser's calendar itself.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockFromEnvironment, FIXED_TODAY_ENV, systemClock } from '../../main/services/clock';
import { ROOT } from '../helpers/paths';
import { expectOk, openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';
import { runCli } from '../helpers/run-cli';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('the app clock', () => {
  it('is the system clock unless JENJANG_TODAY fixes the day; a malformed day is refused', () => {
    expect(clockFromEnvironment({})).toBe(systemClock);
    expect(clockFromEnvironment({ [FIXED_TODAY_ENV]: '' })).toBe(systemClock);
    expect(clockFromEnvironment({ [FIXED_TODAY_ENV]: '2027-01-05' }).today()).toBe('2027-01-05');
    expect(() => clockFromEnvironment({ [FIXED_TODAY_ENV]: '2027-02-30' })).toThrow(/JENJANG_TODAY/);
  });

  it('runs this whole suite on the fixed test day', () => {
    expect(process.env[FIXED_TODAY_ENV]).toBe(TEST_TODAY);
  });

  it('answers app:today from main, and a host started without a clock takes the fixed day', async () => {
    const host = await openTestHost(tempDir());
    expect(expectOk(await host.call('app:today', {}))).toEqual({ today: TEST_TODAY });
    await host.close();
  });

  it('gives the CLI the same day: stats without --as-of reports the fixed day', () => {
    const dir = tempDir();
    const db = path.join(dir, 'clock.sqlite');
    expect(runCli(['demo', '--db', db, '--employees', '20', '--json']).code).toBe(0);
    const stats = runCli(['stats', '--db', db, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).asOf).toBe(TEST_TODAY);
    const other = runCli(['stats', '--db', db, '--json'], { [FIXED_TODAY_ENV]: '2027-01-05' });
    expect(JSON.parse(other.stdout).asOf).toBe('2027-01-05');
  });

  it('is never read from the browser in the renderer: screens use useToday()', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, 'renderer/src'))) {
      if (file.endsWith(path.join('app', 'today.tsx'))) continue;
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        // A calendar day from the wall clock: new Date() without arguments or todayIso() without one.
        // (Date.now() for unique ids and durations is fine: it is never shown as a day.)
        if (/new Date\(\s*\)|todayIso\(\s*\)/.test(line)) {
          offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });
});
