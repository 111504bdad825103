import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessSatyalancana, DEFAULT_SATYALANCANA_RULES, satyalancanaReachedInYear, type SatyalancanaAssessment, type SatyalancanaFacts,
} from '../../shared/domain/careers';
import { addDays, toIsoDate } from '../../shared/domain/dates';

function facts(over: Partial<SatyalancanaFacts> = {}): SatyalancanaFacts {
  return { employmentType: 'PNS', status: 'active', cpnsTmt: '2016-03-01', cltn: [], discipline: [], held: [], ...over };
}
const byClass = (list: SatyalancanaAssessment[], c: string) => list.find((a) => a.class === c)!;
const restart = { ...DEFAULT_SATYALANCANA_RULES, interruption: 'restart' as const };

describe('Satyalancana Karya Satya X, XX, XXX (PP 35/2010)', () => {
  it('reaches 10 years of service on the anniversary of TMT CPNS to the day', () => {
    expect(byClass(assessSatyalancana(facts(), '2026-03-01'), 'X')).toMatchObject({ status: 'eligible', reachedOn: '2026-03-01', proposeWith: null });
    const dayBefore = byClass(assessSatyalancana(facts(), '2026-02-28'), 'X');
    expect(dayBefore).toMatchObject({ status: 'not_yet', reachedOn: '2026-03-01' });
    expect(dayBefore.reasons).toEqual(['Masa kerja 10 tahun tercapai pada 1 Maret 2026']);
  });

  it('reaches it on 28 February for a TMT CPNS on 29 February', () => {
    expect(byClass(assessSatyalancana(facts({ cpnsTmt: '2016-02-29' }), '2026-02-28'), 'X')).toMatchObject({ status: 'eligible', reachedOn: '2026-02-28' });
  });

  it('proposes XX together with X when X is not held, and alone when it is', () => {
    const list = assessSatyalancana(facts({ cpnsTmt: '2006-01-01' }), '2026-06-01');
    expect(byClass(list, 'X')).toMatchObject({ status: 'eligible', proposeWith: null });
    expect(byClass(list, 'XX')).toMatchObject({ status: 'eligible', reachedOn: '2026-01-01', proposeWith: 'X' });
    expect(byClass(list, 'XXX')).toMatchObject({ status: 'not_yet', reachedOn: '2036-01-01', proposeWith: 'XX' });
    const held = assessSatyalancana(facts({ cpnsTmt: '2006-01-01', held: ['X'] }), '2026-06-01');
    expect(byClass(held, 'X').status).toBe('held');
    expect(byClass(held, 'XX')).toMatchObject({ status: 'eligible', proposeWith: null });
  });

  it('is barred by a hukuman disiplin sedang or berat in the counted time', () => {
    const sedang = assessSatyalancana(facts({ discipline: [{ kind: 'potongan_tukin_9', startDate: '2020-02-01', endDate: null }] }), '2026-03-01');
    expect(byClass(sedang, 'X')).toMatchObject({ status: 'blocked', reachedOn: null });
    expect(byClass(sedang, 'X').reasons).toEqual(['Terhalang hukuman disiplin sedang (pemotongan tunjangan kinerja 25% selama 9 bulan) TMT 1 Februari 2020']);
    const dismissal = assessSatyalancana(facts({ discipline: [{ kind: 'pemberhentian', startDate: '2025-01-01', endDate: null }] }), '2026-03-01');
    expect(byClass(dismissal, 'X').status).toBe('blocked');
  });

  it('is not barred by a ringan punishment, nor by one that starts after the proposal', () => {
    const ringan = assessSatyalancana(facts({ discipline: [{ kind: 'teguran_tertulis', startDate: '2020-02-01', endDate: null }] }), '2026-03-01');
    expect(byClass(ringan, 'X').status).toBe('eligible');
    const later = assessSatyalancana(facts({ discipline: [{ kind: 'penurunan_jabatan', startDate: '2026-03-02', endDate: null }] }), '2026-03-01');
    expect(byClass(later, 'X').status).toBe('eligible');
  });

  it('is not barred by a punishment that ended the day before TMT CPNS', () => {
    const before = assessSatyalancana(facts({ discipline: [{ kind: 'potongan_tukin_6', startDate: '2015-09-01', endDate: null }] }), '2026-03-01');
    expect(byClass(before, 'X').status).toBe('eligible');
  });

  it('is barred by a cuti di luar tanggungan negara in the counted time', () => {
    const cltn = assessSatyalancana(facts({ cltn: [{ start: '2019-01-01', end: '2019-12-31' }] }), '2026-03-01');
    expect(byClass(cltn, 'X').reasons).toEqual(['Terhalang cuti di luar tanggungan negara 1 Januari 2019 – 31 Desember 2019']);
    const running = assessSatyalancana(facts({ cltn: [{ start: '2025-07-01', end: null }] }), '2026-03-01');
    expect(byClass(running, 'X').reasons).toEqual(['Terhalang cuti di luar tanggungan negara 1 Juli 2025 (belum berakhir)']);
  });

  it('counts service again from the day after an interruption when the office sets restart', () => {
    const cltn = assessSatyalancana(facts({ cltn: [{ start: '2019-01-01', end: '2019-12-31' }] }), '2026-03-01', restart);
    expect(byClass(cltn, 'X')).toMatchObject({ status: 'not_yet', reachedOn: '2030-01-01', serviceYearsOn: '2026-03-01' });
    const both = facts({ cltn: [{ start: '2019-01-01', end: '2019-12-31' }], discipline: [{ kind: 'potongan_tukin_6', startDate: '2022-01-01', endDate: null }] });
    expect(byClass(assessSatyalancana(both, '2033-01-01', restart), 'X')).toMatchObject({ status: 'eligible', reachedOn: '2032-07-01' });
    const open = assessSatyalancana(facts({ cltn: [{ start: '2025-07-01', end: null }] }), '2026-03-01', restart);
    expect(byClass(open, 'X').status).toBe('blocked');
  });

  it('applies to active PNS and CPNS with a TMT CPNS', () => {
    expect(byClass(assessSatyalancana(facts({ employmentType: 'PPPK' }), '2026-03-01'), 'X').status).toBe('not_applicable');
    expect(byClass(assessSatyalancana(facts({ cpnsTmt: null }), '2026-03-01'), 'X').reasons).toEqual(['TMT CPNS belum diisi']);
  });
});

