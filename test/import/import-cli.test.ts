// `npm run cli -- import FILE --db PATH [--kind K] [--dry-run] [--json]` as a script would run it: the exact JSON
// of the issue, exit 0 when committed (or a dry run is fine), 2 when the whole file is rejected.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, skpRows, writeDelimited } from '../../main/demo/import-files';
import { runCli } from '../helpers/run-cli';
import { tempDir, TEST_TODAY } from '../helpers/temp-db';

describe('npm run cli -- import', () => {
  const dir = tempDir();
  const db = path.join(dir, 'jenjang.sqlite');
  const district = generateDemoDistrict({ employees: 120, seed: 8, asOf: TEST_TODAY });
  const file = (name: string) => path.join(dir, name);

  it('prints exactly the specified JSON, for a dry run and for a commit', () => {
    expect(runCli(['demo', '--db', db, '--employees', '120', '--seed', '8']).code).toBe(0);
    const rows = siasnRows(district);
    rows[5] = { ...rows[5], gol_akhir_nama: 'IV/a', gol_akhir_id: '41', tmt_golongan: '01-10-2026' };
    rows[6] = { ...rows[6], tanggal_lahir: '32-13-1980' };
    writeDelimited(file('snapshot.csv'), SIASN_HEADER, rows.filter((_, i) => i !== 9), { delimiter: '|' });

    const dry = runCli(['import', file('snapshot.csv'), '--db', db, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const planned = JSON.parse(dry.stdout);
    expect(Object.keys(planned)).toEqual(['kind', 'rows', 'accepted', 'rejected', 'committed', 'snapshotId', 'diff', 'issues']);
    const absent = district.employees[9].status === 'active' ? 1 : 0;
    expect(planned).toMatchObject({ kind: 'pegawai', rows: 119, accepted: 118, rejected: 1, committed: false, snapshotId: null, diff: { new: 0, changed: 1, absent, unchanged: 117 } });
    expect(Object.keys(planned.diff)).toEqual(['new', 'changed', 'absent', 'unchanged']);
    expect(planned.issues).toContainEqual({ row: 8, column: 'tanggal_lahir', severity: 'error', message: expect.stringMatching(/tidak dapat dibaca/) });
    for (const issue of planned.issues) expect(Object.keys(issue)).toEqual(['row', 'column', 'severity', 'message']);

    const real = runCli(['import', file('snapshot.csv'), '--db', db, '--json']);
    expect(real.code, real.stderr).toBe(0);
    const done = JSON.parse(real.stdout);
    expect(done).toMatchObject({ committed: true, snapshotId: expect.any(Number), accepted: 118 });
  });

  it('exits 2 when the whole file is rejected: already imported, missing columns', () => {
    const again = runCli(['import', file('snapshot.csv'), '--db', db, '--json']);
    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/sudah pernah diimpor/);

    writeDelimited(file('kurang.csv'), ['nip', 'nama_pegawai_lengkap'], [{ nip: district.employees[0].nip, nama_pegawai_lengkap: 'X' }], { delimiter: ';' });
    const missing = runCli(['import', file('kurang.csv'), '--db', db, '--kind', 'pegawai', '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Kolom wajib tidak ditemukan.*nama/);
  });

  it('other kinds print zeros in diff; every row rejected exits 2 with the JSON', () => {
    const skp = skpRows(district, 2025, 1);
    writeDelimited(file('skp.csv'), ['nip', 'tahun', 'periode', 'hasil_kerja', 'perilaku_kerja'], skp, { delimiter: ';' });
    const ok = runCli(['import', file('skp.csv'), '--db', db, '--kind', 'skp', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ kind: 'skp', accepted: skp.length, committed: true, diff: { new: 0, changed: 0, absent: 0, unchanged: 0 } });

    writeDelimited(file('skp-salah.csv'), ['nip', 'tahun', 'hasil_kerja', 'perilaku_kerja'], [{ nip: 'x', tahun: 2025, hasil_kerja: 'Sesuai', perilaku_kerja: 'Sesuai' }], { delimiter: ';' });
    const bad = runCli(['import', file('skp-salah.csv'), '--db', db, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ kind: 'skp', rows: 1, accepted: 0, rejected: 1, committed: false, snapshotId: null });
  });

  it('stats --json counts the snapshots under "imports"', () => {
    const stats = runCli(['stats', '--db', db, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).imports).toEqual({
      committed: 2, undone: 0, byKind: { pegawai: 1, skp: 1, kompetensi: 0, potensi: 0, diklat: 0, disiplin: 0, belajar: 0, kgb: 0, cltn: 0, tanda_kehormatan: 0 }, lastImportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('a human report without --json, and a clear error for a wrong option', () => {
    const rows = siasnRows(district).slice(0, 30).map((r) => ({ ...r, nomor_hp: '0812-0000' }));
    writeDelimited(file('hp.csv'), SIASN_HEADER, rows, { delimiter: '|' });
    const human = runCli(['import', file('hp.csv'), '--db', db, '--dry-run']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/30 baris: 30 diterima, 0 ditolak/);
    expect(human.stdout).toMatch(/Uji coba \(--dry-run\): tidak ada yang disimpan/);
    const wrong = runCli(['import', file('hp.csv'), '--db', db, '--kind', 'gaji']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/--kind harus salah satu dari pegawai, skp, kompetensi, potensi, diklat/);
  });

  it('a repeated NIP keeps its first row; --reject-duplicates rejects every occurrence', () => {
    const rows = siasnRows(district).slice(0, 20);
    writeDelimited(file('ganda.csv'), SIASN_HEADER, [...rows, { ...rows[4], pns_id: '' }], { delimiter: '|' });
    const kept = runCli(['import', file('ganda.csv'), '--db', db, '--dry-run', '--json']);
    expect(kept.code, kept.stderr).toBe(0);
    expect(JSON.parse(kept.stdout)).toMatchObject({ rows: 21, accepted: 20, rejected: 1 });
    expect(JSON.parse(kept.stdout).issues).toContainEqual({ row: 22, column: 'nip_baru', severity: 'error', message: expect.stringMatching(/sudah ada di baris 6; baris ini ditolak/) });
    const strict = runCli(['import', file('ganda.csv'), '--db', db, '--dry-run', '--reject-duplicates', '--json']);
    expect(strict.code, strict.stderr).toBe(0);
    expect(JSON.parse(strict.stdout)).toMatchObject({ rows: 21, accepted: 19, rejected: 2 });
  });
});
