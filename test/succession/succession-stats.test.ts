import { openDatabaseFile, type SqliteDatabase } from '../helpers/sqlite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-db';

describe('stats --json: the "succession" key', () => {
  const dir = tempDir();

  it('gives key positions, those at risk, those with a successor ready now, and vacancies per year from retirements', () => {
    const db = path.join(dir, 'demo.sqlite');
    const demo = runCli(['demo', '--db', db, '--employees', '1200', '--seed', '3', '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    const stats = runCli(['stats', '--db', db, '--json', '--as-of', '2026-11-24']);
    expect(stats.code, stats.stderr).toBe(0);
    const { succession } = JSON.parse(stats.stdout);
    expect(Object.keys(succession)).toEqual(['keyPositions', 'atRisk', 'withReadyNow', 'vacanciesByYear']);
    expect(Object.keys(succession.vacanciesByYear)).toEqual(['2027', '2028', '2029', '2030', '2031']);

    // Recounted straight from the tables.
    const raw = openDatabaseFile(db, { readonly: true });
    const one = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
    expect(succession.keyPositions).toBe(one('SELECT COUNT(*) n FROM position WHERE is_key = 1 AND active = 1'));
    for (const [year, n] of Object.entries(succession.vacanciesByYear)) {
      expect(n, year).toBe(one(`SELECT COUNT(DISTINCT p.id) n FROM position p JOIN employee e ON e.position_id = p.id AND e.status = 'active'
        WHERE p.is_key = 1 AND p.active = 1 AND substr(e.retirement_date, 1, 4) = '${year}'`));
    }
    // "Ready now": key posts whose plan names an active successor ready now who retires after the post falls vacant.
    expect(succession.withReadyNow).toBeGreaterThan(0);
    expect(succession.withReadyNow).toBeLessThanOrEqual(one(`SELECT COUNT(DISTINCT sp.position_id) n FROM succession_plan sp
      JOIN succession_candidate c ON c.plan_id = sp.id AND c.readiness = 'siap_sekarang' JOIN position p ON p.id = sp.position_id WHERE p.is_key = 1`));
    expect(succession.atRisk).toBeGreaterThan(0);
    expect(succession.atRisk).toBeLessThan(succession.keyPositions);
    raw.close();
  });
});
