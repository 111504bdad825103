import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-db';

describe('npm run cli -- stats --json: the "development" key', () => {
  const dir = tempDir();
  const db = path.join(dir, 'demo.sqlite');

  it('has exactly the keys of the issue; --year selects the year, the default is the latest year with data', async () => {
    const demo = runCli(['demo', '--db', db, '--employees', '300', '--seed', '3', '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    const latest = runCli(['stats', '--db', db, '--json', '--as-of', '2026-11-24']);
    expect(latest.code, latest.stderr).toBe(0);
    const development = JSON.parse(latest.stdout).development;
    expect(Object.keys(development)).toEqual(['year', 'jpCompliant', 'jpBelow', 'idpByStatus', 'mentoringPairs', 'promotionEligibleNextPeriod', 'rotationCandidates']);
    expect(Object.keys(development.idpByStatus)).toEqual(['direncanakan', 'berjalan', 'selesai', 'batal']);
    // The demo writes trainings up to the day it was generated: the latest year with data up to --as-of.
    expect(development.year).toBe(2026);
    expect(development.jpCompliant + development.jpBelow).toBeGreaterThan(200);
    for (const key of ['jpCompliant', 'jpBelow', 'mentoringPairs', 'promotionEligibleNextPeriod', 'rotationCandidates']) expect(Number.isInteger(development[key])).toBe(true);

    const older = runCli(['stats', '--db', db, '--json', '--as-of', '2026-11-24', '--year', '2024']);
    expect(older.code, older.stderr).toBe(0);
    const before = JSON.parse(older.stdout).development;
    expect(before.year).toBe(2024);
    const host = await startHost({ dbPath: db, transport: 'test', create: false, clock: fixedClock('2026-11-24') });
    try {
      const c = await host.services.training.compliance({ year: 2024 });
      expect([before.jpCompliant, before.jpBelow]).toEqual([c.compliant, c.below]);
    } finally {
      await host.close();
    }
    // Promotion and rotation are "as of" figures, the same whatever --year says.
    expect(before.promotionEligibleNextPeriod).toBe(development.promotionEligibleNextPeriod);
    expect(before.rotationCandidates).toBe(development.rotationCandidates);
  });
});
