// Whose snapshot is it: an employee snapshot names its instansi (SIASN's instansi_induk, id and name). The first
// snapshot of an empty database shows it and records it with the agency identity once the officer confirms it
// (the CLI takes it as given); a later snapshot of another instansi is refused unless confirmed explicitly (the
// CLI exits 2 without --instansi-lain); most NIPs unknown to a filled database is an alarm; and where units exist,
// creating the units a file names is left unticked.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INSTANSI, SIASN_HEADER, siasnRows, writeDelimited, type Row } from '../../main/demo/import-files';
import { generateDemoDistrict } from '../../main/demo/generate';
import type { JenjangHost } from '../../main/host';
import { commitPreview, dumpEmployeeTables, nextJobId, previewFile } from '../helpers/import';
import { runCli } from '../helpers/run-cli';
import { createPostgresDatabase } from '../helpers/postgres';
import { expectOk, openTestHost, queryOn, tempDir, TEST_HOSTS_ON_SERVER, TEST_TODAY } from '../helpers/temp-db';

/** Another district: its own instansi on every row, its own employees (NIPs this district does not hold). */
const OTHER = { id: '8ae483a55f1b2a3c015f3b7c1d0a0042', name: 'Pemerintah Kabupaten Lembah Barat' };
const otherDistrictRows = (employees: number, seed: number): Row[] =>
  siasnRows(generateDemoDistrict({ employees, seed, asOf: TEST_TODAY })).map((r) => ({
    ...r, instansi_induk_id: OTHER.id, instansi_induk_nama: OTHER.name, instansi_kerja_id: OTHER.id, instansi_kerja_nama: OTHER.name,
  }));

describe('the instansi of an employee snapshot', () => {
  const dir = tempDir();
  const file = (name: string) => path.join(dir, name);
  let host: JenjangHost;
  const agency = async () => expectOk(await host.call('agency:get', {})).identity;
  const snapshots = async () => (await queryOn(host, 'SELECT COUNT(*) AS n FROM import_snapshot'))[0].n as number;

  beforeAll(async () => {
    host = await openTestHost(dir);
  });
  afterAll(() => host.close());

  it('into an empty database: shows the file\'s instansi, asks for the confirmation, then records it with the agency identity', async () => {
    const district = generateDemoDistrict({ employees: 60, seed: 41, asOf: TEST_TODAY });
    writeDelimited(file('pertama.csv'), SIASN_HEADER, siasnRows(district), { delimiter: '|' });
    const preview = await previewFile(host, file('pertama.csv'));
    expect(preview.instansi).toEqual({ status: 'new', file: [{ id: DEMO_INSTANSI.id, name: DEMO_INSTANSI.name, rows: 60 }], agency: null });
    expect(preview.confirmationRequired).toBe(true);
    expect(preview.alarms).toEqual([]);
    expect(preview.options).toMatchObject({ emptyDatabase: true, createMissing: true });

    const refused = await host.call('import:commit', { previewId: preview.previewId, jobId: nextJobId() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/belum tercatat sebagai instansi Anda/) } });
    expect(await snapshots()).toBe(0);
    expect(await agency()).toMatchObject({ instansiIndukId: null, instansiIndukName: null });

    const done = await commitPreview(host, preview.previewId, { confirmInstansi: true });
    expect(done.counts.accepted).toBe(60);
    expect(await agency()).toMatchObject({ instansiIndukId: DEMO_INSTANSI.id, instansiIndukName: DEMO_INSTANSI.name });
  });

  it('a later snapshot of the same instansi needs no confirmation', async () => {
    const district = generateDemoDistrict({ employees: 60, seed: 41, asOf: TEST_TODAY });
    const rows = siasnRows(district);
    rows[0] = { ...rows[0], gol_akhir_id: '41', gol_akhir_nama: 'IV/a', tmt_golongan: '01-10-2026' };
    writeDelimited(file('kedua.csv'), SIASN_HEADER, rows, { delimiter: '|' });
    const preview = await previewFile(host, file('kedua.csv'));
    expect(preview.instansi?.status).toBe('match');
    expect(preview.confirmationRequired).toBe(false);
    expect(preview.alarms).toEqual([]);
    // Units exist now: creating the ones a file names is the officer's choice, not the default.
    expect(preview.options).toMatchObject({ emptyDatabase: false, createMissing: false });
    expect(await commitPreview(host, preview.previewId, { confirmInstansi: false })).toMatchObject({ counts: { accepted: 60 } });
  });

  it('another district\'s file: a mismatch with an alarm, refused without a word written, imported only when confirmed', async () => {
    writeDelimited(file('kabupaten-lain.csv'), SIASN_HEADER, otherDistrictRows(40, 77), { delimiter: '|' });
    const preview = await previewFile(host, file('kabupaten-lain.csv'));
    expect(preview.instansi).toEqual({
      status: 'mismatch', file: [{ id: OTHER.id, name: OTHER.name, rows: 40 }], agency: { id: DEMO_INSTANSI.id, name: DEMO_INSTANSI.name },
    });
    expect(preview.confirmationRequired).toBe(true);
    expect(preview.alarms).toEqual([expect.stringMatching(/^Sebagian besar NIP di berkas ini belum ada di database: 40 dari 40 \(100%\), padahal database sudah berisi 60 pegawai/)]);
    // Units exist: the other district's units are not created unless the officer ticks it.
    expect(preview.options.createMissing).toBe(false);

    const before = await dumpEmployeeTables(host);
    const refused = await host.call('import:commit', { previewId: preview.previewId, jobId: nextJobId(), createMissing: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/dari instansi lain \(Pemerintah Kabupaten Lembah Barat, ID 8ae483a55f1b2a3c015f3b7c1d0a0042\).*instansi Anda Pemerintah Kabupaten Sindangraja/) } });
    expect(await dumpEmployeeTables(host)).toEqual(before);
    expect(await snapshots()).toBe(2);

    const confirmed = await commitPreview(host, preview.previewId, { createMissing: true, confirmInstansi: true });
    expect(confirmed.counts.accepted).toBe(40);
    // The agency's instansi stays its own.
    expect(await agency()).toMatchObject({ instansiIndukId: DEMO_INSTANSI.id });
  });

  it('most NIPs unknown to a filled database is an alarm even when the file names no instansi', async () => {
    const rows = otherDistrictRows(30, 78).map((r) => ({ ...r, instansi_induk_id: '', instansi_induk_nama: '', instansi_kerja_id: '', instansi_kerja_nama: '' }));
    writeDelimited(file('tanpa-instansi.csv'), SIASN_HEADER, rows, { delimiter: '|' });
    const preview = await previewFile(host, file('tanpa-instansi.csv'), { createMissing: true });
    expect(preview.instansi?.status).toBe('unknown');
    expect(preview.alarms).toHaveLength(1);
    expect(preview.confirmationRequired).toBe(true);
    const refused = await host.call('import:commit', { previewId: preview.previewId, jobId: nextJobId() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/Sebagian besar NIP/) } });
  });
});

