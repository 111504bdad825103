// The CLI commands that take a team database (`demo`, `stats`, `plan`, `report`, `import`) on the embedded
// PostgreSQL, each answering what it answers on a SQLite file holding the same demo district. The CLI's own suites (test/planning,
// test/reports, test/development, test/platform) check the file side in depth; this is their PostgreSQL pass.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryServer, usePostgresDatabase, type TestDatabase } from '../helpers/postgres';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-db';

const AS_OF = '2026-11-24';

describe('npm run cli -- demo, stats, plan, report, import on a PostgreSQL server', () => {
  const dir = tempDir();
  const file = path.join(dir, 'demo.sqlite');
  let server: TestDatabase;
  const json = (args: string[]) => {
    const result = runCli([...args, '--json']);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };

  beforeAll(async () => {
    server = await usePostgresDatabase();
    for (const db of [file, server.url]) json(['demo', '--db', db, '--employees', '300', '--seed', '4']);
  }, 240_000);

  it('writes the same demo district into the server as into a file', async () => {
    const [{ n }] = await queryServer<{ n: string }>(server.url, 'SELECT COUNT(*) AS n FROM employee');
    expect(Number(n)).toBe(300);
  });

  it('answers stats as on the file', () => {
    const [onServer, onFile] = [server.url, file].map((db) => json(['stats', '--db', db, '--as-of', AS_OF]));
    expect(onServer.development.jpCompliant + onServer.development.jpBelow).toBeGreaterThan(200);
    expect(onFile.imports.committed).toBe(0);
    expect(onServer).toEqual(onFile);
  });

  it('proposes the same plan as on the file, within the budget', () => {
    const [onServer, onFile] = [server.url, file].map((db) => json(['plan', '--db', db, '--year', '2027', '--budget', '25000000']));
    expect(onServer.cost).toBeLessThanOrEqual(25_000_000);
    expect(onServer.needsCovered).toBeGreaterThan(0);
    // The optimiser's gap may differ in its last digits between two runs; what it chose may not.
    expect({ ...onServer, optimalityGap: 0 }).toEqual({ ...onFile, optimalityGap: 0 });
  }, 240_000);

  it('writes a report from the server with the file\'s tables', async () => {
    const cells = async (db: string, name: string) => {
      const out = path.join(dir, name);
      const summary = json(['report', 'proyeksi-pensiun', '--db', db, '--out', out, '--param', 'fromYear=2028', '--as-of', AS_OF]);
      expect(summary).toMatchObject({ report: 'proyeksi-pensiun', format: 'xlsx', status: 'ready', out });
      expect(summary.bytes).toBe(fs.statSync(out).size);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      // Every sheet's values, without the "Dicetak … pukul …" line, whose minute may turn between the two runs.
      return workbook.worksheets.map((sheet) => {
        const rows: unknown[][] = [];
        sheet.eachRow((row) => {
          const values = (row.values as unknown[]).slice(1);
          if (!String(values[0] ?? '').startsWith('Dicetak ')) rows.push(values);
        });
        return rows;
      });
    };
    const onServer = await cells(server.url, 'server.xlsx');
    expect(onServer).toHaveLength(3);
    expect(onServer).toEqual(await cells(file, 'file.xlsx'));
  }, 240_000);

  it('imports an SKP file into the server as into the file: the same plan, then the same rows', async () => {
    const nips = await queryServer<{ nip: string }>(server.url, `SELECT nip FROM employee WHERE status = 'active' ORDER BY id LIMIT 40`);
    const skp = path.join(dir, 'skp-2026.csv');
    fs.writeFileSync(skp, ['nip;tahun;periode;hasil_kerja;perilaku_kerja',
      ...nips.map(({ nip }, i) => `${nip};2026;Tahunan;${i % 3 === 0 ? 'Di Atas Ekspektasi' : 'Sesuai Ekspektasi'};Sesuai Ekspektasi`)].join('\n'));
    const [dryServer, dryFile] = [server.url, file].map((db) => json(['import', skp, '--db', db, '--kind', 'skp', '--dry-run']));
    expect(dryServer).toMatchObject({ kind: 'skp', rows: 40, accepted: 40, committed: false });
    expect(dryServer).toEqual(dryFile);
    const [onServer, onFile] = [server.url, file].map((db) => json(['import', skp, '--db', db, '--kind', 'skp']));
    expect(onServer).toMatchObject({ committed: true, accepted: 40 });
    expect(onServer).toEqual(onFile);
    const [{ n }] = await queryServer<{ n: string }>(server.url, `SELECT COUNT(*) AS n FROM performance_evaluation WHERE year = 2026 AND source = 'import'`);
    expect(Number(n)).toBe(40);
  }, 120_000);
});
