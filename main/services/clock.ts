import { todayIso, type IsoDate } from '../../shared/domain/dates';

/** "Today" and "now" come from here, so tests and `--as-of` can fix them. */
export interface Clock {
  today(): IsoDate;
  /** ISO-8601 UTC timestamp */
  now(): string;
}

export const systemClock: Clock = {
  today: () => todayIso(),
  now: () => new Date().toISOString(),
};

export function fixedClock(today: IsoDate, time = '08:00:00.000Z'): Clock {
  return { today: () => today, now: () => `${today}T${time}` };
}
