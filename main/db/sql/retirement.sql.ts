import type { Run } from './run';
import { DEFAULT_BUP } from '../../../shared/domain/retirement';
import { POSITION_LEVELS } from '../../../shared/domain/position';

// SQL twin of shared/domain/retirement.ts: TMT pensiun = first day of the month after the birth month at
// BUP age, the BUP following the current position. employee.retirement_date stores the result; every
// writer refreshes it in its own transaction. test/employees/retirement-stats.test.ts compares the stored value with
// the TypeScript rule for every employee.

/** BUP of the position aliased `positionAlias`. */
export function bupSql(positionAlias = 'p'): string {
  const cases = POSITION_LEVELS.map((l) => `WHEN '${l.code}' THEN ${l.bup}`).join(' ');
  return `COALESCE(${positionAlias}.bup_override, CASE ${positionAlias}.level ${cases} ELSE ${DEFAULT_BUP} END)`;
}

const RECOMPUTE_SQLITE = `date(birth_date, 'start of month', '+' ||
  COALESCE((SELECT ${bupSql('p')} FROM position p WHERE p.id = employee.position_id), ${DEFAULT_BUP}) || ' years', '+1 month')`;

/** Only rows whose stored value differs are rewritten: a writer that already stored the right date (the import
 *  computes it with shared/domain/retirement.ts) pays for the check, not for a second write of every row. */
const STALE_SQLITE = `retirement_date IS NOT ${RECOMPUTE_SQLITE}`;

/** Refreshes every employee (bulk writers, at the end of their transaction). */
export const REFRESH_ALL_RETIREMENT_DATES = `UPDATE employee SET retirement_date = ${RECOMPUTE_SQLITE} WHERE ${STALE_SQLITE}`;

// The same date on PostgreSQL (dates are ISO text on both).
const RECOMPUTE_POSTGRES = `to_char(date_trunc('month', CAST(birth_date AS date)) + make_interval(years => CAST(
  COALESCE((SELECT ${bupSql('p')} FROM position p WHERE p.id = employee.position_id), ${DEFAULT_BUP}) AS integer)) + interval '1 month', 'YYYY-MM-DD')`;
const STALE_POSTGRES = `retirement_date IS DISTINCT FROM ${RECOMPUTE_POSTGRES}`;

/** A Run, or a transaction's plain query function (SQLite). */
type QueryFunction = Run | ((sql: string, params: unknown[]) => Promise<unknown>);

/** Refreshes every employee through a Run, in its dialect. */
export async function refreshAllRetirementDates(run: Run): Promise<void> {
  const { recompute, stale } = retirementSql(run);
  await run(`UPDATE employee SET retirement_date = ${recompute} WHERE ${stale}`, []);
}

/** The recomputed date and the stale-row condition in the dialect of `run` (a Run, or a plain query function:
 *  SQLite). */
function retirementSql(run: QueryFunction): { recompute: string; stale: string } {
  return (run as Run).dialect === 'postgres'
    ? { recompute: RECOMPUTE_POSTGRES, stale: STALE_POSTGRES }
    : { recompute: RECOMPUTE_SQLITE, stale: STALE_SQLITE };
}

/** Refreshes the given employees; `run` is the transaction's query function. */
export async function refreshRetirementDates(run: QueryFunction, employeeIds: readonly number[]): Promise<void> {
  for (let i = 0; i < employeeIds.length; i += 500) {
    const chunk = employeeIds.slice(i, i + 500);
    const { recompute, stale } = retirementSql(run);
    await run(`UPDATE employee SET retirement_date = ${recompute} WHERE id IN (${chunk.map(() => '?').join(',')}) AND ${stale}`, [...chunk]);
  }
}

/** Refreshes the holders of the given positions (after a position's level or statutory BUP changed). */
export async function refreshRetirementDatesOfPositions(run: QueryFunction, positionIds: readonly number[]): Promise<void> {
  for (let i = 0; i < positionIds.length; i += 500) {
    const chunk = positionIds.slice(i, i + 500);
    const { recompute, stale } = retirementSql(run);
    await run(`UPDATE employee SET retirement_date = ${recompute} WHERE position_id IN (${chunk.map(() => '?').join(',')}) AND ${stale}`, [...chunk]);
  }
}
