// SQL behind the competency refresher (main/db/derived.ts). The JPM rule and its categories mirror
// shared/domain/competency.ts (computeJpm, jpmCategory); test/competency/competency.service.test.ts compares every
// stored row with that TypeScript rule.

import { JPM_BUCKETS } from '../../../shared/domain/competency';

import type { Run } from './run';

const chunks = <T>(items: readonly T[], size = 400): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

const PROFILE_SELECT = (employeeFilter: string) => `
  SELECT e.id, e.position_id, e.unit_id, p.level, e.status = 'active',
         CASE WHEN COALESCE(st.n, 0) = 0 THEN 'no_standard' WHEN COALESCE(a.n, 0) = 0 THEN 'not_assessed'
              WHEN a.n < st.n THEN 'partial' ELSE 'complete' END,
         COALESCE(st.n, 0), COALESCE(st.req, 0), COALESCE(a.n, 0), COALESCE(a.ach, 0),
         CASE WHEN st.n > 0 AND a.n = st.n THEN MIN(100.0, ROUND(a.ach * 100.0 / st.req, 1)) END,
         CASE WHEN st.n > 0 AND a.n = st.n THEN
           CASE WHEN ROUND(a.ach * 100.0 / st.req, 1) >= 90 THEN 'Optimal'
                WHEN ROUND(a.ach * 100.0 / st.req, 1) >= 78 THEN 'Cukup Optimal' ELSE 'Kurang Optimal' END END
  FROM employee e
  LEFT JOIN position p ON p.id = e.position_id
  LEFT JOIN (SELECT position_id, COUNT(*) AS n, SUM(required_level) AS req FROM position_competency_standard GROUP BY position_id) st
         ON st.position_id = e.position_id
  LEFT JOIN (SELECT e2.id AS employee_id, COUNT(*) AS n, SUM(MIN(c.level, s.required_level)) AS ach
             FROM employee e2
             JOIN position_competency_standard s ON s.position_id = e2.position_id
             JOIN employee_competency_current c ON c.employee_id = e2.id AND c.competency_id = s.competency_id
             ${employeeFilter.replace(/e\.id/g, 'e2.id')}
             GROUP BY e2.id) a ON a.employee_id = e.id
  ${employeeFilter}`;

const INSERT_PROFILE = `INSERT INTO employee_competency_profile (employee_id, position_id, unit_id, position_level, active, status,
  standard_count, required_sum, assessed_count, achieved_sum, jpm, category)`;

const SUMMARY_SELECT = (unitFilter: string) => `
  SELECT pr.unit_id, COALESCE(u.root_id, pr.unit_id), pr.position_level, s.competency_id, COUNT(*), COUNT(c.level),
         COALESCE(SUM(c.level >= s.required_level), 0), COALESCE(SUM(c.level - s.required_level), 0)
  FROM employee_competency_profile pr
  JOIN unit u ON u.id = pr.unit_id
  JOIN position_competency_standard s ON s.position_id = pr.position_id
  LEFT JOIN employee_competency_current c ON c.employee_id = pr.employee_id AND c.competency_id = s.competency_id
  WHERE pr.active = 1 AND pr.position_level IS NOT NULL ${unitFilter}
  GROUP BY pr.unit_id, pr.position_level, s.competency_id`;

const INSERT_SUMMARY = 'INSERT INTO competency_gap_summary (unit_id, root_unit_id, position_level, competency_id, employees, assessed, meeting, gap_sum)';

/** JPM buckets as in shared/domain/competency.ts JPM_BUCKETS ('-' = no JPM). */
const BUCKET_SQL = `CASE WHEN pr.jpm IS NULL THEN '-' ${JPM_BUCKETS.map((b) => `WHEN pr.jpm < ${b.max} THEN '${b.key}'`).join(' ')} END`;

const HISTOGRAM_SELECT = (unitFilter: string) => `
  SELECT pr.unit_id, COALESCE(pr.position_level, ''), pr.status, ${BUCKET_SQL}, COALESCE(u.root_id, pr.unit_id), COUNT(*), COALESCE(SUM(pr.jpm), 0)
  FROM employee_competency_profile pr JOIN unit u ON u.id = pr.unit_id
  WHERE pr.active = 1 ${unitFilter}
  GROUP BY pr.unit_id, pr.position_level, pr.status, ${BUCKET_SQL}`;

const INSERT_HISTOGRAM = 'INSERT INTO competency_jpm_histogram (unit_id, position_level, status, bucket, root_unit_id, employees, jpm_sum)';

export async function refreshCompetencyProfiles(run: Run, employeeIds: readonly number[] | 'all'): Promise<void> {
  if (employeeIds === 'all') {
    await run('DELETE FROM employee_competency_profile', []);
    await run(`${INSERT_PROFILE} ${PROFILE_SELECT('')}`, []);
    await run('DELETE FROM competency_gap_summary', []);
    await run(`${INSERT_SUMMARY} ${SUMMARY_SELECT('')}`, []);
    await run('DELETE FROM competency_jpm_histogram', []);
    await run(`${INSERT_HISTOGRAM} ${HISTOGRAM_SELECT('')}`, []);
    return;
  }
  const units = new Set<number>();
  for (const chunk of chunks(employeeIds)) {
    const marks = chunk.map(() => '?').join(',');
    // Units before and after: an employee who moved leaves one unit's sums and joins another's.
    const before = (await run(`SELECT DISTINCT unit_id FROM employee_competency_profile WHERE employee_id IN (${marks}) AND unit_id IS NOT NULL`, chunk)) as Array<{ unit_id: number }>;
    for (const row of before ?? []) units.add(row.unit_id);
    await run(`DELETE FROM employee_competency_profile WHERE employee_id IN (${marks})`, chunk);
    await run(`${INSERT_PROFILE} ${PROFILE_SELECT(`WHERE e.id IN (${marks})`)}`, [...chunk, ...chunk]);
    const after = (await run(`SELECT DISTINCT unit_id FROM employee WHERE id IN (${marks}) AND unit_id IS NOT NULL`, chunk)) as Array<{ unit_id: number }>;
    for (const row of after ?? []) units.add(row.unit_id);
  }
  for (const chunk of chunks([...units])) {
    const marks = chunk.map(() => '?').join(',');
    await run(`DELETE FROM competency_gap_summary WHERE unit_id IN (${marks})`, chunk);
    await run(`${INSERT_SUMMARY} ${SUMMARY_SELECT(`AND pr.unit_id IN (${marks})`)}`, chunk);
    await run(`DELETE FROM competency_jpm_histogram WHERE unit_id IN (${marks})`, chunk);
    await run(`${INSERT_HISTOGRAM} ${HISTOGRAM_SELECT(`AND pr.unit_id IN (${marks})`)}`, chunk);
  }
}

/** Employees holding any of these positions (a standard changed: their JPM changes). */
export async function employeesOfPositions(run: Run, positionIds: readonly number[]): Promise<number[]> {
  const ids: number[] = [];
  for (const chunk of chunks(positionIds)) {
    const rows = (await run(`SELECT id FROM employee WHERE position_id IN (${chunk.map(() => '?').join(',')})`, chunk)) as Array<{ id: number }>;
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
