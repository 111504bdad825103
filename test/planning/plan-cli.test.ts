// `npm run cli -- plan`: the plan proposed headlessly from a database opened read-only, its JSON contract, the
// budget kept, a unit as `report` takes it, and the file left byte for byte as it was.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { openDatabaseFile } from '../helpers/sqlite';
import { tempDir } from '../helpers/temp-db';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('npm run cli -- plan', () => {
  const dir = tempDir();
  const db = path.join(dir, 'plan.sqlite');

  it('prints exactly the JSON contract, keeps the budget and never writes the file', () => {
    const demo = runCli(['demo', '--db', db, '--employees', '300', '--seed', '4', '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    const before = sha(db);
    const run = runCli(['plan', '--db', db, '--year', '2027', '--budget', '25000000', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['year', 'budget', 'cost', 'needsTotal', 'needsCovered', 'peopleReaching20Jp', 'optimalityGap']);
    expect(out.year).toBe(2027);
    expect(out.budget).toBe(25_000_000);
    expect(out.cost).toBeLessThanOrEqual(25_000_000);
    expect(out.needsTotal).toBeGreaterThan(out.needsCovered);
    expect(out.needsCovered).toBeGreaterThan(0);
    expect(out.optimalityGap).toBeGreaterThanOrEqual(0);
    expect(out.optimalityGap).toBeLessThan(1);
    expect(sha(db)).toBe(before);

    // A bigger budget covers at least as many weighted needs; the count is shown as it is.
    const zero = JSON.parse(runCli(['plan', '--db', db, '--year', '2027', '--budget', '0', '--json']).stdout);
    expect(zero.cost).toBe(0);
    expect(zero.needsTotal).toBe(out.needsTotal);
  }, 240_000);

  it('takes --unit as report does, and refuses an unknown unit and a missing budget in Indonesian', () => {
    const file = openDatabaseFile(db, { readonly: true });
    const { id: unitId } = file.prepare('SELECT id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1').get() as { id: number };
    file.close();
    const scoped = runCli(['plan', '--db', db, '--year', '2027', '--budget', '10000000', '--unit', String(unitId), '--json']);
    expect(scoped.code, scoped.stderr).toBe(0);
    const all = JSON.parse(runCli(['plan', '--db', db, '--year', '2027', '--budget', '10000000', '--json']).stdout);
    expect(JSON.parse(scoped.stdout).needsTotal).toBeLessThan(all.needsTotal);

    const unknown = runCli(['plan', '--db', db, '--year', '2027', '--budget', '1000', '--unit', '999999']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unit kerja dengan ID 999999 tidak ditemukan/);
    const missing = runCli(['plan', '--db', db, '--year', '2027']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--budget/);
  }, 240_000);

  it('prints a readable Indonesian summary without --json', () => {
    const run = runCli(['plan', '--db', db, '--year', '2027', '--budget', '5000000']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Rencana pengembangan 2027: Rp/);
    expect(run.stdout).toMatch(/Kebutuhan terpenuhi: [\d.]+ dari [\d.]+/);
  }, 120_000);
});
