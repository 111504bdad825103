// The bench's honest raw baselines (main/bench/baselines.ts) do the same work as Jenjang's path, only without the
// checks: on a few hundred employees (not timed) the hand-written loader writes the rows an import writes, with
// both ways of handling the indexes, and the plain split and XLSX scan find the records the import reads.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFinish, demoTables, importTables, loadRates, openBaselineDatabase, plainSplit, plainXlsxScan, rawLoad, type IndexStrategy } from '../../main/bench/baselines';
import { backupOpenDatabase } from '../../main/db/backup';
import { DATABASE_CIPHER } from '../../main/db/sqlite-connection';
import { writeDemoDistrict } from '../../main/demo/demo-writer';
import { generateDemoDistrict, type DemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited, writeXlsx, type Row } from '../../main/demo/import-files';
import type { JenjangHost } from '../../main/host';
import type { PlannedImport } from '../../main/import/pipeline';
import { previewFile } from '../helpers/import';
import { openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';

const EMPLOYEES = 300;
const STRATEGIES: IndexStrategy[] = ['kept', 'rebuilt'];

/** The rows of the tables a first snapshot fills, without what differs by design (timestamps, the snapshot id). */
type Dump = Record<string, unknown[]>;
const TABLE_READS: Record<string, string> = {
  unit: 'SELECT id, code, name, kind, parent_id, root_id, path, depth, sort_order, active FROM unit ORDER BY id',
  // rumpun is derived (the proposal refresher fills it after the import's rows): not part of the baseline.
  position: 'SELECT id, code, name, kind, level, eselon, unit_id, family, min_golongan, max_golongan, bup_override, is_key, quota, active FROM position ORDER BY id',
  employee: 'SELECT * FROM employee ORDER BY id',
  position_history: 'SELECT employee_id, position_id, position_name, position_level, unit_id, unit_name, tmt, end_date, sk_number, source FROM position_history ORDER BY employee_id, tmt',
  rank_history: 'SELECT employee_id, golongan, tmt, kind, sk_number, mk_years, mk_months, source FROM rank_history ORDER BY employee_id, tmt',
};
const withoutTimestamps = (rows: unknown[]) => rows.map((row) => {
  const { created_at: _created, updated_at: _updated, ...rest } = row as Record<string, unknown>;
  return rest;
});

describe('raw baselines of the bench', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let district: DemoDistrict;
  let rows: Row[];
  let plan: PlannedImport;
  let jenjang: Dump;
  const empty = path.join(dir, 'kosong.sqlite');
  const pipeFile = path.join(dir, 'siasn.csv');

  beforeAll(async () => {
    host = await openTestHost(dir);
    district = generateDemoDistrict({ employees: EMPLOYEES, seed: 17, asOf: TEST_TODAY });
    rows = siasnRows(district) as Row[];
    writeDelimited(pipeFile, SIASN_HEADER, rows, { delimiter: '|' });
    // The database as the import finds it, for the loader to start from the same file.
    await backupOpenDatabase(host.services.dataSource, empty, { pagesPerStep: 8192 });
    const file = await host.services.files.registerPath(pipeFile);
    plan = await host.services.imports.planFile(file, { createMissing: true, markAbsent: false });
    await host.services.imports.commitPlan(plan, 'uji', undefined, { confirmed: true, how: '' });
    jenjang = {};
    for (const [table, sql] of Object.entries(TABLE_READS)) jenjang[table] = withoutTimestamps(await host.services.dataSource.query(sql));
  });
  afterAll(() => host.close());

  for (const strategy of STRATEGIES) {
    it(`the import loader (${strategy === 'kept' ? 'indexes kept' : 'indexes rebuilt'}) writes the rows the import wrote, into an encrypted file like the app's`, () => {
      expect(plan.writable.kind).toBe('pegawai');
      if (plan.writable.kind !== 'pegawai') return;
      const target = path.join(dir, `baseline-${strategy}.sqlite`);
      fs.copyFileSync(empty, target);
      const { db, scheme } = openBaselineDatabase(target, true);
      try {
        expect(scheme).toBe(DATABASE_CIPHER);
        const result = rawLoad(db, importTables(db, plan.writable.plan, TEST_TODAY, `${TEST_TODAY}T08:00:00.000Z`), strategy);
        expect(result.tables.employee.rows).toBe(EMPLOYEES);
        expect(result.rows).toBe(Object.values(jenjang).reduce((n, table) => n + table.length, 0));
        const rates = loadRates(result);
        expect(rates.employeeRowsPerSecond).toBeGreaterThan(0);
        expect(rates.historyRowsPerSecond).toBeGreaterThan(0);
        for (const [table, sql] of Object.entries(TABLE_READS)) expect(withoutTimestamps(db.prepare(sql).all()), table).toEqual(jenjang[table]);
        // The name search index holds every new name (FTS5 checks its index against the employee table).
        expect(() => db.prepare(`INSERT INTO employee_fts (employee_fts) VALUES ('integrity-check')`).run()).not.toThrow();
        const name = district.employees[0].name.split(' ')[0];
        const found = db.prepare('SELECT COUNT(*) AS n FROM employee_fts WHERE employee_fts MATCH ?').get(`"${name}"`) as { n: number };
        expect(found.n).toBeGreaterThan(0);
        // The indexes set aside are all back.
        const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`).all();
        const fresh = openBaselineDatabase(empty, true);
        try {
          expect(indexes).toEqual(fresh.db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`).all());
        } finally {
          fresh.db.close();
        }
      } finally {
        db.close();
      }
    });
  }

  it('the demo loader writes the demo writer\'s rows and TMT pensiun', async () => {
    const small = generateDemoDistrict({ employees: 200, seed: 5, asOf: TEST_TODAY });
    const demoHost = await openTestHost(tempDir());
    const now = `${TEST_TODAY}T08:00:00.000Z`;
    let expected: Record<string, number>;
    try {
      await writeDemoDistrict(demoHost.services.dataSource, small, now, { extensions: false });
      expected = {};
      for (const table of Object.keys(TABLE_READS)) expected[table] = (await demoHost.services.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n;
    } finally {
      await demoHost.close();
    }
    for (const strategy of STRATEGIES) {
      const target = path.join(dir, `demo-${strategy}.sqlite`);
      fs.copyFileSync(empty, target);
      const { db } = openBaselineDatabase(target, true);
      try {
        const result = rawLoad(db, demoTables(small, now), strategy, demoFinish);
        expect(Object.fromEntries(Object.entries(result.tables).map(([table, t]) => [table, t.rows]))).toEqual(expected);
        const counted = Object.fromEntries(Object.keys(TABLE_READS).map((table) => [table, (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n]));
        expect(counted).toEqual(expected);
        expect((db.prepare('SELECT COUNT(*) AS n FROM employee WHERE retirement_date IS NULL').get() as { n: number }).n).toBe(0);
      } finally {
        db.close();
      }
    }
  });

  it('the plain split and the XLSX scan find the records the import reads', async () => {
    const semicolon = path.join(dir, 'siasn-titik-koma.csv');
    const xlsx = path.join(dir, 'siasn.xlsx');
    writeDelimited(semicolon, SIASN_HEADER, rows, { delimiter: ';', encoding: 'utf-8-bom' });
    await writeXlsx(xlsx, [{ name: 'Data Utama', columns: SIASN_HEADER, rows, titleRows: ['DATA UTAMA PNS'], excelDates: ['tanggal_lahir', 'tmt_cpns'] }]);
    // A database that has not seen these files (the first one would be refused as imported already).
    const readHost = await openTestHost(tempDir());
    try {
      for (const [file, split, headerRows] of [
        [pipeFile, plainSplit(pipeFile, '|'), 1],
        [semicolon, plainSplit(semicolon, ';'), 1],
        [xlsx, await plainXlsxScan(xlsx), 2],
      ] as const) {
        const preview = await previewFile(readHost, file);
        expect(preview.counts.rows, file).toBe(EMPLOYEES);
        expect(split.records, file).toBe(preview.counts.rows + headerRows);
        expect(split.fields, file).toBeGreaterThan(EMPLOYEES * SIASN_HEADER.length / 2);
        expect(split.chars, file).toBeGreaterThan(0);
      }
    } finally {
      await readHost.close();
    }
    expect(plainSplit(pipeFile, '|').fields).toBe((EMPLOYEES + 1) * SIASN_HEADER.length);
  });
});
