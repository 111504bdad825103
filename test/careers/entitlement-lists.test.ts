// The career administration lists through the real dispatcher on a real SQLite file: the discipline block and the
// "terhalang data belum lengkap" mark of the regular promotion list, the KGB list of chosen months and the
// Satyalancana Karya Satya list of a year, each on hand-made people at the boundaries of DOMAIN §14 (exactly 2 years
// since the last KGB, 10 years to the day, a punishment ending the day before the period), and their usulan
// workbooks read back.

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived } from '../../main/db/derived';
import { managerRun } from '../../main/db/sql/run';
import type { JenjangHost } from '../../main/host';
import type { ReportDocumentOf } from '../../shared/reports/catalogue';
import { expectOk, openTestHost, tempDir } from '../helpers/temp-db';
import { atCurrentVersion } from '../helpers/settings-version';

const NOW = '2026-01-05T00:00:00.000Z';

async function readWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as never);
  return workbook;
}

/** Every cell text of a sheet, row by row. */
function sheetText(sheet: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.value === null || cell.value === undefined ? '' : String(cell.value)));
    out.push(cells);
  });
  return out;
}

describe('career administration lists', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let people: Array<{ id: number; nip: string }>;
  // Through a Run, so the `?` placeholders also reach PostgreSQL (JENJANG_TEST_HOST_DB=postgres) numbered.
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await managerRun(host.services.dataSource)(sql, params)) as T[];
  const skp = async (employeeId: number, year: number, predikat: string) =>
    q(`INSERT INTO performance_evaluation (employee_id, year, period, regime, predikat, source, created_at) VALUES (?, ?, 'tahunan', 'PMPANRB6_2022', ?, 'manual', ?)`, [employeeId, year, predikat, NOW]);
  const discipline = async (employeeId: number, kind: string, start: string) =>
    q(`INSERT INTO discipline_record (employee_id, kind, start_date, created_at) VALUES (?, ?, ?, ?)`, [employeeId, kind, start, NOW]);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 60, seed: 11, recordsOnly: true });
    people = await q<{ id: number; nip: string }>(`SELECT id, nip FROM employee WHERE status = 'active' AND employment_type = 'PNS' ORDER BY id LIMIT 20`);
    // Nobody else is a KP pilihan or penyesuaian ijazah candidate either.
    await q(`UPDATE position SET eselon = NULL`);
    await q(`DELETE FROM study_record`);
    // Only the hand-made cases below count: nobody else has a KGB basis or reaches a Satyalancana in 2026.
    await q(`UPDATE employee SET mk_golongan_years = NULL, mk_golongan_months = NULL, cpns_tmt = '2019-05-06'`);
    await q(`UPDATE rank_history SET mk_years = NULL, mk_months = NULL`);
    for (const table of ['kgb_record', 'discipline_record', 'cltn_period', 'honor_award']) await q(`DELETE FROM ${table}`);
    await q(`DELETE FROM performance_evaluation WHERE employee_id IN (${people.map((p) => p.id).join(',')})`);
  });
  afterAll(() => host.close());

  describe('regular promotion list', () => {
    const period = '2026-12-01';
    const list = async (nip: string) => expectOk(await host.call('careers:promotionList', { period, search: nip })).rows[0];

    beforeAll(async () => {
      // Four PNS in III/c since 2020 with S1: 4 years in rank at the period.
      for (const p of people.slice(0, 4)) {
        await q(`UPDATE employee SET golongan = 33, golongan_tmt = '2020-10-01', education_level = 'S1' WHERE id = ?`, [p.id]);
      }
      const [ends, runs, missing, both] = people;
      for (const p of [ends, runs, both]) for (const year of [2024, 2025]) await skp(p.id, year, 'baik');
      await skp(missing.id, 2024, 'baik');
      await skp(both.id, 2023, 'baik');
      // Six months from 1 June end on 30 November, the day before the period; from 2 June they end on its day.
      await discipline(ends.id, 'potongan_tukin_6', '2026-06-01');
      await discipline(runs.id, 'potongan_tukin_6', '2026-06-02');
      await discipline(both.id, 'pembebasan_jabatan', '2026-03-01');
      await q(`DELETE FROM performance_evaluation WHERE employee_id = ? AND year = 2025`, [both.id]);
    });

    it('lets a punishment that ends the day before the period pass, and blocks one running on it with its reason', async () => {
      expect(await list(people[0].nip)).toMatchObject({ status: 'eligible', reasons: [], missingDataOnly: false });
      expect(await list(people[1].nip)).toMatchObject({
        status: 'blocked', missingDataOnly: false,
        reasons: [{ code: 'discipline', message: 'Sedang menjalani hukuman disiplin sedang (pemotongan tunjangan kinerja 25% selama 6 bulan) sampai 1 Desember 2026; tidak dapat masuk usulan kenaikan pangkat' }],
      });
    });

    it('marks the blocked only by missing data, and not those with another reason too', async () => {
      expect(await list(people[2].nip)).toMatchObject({ status: 'blocked', missingDataOnly: true, reasons: [{ code: 'skp_missing', message: 'SKP tahun 2025 belum ada' }] });
      const both = await list(people[3].nip);
      expect(both.missingDataOnly).toBe(false);
      expect(both.reasons.map((r) => r.code)).toEqual(['skp_missing', 'discipline']);

      const all = expectOk(await host.call('careers:promotionList', { period, status: 'all', limit: 500 }));
      expect(all.counts.missingDataOnly).toBe(all.rows.filter((r) => r.missingDataOnly).length);
      expect(all.counts.byReason.discipline).toBe(2);
      const onlyMissing = expectOk(await host.call('careers:promotionList', { period, status: 'missing_data', limit: 500 }));
      expect(onlyMissing.total).toBe(all.counts.missingDataOnly);
      expect(onlyMissing.rows.map((r) => r.nip)).toContain(people[2].nip);
      expect(onlyMissing.rows.map((r) => r.nip)).not.toContain(people[3].nip);
      expect(onlyMissing.rows.every((r) => r.reasons.every((x) => x.code === 'skp_missing' || x.code === 'data_incomplete'))).toBe(true);
      const byDiscipline = expectOk(await host.call('careers:promotionList', { period, status: 'blocked', reason: 'discipline', limit: 500 }));
      expect(byDiscipline.rows.map((r) => r.nip).sort()).toEqual([people[1].nip, people[3].nip].sort());
    });

    it('follows the categories set in Pengaturan, and the change is audited', async () => {
      expectOk(await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', { disciplineBlocksKp: ['berat'] })));
      expect(await list(people[1].nip)).toMatchObject({ status: 'eligible', reasons: [] });
      expect((await list(people[3].nip)).reasons.map((r) => r.code)).toEqual(['skp_missing', 'discipline']);
      const [audit] = await q<{ summary: string }>(`SELECT summary FROM audit_log WHERE entity = 'settings' ORDER BY id DESC LIMIT 1`);
      expect(audit.summary).toBe('Mengubah pengaturan aturan administrasi karier: hukuman disiplin yang menghalangi usulan kenaikan pangkat');
      const refused = await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', { ringanRunningMonths: 99 }));
      expect(refused.ok).toBe(false);
      expectOk(await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', { disciplineBlocksKp: ['ringan', 'sedang', 'berat'] })));
      expect(await list(people[1].nip)).toMatchObject({ status: 'blocked' });
    });

    it('lists KP pilihan of a structural official and penyesuaian ijazah in the same list, each with its kind and rule', async () => {
      const [official, graduate, lateIzin] = people.slice(16, 19);
      // IV.a ranges III/c–III/d: at the lowest, 2 years in rank to the day of the period.
      const [{ position_id: positionId }] = await q<{ position_id: number }>(`SELECT position_id FROM employee WHERE id = ?`, [official.id]);
      await q(`UPDATE position SET eselon = 'IV.a' WHERE id = ?`, [positionId]);
      await q(`UPDATE employee SET golongan = 33, golongan_tmt = '2024-12-01', position_tmt = '2023-01-01' WHERE id = ?`, [official.id]);
      for (const p of [official, graduate, lateIzin]) for (const year of [2024, 2025]) await skp(p.id, year, 'baik');
      // II/d with an S-1 finished on tugas belajar, UPKP passed: up to III/a. A second one on an izin granted after the study began.
      for (const p of [graduate, lateIzin]) {
        await q(`UPDATE employee SET golongan = 24, golongan_tmt = '2024-10-01', education_level = 'SMA' WHERE id = ?`, [p.id]);
      }
      const study = `INSERT INTO study_record (employee_id, basis, institution, programme, level, start_date, end_date, status, izin_date, graduation_date, upkp_passed, needed_by_position, created_at)
        VALUES (?, ?, 'Universitas Terbuka', 'Administrasi Negara', 'S1', '2021-09-01', '2025-06-30', 'selesai', ?, '2025-07-15', TRUE, TRUE, ?)`;
      await q(study, [graduate.id, 'tugas_belajar', null, NOW]);
      await q(study, [lateIzin.id, 'izin_belajar', '2022-02-01', NOW]);

      const officialRows = expectOk(await host.call('careers:promotionList', { period, search: official.nip })).rows;
      expect(officialRows.map((r) => [r.kind, r.status, r.targetGolongan])).toEqual([['pilihan_struktural', 'eligible', 34]]);
      expect(officialRows[0].basis).toBe('Pangkat terendah eselon IV.a (III/c): naik setelah 2 tahun dalam pangkat');
      expect(await list(graduate.nip)).toMatchObject({ kind: 'penyesuaian_ijazah', status: 'eligible', targetGolongan: 31, basis: 'Ijazah S-1: golongan awal Penata Muda (III/a)' });
      expect(await list(lateIzin.nip)).toMatchObject({
        kind: 'penyesuaian_ijazah', status: 'blocked', missingDataOnly: false,
        reasons: [{ code: 'requirement', message: 'Izin belajar diberikan 1 Februari 2022, setelah studi dimulai 1 September 2021' }],
      });
      const choice = expectOk(await host.call('careers:promotionList', { period, kind: 'penyesuaian_ijazah', limit: 500 }));
      expect(choice.rows.every((r) => r.kind === 'penyesuaian_ijazah')).toBe(true);
      expect(choice.rows.map((r) => r.nip)).toEqual(expect.arrayContaining([graduate.nip, lateIzin.nip]));

      const file = expectOk(await host.call('careers:promotionExport', { period }));
      const workbook = await readWorkbook(file.base64);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['Usulan KP Reguler', 'Belum memenuhi syarat', 'Usulan KP Pilihan']);
      const third = sheetText(workbook.getWorksheet('Usulan KP Pilihan')!);
      expect(third.find((r) => r.includes(graduate.nip))!.slice(5, 8)).toEqual(['Penata Muda, III/a', 'KP penyesuaian ijazah', 'Ijazah S-1: golongan awal Penata Muda (III/a)']);
      expect(third.find((r) => r.includes(official.nip))![6]).toBe('KP pilihan (jabatan struktural)');
      expect(sheetText(workbook.getWorksheet('Usulan KP Reguler')!).some((r) => r.includes(graduate.nip))).toBe(false);
      expect(sheetText(workbook.getWorksheet('Belum memenuhi syarat')!).find((r) => r.includes(lateIzin.nip))!.at(-1)).toBe('KP penyesuaian ijazah. Izin belajar diberikan 1 Februari 2022, setelah studi dimulai 1 September 2021');
    });

    it('writes the discipline reason and the missing-data mark on the blocked sheet of the usulan', async () => {
      const file = expectOk(await host.call('careers:promotionExport', { period }));
      const blocked = sheetText((await readWorkbook(file.base64)).getWorksheet('Belum memenuhi syarat')!);
      const row = (nip: string) => blocked.find((r) => r.includes(nip))!;
      expect(row(people[1].nip).at(-1)).toMatch(/^Sedang menjalani hukuman disiplin sedang .* sampai 1 Desember 2026/);
      expect(row(people[2].nip).at(-1)).toBe('Terhalang data belum lengkap: SKP tahun 2025 belum ada');
      const eligible = sheetText((await readWorkbook(file.base64)).getWorksheet('Usulan KP Reguler')!);
      expect(eligible.some((r) => r.includes(people[0].nip))).toBe(true);
      expect(eligible.some((r) => r.includes(people[1].nip))).toBe(false);
    });
  });

  describe('KGB', () => {
    let due: { id: number; nip: string };
    let odd: { id: number; nip: string };
    let blocked: { id: number; nip: string };
    let later: { id: number; nip: string };

    beforeAll(async () => {
      [due, odd, blocked, later] = people.slice(4, 8);
      // III/c with a KGB notice of 1 December 2024 at MKG 14 years: the next at MKG 16, exactly 2 years later.
      await q(`UPDATE employee SET golongan = 33 WHERE id = ?`, [due.id]);
      await q(`INSERT INTO kgb_record (employee_id, tmt, mkg_years, mkg_months) VALUES (?, '2024-12-01', 14, 0)`, [due.id]);
      for (const year of [2024, 2025]) await skp(due.id, year, 'baik');
      // II/c whose rank decree of 1 December 2025 (on the employee record) gives MKG 4 years 6 months: golongan II
      // steps at odd years, so MKG 5 falls due 6 months later, on 1 June 2026.
      await q(`UPDATE employee SET golongan = 23, golongan_tmt = '2025-12-01', mk_golongan_years = 4, mk_golongan_months = 6 WHERE id = ?`, [odd.id]);
      for (const year of [2024, 2025]) await skp(odd.id, year, 'baik');
      // IV/a: a rank decree of 2023 at MKG 20, then a KGB notice of 1 January 2025 at MKG 22 (the later one counts):
      // due 1 January 2027, held back by a Kurang.
      await q(`UPDATE employee SET golongan = 41 WHERE id = ?`, [blocked.id]);
      await q(`INSERT INTO rank_history (employee_id, golongan, tmt, kind, source, created_at, mk_years, mk_months) VALUES (?, 41, '2023-01-01', 'reguler', 'manual', ?, 20, 0)`, [blocked.id, NOW]);
      await q(`INSERT INTO kgb_record (employee_id, tmt, mkg_years, mkg_months) VALUES (?, '2025-01-01', 22, 0)`, [blocked.id]);
      for (const year of [2024, 2025]) await skp(blocked.id, year, 'kurang');
      // III/a, KGB of 1 February 2025 at MKG 2: due 1 February 2027, outside December–January.
      await q(`UPDATE employee SET golongan = 31 WHERE id = ?`, [later.id]);
      await q(`INSERT INTO kgb_record (employee_id, tmt, mkg_years, mkg_months) VALUES (?, '2025-02-01', 2, 0)`, [later.id]);
      // The rows above are written by hand, not through a writer: the next KGB kept per person follows them as a
      // writer's refresh would.
      await refreshDerived(managerRun(host.services.dataSource), 'kgb_record', 'all');
    });

    it('lists who falls due in the chosen months, earliest first, due or held back by performance', async () => {
      const list = expectOk(await host.call('careers:kgbList', { fromMonth: '2026-12', toMonth: '2027-01' }));
      expect(list).toMatchObject({ fromMonth: '2026-12', toMonth: '2027-01', counts: { due: 1, blocked: 1 }, total: 2 });
      expect(list.rows.map((r) => [r.nip, r.dueDate, r.mkgYearsAtDue, r.status])).toEqual([
        [due.nip, '2026-12-01', 16, 'due'],
        [blocked.nip, '2027-01-01', 24, 'blocked'],
      ]);
      expect(list.rows[0]).toMatchObject({ basisSource: 'kgb', basisTmt: '2024-12-01', basisMkgYears: 14, basisText: 'KGB terakhir TMT 1 Desember 2024 (masa kerja golongan 14 tahun 0 bulan)' });
      expect(list.rows[1].reasons).toEqual([expect.stringMatching(/^Predikat SKP 20\d\d: Kurang \(minimal Baik\)$/)]);
      expect(list.units.reduce((n, u) => n + u.eligible + u.blocked, 0)).toBe(2);

      const onlyDue = expectOk(await host.call('careers:kgbList', { fromMonth: '2026-12', toMonth: '2027-01', status: 'due' }));
      expect(onlyDue.rows.map((r) => r.nip)).toEqual([due.nip]);
      const february = expectOk(await host.call('careers:kgbList', { fromMonth: '2027-02', toMonth: '2027-02' }));
      expect(february.rows.map((r) => [r.nip, r.dueDate, r.mkgYearsAtDue])).toEqual([[later.nip, '2027-02-01', 4]]);
      const june = expectOk(await host.call('careers:kgbList', { fromMonth: '2026-06', toMonth: '2026-06' }));
      expect(june.rows.map((r) => [r.nip, r.dueDate, r.mkgYearsAtDue, r.basisSource])).toEqual([[odd.nip, '2026-06-01', 5, 'kp']]);
    });

    it('defaults to this month and the two after it, pages, and refuses a backward or too long span in Indonesian', async () => {
      const list = expectOk(await host.call('careers:kgbList', { limit: 1 }));
      expect(list).toMatchObject({ fromMonth: '2026-11', toMonth: '2027-01', total: 2 });
      expect(list.rows).toHaveLength(1);
      const second = expectOk(await host.call('careers:kgbList', { offset: 1, limit: 1 }));
      expect(second.rows.map((r) => r.nip)).toEqual([blocked.nip]);
      const backward = await host.call('careers:kgbList', { fromMonth: '2027-01', toMonth: '2026-12' });
      expect(backward.ok).toBe(false);
      if (!backward.ok) expect(JSON.stringify(backward.error)).toContain('Bulan akhir (Desember 2026) tidak boleh sebelum bulan awal (Januari 2027).');
      const long = await host.call('careers:kgbList', { fromMonth: '2026-01', toMonth: '2028-01' });
      expect(long.ok).toBe(false);
      const malformed = await host.call('careers:kgbList', { fromMonth: '2026-13' });
      expect(malformed.ok).toBe(false);
    });

    it('exports the usulan KGB grouped per unit, the held back on the second sheet', async () => {
      const file = expectOk(await host.call('careers:kgbExport', { fromMonth: '2026-12', toMonth: '2027-01' }));
      expect(file.fileName).toBe('usulan-kgb-2026-12-sd-2027-01.xlsx');
      const workbook = await readWorkbook(file.base64);
      const first = sheetText(workbook.getWorksheet('Usulan KGB')!);
      expect(first[1][0]).toBe('BULAN DESEMBER 2026 S.D. JANUARI 2027');
      const row = first.find((r) => r.includes(due.nip))!;
      expect(row.slice(0, 9)).toEqual(['1', due.nip, expect.any(String), 'Penata, III/c', 'Pemberitahuan KGB', '2024-12-01', '14 th 0 bl', '2026-12-01', '16']);
      // The row under a heading naming the perangkat daerah.
      const [{ opd }] = await q<{ opd: string }>(`SELECT r.name AS opd FROM employee e JOIN unit u ON u.id = e.unit_id JOIN unit r ON r.id = u.root_id WHERE e.id = ?`, [due.id]);
      expect(first[first.indexOf(row) - 1][0]).toBe(opd);
      expect(first.some((r) => r.includes(blocked.nip))).toBe(false);
      const second = sheetText(workbook.getWorksheet('Belum memenuhi syarat')!);
      expect(second.find((r) => r.includes(blocked.nip))!.at(-1)).toMatch(/Kurang \(minimal Baik\)/);
      const [log] = await q<{ kind: string; row_count: number }>(`SELECT kind, row_count FROM export_log ORDER BY id DESC LIMIT 1`);
      expect(log).toEqual({ kind: 'usulan-kgb', row_count: 2 });
    });

    it('prints the same list as the report Usulan Kenaikan Gaji Berkala', async () => {
      const document = expectOk(await host.call('reports:render', { reportId: 'usulan-kgb', params: { fromMonth: '2026-12', toMonth: '2027-01' } })) as ReportDocumentOf<'usulan-kgb'>;
      expect(document.title).toBe('Usulan Kenaikan Gaji Berkala');
      expect(document.parameters).toContainEqual({ label: 'TMT KGB', value: 'Desember 2026 s.d. Januari 2027' });
      if (document.content.status !== 'ready') throw new Error('the report has the two people due');
      expect(document.content.data.due.map((p) => [p.nip, p.dueDate, p.golongan])).toEqual([[due.nip, '2026-12-01', 'Penata (III/c)']]);
      expect(document.content.data.blocked.map((p) => p.nip)).toEqual([blocked.nip]);
      const empty = expectOk(await host.call('reports:render', { reportId: 'usulan-kgb', params: { fromMonth: '2030-01', toMonth: '2030-01' } }));
      expect(empty.content).toEqual({ status: 'empty', message: 'Tidak ada PNS di seluruh perangkat daerah yang jatuh tempo KGB pada Januari 2030.' });
      const refused = await host.call('reports:render', { reportId: 'usulan-kgb', params: { fromMonth: '2026-13' } });
      expect(refused.ok).toBe(false);
    });

    it('leaves out a KGB past the highest masa kerja golongan set in Pengaturan', async () => {
      expectOk(await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', { kgbMaxMkgYears: { I: 27, II: 33, III: 15, IV: 32 } })));
      const list = expectOk(await host.call('careers:kgbList', { fromMonth: '2026-12', toMonth: '2027-01' }));
      expect(list.rows.map((r) => r.nip)).toEqual([blocked.nip]);
      expectOk(await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', { kgbMaxMkgYears: { I: 27, II: 33, III: 32, IV: 32 } })));
    });
  });

  describe('Satyalancana Karya Satya', () => {
    const cases = () => people.slice(8, 16);

    beforeAll(async () => {
      const [tenToTheDay, leap, twenty, sedang, cltn, ringan, held, notYet] = cases();
      const cpns = async (p: { id: number }, date: string) => q(`UPDATE employee SET cpns_tmt = ? WHERE id = ?`, [date, p.id]);
      await cpns(tenToTheDay, '2016-03-01');
      await cpns(leap, '2016-02-29');
      await cpns(twenty, '2006-05-01');
      await cpns(sedang, '2016-07-01');
      await discipline(sedang.id, 'potongan_tukin_12', '2020-01-01');
      await cpns(cltn, '2016-08-01');
      await q(`INSERT INTO cltn_period (employee_id, start_date, end_date) VALUES (?, '2019-01-01', '2019-12-31')`, [cltn.id]);
      await cpns(ringan, '2016-09-01');
      await discipline(ringan.id, 'teguran_tertulis', '2021-03-01');
      await cpns(held, '2016-10-01');
      await q(`INSERT INTO honor_award (employee_id, kind, class) VALUES (?, 'satyalancana_karya_satya', 'X')`, [held.id]);
      await cpns(notYet, '2017-01-01');
    });

    it('lists who reaches 10, 20 or 30 years in the year, eligible or blocked with the reason', async () => {
      const [tenToTheDay, leap, twenty, sedang, cltn, ringan] = cases();
      const list = expectOk(await host.call('careers:satyalancanaList', { year: 2026, limit: 100 }));
      expect(list.counts).toEqual({ eligible: 4, blocked: 2, byClass: { X: 3, XX: 1 } });
      const byNip = new Map(list.rows.map((r) => [r.nip, r]));
      expect([...byNip.keys()].sort()).toEqual([tenToTheDay, leap, twenty, sedang, cltn, ringan].map((p) => p.nip).sort());
      expect(byNip.get(tenToTheDay.nip)).toMatchObject({ class: 'X', status: 'eligible', reachedOn: '2026-03-01', proposeWith: null });
      expect(byNip.get(leap.nip)).toMatchObject({ class: 'X', status: 'eligible', reachedOn: '2026-02-28' });
      expect(byNip.get(twenty.nip)).toMatchObject({ class: 'XX', status: 'eligible', reachedOn: '2026-05-01', proposeWith: 'X' });
      expect(byNip.get(sedang.nip)).toMatchObject({ class: 'X', status: 'blocked', reasons: ['Terhalang hukuman disiplin sedang (pemotongan tunjangan kinerja 25% selama 12 bulan) TMT 1 Januari 2020'] });
      expect(byNip.get(cltn.nip)).toMatchObject({ class: 'X', status: 'blocked', reasons: ['Terhalang cuti di luar tanggungan negara 1 Januari 2019 – 31 Desember 2019'] });
      expect(byNip.get(ringan.nip)).toMatchObject({ status: 'eligible' });
      // The year before: nobody of these reaches anything in 2025.
      expect(expectOk(await host.call('careers:satyalancanaList', { year: 2025 })).total).toBe(0);
      const xx = expectOk(await host.call('careers:satyalancanaList', { year: 2026, class: 'XX' }));
      expect(xx.rows.map((r) => r.nip)).toEqual([twenty.nip]);
    });

    it('exports the nominative list with the blocked on the second sheet', async () => {
      const [tenToTheDay, , twenty, sedang] = cases();
      const file = expectOk(await host.call('careers:satyalancanaExport', { year: 2026 }));
      const workbook = await readWorkbook(file.base64);
      const first = sheetText(workbook.getWorksheet('Usulan Satyalancana')!);
      expect(first[1][0]).toBe('TAHUN 2026');
      expect(first.find((r) => r.includes(tenToTheDay.nip))!.slice(5, 8)).toEqual(['2026-03-01', 'Satyalancana Karya Satya X Tahun', '']);
      expect(first.find((r) => r.includes(twenty.nip))!.slice(6, 8)).toEqual(['Satyalancana Karya Satya XX Tahun', 'Satyalancana Karya Satya X Tahun']);
      expect(first.some((r) => r.includes(sedang.nip))).toBe(false);
      const second = sheetText(workbook.getWorksheet('Terhalang')!);
      expect(second.find((r) => r.includes(sedang.nip))!.at(-1)).toMatch(/^Terhalang hukuman disiplin sedang/);
    });

    it('prints the same list as the report Usulan Satyalancana Karya Satya', async () => {
      const [tenToTheDay, , , sedang] = cases();
      const document = expectOk(await host.call('reports:render', { reportId: 'usulan-satyalancana', params: { year: '2026' } })) as ReportDocumentOf<'usulan-satyalancana'>;
      expect(document.title).toBe('Usulan Tanda Kehormatan Satyalancana Karya Satya Tahun 2026');
      if (document.content.status !== 'ready') throw new Error('the report has the people of 2026');
      expect(document.content.data.eligible).toHaveLength(4);
      expect(document.content.data.eligible.find((p) => p.nip === tenToTheDay.nip)).toMatchObject({ classLabel: 'Satyalancana Karya Satya X Tahun', reachedOn: '2026-03-01', proposeWith: '' });
      expect(document.content.data.blocked.map((p) => p.nip)).toContain(sedang.nip);
    });

    it('counts service again after an interruption when Pengaturan says so', async () => {
      const [, , , sedang, cltn] = cases();
      expectOk(await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', { satyalancanaInterruption: 'restart' })));
      const list = expectOk(await host.call('careers:satyalancanaList', { year: 2026, limit: 100 }));
      // Counted again from 1 January 2021 and 1 January 2020: X is reached in 2031 and 2030, not this year.
      expect(list.counts).toEqual({ eligible: 4, blocked: 0, byClass: { X: 3, XX: 1 } });
      expect(list.rows.map((r) => r.nip)).not.toContain(sedang.nip);
      expect(list.rows.map((r) => r.nip)).not.toContain(cltn.nip);
      expectOk(await host.call('careers:updateRules', await atCurrentVersion(host, 'careers:updateRules', { satyalancanaInterruption: 'block' })));
    });
  });

  describe('Beranda "jatuh tempo"', () => {
    it('counts, for the next three months, what each list behind it shows', async () => {
      const due = expectOk(await host.call('careers:dueSoon', {}));
      expect(due).toMatchObject({ today: '2026-11-24', until: '2027-02-24' });
      const kgb = expectOk(await host.call('careers:kgbList', {}));
      expect(due.kgb).toEqual({ fromMonth: '2026-11', toMonth: '2027-01', due: kgb.counts.due, blocked: kgb.counts.blocked });
      expect(kgb.counts).toEqual({ due: 1, blocked: 1 });
      const kp = expectOk(await host.call('careers:promotionList', { status: 'eligible', limit: 1 }));
      expect(due.promotion).toEqual({ period: kp.period, eligible: kp.counts.eligible });
      const [{ n }] = await q<{ n: number }>(`SELECT COUNT(*) AS n FROM employee WHERE status = 'active' AND retirement_date > '2026-11-24' AND retirement_date <= '2027-02-24'`);
      expect(due.retirement).toBe(n);
      // Only the PNS with TMT CPNS 1 Januari 2017 reaches a Satyalancana (X, on 1 Januari 2027) in those months.
      expect(due.satyalancana).toBe(1);
    });
  });
});
