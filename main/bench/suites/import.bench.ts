// Import figures: parse + validate + diff + commit of a 50,000-employee SIASN snapshot as the pipe
// file, a ";" CSV and an XLSX into an empty database; the write phase beside a raw better-sqlite3 insert of
// the same rows in the same run; a re-import of the bench district with 5 % changed rows; peak RSS.
//
// Every import runs in a process of its own (this file with --run-import), doing only what the app's main
// process does for an import, so its memory figure is the import's and not the generator's.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupOpenDatabase } from '../../db/backup';
import { openDatabase } from '../../db/open-database';
import { openSqlite } from '../../db/sqlite-connection';
import { generateDemoDistrict } from '../../demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited, writeXlsx, type Row } from '../../demo/import-files';
import { startHost } from '../../host';
import { EMPLOYEE_IMPORT_FIELDS } from '../../import/kinds/pegawai';
import type { JobHandle } from '../../jobs/job-registry';
import { fixedClock } from '../../services/clock';
import type { BenchSuite } from '../context';
import { fmt, median, printLines, rate } from '../measure';

const SELF = fileURLToPath(import.meta.url);
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const DATE_COLUMNS = ['tanggal_lahir', 'tmt_cpns', 'tmt_pns', 'tmt_golongan', 'tmt_jabatan', 'tanggal_sk_cpns', 'tanggal_sk_pns'];

interface RunFigures {
  totalMs: number;
  parseMs: number;
  planMs: number;
  backupMs: number;
  writeMs: number;
  analyzeMs: number;
  written: number;
  accepted: number;
  rejected: number;
  diff: { new: number; changed: number; absent: number; unchanged: number };
  rawWriteMs?: number;
  peakRssMb: number;
}

