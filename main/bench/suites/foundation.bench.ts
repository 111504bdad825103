// Foundation figures: demo generation and insert rate against the honest raw baseline (baselines.ts: a
// hand-written loader of the same rows with the same SQL, into an encrypted file like the app's, and into a plain
// one for the cost of encryption), employee search as you type, and the Pegawai list page query.

import fs from 'node:fs';
import path from 'node:path';
import { writeDemoDistrict, writeDemoExtensions } from '../../demo/demo-writer';
import { generateDemoDistrict, type DemoDistrict } from '../../demo/generate';
import { openDatabase } from '../../db/open-database';
import { openSqlite, type CipherScheme } from '../../db/sqlite-connection';
import { demoFinish, demoTables, fasterBaseline, loadRates, openBaselineDatabase, rawLoad, STRATEGY_LABELS, type IndexStrategy, type RawLoadResult } from '../baselines';
import type { BenchSuite } from '../context';
import { Random } from '../../demo/random';
import { fmt, median, percentile, printLines, rate, timeMs } from '../measure';

const RUNS = 3;

export async function buildDistrictDatabases(dir: string, employees: number, asOf: string) {
  const generation: number[] = [];
  let district!: DemoDistrict;
  for (let i = 0; i < RUNS; i++) {
    const { ms, result } = await timeMs(() => generateDemoDistrict({ employees, seed: 2026, asOf }));
    generation.push(ms);
    district = result;
  }
  const rows = district.units.length + district.positions.length + district.employees.length + district.positionHistory.length + district.rankHistory.length;

  // An empty migrated database, copied for every run so both paths start from the same file; and the same
  // database decrypted, for the plain baseline.
  const template = path.join(dir, 'template.sqlite');
  const opened = await openDatabase(template, { create: true });
  await opened.dataSource.destroy();
  const plainTemplate = path.join(dir, 'template-polos.sqlite');
  fs.copyFileSync(template, plainTemplate);
  decryptInPlace(plainTemplate);

  const jenjang: number[] = [];
  const baselines: BaselineRuns = { encrypted: { kept: [], rebuilt: [] }, plain: { kept: [], rebuilt: [] } };
  let scheme: CipherScheme | null = null;
  let extensionsMs = 0;
  let dbPath = '';
  const now = '2026-01-01T00:00:00.000Z';
  for (let i = 0; i < RUNS; i++) {
    // Jenjang's path: the DataSource's connection, chunked transaction, prepared statements, progress hooks.
    dbPath = path.join(dir, `jenjang-${i}.sqlite`);
    fs.copyFileSync(template, dbPath);
    const db = await openDatabase(dbPath, { create: false });
    const noopJob = { jobId: 'bench', cancelled: false, throwIfCancelled() {}, progress() {} };
    jenjang.push((await timeMs(() => writeDemoDistrict(db.dataSource, district, now, { job: noopJob, seed: 2026, extensions: false }))).ms);
    // The last database also gets the capabilities' demo data (assessments, SKP, …) for the query suites.
    if (i === RUNS - 1) extensionsMs = (await timeMs(() => writeDemoExtensions(db.dataSource, district, now, 2026))).ms;
    await db.dataSource.destroy();
    if (i < RUNS - 1) removeDb(dbPath);

    // The honest raw baseline (baselines.ts): the same rows by a hand-written loader, into the same kind of file
    // (the database key, the app's cipher scheme and pragmas), with the indexes kept and with them rebuilt after
    // the load; and the same into a plain file (what encryption alone costs).
    for (const encrypted of [true, false]) {
      for (const strategy of ['kept', 'rebuilt'] as const) {
        const rawPath = path.join(dir, `raw-${encrypted ? 'terenkripsi' : 'polos'}-${strategy}-${i}.sqlite`);
        fs.copyFileSync(encrypted ? template : plainTemplate, rawPath);
        const raw = openBaselineDatabase(rawPath, encrypted);
        if (encrypted) scheme = raw.scheme;
        try {
          baselines[encrypted ? 'encrypted' : 'plain'][strategy].push(rawLoad(raw.db, demoTables(district, now), strategy, demoFinish));
        } finally {
          raw.db.close();
        }
        removeDb(rawPath);
      }
    }
  }
  return { district, dbPath, rows, generation, jenjang, baselines, scheme, extensionsMs };
}

type BaselineRuns = Record<'encrypted' | 'plain', Record<IndexStrategy, RawLoadResult[]>>;

