import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessDegreePromotion, assessStructuralPromotion, DEFAULT_CHOICE_PROMOTION_RULES, upkpRequired,
  type DegreePromotionFacts, type StructuralPromotionFacts,
} from '../../shared/domain/careers';
import { addMonths, toIsoDate } from '../../shared/domain/dates';
import type { AnnualSkp } from '../../shared/domain/development';

const skp = (year: number, predikat = 'baik'): AnnualSkp => ({ year, predikat, regime: null, legacyScore: null, legacyLabel: null });
// Period 1 April 2026: usulan deadline 1 January 2026, so the SKP years read are 2023 and 2024 (development.ts).
const PERIOD = '2026-04-01';

function structural(over: Partial<StructuralPromotionFacts> = {}): StructuralPromotionFacts {
  return {
    employmentType: 'PNS', status: 'active', golongan: 32, golonganTmt: '2025-04-01', eselon: 'IV.a',
    structuralSince: '2025-02-01', skp: [skp(2023), skp(2024)], discipline: [], ...over,
  };
}

describe('KP pilihan of a structural official (PP 99/2000 jo PP 12/2002)', () => {
  it('raises a pangkat one level below the eselon’s lowest after exactly 1 year in rank and in the position', () => {
    const a = assessStructuralPromotion(structural({ structuralSince: '2025-04-01' }), PERIOD);
    expect(a.status).toBe('eligible');
    expect(a.targetGolongan).toBe(33);
    expect(a.basis).toBe('Pangkat satu tingkat di bawah pangkat terendah eselon IV.a (III/c): naik setelah 1 tahun dalam pangkat dan 1 tahun dalam jabatan');
    expect(a.reasons).toEqual([]);
  });

  it('blocks one day short of the year in rank, with the day it is met and the first period after it', () => {
    const a = assessStructuralPromotion(structural({ golonganTmt: '2025-04-02' }), PERIOD);
    expect(a.status).toBe('blocked');
    expect(a.reasons).toEqual(['Masa dalam pangkat belum 1 tahun (sejak 2 April 2025); terpenuhi pada 2 April 2026']);
    expect(a.metOn).toBe('2026-04-02');
    expect(a.firstPeriod).toBe('2026-05-01');
  });

  it('waits for the later of the year in rank and the year in the position', () => {
    const a = assessStructuralPromotion(structural({ golonganTmt: '2025-05-01', structuralSince: '2025-08-15' }), PERIOD);
    expect(a.status).toBe('blocked');
    expect(a.metOn).toBe('2026-08-15');
    expect(a.firstPeriod).toBe('2026-09-01');
    expect(a.checks.find((c) => c.key === 'masa_jabatan')!.detail).toBe('Masa dalam jabatan struktural belum 1 tahun (sejak 15 Agustus 2025); terpenuhi pada 15 Agustus 2026');
  });

  it('needs exactly 2 years in rank at the eselon’s lowest (setting)', () => {
    expect(assessStructuralPromotion(structural({ golongan: 33, golonganTmt: '2024-04-01' }), PERIOD).status).toBe('eligible');
    const short = assessStructuralPromotion(structural({ golongan: 33, golonganTmt: '2024-04-02' }), PERIOD);
    expect(short.status).toBe('blocked');
    expect(short.metOn).toBe('2026-04-02');
    const rules = { ...DEFAULT_CHOICE_PROMOTION_RULES, monthsInRankAtLowest: 48 };
    expect(assessStructuralPromotion(structural({ golongan: 33, golonganTmt: '2024-04-01' }), PERIOD, rules).metOn).toBe('2028-04-01');
  });

  it('needs 4 years in rank above the lowest and below the highest of the eselon', () => {
    // I.b runs from IV/c to IV/e: IV/d is inside the range.
    expect(assessStructuralPromotion(structural({ eselon: 'I.b', golongan: 44, golonganTmt: '2022-04-01' }), PERIOD).status).toBe('eligible');
    expect(assessStructuralPromotion(structural({ eselon: 'I.b', golongan: 44, golonganTmt: '2022-04-02' }), PERIOD).metOn).toBe('2026-04-02');
  });

  it('does not apply at the eselon’s highest, nor more than one level below its lowest', () => {
    expect(assessStructuralPromotion(structural({ golongan: 34 }), PERIOD)).toMatchObject({
      status: 'not_applicable', reasons: ['Pangkat III/d sudah mencapai pangkat tertinggi eselon IV.a (III/d)'],
    });
    expect(assessStructuralPromotion(structural({ golongan: 31 }), PERIOD)).toMatchObject({
      status: 'not_applicable', reasons: ['Pangkat III/a lebih dari satu tingkat di bawah pangkat terendah eselon IV.a (III/c); ikuti KP reguler'],
    });
  });

  it('needs the eselon of the position, an active PNS and a golongan', () => {
    expect(assessStructuralPromotion(structural({ eselon: null }), PERIOD).reasons).toEqual(['Eselon jabatan struktural belum diisi']);
    expect(assessStructuralPromotion(structural({ employmentType: 'PPPK' }), PERIOD).status).toBe('not_applicable');
    expect(assessStructuralPromotion(structural({ status: 'retired' }), PERIOD).status).toBe('not_applicable');
    expect(assessStructuralPromotion(structural({ eselon: 'IVa' }), PERIOD).status).toBe('eligible');
  });

  it('reads the eselon’s range, not the education ceiling of KP reguler nor a superior', () => {
    // III.a runs IV/a–IV/b: a III/d official rises to IV/a, above the S-1 ceiling of KP reguler (III/d).
    const a = assessStructuralPromotion(structural({ eselon: 'III.a', golongan: 34 }), PERIOD);
    expect(a.status).toBe('eligible');
    expect(a.targetGolongan).toBe(41);
  });

  it('blocks on an SKP below Baik or missing in the two years of the period, which time does not mend', () => {
    const below = assessStructuralPromotion(structural({ skp: [skp(2023), skp(2024, 'butuh_perbaikan')] }), PERIOD);
    expect(below.reasons).toEqual(['Predikat SKP 2024: Butuh Perbaikan (minimal Baik)']);
    expect(below.metOn).toBeNull();
    const missing = assessStructuralPromotion(structural({ skp: [skp(2024)] }), PERIOD);
    expect(missing.reasons).toEqual(['SKP tahun 2023 belum ada']);
    // An SKP of 2025 is not final by the deadline of 1 April 2026 and is not read.
    expect(assessStructuralPromotion(structural({ skp: [skp(2023), skp(2024), skp(2025, 'kurang')] }), PERIOD).status).toBe('eligible');
  });

  it('is blocked by a punishment running on the period, but not by one ending the day before', () => {
    const running = assessStructuralPromotion(structural({ discipline: [{ kind: 'potongan_tukin_12', startDate: '2025-05-01', endDate: null }] }), PERIOD);
    expect(running.status).toBe('blocked');
    expect(running.reasons[0]).toMatch(/^Sedang menjalani hukuman disiplin sedang .* sampai 30 April 2026/);
    expect(running.metOn).toBe('2026-05-01');
    const ended = assessStructuralPromotion(structural({ discipline: [{ kind: 'potongan_tukin_12', startDate: '2025-04-01', endDate: null }] }), PERIOD);
    expect(ended.status).toBe('eligible');
  });

  it('never moves the day it is met as the period moves on (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 1, max: 28 }), (monthsBack, step, day) => {
      const tmt = toIsoDate(2024, 1, day);
      // SKP Baik in every year, so that only time differs between the two periods.
      const everyYear = Array.from({ length: 10 }, (_, i) => skp(2020 + i));
      const facts = structural({ golonganTmt: addMonths(tmt, monthsBack % 24), structuralSince: tmt, skp: everyYear });
      const earlier = assessStructuralPromotion(facts, '2025-10-01');
      const later = assessStructuralPromotion(facts, addMonths('2025-10-01', step));
      if (earlier.status === 'eligible') expect(later.status).toBe('eligible');
      if (earlier.metOn && later.metOn) expect(later.metOn).toBe(earlier.metOn);
    }));
  });
});

