// The derived readiness of the pola karier (career_step_readiness) on a real demo database: after the demo, an
// employee edit, a training, an SKP, a competency assessment, a hukuman disiplin import and its undo, a SIASN
// snapshot import and its undo, and an edit of a step, the table equals a fresh evaluation of the whole district
// by the one rule; and the graph, on other days than the rows were judged on, counts what a fresh evaluation of
// that day counts.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectivePaths, evaluateReadiness, refreshCareerReadiness, stepStandards } from '../../main/db/career-readiness';
import { refreshDerived } from '../../main/db/derived';
import { careerReadinessSql } from '../../main/db/sql/career-readiness.sql';
import { managerRun } from '../../main/db/sql/run';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnDate, siasnRows, writeDelimited, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { CareerPathService } from '../../main/services/careers/career-paths.service';
import { fixedClock } from '../../main/services/clock';
import { sqlite } from '../../main/db/sql';
import { finalSkpYears } from '../../shared/domain/careers/moves';
import { golonganByCode } from '../../shared/domain/golongan';
import type { PositionLevel } from '../../shared/domain/position';
import { inputFromProfile } from '../helpers/employee-input';
import { commitPreview, nextJobId, previewFile } from '../helpers/import';
import { expectOk, openTestHost, tempDir, TEST_TODAY, queryOn } from '../helpers/temp-db';

type Stored = { employee_id: number; step_id: number; ready: number; ready_on: string | null; valid_until: string | null };

