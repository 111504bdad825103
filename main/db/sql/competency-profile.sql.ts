// SQL behind the competency refresher (main/db/derived.ts): each employee's JPM against the standard of their
// current position (employee_competency_profile, the percentage unrounded), the heatmap's sums per unit × level ×
// competency and the JPM histogram. Status, percentage, category and bucket are the expressions of the JPM rule's
// SQL mirror (jpm.sql.ts); test/competency/competency.service.test.ts compares every stored row with the rule.

import { countWhere, isNotSame, isPostgres, isTrue, least, sumInt } from './dialect';
import { jpmSql, type JpmSumsSql } from './jpm.sql';
import { chunks, dialectOf, type Run } from './run';

const PROFILE_SUMS: JpmSumsSql = { standardCount: 'COALESCE(st.n, 0)', requiredSum: 'COALESCE(st.req, 0)', assessedCount: 'COALESCE(a.n, 0)', achievedSum: 'COALESCE(a.ach, 0)' };

const PROFILE_SELECT = (run: Run, employeeFilter: string) => `
  SELECT e.id, e.position_id, e.unit_id, p.level, e.status = 'active', ${jpmSql.status(PROFILE_SUMS)},
         ${PROFILE_SUMS.standardCount}, ${PROFILE_SUMS.requiredSum}, ${PROFILE_SUMS.assessedCount}, ${PROFILE_SUMS.achievedSum},
         ${jpmSql.percent(PROFILE_SUMS, dialectOf(run))}, ${jpmSql.mappingCategory(jpmSql.percent(PROFILE_SUMS, dialectOf(run)))}
  FROM employee e
  LEFT JOIN position p ON p.id = e.position_id
  LEFT JOIN (SELECT position_id, COUNT(*) AS n, SUM(required_level) AS req FROM position_competency_standard GROUP BY position_id) st
         ON st.position_id = e.position_id
  LEFT JOIN (SELECT e2.id AS employee_id, COUNT(*) AS n, ${sumInt(run, least(run, 'c.level', 's.required_level'))} AS ach
             FROM employee e2
             JOIN position_competency_standard s ON s.position_id = e2.position_id
             JOIN employee_competency_current c ON c.employee_id = e2.id AND c.competency_id = s.competency_id
             ${employeeFilter.replace(/e\.id/g, 'e2.id')}
             GROUP BY e2.id) a ON a.employee_id = e.id
  ${employeeFilter}`;

const INSERT_PROFILE = `INSERT INTO employee_competency_profile (employee_id, position_id, unit_id, position_level, active, status,
  standard_count, required_sum, assessed_count, achieved_sum, jpm, category)`;

const SUMMARY_SELECT = (run: Run, unitFilter: string) => `
  SELECT pr.unit_id, COALESCE(u.root_id, pr.unit_id), pr.position_level, s.competency_id, COUNT(*), COUNT(c.level),
         COALESCE(${countWhere(run, 'c.level >= s.required_level')}, 0), COALESCE(SUM(c.level - s.required_level), 0)
  FROM employee_competency_profile pr
  JOIN unit u ON u.id = pr.unit_id
  JOIN position_competency_standard s ON s.position_id = pr.position_id
  LEFT JOIN employee_competency_current c ON c.employee_id = pr.employee_id AND c.competency_id = s.competency_id
  WHERE ${isTrue(run, 'pr.active')} AND pr.position_level IS NOT NULL ${unitFilter}
  GROUP BY pr.unit_id, pr.position_level, s.competency_id${isPostgres(run) ? ', u.root_id' : ''}`;

const INSERT_SUMMARY = 'INSERT INTO competency_gap_summary (unit_id, root_unit_id, position_level, competency_id, employees, assessed, meeting, gap_sum)';

/** The histogram bucket of the stored (unrounded) percentage; '-' = no JPM. */
const BUCKET_SQL = jpmSql.bucket('pr.jpm');

const HISTOGRAM_SELECT = (run: Run, unitFilter: string) => `
  SELECT pr.unit_id, COALESCE(pr.position_level, ''), pr.status, ${BUCKET_SQL}, COALESCE(u.root_id, pr.unit_id), COUNT(*), COALESCE(SUM(pr.jpm), 0)
  FROM employee_competency_profile pr JOIN unit u ON u.id = pr.unit_id
  WHERE ${isTrue(run, 'pr.active')} ${unitFilter}
  GROUP BY pr.unit_id, pr.position_level, pr.status, ${BUCKET_SQL}${isPostgres(run) ? ', u.root_id' : ''}`;

const INSERT_HISTOGRAM = 'INSERT INTO competency_jpm_histogram (unit_id, position_level, status, bucket, root_unit_id, employees, jpm_sum)';

/** employee_competency_current: the latest assessment per employee and competency (latest date; on the same date,
 *  the one recorded last), for these employees or all. */