function degree(over: Partial<DegreePromotionFacts> = {}, education: Partial<DegreePromotionFacts['education']> = {}): DegreePromotionFacts {
  return {
    employmentType: 'PNS', status: 'active', golongan: 21, golonganTmt: '2024-01-01', mkgYears: 5, skp: [skp(2024)], discipline: [],
    education: {
      level: 'S1', graduationDate: '2025-08-01', basis: 'tugas_belajar', studyStart: '2021-09-01', izinDate: null, upkpPassed: true, neededByPosition: true,
      ...education,
    },
    ...over,
  };
}

describe('KP penyesuaian ijazah', () => {
  it('raises to the entry golongan of the new education, several steps at once', () => {
    const a = assessDegreePromotion(degree(), PERIOD);
    expect(a.status).toBe('eligible');
    expect(a.targetGolongan).toBe(31);
    expect(a.basis).toBe('Ijazah S-1: golongan awal Penata Muda (III/a) (4 tingkat)');
  });

  it('needs exactly 1 year in rank', () => {
    expect(assessDegreePromotion(degree({ golonganTmt: '2025-04-01' }), PERIOD).status).toBe('eligible');
    const short = assessDegreePromotion(degree({ golonganTmt: '2025-04-02' }), PERIOD);
    expect(short.status).toBe('blocked');
    expect(short.metOn).toBe('2026-04-02');
  });

  it('reads the SKP of the last year only', () => {
    expect(assessDegreePromotion(degree({ skp: [skp(2023, 'kurang'), skp(2024)] }), PERIOD).status).toBe('eligible');
    expect(assessDegreePromotion(degree({ skp: [skp(2024, 'kurang')] }), PERIOD).reasons).toEqual(['Predikat SKP 2024: Kurang (minimal Baik)']);
  });

  it('asks for the UPKP when the target is in a higher golongan, by default', () => {
    expect(upkpRequired(21, 31)).toBe(true);
    expect(upkpRequired(21, 23)).toBe(false);
    expect(assessDegreePromotion(degree({}, { upkpPassed: null }), PERIOD).reasons).toEqual(['Belum lulus ujian penyesuaian kenaikan pangkat']);
    expect(assessDegreePromotion(degree({}, { upkpPassed: false }), PERIOD).reasons).toEqual(['Tidak lulus ujian penyesuaian kenaikan pangkat']);
    // II/a with a new D-III: II/c, within golongan II, no UPKP by default.
    const d3 = assessDegreePromotion(degree({}, { level: 'D3', upkpPassed: null }), PERIOD);
    expect(d3.status).toBe('eligible');
    expect(d3.targetGolongan).toBe(23);
    const always = { ...DEFAULT_CHOICE_PROMOTION_RULES, upkpRequired: 'always' as const };
    expect(assessDegreePromotion(degree({}, { level: 'D3', upkpPassed: null }), PERIOD, always).status).toBe('blocked');
  });

  it('counts an izin belajar only when granted before the study', () => {
    const izin = { basis: 'izin_belajar' as const, studyStart: '2021-09-01' };
    expect(assessDegreePromotion(degree({}, { ...izin, izinDate: '2021-09-01' }), PERIOD).status).toBe('eligible');
    expect(assessDegreePromotion(degree({}, { ...izin, izinDate: '2021-09-02' }), PERIOD).reasons).toEqual([
      'Izin belajar diberikan 2 September 2021, setelah studi dimulai 1 September 2021',
    ]);
    expect(assessDegreePromotion(degree({}, { basis: null }), PERIOD).reasons).toEqual(['Ijazah tidak diperoleh melalui izin belajar atau tugas belajar']);
  });

  it('waits for the office’s judgement that the position needs the education, which time does not bring', () => {
    const a = assessDegreePromotion(degree({}, { neededByPosition: null }), PERIOD);
    expect(a.status).toBe('blocked');
    expect(a.reasons).toEqual(['Kesesuaian pendidikan baru dengan jabatan/tugas belum dinilai']);
    expect(a.metOn).toBeNull();
  });

  it('does not apply when the education enters at or below the present golongan', () => {
    expect(assessDegreePromotion(degree({ golongan: 31 }), PERIOD)).toMatchObject({
      status: 'not_applicable', reasons: ['Golongan awal ijazah S-1 (III/a) tidak lebih tinggi dari golongan sekarang (III/a)'],
    });
  });

  it('checks the masa kerja golongan of a target only where the office entered one', () => {
    const rules = { ...DEFAULT_CHOICE_PROMOTION_RULES, minMkgYearsByTarget: { 31: 6 } };
    expect(assessDegreePromotion(degree(), PERIOD, rules).reasons).toEqual(['Masa kerja golongan 5 tahun, kurang dari 6 tahun']);
    expect(assessDegreePromotion(degree({ mkgYears: 6 }), PERIOD, rules).status).toBe('eligible');
  });

  it('is blocked by a running punishment like every KP', () => {
    const a = assessDegreePromotion(degree({ discipline: [{ kind: 'pembebasan_jabatan', startDate: '2025-06-01', endDate: null }] }), PERIOD);
    expect(a.status).toBe('blocked');
    expect(a.metOn).toBe('2026-06-01');
  });
});
