import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISCIPLINE_RULES, DISCIPLINE_KINDS, disciplineBlock, disciplineCheck, disciplinePeriod, isRunningOn, runsDuring,
  type DisciplineRecord,
} from '../../shared/domain/careers';
import { addDays, toIsoDate } from '../../shared/domain/dates';

const record = (kind: DisciplineRecord['kind'], startDate: string, endDate: string | null = null): DisciplineRecord => ({ kind, startDate, endDate });

describe('hukuman disiplin: categories and periods (PP 94/2021)', () => {
  it('has the three ringan, three sedang and three berat kinds of PP 94/2021', () => {
    const count = (c: string) => DISCIPLINE_KINDS.filter((k) => k.category === c).length;
    expect([count('ringan'), count('sedang'), count('berat')]).toEqual([3, 3, 3]);
  });

  it('runs a 6-month tukin cut from its TMT to the day before the same date 6 months on', () => {
    expect(disciplinePeriod(record('potongan_tukin_6', '2026-01-01'))).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(isRunningOn(record('potongan_tukin_6', '2026-01-01'), '2026-01-01')).toBe(true);
    expect(isRunningOn(record('potongan_tukin_6', '2026-01-01'), '2026-06-30')).toBe(true);
    expect(isRunningOn(record('potongan_tukin_6', '2026-01-01'), '2026-07-01')).toBe(false);
    expect(isRunningOn(record('potongan_tukin_6', '2026-01-01'), '2025-12-31')).toBe(false);
  });

  it('takes the end written on the decree over the kind’s months', () => {
    expect(disciplinePeriod(record('potongan_tukin_12', '2026-01-15', '2026-10-31'))).toEqual({ start: '2026-01-15', end: '2026-10-31' });
  });

  it('never ends a dismissal', () => {
    expect(disciplinePeriod(record('pemberhentian', '2025-05-01'))).toEqual({ start: '2025-05-01', end: null });
    expect(isRunningOn(record('pemberhentian', '2025-05-01'), '2040-01-01')).toBe(true);
  });

  it('gives a ringan punishment no running period by default, and the months of the setting otherwise', () => {
    expect(disciplinePeriod(record('teguran_tertulis', '2026-03-10'))).toBeNull();
    expect(isRunningOn(record('teguran_tertulis', '2026-03-10'), '2026-03-10')).toBe(false);
    const rules = { ...DEFAULT_DISCIPLINE_RULES, ringanRunningMonths: 3 };
    expect(disciplinePeriod(record('teguran_tertulis', '2026-03-10'), rules)).toEqual({ start: '2026-03-10', end: '2026-06-09' });
  });

  it('finds a punishment overlapping a span on its first or last day only', () => {
    const r = record('penurunan_jabatan', '2025-04-01');
    expect(runsDuring(r, '2026-03-31', '2026-12-31')).toBe(true);
    expect(runsDuring(r, '2026-04-01', '2026-12-31')).toBe(false);
    expect(runsDuring(r, '2020-01-01', '2025-04-01')).toBe(true);
    expect(runsDuring(r, '2020-01-01', '2025-03-31')).toBe(false);
  });
});

describe('what a running punishment blocks', () => {
  const demotion = record('penurunan_jabatan', '2025-04-01'); // runs to 31 March 2026

  it('does not block a period that starts the day after the punishment ends', () => {
    expect(disciplineBlock([demotion], '2026-04-01', 'kp').blocked).toBe(false);
  });

  it('blocks on its last day, says until when, and clears the next day', () => {
    const block = disciplineBlock([demotion], '2026-03-31', 'kp');
    expect(block.blocked).toBe(true);
    expect(block.clearOn).toBe('2026-04-01');
    expect(block.message).toBe(
      'Sedang menjalani hukuman disiplin berat (penurunan jabatan setingkat lebih rendah selama 12 bulan) sampai 31 Maret 2026; tidak dapat masuk usulan kenaikan pangkat',
    );
  });

  it('names the list it keeps the person out of', () => {
    expect(disciplineBlock([demotion], '2025-10-01', 'succession').message).toMatch(/tidak dapat masuk kandidat suksesi$/);
    expect(disciplineBlock([demotion], '2025-10-01', 'promotion_list').message).toMatch(/tidak dapat masuk daftar usulan promosi jabatan$/);
  });

  it('clears only when the last of several running punishments ends', () => {
    const block = disciplineBlock([demotion, record('potongan_tukin_9', '2025-09-01')], '2026-03-01', 'kp');
    expect(block.running).toHaveLength(2);
    expect(block.clearOn).toBe('2026-06-01');
    expect(block.message).toMatch(/^Sedang menjalani hukuman disiplin sedang \(pemotongan tunjangan kinerja 25% selama 9 bulan\) sampai 31 Mei 2026;/);
  });

  it('has no clear day under a dismissal, so time alone never lifts it', () => {
    const check = disciplineCheck([record('pemberhentian', '2025-05-01')], '2026-04-01', 'kp');
    expect(check.met).toBe(false);
    expect(check.metOn).toBeNull();
  });

  it('lets the office choose which categories block', () => {
    const rules = { ringanRunningMonths: 6, blockingCategories: { ...DEFAULT_DISCIPLINE_RULES.blockingCategories, kp: ['sedang', 'berat'] as const } };
    const warning = record('teguran_lisan', '2026-01-05');
    expect(disciplineBlock([warning], '2026-02-01', 'kp', rules).blocked).toBe(false);
    expect(disciplineBlock([warning], '2026-02-01', 'succession', rules).blocked).toBe(true);
  });

  it('reports a running punishment as a check met on the day after it ends', () => {
    const check = disciplineCheck([demotion], '2026-01-01', 'kp');
    expect(check).toMatchObject({ key: 'hukuman_disiplin', met: false, metOn: '2026-04-01' });
    expect(disciplineCheck([demotion], '2026-04-01', 'kp')).toMatchObject({ met: true, metOn: null });
  });

  it('runs every timed punishment on its last day and never the day after (property)', () => {
    const timed = DISCIPLINE_KINDS.filter((k) => k.months !== null).map((k) => k.code);
    fc.assert(fc.property(
      fc.constantFrom(...timed), fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }),
      (kind, year, month, day) => {
        const start = toIsoDate(year, month, Math.min(day, 28));
        const r = record(kind, start);
        const end = disciplinePeriod(r)!.end!;
        expect(isRunningOn(r, end)).toBe(true);
        expect(isRunningOn(r, addDays(end, 1))).toBe(false);
        expect(disciplineBlock([r], addDays(end, 1), 'kp').blocked).toBe(false);
      },
    ));
  });
});
