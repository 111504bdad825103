import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessKgb, DEFAULT_KGB_RULES, isKgbYear, kgbDueInMonths, kgbSkpYear, latestKgbBasis, nextKgbAfter,
  type KgbBasisRecord, type KgbFacts,
} from '../../shared/domain/careers';
import { addMonths, fullMonthsBetween, toIsoDate } from '../../shared/domain/dates';
import type { AnnualSkp } from '../../shared/domain/development';

const skp = (year: number, predikat: string | null = 'baik', legacyLabel: string | null = null): AnnualSkp => ({ year, predikat, regime: null, legacyScore: null, legacyLabel });
const kgb = (tmt: string, mkgYears: number, mkgMonths = 0): KgbBasisRecord => ({ source: 'kgb', tmt, mkgYears, mkgMonths });
const kp = (tmt: string, mkgYears: number, mkgMonths = 0): KgbBasisRecord => ({ source: 'kp', tmt, mkgYears, mkgMonths });

function facts(golongan: number, records: KgbBasisRecord[], over: Partial<KgbFacts> = {}): KgbFacts {
  return { employmentType: 'PNS', status: 'active', golongan, records, skp: [skp(2023), skp(2024), skp(2025), skp(2026)], ...over };
}

describe('KGB every 2 years of masa kerja golongan', () => {
  it('steps golongan I and II at odd MKG years, III and IV at even ones', () => {
    expect([1, 2, 3, 4, 5].map((y) => isKgbYear(2, y))).toEqual([true, false, true, false, true]);
    expect([1, 2, 3, 4, 5].map((y) => isKgbYear(3, y))).toEqual([false, true, false, true, false]);
    expect(isKgbYear(1, 27)).toBe(true);
    expect(isKgbYear(4, 0)).toBe(false);
  });

  it('falls due 2 years after a KGB notice, golongan II at odd MKG', () => {
    expect(assessKgb(facts(23, [kgb('2024-03-01', 5)]))).toMatchObject({ status: 'due', dueDate: '2026-03-01', mkgYearsAtDue: 7 });
  });

  it('falls due 2 years after a KGB notice, golongan III at even MKG', () => {
    expect(assessKgb(facts(33, [kgb('2024-03-01', 6)]))).toMatchObject({ status: 'due', dueDate: '2026-03-01', mkgYearsAtDue: 8 });
  });

  it('comes sooner after a KP decree whose MKG is between two steps', () => {
    // III/a with MKG 3 tahun 3 bulan: the next even year is 4, 9 months on.
    expect(assessKgb(facts(31, [kp('2025-04-01', 3, 3)]))).toMatchObject({ dueDate: '2026-01-01', mkgYearsAtDue: 4 });
    // II/a at MKG 0: the first step is MKG 1, a year on; III/a at MKG 0 steps at MKG 2.
    expect(assessKgb(facts(21, [kp('2025-04-01', 0)]))).toMatchObject({ dueDate: '2026-04-01', mkgYearsAtDue: 1 });
    expect(assessKgb(facts(31, [kp('2025-04-01', 0)]))).toMatchObject({ dueDate: '2027-04-01', mkgYearsAtDue: 2 });
    // A decree at an even MKG in golongan II, or an odd one in golongan III, steps a year later.
    expect(assessKgb(facts(22, [kp('2025-04-01', 2)]))).toMatchObject({ dueDate: '2026-04-01', mkgYearsAtDue: 3 });
    expect(assessKgb(facts(32, [kp('2025-04-01', 3)]))).toMatchObject({ dueDate: '2026-04-01', mkgYearsAtDue: 4 });
  });

  it('counts from the later of the last KP decree and the last KGB notice', () => {
    const records = [kgb('2024-03-01', 6), kp('2025-04-01', 3, 3), kgb('2022-03-01', 4)];
    expect(latestKgbBasis(records)).toEqual(kp('2025-04-01', 3, 3));
    const a = assessKgb(facts(31, records));
    expect(a.dueDate).toBe('2026-01-01');
    expect(a.basisText).toBe('SK kenaikan pangkat terakhir TMT 1 April 2025 (masa kerja golongan 3 tahun 3 bulan)');
    expect(latestKgbBasis([kgb('2025-04-01', 4), kp('2025-04-01', 3, 3)])).toEqual(kgb('2025-04-01', 4));
  });

  it('stops at the highest MKG of the salary table (setting)', () => {
    expect(assessKgb(facts(41, [kgb('2024-01-01', 30)]))).toMatchObject({ status: 'due', mkgYearsAtDue: 32 });
    const top = assessKgb(facts(41, [kgb('2024-01-01', 32)]));
    expect(top.status).toBe('not_applicable');
    expect(top.basisText).toBe('KGB terakhir TMT 1 Januari 2024 (masa kerja golongan 32 tahun 0 bulan)');
    expect(top.reasons).toEqual(['Masa kerja golongan sudah mencapai batas tabel gaji golongan IV']);
  });

  it('applies to active PNS with a decree or notice on record', () => {
    expect(assessKgb(facts(31, [])).reasons).toEqual(['Belum ada SK kenaikan pangkat atau pemberitahuan KGB dengan masa kerja golongan']);
    expect(assessKgb(facts(31, [kgb('2024-01-01', 4)], { employmentType: 'PPPK' })).status).toBe('not_applicable');
    expect(assessKgb(facts(31, [kgb('2024-01-01', 4)], { status: 'retired' })).status).toBe('not_applicable');
  });
});

