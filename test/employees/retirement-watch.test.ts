// Who needs a pension decision: passed the TMT pensiun while still Aktif, or reaching it within 12 months.

import { describe, expect, it } from 'vitest';
import { retirementWatchOf, retirementWindow } from '../../shared/domain/retirement-watch';

describe('retirement watch lists', () => {
  const today = '2026-11-24';

  it('puts an active employee on or after the TMT pensiun on the overdue list', () => {
    expect(retirementWatchOf('active', '2026-11-01', today)).toBe('overdue');
    expect(retirementWatchOf('active', '2026-11-24', today)).toBe('overdue');
    expect(retirementWatchOf('active', '2019-04-01', today)).toBe('overdue');
  });

  it('puts one whose TMT pensiun is after today and at most 12 months on the upcoming list', () => {
    expect(retirementWatchOf('active', '2026-12-01', today)).toBe('upcoming');
    expect(retirementWatchOf('active', '2027-11-01', today)).toBe('upcoming');
    expect(retirementWatchOf('active', '2027-12-01', today)).toBeNull();
  });

  it('leaves out everyone who is no longer active, and records without a date', () => {
    expect(retirementWatchOf('retired', '2026-11-01', today)).toBeNull();
    expect(retirementWatchOf('moved', '2027-01-01', today)).toBeNull();
    expect(retirementWatchOf('active', null, today)).toBeNull();
  });

  it('gives the list filter the same ranges', () => {
    expect(retirementWindow('overdue', today)).toEqual({ retirementUntil: '2026-11-24' });
    expect(retirementWindow('upcoming', today)).toEqual({ retirementAfter: '2026-11-24', retirementUntil: '2027-11-24' });
    expect(retirementWindow(undefined, today)).toEqual({});
    // The end of a short month: 12 months after 29 February is 28 February.
    expect(retirementWindow('upcoming', '2028-02-29').retirementUntil).toBe('2029-02-28');
  });
});
