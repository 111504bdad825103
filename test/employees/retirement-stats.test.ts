import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { generateDemoDistrict } from '../../main/demo/generate';
import { EMPLOYEE_STATUSES } from '../../shared/domain/employee-status';
import { bupFor, retirementDate } from '../../shared/domain/retirement';
import { expectOk, openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';

describe('retirement in SQL and in stats', () => {
  const dir = tempDir();
  let host: JenjangHost;
  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 2500, seed: 21 });
  });
  afterAll(() => host.close());

  it('stores the same TMT pensiun as the shared rule computes, for every employee (derived column vs recompute)', async () => {
    const rows: Array<{ birth_date: string; level: string; bup_override: number | null; tmt: string }> = await host.services.dataSource.query(
      `SELECT e.birth_date, p.level, p.bup_override, e.retirement_date AS tmt FROM employee e LEFT JOIN position p ON p.id = e.position_id`);
    expect(rows).toHaveLength(2500);
    for (const r of rows) expect(r.tmt).toBe(retirementDate(r.birth_date, bupFor(r.level, r.bup_override)));
  });

  it('stats: breakdowns add up to the total and retirements match a recount from the generator', async () => {
    const stats = expectOk(await host.call('stats:overview', { asOf: TEST_TODAY }));
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    const { employees } = stats;
    expect(employees.total).toBe(2500);
    for (const breakdown of [employees.byStatus, employees.byUnit, employees.byGolongan, employees.byPositionKind, employees.byGender]) {
      expect(sum(breakdown)).toBe(2500);
    }
    expect(Object.keys(employees.byStatus)).toEqual(EMPLOYEE_STATUSES.map((s) => s.label));

    // Independent recount from the generator's own rows with the TypeScript rule.
    const district = generateDemoDistrict({ employees: 2500, seed: 21, asOf: TEST_TODAY });
    const positions = new Map(district.positions.map((p) => [p.id, p]));
    const expected: Record<string, number> = { 2027: 0, 2028: 0, 2029: 0, 2030: 0, 2031: 0 };
    for (const e of district.employees) {
      if (e.status !== 'active') continue;
      const p = positions.get(e.positionId)!;
      const year = retirementDate(e.birthDate, bupFor(p.level, p.bupOverride)).slice(0, 4);
      if (year in expected) expected[year] += 1;
    }
    expect(stats.retirements).toEqual(expected);
    expect(sum(stats.retirements)).toBeGreaterThan(0);
  });

  it('moves the five-year window with --as-of', async () => {
    const stats = expectOk(await host.call('stats:overview', { asOf: '2030-06-30' }));
    expect(Object.keys(stats.retirements)).toEqual(['2031', '2032', '2033', '2034', '2035']);
  });
});