export async function refreshCompetencyCurrent(run: Run, employeeIds: readonly number[] | 'all'): Promise<void> {
  const latest = (where: string) => `
    INSERT INTO employee_competency_current (employee_id, competency_id, level, assessed_on, assessment_id)
    SELECT employee_id, competency_id, level, assessed_on, id FROM (
      SELECT a.id, a.employee_id, a.competency_id, a.level, a.assessed_on,
             ROW_NUMBER() OVER (PARTITION BY a.employee_id, a.competency_id ORDER BY a.assessed_on DESC, a.id DESC) AS rn
      FROM competency_assessment a ${where}) WHERE rn = 1`;
  if (employeeIds === 'all') {
    await run('DELETE FROM employee_competency_current', []);
    await run(latest(''), []);
    return;
  }
  for (const chunk of chunks(employeeIds)) {
    const marks = chunk.map(() => '?').join(',');
    await run(`DELETE FROM employee_competency_current WHERE employee_id IN (${marks})`, chunk);
    await run(latest(`WHERE a.employee_id IN (${marks})`), chunk);
  }
}

export async function refreshCompetencyProfiles(run: Run, employeeIds: readonly number[] | 'all'): Promise<void> {
  if (employeeIds === 'all') {
    await run('DELETE FROM employee_competency_profile', []);
    await run(`${INSERT_PROFILE} ${PROFILE_SELECT(run, '')}`, []);
    await run('DELETE FROM competency_gap_summary', []);
    await run(`${INSERT_SUMMARY} ${SUMMARY_SELECT(run, '')}`, []);
    await run('DELETE FROM competency_jpm_histogram', []);
    await run(`${INSERT_HISTOGRAM} ${HISTOGRAM_SELECT(run, '')}`, []);
    return;
  }
  const units = new Set<number>();
  for (const chunk of chunks(employeeIds, 400)) {
    const marks = chunk.map(() => '?').join(',');
    // Units before and after: an employee who moved leaves one unit's sums and joins another's.
    const before = (await run(`SELECT DISTINCT unit_id FROM employee_competency_profile WHERE employee_id IN (${marks}) AND unit_id IS NOT NULL`, chunk)) as Array<{ unit_id: number }>;
    for (const row of before ?? []) units.add(row.unit_id);
    await run(`DELETE FROM employee_competency_profile WHERE employee_id IN (${marks})`, chunk);
    await run(`${INSERT_PROFILE} ${PROFILE_SELECT(run, `WHERE e.id IN (${marks})`)}`, [...chunk, ...chunk]);
    const after = (await run(`SELECT DISTINCT unit_id FROM employee WHERE id IN (${marks}) AND unit_id IS NOT NULL`, chunk)) as Array<{ unit_id: number }>;
    for (const row of after ?? []) units.add(row.unit_id);
  }
  for (const chunk of chunks([...units], 400)) {
    const marks = chunk.map(() => '?').join(',');
    await run(`DELETE FROM competency_gap_summary WHERE unit_id IN (${marks})`, chunk);
    await run(`${INSERT_SUMMARY} ${SUMMARY_SELECT(run, `AND pr.unit_id IN (${marks})`)}`, chunk);
    await run(`DELETE FROM competency_jpm_histogram WHERE unit_id IN (${marks})`, chunk);
    await run(`${INSERT_HISTOGRAM} ${HISTOGRAM_SELECT(run, `AND pr.unit_id IN (${marks})`)}`, chunk);
  }
}

/** What these profile rows (an IN list of employee ids) put into competency_gap_summary, taken out again: the
 *  groups of SUMMARY_SELECT, read from the stored rows. */
const SUMMARY_TAKE_OUT = (run: Run, ids: string) => `
  UPDATE competency_gap_summary SET employees = employees - d.n, assessed = assessed - d.assessed_n, meeting = meeting - d.meeting_n, gap_sum = gap_sum - d.gap_n
  FROM (SELECT pr.unit_id, pr.position_level, s.competency_id, COUNT(*) AS n, COUNT(c.level) AS assessed_n,
               COALESCE(${countWhere(run, 'c.level >= s.required_level')}, 0) AS meeting_n, COALESCE(SUM(c.level - s.required_level), 0) AS gap_n
        FROM employee_competency_profile pr
        JOIN position_competency_standard s ON s.position_id = pr.position_id
        LEFT JOIN employee_competency_current c ON c.employee_id = pr.employee_id AND c.competency_id = s.competency_id
        WHERE pr.employee_id IN (${ids}) AND ${isTrue(run, 'pr.active')} AND pr.position_level IS NOT NULL AND pr.unit_id IS NOT NULL
        GROUP BY pr.unit_id, pr.position_level, s.competency_id) d
  WHERE competency_gap_summary.unit_id = d.unit_id AND competency_gap_summary.position_level = d.position_level
    AND competency_gap_summary.competency_id = d.competency_id`;

