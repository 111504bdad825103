// Import figures: parse + validate + diff + commit of a 50,000-employee SIASN snapshot as the pipe
// file, a ";" CSV and an XLSX into an empty database; beside them, in the same run, the honest raw baselines
// (baselines.ts): a plain split of each file (read and check against it) and a hand-written loader of the rows the
// write phase writes, into the same kind of encrypted file; a re-import of the bench district with 5 % changed
// rows; peak RSS.
//
// Every import runs in a process of its own (this file with --run-import), doing only what the app's main
// process does for an import, so its memory figure is the import's and not the generator's.
//
// On a server (`--db postgres`) each run imports into a database of its own on the same server: a copy of an empty
// database at the current schema, or for the re-import a copy of the district as it was moved there (both by
// CREATE DATABASE … TEMPLATE, bench-server.ts), dropped after the run. The hand-written loader writes a SQLite file
// by nature, so a server prints its own figures only.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { backupOpenDatabase } from '../../db/backup';
import { openDatabase } from '../../db/open-database';
import { generateDemoDistrict } from '../../demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited, writeXlsx, type Row } from '../../demo/import-files';
import { startHost, type JenjangHost } from '../../host';
import type { EmployeePlan } from '../../import/kinds/pegawai';
import type { JobHandle } from '../../jobs/job-registry';
import { fixedClock } from '../../services/clock';
import { fasterBaseline, importTables, loadRates, openBaselineDatabase, plainSplit, plainXlsxScan, rawLoad, STRATEGY_LABELS, type IndexStrategy, type RawLoadResult } from '../baselines';
import { createServerDatabase, districtTemplateOf, dropServerDatabase } from '../bench-server';
import type { BenchContext, BenchSuite } from '../context';
import { fmt, median, printLines, rate } from '../measure';

// The source file, not import.meta.url: the bench's child runs from a bundle (child-build.ts), and these helper
// processes start this module through tsx.
const SELF = path.resolve('main/bench/suites/import.bench.ts');
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
  /** The hand-written loader of the same rows (pipe runs only), both ways (rawImportLoad). */
  raw?: Record<IndexStrategy, RawLoadResult>;
  rawFile?: string;
  peakRssMb: number;
}

interface SplitFigures {
  ms: number[];
  records: number;
  fields: number;
}

function runSplit(file: string, format: string): SplitFigures {
  const child = spawnSync(process.execPath, [TSX, SELF, '--split', file, format], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`plain split failed (${child.status}): ${child.stderr}`);
  const line = child.stdout.trim().split('\n').find((l) => l.startsWith('{'));
  return JSON.parse(line!) as SplitFigures;
}

