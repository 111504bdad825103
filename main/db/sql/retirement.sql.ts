import { DEFAULT_BUP } from '../../../shared/domain/retirement';
import { POSITION_LEVELS } from '../../../shared/domain/position';

/**
 * SQL twin of shared/domain/retirement.ts for sorting and counting in the database:
 * TMT pensiun = first day of the month after the birth month at BUP age. `p` is the position alias, `e` the
 * employee alias. test/db/retirement-sql.test.ts checks it against the TypeScript rule row by row.
 */
export function bupSql(positionAlias = 'p'): string {
  const cases = POSITION_LEVELS.map((l) => `WHEN '${l.code}' THEN ${l.bup}`).join(' ');
  return `COALESCE(${positionAlias}.bup_override, CASE ${positionAlias}.level ${cases} ELSE ${DEFAULT_BUP} END)`;
}

export function retirementDateSql(employeeAlias = 'e', positionAlias = 'p'): string {
  return `date(${employeeAlias}.birth_date, 'start of month', '+' || ${bupSql(positionAlias)} || ' years', '+1 month')`;
}