describe('npm run cli -- import and the instansi', () => {
  const dir = tempDir();
  const file = (name: string) => path.join(dir, name);

  // `init` makes a SQLite file and refuses a server (teamModeRefusal): the file pass runs this case.
  it.skipIf(TEST_HOSTS_ON_SERVER)('into an empty database the file\'s instansi is taken as given and recorded', () => {
    const db = file('kosong.sqlite');
    expect(runCli(['init', '--db', db]).code).toBe(0);
    writeDelimited(file('pertama.csv'), SIASN_HEADER, otherDistrictRows(30, 79), { delimiter: '|' });
    const done = runCli(['import', file('pertama.csv'), '--db', db, '--json']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toMatch(/Instansi berkas dicatat sebagai instansi database ini: Pemerintah Kabupaten Lembah Barat/);
    // The next file of another instansi (the demo district's) is now the mismatch.
    const district = generateDemoDistrict({ employees: 20, seed: 80, asOf: TEST_TODAY });
    writeDelimited(file('lain.csv'), SIASN_HEADER, siasnRows(district), { delimiter: '|' });
    const refused = runCli(['import', file('lain.csv'), '--db', db, '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/instansi lain.*--instansi-lain/);
  });

  // On a file, or in the PostgreSQL pass on a fresh database of the run's server (the CLI in team mode).
  it('the demo district refuses another district\'s file with exit 2 unless --instansi-lain is given', async () => {
    const server = TEST_HOSTS_ON_SERVER ? await createPostgresDatabase() : null;
    try {
      cliRefusesAnotherDistrict(server?.url ?? file('demo.sqlite'));
    } finally {
      await server?.drop();
    }
  });

  function cliRefusesAnotherDistrict(db: string) {
    expect(runCli(['demo', '--db', db, '--employees', '120', '--seed', '8']).code).toBe(0);
    writeDelimited(file('kabupaten-lain.csv'), SIASN_HEADER, otherDistrictRows(25, 81), { delimiter: '|' });

    const refused = runCli(['import', file('kabupaten-lain.csv'), '--db', db, '--create-missing', '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/Berkas ini dari instansi lain \(Pemerintah Kabupaten Lembah Barat.*tambahkan --instansi-lain/);
    const status = runCli(['stats', '--db', db, '--json']);
    expect(JSON.parse(status.stdout).imports).toMatchObject({ committed: 0 });

    const accepted = runCli(['import', file('kabupaten-lain.csv'), '--db', db, '--create-missing', '--instansi-lain', '--json']);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ committed: true, accepted: 25 });
    expect(accepted.stderr).toMatch(/peringatan: Sebagian besar NIP di berkas ini belum ada di database: 25 dari 25/);
  }
});
