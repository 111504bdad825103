// SQL twin of shared/domain/development.ts `jpByYear`: employee_training_year holds Σ JP per employee and
// calendar year, by the year rule stored in app_setting 'development.jpYearRule' (DOMAIN.md §13: a training
// spanning two years counts in the year it ends unless the office chose otherwise). The rule is read inside
// the statement itself, so every writer (manual edits, the import's `diklat` kind, the demo) gets the same
// answer whatever its Run returns. test/development/development.service.test.ts compares the table with the
// TypeScript rule over every employee.

export const JP_YEAR_RULE_KEY = 'development.jpYearRule';

const YEAR = (column: string) => `CAST(substr(${column}, 1, 4) AS INTEGER)`;

/** One row per (training, counted year): the first year by the rule, up to the end year under 'prorate'. An end
 *  date before the start date (bad data) counts wholly in the end year, as in the TypeScript rule. */
function insertSql(where: string): string {
  return `
    WITH RECURSIVE
    rule(r) AS (
      SELECT COALESCE((SELECT CASE WHEN json_valid(value) THEN json_extract(value, '$') END FROM app_setting WHERE key = '${JP_YEAR_RULE_KEY}'), 'end')
    ),
    parts(employee_id, s, e, jp, y, last_y, prorate) AS (
      SELECT t.employee_id, t.start_date, t.end_date, t.jp,
             CASE WHEN t.end_date >= t.start_date AND r IN ('start', 'prorate') THEN ${YEAR('t.start_date')} ELSE ${YEAR('t.end_date')} END,
             ${YEAR('t.end_date')},
             t.end_date >= t.start_date AND r = 'prorate'
      FROM training_record t, rule ${where}
      UNION ALL
      SELECT employee_id, s, e, jp, y + 1, last_y, prorate FROM parts WHERE prorate AND y < last_y
    )
    INSERT INTO employee_training_year (employee_id, year, jp, trainings)
    SELECT employee_id, y,
           SUM(CASE WHEN prorate
                    THEN jp * (julianday(min(e, printf('%04d-12-31', y))) - julianday(max(s, printf('%04d-01-01', y))) + 1) / (julianday(e) - julianday(s) + 1)
                    ELSE jp END),
           COUNT(*)
    FROM parts GROUP BY employee_id, y`;
}

import type { Run } from './run';

/** Recomputes the JP rows of the given employees, or of everyone. */
export async function refreshTrainingYears(run: Run, employeeIds: readonly number[] | 'all'): Promise<void> {
  if (employeeIds === 'all') {
    await run('DELETE FROM employee_training_year', []);
    await run(insertSql(''), []);
    return;
  }
  const unique = [...new Set(employeeIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(',');
    await run(`DELETE FROM employee_training_year WHERE employee_id IN (${marks})`, chunk);
    await run(insertSql(`WHERE t.employee_id IN (${marks})`), chunk);
  }
}
