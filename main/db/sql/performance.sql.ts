// SQL behind the performance and talent refreshers (main/db/derived.ts). Kinerja from the annual predikat or,
// for years before 2022, from the legacy sebutan, as shared/domain/talent.ts says; test/talent/performance-talent.test.ts
// recomputes both tables in TypeScript and compares.

import { DEFAULT_POTENTIAL_THRESHOLDS } from '../../../shared/domain/talent';

import type { Run } from './run';

const chunks = <T>(items: readonly T[], size = 400): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

const KINERJA_CASE = `CASE
  WHEN ev.predikat = 'sangat_baik' THEN 'di_atas' WHEN ev.predikat = 'baik' THEN 'sesuai'
  WHEN ev.predikat IN ('butuh_perbaikan', 'kurang', 'sangat_kurang') THEN 'di_bawah'
  WHEN ev.legacy_label = 'Sangat Baik' THEN 'di_atas' WHEN ev.legacy_label = 'Baik' THEN 'sesuai'
  WHEN ev.legacy_label IS NOT NULL THEN 'di_bawah' END`;

/** Rows of talent_axis_year for the employees matching `filter` (an SQL condition on `employee_id`). */
const AXIS_INSERT = (filter: string) => `
  INSERT INTO talent_axis_year (employee_id, year, evaluation_id, evaluation_year, kinerja_axis, potential_id, potential_level, potential_score, potential_date, potensi_axis)
  WITH RECURSIVE
    thresholds AS (SELECT
      COALESCE(json_extract((SELECT value FROM app_setting WHERE key = 'talent.thresholds'), '$.tinggi'), ${DEFAULT_POTENTIAL_THRESHOLDS.tinggi}) AS tinggi,
      COALESCE(json_extract((SELECT value FROM app_setting WHERE key = 'talent.thresholds'), '$.menengah'), ${DEFAULT_POTENTIAL_THRESHOLDS.menengah}) AS menengah),
    first_years AS (
      SELECT employee_id, MIN(year) AS y FROM performance_evaluation WHERE period = 'tahunan' AND ${filter} GROUP BY employee_id
      UNION ALL
      SELECT employee_id, MIN(CAST(substr(assessed_on, 1, 4) AS INTEGER)) FROM potential_assessment WHERE ${filter} GROUP BY employee_id),
    people AS (SELECT employee_id, MIN(y) AS first_year FROM first_years GROUP BY employee_id),
    bounds AS (SELECT MIN(first_year) AS lo, MAX(CAST(strftime('%Y', 'now', 'localtime') AS INTEGER),
                      COALESCE((SELECT MAX(year) FROM performance_evaluation), 0)) AS hi FROM people),
    years(y) AS (SELECT lo FROM bounds WHERE lo IS NOT NULL UNION ALL SELECT y + 1 FROM years, bounds WHERE y < bounds.hi)
  SELECT p.employee_id, years.y, ev.id, ev.year, ${KINERJA_CASE}, pa.id, pa.level, pa.score, pa.assessed_on,
         CASE WHEN pa.level IN ('rendah', 'menengah', 'tinggi') THEN pa.level WHEN pa.score >= th.tinggi THEN 'tinggi'
              WHEN pa.score >= th.menengah THEN 'menengah' WHEN pa.score IS NOT NULL THEN 'rendah' END
  FROM people p JOIN years ON years.y >= p.first_year CROSS JOIN thresholds th
  LEFT JOIN performance_evaluation ev ON ev.id = (
    SELECT e2.id FROM performance_evaluation e2 WHERE e2.employee_id = p.employee_id AND e2.period = 'tahunan' AND e2.year <= years.y
    ORDER BY e2.year DESC LIMIT 1)
  LEFT JOIN potential_assessment pa ON pa.id = (
    SELECT p2.id FROM potential_assessment p2 WHERE p2.employee_id = p.employee_id AND p2.assessed_on <= years.y || '-12-31'
    ORDER BY p2.assessed_on DESC, p2.id DESC LIMIT 1)`;

const SUMMARY_INSERT = (unitFilter: string) => `
  INSERT INTO performance_year_summary (unit_id, root_unit_id, position_level, year, category, employees)
  SELECT e.unit_id, COALESCE(u.root_id, e.unit_id), COALESCE(p.level, ''), ev.year,
         COALESCE(ev.predikat, 'legacy:' || ev.legacy_label, 'tanpa_predikat') AS category, COUNT(*)
  FROM performance_evaluation ev
  JOIN employee e ON e.id = ev.employee_id AND e.status = 'active'
  JOIN unit u ON u.id = e.unit_id
  LEFT JOIN position p ON p.id = e.position_id
  WHERE ev.period = 'tahunan' ${unitFilter}
  GROUP BY e.unit_id, p.level, ev.year, category`;

