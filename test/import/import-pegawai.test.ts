// Employee snapshots end to end on a real database (a SQLite file, or a server in the PostgreSQL pass): a SIASN data
// utama export of a demo district into an empty database (units, positions and their hierarchy created), a later
// snapshot with changes (the diff, history rows tagged with the snapshot), the same file twice (refused), and undo
// (back to the state before).

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict, type DemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { bupFor, retirementDate } from '../../shared/domain/retirement';
import { AppError } from '../../shared/errors';
import { allIssues, commitPreview, dumpEmployeeTables, nextJobId, previewFile } from '../helpers/import';
import { expectOk, openTestHost, queryOn, tempDir, TEST_HOSTS_ON_SERVER, TEST_TODAY } from '../helpers/temp-db';

describe('employee snapshot (SIASN data utama)', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let district: DemoDistrict;
  let first: string;
  const q = (sql: string, params: unknown[] = []) => queryOn(host, sql, params);

  beforeAll(async () => {
    host = await openTestHost(dir);
    district = generateDemoDistrict({ employees: 400, seed: 11, asOf: TEST_TODAY });
    first = path.join(dir, 'siasn-2026-10.csv');
    writeDelimited(first, SIASN_HEADER, siasnRows(district), { delimiter: '|' });
  });
  afterAll(() => host.close());

  it('reads the 67-column pipe file and proposes every employee as new in an empty database', async () => {
    const preview = await previewFile(host, first);
    expect(preview.kind).toBe('pegawai');
    expect(preview.file).toMatchObject({ format: 'csv', delimiter: '|', encoding: 'utf-8' });
    expect(preview.mapping.filter((m) => m.known)).toHaveLength(67);
    expect(preview.blocking).toEqual([]);
    expect(preview.counts).toMatchObject({ rows: 400, accepted: 400, rejected: 0 });
    expect(preview.diff).toEqual({ new: 400, changed: 0, absent: 0, unchanged: 0 });
    expect(preview.options.emptyDatabase).toBe(true);
    expect(preview.newUnits.length).toBe(new Set(district.employees.flatMap((e) => unitChain(district, e.unitId))).size);
    expect(await q('SELECT COUNT(*) AS n FROM employee')).toEqual([{ n: 0 }]); // a preview never writes
  });

  it('commits: employees, units with their hierarchy, positions with inferred kind and level, tagged history', async () => {
    const preview = await previewFile(host, first);
    const result = await commitPreview(host, preview.previewId);
    expect(result.counts.accepted).toBe(400);
    // No copy of the database for the import itself: today's daily copy, which did not exist yet, is written first
    // (on a file; a server takes no file copy, its backups are the server's own).
    if (TEST_HOSTS_ON_SERVER) {
      expect(result.backupPath).toBeNull();
      expect(fs.existsSync(path.join(dir, 'cadangan'))).toBe(false);
    } else {
      expect(result.backupPath).toBe(path.join(path.dirname(host.services.dataSource.options.database as string), 'cadangan',
        `${path.basename(host.services.dataSource.options.database as string)}.harian-${TEST_TODAY}.sqlite`));
      expect(fs.existsSync(result.backupPath!)).toBe(true);
    }
    expect(fs.existsSync(path.join(dir, 'cadangan-impor'))).toBe(false);

    const employees: Array<Record<string, unknown>> = await q(`SELECT e.*, p.name AS position_name, p.level, p.bup_override, u.name AS unit_name, u.path
      FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id`);
    const byNip = new Map(employees.map((e) => [e.nip, e]));
    const units = new Map(district.units.map((u) => [u.id, u]));
    const positions = new Map(district.positions.map((p) => [p.id, p]));
    for (const e of district.employees) {
      const row = byNip.get(e.nip)!;
      expect(row, e.nip).toBeDefined();
      expect(row).toMatchObject({
        name: e.name, birth_date: e.birthDate, gender: e.gender, employment_type: e.employmentType, golongan: e.golongan, golongan_tmt: e.golonganTmt,
        cpns_tmt: e.cpnsTmt, status: e.status, siasn_id: e.siasnId, unit_name: units.get(e.unitId)!.name, position_name: positions.get(e.positionId)!.name,
        education_level: e.educationLevel,
      });
      // The derived TMT pensiun follows the imported position's BUP.
      expect(row.retirement_date).toBe(retirementDate(String(row.birth_date), bupFor(String(row.level), row.bup_override as number | null)));
      // The unit path has the depth of the district's unit (OPD → bidang → sub-unit).
      expect(String(row.path).split('/').filter(Boolean)).toHaveLength(units.get(e.unitId)!.depth + 1);
    }
    const levels: Array<{ name: string; kind: string; level: string }> = await q('SELECT name, kind, level FROM position');
    const level = (name: string) => levels.find((p) => p.name === name)?.level;
    expect(level('Kepala Dinas Kesehatan')).toBe('jpt_pratama');
    expect(levels.filter((p) => / Ahli Madya$/.test(p.name)).every((p) => p.level === 'ahli_madya' && p.kind === 'fungsional')).toBe(true);
    expect(levels.filter((p) => /^Kepala Sub ?bagian/i.test(p.name)).every((p) => p.level === 'pengawas')).toBe(true);

    const [snapshot] = await q('SELECT * FROM import_snapshot');
    expect(snapshot).toMatchObject({ kind: 'pegawai', file_name: 'siasn-2026-10.csv', status: 'committed', row_count: 400, accepted_count: 400 });
    expect(await q(`SELECT source, snapshot_id, COUNT(*) AS n FROM position_history GROUP BY 1, 2`)).toEqual([{ source: 'import', snapshot_id: snapshot.id, n: 400 }]);
    expect(await q(`SELECT source, snapshot_id, COUNT(*) AS n FROM rank_history GROUP BY 1, 2`)).toEqual([{ source: 'import', snapshot_id: snapshot.id, n: 400 }]);
    // The name search index knows the imported names (it was filled in bulk).
    const someone = district.employees[5].name.split(' ')[0];
    const found = expectOk(await host.call('employees:list', { search: someone, limit: 500 }));
    expect(found.rows.some((r) => r.nip === district.employees[5].nip)).toBe(true);
  });

  it('refuses the same file a second time, whatever its name', async () => {
    const copy = path.join(dir, 'salinan.csv');
    fs.copyFileSync(first, copy);
    const file = await host.services.files.registerPath(copy);
    const result = await host.call('import:preview', { fileId: file.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', details: { rejectedFile: true } } });
    expect(!result.ok && result.error.message).toMatch(/sudah pernah diimpor/);
  });

  describe('a later snapshot', () => {
    let second: string;
    let before: Awaited<ReturnType<typeof dumpEmployeeTables>>;
    const promoted: string[] = [];
    const moved: string[] = [];
    const gone: string[] = [];
    const added: string[] = [];

    beforeAll(async () => {
      const rows = siasnRows(district) as Row[];
      const active = rows.filter((r) => r.kedudukan_hukum_nama === 'Aktif');
      // Promotions (golongan), moves to another unit of the same OPD, people no longer in the snapshot, and new CPNS.
      for (const r of active.filter((r) => r.gol_akhir_nama === 'III/a').slice(0, 5)) {
        Object.assign(r, { gol_akhir_id: '32', gol_akhir_nama: 'III/b', tmt_golongan: '01-10-2026' });
        promoted.push(String(r.nip_baru));
      }
      const target = district.units.find((u) => u.name === 'Sekretariat')!;
      const root = district.units.find((u) => u.id === target.rootId)!;
      for (const r of active.filter((r) => r.jenis_jabatan_id === '4' && r.satuan_kerja_induk_id === root.code && r.unor_id !== target.code).slice(0, 3)) {
        Object.assign(r, { unor_id: target.code, unor_nama: target.name, satuan_kerja_kerja_id: target.code, satuan_kerja_kerja_nama: target.name, tmt_jabatan: '01-11-2026' });
        moved.push(String(r.nip_baru));
      }
      const leaving = active.filter((r) => !promoted.includes(String(r.nip_baru)) && !moved.includes(String(r.nip_baru))).slice(-4);
      gone.push(...leaving.map((r) => String(r.nip_baru)));
      const kept = rows.filter((r) => !gone.includes(String(r.nip_baru)));
      for (const [i, nip] of ['199901012026101001', '199902022026102002'].entries()) {
        kept.push({ ...active[10 + i], pns_id: `NEW-${i}`, nip_baru: nip, nip_lama: '', nama: `PEGAWAI BARU ${i + 1}`, tanggal_lahir: i === 0 ? '01-01-1999' : '02-02-1999',
          jenis_kelamin: i === 0 ? 'M' : 'F', tmt_cpns: '01-10-2026', tmt_pns: '', status_cpns_pns: 'C', gol_akhir_id: '31', gol_akhir_nama: 'III/a', tmt_golongan: '01-10-2026', tmt_jabatan: '01-10-2026', tahun_lulus: '2021' });
        added.push(nip);
      }
      second = path.join(dir, 'siasn-2026-11.csv');
      writeDelimited(second, SIASN_HEADER, kept, { delimiter: '|' });
      before = await dumpEmployeeTables(host);
    });

    it('shows the diff: new, changed (field by field), absent (a proposed status, never a delete), unchanged', async () => {
      const preview = await previewFile(host, second, { markAbsent: true });
      expect(preview.diff).toEqual({ new: 2, changed: 8, absent: 4, unchanged: 400 - 8 - 4 });
      const changed = expectOk(await host.call('import:diffRows', { previewId: preview.previewId, category: 'changed' })).rows;
      const promotion = changed.find((r) => r.nip === promoted[0])!;
      expect(promotion.changes).toEqual(expect.arrayContaining([
        { field: 'golongan', label: 'Golongan', before: 'III/a', after: 'III/b' },
        { field: 'golonganTmt', label: 'TMT golongan', before: expect.any(String), after: '1 Oktober 2026' },
      ]));
      const move = changed.find((r) => r.nip === moved[0])!;
      expect(move.changes.find((c) => c.field === 'unitId')).toMatchObject({ after: expect.stringMatching(/^Sekretariat/) });
      const absent = expectOk(await host.call('import:diffRows', { previewId: preview.previewId, category: 'absent' })).rows;
      expect(absent.map((r) => r.nip).sort()).toEqual([...gone].sort());
      expect(await q('SELECT COUNT(*) AS n FROM employee')).toEqual([{ n: 400 }]);
    });

    it('writes only what changed, with history rows tagged by the snapshot', async () => {
      const preview = await previewFile(host, second, { markAbsent: true });
      const versions = new Map((await q('SELECT nip, version FROM employee') as Array<{ nip: string; version: number }>).map((r) => [r.nip, r.version]));
      const result = await commitPreview(host, preview.previewId);
      // Today's daily copy exists: the import copies nothing, its undo comes from the change log (the next test).
      expect(result.backupPath).toBeNull();
      expect(fs.existsSync(path.join(dir, 'cadangan')) ? fs.readdirSync(path.join(dir, 'cadangan')) : []).toHaveLength(TEST_HOSTS_ON_SERVER ? 0 : 1);
      expect(fs.existsSync(path.join(dir, 'cadangan-impor'))).toBe(false);
      const after = new Map((await q('SELECT nip, version, status, golongan, unit_id FROM employee') as Array<{ nip: string; version: number; status: string }>).map((r) => [r.nip, r]));
      const bumped = [...versions].filter(([nip, v]) => after.get(nip)!.version !== v).map(([nip]) => nip).sort();
      expect(bumped).toEqual([...promoted, ...moved, ...gone].sort());
      expect(gone.map((nip) => after.get(nip)!.status).every((s) => s === 'moved' || s === 'retired')).toBe(true);
      expect(added.every((nip) => after.has(nip))).toBe(true);
      const ranks = await q(`SELECT e.nip, r.golongan, r.tmt FROM rank_history r JOIN employee e ON e.id = r.employee_id WHERE r.snapshot_id = ? ORDER BY e.nip`, [result.snapshotId]);
      expect(ranks).toEqual([...promoted.map((nip) => ({ nip, golongan: 32, tmt: '2026-10-01' })), ...added.map((nip) => ({ nip, golongan: 31, tmt: '2026-10-01' }))]
        .sort((a, b) => a.nip.localeCompare(b.nip)));
      const moves = await q(`SELECT e.nip, h.tmt, h.unit_name FROM position_history h JOIN employee e ON e.id = h.employee_id WHERE h.snapshot_id = ? AND e.nip IN (${moved.map(() => '?').join(',')})`, [result.snapshotId, ...moved]);
      expect(moves).toHaveLength(3);
      expect(moves.every((m: { tmt: string }) => m.tmt === '2026-11-01')).toBe(true);
      // The previous position row of a mover is closed the day before.
      const closed = await q(`SELECT end_date FROM position_history h JOIN employee e ON e.id = h.employee_id WHERE e.nip = ? AND (h.snapshot_id IS NULL OR h.snapshot_id <> ?) ORDER BY h.tmt DESC LIMIT 1`, [moved[0], result.snapshotId]);
      expect(closed).toEqual([{ end_date: '2026-10-31' }]);
      const history = expectOk(await host.call('import:history', {}));
      expect(history.rows.map((r) => [r.fileName, r.canUndo])).toEqual([['siasn-2026-11.csv', true], ['siasn-2026-10.csv', false]]);
      expect(history.rows[0].diff).toEqual({ new: 2, changed: 8, absent: 4, unchanged: 388 });
    });

    it('undoes the last snapshot: the database is back as it was before it', async () => {
      const history = expectOk(await host.call('import:history', {}));
      const refused = await host.call('import:undo', { snapshotId: history.rows[1].id, jobId: nextJobId() });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const undone = expectOk(await host.call('import:undo', { snapshotId: history.rows[0].id, jobId: nextJobId() }));
      expect(undone.restored).toBeGreaterThan(0);
      expect(await dumpEmployeeTables(host)).toEqual(before);
      const again = expectOk(await host.call('import:history', {}));
      expect(again.rows.map((r) => [r.status, r.canUndo])).toEqual([['undone', false], ['committed', true]]);
      const [{ n }] = await q(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'undo'`);
      expect(n).toBe(1);
    });

    it('refuses to undo over a later manual edit, changing nothing', async () => {
      const preview = await previewFile(host, second, { markAbsent: true });
      await commitPreview(host, preview.previewId);
      const [edited] = await q('SELECT id FROM employee WHERE nip = ?', [promoted[0]]);
      const profile = expectOk(await host.call('employees:get', { id: edited.id }));
      const input = {
        nip: profile.nip, nipLama: profile.nipLama, name: profile.name, frontTitle: profile.frontTitle, backTitle: profile.backTitle, birthPlace: profile.birthPlace,
        birthDate: profile.birthDate, gender: profile.gender, employmentType: profile.employmentType, cpnsTmt: profile.cpnsTmt, pnsTmt: profile.pnsTmt,
        golongan: profile.golongan, golonganTmt: profile.golonganTmt, positionId: profile.position?.id ?? null, positionTmt: profile.positionTmt,
        unitId: profile.unit?.id ?? null, educationLevel: profile.educationLevel as 'S1' | null, educationMajor: profile.educationMajor,
        educationInstitution: profile.educationInstitution, educationYear: profile.educationYear, status: profile.status, statusDate: profile.statusDate,
        email: profile.email, phone: '0811111111', notes: profile.notes,
      };
      expectOk(await host.call('employees:update', { id: edited.id, version: profile.version, input }));
      const snapshot = expectOk(await host.call('import:history', {})).rows[0];
      const stateBefore = await dumpEmployeeTables(host);
      const refused = await host.call('import:undo', { snapshotId: snapshot.id, jobId: nextJobId() });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(!refused.ok && refused.error.message).toMatch(/sudah diubah lagi/);
      expect(await dumpEmployeeTables(host)).toEqual(stateBefore);
    });

    it('lists issues by row, column and value, filterable by severity and column', async () => {
      const broken = path.join(dir, 'rusak.csv');
      const rows = siasnRows(district).slice(0, 20) as Row[];
      rows[2] = { ...rows[2], tanggal_lahir: '31-02-1980' };
      rows[4] = { ...rows[4], gol_akhir_nama: 'III/f', gol_akhir_id: '' };
      rows[6] = { ...rows[6], nip_baru: '1.98503E+17' };
      writeDelimited(broken, SIASN_HEADER, rows, { delimiter: '|' });
      const preview = await previewFile(host, broken);
      expect(preview.counts).toMatchObject({ rows: 20, rejected: 3, accepted: 17 });
      const issues = await allIssues(host, preview.previewId);
      expect(issues.filter((i) => i.severity === 'error')).toEqual([
        { row: 4, column: 'tanggal_lahir', value: '31-02-1980', severity: 'error', message: expect.stringMatching(/tidak ada di kalender/) },
        { row: 6, column: 'gol_akhir_nama', value: 'III/f', severity: 'error', message: expect.stringMatching(/Golongan "III\/f" tidak dikenal/) },
        { row: 8, column: 'nip_baru', value: '1.98503E+17', severity: 'error', message: expect.stringMatching(/notasi ilmiah/) },
      ]);
      const golongan = expectOk(await host.call('import:issues', { previewId: preview.previewId, severity: 'error', column: 'gol_akhir_nama' }));
      expect(golongan.rows.map((r) => r.row)).toEqual([6]);
    });
  });
});

describe('cancelling a commit', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let file: string;
  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 80, seed: 2 });
    file = path.join(dir, 'besar.csv');
    writeDelimited(file, SIASN_HEADER, siasnRows(generateDemoDistrict({ employees: 4000, seed: 12, asOf: TEST_TODAY })), { delimiter: '|' });
  });
  afterAll(() => host.close());

  // An import takes no copy of its own; the day's copy it may write first is a whole file under its daily name.
  const noBackupsLeft = () => {
    expect(fs.existsSync(path.join(dir, 'cadangan-impor'))).toBe(false);
    const daily = path.join(dir, 'cadangan');
    expect((fs.existsSync(daily) ? fs.readdirSync(daily) : []).every((name) => /\.harian-\d{4}-\d{2}-\d{2}\.sqlite$/.test(name))).toBe(true);
  };

  it('in the middle of writing: everything is rolled back, nothing but the daily copy left in the backup folders', async () => {
    const before = await dumpEmployeeTables(host);
    const stored = await host.services.files.registerPath(file);
    const plan = await host.services.imports.planFile(stored, { createMissing: true, markAbsent: false });
    let cancelled = false;
    let phaseAtCancel = '';
    const job = {
      jobId: 'cancel-test', get cancelled() { return cancelled; },
      throwIfCancelled() { if (cancelled) throw new AppError('cancelled', 'Dibatalkan oleh pengguna; tidak ada data yang diubah.'); },
      progress(phase: string, done: number) {
        if (!cancelled && phase.startsWith('Menyimpan pegawai') && done >= 1000) {
          cancelled = true;
          phaseAtCancel = phase;
        }
      },
    };
    await expect(host.services.imports.commitPlan(plan, 'tester', job, { confirmed: true, how: '' })).rejects.toMatchObject({ code: 'cancelled' });
    expect(phaseAtCancel).toBe('Menyimpan pegawai baru');
    expect(await dumpEmployeeTables(host)).toEqual(before);
    expect(await queryOn(host, 'SELECT COUNT(*) AS n FROM import_snapshot')).toEqual([{ n: 0 }]);
    // The bulk insert drops the FTS trigger while it writes and puts it back when cancelled (a file's; a server has none).
    if (!TEST_HOSTS_ON_SERVER) expect(await queryOn(host, `SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'employee_fts_insert'`)).toEqual([{ n: 1 }]);
    noBackupsLeft();
  });

  it('through jobs:cancel while the commit job runs: answered "cancelled", nothing changed', async () => {
    const preview = await previewFile(host, file);
    const before = await dumpEmployeeTables(host);
    const jobId = nextJobId();
    let sent = false;
    const stop = host.onEvent((event) => {
      if (!sent && event.type === 'job:progress' && event.jobId === jobId) {
        sent = true;
        void host.call('jobs:cancel', { jobId });
      }
    });
    const result = await host.call('import:commit', { previewId: preview.previewId, jobId, confirmInstansi: true });
    stop();
    expect(sent).toBe(true);
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await dumpEmployeeTables(host)).toEqual(before);
    noBackupsLeft();
  });
});

function unitChain(district: DemoDistrict, unitId: number): number[] {
  const units = new Map(district.units.map((u) => [u.id, u]));
  const unit = units.get(unitId)!;
  const chain = [unit.rootId];
  if (unit.depth >= 2) chain.push(unit.parentId!);
  if (unit.depth >= 1) chain.push(unit.id);
  return chain;
}
