// Succession figures: the Suksesi overview for 1,000 key positions (budget ≤ 200 ms) and ranking the
// candidates for one position over the whole district (budget ≤ 300 ms), through the dispatcher.
//
// The suite works on a copy of the bench database, so what it adds cannot change another suite's figures (on a
// server: a database copied from the district as the bench moved it there, before any suite ran; the suites before
// this one write nothing that stays):
// - key positions up to 1,000 (the 50,000-employee demo has ~250: every pengawas post is marked key, and
//   synthetic pengawas posts are added, held by S-1 pelaksana, whose BUP stays 58);
// - saved plans for 40 % of the key posts;
// - where the other capabilities' demo data is absent (their tables empty), synthetic rows of the volume they
//   will have, so the ranking reads realistic data through the adapter: a competency standard for every
//   structural post and current levels for 60 % of the employees, five years of annual SKP, one talent
//   session, and four trainings per employee with the leadership trainings of structural staff.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { POSITION_LEVELS, positionLevelInfo } from '../../../shared/domain/position';
import { backupOpenDatabase } from '../../db/backup';
import { refreshDerived } from '../../db/derived';
import { insertReturningId, isFalse, isPostgres, isTrue } from '../../db/sql/dialect';
import type { Run } from '../../db/sql/run';
import { refreshSuccessionFacts } from '../../db/sql/succession/facts.sql';
import { Random } from '../../demo/random';
import { startHost, type JenjangHost } from '../../host';
import { fixedClock } from '../../services/clock';
import { createServerDatabase, districtTemplateOf, dropServerDatabase } from '../bench-server';
import { benchDatabase, type BenchSuite } from '../context';
import { fmt, median, percentile, printLines, timeMs } from '../measure';

const KEY_TARGET = 1000;

/** The suite's copy of the bench database: a file beside the others, or a database of the same server. */
async function copyOfBenchDatabase(host: JenjangHost, dir: string, onServer: boolean, dbPath: string): Promise<{ target: string; remove(): Promise<void> }> {
  if (onServer) {
    const name = `${decodeURIComponent(new URL(dbPath).pathname.slice(1))}_succession`;
    return { target: await createServerDatabase(dbPath, name, districtTemplateOf(dbPath)), remove: () => dropServerDatabase(dbPath, name) };
  }
  const copy = path.join(dir, 'succession-bench.sqlite');
  await backupOpenDatabase(host.services.dataSource, copy);
  return {
    target: copy,
    remove: async () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
    },
  };
}

