import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { REPORT_LOADERS } from '../../main/reports/loaders';
import { isPendingLoader } from '../../main/reports/loaders/pending.loader';
import { fullName } from '../../shared/domain/employee-status';
import { PREDIKATS } from '../../shared/domain/skp';
import { REPORT_IDS, REPORTS, reportDocument, type ReportDocumentOf } from '../../shared/reports/catalogue';
import { expectOk, openTestHost, tempDir, TEST_TODAY, queryOn } from '../helpers/temp-db';

const ISSUE_REPORTS = [
  'profil-pegawai', 'peta-karier', 'peta-kompetensi', 'rekap-kinerja', 'manajemen-talenta', 'berita-acara-talenta', 'rencana-suksesi', 'proyeksi-pensiun',
  // The registers a BKPSDM prints.
  'daftar-nominatif', 'duk', 'usulan-pensiun', 'usulan-kenaikan-pangkat', 'usulan-kgb', 'usulan-satyalancana',
  // The budget proposal of the annual development plan.
  'usulan-anggaran-pengembangan',
];

describe('report catalogue', () => {
  it('has exactly the leadership reports, then the registers, then the budget proposal, in this order', () => {
    expect(REPORT_IDS).toEqual(ISSUE_REPORTS);
  });

  it('marks a report pending exactly when its loader is the pending loader; every capability has landed', () => {
    for (const id of REPORT_IDS) expect(Boolean(REPORTS[id].pending), id).toBe(isPendingLoader(REPORT_LOADERS[id]));
    expect(REPORT_IDS.filter((id) => REPORTS[id].pending)).toEqual([]);
  });

  it('asks in the form for exactly the parameters each report accepts', () => {
    for (const id of REPORT_IDS) {
      const shape = Object.keys((REPORTS[id].params as unknown as { shape: Record<string, unknown> }).shape).sort();
      expect(REPORTS[id].fields.map((f) => f.key).sort(), id).toEqual(shape);
    }
  });

  it('never lets a pending report claim data', () => {
    const pending = { reportId: 'rekap-kinerja', title: 'x', parameters: [], printedOn: TEST_TODAY, agency: { identity: {}, logo: null } };
    expect(reportDocument.safeParse({ ...pending, content: { status: 'ready', data: { anything: 1 } } }).success).toBe(false);
  });
});

