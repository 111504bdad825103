// The derived data an import leaves equals a full rebuild, row for row: after a first snapshot (every table rebuilt
// whole) and after later imports that change a few hundred employees (ranks, positions, education, units, TMT
// golongan alone, SKP, whole units emptied into a new one, people marked absent), where each refresher runs only
// for the employees whose inputs it reads changed and the summaries move counts person by person. And the routing
// itself: a refresher none of whose inputs changed does not run.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  careerReadinessRefresher, competencyMembershipRefresher, competencyProfileRefresher, DERIVED_REFRESHERS, kgbDueRefresher, performanceMembershipRefresher, qualityRefresher,
  refreshDerived, refreshScopes, retirementDateRefresher,
} from '../../main/db/derived';
import { managerRun } from '../../main/db/sql/run';
import { generateDemoDistrict, type DemoDistrict } from '../../main/demo/generate';
import { kompetensiRows, SIASN_HEADER, siasnRows, skpRows, writeDelimited, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { golonganByCode, nextGolongan, type GolonganCode } from '../../shared/domain/golongan';
import { commitPreview, nextJobId, previewFile } from '../helpers/import';
import { expectOk, openTestHost, queryOn, tempDir, TEST_TODAY } from '../helpers/temp-db';

/** Every table and column a refresher keeps, in key order. */
const DERIVED_READS = [
  'SELECT id, retirement_date FROM employee ORDER BY id',
  'SELECT id, rumpun FROM position ORDER BY id',
  'SELECT * FROM employee_competency_current ORDER BY employee_id, competency_id',
  'SELECT * FROM employee_competency_profile ORDER BY employee_id',
  'SELECT * FROM competency_gap_summary ORDER BY unit_id, position_level, competency_id',
  'SELECT * FROM competency_jpm_histogram ORDER BY unit_id, position_level, status, bucket',
  'SELECT * FROM talent_axis_year ORDER BY employee_id, year',
  'SELECT * FROM performance_member ORDER BY employee_id',
  'SELECT * FROM performance_year_summary ORDER BY unit_id, position_level, year, category',
  'SELECT * FROM talent_box_summary ORDER BY unit_id, position_level, year, kinerja_axis, potensi_axis',
  'SELECT * FROM employee_training_year ORDER BY employee_id, year',
  'SELECT * FROM succession_employee_facts ORDER BY employee_id',
  'SELECT * FROM employee_quality ORDER BY employee_id',
  'SELECT * FROM career_step_readiness ORDER BY employee_id, step_id',
  'SELECT * FROM employee_kgb_due ORDER BY employee_id',
];

describe('derived data after an import', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let district: DemoDistrict;
  let rows: Row[];
  /** The rows of the latest snapshot imported. */
  let latest: Row[];
  let emptyingSnapshot = 0;
  const file = (name: string) => path.join(dir, name);

  const dump = async () => {
    const out: Record<string, unknown[]> = {};
    for (const sql of DERIVED_READS) out[sql] = await queryOn(host, sql);
    return out;
  };
  /** The stored derived data, then every table rebuilt whole in a transaction that is rolled back. */
  const storedAndRebuilt = async () => {
    const stored = await dump();
    const sources = [...new Set(DERIVED_REFRESHERS.flatMap((r) => r.sources))];
    const rebuilt: Record<string, unknown[]> = {};
    await host.services.dataSource.transaction(async (m) => {
      const run = managerRun(m);
      await refreshDerived(run, sources, 'all');
      for (const sql of DERIVED_READS) rebuilt[sql] = (await run(sql, [])) as unknown[];
      throw new Error('rolled back');
    }).catch((error: Error) => {
      if (error.message !== 'rolled back') throw error;
    });
    return { stored, rebuilt };
  };

  beforeAll(async () => {
    host = await openTestHost(dir);
    district = generateDemoDistrict({ employees: 600, seed: 31, asOf: TEST_TODAY });
    rows = siasnRows(district) as Row[];
    writeDelimited(file('siasn-1.csv'), SIASN_HEADER, rows, { delimiter: '|' });
    await commitPreview(host, (await previewFile(host, file('siasn-1.csv'))).previewId);
    writeDelimited(file('skp-2025.csv'), ['nip', 'tahun', 'periode', 'hasil_kerja', 'perilaku_kerja', 'predikat'], skpRows(district, 2025, 3), { delimiter: ';' });
    await commitPreview(host, (await previewFile(host, file('skp-2025.csv'))).previewId);
    writeDelimited(file('skp-2024.csv'), ['nip', 'tahun', 'periode', 'hasil_kerja', 'perilaku_kerja', 'predikat'], skpRows(district, 2024, 5), { delimiter: ';' });
    await commitPreview(host, (await previewFile(host, file('skp-2024.csv'))).previewId);
    writeDelimited(file('kompetensi.csv'), ['nip', 'tanggal', 'metode', 'M.01', 'M.02', 'M.03', 'M.04', 'M.05', 'M.06', 'M.07', 'M.08', 'SK.01'],
      kompetensiRows(district, '2025-05-15', 2, 0.5), { delimiter: ';' });
    await commitPreview(host, (await previewFile(host, file('kompetensi.csv'))).previewId);
    // Target standards for every post held, so the heatmap's sums (competency_gap_summary) have groups to keep.
    const q = (sql: string) => queryOn(host, sql);
    const competencies = (await q('SELECT id FROM competency_definition ORDER BY id LIMIT 4')) as Array<{ id: number }>;
    const held = (await q('SELECT DISTINCT p.id, p.version FROM position p JOIN employee e ON e.position_id = p.id ORDER BY p.id')) as Array<{ id: number; version: number }>;
    const competency = host.services.competency;
    await competency.saveStandard(held[0].id, held[0].version, competencies.map((c, i) => ({ competencyId: c.id, requiredLevel: 2 + (i % 3) })), 'uji');
    await competency.copyStandard(held[0].id, held.slice(1).map((p) => ({ positionId: p.id, version: p.version })), 'uji');
  }, 120_000);
  afterAll(() => host.close());

  it('after the first snapshot and the records: equal to a full rebuild, and not empty', async () => {
    const { stored, rebuilt } = await storedAndRebuilt();
    expect(stored).toEqual(rebuilt);
    for (const table of ['employee_quality', 'career_step_readiness', 'employee_kgb_due', 'employee_competency_profile', 'competency_gap_summary', 'talent_axis_year']) {
      expect(stored[DERIVED_READS.find((sql) => sql.includes(`FROM ${table} `))!].length, table).toBeGreaterThan(0);
    }
  });

  it('after a snapshot with a few hundred changed employees: equal to a full rebuild', async () => {
    const active = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kedudukan_hukum_nama === 'Aktif');
    // Functional and general posts (a structural post has one holder).
    const positions = [...new Map(rows.filter((r) => r.jenis_jabatan_id !== '1').map((r) => [r.jabatan_id, r])).values()];
    const levelOnes = district.units.filter((u) => u.depth === 1);
    const next = rows.map((r) => ({ ...r }));
    const counts = { rank: 0, position: 0, education: 0, unit: 0, tmt: 0 };
    for (const { r, i } of active) {
      const row = next[i];
      switch (i % 9) {
        case 0: { // a promotion, with its TMT
          const up = nextGolongan(Number(r.gol_akhir_id) as GolonganCode);
          if (up === null) break;
          Object.assign(row, { gol_akhir_id: String(up), gol_akhir_nama: golonganByCode(up)!.label, tmt_golongan: '01-10-2026' });
          counts.rank++;
          break;
        }
        case 1: { // another position of the district (one that exists)
          const other = positions[(i * 7) % positions.length];
          if (other.jabatan_id === r.jabatan_id) break;
          Object.assign(row, { jabatan_id: other.jabatan_id, jabatan_nama: other.jabatan_nama, jenis_jabatan_id: other.jenis_jabatan_id,
            jenis_jabatan_nama: other.jenis_jabatan_nama, unor_id: other.unor_id, unor_nama: other.unor_nama, satuan_kerja_induk_id: other.satuan_kerja_induk_id,
            satuan_kerja_induk_nama: other.satuan_kerja_induk_nama, satuan_kerja_kerja_id: other.satuan_kerja_kerja_id, satuan_kerja_kerja_nama: other.satuan_kerja_kerja_nama,
            tmt_jabatan: '01-11-2026' });
          counts.position++;
          break;
        }
        case 2: // a degree finished
          if (r.tingkat_pendidikan_id === 'S2') break;
          Object.assign(row, { tingkat_pendidikan_id: 'S2', tingkat_pendidikan_nama: 'S-2', tahun_lulus: '2026' });
          counts.education++;
          break;
        case 3: { // a move to another unit, same position
          const unit = levelOnes[i % levelOnes.length];
          if (unit.code === r.unor_id) break;
          Object.assign(row, { unor_id: unit.code, unor_nama: unit.name, satuan_kerja_kerja_id: unit.code, satuan_kerja_kerja_nama: unit.name, tmt_jabatan: '01-11-2026' });
          counts.unit++;
          break;
        }
        case 4: // the TMT golongan alone (a correction in SIASN)
          Object.assign(row, { tmt_golongan: '01-04-2026', mk_bulan: '0' });
          counts.tmt++;
          break;
      }
    }
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(20);
    writeDelimited(file('siasn-2.csv'), SIASN_HEADER, next, { delimiter: '|' });
    latest = next;
    const preview = await previewFile(host, file('siasn-2.csv'));
    expect(preview.diff.changed).toBeGreaterThan(150);
    expect(preview.diff.changed).toBeLessThan(rows.length / 2); // the path for some, not the full rebuild
    await commitPreview(host, preview.previewId);
    const { stored, rebuilt } = await storedAndRebuilt();
    expect(stored).toEqual(rebuilt);
  });

  it('after a snapshot that empties units into a new one and leaves people out: equal to a full rebuild', async () => {
    // The summaries move counts person by person: a unit whose every member left must lose its groups (not keep
    // them at zero), a new unit gains them, and people marked absent (no longer active) leave theirs.
    const current = (await queryOn(host,
      `SELECT e.nip, u.code AS unit FROM employee e JOIN unit u ON u.id = e.unit_id WHERE e.status = 'active'`)) as Array<{ nip: string; unit: string }>;
    const unitOf = new Map(current.map((r) => [r.nip, r.unit]));
    const sizes = new Map<string, number>();
    for (const r of current) sizes.set(r.unit, (sizes.get(r.unit) ?? 0) + 1);
    const emptied = new Set([...sizes].filter(([, n]) => n >= 2 && n <= 6).slice(0, 4).map(([code]) => code));
    expect(emptied.size).toBe(4);
    const absent = new Set(current.filter((r) => !emptied.has(r.unit)).filter((_, i) => i % 25 === 3).map((r) => r.nip));
    const next = latest.filter((r) => !absent.has(String(r.nip_baru))).map((r) => (emptied.has(unitOf.get(String(r.nip_baru)) ?? '')
      ? { ...r, unor_id: 'UJI-BARU-1', unor_nama: 'Bidang Uji Baru', tmt_jabatan: '01-11-2026' } : { ...r }));
    writeDelimited(file('siasn-3.csv'), SIASN_HEADER, next, { delimiter: '|' });
    const preview = await previewFile(host, file('siasn-3.csv'), { createMissing: true, markAbsent: true });
    expect(preview.diff.absent).toBeGreaterThanOrEqual(absent.size);
    expect(preview.diff.changed + preview.diff.absent).toBeLessThan(rows.length / 2); // the path for some
    const commit = await commitPreview(host, preview.previewId, { createMissing: true, markAbsent: true });
    emptyingSnapshot = commit.snapshotId;
    const moved = (await queryOn(host,
      `SELECT COUNT(*) AS n FROM employee e JOIN unit u ON u.id = e.unit_id WHERE u.code = 'UJI-BARU-1'`)) as Array<{ n: number }>;
    expect(moved[0].n).toBeGreaterThanOrEqual(8);
    const { stored, rebuilt } = await storedAndRebuilt();
    expect(stored).toEqual(rebuilt);
  });

  it('after undoing that snapshot (the new unit removed, everyone back): equal to a full rebuild', async () => {
    expectOk(await host.call('import:undo', { snapshotId: emptyingSnapshot, jobId: nextJobId() }));
    const { stored, rebuilt } = await storedAndRebuilt();
    expect(stored).toEqual(rebuilt);
  });

  it('after undoing a snapshot that brought new employees: equal to a full rebuild', async () => {
    const newcomers = latest.slice(0, 12).map((r, i) => ({ ...r, pns_id: `UJI-${i}`, nip_baru: `19990101202601${String(1000 + i)}`, nama: `Pegawai Uji ${i}` }));
    writeDelimited(file('siasn-4.csv'), SIASN_HEADER, [...latest, ...newcomers], { delimiter: '|' });
    const preview = await previewFile(host, file('siasn-4.csv'));
    expect(preview.diff.new).toBeGreaterThanOrEqual(10);
    const commit = await commitPreview(host, preview.previewId);
    expectOk(await host.call('import:undo', { snapshotId: commit.snapshotId, jobId: nextJobId() }));
    const { stored, rebuilt } = await storedAndRebuilt();
    expect(stored).toEqual(rebuilt);
  });

  it('after a revised SKP for some employees: equal to a full rebuild', async () => {
    const revised = skpRows(district, 2025, 9).filter((_, i) => i % 4 === 0);
    writeDelimited(file('skp-2025-revisi.csv'), ['nip', 'tahun', 'periode', 'hasil_kerja', 'perilaku_kerja', 'predikat'], revised, { delimiter: ';' });
    await commitPreview(host, (await previewFile(host, file('skp-2025-revisi.csv'))).previewId);
    const { stored, rebuilt } = await storedAndRebuilt();
    expect(stored).toEqual(rebuilt);
  });
});

