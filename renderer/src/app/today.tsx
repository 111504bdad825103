import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { todayIso, type IsoDate } from '../../../shared/domain/dates';
import { call } from '../api/client';

// "Today" is main's day, not the browser's: main's clock is the one fixed for tests and `--as-of`, and the
// rules the screens apply run there. Screens read it with useToday(); nothing in the renderer calls new Date()
// for a calendar day.

const TodayContext = createContext<IsoDate | null>(null);

/** How often the day is asked again, so an app left open overnight moves to the new day. */
const REFRESH_MS = 10 * 60_000;

export function TodayProvider({ children }: { children: ReactNode }) {
  const [today, setToday] = useState<IsoDate | null>(null);
  useEffect(() => {
    let alive = true;
    const ask = () =>
      call('app:today', {})
        .then((answer) => alive && setToday(answer.today))
        // Main unreachable: the screens will say so on their own calls; the browser's day keeps forms usable.
        .catch(() => alive && setToday((known) => known ?? todayIso()));
    void ask();
    const timer = setInterval(ask, REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  // Nothing draws before the day is known, so no form starts from the browser's date.
  if (today === null) return null;
  return <TodayContext.Provider value={today}>{children}</TodayContext.Provider>;
}

export function useToday(): IsoDate {
  const today = useContext(TodayContext);
  if (today === null) throw new Error('useToday() di luar TodayProvider');
  return today;
}

export function useCurrentYear(): number {
  return Number(useToday().slice(0, 4));
}
