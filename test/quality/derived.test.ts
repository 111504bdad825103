// The data-quality index is a sum over the derived table employee_quality, kept on write. After each kind of write
// (a first snapshot, a manual edit, a potential assessment, a later snapshot, its undo) the table must hold exactly
// what a full evaluation of every active employee gives, and the index must count as the full evaluation counts.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict, type DemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { qualitySql, readQualityFacts, refreshQualityChecks } from '../../main/db/sql/quality.sql';
import { managerRun } from '../../main/db/sql/run';
import { duplicateKey, stableBits, tallyByGroup } from '../../shared/domain/quality';
import { inputFromProfile } from '../helpers/employee-input';
import { commitPreview, nextJobId, previewFile } from '../helpers/import';
import { expectOk, openTestHost, tempDir, TEST_TODAY, queryOn } from '../helpers/temp-db';

describe('employee_quality kept on write', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let district: DemoDistrict;
  const q = (sql: string, params: unknown[] = []) => queryOn(host, sql, params);

  /** The table equals the stable checks evaluated now over every active employee, and the overview counts what a
   *  full evaluation (dated checks included) counts. */
  async function expectDerivedEqualsFullEvaluation() {
    const run = managerRun(host.services.dataSource);
    const full = await readQualityFacts(run, 'all', null);
    const expected = full.map(({ row, facts }) => {
      const bits = stableBits(facts);
      return { employee_id: row.id, applicable_mask: bits.applicable, found_mask: bits.found, duplicate_key: duplicateKey(facts) };
    }).sort((a, b) => a.employee_id - b.employee_id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await qualitySql.stored(run)).toEqual(expected);

    const asOf = host.services.clock.today();
    const withSkp = await readQualityFacts(run, 'all', Number(asOf.slice(0, 4)) - 1);
    const { total } = tallyByGroup(withSkp.map((p) => p.facts), asOf, () => 0);
    const overview = expectOk(await host.call('quality:overview', {}));
    expect(overview.population).toBe(withSkp.length);
    expect(overview.checks.map((c) => ({ key: c.key, applicable: c.applicable, found: c.found }))).toEqual(total);
  }

  beforeAll(async () => {
    host = await openTestHost(dir);
    district = generateDemoDistrict({ employees: 300, seed: 5, asOf: TEST_TODAY });
  }, 60_000);
  afterAll(() => host.close());

  it('after a first snapshot', async () => {
    const file = path.join(dir, 'siasn-1.csv');
    writeDelimited(file, SIASN_HEADER, siasnRows(district), { delimiter: '|' });
    await commitPreview(host, (await previewFile(host, file)).previewId);
    await expectDerivedEqualsFullEvaluation();
    // The import recorded the index it left: one point, nothing to compare with yet.
    const overview = expectOk(await host.call('quality:overview', {}));
    const trend = expectOk(await host.call('quality:trend', {}));
    expect(trend.points).toEqual([{ takenOn: TEST_TODAY, reason: 'impor', fileName: 'siasn-1.csv', population: overview.population, index: overview.index }]);
    expect(trend.sinceLastImport).toBeNull();
    // The day has its record: the daily one adds nothing.
    expect(expectOk(await host.call('quality:recordDaily', {}))).toEqual({ recorded: false, takenOn: TEST_TODAY });
  });

  it('after a manual edit: gender against the NIP, a move that opens a position history, a status change', async () => {
    const [a, b, c] = await q(`SELECT id FROM employee WHERE status = 'active' AND position_id IS NOT NULL ORDER BY id LIMIT 3`);
    const edit = async (id: number, change: (input: ReturnType<typeof inputFromProfile>) => void) => {
      const profile = expectOk(await host.call('employees:get', { id }));
      const input = inputFromProfile(profile);
      change(input);
      expectOk(await host.call('employees:update', { id, version: profile.version, input }));
    };
    await edit(a.id, (input) => { input.gender = input.gender === 'L' ? 'P' : 'L'; });
    const [other] = await q('SELECT id, unit_id FROM position WHERE id <> (SELECT position_id FROM employee WHERE id = ?) AND unit_id IS NOT NULL LIMIT 1', [b.id]);
    // A TMT not after the open row's TMT (the TMT CPNS) leaves that row open: two open position histories.
    await edit(b.id, (input) => { input.positionId = other.id; input.unitId = other.unit_id; input.positionTmt = input.cpnsTmt; });
    await edit(c.id, (input) => { input.status = 'retired'; input.statusDate = '2026-10-01'; });
    const found = expectOk(await host.call('quality:findings', { check: 'dua_riwayat_jabatan_terbuka', offset: 0, limit: 500 }));
    expect(found.rows.map((r) => r.employeeId)).toContain(b.id);
    await expectDerivedEqualsFullEvaluation();
  });

  it('after a full refresh read in pages smaller than the district (ids past a page boundary, inactive people skipped)', async () => {
    await refreshQualityChecks(managerRun(host.services.dataSource), 'all', 7);
    await expectDerivedEqualsFullEvaluation();
  });

  it('after a potential assessment recorded by hand', async () => {
    const [person] = await q(`SELECT e.id FROM employee e WHERE e.status = 'active' AND NOT EXISTS (SELECT 1 FROM potential_assessment p WHERE p.employee_id = e.id) LIMIT 1`);
    expectOk(await host.call('performance:savePotential', { employeeId: person.id, assessedOn: '2026-09-01', level: 'tinggi', score: null, method: 'assessment_center' }));
    await expectDerivedEqualsFullEvaluation();
  });

  describe('a later snapshot and its undo', () => {
    let snapshotId: number;
    it('after the snapshot (changes, a newcomer without a birth date match, people absent)', async () => {
      const rows = siasnRows(district) as Row[];
      const active = rows.filter((r) => r.kedudukan_hukum_nama === 'Aktif');
      for (const r of active.slice(0, 6)) Object.assign(r, { pendidikan_nama: '', tingkat_pendidikan_nama: '', tmt_jabatan: '' });
      for (const r of active.slice(6, 10)) Object.assign(r, { jenis_kelamin: r.jenis_kelamin === 'M' ? 'F' : 'M' });
      const kept = rows.filter((r) => !active.slice(-3).includes(r));
      kept.push({ ...active[20], pns_id: 'NEW-Q', nip_baru: '199901012026101001', nama: String(active[20].nama), tanggal_lahir: String(active[20].tanggal_lahir) });
      const file = path.join(dir, 'siasn-2.csv');
      writeDelimited(file, SIASN_HEADER, kept, { delimiter: '|' });
      const result = await commitPreview(host, (await previewFile(host, file, { markAbsent: true })).previewId);
      snapshotId = result.snapshotId;
      await expectDerivedEqualsFullEvaluation();
    });

    it('records the index after it, and how it moved since the previous import, for the district and each perangkat daerah', async () => {
      const overview = expectOk(await host.call('quality:overview', {}));
      const trend = expectOk(await host.call('quality:trend', {}));
      expect(trend.points.map((p) => [p.reason, p.fileName])).toEqual([['impor', 'siasn-1.csv'], ['impor', 'siasn-2.csv']]);
      const since = trend.sinceLastImport!;
      expect(since.latest.index).toBe(overview.index);
      // Emptied education and TMT jabatan, genders against the NIP and a duplicate: the index went down.
      expect(since.delta!).toBeLessThan(0);
      expect(since.delta).toBe(Math.round((since.latest.index! - since.previous.index!) * 10) / 10);
      const units = overview.units.filter((u) => u.unitId !== null);
      expect(trend.units.map((u) => u.unitId).sort()).toEqual(units.map((u) => u.unitId).sort());
      for (const unit of units) {
        const own = expectOk(await host.call('quality:trend', { unitId: unit.unitId! }));
        expect(own.points.at(-1)!.index).toBe(unit.index);
        expect(trend.units.find((u) => u.unitId === unit.unitId)!.delta).toBe(own.sinceLastImport!.delta);
      }
    });

    it('after undoing it (and the undone import leaves the trend)', async () => {
      expectOk(await host.call('import:undo', { snapshotId, jobId: nextJobId() }));
      await expectDerivedEqualsFullEvaluation();
      const trend = expectOk(await host.call('quality:trend', {}));
      expect(trend.points.map((p) => p.fileName)).toEqual(['siasn-1.csv']);
    });
  });
});