function runImport(args: string[]): RunFigures {
  // --expose-gc is not used: the figure is what an app process would show.
  const child = spawnSync(process.execPath, [TSX, SELF, '--run-import', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`import run failed (${child.status}): ${child.stderr}`);
  const line = child.stdout.trim().split('\n').find((l) => l.startsWith('{'));
  return JSON.parse(line!) as RunFigures;
}

export const importSuite: BenchSuite = {
  name: 'import',
  async run({ dir, asOf, employees, host, record }) {
    const work = path.join(dir, 'import');
    fs.mkdirSync(work, { recursive: true });
    // The files, by the demo generator, in another process (its memory is not the import's).
    const made = spawnSync(process.execPath, [TSX, SELF, '--make-files', work, String(employees), asOf], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error('could not write the import files');
    const template = path.join(work, 'empty.sqlite');
    const current = path.join(work, 'district.sqlite');
    await backupOpenDatabase(host.services.dataSource, current, { pagesPerStep: 8192 });

    const fresh = (name: string, from: string) => {
      const target = path.join(work, name);
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
      fs.rmSync(path.join(work, 'cadangan-impor'), { recursive: true, force: true });
      fs.copyFileSync(from, target);
      return target;
    };
    const series = (label: string, runs: number, file: string, from: string, extra: string[] = []) => {
      const figures: RunFigures[] = [];
      for (let i = 0; i < runs; i++) figures.push(runImport(['--db', fresh(`run-${label}-${i}.sqlite`, from), '--file', path.join(work, file), '--as-of', asOf, ...extra]));
      return figures;
    };

    const pipe = series('pipe', 3, 'siasn-data-utama.csv', template, ['--raw-baseline']);
    const csv = series('csv', 3, 'siasn-titik-koma.csv', template);
    const xlsx = series('xlsx', 2, 'siasn-data-utama.xlsx', template);
    const reimport = series('reimport', 3, 'siasn-5-persen.csv', current);

    const m = (figures: RunFigures[], key: keyof RunFigures) => median(figures.map((f) => f[key] as number));
    const peak = Math.max(...[...pipe, ...csv, ...xlsx, ...reimport].map((f) => f.peakRssMb));
    const ratio = m(pipe, 'rawWriteMs') / m(pipe, 'writeMs');
    const rows = pipe[0].written;
    printLines(`Import of a ${employees.toLocaleString('en-US')}-employee SIASN snapshot (medians; each run in its own process)`, [
      { label: 'pipe "|" file (SIASN), parse+validate+diff+commit', value: fmt(m(pipe, 'totalMs')), budget: '≤ 3 s', pass: m(pipe, 'totalMs') <= 3000 },
      { label: '  read and check / plan / backup / write / ANALYZE', value: `${fmt(m(pipe, 'parseMs'))} / ${fmt(m(pipe, 'planMs'))} / ${fmt(m(pipe, 'backupMs'))} / ${fmt(m(pipe, 'writeMs'))} / ${fmt(m(pipe, 'analyzeMs'))}` },
      { label: '";" CSV, UTF-8 with BOM', value: fmt(m(csv, 'totalMs')), budget: '≤ 3 s', pass: m(csv, 'totalMs') <= 3000 },
      { label: 'XLSX (title row, Excel dates)', value: `${fmt(m(xlsx, 'totalMs'))}  (read and check ${fmt(m(xlsx, 'parseMs'))})`, budget: '≤ 10 s', pass: m(xlsx, 'totalMs') <= 10_000 },
      { label: `write phase, ${rows.toLocaleString('en-US')} rows (employees, units, positions, history)`, value: `${fmt(m(pipe, 'writeMs'))}  (${rate(rows, m(pipe, 'writeMs'))})` },
      { label: 'raw better-sqlite3 insert of the same rows', value: `${fmt(m(pipe, 'rawWriteMs'))}  (${rate(rows, m(pipe, 'rawWriteMs'))})` },
      { label: 'write phase / raw throughput', value: `${(ratio * 100).toFixed(0)} %`, budget: '≥ 50 %', pass: ratio >= 0.5 },
      { label: `re-import, 5 % changed (${reimport[0].diff.changed.toLocaleString('en-US')} changed, ${reimport[0].diff.unchanged.toLocaleString('en-US')} unchanged)`, value: `${fmt(m(reimport, 'totalMs'))}  (backup of the database ${fmt(m(reimport, 'backupMs'))}, write ${fmt(m(reimport, 'writeMs'))}, ${reimport[0].written.toLocaleString('en-US')} rows written)`, budget: '≤ 3 s', pass: m(reimport, 'totalMs') <= 3000 },
      { label: 'peak RSS of an import process', value: `${peak} MB`, budget: '≤ 500 MB', pass: peak <= 500 },
    ]);
    record('import', {
      pipeMs: m(pipe, 'totalMs'), csvMs: m(csv, 'totalMs'), xlsxMs: m(xlsx, 'totalMs'), writeMs: m(pipe, 'writeMs'), rawWriteMs: m(pipe, 'rawWriteMs'),
      writeRatio: ratio, reimportMs: m(reimport, 'totalMs'), reimportWritten: reimport[0].written, peakRssMb: peak,
      runs: { pipe, csv, xlsx, reimport },
    });
    fs.rmSync(work, { recursive: true, force: true });
  },
};

// ---------------------------------------------------------------------------------------------------------
// Child entries

async function makeFiles(dir: string, employees: number, asOf: string) {
  const district = generateDemoDistrict({ employees, seed: 2026, asOf });
  const rows = siasnRows(district) as Row[];
  writeDelimited(path.join(dir, 'siasn-data-utama.csv'), SIASN_HEADER, rows, { delimiter: '|' });
  writeDelimited(path.join(dir, 'siasn-titik-koma.csv'), SIASN_HEADER, rows, { delimiter: ';', encoding: 'utf-8-bom' });
  await writeXlsx(path.join(dir, 'siasn-data-utama.xlsx'), [{ name: 'Data Utama', columns: SIASN_HEADER, rows, titleRows: ['DATA UTAMA PNS'], excelDates: DATE_COLUMNS }]);
  // The bench district next month: 5 % of the rows changed (promotions, moves to another unit, new TMT).
  const units = district.units.filter((u) => u.depth === 1);
  const changed = rows.map((r, i) => {
    if (i % 20 !== 7) return r;
    if (i % 40 === 7) {
      const unit = units[i % units.length];
      return { ...r, unor_id: unit.code, unor_nama: unit.name, satuan_kerja_kerja_id: unit.code, satuan_kerja_kerja_nama: unit.name, tmt_jabatan: '01-11-2026' };
    }
    return { ...r, tmt_golongan: '01-10-2026', mk_bulan: '0' };
  });
  writeDelimited(path.join(dir, 'siasn-5-persen.csv'), SIASN_HEADER, changed, { delimiter: '|' });
  const { dataSource } = await openDatabase(path.join(dir, 'empty.sqlite'), { create: true });
  await dataSource.destroy();
}

async function runOne(dbPath: string, filePath: string, asOf: string, rawBaseline: boolean) {
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const job: JobHandle = { jobId: 'bench', cancelled: false, throwIfCancelled() {}, progress: sample };
  const host = await startHost({ dbPath, transport: 'test', create: false, clock: fixedClock(asOf) });
  const started = performance.now();
  const file = await host.services.files.registerPath(filePath);
  const plan = await host.services.imports.planFile(file, { createMissing: true, markAbsent: false, job });
  sample();
  const commit = await host.services.imports.commitPlan(plan, 'bench', job, { confirmed: true, how: '' });
  const totalMs = performance.now() - started;
  sample();
  const figures: RunFigures = {
    totalMs, parseMs: plan.parsed.parseMs, planMs: plan.planMs, backupMs: commit.backupMs, writeMs: commit.writeMs, analyzeMs: commit.analyzeMs,
    written: commit.written, accepted: plan.counts.accepted, rejected: plan.counts.rejected, diff: plan.diff, peakRssMb: 0,
  };
  await host.close();
  if (rawBaseline && plan.writable.kind === 'pegawai') figures.rawWriteMs = rawInsert(dbPath, plan.writable.plan, asOf);
  figures.peakRssMb = Math.round(peak / 1024 / 1024);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/**
 * The same rows the import wrote (its units, positions, employees and their first history rows), inserted by
 * plain better-sqlite3 with prepared statements in one transaction, into a fresh empty database beside it
 * (encrypted with the same key as the import's database, so the two differ only in the code path).
 */
function rawInsert(importedDb: string, plan: import('../../import/kinds/pegawai').EmployeePlan, asOf: string): number {
  const target = `${importedDb}.raw.sqlite`;
  fs.copyFileSync(path.join(path.dirname(importedDb), 'empty.sqlite'), target);
  const { db } = openSqlite(target, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const now = `${asOf}T08:00:00.000Z`;
  const columns = EMPLOYEE_IMPORT_FIELDS.map((f) => f.column);
  const started = performance.now();
  db.transaction(() => {
    const ids = new Map<number, number>();
    const real = (id: number | null) => (id === null ? null : id < 0 ? ids.get(id)! : id);
    const unit = db.prepare(`INSERT INTO unit (code, name, kind, parent_id, root_id, path, depth, sort_order, active) VALUES (?, ?, ?, ?, NULL, '/', 0, 0, 1)`);
    for (const u of plan.newUnits) ids.set(u.tempId, Number(unit.run(u.code, u.name, u.kind, real(u.parent)).lastInsertRowid));
    const position = db.prepare(`INSERT INTO position (code, name, kind, level, eselon, unit_id, family, min_golongan, max_golongan, bup_override, is_key, quota, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
    for (const p of plan.newPositions) ids.set(p.tempId, Number(position.run(p.code, p.name, p.kind, p.level, p.eselon, real(p.unit), p.family, p.minGolongan, p.maxGolongan, p.bupOverride, p.isKey ? 1 : 0, p.quota).lastInsertRowid));
    const employee = db.prepare(`INSERT INTO employee (nip, siasn_id, ${columns.join(', ')}, position_id, unit_id, version, created_at, updated_at) VALUES (?, ?, ${columns.map(() => '?').join(', ')}, ?, ?, 1, ?, ?)`);
    const history = db.prepare(`INSERT INTO position_history (employee_id, position_id, position_name, position_level, unit_id, unit_name, tmt, end_date, sk_number, source, snapshot_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, 'import', NULL, ?)`);
    const rank = db.prepare(`INSERT INTO rank_history (employee_id, golongan, tmt, kind, sk_number, source, snapshot_id, created_at) VALUES (?, ?, ?, NULL, NULL, 'import', NULL, ?)`);
    for (const e of plan.inserts) {
      const id = Number(employee.run(e.nip, e.siasnId, ...EMPLOYEE_IMPORT_FIELDS.map((f) => e.values[f.key] ?? null), real(e.positionId), real(e.unitId), now, now).lastInsertRowid);
      if (e.positionId !== null) history.run(id, real(e.positionId), plan.positionInfo.get(real(e.positionId)!)?.name ?? '', null, real(e.unitId), null, e.values.positionTmt ?? asOf, now);
      if (e.values.golongan !== null && e.values.golongan !== undefined) rank.run(id, e.values.golongan, e.values.golonganTmt ?? asOf, now);
    }
  })();
  const ms = performance.now() - started;
  db.close();
  return ms;
}

const option = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const main = process.argv.includes('--make-files')
    ? makeFiles(option('make-files'), Number(process.argv[process.argv.indexOf('--make-files') + 2]), process.argv[process.argv.indexOf('--make-files') + 3])
    : process.argv.includes('--run-import')
      ? runOne(option('db'), option('file'), option('as-of'), process.argv.includes('--raw-baseline'))
      : Promise.resolve();
  main.catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
