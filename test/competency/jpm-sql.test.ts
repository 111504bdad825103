import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { refreshDerived } from '../../main/db/derived';
import { jpmSql } from '../../main/db/sql/jpm.sql';
import { dialectOfManager, managerRun, type Dialect } from '../../main/db/sql/run';
import { computeJpm, jpmBucket, jpmOfSums, type StandardItem } from '../../shared/domain/jpm';
import { expectOk, openTestHost, tempDir, queryOn } from '../helpers/temp-db';

// The JPM rule lives once in shared/domain/jpm.ts and once as its SQL mirror (main/db/sql/jpm.sql.ts). Here the
// mirror's expressions are evaluated by the database (SQLite, or PostgreSQL in the server pass) over the real tables and compared with the TypeScript rule, for
// everyone of a demo district against their own and other positions' standards, and for hand-made edge cases.

interface MirrorRow {
  employee_id: number;
  position_id: number;
  packed: number | null;
  status: string;
  percent: number | null;
  mapping: string | null;
  selection: string | null;
  bucket: string;
}

/** The mirror over employees × positions: sums straight from the tables, then the rule's SQL expressions. */
function mirrorQuery(where: string, dialect: Dialect): string {
  const sums = { standardCount: 'x.sc', requiredSum: 'x.rs', assessedCount: 'COALESCE(x.packed % 1000, 0)', achievedSum: 'COALESCE(x.packed / 1000, 0)' };
  const percent = jpmSql.percent(sums, dialect);
  return `SELECT x.employee_id, x.position_id, x.packed, ${jpmSql.status(sums)} AS status, ${percent} AS percent,
      ${jpmSql.mappingCategory(percent)} AS mapping, ${jpmSql.selectionCategory(percent)} AS selection, ${jpmSql.bucket(percent)} AS bucket
    FROM (SELECT e.id AS employee_id, p.id AS position_id,
            (SELECT COUNT(*) FROM position_competency_standard s WHERE s.position_id = p.id) AS sc,
            (SELECT COALESCE(SUM(s.required_level), 0) FROM position_competency_standard s WHERE s.position_id = p.id) AS rs,
            ${jpmSql.packedAchievement('p.id', 'e.id', dialect)} AS packed
          FROM employee e, position p WHERE ${where}) x
    ORDER BY x.employee_id, x.position_id`;
}

