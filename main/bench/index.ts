// `npm run bench`: builds a 50,000-employee database with the demo generator (generation and insert rate
// beside a raw better-sqlite3 baseline in the same run), then runs every suite in a child process that does
// only what the app's main process does, and prints medians and percentiles against the budgets.
// Options: --employees N (default 50000), --only NAME[,NAME…] (only these suites), --json FILE (write all figures),
// --db postgres (also move the database onto a PostgreSQL server and run the suites there: figures side by side).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { migrateDatabase } from '../db/migrate-db';
import { startHost } from '../host';
import { startBenchServer } from './bench-server';
import { benchChildArgs } from './child-build';
import { clockFromEnvironment, fixedClock } from '../services/clock';
import { benchDatabase, scratchDir, type BenchContext, type BenchSuite } from './context';
import { fmt, printLines, timeMs } from './measure';
import { careerPathsSuite } from './suites/career-paths.bench';
import { careersSuite } from './suites/careers.bench';
import { competencySuite } from './suites/competency.bench';
import { concurrencySuite } from './suites/concurrency.bench';
import { performanceSuite } from './suites/performance.bench';
import { planSuite } from './suites/plan.bench';
import { developmentSuite } from './suites/development.bench';
import { encryptionSuite } from './suites/encryption.bench';
import { buildDistrictDatabases, employeeQueriesSuite, reportBuild } from './suites/foundation.bench';
import { importSuite } from './suites/import.bench';
import { qualitySuite } from './suites/quality.bench';
import { reportsSuite } from './suites/reports.bench';
import { successionSuite } from './suites/succession.bench';
import { deskMain, desksSuite } from './suites/desks.bench';

/** Every suite; each capability adds its own here. They run in this order on the shared database. */
// Concurrency runs last: it starts reader threads of its own, whose memory stays in the process figure below.
export const SUITES: BenchSuite[] = [employeeQueriesSuite, competencySuite, performanceSuite, encryptionSuite, developmentSuite, successionSuite, careerPathsSuite, careersSuite, qualitySuite, planSuite, reportsSuite, importSuite, concurrencySuite, desksSuite];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The suites this run asked for (--only), in their order. */
function chosenSuites(): BenchSuite[] {
  const only = option('only')?.split(',');
  return only ? SUITES.filter((suite) => only.includes(suite.name)) : SUITES;
}

async function parent() {
  const employees = Number(option('employees') ?? 50_000);
  const asOf = clockFromEnvironment().today();
  const dir = scratchDir();
  // The bench's databases are encrypted with a key of their own, in the scratch folder: the bench never reads or
  // adds to the user's own key (the child inherits these).
  process.env.JENJANG_CONFIG_DIR = path.join(dir, 'kunci');
  process.env.JENJANG_KEY_STORE = 'file';
  delete process.env.JENJANG_DB_KEY;
  const figures: Record<string, unknown> = {};
  console.log(`Jenjang bench: ${employees.toLocaleString('en-US')} employees, Node ${process.version}, ${process.platform}/${process.arch}, as of ${asOf}`);
  try {
    const built = await buildDistrictDatabases(dir, employees, asOf);
    figures.build = reportBuild(built);
    const childArgs = benchChildArgs(path.resolve('.'));
    const runSuites = (db: string, name: string): Record<string, unknown> => {
      const figuresFile = path.join(dir, `${name}-figures.json`);
      const child = spawnSync(process.execPath, [
        ...childArgs, '--child', '--db', db, '--dir', dir, '--as-of', asOf,
        '--employees', String(employees), '--figures', figuresFile, ...(option('only') ? ['--only', option('only')!] : []),
      ], { stdio: 'inherit' });
      if (child.status !== 0) throw new Error(`bench child (${name}) failed with exit code ${child.status}`);
      return JSON.parse(fs.readFileSync(figuresFile, 'utf8')) as Record<string, unknown>;
    };
    if (option('db') === 'postgres') {
      // The server gets the database before any suite writes to the file, so both runs start from the same rows.
      const server = await startBenchServer();
      try {
        const moved = await timeMs(() => migrateDatabase(built.dbPath, server.url));
        const rows = moved.result.tables.reduce((n, t) => n + t.rows, 0);
        // The import's re-import and succession's set-up start from copies of the district as moved (bench-server.ts).
        const keptMs = chosenSuites().some((suite) => suite.copiesDistrictOnServer) ? await server.keepDistrict() : null;
        printLines(`PostgreSQL: ${server.label}`, [
          { label: `the ${employees.toLocaleString('en-US')}-employee database moved onto the server (migrate-db: ${moved.result.tables.length} tables, ${rows.toLocaleString('en-US')} rows, COPY, checked per table)`, value: fmt(moved.ms) },
          ...(keptMs === null ? [] : [{ label: 'a copy of it kept on the server for the suites that write (CREATE DATABASE … TEMPLATE)', value: fmt(keptMs) }]),
        ]);
        console.log('\n=== Suites on the desk\'s SQLite file ===');
        Object.assign(figures, runSuites(built.dbPath, 'sqlite'));
        console.log('\n=== The same suites on the PostgreSQL server ===');
        const onServer = runSuites(server.url, 'postgres');
        figures.postgres = { migrateMs: moved.ms, migratedRows: rows, ...onServer };
        printSideBySide(figures, onServer);
      } finally {
        await server.stop();
      }
    } else {
      Object.assign(figures, runSuites(built.dbPath, 'sqlite'));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const out = option('json');
  if (out) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(figures, null, 2));
  }
}

