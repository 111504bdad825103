// Batas usia pensiun and TMT pensiun (PP 11/2017 Pasal 239; shared/domain/README.md).
//
// Rule used by Jenjang: an ASN is honourably discharged at the end of the month in which the BUP age is
// reached, so the TMT pensiun is the first day of the following month. A birth on the 1st still gives the
// following month. (One public app uses "birthday + BUP"; that is not the TMT rule.)
//
// The 2017 transitional rules (JF ahli madya over 60, and JF pertama/muda/penyelia over 58, on 7 April 2017
// keep 65/60) only concern people born before April 1959, who have all reached those ages; they are not modelled.

import { parseIsoDate, toIsoDate, type IsoDate } from './dates';
import { positionLevelInfo } from './position';

/** BUP used when a position level is unknown: the most common BUP (pelaksana, administrasi, most JF). */
export const DEFAULT_BUP = 58;

/** BUP for a position level; `override` is a position's own BUP fixed by an Undang-Undang (guru 60, dosen 65). */
export function bupFor(level: string | null | undefined, override?: number | null): number {
  if (override != null && override > 0) return override;
  return positionLevelInfo(level)?.bup ?? DEFAULT_BUP;
}

/** TMT pensiun: first day of the month after the month the employee reaches `bup` years. */
export function retirementDate(birthDate: IsoDate, bup: number): IsoDate {
  const birth = parseIsoDate(birthDate);
  if (!birth) throw new RangeError(`Tanggal lahir tidak valid: ${birthDate}`);
  let year = birth.year + bup;
  let month = birth.month + 1;
  if (month > 12) {
    month = 1;
    year += 1;
  }
  return toIsoDate(year, month, 1);
}
