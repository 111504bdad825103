// The registers a BKPSDM prints (daftar nominatif, Daftar Urut Kepangkatan, usulan pensiun), on a demo district:
// each against the Pegawai list, stats or the rules it applies, and their XLSX against their document.

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { SYSTEM_ACTOR } from '../../shared/auth/acting';
import { addMonths } from '../../shared/domain/dates';
import { highestLeadershipTraining, sortDuk, type DukEntry } from '../../shared/domain/duk';
import { MAX_PRINTED_ROWS } from '../../shared/reports/define';
import type { ReportDocumentOf, ReportId } from '../../shared/reports/catalogue';
import { actAsNewAccount } from '../helpers/auth';
import { inputFromProfile } from '../helpers/employee-input';
import { expectOk, openTestHost, tempDir, TEST_TODAY, queryOn } from '../helpers/temp-db';

async function sheetsOf(base64: string): Promise<ExcelJS.Worksheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook.worksheets;
}

/** Data rows of a report sheet: below the title lines and the header (the row whose first cell is `firstHeader`). */
/** The rows between the header and the closing "Dicetak oleh …" line. */
function dataRows(sheet: ExcelJS.Worksheet, firstHeader: string): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  let header = 0;
  let printedBy = 0;
  sheet.eachRow((row, index) => {
    if (!header && row.getCell(1).value === firstHeader) header = index;
    else if (header && String(row.getCell(1).value).startsWith('Dicetak oleh ')) printedBy = index;
    else if (header && !printedBy) rows.push(row);
  });
  expect(printedBy, `"Dicetak oleh" line at the end of sheet ${sheet.name}`).toBeGreaterThan(0);
  expect(header, `header "${firstHeader}" in sheet ${sheet.name}`).toBeGreaterThan(0);
  return rows;
}