/** Decrypts an encrypted database file in place (the plain side of the encryption figures). */
export function decryptInPlace(file: string): void {
  const { db } = openSqlite(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = ''`); // an empty key writes the file plain
  } finally {
    db.close();
  }
}

/** Prints the generation and insert figures measured while building (parent process). */
export function reportBuild(built: Awaited<ReturnType<typeof buildDistrictDatabases>>) {
  const { district, rows, generation, jenjang, baselines, scheme, extensionsMs } = built;
  const encrypted = fasterBaseline(baselines.encrypted);
  const plain = fasterBaseline(baselines.plain);
  const other = encrypted.strategy === 'kept' ? 'rebuilt' : 'kept';
  const otherMs = median(baselines.encrypted[other].map((r) => r.ms));
  const rates = loadRates(encrypted.run);
  const insertRatio = encrypted.ms / median(jenjang);
  const encryptionCost = encrypted.ms / plain.ms - 1;
  const file = scheme ? `encrypted, ${scheme}, the database key` : 'plain';
  printLines(`Demo district: ${district.employees.length.toLocaleString('en-US')} employees, ${rows.toLocaleString('en-US')} rows (medians of ${RUNS})`, [
    { label: 'generation (in memory)', value: `${fmt(median(generation))}  (${rate(district.employees.length, median(generation))} employees)` },
    { label: 'insert, Jenjang (DataSource connection, derived data refreshed)', value: `${fmt(median(jenjang))}  (${rate(rows, median(jenjang))})` },
    { label: `insert, raw baseline (hand-written loader, ${file})`, value: `${fmt(encrypted.ms)}  (${rate(rows, encrypted.ms)}; ${STRATEGY_LABELS[encrypted.strategy]})` },
    { label: '  baseline: employee rows / history rows', value: `${Math.round(rates.employeeRowsPerSecond).toLocaleString('en-US')} / ${Math.round(rates.historyRowsPerSecond).toLocaleString('en-US')} rows/s  (indexes and search ${fmt(encrypted.run.indexMs)}, TMT pensiun ${fmt(encrypted.run.finishMs)}, ANALYZE ${fmt(encrypted.run.analyzeMs)})` },
    { label: `  baseline, ${STRATEGY_LABELS[other]}`, value: `${fmt(otherMs)}  (${rate(rows, otherMs)})` },
    { label: 'Jenjang as a share of the baseline throughput', value: `${(insertRatio * 100).toFixed(0)} %`, budget: '≥ 50 %', pass: insertRatio >= 0.5 },
    { label: 'insert, raw baseline into a plain file', value: `${fmt(plain.ms)}  (${rate(rows, plain.ms)}; ${STRATEGY_LABELS[plain.strategy]})` },
    { label: 'cost of encryption, insert (encrypted / plain − 1)', value: `${(encryptionCost * 100).toFixed(1)} %`, budget: '< 15 %', pass: encryptionCost < 0.15 },
    { label: 'capability demo data (assessments, SKP, …)', value: fmt(extensionsMs) },
  ]);
  return {
    employees: district.employees.length, rows, generationMs: median(generation), insertJenjangMs: median(jenjang),
    baseline: {
      file, strategy: encrypted.strategy, ms: encrypted.ms, employeeRowsPerSecond: rates.employeeRowsPerSecond, historyRowsPerSecond: rates.historyRowsPerSecond,
      indexMs: encrypted.run.indexMs, tables: encrypted.run.tables, otherStrategyMs: otherMs,
    },
    insertRawMs: encrypted.ms, insertRatio, insertRawPlainMs: plain.ms, insertEncryptionCost: encryptionCost,
  };
}

/** Search as you type and the Pegawai list page, through the dispatcher (child process, like the app's main). */
export const employeeQueriesSuite: BenchSuite = {
  name: 'employees',
  async run({ host, record, query }) {
    const rng = new Random(99);
    const samples = await query<{ nip: string; name: string }>('SELECT nip, name FROM employee ORDER BY random() LIMIT 150');
    const queries: string[] = [];
    for (const e of samples) {
      queries.push(e.nip.slice(0, rng.int(4, 18)));
      const word = rng.pick(e.name.split(' '));
      queries.push(word.slice(0, rng.int(3, Math.max(3, word.length))));
      queries.push(`${e.name.split(' ')[0]} ${e.name.split(' ').at(-1)!.slice(0, 3)}`);
    }
    const searchTimes: number[] = [];
    for (const search of queries) {
      const { ms, result } = await timeMs(() => host.dispatch('employees:list', { search, status: ['active'], limit: 100 }));
      if (!result.ok) throw new Error(result.error.message);
      searchTimes.push(ms);
    }

    // The Pegawai page: count + a page of 100 rows for the usual filters and sorts, at random depths.
    const units = await query<{ id: number }>('SELECT id FROM unit WHERE depth = 0');
    const total = Number((await query<{ n: number }>('SELECT COUNT(*) AS n FROM employee'))[0].n);
    const sorts = ['name', 'nip', 'golongan', 'unit', 'position', 'birthDate', 'retirementDate'] as const;
    const listTimes: number[] = [];
    const bySort = new Map<string, number[]>();
    for (let i = 0; i < 350; i++) {
      const field = sorts[i % sorts.length];
      const request = {
        status: rng.chance(0.8) ? (['active'] as Array<'active'>) : undefined,
        unitId: rng.chance(0.3) ? rng.pick(units).id : undefined,
        golongan: rng.chance(0.2) ? [rng.pick([31, 32, 33, 34, 41])] : undefined,
        sort: { field, direction: rng.chance(0.5) ? ('asc' as const) : ('desc' as const) },
        offset: rng.chance(0.5) ? 0 : rng.int(0, Math.floor((total * 0.8) / 100)) * 100,
        limit: 100,
      };
      const { ms, result } = await timeMs(() => host.dispatch('employees:list', request));
      if (!result.ok) throw new Error(result.error.message);
      listTimes.push(ms);
      bySort.set(field, [...(bySort.get(field) ?? []), ms]);
    }
    const searchP95 = percentile(searchTimes, 95);
    const listP95 = percentile(listTimes, 95);
    printLines(`Employee queries over ${Number(total).toLocaleString('en-US')} employees (through the dispatcher, validation included)`, [
      { label: `employee search, ${searchTimes.length} queries`, value: `p50 ${fmt(median(searchTimes))}, p95 ${fmt(searchP95)}`, budget: 'p95 ≤ 30 ms', pass: searchP95 <= 30 },
      { label: `Pegawai list page, ${listTimes.length} queries`, value: `p50 ${fmt(median(listTimes))}, p95 ${fmt(listP95)}`, budget: 'p95 ≤ 100 ms', pass: listP95 <= 100 },
      ...[...bySort].map(([field, times]) => ({ label: `  sorted by ${field}`, value: `p50 ${fmt(median(times))}, p95 ${fmt(percentile(times, 95))}` })),
    ]);
    record('employees', { searchP50: median(searchTimes), searchP95, listP50: median(listTimes), listP95 });
  },
};

function removeDb(file: string) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
