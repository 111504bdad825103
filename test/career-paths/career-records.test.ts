// The career administration records on a demo district: the demo writes a deterministic handful of each kind (some
// punishments running, KGB stepped from the rank history, tugas belajar with a structural official flagged for
// release, a running CLTN, Satyalancana held), and the profile's read channel says what runs, until when, and refuses
// an Operator OPD the records of someone outside its units.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { isKgbYear } from '../../shared/domain/careers/kgb';
import type { CareerRecords } from '../../shared/schemas/career-paths';
import { sessionAs } from '../helpers/auth';
import { expectOk, openTestHost, tempDir, TEST_TODAY, queryOn } from '../helpers/temp-db';

const web = (session?: string) => ({ transport: 'web' as const, client: 'uji', session });
const TABLES = ['discipline_record', 'kgb_record', 'study_record', 'cltn_period', 'honor_award'] as const;

describe('career records: demo data and the profile read', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);
  const records = async (employeeId: number) => expectOk(await host.call('employees:careerRecords', { employeeId })) as CareerRecords;

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 300, seed: 5 });
  }, 120_000);
  afterAll(() => host.close());

  it('the demo writes a handful of each kind, deterministically from the seed', async () => {
    for (const table of TABLES) {
      const [{ n, demo }] = await q<{ n: number; demo: number }>(`SELECT COUNT(*) AS n, SUM(CASE WHEN source = 'demo' THEN 1 ELSE 0 END) AS demo FROM ${table}`);
      expect([table, Number(n) > 0, Number(demo)]).toEqual([table, true, Number(n)]);
    }
    const again = await openTestHost(tempDir(), { demoEmployees: 300, seed: 5 });
    try {
      for (const table of TABLES) {
        const dump = (h: JenjangHost) => h.services.dataSource.query(`SELECT * FROM ${table} ORDER BY id`);
        expect(await dump(again)).toEqual(await dump(host));
      }
    } finally {
      await again.close();
    }
  }, 120_000);

  it('steps each KGB from the KP decree it follows, at the MKG years of its golongan', async () => {
    const rows = await q<{ employee_id: number; tmt: string; golongan: number; mkg_years: number; kp_golongan: number | null }>(
      `SELECT k.employee_id, k.tmt, k.golongan, k.mkg_years,
        (SELECT r.golongan FROM rank_history r WHERE r.employee_id = k.employee_id AND r.tmt < k.tmt ORDER BY r.tmt DESC LIMIT 1) AS kp_golongan
        FROM kgb_record k`);
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(r.golongan).toBe(r.kp_golongan);
      expect(isKgbYear(Math.floor(r.golongan / 10), r.mkg_years)).toBe(true);
      expect(r.tmt <= TEST_TODAY).toBe(true);
    }
  });

  it('says a running punishment plainly with its last day, flags a structural official on tugas belajar, and shows KGB, CLTN and honours', async () => {
    const punished = await q<{ employee_id: number }>('SELECT DISTINCT employee_id FROM discipline_record ORDER BY employee_id');
    const running = [];
    for (const { employee_id } of punished) running.push(...(await records(employee_id)).discipline.filter((d) => d.running));
    expect(running.length).toBeGreaterThan(0);
    for (const d of running) {
      expect(d.endDate === null || d.endDate >= TEST_TODAY).toBe(true);
      expect(d.startDate <= TEST_TODAY).toBe(true);
      expect(d.kindLabel).toMatch(/^[A-Z]/);
      expect(d.sourceLabel).toBe('Data demo');
    }

    const [studying] = await q<{ employee_id: number }>(`SELECT s.employee_id FROM study_record s JOIN employee e ON e.id = s.employee_id JOIN position p ON p.id = e.position_id
      WHERE s.basis = 'tugas_belajar' AND p.level IN ('pengawas', 'administrator', 'jpt_pratama', 'jpt_madya') ORDER BY s.employee_id LIMIT 1`);
    const study = (await records(studying.employee_id)).study.find((s) => s.basisLabel === 'Tugas belajar')!;
    expect(study.statusLabel).toBe('Sedang berjalan');
    expect(study.release).toMatch(/^Tugas belajar lebih dari 6 bulan .*dibebaskan dari jabatan struktural$/);

    const [onLeave] = await q<{ employee_id: number }>('SELECT employee_id FROM cltn_period WHERE end_date >= ? AND start_date <= ? LIMIT 1', [TEST_TODAY, TEST_TODAY]);
    expect((await records(onLeave.employee_id)).cltn.some((c) => c.running)).toBe(true);

    const [veteran] = await q<{ employee_id: number }>(`SELECT employee_id FROM honor_award WHERE class = 'XX' ORDER BY employee_id LIMIT 1`);
    const held = await records(veteran.employee_id);
    expect(held.honors.map((h) => h.label)).toContain('Satyalancana Karya Satya XX Tahun');
    expect(held.kgb.length).toBeGreaterThan(0);
    expect(held.kgb.map((k) => k.tmt)).toEqual([...held.kgb.map((k) => k.tmt)].sort().reverse());

    expect(await host.call('employees:careerRecords', { employeeId: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('serves an Operator OPD the records of its units and refuses the others', async () => {
    const [scope] = await q<{ id: number; path: string }>('SELECT id, path FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1');
    const { token } = await sessionAs(host, 'operator_opd', { scopeUnitId: scope.id });
    const people = await q<{ id: number; inside: number }>(
      'SELECT e.id, substr(u.path, 1, length(?)) = ? AS inside FROM employee e JOIN unit u ON u.id = e.unit_id ORDER BY e.id', [scope.path, scope.path]);
    const inside = people.find((p) => p.inside)!.id;
    const outside = people.find((p) => !p.inside)!.id;
    expect(await host.dispatch('employees:careerRecords', { employeeId: inside }, web(token))).toMatchObject({ ok: true, data: { employeeId: inside } });
    expect(await host.dispatch('employees:careerRecords', { employeeId: outside }, web(token))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