describe('the JPM rule and its SQL mirror give the same answers', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(host, sql, params);

  async function standards(): Promise<Map<number, StandardItem[]>> {
    const rows = await q<{ position_id: number; competency_id: number; required_level: number }>('SELECT position_id, competency_id, required_level FROM position_competency_standard');
    const out = new Map<number, StandardItem[]>();
    for (const r of rows) out.set(r.position_id, [...(out.get(r.position_id) ?? []), { competencyId: r.competency_id, requiredLevel: r.required_level }]);
    return out;
  }

  async function levels(): Promise<Map<number, Map<number, number>>> {
    const rows = await q<{ employee_id: number; competency_id: number; level: number }>('SELECT employee_id, competency_id, level FROM employee_competency_current');
    const out = new Map<number, Map<number, number>>();
    for (const r of rows) {
      if (!out.has(r.employee_id)) out.set(r.employee_id, new Map());
      out.get(r.employee_id)!.set(r.competency_id, r.level);
    }
    return out;
  }

  function expectAgreement(rows: MirrorRow[], byPosition: Map<number, StandardItem[]>, byEmployee: Map<number, Map<number, number>>) {
    const statuses = new Set<string>();
    for (const row of rows) {
      const standard = byPosition.get(row.position_id) ?? [];
      const ts = computeJpm(standard, byEmployee.get(row.employee_id) ?? new Map());
      statuses.add(ts.status);
      const label = `employee ${row.employee_id} against position ${row.position_id}`;
      expect({ status: row.status, percent: row.percent, mapping: row.mapping, selection: row.selection, bucket: row.bucket }, label).toEqual({
        status: ts.status, percent: ts.percent, mapping: ts.category, selection: ts.selection, bucket: ts.percent === null ? '-' : jpmBucket(ts.percent),
      });
      // What the ranking and the best-match list do: the packed sums, completed by the standard, through the TS rule.
      const unpacked = jpmOfSums(jpmSql.unpack(row.packed, { standardCount: standard.length, requiredSum: standard.reduce((s, x) => s + x.requiredLevel, 0) }));
      const { gaps: _gaps, ...rule } = ts;
      expect(unpacked, label).toEqual(rule);
    }
    return statuses;
  }

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 600, seed: 12 });
  });
  afterAll(() => host.close());

  it('on the demo district, for every active employee against their own position and four others', async () => {
    const others = (await q<{ id: number }>(`SELECT MIN(id) AS id FROM position WHERE level IN ('jpt_pratama', 'administrator', 'pengawas', 'ahli_muda') GROUP BY level ORDER BY 1`)).map((p) => p.id);
    expect(others).toHaveLength(4);
    const rows = await q<MirrorRow>(mirrorQuery(`e.status = 'active' AND (p.id = e.position_id OR p.id IN (${others.join(',')}))`, dialectOfManager(host.services.dataSource)));
    expect(rows.length).toBeGreaterThan(2000);
    const statuses = expectAgreement(rows, await standards(), await levels());
    expect([...statuses].sort()).toEqual(['complete', 'not_assessed', 'partial']);
    // The refresher stores the same: employee_competency_profile against the current position.
    const stored = await q<{ employee_id: number; status: string; jpm: number | null; category: string | null }>(
      `SELECT employee_id, status, jpm, category FROM employee_competency_profile WHERE active ORDER BY employee_id`);
    const own = new Map(rows.map((r) => [`${r.employee_id}:${r.position_id}`, r]));
    const positions = new Map((await q<{ id: number; position_id: number }>(`SELECT id, position_id FROM employee WHERE status = 'active'`)).map((e) => [e.id, e.position_id]));
    for (const s of stored) {
      const mirror = own.get(`${s.employee_id}:${positions.get(s.employee_id)}`)!;
      expect({ status: s.status, jpm: s.jpm, category: s.category }, `employee ${s.employee_id}`).toEqual({ status: mirror.status, jpm: mirror.percent, category: mirror.mapping });
    }
  });

  it('on hand-made edge cases: categories from the unrounded percentage, partial assessment, levels above standard, an empty standard', async () => {
    // Twelve competencies (the nine of the dictionary and three technical ones); eleven at level 5 and one at 4: Σ 59.
    for (const code of ['T.01', 'T.02', 'T.03']) {
      expectOk(await host.call('competency:saveDefinition', { code, name: `Teknis ${code}`, group: 'teknis', description: null, levelDescriptors: ['1', '2', '3', '4', '5'], active: true }));
    }
    const dictionary = expectOk(await host.call('competency:dictionary', {})).competencies;
    expect(dictionary.length).toBeGreaterThanOrEqual(12);
    const twelve = dictionary.slice(0, 12);
    const [post, emptyPost] = await q<{ id: number; version: number }>(`SELECT id, version FROM position WHERE level = 'administrator' ORDER BY id LIMIT 2`);
    expectOk(await host.call('competency:saveStandard', { positionId: post.id, version: post.version, items: twelve.map((c, i) => ({ competencyId: c.id, requiredLevel: i === 11 ? 4 : 5 })) }));
    expectOk(await host.call('competency:saveStandard', { positionId: emptyPost.id, version: emptyPost.version, items: [] }));

    // People moved into the post (so the refresher and the profile screen see it), with chosen levels.
    const people = await q<{ id: number }>(`SELECT id FROM employee WHERE status = 'active' AND position_id != ? ORDER BY id LIMIT 5`, [post.id]);
    await q(`UPDATE employee SET position_id = ? WHERE id IN (${people.map((p) => p.id).join(',')})`, [post.id]);
    const cases: Array<{ name: string; levels: Array<number | null> }> = [
      // Σ min = 46 of 59 = 77.97 %: Kurang Optimal and MMS, though it shows as 78,0 %.
      { name: 'unrounded', levels: [5, 5, 5, 5, 5, 5, 5, 5, 1, 1, 1, 3] },
      // Eleven of twelve assessed: no JPM, however high the levels.
      { name: 'partial', levels: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, null] },
      // Above standard everywhere but one: the surplus does not cover the gap (Σ min = 58 of 59).
      { name: 'above', levels: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 5] },
      { name: 'none', levels: Array(12).fill(null) },
    ];
    await q(`DELETE FROM competency_assessment WHERE employee_id IN (${people.map((p) => p.id).join(',')})`);
    for (const [i, c] of cases.entries()) {
      const levels = c.levels.flatMap((level, k) => (level === null ? [] : [{ competencyId: twelve[k].id, level }]));
      if (levels.length) expectOk(await host.call('competency:recordAssessment', { employeeId: people[i].id, assessedOn: '2026-01-15', method: 'uji_kompetensi', levels }));
    }
    // Refresh what the hand-made moves and deletions above make stale (what the form and the import do).
    await refreshDerived(managerRun(host.services.dataSource), ['competency_assessment', 'employee'], people.map((p) => p.id));

    const unrounded = expectOk(await host.call('competency:employee', { employeeId: people[0].id })).jpm;
    expect(unrounded).toMatchObject({ status: 'complete', jpm: 78, category: 'Kurang Optimal', selection: 'MMS', achievedSum: 46, requiredSum: 59 });
    expect(expectOk(await host.call('competency:employee', { employeeId: people[1].id })).jpm).toMatchObject({ status: 'partial', jpm: null, category: null, selection: null });
    expect(expectOk(await host.call('competency:employee', { employeeId: people[2].id })).jpm).toMatchObject({ status: 'complete', jpm: 98.3, category: 'Optimal', achievedSum: 58 });
    expect(expectOk(await host.call('competency:employee', { employeeId: people[3].id })).jpm).toMatchObject({ status: 'not_assessed', jpm: null });
    const [profile] = await q<{ category: string; jpm: number }>('SELECT category, jpm FROM employee_competency_profile WHERE employee_id = ?', [people[0].id]);
    expect(profile.category).toBe('Kurang Optimal');
    expect(profile.jpm).toBeCloseTo(77.966, 3);
    // The best-match list and the histogram bucket agree: 78,0 % shown, Kurang Optimal, bucket 70–77,9.
    const match = expectOk(await host.call('competency:bestMatch', { positionId: post.id, limit: 500 })).candidates.find((c) => c.id === people[0].id)!;
    expect(match).toMatchObject({ jpm: 78, category: 'Kurang Optimal', selection: 'MMS' });

    const ids = people.slice(0, 4).map((p) => p.id);
    const rows = await q<MirrorRow>(mirrorQuery(`e.id IN (${ids.join(',')}) AND p.id IN (${post.id}, ${emptyPost.id})`, dialectOfManager(host.services.dataSource)));
    const statuses = expectAgreement(rows, await standards(), await levels());
    expect([...statuses].sort()).toEqual(['complete', 'no_standard', 'not_assessed', 'partial']);
    expect(rows.find((r) => r.employee_id === people[0].id && r.position_id === post.id)).toMatchObject({ status: 'complete', mapping: 'Kurang Optimal', selection: 'MMS', bucket: '70' });
    expect(rows.filter((r) => r.position_id === emptyPost.id).every((r) => r.status === 'no_standard' && r.percent === null)).toBe(true);
  });
});