describe('registers on a demo district', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let opd: { id: number; name: string; path: string };
  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 1500, seed: 21 });
    [opd] = await queryOn(host, `SELECT id, name, path FROM unit WHERE name = 'Dinas Kesehatan' AND parent_id IS NULL`);
  });
  afterAll(() => host.close());

  const render = async <R extends ReportId>(reportId: R, params: Record<string, string> = {}) =>
    expectOk(await host.call('reports:render', { reportId, params })) as ReportDocumentOf<R>;
  const ready = <R extends ReportId>(document: ReportDocumentOf<R>) => {
    if (document.content.status !== 'ready') throw new Error(document.content.message);
    return document.content.data;
  };

  describe('usulan pensiun', () => {
    it('lists who passed the TMT pensiun while still active and who reaches it within 12 months, as stats and the Pegawai list count them', async () => {
      // Two records not updated after retirement: with any BUP (65 at most) their TMT pensiun is in the past.
      const [a, b] = await queryOn(host, `SELECT id FROM employee WHERE status = 'active' AND unit_id IS NOT NULL ORDER BY id LIMIT 2`);
      for (const [id, birthDate] of [[a.id, '1959-02-10'], [b.id, '1960-06-30']] as const) {
        const profile = expectOk(await host.call('employees:get', { id }));
        expectOk(await host.call('employees:update', { id, version: profile.version, input: { ...inputFromProfile(profile), birthDate } }));
      }
      const stats = expectOk(await host.call('stats:overview', {}));
      expect(stats.retirementDue.overdue).toBe(2);
      expect(stats.retirementDue.next12Months).toBeGreaterThan(0);

      const document = await render('usulan-pensiun');
      const data = ready(document);
      expect(document.title).toBe('Usulan Pensiun Pegawai ASN');
      expect(data.until).toBe(addMonths(TEST_TODAY, 12));
      expect(data.overdue).toHaveLength(stats.retirementDue.overdue);
      expect(data.upcoming).toHaveLength(stats.retirementDue.next12Months);
      for (const p of data.overdue) expect(p.retirementDate <= TEST_TODAY).toBe(true);
      for (const p of data.upcoming) expect(p.retirementDate > TEST_TODAY && p.retirementDate <= data.until).toBe(true);
      expect(data.upcoming.map((p) => p.retirementDate)).toEqual([...data.upcoming.map((p) => p.retirementDate)].sort());

      for (const [retirement, expected] of [['overdue', data.overdue.length], ['upcoming', data.upcoming.length]] as const) {
        expect(expectOk(await host.call('employees:list', { status: ['active'], retirement, limit: 1 })).total, retirement).toBe(expected);
      }

      const [upcomingSheet, overdueSheet] = await sheetsOf(expectOk(await host.call('reports:exportXlsx', { reportId: 'usulan-pensiun', params: {} })).base64);
      expect(dataRows(upcomingSheet, 'NIP')).toHaveLength(data.upcoming.length);
      expect(dataRows(overdueSheet, 'NIP').map((r) => r.getCell(1).value).sort()).toEqual(data.overdue.map((p) => p.nip).sort());
    });
  });

  describe('daftar nominatif', () => {
    it('lists exactly the employees the Pegawai list shows for the same filters', async () => {
      const cases: Array<[Record<string, string>, Record<string, unknown>]> = [
        [{ unit: String(opd.id) }, { unitId: opd.id, status: ['active'] }],
        [{ unit: 'semua', golongan: '33', jenis: 'fungsional' }, { golongan: [33], positionKind: ['fungsional'], status: ['active'] }],
        [{ unit: 'semua', status: 'semua', jenisPegawai: 'PPPK' }, { employmentType: ['PPPK'] }],
        [{ unit: 'semua', pensiun: 'upcoming' }, { retirement: 'upcoming', status: ['active'] }],
        [{ unit: 'semua', status: 'retired' }, { status: ['retired'] }],
      ];
      for (const [params, list] of cases) {
        const expected = expectOk(await host.call('employees:list', { ...list, limit: 500 }));
        const data = ready(await render('daftar-nominatif', params));
        expect(data.rows.length, JSON.stringify(params)).toBe(expected.total);
        expect(new Set(data.rows.map((r) => r.nip))).toEqual(new Set(expected.rows.map((r) => r.nip)));
      }
    });

    it('groups the list by perangkat daerah and prints the filters in words', async () => {
      const document = await render('daftar-nominatif', { unit: 'semua', golongan: '33' });
      const data = ready(document);
      const seen: string[] = [];
      for (const r of data.rows) if (seen.at(-1) !== r.opdName) seen.push(r.opdName ?? '');
      expect(seen).toEqual([...new Set(seen)]);
      expect(data.filters).toEqual(['Status: Aktif', 'Golongan: III/c']);
      expect(document.parameters).toContainEqual({ label: 'Golongan', value: 'III/c' });
      expect(data.rows.every((r) => r.golongan === 'III/c' && r.status === 'Aktif')).toBe(true);
    });

    it('asks for a unit (one unit by default), and refuses codes it does not know in Indonesian', async () => {
      const missing = await host.call('reports:render', { reportId: 'daftar-nominatif', params: {} });
      expect(!missing.ok && missing.error.message).toBe('Parameter unit wajib diisi untuk laporan Daftar Nominatif Pegawai.');
      const badUnit = await host.call('reports:render', { reportId: 'daftar-nominatif', params: { unit: 'kabupaten' } });
      expect(!badUnit.ok && badUnit.error.message).toMatch(/Unit kerja harus nomor ID unit kerja, atau "semua"/);
      const badKind = await host.call('reports:render', { reportId: 'daftar-nominatif', params: { unit: 'semua', jenis: 'eselon' } });
      expect(!badKind.ok && badKind.error.message).toMatch(/^Jenis jabatan harus salah satu dari: JPT, Administrator/);
    });

    it('exports the same rows as XLSX, the acting account named as author', async () => {
      await actAsNewAccount(host, { username: 'rina', fullName: 'Rina Marlina', nip: null });
      try {
        const params = { unit: String(opd.id) };
        const data = ready(await render('daftar-nominatif', params));
        const file = expectOk(await host.call('reports:exportXlsx', { reportId: 'daftar-nominatif', params }));
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
        expect(workbook.creator).toBe('Rina Marlina');
        const [sheet] = workbook.worksheets;
        const rows = dataRows(sheet, 'No.');
        expect(rows.map((r) => r.getCell(2).value)).toEqual(data.rows.map((r) => r.nip));
        const lines: string[] = [];
        sheet.eachRow((row, index) => index <= 8 && lines.push(String(row.getCell(1).value)));
        expect(lines.join(' | ')).toContain('Dibuat dengan Jenjang oleh Rina Marlina, 24 November 2026');
      } finally {
        host.setLocalActor(SYSTEM_ACTOR);
      }
    });
  });

  describe('Daftar Urut Kepangkatan', () => {
    it('lists the active PNS and CPNS of a unit in the order of the shared comparator, with the leadership training on record', async () => {
      const document = await render('duk', { unit: String(opd.id) });
      const data = ready(document);
      const people: Array<DukEntry & { id: number; employment_type: string }> = await queryOn(host,
        `SELECT e.id, e.nip, e.employment_type, e.golongan, e.golongan_tmt AS "golonganTmt", p.level AS "positionLevel", e.position_tmt AS "positionTmt",
                e.cpns_tmt AS "cpnsTmt", e.education_level AS "educationLevel", e.education_year AS "educationYear", e.birth_date AS "birthDate"
           FROM employee e LEFT JOIN position p ON p.id = e.position_id JOIN unit u ON u.id = e.unit_id
          WHERE e.status = 'active' AND e.employment_type IN ('PNS', 'CPNS') AND substr(u.path, 1, length(?)) = ?`, [opd.path, opd.path]);
      expect(people.length).toBeGreaterThan(20);
      const trainings: Array<{ employee_id: number; type: string }> = await queryOn(host,
        `SELECT employee_id, type FROM training_record WHERE end_date <= ?`, [TEST_TODAY]);
      for (const p of people) p.leadershipTraining = highestLeadershipTraining(trainings.filter((t) => t.employee_id === p.id).map((t) => t.type));
      expect(data.rows.map((r) => r.nip)).toEqual(sortDuk(people).map((p) => p.nip));
      expect(data.rows.map((r) => r.rank)).toEqual(people.map((_p, i) => i + 1));
      expect(data.rows[0].decidedBy).toBeNull();
      expect(data.rows.slice(1).every((r) => r.decidedBy !== null)).toBe(true);
      expect(data.missing.leadership).toBe(people.filter((p) => !p.leadershipTraining).length);
      expect(document.parameters).toContainEqual({ label: 'Pegawai', value: `${people.length} PNS dan CPNS aktif (PPPK tidak masuk DUK)` });
    });

    it('puts the one with a leadership training on record first when everything before it is equal', async () => {
      // Two pelaksana of one unit made equal on pangkat, jabatan and masa kerja; only the training differs.
      const [first, second] = await queryOn(host,
        `SELECT e.id FROM employee e JOIN position p ON p.id = e.position_id
          WHERE e.status = 'active' AND e.employment_type = 'PNS' AND p.level = 'pelaksana' AND e.unit_id = (
            SELECT e2.unit_id FROM employee e2 JOIN position p2 ON p2.id = e2.position_id
             WHERE e2.status = 'active' AND e2.employment_type = 'PNS' AND p2.level = 'pelaksana' GROUP BY e2.unit_id HAVING COUNT(*) >= 2 ORDER BY e2.unit_id LIMIT 1)
          ORDER BY e.id LIMIT 2`);
      await queryOn(host, `DELETE FROM training_record WHERE employee_id IN (?, ?) AND type IN ('pkp', 'pka', 'pkn_2', 'pkn_1')`, [first.id, second.id]);
      for (const id of [first.id, second.id]) {
        const profile = expectOk(await host.call('employees:get', { id }));
        expectOk(await host.call('employees:update', { id, version: profile.version, input: {
          ...inputFromProfile(profile), golongan: 32, golonganTmt: '2020-04-01', positionTmt: '2019-01-02', cpnsTmt: '2010-03-01', pnsTmt: '2011-03-01',
        } }));
      }
      // The later NIP gets a PKA: without it, the earlier NIP would come first.
      const training = (type: 'pka', startDate: string, endDate: string) => ({ title: `Pelatihan ${type}`, type, startDate, endDate, jp: 40 });
      const [laterNip] = await queryOn(host, `SELECT id FROM employee WHERE id IN (?, ?) ORDER BY nip DESC LIMIT 1`, [first.id, second.id]);
      const earlierNip = laterNip.id === first.id ? second : first;
      expectOk(await host.call('training:save', { employeeId: laterNip.id, input: training('pka', '2023-03-01', '2023-05-31') }));
      const [unit] = await queryOn(host, 'SELECT unit_id FROM employee WHERE id = ?', [first.id]);
      const data = ready(await render('duk', { unit: String(unit.unit_id) }));
      const nips: Array<{ id: number; nip: string }> = await queryOn(host, 'SELECT id, nip FROM employee WHERE id IN (?, ?)', [first.id, second.id]);
      const rowOf = (id: number) => data.rows.find((r) => r.nip === nips.find((n) => n.id === id)!.nip)!;
      expect(rowOf(laterNip.id).leadershipTraining).toBe('PKA');
      expect(rowOf(laterNip.id).rank).toBeLessThan(rowOf(earlierNip.id).rank);
      expect(rowOf(earlierNip.id).leadershipTraining).toBeNull();
      expect(rowOf(laterNip.id).decidedBy === 'Latihan jabatan' || rowOf(earlierNip.id).decidedBy === 'Latihan jabatan').toBe(true);
    });
  });
});

describe('a register longer than one document', () => {
  const dir = tempDir();

  it('says so on the page instead of drawing hundreds of pages, and still exports every row as XLSX', async () => {
    const host = await openTestHost(dir, { demoEmployees: MAX_PRINTED_ROWS + 300, recordsOnly: true });
    try {
      const document = expectOk(await host.call('reports:render', { reportId: 'daftar-nominatif', params: { unit: 'semua', status: 'semua' } }));
      expect(document.content).toEqual({ status: 'empty', message: expect.stringMatching(/^Daftar ini memuat 3\.300 pegawai, lebih dari 3\.000 baris/) });
      expect(document.workbook).toBe(true);
      const [sheet] = await sheetsOf(expectOk(await host.call('reports:exportXlsx', { reportId: 'daftar-nominatif', params: { unit: 'semua', status: 'semua' } })).base64);
      expect(dataRows(sheet, 'No.')).toHaveLength(MAX_PRINTED_ROWS + 300);
    } finally {
      await host.close();
    }
  });
});