/** SUMMARY_SELECT for some people, added to the groups that already hold others. */
const SUMMARY_ADD = `ON CONFLICT (unit_id, position_level, competency_id) DO UPDATE SET employees = competency_gap_summary.employees + excluded.employees,
  assessed = competency_gap_summary.assessed + excluded.assessed, meeting = competency_gap_summary.meeting + excluded.meeting,
  gap_sum = competency_gap_summary.gap_sum + excluded.gap_sum`;

/**
 * The profiles after changes to employees or positions alone (a move, another position, a new jenjang, a status
 * change), not to assessments or standards: only people whose stored row no longer matches their post are judged
 * again. Their counts move out of the heatmap's groups their old row was in and into those of the new row, in
 * exact integers, so the cost follows the people who moved and not the size of the units they left or joined; a
 * group left empty is dropped, as a rebuild would not write it. The histogram sums real percentages (a running
 * difference would drift in the last digits), so the units they left and joined are counted again there.
 */
export async function refreshCompetencyMembership(run: Run, employeeIds: readonly number[] | 'all'): Promise<void> {
  if (employeeIds === 'all') return refreshCompetencyProfiles(run, 'all');
  const units = new Set<number>();
  let someoneGone = false;
  for (const candidates of chunks(employeeIds, 400)) {
    const present = (await run(`SELECT id FROM employee WHERE id IN (${candidates.map(() => '?').join(',')})`, candidates)) as Array<{ id: number }>;
    if (present.length < new Set(candidates).size) someoneGone = true;
    const moved = ((await run(`SELECT e.id FROM employee e LEFT JOIN position p ON p.id = e.position_id
      LEFT JOIN employee_competency_profile pr ON pr.employee_id = e.id
      WHERE e.id IN (${candidates.map(() => '?').join(',')}) AND (pr.employee_id IS NULL OR pr.position_id ${isNotSame(run)} e.position_id
        OR pr.unit_id ${isNotSame(run)} e.unit_id OR pr.position_level ${isNotSame(run)} p.level OR pr.active <> (e.status = 'active'))`, candidates)) as Array<{ id: number }>)
      .map((r) => r.id);
    if (!moved.length) continue;
    const marks = moved.map(() => '?').join(',');
    const before = (await run(`SELECT DISTINCT unit_id FROM employee_competency_profile WHERE employee_id IN (${marks}) AND unit_id IS NOT NULL`, moved)) as Array<{ unit_id: number }>;
    for (const row of before) units.add(row.unit_id);
    await run(SUMMARY_TAKE_OUT(run, marks), moved);
    await run(`DELETE FROM employee_competency_profile WHERE employee_id IN (${marks})`, moved);
    await run(`${INSERT_PROFILE} ${PROFILE_SELECT(run, `WHERE e.id IN (${marks})`)}`, [...moved, ...moved]);
    await run(`${INSERT_SUMMARY} ${SUMMARY_SELECT(run, `AND pr.employee_id IN (${marks})`)} ${SUMMARY_ADD}`, moved);
    const after = (await run(`SELECT DISTINCT unit_id FROM employee WHERE id IN (${marks}) AND unit_id IS NOT NULL`, moved)) as Array<{ unit_id: number }>;
    for (const row of after) units.add(row.unit_id);
    for (const left of chunks(before.map((r) => r.unit_id), 400)) {
      await run(`DELETE FROM competency_gap_summary WHERE unit_id IN (${left.map(() => '?').join(',')}) AND employees = 0`, left);
    }
  }
  // A deleted employee (an undone import's new people) took their profile row with them (ON DELETE CASCADE), so
  // nothing says which groups counted them: the sums are counted again whole, as rarely as people are deleted.
  if (someoneGone) {
    await run('DELETE FROM competency_gap_summary', []);
    await run(`${INSERT_SUMMARY} ${SUMMARY_SELECT(run, '')}`, []);
    await run('DELETE FROM competency_jpm_histogram', []);
    await run(`${INSERT_HISTOGRAM} ${HISTOGRAM_SELECT(run, '')}`, []);
    return;
  }
  for (const chunk of chunks([...units], 400)) {
    const marks = chunk.map(() => '?').join(',');
    await run(`DELETE FROM competency_jpm_histogram WHERE unit_id IN (${marks})`, chunk);
    await run(`${INSERT_HISTOGRAM} ${HISTOGRAM_SELECT(run, `AND pr.unit_id IN (${marks})`)}`, chunk);
  }
}

/** Employees holding any of these positions (a standard changed: their JPM changes). */
export async function employeesOfPositions(run: Run, positionIds: readonly number[]): Promise<number[]> {
  const ids: number[] = [];
  for (const chunk of chunks(positionIds, 400)) {
    const rows = (await run(`SELECT id FROM employee WHERE position_id IN (${chunk.map(() => '?').join(',')})`, chunk)) as Array<{ id: number }>;
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
