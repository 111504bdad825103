// `npm run bench`: builds a 50,000-employee database with the demo generator (generation and insert rate
// beside a raw better-sqlite3 baseline in the same run), then runs every suite in a child process that does
// only what the app's main process does, and prints medians and percentiles against the budgets.
// Options: --employees N (default 50000), --only NAME[,NAME…] (only these suites), --json FILE (write all figures).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from '../host';
import { clockFromEnvironment, fixedClock } from '../services/clock';
import { scratchDir, type BenchContext, type BenchSuite } from './context';
import { printLines } from './measure';
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

/** Every suite; each capability adds its own here. They run in this order on the shared database. */
// Concurrency runs last: it starts reader threads of its own, whose memory stays in the process figure below.
export const SUITES: BenchSuite[] = [employeeQueriesSuite, competencySuite, performanceSuite, encryptionSuite, developmentSuite, successionSuite, careerPathsSuite, careersSuite, qualitySuite, planSuite, reportsSuite, importSuite, concurrencySuite];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
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
    const figuresFile = path.join(dir, 'child-figures.json');
    const self = fileURLToPath(import.meta.url);
    const child = spawnSync(process.execPath, [
      path.resolve('node_modules/tsx/dist/cli.mjs'), self, '--child', '--db', built.dbPath, '--dir', dir, '--as-of', asOf,
      '--employees', String(employees), '--figures', figuresFile, ...(option('only') ? ['--only', option('only')!] : []),
    ], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`bench child failed with exit code ${child.status}`);
    Object.assign(figures, JSON.parse(fs.readFileSync(figuresFile, 'utf8')));
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
  const host = await startHost({ dbPath, transport: 'test', create: false, clock: fixedClock(asOf) });
  const context: BenchContext = {
    dir: option('dir')!, asOf, employees: Number(option('employees')), host, dbPath,
    record: (suite, data) => (figures[suite] = data),
  };
  try {
    for (const suite of SUITES) {
      if (option('only') && !option('only')!.split(',').includes(suite.name)) continue;
      await suite.run(context);
    }
  } finally {
    await host.close();
  }
  const rss = process.memoryUsage().rss;
  printLines('Memory of the app-like process (host + all suites above)', [
    { label: 'peak-ish RSS at the end', value: `${Math.round(rss / 1024 / 1024)} MB`, budget: '≤ 400 MB', pass: rss <= 400 * 1024 * 1024 },
  ]);
  figures.memory = { rssMb: Math.round(rss / 1024 / 1024) };
  fs.writeFileSync(option('figures')!, JSON.stringify(figures));
}

(process.argv.includes('--child') ? child() : parent()).catch((error) => {
  console.error(error);
  process.exit(1);
});