describe('career_step_readiness, kept on write', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);
  const run = () => managerRun(host.services.dataSource);

  async function stored(): Promise<Stored[]> {
    return (await careerReadinessSql.all(run())).map((r) => ({
      employee_id: Number(r.employee_id), step_id: Number(r.step_id), ready: Number(r.ready), ready_on: r.ready_on, valid_until: r.valid_until,
    }));
  }

  async function fresh(asOf = TEST_TODAY): Promise<Stored[]> {
    const { paths } = await effectivePaths(run());
    const steps = paths.flatMap((p) => p.steps);
    const entries = await evaluateReadiness(run(), steps, await stepStandards(run(), steps), asOf, 'all');
    return entries.map((e) => ({ employee_id: e.employeeId, step_id: e.stepId, ready: e.ready ? 1 : 0, ready_on: e.readyOn, valid_until: e.validUntil }))
      .sort((a, b) => a.employee_id - b.employee_id || a.step_id - b.step_id);
  }

  /** The table equals a fresh evaluation of everyone today; returns it. */
  async function expectCurrent(): Promise<Stored[]> {
    const now = await stored();
    expect(now).toEqual(await fresh());
    expect((await q<{ n: number }>('SELECT COUNT(*) AS n FROM career_step_readiness WHERE as_of <> ?', [TEST_TODAY]))[0].n).toBe(0);
    return now;
  }

  const rowsOf = (rows: Stored[], employeeId: number) => rows.filter((r) => r.employee_id === employeeId);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 300, seed: 5 });
  }, 120_000);
  afterAll(() => host.close());

  it('is built with the demo district and counts as the one-person Peta Karier does', async () => {
    const rows = await expectCurrent();
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.some((r) => r.ready === 1)).toBe(true);
    expect(rows.some((r) => r.ready === 0 && r.ready_on !== null)).toBe(true);
    const graph = await host.services.careerPaths.graph();
    for (const step of graph.paths.flatMap((p) => p.steps)) {
      const at = rows.filter((r) => r.step_id === step.id);
      expect([step.label, step.standing, step.ready]).toEqual([step.label, at.length, at.filter((r) => r.ready === 1).length]);
    }
    const someone = rows.find((r) => r.ready === 1)!;
    const peta = await host.services.careerPaths.employee(someone.employee_id);
    expect(peta.steps.find((s) => s.stepId === someone.step_id)!.ready).toBe(true);
  });

  it('is rebuilt the same when the district is judged in pages smaller than it (the secondary index built again after)', async () => {
    const before = await stored();
    const indexes = () => q<{ name: string }>(host.services.dataSource.options.type === 'postgres'
      ? `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'career_step_readiness' ORDER BY indexname`
      : `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'career_step_readiness' ORDER BY name`);
    const indexesBefore = await indexes();
    await refreshCareerReadiness(run(), 'all', TEST_TODAY, 7);
    expect(await stored()).toEqual(before);
    expect(await indexes()).toEqual(indexesBefore);
    await expectCurrent();
  });

  /** A row not ready whose step misses exactly this one requirement (from the person's Peta Karier), if any. */
  async function missingOnly(rows: Stored[], key: string, accept: (employeeId: number) => Promise<boolean> = async () => true) {
    for (const r of rows.filter((x) => x.ready === 0 && x.ready_on === null)) {
      const step = (await host.services.careerPaths.employee(r.employee_id)).steps.find((s) => s.stepId === r.step_id)!;
      const unmet = step.checks.filter((c) => c.met !== true).map((c) => c.key);
      if (unmet.length === 1 && unmet[0] === key && await accept(r.employee_id)) return r;
    }
    return null;
  }
  const rowOf = (rows: Stored[], r: Stored) => rows.find((x) => x.employee_id === r.employee_id && x.step_id === r.step_id);

  it('follows an employee edit, a training, an SKP and a competency assessment', async () => {
    const before = await stored();
    // A golongan raised to what a step asks: that step becomes ready.
    const steps = new Map((await host.services.careerPaths.graph()).paths.flatMap((p) => p.steps).map((s) => [s.id, s]));
    const short = await missingOnly(before, 'pangkat', async (id) => {
      const [e] = await q<{ t: string; g: number }>('SELECT employment_type AS t, golongan AS g FROM employee WHERE id = ?', [id]);
      return e.t === 'PNS' && e.g !== null;
    });
    expect(short, 'someone whom only the pangkat keeps from a step').not.toBeNull();
    const profile = expectOk(await host.call('employees:get', { id: short!.employee_id }));
    const golongan = steps.get(short!.step_id)!.requirements.minGolongan!;
    expectOk(await host.call('employees:update', { id: short!.employee_id, version: profile.version, input: { ...inputFromProfile(profile), golongan, golonganTmt: '2026-10-01' } }));
    expect(rowOf(await expectCurrent(), short!)).toMatchObject({ ready: 1, ready_on: TEST_TODAY });

    // The leadership training recorded: the step it kept back becomes ready.
    const untrained = await missingOnly(await stored(), 'pelatihan');
    expect(untrained, 'someone whom only the leadership training keeps from a step').not.toBeNull();
    const type = steps.get(untrained!.step_id)!.requirements.leadershipTraining! as 'pkp' | 'pka' | 'pkn_2' | 'pkn_1';
    expectOk(await host.call('training:save', { employeeId: untrained!.employee_id, input: { title: 'Pelatihan Kepemimpinan', type, startDate: '2026-08-01', endDate: '2026-10-30', jp: 300 } }));
    expect(rowOf(await expectCurrent(), untrained!)).toMatchObject({ ready: 1 });

    // An SKP below Baik in a year the steps ask: a ready person is ready no more.
    const ready = (await stored()).find((r) => r.ready === 1)!.employee_id;
    const [year] = finalSkpYears(TEST_TODAY, 1);
    expectOk(await host.call('performance:saveEvaluation', { employeeId: ready, year, period: 'tahunan', regime: 'PMPANRB6_2022', hasilKerja: 'di_bawah', perilakuKerja: 'di_bawah' }));
    const afterSkp = await expectCurrent();
    expect(rowsOf(afterSkp, ready).every((r) => r.ready === 0)).toBe(true);

    // A competency assessment at the top level for someone whom only the JPM keeps back.
    const unassessed = await missingOnly(afterSkp, 'jpm');
    const assessed = unassessed?.employee_id ?? afterSkp.find((r) => r.employee_id !== ready)!.employee_id;
    const competencies = await q<{ id: number }>('SELECT DISTINCT competency_id AS id FROM position_competency_standard ORDER BY competency_id LIMIT 60');
    expectOk(await host.call('competency:recordAssessment', {
      employeeId: assessed, assessedOn: '2026-11-20', method: 'uji_kompetensi', levels: competencies.map((c) => ({ competencyId: c.id, level: 5 })),
    }));
    const afterAssessment = await expectCurrent();
    if (unassessed) expect(rowOf(afterAssessment, unassessed)).toMatchObject({ ready: 1 });
  });

  it('follows a hukuman disiplin import and its undo', async () => {
    const before = await stored();
    const target = before.find((r) => r.ready === 1)!.employee_id;
    const [{ nip }] = await q<{ nip: string }>('SELECT nip FROM employee WHERE id = ?', [target]);
    const file = path.join(dir, 'hukdis.csv');
    const rows: Row[] = [{ nip, jenis_hukuman: 'Pemotongan tunjangan kinerja 25% selama 12 bulan', tmt_hukuman: '01-06-2026', akhir_hukuman: '', nomor_sk: '862/7/2026', tanggal_sk: '20-05-2026', keterangan: '' }];
    writeDelimited(file, Object.keys(rows[0]), rows, { delimiter: ';' });
    const preview = await previewFile(host, file);
    expect(preview.kind).toBe('disiplin');
    const result = await commitPreview(host, preview.previewId);
    const during = await expectCurrent();
    // Running until 31 May 2027: the steps it was ready for wait for the day after, and the rows hold no longer.
    const waiting = rowsOf(before, target).filter((r) => r.ready === 1).map((r) => during.find((d) => d.employee_id === target && d.step_id === r.step_id)!);
    expect(waiting.length).toBeGreaterThan(0);
    for (const r of waiting) expect(r).toMatchObject({ ready: 0, ready_on: '2027-06-01' });
    expect(rowsOf(during, target).every((r) => r.valid_until !== null && r.valid_until <= '2027-06-01')).toBe(true);

    expectOk(await host.call('import:undo', { snapshotId: result.snapshotId, jobId: nextJobId() }));
    expect(await expectCurrent()).toEqual(before);
  });

  it('follows a SIASN snapshot import (promotions, people gone) and its undo', async () => {
    const before = await stored();
    const district = generateDemoDistrict({ employees: 300, seed: 5, asOf: TEST_TODAY });
    const gone = new Set(district.employees.filter((e, i) => e.status === 'active' && i % 25 === 0).map((e) => e.nip));
    const pns = new Set(district.employees.filter((e) => e.employmentType === 'PNS').map((e) => e.nip));
    const snapshot = siasnRows(district, (e) => e.status === 'active' && !gone.has(e.nip)).map((row, i) => {
      const code = Number(row.gol_akhir_id);
      // Every ninth PNS promoted one golongan from 1 October.
      if (i % 9 !== 0 || !pns.has(row.nip_baru) || code % 10 >= 4 || code >= 44) return row;
      return { ...row, gol_akhir_id: String(code + 1), gol_akhir_nama: golonganByCode(code + 1)!.label, tmt_golongan: siasnDate('2026-10-01') };
    });
    const file = path.join(dir, 'siasn-2026-11.csv');
    writeDelimited(file, SIASN_HEADER, snapshot, { delimiter: '|' });
    const preview = await previewFile(host, file, { markAbsent: true });
    expect(preview.diff.changed).toBeGreaterThan(0);
    const result = await commitPreview(host, preview.previewId);
    const after = await expectCurrent();
    expect(after).not.toEqual(before);
    const goneIds = (await q<{ id: number }>(`SELECT id FROM employee WHERE nip IN (${[...gone].map(() => '?').join(',')})`, [...gone])).map((r) => r.id);
    expect(after.filter((r) => goneIds.includes(r.employee_id))).toEqual([]);

    expectOk(await host.call('import:undo', { snapshotId: result.snapshotId, jobId: nextJobId() }));
    expect(await expectCurrent()).toEqual(before);
  }, 60_000);

  it('judges everyone again when a step changes, in the edit\'s transaction', async () => {
    const graph = await host.services.careerPaths.graph();
    const step = graph.paths.flatMap((p) => p.steps).find((s) => s.standing > 0 && s.requirements.minGolongan !== null && s.ready < s.standing)!;
    const [{ signature: signatureBefore }] = await q<{ signature: string }>('SELECT signature FROM career_readiness_state');
    await host.services.careerPaths.saveStep('Penguji (penguji)', {
      id: step.id, version: step.version,
      input: { pathId: step.pathId, fromLevel: step.fromLevel as PositionLevel, fromFamily: step.fromFamily, toLevel: step.toLevel as PositionLevel, toFamily: step.toFamily,
        requirements: { ...step.requirements, minGolongan: null, leadershipTraining: null, minJpm: null, skpYears: 0, minMonthsInLevel: null } },
    });
    const rows = await expectCurrent();
    const [{ signature }] = await q<{ signature: string }>('SELECT signature FROM career_readiness_state');
    expect(signature).not.toBe(signatureBefore);
    const after = (await host.services.careerPaths.graph()).paths.flatMap((p) => p.steps).find((s) => s.id === step.id)!;
    expect(after.ready).toBe(rows.filter((r) => r.step_id === step.id && r.ready === 1).length);
    expect(after.ready).toBeGreaterThan(step.ready);
  });

  it('counts on other days what a fresh evaluation of that day counts (rows past their day are judged again)', async () => {
    const plans = host.services.plans;
    // A punishment ending within the span below, so some rows are past their valid day on the later dates.
    const target = (await stored()).find((r) => r.ready === 1)!.employee_id;
    await host.services.dataSource.transaction(async (manager) => {
      await managerRun(manager)(`INSERT INTO discipline_record (employee_id, kind, start_date, end_date, source, created_at) VALUES (?, 'potongan_tukin_6', '2026-10-01', '2027-03-31', 'manual', ?)`, [target, `${TEST_TODAY}T08:00:00.000Z`]);
      await refreshDerived(managerRun(manager), 'discipline_record', [target]);
    });
    await expectCurrent();
    for (const day of ['2026-06-30', TEST_TODAY, '2026-12-31', '2027-02-28', '2027-04-01', '2027-12-31']) {
      const service = new CareerPathService(host.services.dataSource, sqlite, host.services.audit, fixedClock(day), plans);
      const graph = await service.graph();
      const expected = await fresh(day);
      for (const step of graph.paths.flatMap((p) => p.steps)) {
        const at = expected.filter((r) => r.step_id === step.id);
        expect([day, step.label, step.standing, step.ready]).toEqual([day, step.label, at.length, at.filter((r) => r.ready === 1).length]);
      }
      expect([day, graph.totals.ready]).toEqual([day, new Set(expected.filter((r) => r.ready === 1).map((r) => r.employee_id)).size]);
    }
  });
});