describe('reports on a demo district', () => {
  const dir = tempDir();
  let host: JenjangHost;
  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 1500, seed: 21 });
  });
  afterAll(() => host.close());

  const render = async <R extends (typeof REPORT_IDS)[number]>(reportId: R, params: Record<string, string> = {}) =>
    expectOk(await host.call('reports:render', { reportId, params })) as ReportDocumentOf<R>;

  it('proyeksi-pensiun counts the same active employees per year as stats, and lists each of them once', async () => {
    const stats = expectOk(await host.call('stats:overview', {}));
    const document = await render('proyeksi-pensiun');
    expect(document.title).toBe('Proyeksi Pensiun Pegawai ASN 2027–2031');
    expect(document.agency.identity.officeName).toBe('Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
    expect(document.printedOn).toBe(TEST_TODAY);
    if (document.content.status !== 'ready') throw new Error(document.content.message);
    const data = document.content.data;
    expect(Object.fromEntries(data.byYear.map((y) => [String(y.year), y.total]))).toEqual(stats.retirements);
    expect(data.retirees).toHaveLength(data.total);
    expect(new Set(data.retirees.map((r) => r.nip)).size).toBe(data.total);
    for (const y of data.byYear) expect(Object.values(y.byKind).reduce((a, b) => a + b, 0)).toBe(y.total);
    expect(data.byGroup.reduce((a, g) => a + g.total, 0)).toBe(data.total);
    expect(data.retirees.map((r) => r.retirementDate)).toEqual([...data.retirees.map((r) => r.retirementDate)].sort());

    // Every listed employee, recomputed from the rows: active, retiring in the window, and named correctly.
    const rows: Array<{ nip: string; name: string; front_title: string | null; back_title: string | null; retirement_date: string; status: string }> =
      await queryOn(host, `SELECT nip, name, front_title, back_title, retirement_date, status FROM employee WHERE retirement_date >= '2027-01-01' AND retirement_date < '2032-01-01' AND status = 'active'`);
    expect(rows).toHaveLength(data.total);
    const byNip = new Map(data.retirees.map((r) => [r.nip, r]));
    for (const row of rows) expect(byNip.get(row.nip)).toMatchObject({ fullName: fullName(row.name, row.front_title, row.back_title), retirementDate: row.retirement_date });
  });

  it('proyeksi-pensiun for one OPD groups by its sub-units and adds up to the OPD line of the district report', async () => {
    const district = await render('proyeksi-pensiun');
    if (district.content.status !== 'ready') throw new Error('no data');
    const biggest = district.content.data.byGroup[0];
    const [unit] = await queryOn(host, 'SELECT id FROM unit WHERE name = ? AND parent_id IS NULL', [biggest.name]);
    const scoped = await render('proyeksi-pensiun', { unit: String(unit.id) });
    if (scoped.content.status !== 'ready') throw new Error('no data');
    expect(scoped.content.data.total).toBe(biggest.total);
    expect(scoped.content.data.byYear.map((y) => y.total)).toEqual(biggest.counts);
    expect(scoped.content.data.groupLabel).toBe('Unit kerja');
    expect(scoped.parameters[0]).toEqual({ label: 'Unit kerja', value: biggest.name });
  });

  it('proyeksi-pensiun accepts its own period and refuses bad parameters with Indonesian messages', async () => {
    const later = await render('proyeksi-pensiun', { fromYear: '2030', years: '2' });
    expect(later.title).toBe('Proyeksi Pensiun Pegawai ASN 2030–2031');
    const bad = await host.call('reports:render', { reportId: 'proyeksi-pensiun', params: { years: '11', colour: 'red' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!bad.ok) {
      expect(bad.error.message).toMatch(/Jumlah tahun harus bilangan bulat 1–10/);
      expect(bad.error.message).toMatch(/Parameter tidak dikenal untuk laporan Proyeksi Pensiun: colour/);
    }
    expect(await host.call('reports:render', { reportId: 'proyeksi-pensiun', params: { unit: '999999' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await host.call('reports:render', { reportId: 'laporan-lain' as never, params: {} })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('profil-pegawai draws an employee with their history, SKP, competency and training sections from the profile tabs\' services', async () => {
    const [row] = await queryOn(host, `SELECT id, nip FROM employee WHERE status = 'active' ORDER BY id LIMIT 1`);
    const printed = `${row.nip.slice(0, 8)} ${row.nip.slice(8, 14)} ${row.nip.slice(14, 15)} ${row.nip.slice(15)}`;
    const document = await render('profil-pegawai', { nip: printed });
    if (document.content.status !== 'ready') throw new Error('no data');
    const data = document.content.data;
    expect(data.employee).toEqual(expectOk(await host.call('employees:get', { id: row.id })));
    const history = expectOk(await host.call('employees:history', { employeeId: row.id }));
    expect(data.positions).toEqual(history.positions);
    expect(data.ranks).toEqual(history.ranks);
    expect(document.parameters).toEqual([{ label: 'Nama', value: data.employee.fullName }, { label: 'NIP', value: printed }]);
    const performance = expectOk(await host.call('performance:employee', { employeeId: row.id }));
    const competency = expectOk(await host.call('competency:employee', { employeeId: row.id }));
    const training = expectOk(await host.call('training:ofEmployee', { employeeId: row.id }));
    if (data.sections.kinerja.status === 'ready') expect(data.sections.kinerja.data.evaluations.map((e) => `${e.year}:${e.period}`)).toEqual(performance.evaluations.map((e) => `${e.year}:${e.period}`));
    else expect(performance.evaluations).toEqual([]);
    if (data.sections.kompetensi.status === 'ready') expect(data.sections.kompetensi.data).toMatchObject({ jpm: competency.jpm.jpm, standardCount: competency.items.length });
    else expect(competency.items).toEqual([]);
    if (data.sections.diklat.status === 'ready') expect(data.sections.diklat.data.target).toBe(training.target);
    else expect(training.records).toEqual([]);
    // The demo gives most people all three sections.
    const [full] = await queryOn(host, `SELECT e.nip FROM employee e WHERE e.status = 'active'
      AND EXISTS (SELECT 1 FROM performance_evaluation p WHERE p.employee_id = e.id) AND EXISTS (SELECT 1 FROM employee_competency_current c WHERE c.employee_id = e.id)
      AND EXISTS (SELECT 1 FROM training_record t WHERE t.employee_id = e.id AND t.end_date >= '2022-01-01') ORDER BY e.id LIMIT 1`);
    const complete = await render('profil-pegawai', { nip: full.nip });
    if (complete.content.status !== 'ready') throw new Error('no data');
    expect(Object.values(complete.content.data.sections).map((x) => x.status)).toEqual(['ready', 'ready', 'ready']);
    expect(await host.call('reports:render', { reportId: 'profil-pegawai', params: { nip: '199001012015031999' } }))
      .toMatchObject({ ok: false, error: { code: 'not_found', message: 'Pegawai dengan NIP 19900101 201503 1 999 tidak ditemukan.' } });
    expect(await host.call('reports:render', { reportId: 'profil-pegawai', params: {} }))
      .toMatchObject({ ok: false, error: { message: 'Parameter nip wajib diisi untuk laporan Profil Pegawai.' } });
  });

  it('rekap-kinerja prints the figures of stats and the Kinerja page for the latest year', async () => {
    const stats = expectOk(await host.call('stats:overview', {})) as unknown as { performance: { year: number; byPredikat: Record<string, number>; withoutSkp: number } };
    const document = await render('rekap-kinerja');
    if (document.content.status !== 'ready') throw new Error(document.content.message);
    const data = document.content.data;
    expect(data.year).toBe(stats.performance.year);
    expect(Object.fromEntries(PREDIKATS.map((p) => [p.label, data.counts[p.code] ?? 0]))).toEqual(stats.performance.byPredikat);
    expect(data.total).toBe(Object.values(stats.performance.byPredikat).reduce((a, b) => a + b, 0));
    expect(data.withoutSkp.total).toBe(stats.performance.withoutSkp);
    expect(data.units.reduce((a, u) => a + u.total, 0)).toBe(data.total);
    expect(data.followUps.total).toBe((data.counts.butuh_perbaikan ?? 0) + (data.counts.kurang ?? 0) + (data.counts.sangat_kurang ?? 0));
    expect(data.trend.map((t) => t.year)).toEqual([data.year - 4, data.year - 3, data.year - 2, data.year - 1, data.year]);
    // A year before 2022: PP 46/2011 sebutan, never a predikat.
    const legacy = await render('rekap-kinerja', { year: '2019' });
    if (legacy.content.status !== 'ready') throw new Error(legacy.content.message);
    expect(legacy.content.data.legacy).toBe(true);
    expect(Object.keys(legacy.content.data.counts).every((c) => c.startsWith('legacy:'))).toBe(true);
  });

  it('manajemen-talenta prints the 9-box of stats, with the talent pool', async () => {
    const stats = expectOk(await host.call('stats:overview', {})) as unknown as { talent: { year: number; computed: Record<string, number>; calibrated: Record<string, number>; unplaced: number } };
    const document = await render('manajemen-talenta');
    if (document.content.status !== 'ready') throw new Error(document.content.message);
    const data = document.content.data;
    expect(data.year).toBe(stats.talent.year);
    expect(Object.fromEntries(data.boxes.map((b) => [String(b.box), b.computed]))).toEqual(stats.talent.computed);
    expect(Object.fromEntries(data.boxes.map((b) => [String(b.box), b.final]))).toEqual(stats.talent.calibrated);
    expect(data.unplaced.count).toBe(stats.talent.unplaced);
    expect(data.pool.total).toBe(data.boxes.filter((b) => b.inPool).reduce((a, b) => a + b.final, 0));
    for (const box of data.boxes) expect(box.people.length).toBe(Math.min(box.final, 12));
  });

  it('peta-kompetensi prints the JPM categories of stats and the heatmap of the page', async () => {
    const stats = expectOk(await host.call('stats:overview', {})) as unknown as { competency: { assessed: number; byJpmCategory: Record<string, number> } };
    const document = await render('peta-kompetensi');
    if (document.content.status !== 'ready') throw new Error(document.content.message);
    const data = document.content.data;
    expect({ Optimal: data.jpm.optimal, 'Cukup Optimal': data.jpm.cukup, 'Kurang Optimal': data.jpm.kurang }).toEqual(stats.competency.byJpmCategory);
    expect(data.totals.complete).toBe(stats.competency.assessed);
    const heatmap = expectOk(await host.call('competency:heatmap', {}));
    expect(data.rows.map((r) => r.cells.map((c) => c.averageGap))).toEqual(heatmap.rows.map((r) => heatmap.competencies.map((c) => r.cells.find((x) => x.competencyId === c.id)?.averageGap ?? null)));
  });

  it('rencana-suksesi prints the key positions of stats with their saved candidates; a unit narrows it', async () => {
    const stats = expectOk(await host.call('stats:overview', {})) as unknown as { succession: { keyPositions: number; atRisk: number; withReadyNow: number; vacanciesByYear: Record<string, number> } };
    const document = await render('rencana-suksesi');
    if (document.content.status !== 'ready') throw new Error(document.content.message);
    const data = document.content.data;
    expect(data.totals.keyPositions).toBe(stats.succession.keyPositions);
    expect(data.totals.tinggi).toBe(stats.succession.atRisk);
    expect(data.totals.withReadyNow).toBe(stats.succession.withReadyNow);
    for (const [year, count] of Object.entries(stats.succession.vacanciesByYear)) expect(data.timeline.find((t) => t.year === Number(year))?.count ?? 0).toBe(count);
    const [{ n: candidates }] = await queryOn(host,
      `SELECT COUNT(*) AS n FROM succession_candidate c JOIN succession_plan sp ON sp.id = c.plan_id JOIN position p ON p.id = sp.position_id WHERE p.is_key AND p.active`);
    expect(data.positions.reduce((a, p) => a + p.candidates.length, 0)).toBe(Number(candidates));
    const [unit] = await queryOn(host, `SELECT id, name FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`);
    const narrowed = await render('rencana-suksesi', { unit: String(unit.id) });
    expect(narrowed.parameters[0]).toEqual({ label: 'Unit kerja', value: unit.name });
    if (narrowed.content.status !== 'ready') throw new Error(narrowed.content.message);
    expect(narrowed.content.data.positions.length).toBeLessThan(data.positions.length);
    expect(narrowed.content.data.positions.every((p) => data.positions.some((q) => q.positionId === p.positionId))).toBe(true);
  });

  it('exports a report\'s tables as one workbook, one sheet per table', async () => {
    const file = expectOk(await host.call('reports:exportXlsx', { reportId: 'proyeksi-pensiun', params: {} }));
    expect(file.fileName).toBe(`proyeksi-pensiun-pegawai-asn-2027-2031-${TEST_TODAY}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Pensiun per tahun', 'Pensiun per perangkat daerah', 'Daftar pegawai yang pensiun']);
    const document = await render('proyeksi-pensiun');
    if (document.content.status !== 'ready') throw new Error('no data');
    const list = workbook.getWorksheet('Daftar pegawai yang pensiun')!;
    const nips: string[] = [];
    let printedBy = '';
    list.eachRow((r, i) => {
      const first = String(r.getCell(1).value);
      if (first.startsWith('Dicetak oleh ')) printedBy = first;
      else if (i > 5) nips.push(String(r.getCell(2).value));
    });
    expect(nips).toEqual(document.content.data.retirees.map((r) => r.nip));
    expect(printedBy).toMatch(/^Dicetak oleh .+ pada 24 November 2026 pukul \d\d\.\d\d$/);
    const succession = expectOk(await host.call('reports:exportXlsx', { reportId: 'rencana-suksesi', params: {} }));
    const successionBook = new ExcelJS.Workbook();
    await successionBook.xlsx.load(Buffer.from(succession.base64, 'base64') as unknown as ArrayBuffer);
    expect(successionBook.worksheets.map((s) => s.name)).toEqual(['Jabatan kritikal', 'Kandidat pengganti']);
  });
});

describe('reports:exportPdf through the dispatcher (printer replaced at its edge)', () => {
  const dir = tempDir();

  it('needs a printer, refuses bad parameters before printing, and reports progress as a job with the page count', async () => {
    const host = await openTestHost(dir, { demoEmployees: 300 });
    try {
      const [row] = await queryOn(host, `SELECT nip FROM employee ORDER BY id LIMIT 1`);
      const request = { jobId: 'job-pdf-0001', reportId: 'profil-pegawai' as const, params: { nip: row.nip } };
      expect(await host.call('reports:exportPdf', request)).toMatchObject({ ok: false, error: { code: 'internal', message: 'Pencetak PDF belum tersedia di proses ini.' } });

      const printed: unknown[] = [];
      host.setPrinter({
        kind: 'chromium',
        async print(job) {
          printed.push({ reportId: job.reportId, params: job.params });
          job.onPhase?.('Menyiapkan mesin cetak');
          job.onPhase?.('Menyusun laporan');
          job.onPhase?.('Mencetak PDF', 2);
          return { pdf: Buffer.from('%PDF-1.4 contoh'), pages: 2 };
        },
        async close() {},
      });
      const events: unknown[] = [];
      host.onEvent((event) => events.push(event));
      const file = expectOk(await host.call('reports:exportPdf', request));
      expect(file).toEqual({ fileName: `profil-pegawai-${row.nip}-${TEST_TODAY}.pdf`, mimeType: 'application/pdf', base64: Buffer.from('%PDF-1.4 contoh').toString('base64'), pages: 2 });
      expect(printed).toEqual([{ reportId: 'profil-pegawai', params: { nip: row.nip } }]);
      // The last step says how many pages the drawn report fills.
      expect(events).toContainEqual(expect.objectContaining({ type: 'job:progress', jobId: 'job-pdf-0001', phase: 'Mencetak PDF: 2 halaman', done: 3, total: 3 }));

      expect(await host.call('reports:exportPdf', { ...request, params: { nip: '12' } })).toMatchObject({ ok: false, error: { code: 'validation', message: 'Pegawai harus NIP 18 angka.' } });
      expect(printed).toHaveLength(1);
    } finally {
      await host.close();
    }
  });
});

describe('reports on an empty database', () => {
  const dir = tempDir();

  it('say that there is no data instead of printing zeros', async () => {
    const host = await openTestHost(dir);
    try {
      const document = expectOk(await host.call('reports:render', { reportId: 'proyeksi-pensiun', params: {} }));
      expect(document.content).toEqual({ status: 'empty', message: expect.stringMatching(/^Belum ada data pegawai aktif/) });
      expect(document.agency.logo).toBeNull();
      expect(await host.call('reports:exportXlsx', { reportId: 'proyeksi-pensiun', params: {} })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      await host.close();
    }
  });
});