describe('which refreshers an import runs', () => {
  const scopes = (changes: Record<string, number[]>) => {
    const byRefresher = refreshScopes(new Map(Object.entries(changes).map(([k, ids]) => [k, new Set(ids)])));
    return new Map([...byRefresher].map(([r, ids]) => [r.name, ids]));
  };

  it('a new TMT golongan alone: the data-quality checks and the KGB due date, not the pola karier or the TMT pensiun', () => {
    const run = scopes({ 'employee.golongan_tmt': [4, 2], 'employee.mk_golongan_months': [4] });
    expect(run.get(qualityRefresher.name)).toEqual([2, 4]);
    expect(run.get(kgbDueRefresher.name)).toEqual([2, 4]);
    expect(run.has(careerReadinessRefresher.name)).toBe(false);
    expect(run.has(retirementDateRefresher.name)).toBe(false);
  });

  it('a promotion with its rank-history row: the pola karier for the promoted only', () => {
    const run = scopes({ 'employee.golongan': [7], rank_history: [7], 'employee.phone': [9] });
    expect(run.get(careerReadinessRefresher.name)).toEqual([7]);
    expect(run.has(retirementDateRefresher.name)).toBe(false);
  });

  it('a move to another unit with its TMT jabatan: the heatmap and Kinerja counts move, the KGB due date stays', () => {
    const run = scopes({ 'employee.unit_id': [5], 'employee.position_tmt': [5], position_history: [5] });
    expect(run.get(competencyMembershipRefresher.name)).toEqual([5]);
    expect(run.get(performanceMembershipRefresher.name)).toEqual([5]);
    expect(run.has(competencyProfileRefresher.name)).toBe(false);
    expect(run.has(kgbDueRefresher.name)).toBe(false);
  });

  it('a new employee (every column): every refresher reading employees', () => {
    const run = scopes({ employee: [11] });
    for (const refresher of DERIVED_REFRESHERS.filter((r) => r.sources.includes('employee'))) expect(run.get(refresher.name), refresher.name).toEqual([11]);
    expect(run.size).toBe(DERIVED_REFRESHERS.filter((r) => r.sources.includes('employee')).length);
  });

  it('nothing changed: nothing runs', () => {
    expect(scopes({}).size).toBe(0);
  });
});