function runImport(args: string[]): RunFigures {
  // --expose-gc is not used: the figure is what an app process would show.
  const child = spawnSync(process.execPath, [TSX, SELF, '--run-import', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`import run failed (${child.status}): ${child.stderr}`);
  const line = child.stdout.trim().split('\n').find((l) => l.startsWith('{'));
  return JSON.parse(line!) as RunFigures;
}

/** Where the runs import into: a fresh database per run, empty at the current schema or holding the district. */
interface RunTargets {
  /** Where the empty database the runs copy is to be made (the make-files process migrates it). */
  empty: string;
  fresh(name: string, from: 'empty' | 'district'): Promise<string>;
  /** After a run: its database goes. */
  done(target: string): Promise<void>;
  close(): Promise<void>;
}

/** Copies of files in the work folder: the district is a backup of the suites' open database. */
async function fileTargets(work: string, host: JenjangHost): Promise<RunTargets> {
  const empty = path.join(work, 'empty.sqlite');
  const current = path.join(work, 'district.sqlite');
  await backupOpenDatabase(host.services.dataSource, current, { pagesPerStep: 8192 });
  return {
    empty,
    fresh: async (name, from) => {
      const target = path.join(work, `${name}.sqlite`);
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
      fs.rmSync(path.join(work, 'cadangan'), { recursive: true, force: true });
      fs.copyFileSync(from === 'empty' ? empty : current, target);
      return target;
    },
    done: async () => undefined,
    close: async () => undefined,
  };
}

/** Databases of the suites' server, beside theirs (`url`). The district is the copy the bench kept when it moved
 *  the district there, before any suite ran (the suites before this one only refresh derived tables, which hold
 *  the same rows after). */
async function serverTargets(url: string): Promise<RunTargets> {
  const base = decodeURIComponent(new URL(url).pathname.slice(1));
  const emptyName = `${base}_import_empty`;
  const empty = await createServerDatabase(url, emptyName);
  const names = new Map<string, string>();
  return {
    empty,
    fresh: async (name, from) => {
      const database = `${base}_import_${name.replace(/-/g, '_')}`;
      const target = await createServerDatabase(url, database, from === 'empty' ? emptyName : districtTemplateOf(url));
      names.set(target, database);
      return target;
    },
    done: async (target) => {
      await dropServerDatabase(url, names.get(target)!);
      names.delete(target);
    },
    // A run that failed leaves its database: it goes here.
    close: async () => {
      for (const database of [...names.values(), emptyName]) await dropServerDatabase(url, database);
    },
  };
}

export const importSuite: BenchSuite = {
  name: 'import',
  copiesDistrictOnServer: true,
  async run({ dir, asOf, employees, host, record, onServer, dbPath }) {
    const work = path.join(dir, 'import');
    fs.mkdirSync(work, { recursive: true });
    const targets = onServer ? await serverTargets(dbPath) : await fileTargets(work, host);
    try {
      // The files, by the demo generator, in another process (its memory is not the import's); it also brings the
      // empty database to the current schema.
      const made = spawnSync(process.execPath, [TSX, SELF, '--make-files', work, String(employees), asOf, targets.empty], { stdio: 'inherit' });
      if (made.status !== 0) throw new Error('could not write the import files');
      const series = async (label: string, runs: number, file: string, from: 'empty' | 'district', extra: string[] = []) => {
        const figures: RunFigures[] = [];
        for (let i = 0; i < runs; i++) {
          const target = await targets.fresh(`run-${label}-${i}`, from);
          figures.push(runImport(['--db', target, '--file', path.join(work, file), '--as-of', asOf, ...extra]));
          await targets.done(target);
        }
        return figures;
      };

      const pipe = await series('pipe', 3, 'siasn-data-utama.csv', 'empty', onServer ? [] : ['--raw-baseline']);
      const csv = await series('csv', 3, 'siasn-titik-koma.csv', 'empty');
      const xlsx = await series('xlsx', 2, 'siasn-data-utama.xlsx', 'empty');
      const reimport = await series('reimport', 3, 'siasn-5-persen.csv', 'district');
      reportImport({ employees, record, onServer, pipe, csv, xlsx, reimport, work });
    } finally {
      await targets.close();
      fs.rmSync(work, { recursive: true, force: true });
    }
  },
};

function reportImport({ employees, record, onServer, pipe, csv, xlsx, reimport, work }: {
  employees: number; record: BenchContext['record']; onServer: boolean; work: string;
  pipe: RunFigures[]; csv: RunFigures[]; xlsx: RunFigures[]; reimport: RunFigures[];
}) {
  // The plain split of each file, each in a process of its own (three reads, after the imports: the file is as
  // warm in the OS cache as it was for them).
  const splits = {
    pipe: runSplit(path.join(work, 'siasn-data-utama.csv'), '|'),
    csv: runSplit(path.join(work, 'siasn-titik-koma.csv'), ';'),
    xlsx: runSplit(path.join(work, 'siasn-data-utama.xlsx'), 'xlsx'),
  };

  const m = (figures: RunFigures[], key: keyof RunFigures) => median(figures.map((f) => f[key] as number));
  const peak = Math.max(...[...pipe, ...csv, ...xlsx, ...reimport].map((f) => f.peakRssMb));
  const rows = pipe[0].written;
  const readVsSplit = {
    pipe: m(pipe, 'parseMs') / median(splits.pipe.ms),
    csv: m(csv, 'parseMs') / median(splits.csv.ms),
    xlsx: m(xlsx, 'parseMs') / median(splits.xlsx.ms),
  };
  const readLine = (label: string, figures: RunFigures[], split: SplitFigures, times: number) => ({
    label: `  read and check against a plain split${label}`, value: `${fmt(m(figures, 'parseMs'))} against ${fmt(median(split.ms))}: ${times.toFixed(1)}×`, budget: '≤ 3×', pass: times <= 3,
  });
  // The raw baseline (a file's by nature): its faster way (indexes kept, or rebuilt after the load), median over
  // the pipe runs.
  const baseline = onServer ? null : (() => {
    const raw = fasterBaseline({ kept: pipe.map((f) => f.raw!.kept), rebuilt: pipe.map((f) => f.raw!.rebuilt) });
    const otherWay: IndexStrategy = raw.strategy === 'kept' ? 'rebuilt' : 'kept';
    const ratio = (rows / m(pipe, 'writeMs')) / (raw.run.rows / raw.ms);
    return { raw, otherWay, otherMs: median(pipe.map((f) => f.raw![otherWay].ms)), rawRates: loadRates(raw.run), ratio };
  })();
  const baselineLines = baseline ? [
    { label: `raw baseline: the same ${baseline.raw.run.rows.toLocaleString('en-US')} rows by a hand-written loader (${pipe[0].rawFile})`, value: `${fmt(baseline.raw.ms)}  (${rate(baseline.raw.run.rows, baseline.raw.ms)}; ${STRATEGY_LABELS[baseline.raw.strategy]})` },
    { label: '  baseline: employee rows / history rows', value: `${Math.round(baseline.rawRates.employeeRowsPerSecond).toLocaleString('en-US')} / ${Math.round(baseline.rawRates.historyRowsPerSecond).toLocaleString('en-US')} rows/s  (indexes and search ${fmt(baseline.raw.run.indexMs)}, ANALYZE ${fmt(baseline.raw.run.analyzeMs)})` },
    { label: `  baseline, ${STRATEGY_LABELS[baseline.otherWay]}`, value: `${fmt(baseline.otherMs)}  (${rate(baseline.raw.run.rows, baseline.otherMs)})` },
    { label: 'write phase as a share of the baseline throughput', value: `${(baseline.ratio * 100).toFixed(0)} %`, budget: '≥ 70 %', pass: baseline.ratio >= 0.7 },
  ] : [
    { label: 'raw baseline (a hand-written better-sqlite3 loader)', value: 'a SQLite file\'s by nature: not run on a server, whose own figures are the ones above' },
  ];
  printLines(`Import of a ${employees.toLocaleString('en-US')}-employee SIASN snapshot (medians; each run in its own process${onServer ? ', into a fresh database on the server' : ''})`, [
    { label: 'pipe "|" file (SIASN), parse+validate+diff+commit', value: fmt(m(pipe, 'totalMs')), budget: '≤ 1.5 s', pass: m(pipe, 'totalMs') <= 1500 },
    onServer
      ? { label: '  read and check / plan / write (COPY; no ANALYZE: the server\'s autovacuum)', value: `${fmt(m(pipe, 'parseMs'))} / ${fmt(m(pipe, 'planMs'))} / ${fmt(m(pipe, 'writeMs'))}` }
      : { label: '  read and check / plan / write / ANALYZE', value: `${fmt(m(pipe, 'parseMs'))} / ${fmt(m(pipe, 'planMs'))} / ${fmt(m(pipe, 'writeMs'))} / ${fmt(m(pipe, 'analyzeMs'))}` },
    readLine(' (split on lines and "|")', pipe, splits.pipe, readVsSplit.pipe),
    { label: '";" CSV, UTF-8 with BOM', value: `${fmt(m(csv, 'totalMs'))}  (read and check ${fmt(m(csv, 'parseMs'))})`, budget: '≤ 1.5 s', pass: m(csv, 'totalMs') <= 1500 },
    readLine(' (split on lines and ";")', csv, splits.csv, readVsSplit.csv),
    { label: 'XLSX (title row, Excel dates)', value: `${fmt(m(xlsx, 'totalMs'))}  (read and check ${fmt(m(xlsx, 'parseMs'))})`, budget: '≤ 3 s', pass: m(xlsx, 'totalMs') <= 3000 },
    readLine(' (sheet inflated in one call, cells cut out)', xlsx, splits.xlsx, readVsSplit.xlsx),
    { label: `write phase, ${rows.toLocaleString('en-US')} rows (employees, units, positions, history)`, value: `${fmt(m(pipe, 'writeMs'))}  (${rate(rows, m(pipe, 'writeMs'))}; undo log, derived data, quality index and audit included)` },
    ...baselineLines,
    { label: `re-import, 5 % changed (${reimport[0].diff.changed.toLocaleString('en-US')} changed, ${reimport[0].diff.unchanged.toLocaleString('en-US')} unchanged)`, value: `${fmt(m(reimport, 'totalMs'))}  (read and check ${fmt(m(reimport, 'parseMs'))}, plan ${fmt(m(reimport, 'planMs'))}, write ${fmt(m(reimport, 'writeMs'))}, ${reimport[0].written.toLocaleString('en-US')} rows written; no copy of the database)`, budget: '≤ 1 s', pass: m(reimport, 'totalMs') <= 1000 },
    { label: 'peak RSS of an import process', value: `${peak} MB`, budget: '≤ 500 MB', pass: peak <= 500 },
  ]);
  record('import', {
    pipeMs: m(pipe, 'totalMs'), csvMs: m(csv, 'totalMs'), xlsxMs: m(xlsx, 'totalMs'), writeMs: m(pipe, 'writeMs'),
    pipeParseMs: m(pipe, 'parseMs'), pipePlanMs: m(pipe, 'planMs'), pipeWritten: rows,
    ...(baseline ? {
      rawWriteMs: baseline.raw.ms, rawWriteRows: baseline.raw.run.rows, rawStrategy: baseline.raw.strategy, rawOtherStrategyMs: baseline.otherMs, rawFile: pipe[0].rawFile,
      rawEmployeeRowsPerSecond: baseline.rawRates.employeeRowsPerSecond, rawHistoryRowsPerSecond: baseline.rawRates.historyRowsPerSecond, writeRatio: baseline.ratio,
    } : {}),
    splitMs: { pipe: median(splits.pipe.ms), csv: median(splits.csv.ms), xlsx: median(splits.xlsx.ms) }, readVsSplit, splits,
    reimportMs: m(reimport, 'totalMs'), reimportWritten: reimport[0].written, peakRssMb: peak,
    reimportParseMs: m(reimport, 'parseMs'), reimportPlanMs: m(reimport, 'planMs'), reimportWriteMs: m(reimport, 'writeMs'),
    runs: { pipe, csv, xlsx, reimport },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Child entries

/** The import files in `dir`, and the empty database the runs copy (`empty`: a file, or a server's database) at the
 *  current schema. */
async function makeFiles(dir: string, employees: number, asOf: string, empty: string) {
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
  const { dataSource } = await openDatabase(empty, { create: true });
  await dataSource.destroy();
}

async function runOne(dbPath: string, filePath: string, asOf: string, rawBaseline: boolean) {
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const job: JobHandle = { jobId: 'bench', cancelled: false, throwIfCancelled() {}, progress: sample };
  const host = await startHost({ dbPath, transport: 'test', create: false, clock: fixedClock(asOf) });
  // The app writes the day's copy when it starts (host.ts); the import then takes none, which is what is measured.
  await host.services.backup.dailyIfDue();
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
  if (rawBaseline && plan.writable.kind === 'pegawai') {
    const empty = path.join(path.dirname(dbPath), 'empty.sqlite');
    const now = `${asOf}T08:00:00.000Z`;
    const kept = rawImportLoad(empty, `${dbPath}.raw.sqlite`, plan.writable.plan, asOf, now, 'kept');
    const rebuilt = rawImportLoad(empty, `${dbPath}.raw.sqlite`, plan.writable.plan, asOf, now, 'rebuilt');
    figures.raw = { kept: kept.result, rebuilt: rebuilt.result };
    figures.rawFile = rebuilt.file;
  }
  figures.peakRssMb = Math.round(peak / 1024 / 1024);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/**
 * The rows the import wrote, by the hand-written loader (baselines.ts) into a copy of the empty database the import
 * started from (so: encrypted with the same key, in the app's scheme). Returns the load's figures and the kind of file.
 */
function rawImportLoad(empty: string, target: string, plan: EmployeePlan, today: string, now: string, strategy: IndexStrategy): { result: RawLoadResult; file: string } {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(empty, target);
  const { db, scheme } = openBaselineDatabase(target, true);
  try {
    return { result: rawLoad(db, importTables(db, plan, today, now), strategy), file: scheme ? `encrypted, ${scheme}, same key` : 'plain' };
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  }
}

/** `--split FILE FORMAT`: three plain reads of the file (FORMAT "|", ";" or "xlsx"), as JSON. */
async function splitFile(file: string, format: string) {
  const ms: number[] = [];
  let last = { records: 0, fields: 0 };
  for (let i = 0; i < 3; i++) {
    const result = format === 'xlsx' ? await plainXlsxScan(file) : plainSplit(file, format);
    ms.push(result.ms);
    last = result;
  }
  process.stdout.write(`${JSON.stringify({ ms, records: last.records, fields: last.fields })}\n`);
}

const option = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const main = process.argv.includes('--make-files')
    ? makeFiles(option('make-files'), Number(process.argv[process.argv.indexOf('--make-files') + 2]), process.argv[process.argv.indexOf('--make-files') + 3], process.argv[process.argv.indexOf('--make-files') + 4])
    : process.argv.includes('--run-import')
      ? runOne(option('db'), option('file'), option('as-of'), process.argv.includes('--raw-baseline'))
      : process.argv.includes('--split')
        ? splitFile(option('split'), process.argv[process.argv.indexOf('--split') + 2])
        : Promise.resolve();
  main.catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
