// Personal data in use, on real databases behind the real dispatcher: every export path writes one export-log
// line in the call that produces the file, the Administrator's log filters and pages, "Dicetak oleh … pada …
// pukul …" closes every XLSX, "untuk pimpinan" leaves out contact data and full birth dates (read back from the
// XLSX cells; the PDF text is read back in privacy.spec.ts), and imported cell values go after the retention period.

import type { ActingAccount } from '../../shared/auth/acting';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Args } from '../../main/cli/args';
import { reportCommand } from '../../main/cli/commands/report.command';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited } from '../../main/demo/import-files';
import { startHost, type JenjangHost } from '../../main/host';
import type { Clock } from '../../main/services/clock';
import { contract } from '../../shared/ipc/contract';
import { MONTHS_ID } from '../../shared/format/id-format';
import { commitPreview, previewFile } from '../helpers/import';
import { expectOk, openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';
import { atCurrentVersion } from '../helpers/settings-version';

async function readWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** The text of every non-empty row of a sheet, top to bottom. */
function sheetLines(sheet: ExcelJS.Worksheet): string[] {
  const lines: string[] = [];
  sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1).filter((v) => v !== null && v !== undefined).map(String).join(' | ')));
  return lines;
}

/** "Dicetak oleh <name> pada 24 November 2026 pukul HH.MM" for the clock's instant, in this machine's local time. */
function printedLine(name: string, iso: string): string {
  const at = new Date(iso);
  const time = `${String(at.getHours()).padStart(2, '0')}.${String(at.getMinutes()).padStart(2, '0')}`;
  return `Dicetak oleh ${name} pada ${at.getDate()} ${MONTHS_ID[at.getMonth()]} ${at.getFullYear()} pukul ${time}`;
}

const SRI = 'Sri Wahyuni (sri)';

/** An account acting in-process, as a logged-in session would (the account row itself does not matter here). */
function actingAs(fullName: string, username: string): ActingAccount {
  return { accountId: 1, username, fullName, role: 'administrator', scopeUnitId: null, mustChangePassword: false };
}

async function lastLog(host: JenjangHost) {
  return expectOk(await host.call('exports:log', { limit: 1 })).rows[0];
}

