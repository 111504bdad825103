import { isIsoDate, todayIso, type IsoDate } from '../../shared/domain/dates';
import { AppError } from '../../shared/errors';

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

/**
 * The variable that fixes "today" for a whole process tree. The test runners set it once (vitest.config.ts,
 * playwright.config.ts), so the web host, the CLI and the demo they spawn all live on the same day and no
 * test result depends on the date the suite runs.
 */
export const FIXED_TODAY_ENV = 'JENJANG_TODAY';

/** The system clock, or a fixed day when JENJANG_TODAY names one (refused loudly when it is malformed). */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock {
  const fixed = env[FIXED_TODAY_ENV];
  if (fixed === undefined || fixed === '') return systemClock;
  if (!isIsoDate(fixed)) throw new AppError('validation', `${FIXED_TODAY_ENV} harus tanggal TTTT-BB-HH yang valid, bukan "${fixed}".`);
  return fixedClock(fixed);
}
