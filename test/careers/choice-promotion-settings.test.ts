// The KP pilihan and penyesuaian ijazah rules of Pengaturan ("Aturan administrasi karier"), through the real
// dispatcher on a real SQLite file: each setting moves hand-made people on the nominative list of one period, with
// a near miss on either side of the changed value, and a bad value is refused with an Indonesian message that names
// the field as the form does.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { addMonths } from '../../shared/domain/dates';
import { atCurrentVersion } from '../helpers/settings-version';
import { expectOk, openTestHost, tempDir, queryOn } from '../helpers/temp-db';

const NOW = '2026-01-05T00:00:00.000Z';
const PERIOD = '2026-12-01';

type Person = { id: number; nip: string };

describe('KP pilihan and penyesuaian ijazah rules as settings', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let people: Person[];
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);
  const setRules = async (patch: Record<string, unknown>) => expectOk(await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', patch as never)));
  /** The rows of one person on the list of the period, of one kind of KP. */
  const rowsOf = async (person: Person, kind: 'pilihan_struktural' | 'penyesuaian_ijazah') =>
    expectOk(await host.call('careers:promotionList', { period: PERIOD, search: person.nip, status: 'all', limit: 50 })).rows.filter((r) => r.kind === kind);
  const study = async (person: Person, values: { basis: string; level: string; start?: string; izin?: string | null; upkp: number | null }) =>
    q(`INSERT INTO study_record (employee_id, basis, institution, programme, level, start_date, end_date, status, izin_date, graduation_date, upkp_passed, needed_by_position, created_at)
      VALUES (?, ?, 'Universitas Terbuka', 'Administrasi Negara', ?, ?, '2025-06-30', 'selesai', ?, '2025-07-15', ?, TRUE, ?)`,
    [person.id, values.basis, values.level, values.start ?? '2021-09-01', values.izin ?? null, values.upkp, NOW]);

  let official: Person;
  let lateIzin: Person;
  let timelyIzin: Person;
  let noUpkp: Person;
  let withinGroup: Person;
  let mkg: Person;

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 40, seed: 13, recordsOnly: true });
    people = await q<Person>(`SELECT id, nip FROM employee WHERE status = 'active' AND employment_type = 'PNS' ORDER BY id LIMIT 6`);
    [official, lateIzin, timelyIzin, noUpkp, withinGroup, mkg] = people;
    // Only the hand-made cases below are KP pilihan or penyesuaian ijazah candidates.
    await q(`UPDATE position SET eselon = NULL`);
    for (const table of ['study_record', 'discipline_record']) await q(`DELETE FROM ${table}`);
    await q(`UPDATE employee SET mk_golongan_years = NULL, mk_golongan_months = NULL`);
    await q(`DELETE FROM performance_evaluation WHERE employee_id IN (${people.map((p) => p.id).join(',')})`);
    for (const p of people) {
      for (const year of [2024, 2025]) {
        await q(`INSERT INTO performance_evaluation (employee_id, year, period, regime, predikat, source, created_at) VALUES (?, ?, 'tahunan', 'PMPANRB6_2022', 'baik', 'manual', ?)`, [p.id, year, NOW]);
      }
    }
    // A structural official of an eselon IV.a position (range III/c–III/d) at its lowest pangkat, 18 months in rank
    // at the period; the position is the official's alone.
    const [{ id: positionId }] = await q<{ id: number }>(`SELECT id FROM position ORDER BY id DESC LIMIT 1`);
    await q(`UPDATE employee SET position_id = NULL WHERE position_id = ?`, [positionId]);
    await q(`UPDATE position SET eselon = 'IV.a' WHERE id = ?`, [positionId]);
    await q(`UPDATE employee SET position_id = ?, golongan = 33, golongan_tmt = '2025-06-01', position_tmt = '2023-01-01' WHERE id = ?`, [positionId, official.id]);
    // II/d since October 2024 with an S-1 (entry III/a: a rise into golongan III).
    for (const p of [lateIzin, timelyIzin, noUpkp, mkg]) await q(`UPDATE employee SET golongan = 24, golongan_tmt = '2024-10-01', education_level = 'SLTA' WHERE id = ?`, [p.id]);
    await study(lateIzin, { basis: 'izin_belajar', level: 'S1', izin: '2022-02-01', upkp: 1 });
    await study(timelyIzin, { basis: 'izin_belajar', level: 'S1', izin: '2021-09-01', upkp: 1 });
    await study(noUpkp, { basis: 'tugas_belajar', level: 'S1', upkp: null });
    // MKG 1 year 0 months on the decree of 1 October 2024: 3 years 2 months at the period.
    await q(`UPDATE employee SET mk_golongan_years = 1, mk_golongan_months = 0 WHERE id = ?`, [mkg.id]);
    await study(mkg, { basis: 'tugas_belajar', level: 'S1', upkp: 1 });
    // II/a with a D-III (entry II/c: within golongan II), no UPKP recorded.
    await q(`UPDATE employee SET golongan = 21, golongan_tmt = '2024-10-01', education_level = 'SLTA' WHERE id = ?`, [withinGroup.id]);
    await study(withinGroup, { basis: 'tugas_belajar', level: 'D3', upkp: null });
  });
  afterAll(() => host.close());

  it('offers the documented defaults', async () => {
    expect(expectOk(await host.call('careers:rules', {}))).toMatchObject({
      choiceMonthsAtLowest: 24, degreeIzinBeforeStudy: true, degreeUpkpRequired: 'crossing_group', degreeMinMkgYears: [],
    });
  });

  it('lists a structural official at the eselon\'s lowest pangkat from the months in rank set, not a month earlier', async () => {
    expect(await rowsOf(official, 'pilihan_struktural')).toEqual([]);
    await setRules({ choiceMonthsAtLowest: 18 });
    const [row] = await rowsOf(official, 'pilihan_struktural');
    expect(row).toMatchObject({ status: 'eligible', targetGolongan: 34, basis: 'Pangkat terendah eselon IV.a (III/c): naik setelah 1 tahun 6 bulan dalam pangkat' });
    await setRules({ choiceMonthsAtLowest: 19 });
    expect(await rowsOf(official, 'pilihan_struktural')).toEqual([]);
    await setRules({ choiceMonthsAtLowest: 24 });
  });

  it('counts an izin belajar granted after the study began only when the setting lets it', async () => {
    const reason = 'Izin belajar diberikan 1 Februari 2022, setelah studi dimulai 1 September 2021';
    expect(await rowsOf(lateIzin, 'penyesuaian_ijazah')).toMatchObject([{ status: 'blocked', reasons: [{ code: 'requirement', message: reason }] }]);
    // Granted on the day the study began: in time under the default.
    expect(await rowsOf(timelyIzin, 'penyesuaian_ijazah')).toMatchObject([{ status: 'eligible', reasons: [] }]);
    await setRules({ degreeIzinBeforeStudy: false });
    expect(await rowsOf(lateIzin, 'penyesuaian_ijazah')).toMatchObject([{ status: 'eligible', reasons: [] }]);
    await setRules({ degreeIzinBeforeStudy: true });
    expect(await rowsOf(lateIzin, 'penyesuaian_ijazah')).toMatchObject([{ status: 'blocked' }]);
  });

  it('asks for the UPKP on a rise into a higher golongan by default, always or never as set', async () => {
    const missing = { code: 'requirement', message: 'Belum lulus ujian penyesuaian kenaikan pangkat' };
    expect(await rowsOf(noUpkp, 'penyesuaian_ijazah')).toMatchObject([{ status: 'blocked', targetGolongan: 31, reasons: [missing] }]);
    expect(await rowsOf(withinGroup, 'penyesuaian_ijazah')).toMatchObject([{ status: 'eligible', targetGolongan: 23 }]);
    await setRules({ degreeUpkpRequired: 'always' });
    expect(await rowsOf(withinGroup, 'penyesuaian_ijazah')).toMatchObject([{ status: 'blocked', reasons: [missing] }]);
    expect(await rowsOf(noUpkp, 'penyesuaian_ijazah')).toMatchObject([{ status: 'blocked', reasons: [missing] }]);
    await setRules({ degreeUpkpRequired: 'never' });
    expect(await rowsOf(noUpkp, 'penyesuaian_ijazah')).toMatchObject([{ status: 'eligible', reasons: [] }]);
    expect(await rowsOf(withinGroup, 'penyesuaian_ijazah')).toMatchObject([{ status: 'eligible' }]);
    await setRules({ degreeUpkpRequired: 'crossing_group' });
  });

  it('checks the minimum masa kerja golongan of the target golongan only where the office entered one', async () => {
    expect(await rowsOf(mkg, 'penyesuaian_ijazah')).toMatchObject([{ status: 'eligible', reasons: [] }]);
    await setRules({ degreeMinMkgYears: [{ target: 31, years: 3 }] });
    expect(await rowsOf(mkg, 'penyesuaian_ijazah')).toMatchObject([{ status: 'eligible', reasons: [] }]);
    await setRules({ degreeMinMkgYears: [{ target: 32, years: 10 }, { target: 31, years: 4 }] });
    expect(await rowsOf(mkg, 'penyesuaian_ijazah')).toMatchObject([{ status: 'blocked', reasons: [{ code: 'requirement', message: 'Masa kerja golongan 3 tahun, kurang dari 4 tahun' }] }]);
    // Stored in the order of the target golongan; a target nobody rises to changes nothing.
    expect(expectOk(await host.call('careers:rules', {})).degreeMinMkgYears).toEqual([{ target: 31, years: 4 }, { target: 32, years: 10 }]);
    await setRules({ degreeMinMkgYears: [{ target: 32, years: 10 }] });
    expect(await rowsOf(mkg, 'penyesuaian_ijazah')).toMatchObject([{ status: 'eligible' }]);
    // Without a masa kerja golongan on record the requirement cannot be judged: data belum lengkap.
    await setRules({ degreeMinMkgYears: [{ target: 31, years: 1 }] });
    expect(await rowsOf(noUpkp, 'penyesuaian_ijazah')).toMatchObject([{ status: 'blocked', missingDataOnly: false }]);
    expect((await rowsOf(noUpkp, 'penyesuaian_ijazah'))[0].reasons.map((r) => r.message)).toContain('Masa kerja golongan belum diisi');
    await setRules({ degreeMinMkgYears: [] });
  });

  it('records each change in the audit log with the labels and values as the screen shows them', async () => {
    await setRules({ choiceMonthsAtLowest: 30, degreeUpkpRequired: 'never', degreeMinMkgYears: [{ target: 31, years: 3 }] });
    const [audit] = await q<{ summary: string; changes: string }>(`SELECT summary, changes FROM audit_log WHERE entity = 'settings' ORDER BY id DESC LIMIT 1`);
    expect(audit.summary).toBe('Mengubah pengaturan aturan administrasi karier: kp pilihan struktural pada pangkat terendah eselon: masa dalam pangkat (bulan), '
      + 'penyesuaian ijazah: upkp diwajibkan, penyesuaian ijazah: masa kerja golongan minimal per golongan tujuan');
    const changes = JSON.parse(audit.changes) as Array<{ before: string; after: string }>;
    expect(changes.map((c) => [c.before, c.after])).toEqual([
      ['24 bulan', '30 bulan'],
      ['bila naik ke golongan yang lebih tinggi (I ke II, II ke III, III ke IV)', 'tidak diwajibkan'],
      ['tidak diperiksa', 'III/a 3 tahun'],
    ]);
    await setRules({ choiceMonthsAtLowest: 24, degreeUpkpRequired: 'crossing_group', degreeMinMkgYears: [] });
  });

  it('flags a structural official on tugas belajar for release after the months the setting gives', async () => {
    const [head] = await q<{ id: number }>(`SELECT e.id FROM employee e JOIN position p ON p.id = e.position_id
      WHERE e.status = 'active' AND p.level IN ('jpt_pratama', 'administrator', 'pengawas') ORDER BY e.id LIMIT 1`);
    // Running for exactly eight months on the app's day, with no known end.
    const start = addMonths(host.services.clock.today(), -8);
    await q(`INSERT INTO study_record (employee_id, basis, institution, programme, level, start_date, end_date, status, izin_date, graduation_date, upkp_passed, needed_by_position, created_at)
      VALUES (?, 'tugas_belajar', 'Universitas Padjadjaran', 'Magister Administrasi Publik', 'S2', ?, NULL, 'berjalan', NULL, NULL, NULL, TRUE, ?)`, [head.id, start, NOW]);
    const release = async () => expectOk(await host.call('employees:careerRecords', { employeeId: head.id })).study.find((r) => r.startDate === start)?.release;
    expect(await release()).toMatch(/lebih dari 6 bulan/);
    await setRules({ studyReleaseAfterMonths: 9 });
    expect(await release()).toBeNull();
    await setRules({ studyReleaseAfterMonths: 8 });
    expect(await release()).toMatch(/lebih dari 8 bulan/);
    await setRules({ studyReleaseAfterMonths: 6 });
    await q(`DELETE FROM study_record WHERE employee_id = ? AND start_date = ?`, [head.id, start]);
  });

  it('refuses bad values with an Indonesian message naming the field, and keeps the stored rules', async () => {
    const before = expectOk(await host.call('careers:rules', {}));
    const refused = async (patch: Record<string, unknown>) => {
      const result = await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', patch as never));
      if (result.ok) throw new Error(`accepted ${JSON.stringify(patch)}`);
      return result.error.message;
    };
    expect(await refused({ choiceMonthsAtLowest: 6 })).toContain('KP pilihan struktural pada pangkat terendah eselon: masa dalam pangkat (bulan): paling singkat 12 bulan.');
    expect(await refused({ choiceMonthsAtLowest: 60 })).toContain('paling lama 48 bulan.');
    expect(await refused({ studyReleaseAfterMonths: 0 })).toContain('Tugas belajar: pejabat struktural dibebaskan dari jabatan setelah (bulan): paling singkat 1 bulan.');
    expect(await refused({ degreeUpkpRequired: 'kadang' })).toContain('Penyesuaian ijazah: UPKP diwajibkan: pilih salah satu pilihan yang tersedia.');
    expect(await refused({ degreeMinMkgYears: [{ target: 99, years: 2 }] })).toContain('Golongan tujuan tidak dikenal.');
    expect(await refused({ degreeMinMkgYears: [{ target: 31, years: -1 }] })).toContain('tidak boleh negatif.');
    expect(await refused({ degreeMinMkgYears: [{ target: 31, years: 2 }, { target: 31, years: 3 }] }))
      .toBe('Masa kerja golongan minimal untuk golongan tujuan III/a diisi lebih dari sekali.');
    expect(expectOk(await host.call('careers:rules', {}))).toEqual(before);
  });
});
