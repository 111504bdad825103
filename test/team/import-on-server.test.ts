// The import on a team server (PostgreSQL) writes what it writes on a desk's file: the same SIASN snapshot is
// previewed and committed on a SQLite file and on a server, then a second snapshot with changes (promotions, moves,
// new employees, a new unit, people absent), an undo of it, and a record file (SKP); after each step every table the
// import touches is compared row for row, derived tables included. A cancel half-way leaves the server as it was.

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict, type DemoDistrict } from '../../main/demo/generate';
import { COMPETENCY_CODES, kompetensiRows, SIASN_HEADER, siasnRows, skpRows, writeDelimited, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { golonganByCode, nextGolongan, type GolonganCode } from '../../shared/domain/golongan';
import { AppError } from '../../shared/errors';
import { commitPreview, nextJobId, previewFile } from '../helpers/import';
import { expectOk, hostsOnBoth, queryOn, tempDir, TEST_TODAY } from '../helpers/temp-db';
import { firstDifference, normalised } from './sql-parity-compare';

/** The tables an import writes, and the derived tables its refreshers keep, each in one order. */
const TABLES = [
  'SELECT * FROM employee ORDER BY id',
  'SELECT * FROM unit ORDER BY id',
  'SELECT * FROM position ORDER BY id',
  'SELECT * FROM position_history ORDER BY id',
  'SELECT * FROM rank_history ORDER BY id',
  'SELECT * FROM performance_evaluation ORDER BY id',
  'SELECT * FROM competency_assessment ORDER BY id',
  'SELECT * FROM competency_definition ORDER BY id',
  'SELECT * FROM employee_competency_current ORDER BY employee_id, competency_id',
  'SELECT * FROM import_snapshot ORDER BY id',
  'SELECT * FROM import_change ORDER BY id',
  'SELECT * FROM import_issue ORDER BY id',
  // Without its id: the server's start-up takes one of its ids in a transaction it rolls back.
  'SELECT taken_on, taken_at, reason, snapshot_id, unit_id, population, quality_index FROM quality_index_history ORDER BY taken_at, reason, COALESCE(snapshot_id, 0), COALESCE(unit_id, 0)',
  `SELECT at, actor, action, entity, entity_id, employee_id, summary, changes, before, after FROM audit_log WHERE action IN ('import', 'undo') ORDER BY id`,
  'SELECT * FROM employee_competency_profile ORDER BY employee_id',
  'SELECT * FROM performance_member ORDER BY employee_id',
  'SELECT * FROM performance_year_summary ORDER BY unit_id, position_level, year, category',
  'SELECT * FROM talent_axis_year ORDER BY employee_id, year',
  'SELECT * FROM succession_employee_facts ORDER BY employee_id',
  'SELECT * FROM employee_quality ORDER BY employee_id',
  'SELECT * FROM career_step_readiness ORDER BY employee_id, step_id',
  'SELECT * FROM employee_kgb_due ORDER BY employee_id',
];

/** A row as both databases should give it: booleans as SQLite's 0/1 (a boolean column is true/false on a server). */
const asFile = (value: unknown): unknown => {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return value.map(asFile);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asFile(v)]));
  return value;
};