describe('KGB and performance', () => {
  it('reads the latest annual SKP that is final by the due date', () => {
    expect(kgbSkpYear('2026-02-28')).toBe(2025);
    expect(kgbSkpYear('2026-02-27')).toBe(2024);
    expect(kgbSkpYear('2026-01-01')).toBe(2024);
  });

  it('is blocked by an SKP below Baik, or missing', () => {
    const below = assessKgb(facts(33, [kgb('2024-03-01', 6)], { skp: [skp(2025, 'butuh_perbaikan')] }));
    expect(below.status).toBe('blocked');
    expect(below.dueDate).toBe('2026-03-01');
    expect(below.reasons).toEqual(['Predikat SKP 2025: Butuh Perbaikan (minimal Baik)']);
    expect(assessKgb(facts(33, [kgb('2024-03-01', 6)], { skp: [skp(2024)] })).reasons).toEqual(['SKP tahun 2025 belum ada']);
  });

  it('accepts Cukup when the office sets the minimum to cukup', () => {
    const cukup = { ...DEFAULT_KGB_RULES, minimumPerformance: 'cukup' as const };
    expect(assessKgb(facts(33, [kgb('2024-03-01', 6)], { skp: [skp(2025, 'butuh_perbaikan')] }), cukup).status).toBe('due');
    expect(assessKgb(facts(33, [kgb('2017-03-01', 6)], { skp: [skp(2018, null, 'Cukup')] }), cukup).status).toBe('due');
    expect(assessKgb(facts(33, [kgb('2017-03-01', 6)], { skp: [skp(2018, null, 'Cukup')] })).status).toBe('blocked');
    expect(assessKgb(facts(33, [kgb('2024-03-01', 6)], { skp: [skp(2025, 'kurang')] }), cukup).status).toBe('blocked');
  });
});

describe('who is due in the chosen months', () => {
  const people = [
    { id: 1, facts: facts(33, [kgb('2024-03-01', 6)]) }, // 1 March 2026
    { id: 2, facts: facts(23, [kgb('2024-01-01', 5)]) }, // 1 January 2026
    { id: 3, facts: facts(31, [kp('2025-04-01', 0)]) }, // 1 April 2027
    { id: 4, facts: facts(33, [kgb('2024-02-01', 6)], { skp: [] }) }, // 1 February 2026, blocked
  ];

  it('lists those due in the months, both months included, earliest first, blocked ones with their reason', () => {
    const due = kgbDueInMonths(people, '2026-01', '2026-03');
    expect(due.map((d) => d.person.id)).toEqual([2, 4, 1]);
    expect(due[1].assessment.status).toBe('blocked');
    expect(kgbDueInMonths(people, '2026-03', '2026-03').map((d) => d.person.id)).toEqual([1]);
    expect(kgbDueInMonths(people, '2026-04', '2027-03')).toEqual([]);
  });
});

describe('KGB properties', () => {
  const basis = fc.record({
    tmt: fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => toIsoDate(y, m, 1)),
    mkgYears: fc.integer({ min: 0, max: 30 }),
    mkgMonths: fc.integer({ min: 0, max: 11 }),
    group: fc.integer({ min: 1, max: 4 }),
  });

  it('falls due after the basis, within 2 years, at an MKG year of the golongan’s parity', () => {
    fc.assert(fc.property(basis, ({ tmt, mkgYears, mkgMonths, group }) => {
      const next = nextKgbAfter(kgb(tmt, mkgYears, mkgMonths), group);
      const months = fullMonthsBetween(tmt, next.dueDate);
      expect(months).toBeGreaterThan(0);
      expect(months).toBeLessThanOrEqual(24);
      expect(isKgbYear(group, next.mkgYears)).toBe(true);
      expect(next.mkgYears * 12).toBe(mkgYears * 12 + mkgMonths + months);
    }));
  });

  it('never moves backwards once the due KGB is recorded: the next one is 2 years later', () => {
    fc.assert(fc.property(basis, ({ tmt, mkgYears, mkgMonths, group }) => {
      const first = nextKgbAfter(kgb(tmt, mkgYears, mkgMonths), group);
      const second = nextKgbAfter(kgb(first.dueDate, first.mkgYears), group);
      expect(second.dueDate).toBe(addMonths(first.dueDate, 24));
      expect(second.mkgYears).toBe(first.mkgYears + 2);
    }));
  });
});
