import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JenjangHost } from '../../main/host';
import { computeJpm, jpmBucket } from '../../shared/domain/jpm';
import { inputFromProfile } from '../helpers/employee-input';
import { expectOk, openTestHost, tempDir, queryOn } from '../helpers/temp-db';

/** Recomputes every employee's JPM in TypeScript straight from the base tables and compares it with the
 *  derived tables the dashboard reads. */
async function expectDerivedMatchesRecompute(host: JenjangHost) {
  const q = (sql: string) => queryOn(host, sql);
  const employees: Array<{ id: number; position_id: number | null; unit_id: number | null; status: string; level: string | null }> =
    await q(`SELECT e.id, e.position_id, e.unit_id, e.status, p.level FROM employee e LEFT JOIN position p ON p.id = e.position_id`);
  const standards: Array<{ position_id: number; competency_id: number; required_level: number }> = await q('SELECT position_id, competency_id, required_level FROM position_competency_standard');
  const assessments: Array<{ id: number; employee_id: number; competency_id: number; level: number; assessed_on: string }> =
    await q('SELECT id, employee_id, competency_id, level, assessed_on FROM competency_assessment ORDER BY assessed_on, id');
  const latest = new Map<string, number>();
  for (const a of assessments) latest.set(`${a.employee_id}:${a.competency_id}`, a.level); // later rows overwrite
  const byPosition = new Map<number, Array<{ competencyId: number; requiredLevel: number }>>();
  for (const s of standards) byPosition.set(s.position_id, [...(byPosition.get(s.position_id) ?? []), { competencyId: s.competency_id, requiredLevel: s.required_level }]);

  const roots = new Map((await q('SELECT id, root_id FROM unit') as Array<{ id: number; root_id: number }>).map((u) => [u.id, u.root_id]));
  const histogram = new Map<string, { employees: number; jpm: number }>();
  const stored = new Map((await q('SELECT * FROM employee_competency_profile') as Array<Record<string, unknown>>).map((r) => [r.employee_id as number, r]));
  expect(stored.size).toBe(employees.length);
  const summary = new Map<string, { employees: number; assessed: number; meeting: number; gap_sum: number }>();
  for (const e of employees) {
    const standard = e.position_id ? byPosition.get(e.position_id) ?? [] : [];
    const achieved = standard.filter((s) => latest.has(`${e.id}:${s.competencyId}`)).map((s) => ({ competencyId: s.competencyId, level: latest.get(`${e.id}:${s.competencyId}`)! }));
    const result = computeJpm(standard, achieved);
    const row = stored.get(e.id)!;
    // The stored percentage is unrounded (categories come from it); screens round it.
    expect({ id: e.id, status: row.status, jpm: row.jpm, category: row.category }).toEqual({ id: e.id, status: result.status, jpm: result.percent, category: result.category });
    if (e.status !== 'active' || e.unit_id === null) continue;
    const hkey = `${e.unit_id}:${e.level ?? ''}:${result.status}:${result.percent === null ? '-' : jpmBucket(result.percent)}`;
    const h = histogram.get(hkey) ?? { employees: 0, jpm: 0 };
    h.employees += 1;
    h.jpm += result.percent ?? 0;
    histogram.set(hkey, h);
    if (!e.level) continue;
    for (const gap of result.gaps) {
      const key = `${e.unit_id}:${e.level}:${gap.competencyId}`;
      const cell = summary.get(key) ?? { employees: 0, assessed: 0, meeting: 0, gap_sum: 0 };
      cell.employees += 1;
      if (gap.actual !== null) {
        cell.assessed += 1;
        cell.meeting += gap.meets ? 1 : 0;
        cell.gap_sum += gap.gap!;
      }
      summary.set(key, cell);
    }
  }
  const storedHistogram: Array<{ unit_id: number; position_level: string; status: string; bucket: string; root_unit_id: number; employees: number; jpm_sum: number }> =
    await q('SELECT * FROM competency_jpm_histogram');
  expect(storedHistogram.length).toBe(histogram.size);
  for (const h of storedHistogram) {
    const expected = histogram.get(`${h.unit_id}:${h.position_level}:${h.status}:${h.bucket}`);
    expect({ employees: h.employees, jpm: Math.round(h.jpm_sum * 10) / 10, root: h.root_unit_id })
      .toEqual({ employees: expected?.employees, jpm: Math.round((expected?.jpm ?? 0) * 10) / 10, root: roots.get(h.unit_id) });
  }
  const storedSummary: Array<{ unit_id: number; root_unit_id: number; position_level: string; competency_id: number; employees: number; assessed: number; meeting: number; gap_sum: number }> =
    await q('SELECT * FROM competency_gap_summary');
  for (const s of storedSummary) expect(s.root_unit_id).toBe(roots.get(s.unit_id));
  expect(storedSummary.length).toBe(summary.size);
  for (const s of storedSummary) {
    expect({ key: `${s.unit_id}:${s.position_level}:${s.competency_id}`, employees: s.employees, assessed: s.assessed, meeting: s.meeting, gap_sum: s.gap_sum })
      .toEqual({ key: `${s.unit_id}:${s.position_level}:${s.competency_id}`, ...summary.get(`${s.unit_id}:${s.position_level}:${s.competency_id}`) });
  }
}

