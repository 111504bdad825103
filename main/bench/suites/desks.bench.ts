// Ten desks on one PostgreSQL server (team mode): ten processes, each a desk's Jenjang with its own host and
// connection pool on the same server, start together and work through the same mix of calls a desk makes: search
// as you type, a Pegawai list page, a profile, an edit of an employee other desks also edit, and a dashboard.
// Printed: p50/p95 per kind of call over every desk (budget: search p95 ≤ 50 ms), and the check that no update was
// lost: every accepted edit moved its employee's version by one, and the stored value is the last accepted one.
// Only on a server: a desk's file has one desk (its many clients are the concurrency suite).

import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { Random } from '../../demo/random';
import { employeeInputFromProfile } from '../../../shared/schemas/employees';
import { startHost } from '../../host';
import { fixedClock } from '../../services/clock';
import type { BenchSuite } from '../context';
import { fmt, median, percentile, printLines } from '../measure';

const DESKS = 10;
const ROUNDS = 12;
/** Employees every desk edits, so that edits meet: few enough that desks often open the same one. */
const SHARED_EDITS = 8;
/** A person's pause between two actions (reading the screen); the calls themselves run back to back. */
const PAUSE_MS = 30;

type Kind = 'search' | 'list' | 'profile' | 'edit' | 'dashboard';
interface DeskPlan { url: string; asOf: string; desk: number; names: string[]; editIds: number[]; unitIds: number[] }
interface DeskReport { times: Record<Kind, number[]>; accepted: Array<{ id: number; version: number; phone: string }>; refused: number; errors: string[] }

export const desksSuite: BenchSuite = {
  name: 'desks',
  onlyOnServer: 'ten desks share one database only in team mode; the clients of one desk\'s file are the concurrency suite',
  async run({ dbPath, asOf, query, record }) {
    const names = (await query<{ name: string }>(`SELECT name FROM employee WHERE status = 'active' ORDER BY id LIMIT 400`)).map((r) => r.name);
    const editIds = (await query<{ id: number }>(`SELECT id FROM employee WHERE status = 'active' ORDER BY id DESC LIMIT ${SHARED_EDITS}`)).map((r) => Number(r.id));
    const unitIds = (await query<{ id: number }>('SELECT id FROM unit WHERE depth = 0')).map((r) => Number(r.id));
    const before = new Map((await query<{ id: number; version: number }>(`SELECT id, version FROM employee WHERE id IN (${editIds.join(',')})`)).map((r) => [Number(r.id), Number(r.version)]));

    const reports = await Promise.all(Array.from({ length: DESKS }, (_, desk) => runDesk({ url: dbPath, asOf, desk, names, editIds, unitIds })));
    const desksReady = reports.length;

    // No lost update: per employee, the accepted edits are as many as its version moved, and the stored phone is
    // the one the highest accepted version wrote.
    const after = new Map((await query<{ id: number; version: number; phone: string | null }>(`SELECT id, version, phone FROM employee WHERE id IN (${editIds.join(',')})`))
      .map((r) => [Number(r.id), { version: Number(r.version), phone: r.phone }]));
    const accepted = reports.flatMap((r) => r.accepted);
    let lost = 0;
    for (const id of editIds) {
      const mine = accepted.filter((a) => a.id === id).sort((a, b) => a.version - b.version);
      const stored = after.get(id)!;
      if (stored.version - before.get(id)! !== mine.length) lost += 1;
      else if (mine.length > 0 && mine.at(-1)!.phone !== stored.phone) lost += 1;
    }
    const errors = reports.flatMap((r) => r.errors);
    if (errors.length > 0) throw new Error(`desks: ${errors.length} calls failed, e.g. ${errors[0]}`);

    const kinds: Kind[] = ['search', 'list', 'profile', 'edit', 'dashboard'];
    const all = (kind: Kind) => reports.flatMap((r) => r.times[kind]);
    const searchP95 = percentile(all('search'), 95);
    const refused = reports.reduce((n, r) => n + r.refused, 0);
    printLines(`${desksReady} desks at once on one server (${ROUNDS} rounds each, a ${PAUSE_MS} ms pause between actions)`, [
      ...kinds.map((kind) => ({
        label: `${kind}, ${all(kind).length} calls`, value: `p50 ${fmt(median(all(kind)))}, p95 ${fmt(percentile(all(kind), 95))}, max ${fmt(Math.max(...all(kind)))}`,
        ...(kind === 'search' ? { budget: 'p95 ≤ 50 ms', pass: searchP95 <= 50 } : {}),
      })),
      { label: `edits of ${SHARED_EDITS} shared employees: accepted / refused as stale`, value: `${accepted.length} / ${refused}` },
      { label: 'employees whose update was lost', value: String(lost), budget: '0', pass: lost === 0 },
    ]);
    record('desks', {
      desks: desksReady, ...Object.fromEntries(kinds.flatMap((kind) => [[`${kind}P50`, median(all(kind))], [`${kind}P95`, percentile(all(kind), 95)]])),
      editsAccepted: accepted.length, editsRefused: refused, lostUpdates: lost,
    });
  },
};

