// SIASN's "Data Utama" download with display headers (NAMA, NIP, GOL AKHIR, NAMA UNOR, UNOR INDUK, …), the layout
// other SIMPEG tools read: recognised as a pegawai snapshot, golongan read from GOL AKHIR, the unit tree built
// from UNOR INDUK › NAMA UNOR, and a file without a column the kind needs refused before the preview, in the
// wizard's service and in `cli import`.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict, type DemoDistrict } from '../../main/demo/generate';
import { siasnRows, writeXlsx, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import { allIssues, commitPreview, previewFile } from '../helpers/import';
import { runCli } from '../helpers/run-cli';
import { openTestHost, queryOn, tempDir, TEST_HOSTS_ON_SERVER, TEST_TODAY } from '../helpers/temp-db';

/** Display header → the SIASN field its cells hold. */
const DATA_UTAMA: ReadonlyArray<[string, string]> = [
  ['NAMA', 'nama'], ['NIP', 'nip_baru'], ['GELAR DEPAN', 'gelar_depan'], ['GELAR BELAKANG', 'gelar_belakang'],
  ['TEMPAT LAHIR', 'tempat_lahir_nama'], ['TANGGAL LAHIR', 'tanggal_lahir'], ['JENIS KELAMIN', 'jenis_kelamin'],
  ['JENIS PEGAWAI', 'jenis_pegawai_nama'], ['KEDUDUKAN HUKUM', 'kedudukan_hukum_nama'], ['TMT CPNS', 'tmt_cpns'], ['TMT PNS', 'tmt_pns'],
  ['GOL AWAL', 'gol_awal_nama'], ['GOL AKHIR', 'gol_akhir_nama'], ['TMT GOLONGAN', 'tmt_golongan'], ['MK TAHUN', 'mk_tahun'],
  ['JENIS JABATAN', 'jenis_jabatan_nama'], ['NAMA JABATAN', 'jabatan_nama'], ['TMT JABATAN', 'tmt_jabatan'],
  ['TINGKAT PENDIDIKAN', 'tingkat_pendidikan_nama'], ['NAMA PENDIDIKAN', 'pendidikan_nama'],
  ['NAMA UNOR', 'unor_nama'], ['UNOR INDUK', 'satuan_kerja_induk_nama'],
];

describe('SIASN Data Utama with display headers', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let district: DemoDistrict;
  let rows: Row[];
  const file = (name: string) => path.join(dir, name);

  /** The download as an XLSX sheet, without the columns named in `without`. */
  async function dataUtama(name: string, without: readonly string[] = []): Promise<string> {
    const columns = DATA_UTAMA.filter(([header]) => !without.includes(header));
    await writeXlsx(file(name), [{
      name: 'Data Utama',
      columns: columns.map(([header]) => header),
      rows: rows.map((r) => Object.fromEntries(columns.map(([header, field]) => [header, r[field]]))),
    }]);
    return file(name);
  }

  beforeAll(async () => {
    host = await openTestHost(dir);
    district = generateDemoDistrict({ employees: 150, seed: 8, asOf: TEST_TODAY });
    rows = siasnRows(district);
  });
  afterAll(() => host.close());

  it('is recognised, reads golongan from GOL AKHIR and builds the units from UNOR INDUK › NAMA UNOR', async () => {
    const preview = await previewFile(host, await dataUtama('data-utama.xlsx'));
    expect(preview.blocking).toEqual([]);
    expect(preview.kind).toBe('pegawai');
    const issues = await allIssues(host, preview.previewId);
    expect(issues.filter((i) => /golongan/i.test(i.message) && /belum diisi/i.test(i.message))).toEqual([]);
    await commitPreview(host, preview.previewId);

    const stored = await queryOn(host, 'SELECT nip, golongan FROM employee') as Array<{ nip: string; golongan: number | null }>;
    const byNip = new Map(stored.map((e) => [e.nip, e.golongan]));
    const withGolongan = district.employees.filter((e) => e.golongan !== null);
    expect(withGolongan.length).toBeGreaterThan(100);
    for (const e of withGolongan) expect(byNip.get(e.nip), e.nip).toBe(e.golongan);

    // Perangkat daerah are the UNOR INDUK values; every NAMA UNOR below another is a sub-unit, never a root.
    const roots = await queryOn(host, 'SELECT name FROM unit WHERE parent_id IS NULL') as Array<{ name: string }>;
    const induk = [...new Set(rows.map((r) => String(r.satuan_kerja_induk_nama)))].sort();
    // Sorted here: the two databases collate text differently.
    expect(roots.map((u) => u.name).sort()).toEqual(induk);
    const subUnits = [...new Set(rows.map((r) => String(r.unor_nama)))].filter((n) => !induk.includes(n));
    expect(subUnits.length).toBeGreaterThan(0);
    const [{ n }] = await queryOn(host, `SELECT COUNT(DISTINCT name) AS n FROM unit WHERE parent_id IS NOT NULL AND name IN (${subUnits.map(() => '?').join(',')})`, subUnits) as Array<{ n: number }>;
    expect(n).toBe(subUnits.length);
  });

  it('without a column the kind needs, says so before the preview instead of warning on every row', async () => {
    const preview = await previewFile(host, await dataUtama('tanpa-gol-akhir.xlsx', ['GOL AKHIR']));
    expect(preview.blocking).toEqual([expect.stringMatching(/Kolom wajib tidak ditemukan.*gol_akhir_nama atau gol_akhir_id/)]);
    expect(preview.counts.warnings).toBe(0);
  });

  // `init` makes a SQLite file and refuses a server (teamModeRefusal): the file pass runs this case.
  it.skipIf(TEST_HOSTS_ON_SERVER)('the CLI refuses the same file with the mapping problem and writes nothing', async () => {
    const db = file('cli.sqlite');
    expect(runCli(['init', '--db', db]).code).toBe(0);
    const result = runCli(['import', await dataUtama('cli-tanpa-gol-akhir.xlsx', ['GOL AKHIR']), '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr + result.stdout).toMatch(/Kolom wajib tidak ditemukan.*gol_akhir_nama atau gol_akhir_id/);
    expect(runCli(['stats', '--db', db, '--json']).stdout).toMatch(/"employees":\s*\{[^}]*"total":\s*0/);
  });
});