export const successionSuite: BenchSuite = {
  name: 'succession',
  copiesDistrictOnServer: true,
  async run({ host, dir, asOf, record, onServer, dbPath }) {
    const copy = await copyOfBenchDatabase(host, dir, onServer, dbPath);
    // The additions are written by a separate process, so the memory figure of this app-like process is not
    // inflated by what only the bench does.
    const { ms: prepareMs, result: added } = await timeMs(() => prepareInChildProcess(copy.target, asOf));
    const bench = await startHost({ dbPath: copy.target, transport: 'test', create: false, clock: fixedClock(asOf) });
    try {
      const { query } = benchDatabase(bench);
      const dialect = onServer ? 'postgres' : 'sqlite';
      const count = async (sql: string) => Number((await query<{ n: number | string }>(sql))[0].n);
      const keyPositions = await count(`SELECT COUNT(*) n FROM position WHERE ${isTrue(dialect, 'is_key')} AND ${isTrue(dialect, 'active')}`);
      const employees = await count(`SELECT COUNT(*) n FROM employee WHERE status = 'active'`);

      const call = async <T>(channel: string, payload: unknown) => {
        const { ms, result } = await timeMs(() => bench.dispatch(channel, payload));
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
        return { ms, data: result.data as T };
      };

      // Overview: warm up, then 40 calls.
      for (let i = 0; i < 3; i++) await call('succession:overview', {});
      const overviewTimes: number[] = [];
      for (let i = 0; i < 40; i++) overviewTimes.push((await call('succession:overview', {})).ms);

      // Ranking: 10 key posts of each structural level (fewer where the district has fewer).
      const rng = new Random(606);
      const sample: Array<{ id: number; level: string }> = [];
      for (const level of ['jpt_pratama', 'administrator', 'pengawas']) {
        const ids = (await query<{ id: number }>(`SELECT id FROM position WHERE ${isTrue(dialect, 'is_key')} AND level = ? ORDER BY id`, [level])).map((r) => Number(r.id));
        for (const id of rng.shuffle(ids).slice(0, 10)) sample.push({ id, level });
      }
      await call('succession:rank', { positionId: sample[0].id });
      const rankTimes: number[] = [];
      const byLevel = new Map<string, number[]>();
      const eligibleCounts: number[] = [];
      // Three rounds over the sample: a shared 2-core machine is noisy, more calls give a steadier p95.
      for (let round = 0; round < 3; round++) {
        for (const s of sample) {
          const { ms, data } = await call<{ eligible: number }>('succession:rank', { positionId: s.id });
          rankTimes.push(ms);
          if (round === 0) eligibleCounts.push(data.eligible);
          byLevel.set(s.level, [...(byLevel.get(s.level) ?? []), ms]);
        }
      }
      const withIneligible: number[] = [];
      for (const s of sample.slice(0, 15)) withIneligible.push((await call('succession:rank', { positionId: s.id, includeIneligible: true, offset: 100, limit: 50 })).ms);
      const detailTimes: number[] = [];
      for (const s of sample) detailTimes.push((await call('succession:position', { positionId: s.id })).ms);
      const statsMs = (await timeMs(() => bench.services.succession.statsSection(asOf))).ms;

      const overviewP95 = percentile(overviewTimes, 95);
      const rankP95 = percentile(rankTimes, 95);
      printLines(`Succession over ${employees.toLocaleString('en-US')} active employees, ${keyPositions.toLocaleString('en-US')} key positions (through the dispatcher; on a copy)`, [
        { label: 'prepared on the copy', value: `${fmt(prepareMs)}: ${Object.entries(added).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}` },
        { label: `Suksesi overview, ${overviewTimes.length} calls`, value: `p50 ${fmt(median(overviewTimes))}, p95 ${fmt(overviewP95)}`, budget: '≤ 200 ms', pass: overviewP95 <= 200 },
        { label: `ranking for one position, ${rankTimes.length} calls (${sample.length} positions × 3)`, value: `p50 ${fmt(median(rankTimes))}, p95 ${fmt(rankP95)}, max ${fmt(Math.max(...rankTimes))}`, budget: '≤ 300 ms', pass: rankP95 <= 300 },
        ...[...byLevel].map(([level, times]) => ({ label: `  ${positionLevelInfo(level)?.label ?? level}`, value: `p50 ${fmt(median(times))}, max ${fmt(Math.max(...times))}` })),
        { label: '  eligible candidates per position', value: `median ${median(eligibleCounts).toLocaleString('en-US')}, max ${Math.max(...eligibleCounts).toLocaleString('en-US')}` },
        { label: 'ranking with the ineligible listed (page 3)', value: `p50 ${fmt(median(withIneligible))}, p95 ${fmt(percentile(withIneligible, 95))} (on request; no budget)` },
        { label: 'position page (plan, checklists, chain)', value: `p50 ${fmt(median(detailTimes))}, p95 ${fmt(percentile(detailTimes, 95))}` },
        { label: 'stats section "succession"', value: fmt(statsMs) },
      ]);
      record('succession', {
        employees, keyPositions, added, prepareMs,
        overviewP50: median(overviewTimes), overviewP95, rankP50: median(rankTimes), rankP95, rankMax: Math.max(...rankTimes),
        rankWithIneligibleP50: median(withIneligible), positionP95: percentile(detailTimes, 95), statsMs,
      });
    } finally {
      await bench.close();
      await copy.remove();
    }
  },
};