const BOX_SUMMARY_INSERT = (unitFilter: string) => `
  INSERT INTO talent_box_summary (unit_id, root_unit_id, position_level, year, kinerja_axis, potensi_axis, employees)
  SELECT e.unit_id, COALESCE(u.root_id, e.unit_id), COALESCE(p.level, ''), t.year, COALESCE(t.kinerja_axis, ''), COALESCE(t.potensi_axis, ''), COUNT(*)
  FROM talent_axis_year t
  JOIN employee e ON e.id = t.employee_id AND e.status = 'active'
  JOIN unit u ON u.id = e.unit_id
  LEFT JOIN position p ON p.id = e.position_id
  WHERE 1 = 1 ${unitFilter}
  GROUP BY e.unit_id, p.level, t.year, COALESCE(t.kinerja_axis, ''), COALESCE(t.potensi_axis, '')`;

const MEMBER_INSERT = (filter: string) => `
  INSERT INTO performance_member (employee_id, unit_id, position_level, active)
  SELECT e.id, e.unit_id, COALESCE(p.level, ''), e.status = 'active' FROM employee e LEFT JOIN position p ON p.id = e.position_id WHERE ${filter}`;

/**
 * Everything derived from SKP and potential assessments, for these employees: their talent axes per year
 * (skipped with `axes: false`, when only employee or position rows changed: the axes do not depend on those),
 * then the per-unit summaries of every unit they were or are counted in. performance_member remembers where
 * each person was counted (unit, jenjang, active), so with `axes: false` only people whose membership really
 * changed (a move, a new jenjang, a status change) touch the summaries: a snapshot that only raises golongan
 * costs nothing here. When most units are touched, the summaries are rebuilt whole.
 */
export async function refreshPerformanceDerived(run: Run, employeeIds: readonly number[] | 'all', options: { axes: boolean } = { axes: true }): Promise<void> {
  if (employeeIds === 'all') {
    if (options.axes) {
      await run('DELETE FROM talent_axis_year', []);
      await run(AXIS_INSERT('1 = 1'), []);
    }
    await run('DELETE FROM performance_member', []);
    await run(MEMBER_INSERT('1 = 1'), []);
    await rebuildSummaries(run, 'all');
    return;
  }
  const units = new Set<number>();
  for (let chunk of chunks(employeeIds)) {
    let marks = chunk.map(() => '?').join(',');
    if (!options.axes) {
      const moved = (await run(
        `SELECT e.id FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN performance_member m ON m.employee_id = e.id
         WHERE e.id IN (${marks}) AND (m.employee_id IS NULL OR m.unit_id IS NOT e.unit_id OR m.position_level <> COALESCE(p.level, '')
           OR m.active <> (e.status = 'active'))`, chunk)) as Array<{ id: number }>;
      const gone = (await run(`SELECT employee_id AS id FROM performance_member WHERE employee_id IN (${marks}) AND employee_id NOT IN (SELECT id FROM employee)`, chunk)) as Array<{ id: number }>;
      chunk = [...(moved ?? []), ...(gone ?? [])].map((r) => r.id);
      if (!chunk.length) continue;
      marks = chunk.map(() => '?').join(',');
    }
    const before = (await run(`SELECT DISTINCT unit_id FROM performance_member WHERE employee_id IN (${marks}) AND unit_id IS NOT NULL`, chunk)) as Array<{ unit_id: number }>;
    for (const row of before ?? []) units.add(row.unit_id);
    if (options.axes) {
      await run(`DELETE FROM talent_axis_year WHERE employee_id IN (${marks})`, chunk);
      await run(AXIS_INSERT(`employee_id IN (${marks})`), [...chunk, ...chunk]);
    }
    await run(`DELETE FROM performance_member WHERE employee_id IN (${marks})`, chunk);
    await run(MEMBER_INSERT(`e.id IN (${marks})`), chunk);
    const after = (await run(`SELECT DISTINCT unit_id FROM employee WHERE id IN (${marks}) AND unit_id IS NOT NULL`, chunk)) as Array<{ unit_id: number }>;
    for (const row of after ?? []) units.add(row.unit_id);
  }
  if (!units.size) return;
  const [{ n: unitCount }] = (await run('SELECT COUNT(*) AS n FROM unit', [])) as Array<{ n: number }>;
  await rebuildSummaries(run, units.size > (unitCount * 3) / 4 ? 'all' : [...units]);
}

async function rebuildSummaries(run: Run, units: readonly number[] | 'all'): Promise<void> {
  if (units === 'all') {
    await run('DELETE FROM performance_year_summary', []);
    await run(SUMMARY_INSERT(''), []);
    await run('DELETE FROM talent_box_summary', []);
    await run(BOX_SUMMARY_INSERT(''), []);
    return;
  }
  for (const chunk of chunks(units)) {
    const marks = chunk.map(() => '?').join(',');
    await run(`DELETE FROM performance_year_summary WHERE unit_id IN (${marks})`, chunk);
    await run(SUMMARY_INSERT(`AND e.unit_id IN (${marks})`), chunk);
    await run(`DELETE FROM talent_box_summary WHERE unit_id IN (${marks})`, chunk);
    await run(BOX_SUMMARY_INSERT(`AND e.unit_id IN (${marks})`), chunk);
  }
}
