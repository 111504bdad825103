// SQL twin of shared/domain/development.ts `jpByYear`: employee_training_year holds Σ JP per employee and
// calendar year, by the year rule stored in app_setting 'development.jpYearRule' (a training spanning two years
// counts in the year it ends unless the office chose otherwise). The rule is read inside the statement itself, so
// every writer (manual edits, the import's `diklat` kind, the demo) gets the same answer whatever its Run returns.
// test/development/development.service.test.ts compares the table with the TypeScript rule over every employee.
//
// The table holds every recorded training, also one that has not ended yet (an import may carry one). Such a
// training delivers no JP until its end date: readers subtract it with NOT_ENDED_CTE for their as-of date.

import { chunks, dialectOf, marks, type Dialect, type Run } from './run';

export const JP_YEAR_RULE_KEY = 'development.jpYearRule';

const YEAR = (column: string) => `CAST(substr(${column}, 1, 4) AS INTEGER)`;

/** The CTEs `rule` and `parts`: one row per (training, counted year) of the trainings `where` keeps, the first
 *  year by the rule and up to the end year under 'prorate'. An end date before the start date (bad data) counts
 *  wholly in the end year, as in the TypeScript rule. */
function partsCte(where: string, dialect: Dialect = 'sqlite'): string {
  const storedRule = dialect === 'postgres'
    ? `CASE WHEN value IS JSON SCALAR THEN CAST(value AS json) #>> '{}' END`
    : `CASE WHEN json_valid(value) THEN json_extract(value, '$') END`;
  return `
    rule(r) AS (
      SELECT COALESCE((SELECT ${storedRule} FROM app_setting WHERE key = '${JP_YEAR_RULE_KEY}'), 'end')
    ),
    parts(employee_id, s, e, jp, y, last_y, prorate) AS (
      SELECT t.employee_id, t.start_date, t.end_date, t.jp,
             CASE WHEN t.end_date >= t.start_date AND r IN ('start', 'prorate') THEN ${YEAR('t.start_date')} ELSE ${YEAR('t.end_date')} END,
             ${YEAR('t.end_date')},
             t.end_date >= t.start_date AND r = 'prorate'
      FROM training_record t, rule ${where}
      UNION ALL
      SELECT employee_id, s, e, jp, y + 1, last_y, prorate FROM parts WHERE prorate AND y < last_y
    )`;
}

/** The JP one part contributes to its year: all of it, or under 'prorate' its share of the days. */
const PART_JP = `CASE WHEN prorate
  THEN jp * (julianday(min(e, printf('%04d-12-31', y))) - julianday(max(s, printf('%04d-01-01', y))) + 1) / (julianday(e) - julianday(s) + 1)
  ELSE jp END`;

/** The same share on PostgreSQL: days between dates are integers there, so the share is taken in double precision. */
const PART_JP_POSTGRES = `CASE WHEN prorate
  THEN jp * CAST(LEAST(CAST(e AS date), make_date(y, 12, 31)) - GREATEST(CAST(s AS date), make_date(y, 1, 1)) + 1 AS double precision)
    / (CAST(e AS date) - CAST(s AS date) + 1)
  ELSE jp END`;

function insertSql(where: string, dialect: Dialect = 'sqlite'): string {
  return `
    WITH RECURSIVE ${partsCte(where, dialect)}
    INSERT INTO employee_training_year (employee_id, year, jp, trainings)
    SELECT employee_id, y, SUM(${dialect === 'postgres' ? PART_JP_POSTGRES : PART_JP}), COUNT(*) FROM parts GROUP BY employee_id, y`;
}

/**
 * The CTE `not_ended(employee_id, year, jp, trainings)`: what the trainings ending after an as-of date contribute
 * to each employee and year (by the same rule as the table), to subtract from employee_training_year. It opens a
 * `WITH RECURSIVE` clause and binds one parameter, the as-of date, before any other of the statement. It reads
 * training_record through its end_date index, so it costs next to nothing when every training has ended.
 */
export const NOT_ENDED_CTE = `WITH RECURSIVE ${partsCte('WHERE t.end_date > ?')},
  not_ended(employee_id, year, jp, trainings) AS (SELECT employee_id, y, SUM(${PART_JP}), COUNT(*) FROM parts GROUP BY employee_id, y)`;

/** NOT_ENDED_CTE in the dialect of `run`. */
export const notEndedCte = (run: Run): string => (dialectOf(run) === 'postgres'
  ? `WITH RECURSIVE ${partsCte('WHERE t.end_date > ?', 'postgres')},
  not_ended(employee_id, year, jp, trainings) AS (SELECT employee_id, y, SUM(${PART_JP_POSTGRES}), COUNT(*) FROM parts GROUP BY employee_id, y)`
  : NOT_ENDED_CTE);

/** Recomputes the JP rows of the given employees, or of everyone. */
export async function refreshTrainingYears(run: Run, employeeIds: readonly number[] | 'all'): Promise<void> {
  if (employeeIds === 'all') {
    await run('DELETE FROM employee_training_year', []);
    await run(insertSql('', dialectOf(run)), []);
    return;
  }
  for (const chunk of chunks([...new Set(employeeIds)])) {
    await run(`DELETE FROM employee_training_year WHERE employee_id IN (${marks(chunk)})`, chunk);
    await run(insertSql(`WHERE t.employee_id IN (${marks(chunk)})`, dialectOf(run)), chunk);
  }
}
