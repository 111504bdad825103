// The data-quality index over a real database: the demo district with a few records spoilt by hand, read through
// the channels. Each spoilt record must appear in its check's list (and only there), the counts must move by
// exactly the spoilt records, and `stats --json` carries the same figures.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived } from '../../main/db/derived';
import { managerRun } from '../../main/db/sql/run';
import { bitsOn, skpYearOf, storedQualityWeights } from '../../main/db/quality-index';
import { duplicatedKeys, qualityIndex, tallyBits } from '../../shared/domain/quality';
import type { JenjangHost } from '../../main/host';
import { expectOk, openTestHost, tempDir, queryOn } from '../helpers/temp-db';

describe('Kualitas Data over the demo district', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const query = (sql: string, params: unknown[] = []) => queryOn(host, sql, params);
  /** Spoils a record the way a broken snapshot would, then refreshes the derived data as every writer does. */
  const spoil = async (sql: string, params: unknown[], tables: string[], employeeIds: number[]) => {
    await query(sql, params);
    await host.services.dataSource.transaction((manager) => refreshDerived(managerRun(manager), tables, employeeIds));
  };
  const overview = async () => expectOk(await host.call('quality:overview', {}));
  const found = (o: Awaited<ReturnType<typeof overview>>, key: string) => o.checks.find((c) => c.key === key)!.found;
  const listed = async (check: string, unitId?: number) => expectOk(await host.call('quality:findings', { check, unitId, offset: 0, limit: 500 }));

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 150 });
  }, 120_000);
  afterAll(async () => {
    await host.close();
  });

  it('moves each count by exactly the records spoilt, and lists them', async () => {
    const before = await overview();
    expect(before.population).toBeGreaterThan(100);
    expect(before.index).not.toBeNull();
    const people: Array<{ id: number; nip: string; name: string; birth_date: string; gender: string; root_id: number }> = await query(
      `SELECT e.id, e.nip, e.name, e.birth_date, e.gender, u.root_id FROM employee e JOIN unit u ON u.id = e.unit_id
       WHERE e.status = 'active' AND e.education_level IS NOT NULL AND e.birth_date IS NOT NULL AND e.gender IS NOT NULL
       ORDER BY e.id LIMIT 4`);
    const [noEducation, wrongGender, twinA, twinB] = people;
    const educationListed = (await listed('pendidikan')).rows.map((r) => r.employeeId);
    const genderListed = (await listed('nip_jenis_kelamin')).rows.map((r) => r.employeeId);
    expect(educationListed).not.toContain(noEducation.id);
    expect(genderListed).not.toContain(wrongGender.id);

    await spoil('UPDATE employee SET education_level = NULL WHERE id = ?', [noEducation.id], ['employee'], [noEducation.id]);
    await spoil('UPDATE employee SET gender = ? WHERE id = ?', [wrongGender.gender === 'L' ? 'P' : 'L', wrongGender.id], ['employee'], [wrongGender.id]);
    await spoil('UPDATE employee SET name = ?, birth_date = ? WHERE id = ?', [` ${twinA.name.toUpperCase()} `, twinA.birth_date, twinB.id], ['employee'], [twinB.id]);

    const after = await overview();
    expect(found(after, 'pendidikan')).toBe(found(before, 'pendidikan') + 1);
    expect(found(after, 'nip_jenis_kelamin')).toBe(found(before, 'nip_jenis_kelamin') + 1);
    expect((await listed('pendidikan')).rows.map((r) => r.employeeId)).toContain(noEducation.id);
    const gender = (await listed('nip_jenis_kelamin')).rows.find((r) => r.employeeId === wrongGender.id);
    expect(gender?.finding).toMatch(/NIP menyatakan/);
    const twins = (await listed('duplikat_nama_tanggal_lahir')).rows.map((r) => r.employeeId);
    expect(twins).toEqual(expect.arrayContaining([twinA.id, twinB.id]));
    // twinB's new birth date may disagree with its NIP: that is the NIP check's finding, not a duplicate's.
    expect(after.index!).toBeLessThan(before.index!);
  });

  it('lists a check within one perangkat daerah, and the district index sits among the units\'', async () => {
    const o = await overview();
    const all = await listed('pendidikan');
    const [first] = all.rows;
    const [{ root_id: root }] = await query('SELECT u.root_id FROM employee e JOIN unit u ON u.id = e.unit_id WHERE e.id = ?', [first.employeeId]);
    const inUnit = await listed('pendidikan', root);
    expect(inUnit.rows.map((r) => r.employeeId)).toContain(first.employeeId);
    expect(inUnit.total).toBeLessThanOrEqual(all.total);
    expect(o.units.reduce((s, u) => s + u.population, 0)).toBe(o.population);
    const indexes = o.units.map((u) => u.index!).filter((i) => i !== null);
    expect(o.index!).toBeGreaterThanOrEqual(Math.min(...indexes) - 0.1);
    expect(o.index!).toBeLessThanOrEqual(Math.max(...indexes) + 0.1);
  });

  it('follows the weights of the settings', async () => {
    const before = await overview();
    const worst = [...before.checks].filter((c) => c.found > 0).sort((a, b) => b.found / b.applicable - a.found / a.applicable)[0];
    await host.services.settings.section((await import('../../main/services/quality.service')).QUALITY_SETTINGS).update({ weights: { [worst.key]: 0 } }, 'tester');
    const after = await overview();
    expect(after.checks.find((c) => c.key === worst.key)!.weight).toBe(0);
    expect(after.index!).toBeGreaterThan(before.index!);
  });

  it('reads the eselon of the position and a recorded KP pilihan as the exceptions of the golongan check', async () => {
    const [person] = await query(`SELECT e.id, e.position_id FROM employee e WHERE e.status = 'active' AND e.position_id IS NOT NULL AND e.employment_type = 'PNS' ORDER BY e.id DESC LIMIT 1`);
    await spoil(`UPDATE employee SET education_level = 'SLTA', golongan = 34 WHERE id = ?`, [person.id], ['employee'], [person.id]);
    const eselon = (value: string | null) => spoil('UPDATE position SET eselon = ? WHERE id = ?', [value, person.position_id], ['position'], [person.id]);
    await eselon(null);
    const ids = async () => (await listed('golongan_di_atas_pendidikan')).rows.map((r) => r.employeeId);
    expect(await ids()).toContain(person.id);
    // Eselon IV.a reaches III/d (34); IV.b does not.
    await eselon('IV.b');
    expect(await ids()).toContain(person.id);
    await eselon('IV.a');
    expect(await ids()).not.toContain(person.id);
    await eselon(null);
    await spoil(`INSERT INTO rank_history (employee_id, golongan, tmt, kind, source, created_at) VALUES (?, 34, '2024-04-01', 'pilihan_struktural', 'manual', '2024-04-01T00:00:00.000Z')`, [person.id], ['rank_history'], [person.id]);
    expect(await ids()).not.toContain(person.id);
  });

  it('gives stats --json its dataQuality key with the same figures', async () => {
    const o = await overview();
    const stats = await host.services.stats.collect({ asOf: host.services.clock.today() });
    expect(stats.dataQuality).toEqual({ index: o.index, byCheck: Object.fromEntries(o.checks.map((c) => [c.key, c.found])) });
  });

  it('records the index once a day at most, for the district and each perangkat daerah', async () => {
    const o = await overview();
    expect(expectOk(await host.call('quality:recordDaily', {}))).toEqual({ recorded: true, takenOn: host.services.clock.today() });
    expect(expectOk(await host.call('quality:recordDaily', {}))).toEqual({ recorded: false, takenOn: host.services.clock.today() });
    const trend = expectOk(await host.call('quality:trend', {}));
    expect(trend.points).toEqual([{ takenOn: host.services.clock.today(), reason: 'harian', fileName: null, population: o.population, index: o.index }]);
    const unit = o.units.find((u) => u.unitId !== null)!;
    expect(expectOk(await host.call('quality:trend', { unitId: unit.unitId! })).points.map((p) => p.index)).toEqual([unit.index]);
  });

  it('gives a printed report the index of its population: its perangkat daerah, else the district', async () => {
    const o = await overview();
    const district = expectOk(await host.call('reports:render', { reportId: 'proyeksi-pensiun', params: {} }));
    expect(district.dataQuality).toEqual({ scope: 'semua perangkat daerah', population: o.population, index: o.index });
    const unit = o.units.find((u) => u.unitId !== null)!;
    const ofUnit = expectOk(await host.call('reports:render', { reportId: 'proyeksi-pensiun', params: { unit: String(unit.unitId) } }));
    expect(ofUnit.dataQuality).toEqual({ scope: unit.name, population: unit.population, index: unit.index });
  });

  it('counts the report population of a unit as the district rows inside that unit would, sub-units and duplicates included', async () => {
    // A pair of duplicates (same name and birth date) in two different sub-units, so that a sub-unit's report
    // counts a pair whose other half works elsewhere.
    const inSubUnits: Array<{ id: number; unit_id: number }> = await query(
      `SELECT e.id, e.unit_id FROM employee e JOIN unit u ON u.id = e.unit_id WHERE e.status = 'active' AND u.parent_id IS NOT NULL ORDER BY e.id`);
    const a = inSubUnits[0];
    const b = inSubUnits.find((p) => p.unit_id !== a.unit_id)!;
    await spoil('UPDATE employee SET name = (SELECT name FROM employee WHERE id = ?), birth_date = (SELECT birth_date FROM employee WHERE id = ?) WHERE id = ?', [a.id, a.id, b.id], ['employee'], [b.id]);

    // The straightforward computation: every active person of the district read, those inside the unit's subtree
    // kept, the duplicate pairs found over the whole district.
    const run = managerRun(host.services.dataSource);
    const asOf = host.services.clock.today();
    const rows = await host.services.sql.quality.derived(run, skpYearOf(asOf), null, false);
    const pairs = duplicatedKeys(rows.map((r) => r.duplicate_key));
    const weights = await storedQualityWeights(run);
    const units: Array<{ id: number; path: string }> = await query('SELECT id, path FROM unit ORDER BY id');
    let withPeople = 0;
    let withDuplicate = 0;
    for (const unit of units) {
      const inside = rows.filter((r) => r.unit_path !== null && r.unit_path.startsWith(unit.path));
      if (inside.length > 0) withPeople += 1;
      if (inside.some((r) => r.duplicate_key !== null && pairs.has(r.duplicate_key))) withDuplicate += 1;
      const expected = qualityIndex(tallyBits(inside.map((r) => bitsOn(r, asOf)), () => 0, pairs).total, weights);
      const got = await host.services.quality.populationIndex(unit.id);
      expect({ unit: unit.id, population: got!.population, index: got!.index }).toEqual({ unit: unit.id, population: inside.length, index: expected });
    }
    expect(withPeople).toBeGreaterThan(5);
    expect(withDuplicate).toBeGreaterThan(1);
  });

  it('refuses an unknown check with a validation error', async () => {
    const result = await host.call('quality:findings', { check: 'tidak_ada', offset: 0, limit: 10 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('validation');
  });
});