async function child() {
  const dbPath = option('db')!;
  const asOf = option('as-of')!;
  const figures: Record<string, unknown> = {};
  /** The process's RSS after each suite (MB): which suite leaves memory behind. */
  const rssAfter: Record<string, number> = {};
  const host = await startHost({ dbPath, transport: 'test', create: false, clock: fixedClock(asOf) });
  rssAfter.start = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const context: BenchContext = {
    dir: option('dir')!, asOf, employees: Number(option('employees')), host, dbPath, ...benchDatabase(host),
    record: (suite, data) => (figures[suite] = data),
  };
  try {
    for (const suite of chosenSuites()) {
      if (context.onServer && suite.notOnServer) {
        console.log(`\n${suite.name}: not run on the server (${suite.notOnServer})`);
        continue;
      }
      if (!context.onServer && suite.onlyOnServer) {
        if (option('only')) console.log(`\n${suite.name}: runs on a server only (${suite.onlyOnServer}); add --db postgres`);
        continue;
      }
      await suite.run(context);
      rssAfter[suite.name] = Math.round(process.memoryUsage().rss / 1024 / 1024);
    }
  } finally {
    await host.close();
  }
  const rss = process.memoryUsage().rss;
  printLines('Memory of the app-like process (host + all suites above)', [
    { label: 'peak-ish RSS at the end', value: `${Math.round(rss / 1024 / 1024)} MB`, budget: '≤ 400 MB', pass: rss <= 400 * 1024 * 1024 },
    { label: '  after the host opened, then after each suite', value: Object.entries(rssAfter).map(([name, mb]) => `${name} ${mb}`).join(', ') },
  ]);
  figures.memory = { rssMb: Math.round(rss / 1024 / 1024), rssAfterMb: rssAfter };
  fs.writeFileSync(option('figures')!, JSON.stringify(figures));
}

/** Every timing both runs recorded (a p50, p95, max or median in ms), SQLite beside PostgreSQL. A dashboard's p95
 *  on the server may be at most twice the file's (and within its own budget, printed by its suite above). Beside
 *  them the memory figures (…Mb) and the rows an import wrote (…Written), which must be the same on both. */
function printSideBySide(sqlite: Record<string, unknown>, server: Record<string, unknown>): void {
  const lines: Parameters<typeof printLines>[1] = [];
  for (const [suite, figures] of Object.entries(server)) {
    const mine = sqlite[suite];
    if (!figures || typeof figures !== 'object' || !mine || typeof mine !== 'object') continue;
    for (const [key, value] of Object.entries(figures as Record<string, unknown>)) {
      const base = (mine as Record<string, unknown>)[key];
      if (typeof value !== 'number' || typeof base !== 'number') continue;
      if (key.endsWith('Written')) {
        lines.push({ label: `${suite} ${key}`, value: `${base.toLocaleString('en-US')} → ${value.toLocaleString('en-US')} rows`, budget: 'the same', pass: value === base });
        continue;
      }
      if (key.endsWith('Mb') && base > 0) {
        lines.push({ label: `${suite} ${key}`, value: `${base} MB → ${value} MB  (${(value / base).toFixed(2)}×)` });
        continue;
      }
      if (!/(P50|P95|Max|Median|Ms)$/.test(key) || base <= 0) continue;
      const ratio = value / base;
      const dashboard = key.endsWith('P95');
      lines.push({
        label: `${suite} ${key}`, value: `${fmt(base)} → ${fmt(value)}  (${ratio.toFixed(2)}×)`,
        ...(dashboard ? { budget: '≤ 2× SQLite', pass: ratio <= 2 } : {}),
      });
    }
  }
  printLines('SQLite file → PostgreSQL server, the same calls', lines);
}

(process.argv.includes('--desk') ? deskMain(option('desk')!) : process.argv.includes('--child') ? child() : parent()).catch((error) => {
  console.error(error);
  process.exit(1);
});
