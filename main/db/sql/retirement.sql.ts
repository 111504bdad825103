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

const RECOMPUTE = `date(birth_date, 'start of month', '+' ||
  COALESCE((SELECT ${bupSql('p')} FROM position p WHERE p.id = employee.position_id), ${DEFAULT_BUP}) || ' years', '+1 month')`;

/** Only rows whose stored value differs are rewritten: a writer that already stored the right date (the import
 *  computes it with shared/domain/retirement.ts) pays for the check, not for a second write of every row. */
const STALE = `retirement_date IS NOT ${RECOMPUTE}`;

/** Refreshes every employee (bulk writers, at the end of their transaction). */
export const REFRESH_ALL_RETIREMENT_DATES = `UPDATE employee SET retirement_date = ${RECOMPUTE} WHERE ${STALE}`;

/** Refreshes the given employees; `run` is the transaction's query function. */
export async function refreshRetirementDates(run: (sql: string, params: unknown[]) => Promise<unknown>, employeeIds: readonly number[]): Promise<void> {
  for (let i = 0; i < employeeIds.length; i += 500) {
    const chunk = employeeIds.slice(i, i + 500);
    await run(`UPDATE employee SET retirement_date = ${RECOMPUTE} WHERE id IN (${chunk.map(() => '?').join(',')}) AND ${STALE}`, [...chunk]);
  }
}

/** Refreshes the holders of the given positions (after a position's level or statutory BUP changed). */
export async function refreshRetirementDatesOfPositions(run: (sql: string, params: unknown[]) => Promise<unknown>, positionIds: readonly number[]): Promise<void> {
  for (let i = 0; i < positionIds.length; i += 500) {
    const chunk = positionIds.slice(i, i + 500);
    await run(`UPDATE employee SET retirement_date = ${RECOMPUTE} WHERE position_id IN (${chunk.map(() => '?').join(',')}) AND ${STALE}`, [...chunk]);
  }
}