/** `dbPath`: the copy's file, or its postgres:// URL. */
function prepareInChildProcess(dbPath: string, asOf: string): Record<string, number> {
  // The source file: the bench's child runs from a bundle (child-build.ts); this helper starts through tsx.
  const self = path.resolve('main/bench/suites/succession.bench.ts');
  const child = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), self, '--prepare-succession', dbPath, asOf], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`succession bench preparation failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

if (process.argv[2] === '--prepare-succession') {
  const [, , , dbPath, asOf] = process.argv;
  startHost({ dbPath, transport: 'test', create: false, clock: fixedClock(asOf) })
    .then(async (h) => {
      const added = await prepare(h, asOf);
      await h.close();
      console.log(JSON.stringify(added));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}

/** A table's rows in multi-row INSERTs of up to ROWS_PER_INSERT rows: on a server one round trip per statement
 *  instead of one per row; on a file bulkRun prepares each statement text once per transaction. */
const ROWS_PER_INSERT = 400;
function batchInsert(run: Run, head: string, columns: number) {
  const pending: unknown[][] = [];
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  let rows = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await run(`${head} VALUES ${pending.map(() => row).join(', ')}`, pending.flat());
    pending.length = 0;
  };
  return {
    async add(values: unknown[]) {
      pending.push(values);
      rows++;
      if (pending.length >= ROWS_PER_INSERT) await flush();
    },
    /** Writes what is pending; answers how many rows were added in all. */
    async finish() {
      await flush();
      return rows;
    },
  };
}

/** Adds key positions, plans and (where absent) the other capabilities' data, in one write transaction on either
 *  database (the same rows on both: one random stream, drawn in the same order); returns what it added. */
export async function prepare(host: JenjangHost, asOf: string): Promise<Record<string, number>> {
  const { query, writeTransaction } = benchDatabase(host);
  const rng = new Random(2606);
  const added: Record<string, number> = {};
  const now = `${asOf}T08:00:00.000Z`;
  const year = Number(asOf.slice(0, 4));
  // In id order: the synthetic data below draws from one random stream per person, so the order fixes who gets what.
  const active = (await query<{ id: number; level: string }>(`SELECT e.id, p.level FROM employee e JOIN position p ON p.id = e.position_id WHERE e.status = 'active' ORDER BY e.id`))
    .map((e) => ({ id: Number(e.id), level: e.level }));

  await writeTransaction(async (run) => {
    const rows = <T>(sql: string, params: unknown[] = []) => run(sql, params) as Promise<T[]>;
    const count = async (sql: string, params: unknown[] = []) => Number((await rows<{ n: number | string }>(sql, params))[0].n);
    const ids = async (sql: string) => (await rows<{ id: number }>(sql)).map((r) => Number(r.id));
    const TRUE = isPostgres(run) ? 'TRUE' : '1';
    // Key positions up to KEY_TARGET: every pengawas post, then synthetic pengawas posts with incumbents.
    added.markedKey = await count(`SELECT COUNT(*) n FROM position WHERE level = 'pengawas' AND ${isFalse(run, 'is_key')}`);
    await run(`UPDATE position SET is_key = ${TRUE} WHERE level = 'pengawas' AND ${isFalse(run, 'is_key')}`, []);
    const missing = KEY_TARGET - await count(`SELECT COUNT(*) n FROM position WHERE ${isTrue(run, 'is_key')} AND ${isTrue(run, 'active')}`);
    if (missing > 0) {
      const units = await ids(`SELECT id FROM unit WHERE depth >= 1 ORDER BY id`);
      const holders = await ids(`SELECT e.id FROM employee e JOIN position p ON p.id = e.position_id
        WHERE e.status = 'active' AND p.level = 'pelaksana' AND e.education_level IN ('S1', 'D4') AND e.employment_type = 'PNS' ORDER BY e.id`);
      rng.shuffle(holders);
      const moved: number[] = [];
      for (let i = 0; i < missing; i++) {
        const unitId = rng.pick(units);
        const positionId = await insertReturningId(run, `INSERT INTO position (code, name, kind, level, eselon, unit_id, min_golongan, max_golongan, is_key, quota, active)
          VALUES (?, ?, 'pengawas', 'pengawas', 'IV.a', ?, 33, 34, ${TRUE}, 1, ${TRUE})`, [`bench-sintetis-${i}`, `Kepala Seksi Sintetis ${i + 1}`, unitId]);
        if (rng.chance(0.95) && holders.length > 0) {
          const holder = holders.pop()!;
          await run('UPDATE employee SET position_id = ?, position_tmt = ?, unit_id = ? WHERE id = ?', [positionId, `${year - rng.int(1, 8)}-0${rng.int(1, 9)}-01`, unitId, holder]);
          moved.push(holder);
        }
      }
      await refreshDerived(run, 'employee', moved);
      added.syntheticKeyPosts = missing;
    }

    // Other capabilities' data, only where their tables are empty (their demo data not merged yet).
    if (await count('SELECT COUNT(*) n FROM competency_definition') === 0) {
      const names = ['Integritas', 'Kerjasama', 'Komunikasi', 'Orientasi pada Hasil', 'Pelayanan Publik', 'Pengembangan Diri dan Orang Lain', 'Mengelola Perubahan', 'Pengambilan Keputusan'];
      const definition = (code: string, name: string, group: string, order: number) =>
        run(`INSERT INTO competency_definition (code, name, "group", sort_order, active) VALUES (?, ?, ?, ?, ${TRUE})`, [code, name, group, order]);
      for (const [i, n] of names.entries()) await definition(`M.0${i + 1}`, n, 'manajerial', i);
      await definition('SK.01', 'Perekat Bangsa', 'sosial_kultural', 9);
      added.competencies = 9;
    }
    const competencyIds = await ids('SELECT id FROM competency_definition ORDER BY sort_order LIMIT 9');
    if (await count('SELECT COUNT(*) n FROM position_competency_standard') === 0) {
      const standards = batchInsert(run, 'INSERT INTO position_competency_standard (position_id, competency_id, required_level)', 3);
      const posts = await rows<{ id: number; level: string }>(`SELECT id, level FROM position WHERE kind IN ('jpt', 'administrator', 'pengawas')`);
      for (const p of posts) for (const c of competencyIds) await standards.add([Number(p.id), c, positionLevelInfo(p.level)!.defaultManagerialLevel]);
      added.standards = await standards.finish();
    }
    if (await count('SELECT COUNT(*) n FROM employee_competency_current') === 0) {
      const current = batchInsert(run, 'INSERT INTO employee_competency_current (employee_id, competency_id, level, assessed_on, assessment_id)', 5);
      let n = 0;
      for (const e of active) {
        if (!rng.chance(0.6)) continue;
        const base = POSITION_LEVELS.find((l) => l.code === e.level)?.defaultManagerialLevel ?? 2;
        for (const c of competencyIds) await current.add([e.id, c, Math.max(1, Math.min(5, base + rng.int(-1, 1) + (rng.chance(0.2) ? 1 : 0))), `${year - rng.int(0, 3)}-06-01`, ++n]);
      }
      added.competencyLevels = await current.finish();
    }
    if (await count('SELECT COUNT(*) n FROM performance_evaluation') === 0) {
      const skp = batchInsert(run, 'INSERT INTO performance_evaluation (employee_id, year, period, regime, predikat, legacy_score, legacy_label, source, created_at)', 9);
      for (const e of active) {
        for (let y = year - 5; y < year; y++) {
          if (y < 2022) {
            const score = rng.int(70, 95);
            await skp.add([e.id, y, 'tahunan', 'PP30_2019', null, score, score >= 91 ? 'Sangat Baik' : score >= 76 ? 'Baik' : 'Cukup', 'bench', now]);
          } else {
            await skp.add([e.id, y, 'tahunan', 'PMPANRB6_2022', rng.weighted([['sangat_baik', 15], ['baik', 70], ['butuh_perbaikan', 10], ['kurang', 4], ['sangat_kurang', 1]] as const), null, null, 'bench', now]);
          }
        }
      }
      added.skpRows = await skp.finish();
    }
    if (await count('SELECT COUNT(*) n FROM talent_placement') === 0) {
      const sessionId = await insertReturningId(run, `INSERT INTO talent_session (year, name, status, created_by, created_at) VALUES (?, 'Sidang Komite Talenta (bench)', 'ditetapkan', 'bench', ?)`, [year - 1, now]);
      const place = batchInsert(run, 'INSERT INTO talent_placement (session_id, employee_id, year, kinerja_axis, potensi_axis, computed_box, created_at)', 7);
      const boxes: Record<string, number> = { '00': 1, '10': 2, '01': 3, '20': 4, '11': 5, '02': 6, '21': 7, '12': 8, '22': 9 };
      for (const e of active) {
        if (!rng.chance(0.7)) continue;
        const k = rng.int(0, 2);
        const p = rng.int(0, 2);
        await place.add([sessionId, e.id, year - 1, ['di_bawah', 'sesuai', 'di_atas'][k], ['rendah', 'menengah', 'tinggi'][p], boxes[`${k}${p}`], now]);
      }
      added.talentPlacements = await place.finish();
    }
    if (await count('SELECT COUNT(*) n FROM training_record') === 0) {
      const training = batchInsert(run, 'INSERT INTO training_record (employee_id, title, type, start_date, end_date, jp, source, created_at)', 8);
      const leadership: Record<string, string[]> = { pengawas: ['pkp'], administrator: ['pkp', 'pka'], jpt_pratama: ['pkp', 'pka', 'pkn_2'] };
      for (const e of active) {
        const types = [...Array.from({ length: 4 }, () => rng.pick(['teknis', 'seminar', 'bimtek', 'e_learning', 'workshop'])), ...(rng.chance(0.8) ? leadership[e.level] ?? [] : [])];
        for (const type of types) {
          const y = year - rng.int(0, 9);
          await training.add([e.id, `Pelatihan ${type}`, type, `${y}-03-01`, `${y}-03-20`, rng.int(8, 40), 'bench', now]);
        }
      }
      added.trainings = await training.finish();
    }

    // Plans for 40 % of the key posts, one to four successors one rung below.
    const keyPosts = await rows<{ id: number; level: string }>(`SELECT p.id, p.level FROM position p WHERE ${isTrue(run, 'p.is_key')} AND NOT EXISTS (SELECT 1 FROM succession_plan sp WHERE sp.position_id = p.id)`);
    const feeder: Record<string, string[]> = { jpt_pratama: ['administrator', 'ahli_madya'], administrator: ['pengawas', 'ahli_muda'], pengawas: ['pelaksana', 'ahli_pertama', 'penyelia'] };
    const byLevel = new Map<string, number[]>();
    for (const e of active) byLevel.set(e.level, [...(byLevel.get(e.level) ?? []), e.id]);
    // A successor drawn twice for one plan is left out (the plan holds each employee once).
    const candidates = batchInsert(run, 'INSERT INTO succession_candidate (plan_id, employee_id, readiness, rank, notes, added_by, added_at)', 7);
    let plans = 0;
    for (const post of keyPosts) {
      if (!rng.chance(0.4)) continue;
      const pool = (feeder[post.level] ?? []).flatMap((l) => byLevel.get(l) ?? []);
      if (pool.length === 0) continue;
      const planId = await insertReturningId(run, `INSERT INTO succession_plan (position_id, notes, revision, updated_by, updated_at, created_at) VALUES (?, NULL, 1, 'bench', ?, ?)`, [Number(post.id), now, now]);
      plans++;
      await run(`INSERT INTO succession_plan_revision (plan_id, revision, saved_by, saved_at, summary, snapshot) VALUES (?, 1, 'bench', ?, 'bench', '{"candidates":[]}')`, [planId, now]);
      const chosen = new Set<number>();
      for (let r = 1; r <= rng.int(1, 4); r++) {
        const employeeId = rng.pick(pool);
        const readiness = rng.weighted([['siap_sekarang', 30], ['siap_1_2_tahun', 45], ['siap_lebih_2_tahun', 25]] as const);
        if (chosen.has(employeeId)) continue;
        chosen.add(employeeId);
        await candidates.add([planId, employeeId, readiness, r, null, 'bench', now]);
      }
    }
    await candidates.finish();
    added.plans = plans;
    // The synthetic rows above bypass the writers, so refresh what they would have refreshed.
    await refreshSuccessionFacts(run, 'all');
    added.factsRows = await count('SELECT COUNT(*) n FROM succession_employee_facts');
  });
  // Fresh planner statistics for the rows added (on a server too: its autovacuum would take its time).
  await query('ANALYZE');
  return added;
}