describe('an employee snapshot and a record file on a server write what they write on a file', () => {
  const dir = tempDir('jenjang-import-server-');
  const hosts = hostsOnBoth(dir);
  let district: DemoDistrict;
  let rows: Row[];
  let changedSnapshot: { lite: number; server: number };
  const file = (name: string) => path.join(dir, name);

  const dump = async (host: JenjangHost) => {
    const out: Record<string, unknown> = {};
    for (const sql of TABLES) out[sql] = normalised(asFile(await queryOn(host, sql)));
    return out;
  };
  const expectSameTables = async () => {
    const [onFile, onServer] = [await dump(hosts.lite), await dump(hosts.server)];
    for (const sql of TABLES) expect(firstDifference(onFile[sql], onServer[sql]), sql).toBeNull();
  };
  /** The preview of a file on both hosts, compared (its id and timing aside); committed on both. */
  const importOnBoth = async (name: string, options: { createMissing?: boolean; markAbsent?: boolean } = {}) => {
    const previews = [await previewFile(hosts.lite, file(name), options), await previewFile(hosts.server, file(name), options)];
    const [a, b] = previews.map(({ previewId: _id, elapsedMs: _ms, ...rest }) => normalised(rest));
    expect(firstDifference(a, b)).toBeNull();
    const [onFile, onServer] = [await commitPreview(hosts.lite, previews[0].previewId, options), await commitPreview(hosts.server, previews[1].previewId, options)];
    expect(onServer.snapshotId).toBe(onFile.snapshotId);
    return { preview: previews[1], lite: onFile.snapshotId, server: onServer.snapshotId };
  };

  beforeAll(async () => {
    district = generateDemoDistrict({ employees: 400, seed: 23, asOf: TEST_TODAY });
    rows = siasnRows(district) as Row[];
    writeDelimited(file('siasn-1.csv'), SIASN_HEADER, rows, { delimiter: '|' });
  }, 300_000);

  it('the first snapshot: the same preview, the same rows written everywhere', async () => {
    const first = await importOnBoth('siasn-1.csv');
    expect(first.preview.diff.new).toBe(rows.length);
    await expectSameTables();
    const [{ n }] = await queryOn<{ n: number }>(hosts.server, 'SELECT COUNT(*) AS n FROM employee');
    expect(n).toBe(rows.length);
    // The server's name search finds the new names (pg_trgm; no trigger to set aside).
    const someone = String(rows[5].nama);
    const found = expectOk(await hosts.server.call('employees:list', { search: someone.slice(0, 5), offset: 0, limit: 50 } as never));
    expect(found.rows.some((r) => r.fullName.includes(someone.slice(0, 5)))).toBe(true);
  });

  it('a snapshot with changes, new employees, a new unit and people absent: the same diff and the same rows', async () => {
    const positions = [...new Map(rows.filter((r) => r.jenis_jabatan_id !== '1').map((r) => [r.jabatan_id, r])).values()];
    let absentLeft = 6;
    const next: Row[] = [];
    rows.forEach((r, i) => {
      const row = { ...r };
      if (r.kedudukan_hukum_nama === 'Aktif' && i % 31 === 7 && absentLeft-- > 0) return; // left out: absent
      switch (i % 7) {
        case 0: {
          const up = nextGolongan(Number(r.gol_akhir_id) as GolonganCode);
          if (up !== null) Object.assign(row, { gol_akhir_id: String(up), gol_akhir_nama: golonganByCode(up)!.label, tmt_golongan: '01-10-2026' });
          break;
        }
        case 1: {
          const other = positions[(i * 7) % positions.length];
          if (other.jabatan_id !== r.jabatan_id) {
            Object.assign(row, { jabatan_id: other.jabatan_id, jabatan_nama: other.jabatan_nama, jenis_jabatan_id: other.jenis_jabatan_id,
              jenis_jabatan_nama: other.jenis_jabatan_nama, tmt_jabatan: '01-11-2026' });
          }
          break;
        }
        case 2:
          if (i % 21 === 2) Object.assign(row, { unor_id: 'UJI-SERVER-1', unor_nama: 'Bidang Uji Server', tmt_jabatan: '01-11-2026' });
          else Object.assign(row, { tingkat_pendidikan_id: 'S2', tingkat_pendidikan_nama: 'S-2', tahun_lulus: '2026' });
          break;
      }
      next.push(row);
    });
    const newcomers = rows.slice(0, 15).map((r, i) => ({ ...r, pns_id: `UJI-SRV-${i}`, nip_baru: `19990101202601${String(1000 + i)}`, nama: `Pegawai Server ${i}` }));
    writeDelimited(file('siasn-2.csv'), SIASN_HEADER, [...next, ...newcomers], { delimiter: '|' });
    const second = await importOnBoth('siasn-2.csv', { createMissing: true, markAbsent: true });
    expect(second.preview.diff.new).toBeGreaterThanOrEqual(14);
    expect(second.preview.diff.changed).toBeGreaterThan(50);
    expect(second.preview.diff.absent).toBeGreaterThanOrEqual(6);
    expect(second.preview.newUnits.length).toBe(1);
    changedSnapshot = { lite: second.lite, server: second.server };
    await expectSameTables();
  });

  it('the history and a snapshot\'s issues answer the same', async () => {
    const request = { offset: 0, limit: 20 };
    const [a, b] = [expectOk(await hosts.lite.call('import:history', request)), expectOk(await hosts.server.call('import:history', request))];
    expect(normalised(b)).toEqual(normalised(a));
    expect(b.rows[0].canUndo).toBe(true);
    const issues = { snapshotId: changedSnapshot.server, offset: 0, limit: 50 };
    expect(normalised(expectOk(await hosts.server.call('import:issues', issues)))).toEqual(normalised(expectOk(await hosts.lite.call('import:issues', issues))));
  });

  it('the undo of that snapshot: everything back, the same on both', async () => {
    const [a, b] = [
      expectOk(await hosts.lite.call('import:undo', { snapshotId: changedSnapshot.lite, jobId: nextJobId() })),
      expectOk(await hosts.server.call('import:undo', { snapshotId: changedSnapshot.server, jobId: nextJobId() })),
    ];
    expect(b).toEqual(a);
    expect(a.deleted).toBeGreaterThan(15);
    expect(a.restored).toBeGreaterThan(50);
    await expectSameTables();
    const [{ n }] = await queryOn<{ n: number }>(hosts.server, `SELECT COUNT(*) AS n FROM unit WHERE code = 'UJI-SERVER-1'`);
    expect(n).toBe(0);
  });

  it('an SKP file (a record kind): the same rows, and a revision of it', async () => {
    const header = ['nip', 'tahun', 'periode', 'hasil_kerja', 'perilaku_kerja', 'predikat'];
    writeDelimited(file('skp-2025.csv'), header, skpRows(district, 2025, 3), { delimiter: ';' });
    const skp = await importOnBoth('skp-2025.csv');
    expect(skp.preview.diff.new).toBeGreaterThan(100);
    await expectSameTables();
    writeDelimited(file('skp-2025-revisi.csv'), header, skpRows(district, 2025, 9).filter((_, i) => i % 4 === 0), { delimiter: ';' });
    const revised = await importOnBoth('skp-2025-revisi.csv');
    expect(revised.preview.diff.changed).toBeGreaterThan(0);
    await expectSameTables();
  });

  it('a kompetensi file (wide form): the same assessments and derived profiles', async () => {
    writeDelimited(file('kompetensi.csv'), ['nip', 'tanggal', 'metode', ...COMPETENCY_CODES], kompetensiRows(district, '2025-05-15', 2, 0.5), { delimiter: ';' });
    const kompetensi = await importOnBoth('kompetensi.csv', { createMissing: true });
    expect(kompetensi.preview.diff.new).toBeGreaterThan(100);
    await expectSameTables();
  });

  // Last: a transaction rolled back on a server still uses up the ids it took (sequences are not transactional), so
  // the ids of later rows would no longer match the file's.
  it('a cancel in the middle of writing leaves the server as it was', async () => {
    const newcomers = rows.slice(0, 40).map((r, i) => ({ ...r, pns_id: `UJI-BATAL-${i}`, nip_baru: `19980202202601${String(1000 + i)}`, nama: `Pegawai Batal ${i}` }));
    writeDelimited(file('siasn-batal.csv'), SIASN_HEADER, [...rows, ...newcomers], { delimiter: '|' });
    const before = await dump(hosts.server);
    const stored = await hosts.server.services.files.registerPath(file('siasn-batal.csv'));
    const plan = await hosts.server.services.imports.planFile(stored, { createMissing: true, markAbsent: false });
    // Cancelled at the commit's second look (its first is before the transaction): after the COPY of the new
    // employees and their history, before the COMMIT.
    let looks = 0;
    let cancelled = false;
    const job = {
      jobId: 'cancel-on-server', get cancelled() { return cancelled; },
      throwIfCancelled() {
        cancelled ||= ++looks >= 2;
        if (cancelled) throw new AppError('cancelled', 'Dibatalkan oleh pengguna; tidak ada data yang diubah.');
      },
      progress() {},
    };
    await expect(hosts.server.services.imports.commitPlan(plan, 'tester', job, { confirmed: true, how: '' })).rejects.toMatchObject({ code: 'cancelled' });
    expect(cancelled).toBe(true);
    expect(await dump(hosts.server)).toEqual(before);
  });
});