describe('the nominative list of a year', () => {
  it('lists the classes reached in the year, the blocked ones with their reason', () => {
    expect(satyalancanaReachedInYear(facts(), 2026).map((a) => a.class)).toEqual(['X']);
    expect(satyalancanaReachedInYear(facts(), 2025)).toEqual([]);
    expect(satyalancanaReachedInYear(facts({ cpnsTmt: '1996-12-31' }), 2026).map((a) => a.class)).toEqual(['XXX']);
    const blocked = satyalancanaReachedInYear(facts({ cltn: [{ start: '2019-01-01', end: '2019-06-30' }] }), 2026);
    expect(blocked).toHaveLength(1);
    expect(blocked[0].status).toBe('blocked');
  });

  it('does not list a class already held', () => {
    expect(satyalancanaReachedInYear(facts({ held: ['X'] }), 2026)).toEqual([]);
  });
});

describe('Satyalancana properties', () => {
  const day = fc.tuple(fc.integer({ min: 1975, max: 2020 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => toIsoDate(y, m, d));

  it('keeps the day reached as time passes, and never turns eligible back', () => {
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 3_000 }), (cpnsTmt, a, b) => {
      const first = assessSatyalancana(facts({ cpnsTmt }), addDays(cpnsTmt, a));
      const later = assessSatyalancana(facts({ cpnsTmt }), addDays(cpnsTmt, a + b));
      first.forEach((f, i) => {
        expect(later[i].reachedOn).toBe(f.reachedOn);
        if (f.status === 'eligible') expect(later[i].status).toBe('eligible');
      });
    }));
  });

  it('never reaches a class earlier after an interruption under restart', () => {
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 800 }), (cpnsTmt, offset, length) => {
      const start = addDays(cpnsTmt, offset);
      const f = facts({ cpnsTmt, cltn: [{ start, end: addDays(start, length) }] });
      for (const a of assessSatyalancana(f, '2060-01-01', restart)) {
        if (a.reachedOn) expect(a.reachedOn >= a.serviceYearsOn!).toBe(true);
      }
    }));
  });
});