describe('export log, printed-by footer and "untuk pimpinan"', () => {
  const dir = tempDir();
  let host: JenjangHost;

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 300 });
    // Exports name the acting account, never the OS user nor a free-text operator name an older database still holds.
    await host.services.settings.setValue('operatorName', 'Nama Operator Lama');
    host.setLocalActor(actingAs('Sri Wahyuni', 'sri'));
  });
  afterAll(() => host.close());

  it('declares the log an Administrator read (permission audit) and the exports that now log as writes', () => {
    expect(contract['exports:log']).toMatchObject({ mode: 'read', permission: 'audit' });
    for (const channel of ['export:xlsx', 'reports:exportXlsx', 'careers:promotionExport'] as const) {
      expect(contract[channel]).toMatchObject({ mode: 'exclusive' });
    }
  });

  it('export:xlsx (the Pegawai list): the last line names who printed it and when; the log has who, what, filters and rows', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ nip: `1980010120100110${String(i).padStart(2, '0')}`, nama: `Pegawai ${i}` }));
    const file = expectOk(await host.call('export:xlsx', {
      title: 'Daftar Pegawai', subtitle: ['Unit kerja: Dinas Pendidikan', 'Status: Aktif'],
      columns: [{ key: 'nip', header: 'NIP' }, { key: 'nama', header: 'Nama' }], rows,
    }));
    const sheet = (await readWorkbook(file.base64)).worksheets[0];
    const lines = sheetLines(sheet);
    expect(lines.at(-1)).toBe(printedLine(SRI, host.services.clock.now()));
    expect(lines.at(-1)).toMatch(/^Dicetak oleh Sri Wahyuni \(sri\) pada \d{1,2} November 2026 pukul \d\d\.\d\d$/);
    expect(sheet.headerFooter.oddFooter).toContain(`Dicetak oleh ${SRI}`);

    const logged = await lastLog(host);
    expect(logged).toMatchObject({
      actor: SRI, kind: 'tabel', title: 'Daftar Pegawai', format: 'xlsx', rowCount: 40, pageCount: null,
      fileName: file.fileName, forLeadership: false, via: 'test', at: host.services.clock.now(),
      parameters: [{ label: 'Unit kerja', value: 'Dinas Pendidikan' }, { label: 'Status', value: 'Aktif' }],
    });
  });

  it('reports:exportXlsx "untuk pimpinan": birth dates are years, the sheet says which version it is, and the log says so', async () => {
    const unit = (await host.services.dataSource.query('SELECT id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1'))[0].id as number;
    const full = await readWorkbook(expectOk(await host.call('reports:exportXlsx', { reportId: 'daftar-nominatif', params: { unit: String(unit) } })).base64);
    const reduced = expectOk(await host.call('reports:exportXlsx', { reportId: 'daftar-nominatif', params: { unit: String(unit), untukPimpinan: 'ya' } }));
    const sheet = (await readWorkbook(reduced.base64)).worksheets[0];
    const fullSheet = full.worksheets[0];
    const headerRow = (s: ExcelJS.Worksheet) => {
      let found = 0;
      s.eachRow((row, n) => { if (!found && (row.values as unknown[]).includes('Tanggal lahir')) found = n; });
      return found;
    };
    const h = headerRow(sheet);
    const column = (sheet.getRow(h).values as unknown[]).indexOf('Tanggal lahir');
    expect(h).toBeGreaterThan(0);
    const fullDate = fullSheet.getRow(headerRow(fullSheet) + 1).getCell(column).value;
    const yearOnly = sheet.getRow(h + 1).getCell(column).value;
    expect(fullDate).toBeInstanceOf(Date);
    expect(yearOnly).toBe(String((fullDate as Date).getUTCFullYear()));
    const lines = sheetLines(sheet);
    expect(lines.slice(0, h).join('\n')).toContain('Untuk pimpinan (tanpa kontak, alamat dan tanggal lahir lengkap)');
    expect(lines.at(-1)).toBe(printedLine(SRI, host.services.clock.now()));

    const logged = await lastLog(host);
    expect(logged).toMatchObject({ kind: 'daftar-nominatif', title: expect.stringContaining('Daftar Nominatif'), format: 'xlsx', forLeadership: true, fileName: reduced.fileName });
    expect(logged.rowCount).toBe(fullSheet.rowCount - headerRow(fullSheet) - 2);
    expect(logged.parameters).toContainEqual({ label: 'Versi', value: 'Untuk pimpinan (tanpa kontak, alamat dan tanggal lahir lengkap)' });
  });

  it('the report document "untuk pimpinan": no phone or e-mail, the birth year only; the full one has them, and both name who prints', async () => {
    const [person] = await host.services.dataSource.query(`SELECT nip, email, birth_date FROM employee WHERE email IS NOT NULL AND status = 'active' ORDER BY id LIMIT 1`);
    const render = async (params: Record<string, string>) => {
      const document = expectOk(await host.call('reports:render', { reportId: 'profil-pegawai', params }));
      if (document.reportId !== 'profil-pegawai' || document.content.status !== 'ready') throw new Error('profile not ready');
      return { document, employee: document.content.data.employee };
    };
    const full = await render({ nip: person.nip });
    expect(full.employee).toMatchObject({ email: person.email, birthDate: person.birth_date });
    expect(full.document).toMatchObject({ printedBy: SRI, printedAt: host.services.clock.now(), forLeadership: false });
    const reduced = await render({ nip: person.nip, untukPimpinan: 'ya' });
    expect(reduced.employee).toMatchObject({ email: null, phone: null, birthDate: person.birth_date.slice(0, 4), ageYears: full.employee.ageYears });
    expect(reduced.document.forLeadership).toBe(true);
    expect(JSON.stringify(reduced.document)).not.toContain(person.birth_date);
    expect(JSON.stringify(reduced.document)).not.toContain(person.email);
    // "tidak" is the full version; anything else is refused in words.
    expect((await render({ nip: person.nip, untukPimpinan: 'tidak' })).document.forLeadership).toBe(false);
    const refused = await host.call('reports:render', { reportId: 'profil-pegawai', params: { nip: person.nip, untukPimpinan: 'mungkin' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', message: 'Parameter untukPimpinan harus "ya" atau "tidak", bukan "mungkin".' } });
  });

  it('careers:promotionExport (usulan KP) logs its period, unit and rows, and carries the printed-by line', async () => {
    const file = expectOk(await host.call('careers:promotionExport', {}));
    const sheet = (await readWorkbook(file.base64)).worksheets[0];
    expect(sheetLines(sheet).at(-1)).toBe(printedLine(SRI, host.services.clock.now()));
    const logged = await lastLog(host);
    expect(logged).toMatchObject({ kind: 'usulan-kp', title: 'Usulan Kenaikan Pangkat Reguler', format: 'xlsx', fileName: file.fileName });
    expect(logged.parameters.map((p) => p.label)).toEqual(['Periode', 'Unit kerja']);
    expect(logged.parameters[0].value).toMatch(/^1 \w+ \d{4}$/);
    expect(logged.rowCount).toBeGreaterThan(0);
  });

  it('import:rejectedXlsx logs the source file and rejected rows; the footer is on the printed page only, so the file imports again', async () => {
    const district = generateDemoDistrict({ employees: 20, seed: 3, asOf: TEST_TODAY });
    const csv = path.join(dir, 'salah.csv');
    writeDelimited(csv, SIASN_HEADER, siasnRows(district).slice(0, 5).map((r, i) => (i < 2 ? { ...r, nip_baru: 'BUKAN-NIP' } : r)), { delimiter: '|' });
    const preview = await previewFile(host, csv);
    const file = expectOk(await host.call('import:rejectedXlsx', { previewId: preview.previewId }));
    const sheet = (await readWorkbook(file.base64)).getWorksheet('Baris ditolak')!;
    expect(sheet.rowCount).toBe(preview.counts.rejected + 1);
    expect(preview.counts.rejected).toBeGreaterThanOrEqual(2);
    expect(sheet.headerFooter.oddFooter).toContain(printedLine(SRI, host.services.clock.now()));
    expect(sheetLines(sheet).at(-1)).not.toContain('Dicetak oleh');
    expect(await lastLog(host)).toMatchObject({
      kind: 'impor-ditolak', rowCount: preview.counts.rejected, fileName: file.fileName,
      parameters: [{ label: 'Berkas impor', value: 'salah.csv' }, { label: 'Jenis data', value: 'Data pegawai (snapshot SIASN)' }],
    });
  });

  it('CLI report --untuk-pimpinan: the XLSX is reduced and logged in the database it came from, as the command line', async () => {
    const cliDb = path.join(dir, 'cli.sqlite');
    const seeded = await startHost({ dbPath: cliDb, transport: 'test', log: () => undefined });
    await seeded.services.demo.load({ employees: 120, seed: 9, actor: 'tester', extensions: false });
    await seeded.close();
    const out = path.join(dir, 'nominatif.xlsx');
    const said: string[] = [];
    await reportCommand.run(new Args(['daftar-nominatif', '--db', cliDb, '--out', out, '--param', 'unit=semua', '--untuk-pimpinan', '--as-of', TEST_TODAY]), { out: (l) => said.push(l), note: () => undefined });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(sheetLines(workbook.worksheets[0]).join('\n')).toContain('Untuk pimpinan');
    const reopened = await startHost({ dbPath: cliDb, transport: 'test', log: () => undefined });
    try {
      expect(expectOk(await reopened.call('exports:log', {})).rows).toEqual([
        expect.objectContaining({ kind: 'daftar-nominatif', via: 'cli', forLeadership: true, format: 'xlsx', fileName: 'nominatif.xlsx' }),
      ]);
    } finally {
      await reopened.close();
    }
  });
});

describe('the export log for the Administrator: filters by person, kind and date, and pages', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let now = '2026-11-20T03:15:00.000Z';
  const clock: Clock = { today: () => now.slice(0, 10), now: () => now };
  const table = (title: string, rows: number) => ({ title, columns: [{ key: 'a', header: 'A' }], rows: Array.from({ length: rows }, (_, i) => ({ a: String(i) })) });

  beforeAll(async () => {
    host = await startHost({ dbPath: path.join(dir, 'log.sqlite'), transport: 'test', clock, validateResponses: true, log: () => undefined });
    const exportAs = async (name: string, at: string, title: string, rows: number) => {
      now = at;
      host.setLocalActor(actingAs(name, name.toLowerCase()));
      expectOk(await host.call('export:xlsx', table(title, rows)));
    };
    await exportAs('Andi', '2026-11-20T03:15:00.000Z', 'Daftar Pegawai', 3);
    await exportAs('Budi', '2026-11-21T04:00:00.000Z', 'Daftar Pegawai', 5);
    for (let i = 0; i < 6; i++) await exportAs('Andi', `2026-11-22T0${i}:30:00.000Z`, `Tabel ${i}`, i + 1);
  });
  afterAll(() => host.close());

  it('lists newest first with who and kind for the filters, and pages', async () => {
    const first = expectOk(await host.call('exports:log', { limit: 3 }));
    expect(first.total).toBe(8);
    expect(first.actors).toEqual(['Andi (andi)', 'Budi (budi)']);
    expect(first.rows.map((r) => r.title)).toEqual(['Tabel 5', 'Tabel 4', 'Tabel 3']);
    const last = expectOk(await host.call('exports:log', { offset: 6, limit: 3 }));
    expect(last.rows.map((r) => [r.actor, r.rowCount])).toEqual([['Budi (budi)', 5], ['Andi (andi)', 3]]);
  });

  it('filters by person and by date (days of the office, both ends included)', async () => {
    expect(expectOk(await host.call('exports:log', { actor: 'Budi (budi)' })).rows.map((r) => r.at)).toEqual(['2026-11-21T04:00:00.000Z']);
    const localDay = (iso: string) => {
      const d = new Date(iso);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const day = localDay('2026-11-21T04:00:00.000Z');
    const onDay = expectOk(await host.call('exports:log', { from: day, to: day })).rows;
    expect(onDay.length).toBeGreaterThan(0);
    expect(onDay.every((r) => localDay(r.at) === day)).toBe(true);
    expect(expectOk(await host.call('exports:log', { from: '2026-12-01' })).total).toBe(0);
    expect(expectOk(await host.call('exports:log', { kind: 'tabel' })).total).toBe(8);
    expect(expectOk(await host.call('exports:log', { kind: 'duk' })).total).toBe(0);
  });

  it('refuses a malformed date in Indonesian', async () => {
    const refused = await host.call('exports:log', { from: '2026-13-01' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/Tanggal harus berformat TTTT-BB-HH/);
  });
});

describe('retention of imported cell values', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let now = `${TEST_TODAY}T08:00:00.000Z`;
  const clock: Clock = { today: () => now.slice(0, 10), now: () => now };
  const daysLater = (days: number) => new Date(Date.parse(`${TEST_TODAY}T08:00:00.000Z`) + days * 86_400_000).toISOString();
  const issues = () => host.services.dataSource.query('SELECT "row", "column", value, severity, message FROM import_issue ORDER BY id') as Promise<Array<{ value: string | null; message: string }>>;

  beforeAll(async () => {
    host = await startHost({ dbPath: path.join(dir, 'retention.sqlite'), transport: 'test', clock, validateResponses: true, log: () => undefined });
    const district = generateDemoDistrict({ employees: 30, seed: 11, asOf: TEST_TODAY });
    const csv = path.join(dir, 'snapshot.csv');
    writeDelimited(csv, SIASN_HEADER, siasnRows(district).map((r, i) => (i < 3 ? { ...r, nip_baru: `SALAH-${i}` } : r)), { delimiter: '|' });
    const preview = await previewFile(host, csv);
    await commitPreview(host, preview.previewId);
  });
  afterAll(() => host.close());

  it('keeps the values for 90 days by default, then removes them and keeps the history\'s counts and messages', async () => {
    const before = await issues();
    expect(before.filter((i) => i.value !== null).length).toBeGreaterThanOrEqual(3);
    const history = expectOk(await host.call('import:history', {}));

    now = daysLater(89);
    expect(expectOk(await host.call('privacy:applyRetention', {})).clearedValues).toBe(0);
    expect(await issues()).toEqual(before);

    now = daysLater(91);
    const applied = expectOk(await host.call('privacy:applyRetention', {}));
    expect(applied.clearedValues).toBe(before.filter((i) => i.value !== null).length);
    const after = await issues();
    expect(after.every((i) => i.value === null)).toBe(true);
    expect(after.map((i) => i.message)).toEqual(before.map((i) => i.message));
    expect(expectOk(await host.call('import:history', {}))).toEqual(history);
    expect(expectOk(await host.call('privacy:applyRetention', {})).clearedValues).toBe(0);
  });

  it('follows its setting, refuses a period under a week in words, and the change is audited', async () => {
    expect(expectOk(await host.call('privacy:settings', {}))).toEqual({ importValueRetentionDays: 90, version: 0 });
    const refused = await host.call('privacy:updateSettings', await atCurrentVersion(host, 'privacy:updateSettings', { importValueRetentionDays: 3 }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!refused.ok) expect(refused.error.message).toContain('Paling sedikit 7 hari');
    expect(expectOk(await host.call('privacy:updateSettings', await atCurrentVersion(host, 'privacy:updateSettings', { importValueRetentionDays: 30 })))).toEqual({ importValueRetentionDays: 30, version: 1 });
    const audit = expectOk(await host.call('audit:list', { entity: 'settings' })).rows[0];
    expect(audit.summary).toBe('Mengubah pengaturan data pribadi: masa simpan nilai sel impor');
    expect(audit.changes[0]).toMatchObject({ before: '90 hari', after: '30 hari' });
  });
});
