// Who needs a pension decision now: an active employee whose TMT pensiun has come (the record still says Aktif
// although the BUP has been reached: the pemberhentian is overdue), and one whose TMT pensiun falls within the
// next twelve months (the usulan pensiun is prepared that far ahead). TMT pensiun itself: retirement.ts.

import { addMonths, type IsoDate } from './dates';

/** How far ahead the usulan pensiun list looks. */
export const RETIREMENT_NOTICE_MONTHS = 12;

export const RETIREMENT_WATCH = [
  { code: 'overdue', label: 'Sudah melewati TMT pensiun' },
  { code: 'upcoming', label: `TMT pensiun dalam ${RETIREMENT_NOTICE_MONTHS} bulan` },
] as const;

export type RetirementWatch = (typeof RETIREMENT_WATCH)[number]['code'];
export const RETIREMENT_WATCH_CODES = RETIREMENT_WATCH.map((w) => w.code) as [RetirementWatch, ...RetirementWatch[]];

/** The TMT pensiun range of a watch list, as of `today`: overdue = on or before today; upcoming = after today, up to 12 months on. */
export function retirementWindow(watch: RetirementWatch | undefined, today: IsoDate): { retirementAfter?: IsoDate; retirementUntil?: IsoDate } {
  if (watch === 'overdue') return { retirementUntil: today };
  if (watch === 'upcoming') return { retirementAfter: today, retirementUntil: addMonths(today, RETIREMENT_NOTICE_MONTHS) };
  return {};
}

/** The watch list an active employee belongs to on `today`, or null. */
export function retirementWatchOf(status: string, retirementDate: IsoDate | null | undefined, today: IsoDate): RetirementWatch | null {
  if (status !== 'active' || !retirementDate) return null;
  if (retirementDate <= today) return 'overdue';
  return retirementDate <= addMonths(today, RETIREMENT_NOTICE_MONTHS) ? 'upcoming' : null;
}