/** Starts one desk process (this same script with `--desk`) and resolves with its report. */
function runDesk(plan: DeskPlan): Promise<DeskReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], '--desk', JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let report: DeskReport | null = null;
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) report = JSON.parse(line) as DeskReport;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && report ? resolve(report) : reject(new Error(`desk ${plan.desk} ended with code ${code}`))));
  });
}

/** One desk: its own host on the server, then the rounds. Prints its report as one JSON line. */
export async function deskMain(planText: string): Promise<void> {
  const plan = JSON.parse(planText) as DeskPlan;
  const rng = new Random(1000 + plan.desk);
  const host = await startHost({ dbPath: plan.url, transport: 'test', create: false, clock: fixedClock(plan.asOf), log: () => undefined });
  const report: DeskReport = { times: { search: [], list: [], profile: [], edit: [], dashboard: [] }, accepted: [], refused: 0, errors: [] };
  const timed = async <T>(kind: Kind, call: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await call();
    report.times[kind].push(performance.now() - start);
    return result;
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Search as you type: three keystrokes of a name.
      const word = rng.pick(plan.names).split(' ')[0];
      for (let n = 3; n <= Math.min(5, word.length); n++) {
        const result = await timed('search', () => host.call('employees:list', { search: word.slice(0, n), status: ['active'], limit: 100 }));
        if (!result.ok) report.errors.push(result.error.message);
      }
      await pause();
      const page = await timed('list', () => host.call('employees:list', {
        status: ['active'], unitId: rng.chance(0.5) ? rng.pick(plan.unitIds) : undefined,
        sort: { field: rng.pick(['name', 'unit', 'golongan'] as const), direction: 'asc' }, offset: rng.int(0, 20) * 100, limit: 100,
      }));
      if (!page.ok) report.errors.push(page.error.message);
      await pause();
      const id = rng.pick(plan.editIds);
      const profile = await timed('profile', () => host.call('employees:get', { id }));
      if (!profile.ok) {
        report.errors.push(profile.error.message);
        continue;
      }
      await pause();
      const phone = `08${String(plan.desk).padStart(2, '0')}${String(round).padStart(8, '0')}`;
      const saved = await timed('edit', () => host.call('employees:update', { id, version: profile.data.version, input: { ...employeeInputFromProfile(profile.data), phone } }));
      if (saved.ok) report.accepted.push({ id, version: saved.data.version, phone });
      else if (saved.error.code === 'conflict') report.refused += 1;
      else report.errors.push(saved.error.message);
      await pause();
      const year = Number(plan.asOf.slice(0, 4)) - 1;
      const dashboard = round % 2 === 0
        ? await timed('dashboard', () => host.call('talent:ninebox', { year, peoplePerBox: 6 }))
        : await timed('dashboard', () => host.call('training:compliance', { year }));
      if (!dashboard.ok) report.errors.push(dashboard.error.message);
      await pause();
    }
  } finally {
    await host.close();
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