describe('competency maps on demo data', () => {
  const dir = tempDir();
  let host: JenjangHost;
  const q = (sql: string, params: unknown[] = []) => queryOn(host, sql, params);

  beforeAll(async () => {
    host = await openTestHost(dir, { demoEmployees: 1200, seed: 4 });
  });
  afterAll(() => host.close());

  it('ships the dictionary: 8 manajerial competencies and Perekat Bangsa, 5 levels each', async () => {
    const { competencies } = expectOk(await host.call('competency:dictionary', {}));
    expect(competencies.map((c) => c.code)).toEqual(['M.01', 'M.02', 'M.03', 'M.04', 'M.05', 'M.06', 'M.07', 'M.08', 'SK.01']);
    expect(competencies[0].levelDescriptors[0]).toBe('Mampu bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi.');
    for (const c of competencies) expect(c.levelDescriptors).toHaveLength(5);
  });

  it('gives every demo position a standard by the default table (JPT Pratama 4, administrator 3, pengawas 2, pelaksana 1)', async () => {
    expect(expectOk(await host.call('competency:positionsWithoutStandard', {})).total).toBe(0);
    const rows: Array<{ level: string; required: number }> = await q(`SELECT DISTINCT p.level, s.required_level AS required FROM position p JOIN position_competency_standard s ON s.position_id = p.id`);
    const byLevel = Object.fromEntries(rows.map((r) => [r.level, r.required]));
    expect(byLevel).toMatchObject({ jpt_pratama: 4, administrator: 3, pengawas: 2, pelaksana: 1, ahli_madya: 3, ahli_muda: 2 });
  });

  it('keeps the derived profile and heatmap sums equal to a full recompute after the demo load', async () => {
    await expectDerivedMatchesRecompute(host);
  });

  it('records an assessment; the latest counts, the older stays in history; JPM follows', async () => {
    const [{ id: employeeId }] = await q(`SELECT employee_id AS id FROM employee_competency_profile WHERE status = 'not_assessed' AND active LIMIT 1`);
    const before = expectOk(await host.call('competency:employee', { employeeId }));
    expect(before.jpm.status).toBe('not_assessed');
    const levels = before.items.map((i) => ({ competencyId: i.competencyId, level: i.required }));
    expectOk(await host.call('competency:recordAssessment', { employeeId, assessedOn: '2024-05-02', method: 'uji_kompetensi', levels }));
    const lower = levels.map((l, i) => ({ ...l, level: i === 0 ? Math.max(1, l.level - 1) : l.level }));
    const saved = expectOk(await host.call('competency:recordAssessment', { employeeId, assessedOn: '2025-06-10', method: 'assessment_center', levels: lower }));
    expect(saved.jpm.status).toBe('complete');
    const after = expectOk(await host.call('competency:employee', { employeeId }));
    expect(after.history).toHaveLength(levels.length * 2);
    expect(after.items[0].assessedOn).toBe('2025-06-10');
    const audit = expectOk(await host.call('audit:list', { employeeId }));
    expect(audit.rows[0].summary).toMatch(/asesmen kompetensi/);
    await expectDerivedMatchesRecompute(host);
  });

  it('refuses a level outside 1–5, a future date and an unknown competency, writing nothing', async () => {
    const [{ n: before }] = await q('SELECT COUNT(*) n FROM competency_assessment');
    const bad = [
      { employeeId: 1, assessedOn: '2025-01-01', method: 'uji_kompetensi', levels: [{ competencyId: 1, level: 6 }] },
      { employeeId: 1, assessedOn: '2030-01-01', method: 'uji_kompetensi', levels: [{ competencyId: 1, level: 3 }] },
      { employeeId: 1, assessedOn: '2025-01-01', method: 'uji_kompetensi', levels: [{ competencyId: 999, level: 3 }] },
      { employeeId: 1, assessedOn: '2025-01-01', method: 'uji_kompetensi', levels: [{ competencyId: 1, level: 3 }, { competencyId: 1, level: 2 }] },
    ];
    for (const payload of bad) {
      const result = await host.dispatch('competency:recordAssessment', payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('validation');
    }
    const [{ n: after }] = await q('SELECT COUNT(*) n FROM competency_assessment');
    expect(after).toBe(before);
  });

  it('changing a standard or moving an employee keeps the derived data right', async () => {
    const [{ position_id: positionId }] = await q(`SELECT position_id FROM employee_competency_profile WHERE status = 'complete' AND active LIMIT 1`);
    const standard = expectOk(await host.call('competency:standard', { positionId }));
    const raised = standard.items.map((i) => ({ competencyId: i.competency.id, requiredLevel: Math.min(5, i.requiredLevel + 1) }));
    expect(expectOk(await host.call('competency:saveStandard', { positionId, version: standard.position.version, items: raised })).employeesRefreshed).toBeGreaterThan(0);
    await expectDerivedMatchesRecompute(host);

    const [{ id: employeeId }] = await q(`SELECT employee_id AS id FROM employee_competency_profile WHERE status = 'complete' AND active ORDER BY employee_id DESC LIMIT 1`);
    const profile = expectOk(await host.call('employees:get', { id: employeeId }));
    const [other] = await q(`SELECT u.id FROM unit u WHERE u.id != ? AND u.depth = 1 LIMIT 1`, [profile.unit!.id]);
    expectOk(await host.call('employees:update', { id: employeeId, version: profile.version, input: { ...inputFromProfile(profile), unitId: other.id } }));
    await expectDerivedMatchesRecompute(host);

    const [copyTarget] = await q(`SELECT id FROM position WHERE level = ? AND id != ? LIMIT 1`, [standard.position.level, positionId]);
    const targetRead = expectOk(await host.call('competency:standard', { positionId: copyTarget.id }));
    expectOk(await host.call('competency:copyStandard', { fromPositionId: positionId, targets: [{ positionId: copyTarget.id, version: targetRead.position.version }] }));
    const copied = expectOk(await host.call('competency:standard', { positionId: copyTarget.id }));
    expect(copied.items.map((i) => i.requiredLevel)).toEqual(raised.map((r) => r.requiredLevel));
    await expectDerivedMatchesRecompute(host);
  });

  it('heatmap cells add up to the employees behind them, and a cell lists them sorted by gap', async () => {
    const heatmap = expectOk(await host.call('competency:heatmap', {}));
    expect(heatmap.competencies).toHaveLength(9);
    const row = heatmap.rows.reduce((a, b) => (a.activeEmployees > b.activeEmployees ? a : b));
    const cell = row.cells[0];
    const list = expectOk(await host.call('competency:cellEmployees', { unitId: row.unitId, competencyId: cell.competencyId, limit: 500 }));
    expect(list.total).toBe(cell.employees);
    const assessed = list.rows.filter((r) => r.actual !== null);
    expect(assessed.length).toBe(Math.min(cell.assessed, 500));
    expect(assessed.filter((r) => r.gap! >= 0).length).toBe(cell.meeting);
    const gaps = assessed.map((r) => r.gap!);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    // Not assessed are listed after the assessed, never as zero.
    const firstNull = list.rows.findIndex((r) => r.actual === null);
    if (firstNull >= 0) expect(list.rows.slice(firstNull).every((r) => r.actual === null && r.gap === null)).toBe(true);
    expect(row.withoutStandard + row.notAssessed + row.partial + row.complete).toBe(row.activeEmployees);
  });

  it('drills into a unit: its children and its own staff', async () => {
    const [{ id }] = await q(`SELECT id FROM unit WHERE name = 'Dinas Kesehatan'`);
    const heatmap = expectOk(await host.call('competency:heatmap', { parentUnitId: id }));
    expect(heatmap.parent?.name).toBe('Dinas Kesehatan');
    const top = expectOk(await host.call('competency:heatmap', {})).rows.find((r) => r.unitId === id)!;
    expect(heatmap.rows.reduce((sum, r) => sum + r.activeEmployees, 0)).toBe(top.activeEmployees);
  });

  it('JPM distribution counts only complete assessments in buckets and the rest as not assessed', async () => {
    const dist = expectOk(await host.call('competency:jpmDistribution', {}));
    const stats = expectOk(await host.call('stats:overview', {})) as unknown as { competency: { assessed: number; notAssessed: number } };
    const assessed = dist.byLevel.reduce((sum, l) => sum + l.assessed, 0);
    expect(assessed).toBe(stats.competency.assessed);
    expect(dist.byLevel.reduce((sum, l) => sum + l.notAssessed, 0)).toBe(stats.competency.notAssessed);
    for (const l of dist.byLevel) expect(Object.values(l.counts).reduce((a, b) => a + b, 0)).toBe(l.assessed);
  });

  it('ranks the district against a position: complete assessments first, by JPM', async () => {
    const [{ id: positionId }] = await q(`SELECT id FROM position WHERE level = 'jpt_pratama' LIMIT 1`);
    const match = expectOk(await host.call('competency:bestMatch', { positionId, limit: 100 }));
    expect(match.position.requiredSum).toBe(36);
    const complete = match.candidates.filter((c) => c.status === 'complete');
    expect(complete.length).toBeGreaterThan(0);
    const jpms = complete.map((c) => c.jpm!);
    expect(jpms).toEqual([...jpms].sort((a, b) => b - a));
    const firstPartial = match.candidates.findIndex((c) => c.status === 'partial');
    if (firstPartial >= 0) expect(match.candidates.slice(firstPartial).every((c) => c.status === 'partial')).toBe(true);
    // Cross-check one candidate with the shared rule.
    const top = complete[0];
    const standard = expectOk(await host.call('competency:standard', { positionId }));
    const current: Array<{ competency_id: number; level: number }> = await q('SELECT competency_id, level FROM employee_competency_current WHERE employee_id = ?', [top.id]);
    const expected = computeJpm(standard.items.map((i) => ({ competencyId: i.competency.id, requiredLevel: i.requiredLevel })), current.map((c) => ({ competencyId: c.competency_id, level: c.level })));
    expect(top.jpm).toBe(expected.jpm);
  });
});
