import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../main/demo/generate';
import { writeDemoDistrict } from '../../main/demo/demo-writer';
import { AppError } from '../../shared/errors';
import { fullYearsBetween } from '../../shared/domain/dates';
import { crossCheckNip, parseNip } from '../../shared/domain/nip';
import { bupFor, retirementDate } from '../../shared/domain/retirement';
import { openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';

describe('demo district generator', () => {
  const district = generateDemoDistrict({ employees: 3000, seed: 11, asOf: TEST_TODAY });
  const positions = new Map(district.positions.map((p) => [p.id, p]));

  it('is deterministic for a seed', () => {
    const hash = (d: unknown) => crypto.createHash('sha256').update(JSON.stringify(d)).digest('hex');
    expect(hash(generateDemoDistrict({ employees: 3000, seed: 11, asOf: TEST_TODAY }))).toBe(hash(district));
    expect(hash(generateDemoDistrict({ employees: 3000, seed: 12, asOf: TEST_TODAY }))).not.toBe(hash(district));
  });

  it('creates exactly the requested number of employees with unique NIPs', () => {
    expect(district.employees).toHaveLength(3000);
    expect(new Set(district.employees.map((e) => e.nip)).size).toBe(3000);
  });

  it('gives every employee a valid NIP consistent with gender and CPNS TMT; birth dates agree except a few seeded data errors', () => {
    let birthMismatches = 0;
    for (const e of district.employees) {
      const nip = parseNip(e.nip, TEST_TODAY);
      expect(nip.ok, e.nip).toBe(true);
      if (!nip.ok) continue;
      const mismatches = crossCheckNip(nip.value, e);
      expect(mismatches.filter((m) => m.field !== 'birthDate')).toEqual([]);
      if (mismatches.length) birthMismatches++;
      expect(fullYearsBetween(e.birthDate, e.cpnsTmt)).toBeGreaterThanOrEqual(18);
    }
    expect(birthMismatches).toBeGreaterThan(0);
    expect(birthMismatches).toBeLessThan(10);
  });

  it('keeps active employees below their BUP and retirees past it', () => {
    for (const e of district.employees) {
      const p = positions.get(e.positionId)!;
      const tmt = retirementDate(e.birthDate, bupFor(p.level, p.bupOverride));
      if (e.status === 'active') expect(tmt > TEST_TODAY, `${e.nip} ${tmt}`).toBe(true);
      if (e.status === 'retired') expect(e.statusDate).toBe(tmt);
    }
  });

  it('covers every kind of jabatan and a hierarchy of units', () => {
    const kinds = new Set(district.employees.map((e) => positions.get(e.positionId)!.kind));
    expect([...kinds].sort()).toEqual(['administrator', 'fungsional', 'jpt', 'pelaksana', 'pengawas']);
    expect(district.units.some((u) => u.depth === 2)).toBe(true);
    expect(new Set(district.employees.map((e) => e.employmentType))).toEqual(new Set(['PNS', 'CPNS', 'PPPK']));
    expect(district.rankHistory.length).toBeGreaterThan(district.employees.length);
    expect(district.positionHistory.length).toBeGreaterThan(district.employees.length);
  });

  it('gives each structural post at most one incumbent', () => {
    const holders = new Map<number, number>();
    for (const e of district.employees) {
      const p = positions.get(e.positionId)!;
      if (p.quota === 1) holders.set(p.id, (holders.get(p.id) ?? 0) + 1);
    }
    expect(Math.max(...holders.values())).toBe(1);
  });
});

describe('demo loading', () => {
  const dir = tempDir();

  it('writes the district in one transaction and reads back the same counts', async () => {
    const host = await openTestHost(dir);
    try {
      const result = await host.services.demo.load({ employees: 500, seed: 3, actor: 'tester' });
      const [counts] = await host.services.dataSource.query(
        'SELECT (SELECT COUNT(*) FROM employee) e, (SELECT COUNT(*) FROM unit) u, (SELECT COUNT(*) FROM position) p, (SELECT COUNT(*) FROM employee_fts) f');
      expect(counts).toEqual({ e: 500, u: result.units, p: result.positions, f: 500 });
    } finally {
      await host.close();
    }
  });

  it('refuses a database that already has data, and changes nothing', async () => {
    const host = await openTestHost(dir, { demoEmployees: 100 });
    try {
      const district = generateDemoDistrict({ employees: 50, seed: 1, asOf: TEST_TODAY });
      const error = await writeDemoDistrict(host.services.dataSource, district, 'now').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('conflict');
      const [{ n }] = await host.services.dataSource.query('SELECT COUNT(*) n FROM employee');
      expect(n).toBe(100);
    } finally {
      await host.close();
    }
  });

  it('rolls everything back when cancelled half-way', async () => {
    const host = await openTestHost(dir);
    try {
      const district = generateDemoDistrict({ employees: 3000, seed: 5, asOf: TEST_TODAY });
      let chunks = 0;
      const job = {
        jobId: 'cancel-test', get cancelled() { return chunks >= 3; },
        throwIfCancelled() { if (chunks >= 3) throw new AppError('cancelled', 'Dibatalkan'); },
        progress() { chunks++; },
      };
      const error = await writeDemoDistrict(host.services.dataSource, district, 'now', { job }).catch((e: unknown) => e);
      expect((error as AppError).code).toBe('cancelled');
      const [counts] = await host.services.dataSource.query('SELECT (SELECT COUNT(*) FROM employee) e, (SELECT COUNT(*) FROM unit) u');
      expect(counts).toEqual({ e: 0, u: 0 });
    } finally {
      await host.close();
    }
  });
});

describe('demo jabatan fungsional', () => {
  it('puts PPPK staff at the first jenjang of their track, never by their PPPK grade code', () => {
    const district = generateDemoDistrict({ employees: 4000, seed: 2026, asOf: TEST_TODAY });
    const positions = new Map(district.positions.map((p) => [p.id, p]));
    const pppkLevels = new Set(district.employees.filter((e) => e.employmentType === 'PPPK').map((e) => positions.get(e.positionId)!.level));
    for (const level of pppkLevels) expect(['ahli_pertama', 'terampil', 'pelaksana']).toContain(level);
  });
});
