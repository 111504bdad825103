import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { managerRun } from '../../main/db/sql/run';
import { tupleSourceOf } from '../../main/db/sql/tuples';
import type { FactsRow } from '../../main/db/sql/succession/ranking.sql';
import { CAREER_RULES_SETTINGS, disciplineRulesOf } from '../../main/services/development/career-rules.settings';
import { SuccessionRanking } from '../../main/services/succession/ranking';
import { resolveTarget } from '../../main/services/succession/targets';
import { basicFilterSpec, BASIC_CHECKS, CHECK_KEYS, compareEvaluations, golonganRankOf, type CandidateEvaluation, type CheckKey, type RankKey } from '../../shared/domain/succession';
import { inputFromProfile } from '../helpers/employee-input';
import { expectOk, openTestHost, queryOn, tempDir, TEST_TODAY } from '../helpers/temp-db';

// The ranking reads only the people who can qualify (the positions of the levels that pass, through an index,
// then the others' requirements in SQL). Here it is held to the straightforward computation: every active
// person's facts read by id and judged by the full TypeScript checklist (evaluateCandidate), sorted by the
// ranking order, for posts of every structural level, on page 1, deeper pages, the ineligible listing and a
// search.
describe('succession ranking against the straightforward computation (demo district, real database)', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 1500, seed: 33 });
  });
  afterAll(() => host.close());

  interface Reference { evaluated: number; eligibleIds: number[]; ineligibleIds: number[]; byReason: Array<{ key: CheckKey; count: number }>; evaluations: Map<number, CandidateEvaluation> }

  /** Everyone active but the incumbent (optionally only NIPs with this prefix), judged one by one in TypeScript. */
  async function reference(positionId: number, nipPrefix = ''): Promise<Reference> {
    const run = managerRun(host.services.dataSource);
    const settings = await host.services.succession.getSettings();
    const disciplineRules = disciplineRulesOf(await host.services.settings.section(CAREER_RULES_SETTINGS).get());
    const target = await resolveTarget(host.services.sql, run, positionId, settings, TEST_TODAY, disciplineRules);
    const ranking = new SuccessionRanking(host.services.sql, run, () => tupleSourceOf(host.services.dataSource));
    const people = (await q<{ id: number; nip: string; golongan: number | null; retirement_date: string | null }>(
      `SELECT id, nip, golongan, retirement_date FROM employee WHERE status = 'active' ORDER BY id`))
      .filter((p) => p.id !== target.incumbent?.employeeId && p.nip.startsWith(nipPrefix));
    const evaluations = await ranking.evaluate(people.map((p) => p.id), target, await ranking.standardOf(positionId));
    expect(evaluations.size).toBe(people.length);
    const keys: RankKey[] = people.map((p) => {
      const e = evaluations.get(p.id)!;
      // Unmet requirements: the basic ones; for those who meet every basic one, the SKP.
      const basic = e.failed.filter((k) => BASIC_CHECKS.includes(k)).length;
      const failedCount = basic > 0 ? basic : e.failed.includes('skp') ? 1 : 0;
      return { employeeId: p.id, eligible: e.eligible, score: e.score, coverage: e.coverage, failedCount, golonganRank: golonganRankOf(p.golongan), retirementDate: p.retirement_date };
    }).sort(compareEvaluations);
    // The reason counts: each basic requirement over everyone; SKP over those who pass the basic ones.
    const counts = new Map<CheckKey, number>();
    for (const e of evaluations.values()) {
      const basic = e.failed.filter((k) => BASIC_CHECKS.includes(k));
      for (const k of basic) counts.set(k, (counts.get(k) ?? 0) + 1);
      if (basic.length === 0 && e.failed.includes('skp')) counts.set('skp', (counts.get('skp') ?? 0) + 1);
    }
    return {
      evaluated: people.length,
      eligibleIds: keys.filter((k) => k.eligible).map((k) => k.employeeId),
      ineligibleIds: keys.filter((k) => !k.eligible).map((k) => k.employeeId),
      byReason: CHECK_KEYS.filter((k) => counts.has(k)).map((key) => ({ key, count: counts.get(key)! })),
      evaluations,
    };
  }

  /** Posts of every structural level: with and without an incumbent, key or not. */
  async function posts() {
    const rows: Array<{ id: number }> = [];
    for (const level of ['jpt_pratama', 'administrator', 'pengawas']) {
      rows.push(...await q<{ id: number }>(
        `SELECT p.id FROM position p WHERE p.level = ? AND EXISTS (SELECT 1 FROM employee e WHERE e.position_id = p.id AND e.status = 'active') ORDER BY p.is_key DESC, p.id LIMIT 2`, [level]));
      rows.push(...await q<{ id: number }>(
        `SELECT p.id FROM position p WHERE p.level = ? AND NOT EXISTS (SELECT 1 FROM employee e WHERE e.position_id = p.id AND e.status = 'active') ORDER BY p.id LIMIT 1`, [level]));
    }
    return rows.map((r) => r.id);
  }

  it('gives the same counts, order, scores and checklists on page 1 and deeper pages for posts of every level', async () => {
    const ids = await posts();
    expect(ids.length).toBeGreaterThanOrEqual(6);
    let pagesCompared = 0;
    for (const positionId of ids) {
      const ref = await reference(positionId);
      const first = expectOk(await host.call('succession:rank', { positionId, limit: 50 }));
      expect(first.evaluated, `post ${positionId}`).toBe(ref.evaluated);
      expect(first.eligible, `post ${positionId}`).toBe(ref.eligibleIds.length);
      expect(first.total).toBe(ref.eligibleIds.length);
      expect(first.ineligible).toBe(ref.evaluated - ref.eligibleIds.length);
      expect(first.ineligibleByReason.map(({ key, count }) => ({ key, count })), `post ${positionId}`).toEqual(ref.byReason);
      expect(first.rows.map((r) => r.employeeId), `post ${positionId}`).toEqual(ref.eligibleIds.slice(0, 50));
      for (const row of first.rows) {
        const e = ref.evaluations.get(row.employeeId)!;
        expect({ score: row.score, coverage: row.coverage, checklist: row.checklist, components: row.components }).toEqual({ score: e.score, coverage: e.coverage, checklist: e.checklist, components: e.components });
      }
      if (ref.eligibleIds.length > 60) {
        const deeper = expectOk(await host.call('succession:rank', { positionId, offset: 40, limit: 30 }));
        expect(deeper.rows.map((r) => r.employeeId)).toEqual(ref.eligibleIds.slice(40, 70));
        expect(deeper.rows.map((r) => r.rank)).toEqual(deeper.rows.map((_, i) => 41 + i));
        pagesCompared++;
      }
    }
    expect(pagesCompared).toBeGreaterThan(0);
  });

  it('lists the ineligible after the eligible in the same order as the straightforward computation', async () => {
    for (const positionId of (await posts()).slice(0, 6)) {
      const ref = await reference(positionId);
      const order = [...ref.eligibleIds, ...ref.ineligibleIds];
      const firstPage = expectOk(await host.call('succession:rank', { positionId, includeIneligible: true, limit: 40 }));
      expect(firstPage.total).toBe(ref.evaluated);
      expect(firstPage.rows.map((r) => r.employeeId), `post ${positionId}`).toEqual(order.slice(0, 40));
      const page3 = expectOk(await host.call('succession:rank', { positionId, includeIneligible: true, offset: 100, limit: 50 }));
      expect(page3.rows.map((r) => r.employeeId), `post ${positionId}`).toEqual(order.slice(100, 150));
      for (const row of page3.rows) expect(row.failed).toEqual(ref.evaluations.get(row.employeeId)!.failed);
      expect(page3.ineligibleByReason.map(({ key, count }) => ({ key, count }))).toEqual(ref.byReason);
    }
  });

  it('gives the same answer for a search by NIP, with and without the ineligible', async () => {
    const [positionId] = await posts();
    // NIP begins with the date of birth: a birth year finds a few dozen people.
    const [{ prefix }] = await q<{ prefix: string }>(`SELECT substr(nip, 1, 4) AS prefix FROM employee WHERE status = 'active' GROUP BY prefix ORDER BY COUNT(*) DESC LIMIT 1`);
    const ref = await reference(positionId, prefix);
    expect(ref.evaluated).toBeGreaterThan(10);
    const eligibleOnly = expectOk(await host.call('succession:rank', { positionId, search: prefix, limit: 200 }));
    expect(eligibleOnly.evaluated).toBe(ref.evaluated);
    expect(eligibleOnly.rows.map((r) => r.employeeId)).toEqual(ref.eligibleIds.slice(0, 200));
    expect(eligibleOnly.ineligibleByReason.map(({ key, count }) => ({ key, count }))).toEqual(ref.byReason);
    const all = expectOk(await host.call('succession:rank', { positionId, search: prefix, includeIneligible: true, limit: 200 }));
    expect(all.rows.map((r) => r.employeeId)).toEqual([...ref.eligibleIds, ...ref.ineligibleIds].slice(0, 200));
  });

  it('judges each candidate in a batch as it judges them alone (values shared between people within one call)', async () => {
    // The ranking works out each distinct JPM sum, perangkat daerah field, history and training set once per call and
    // shares the result between the people who have it: a person judged alone must get the same checklist and score.
    const run = managerRun(host.services.dataSource);
    const settings = await host.services.succession.getSettings();
    const disciplineRules = disciplineRulesOf(await host.services.settings.section(CAREER_RULES_SETTINGS).get());
    let compared = 0;
    for (const positionId of (await posts()).slice(0, 4)) {
      const target = await resolveTarget(host.services.sql, run, positionId, settings, TEST_TODAY, disciplineRules);
      const ranking = new SuccessionRanking(host.services.sql, run, () => tupleSourceOf(host.services.dataSource));
      const standard = await ranking.standardOf(positionId);
      const page = expectOk(await host.call('succession:rank', { positionId, includeIneligible: true, limit: 60 }));
      const ids = page.rows.map((r) => r.employeeId);
      const batch = await ranking.evaluate(ids, target, standard);
      for (const id of ids) {
        const alone = (await ranking.evaluate([id], target, standard)).get(id)!;
        expect(batch.get(id), `post ${positionId}, employee ${id}`).toEqual(alone);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('reads the pool from the index with the same facts as from the employee rows, also after a move to another unit', async () => {
    // The pool's record and unit come from idx_employee_succession_basic; factsOf reads the same columns from the
    // employee rows. A person in a post without a rumpun counts in the field of the perangkat daerah of their unit.
    const run = managerRun(host.services.dataSource);
    const db = tupleSourceOf(host.services.dataSource);
    const sql = host.services.sql.succession.ranking;
    const settings = await host.services.succession.getSettings();
    const disciplineRules = disciplineRulesOf(await host.services.settings.section(CAREER_RULES_SETTINGS).get());
    const positionId = (await posts()).at(-1)!; // a pengawas post: its pool holds pelaksana formations without a rumpun
    const poolAndTable = async () => {
      const target = await resolveTarget(host.services.sql, run, positionId, settings, TEST_TODAY, disciplineRules);
      const pool = await sql.poolFacts(db, { targetPositionId: positionId, spec: basicFilterSpec(target.req, target.ctx), filter: null, excludeId: target.incumbent?.employeeId ?? null });
      const byId = (rows: FactsRow[]) => new Map(rows.map((r) => [r[0], r]));
      return { pool: byId(pool), table: byId(await sql.factsOf(db, pool.map((r) => r[0]), positionId)) };
    };
    const before = await poolAndTable();
    expect(before.pool.size).toBeGreaterThan(20);
    expect(before.pool).toEqual(before.table);
    // Someone in the pool whose post has no rumpun (their field is their perangkat daerah's), moved to a unit of
    // another perangkat daerah.
    const mover = [...before.pool.values()].find((r) => r[25] === null && r[26] !== null)!;
    expect(mover).toBeDefined();
    const [{ id: otherUnit, opd }] = await q<{ id: number; opd: string }>(
      `SELECT u.id, r.name AS opd FROM unit u JOIN unit r ON r.id = u.root_id WHERE r.name <> ? ORDER BY u.id LIMIT 1`, [mover[26]]);
    const profile = expectOk(await host.call('employees:get', { id: mover[0] }));
    expectOk(await host.call('employees:update', { id: mover[0], version: profile.version, input: { ...inputFromProfile(profile), unitId: otherUnit } }));
    const after = await poolAndTable();
    expect(after.pool).toEqual(after.table);
    expect(after.pool.get(mover[0])![26]).toBe(opd);
    // And the ranking still equals the straightforward computation.
    const ref = await reference(positionId);
    const ranked = expectOk(await host.call('succession:rank', { positionId, limit: 200 }));
    expect(ranked.rows.map((r) => r.employeeId)).toEqual(ref.eligibleIds.slice(0, 200));
  });

  it('follows an edit of golongan or education through the employee form at once', async () => {
    const positionId = (await posts())[3];
    const before = expectOk(await host.call('succession:rank', { positionId, limit: 5 }));
    expect(before.rows.length).toBeGreaterThanOrEqual(2);
    const reasons = (r: typeof before, key: string) => r.ineligibleByReason.find((x) => x.key === key)?.count ?? 0;
    const [lowered, schooled] = before.rows;
    const edit = async (employeeId: number, change: Record<string, unknown>) => {
      const profile = expectOk(await host.call('employees:get', { id: employeeId }));
      expectOk(await host.call('employees:update', { id: employeeId, version: profile.version, input: { ...inputFromProfile(profile), ...change } }));
    };
    await edit(lowered.employeeId, { golongan: 21 }); // II/a: below every structural post's minimum
    await edit(schooled.employeeId, { educationLevel: 'SLTA' });
    const after = expectOk(await host.call('succession:rank', { positionId, limit: 50 }));
    expect(after.eligible).toBe(before.eligible - 2);
    expect(after.rows.map((r) => r.employeeId)).not.toContain(lowered.employeeId);
    expect(after.rows.map((r) => r.employeeId)).not.toContain(schooled.employeeId);
    expect(reasons(after, 'golongan')).toBe(reasons(before, 'golongan') + 1);
    expect(reasons(after, 'pendidikan')).toBe(reasons(before, 'pendidikan') + 1);
    const ref = await reference(positionId);
    expect(after.rows.map((r) => r.employeeId)).toEqual(ref.eligibleIds.slice(0, 50));
    expect(after.ineligibleByReason.map(({ key, count }) => ({ key, count }))).toEqual(ref.byReason);
  });
});
