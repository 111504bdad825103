import { describe, expect, it } from 'vitest';
import {
  allocateJp, assessRegularPromotion, DEFAULT_PROMOTION_CALENDAR, isPromotionPeriod, isRotationCandidate, jpByYear, meetsJpTarget,
  mentorSeniority, missingRequiredTrainings, monthsInRankRequired, nextPromotionPeriod, parseTrainingType, promotionDeadline, promotionPeriodsBetween,
  promotionSkpYears, proposeDevelopmentPlan, requiredTrainings, serviceYearsMonths, skpDueDate, skpMeetsBaik, upcomingPromotionPeriods,
  validatePromotionCalendar, type AnnualSkp, type CatalogActivity, type PromotionFacts,
} from '../../shared/domain/development';
import { educationInfo, parseEducationLevel } from '../../shared/domain/education';

describe('JP per calendar year (PP 11/2017 Pasal 203(4))', () => {
  const spanning = { startDate: '2025-12-15', endDate: '2026-01-10', jp: 30 };

  it('counts a training spanning two years in the year it ends by default', () => {
    expect(allocateJp(spanning, 'end')).toEqual([{ year: 2026, jp: 30 }]);
  });

  it('can count it in the year it starts instead', () => {
    expect(allocateJp(spanning, 'start')).toEqual([{ year: 2025, jp: 30 }]);
  });

  it('can split it by the days in each year (17 days in 2025, 10 in 2026)', () => {
    const [a, b] = allocateJp(spanning, 'prorate');
    expect(a.year).toBe(2025);
    expect(a.jp).toBeCloseTo((30 * 17) / 27, 10);
    expect(b.year).toBe(2026);
    expect(b.jp).toBeCloseTo((30 * 10) / 27, 10);
    expect(a.jp + b.jp).toBeCloseTo(30, 10);
  });

  it('splits a training over three years day by day, including a leap year', () => {
    const parts = allocateJp({ startDate: '2023-12-31', endDate: '2025-01-01', jp: 368 }, 'prorate');
    expect(parts.map((p) => p.year)).toEqual([2023, 2024, 2025]);
    expect(parts.map((p) => Math.round(p.jp * 1e6) / 1e6)).toEqual([1, 366, 1]);
  });

  it('keeps the year boundary: 31 December counts in that year, 1 January in the next', () => {
    const totals = jpByYear([
      { startDate: '2025-12-29', endDate: '2025-12-31', jp: 12 },
      { startDate: '2026-01-01', endDate: '2026-01-02', jp: 8 },
      { startDate: '2025-03-01', endDate: '2025-03-03', jp: 9 },
    ], 'end');
    expect(Object.fromEntries(totals)).toEqual({ 2025: 21, 2026: 8 });
  });

  it('counts a record whose end precedes its start (bad data) in the end year under every rule', () => {
    for (const rule of ['end', 'start', 'prorate'] as const) {
      expect(allocateJp({ startDate: '2026-02-01', endDate: '2025-12-01', jp: 5 }, rule)).toEqual([{ year: 2025, jp: 5 }]);
    }
  });

  it('compares with the target after rounding to two decimals', () => {
    expect(meetsJpTarget(20, 20)).toBe(true);
    expect(meetsJpTarget(19.999, 20)).toBe(true);
    expect(meetsJpTarget(19.99, 20)).toBe(false);
    expect(meetsJpTarget(0, 20)).toBe(false);
  });
});

describe('promotion periods (PP 12/2002, Peraturan BKN 4/2023 and 4/2025)', () => {
  const cal = DEFAULT_PROMOTION_CALENDAR;

  it.each([
    ['2023-04-01', true], ['2023-07-01', false], ['2023-10-01', true], ['2023-12-01', false],
    ['2024-02-01', true], ['2024-03-01', false], ['2024-12-01', true], ['2025-08-01', true], ['2025-09-01', false],
    ['2025-10-01', true], ['2025-11-01', true], ['2026-01-01', true], ['2026-03-02', false],
  ])('%s is a period: %s', (date, expected) => {
    expect(isPromotionPeriod(date, cal)).toBe(expected);
  });

  it.each([
    ['2023-04-02', '2023-10-01'], ['2023-10-02', '2024-02-01'], ['2024-12-02', '2025-02-01'], ['2025-08-02', '2025-10-01'],
    ['2025-10-02', '2025-11-01'], ['2026-11-24', '2026-12-01'], ['2026-12-01', '2026-12-01'], ['2019-05-15', '2019-10-01'],
  ])('the next period after %s is %s', (from, expected) => {
    expect(nextPromotionPeriod(from, cal)).toBe(expected);
  });

  it('lists the upcoming periods across a change of rule', () => {
    expect(upcomingPromotionPeriods('2025-06-15', cal, 4)).toEqual(['2025-08-01', '2025-10-01', '2025-11-01', '2025-12-01']);
  });

  it('rejects overlapping, unordered or empty calendars', () => {
    expect(validatePromotionCalendar(cal)).toEqual([]);
    expect(validatePromotionCalendar([])).not.toEqual([]);
    expect(validatePromotionCalendar([{ from: null, until: '2024-12-31', months: [4, 10], basis: '' }, { from: '2024-06-01', until: null, months: [1], basis: '' }]))
      .toEqual(['Aturan 1 dan 2 tumpang tindih; aturan harus berurutan tanpa irisan.']);
    expect(validatePromotionCalendar([{ from: null, until: null, months: [13], basis: '' }])).toEqual(['Aturan 1: bulan harus 1–12.']);
  });

  it('lists every period of the calendar between two dates, past and future, for the period picker', () => {
    const periods = promotionPeriodsBetween('2023-01-01', '2027-12-31', cal);
    expect(periods.slice(0, 4)).toEqual(['2023-04-01', '2023-10-01', '2024-02-01', '2024-04-01']);
    expect(periods).toContain('2025-10-01');
    expect(periods).not.toContain('2025-09-01');
    expect(periods.at(-1)).toBe('2027-12-01');
    expect(promotionPeriodsBetween('2026-11-24', '2027-01-01', cal)).toEqual(['2026-12-01', '2027-01-01']);
  });
});

describe('the SKP years of a period: the last two due by its usulan deadline (shared/domain/README.md)', () => {
  it('follows the worked example: 1 April 2027 checks 2024 and 2025, 1 October 2027 checks 2025 and 2026', () => {
    expect(promotionDeadline('2027-04-01')).toBe('2027-01-01');
    expect(skpDueDate(2026)).toBe('2027-02-28');
    expect(promotionSkpYears('2027-04-01')).toEqual([2024, 2025]);
    expect(promotionDeadline('2027-10-01')).toBe('2027-07-01');
    expect(promotionSkpYears('2027-10-01')).toEqual([2025, 2026]);
  });

  it('takes a year once its SKP is final by the deadline, to the month', () => {
    // Deadline 1 February 2027: 2026 is final only at the end of February.
    expect(promotionSkpYears('2027-05-01')).toEqual([2024, 2025]);
    // Deadline 1 March 2027: the end of February has passed.
    expect(promotionSkpYears('2027-06-01')).toEqual([2025, 2026]);
    expect(promotionSkpYears('2026-12-01')).toEqual([2024, 2025]);
    expect(promotionSkpYears('2026-01-01')).toEqual([2023, 2024]);
    expect(skpDueDate(2027)).toBe('2028-02-29');
  });

  it('follows the two settings: months before the period and the month the SKP is final', () => {
    expect(promotionSkpYears('2027-04-01', { deadlineMonths: 0, skpFinalMonth: 12 })).toEqual([2024, 2025]);
    expect(promotionSkpYears('2027-05-01', { deadlineMonths: 1, skpFinalMonth: 3 })).toEqual([2025, 2026]);
    expect(promotionSkpYears('2026-12-01', { deadlineMonths: 12, skpFinalMonth: 2 })).toEqual([2023, 2024]);
  });

  it('never checks a year whose SKP is not due yet, whatever the period', () => {
    for (const period of promotionPeriodsBetween('2020-01-01', '2030-12-31', DEFAULT_PROMOTION_CALENDAR)) {
      const deadline = promotionDeadline(period);
      const [older, latest] = promotionSkpYears(period);
      expect(older).toBe(latest - 1);
      expect(skpDueDate(latest) <= deadline, `${period}: SKP ${latest} is due by ${deadline}`).toBe(true);
      expect(skpDueDate(latest + 1) > deadline, `${period}: SKP ${latest + 1} is not due yet`).toBe(true);
    }
  });
});

// The rule must hold in every month: run it at the end of November, on 6 December and early in January.
describe.each([
  ['2026-11-28', '2026-12-01'],
  ['2026-12-06', '2027-01-01'],
  ['2027-01-05', '2027-02-01'],
])('regular promotion for the next period as of %s', (today, next) => {
  const skp = (year: number, predikat: string): AnnualSkp => ({ year, predikat, regime: 'PMPANRB6_2022', legacyScore: null, legacyLabel: null });
  const person = (skpRows: AnnualSkp[]): PromotionFacts => ({
    employmentType: 'PNS', status: 'active', golongan: 33, golonganTmt: '2022-10-01', educationLevel: 'S1', skp: skpRows,
  });

  it(`is the period of ${next}, checking the SKP of 2024 and 2025 (both final by its deadline)`, () => {
    const period = nextPromotionPeriod(today, DEFAULT_PROMOTION_CALENDAR)!;
    expect(period).toBe(next);
    expect(promotionSkpYears(period)).toEqual([2024, 2025]);
  });

  it('finds a PNS with Baik in 2024 and 2025 eligible, with no SKP of a year that is not final yet asked for', () => {
    const result = assessRegularPromotion(person([skp(2024, 'baik'), skp(2025, 'sangat_baik')]), next, promotionSkpYears(next));
    expect(result).toMatchObject({ status: 'eligible', reasons: [] });
  });

  it('blocks a due year without SKP, saying which', () => {
    const result = assessRegularPromotion(person([skp(2024, 'baik'), skp(2026, 'baik')]), next, promotionSkpYears(next));
    expect(result.reasons).toEqual([{ code: 'skp_missing', message: 'SKP tahun 2025 belum ada' }]);
  });
});

describe('education names (PP 99/2000 jo PP 12/2002)', () => {
  const skp = (year: number): AnnualSkp => ({ year, predikat: 'baik', regime: 'PMPANRB6_2022', legacyScore: null, legacyLabel: null });
  const facts = (f: Partial<PromotionFacts>): PromotionFacts => ({ employmentType: 'PNS', status: 'active', golongan: 32, golonganTmt: '2022-10-01', educationLevel: 'S1', skp: [skp(2024), skp(2025)], ...f });

  it('knows SGPLB: entry II/b, ceiling III/c', () => {
    expect(parseEducationLevel('SGPLB')).toBe('SGPLB');
    expect(parseEducationLevel('Sekolah Guru Pendidikan Luar Biasa')).toBe('SGPLB');
    expect(educationInfo('SGPLB')).toMatchObject({ label: 'SGPLB', entry: 22, ceiling: 33 });
    expect(assessRegularPromotion(facts({ educationLevel: 'SGPLB', golongan: 32 }), '2026-12-01')).toMatchObject({ status: 'eligible', targetGolongan: 33 });
    expect(assessRegularPromotion(facts({ educationLevel: 'SGPLB', golongan: 33 }), '2026-12-01').reasons)
      .toEqual([{ code: 'education_ceiling', message: 'Sudah mencapai pangkat tertinggi KP reguler untuk pendidikan SGPLB (III/c)' }]);
  });

  it('reads Dokter Spesialis I as its own level, above Dokter', () => {
    for (const name of ['Dokter Spesialis I', 'Dokter Spesialis', 'Sp.1', 'Sp-I', 'Spesialis I']) expect(parseEducationLevel(name), name).toBe('SPESIALIS_1');
    expect(parseEducationLevel('Dokter')).toBe('PROFESI');
    expect(parseEducationLevel('Dokter Spesialis II')).toBe('PROFESI');
    expect(parseEducationLevel('Apoteker')).toBe('PROFESI');
    // Ners follows S-1 Keperawatan: S-1 by default.
    expect(parseEducationLevel('Ners')).toBe('S1');
    expect(parseEducationLevel('Profesi Ners')).toBe('S1');
    expect(educationInfo('SPESIALIS_1')).toMatchObject({ label: 'Dokter Spesialis I', entry: 32, ceiling: 41 });
  });

  it('gives a Dokter Spesialis I in III/b the step to III/c after 2 years, and nobody else', () => {
    const twoYears = { golonganTmt: '2024-12-01' };
    expect(monthsInRankRequired(32, 'SPESIALIS_1')).toBe(24);
    expect(assessRegularPromotion(facts({ ...twoYears, educationLevel: 'SPESIALIS_1' }), '2026-12-01')).toMatchObject({ status: 'eligible', targetGolongan: 33, monthsInRank: 24 });
    expect(assessRegularPromotion(facts({ golonganTmt: '2024-12-02', educationLevel: 'SPESIALIS_1' }), '2026-12-01').status).toBe('not_due');
    expect(assessRegularPromotion(facts({ ...twoYears, educationLevel: 'PROFESI' }), '2026-12-01').status).toBe('not_due');
    expect(assessRegularPromotion(facts({ ...twoYears, educationLevel: 'SPESIALIS_1', golongan: 33 }), '2026-12-01').status).toBe('not_due');
  });
});

describe('regular promotion eligibility (PP 99/2000 Pasal 7)', () => {
  const skp = (year: number, predikat: string | null, extra: Partial<AnnualSkp> = {}): AnnualSkp =>
    ({ year, predikat, regime: 'PMPANRB6_2022', legacyScore: null, legacyLabel: null, ...extra });
  const person = (facts: Partial<PromotionFacts>): PromotionFacts => ({
    employmentType: 'PNS', status: 'active', golongan: 33, golonganTmt: '2022-10-01', educationLevel: 'S1',
    skp: [skp(2024, 'baik'), skp(2025, 'sangat_baik')], ...facts,
  });
  const period = '2026-12-01';

  it('a S-1 Penata (III/c) with 4 years in rank and Baik/Sangat Baik becomes Penata Tingkat I (III/d)', () => {
    const result = assessRegularPromotion(person({}), period);
    expect(result).toMatchObject({ status: 'eligible', targetGolongan: 34, monthsInRank: 50, skpYears: [2024, 2025], reasons: [] });
  });

  it('counts exactly 4 years in rank at the TMT as enough, and 3 years 11 months as not due', () => {
    expect(assessRegularPromotion(person({ golonganTmt: '2022-12-01' }), period).status).toBe('eligible');
    expect(assessRegularPromotion(person({ golonganTmt: '2022-12-02' }), period)).toMatchObject({ status: 'not_due', monthsInRank: 47 });
  });

  it('blocks a S-1 at III/d: IV/a is above the ceiling for S-1 (III/d)', () => {
    const result = assessRegularPromotion(person({ golongan: 34 }), period);
    expect(result.status).toBe('blocked');
    expect(result.reasons).toEqual([{ code: 'education_ceiling', message: 'Sudah mencapai pangkat tertinggi KP reguler untuk pendidikan S-1 (III/d)' }]);
  });

  it.each([
    ['SD', 14, 'eligible'], ['SD', 21, 'blocked'], ['SLTA', 31, 'eligible'], ['SLTA', 32, 'blocked'], ['D3', 32, 'eligible'], ['D3', 33, 'blocked'],
    ['S2', 34, 'eligible'], ['S2', 41, 'blocked'], ['S3', 41, 'eligible'], ['S3', 42, 'blocked'],
  ] as const)('education %s at golongan %s: %s (ceiling table of Kep. Ka BKN 12/2002)', (educationLevel, golongan, status) => {
    expect(assessRegularPromotion(person({ educationLevel, golongan }), period).status).toBe(status);
  });

  it('blocks when an SKP year is missing, saying which', () => {
    const result = assessRegularPromotion(person({ skp: [skp(2024, 'baik')] }), period);
    expect(result.status).toBe('blocked');
    expect(result.reasons).toEqual([{ code: 'skp_missing', message: 'SKP tahun 2025 belum ada' }]);
  });

  it('blocks a predikat below Baik in either year and ignores other years', () => {
    const result = assessRegularPromotion(person({ skp: [skp(2023, 'kurang'), skp(2024, 'butuh_perbaikan'), skp(2025, 'baik')] }), period);
    expect(result.reasons).toEqual([{ code: 'skp_below', message: 'Predikat SKP 2024: Butuh Perbaikan (minimal Baik)' }]);
  });

  it('reads legacy PP 46/2011 scores by their sebutan (Baik = 76–90) and asks for a check of a PP 30/2019 score without label', () => {
    expect(skpMeetsBaik(skp(2020, null, { regime: 'PP46_2011', legacyScore: 80, legacyLabel: 'Baik' }))).toBe('yes');
    expect(skpMeetsBaik(skp(2020, null, { regime: 'PP46_2011', legacyScore: 92, legacyLabel: 'Sangat Baik' }))).toBe('yes');
    expect(skpMeetsBaik(skp(2020, null, { regime: 'PP46_2011', legacyScore: 75.9, legacyLabel: null }))).toBe('no');
    expect(skpMeetsBaik(skp(2020, null, { regime: 'PP46_2011', legacyScore: 76, legacyLabel: null }))).toBe('yes');
    expect(skpMeetsBaik(skp(2020, null, { regime: 'PP46_2011', legacyScore: 70, legacyLabel: 'Cukup' }))).toBe('no');
    expect(skpMeetsBaik(skp(2021, null, { regime: 'PP30_2019', legacyScore: 101, legacyLabel: null }))).toBe('unknown');
    // 1 July 2022: deadline 1 April 2022, so the SKP of 2020 and 2021 are checked.
    const legacyPeriod = assessRegularPromotion(person({
      golonganTmt: '2018-04-01', skp: [skp(2020, null, { regime: 'PP46_2011', legacyScore: 80, legacyLabel: 'Baik' }), skp(2021, null, { regime: 'PP30_2019', legacyScore: 101 })],
    }), '2022-07-01');
    expect(legacyPeriod.reasons.map((r) => r.code)).toEqual(['skp_unknown']);
  });

  it('lists every reason at once (ceiling and SKP)', () => {
    const result = assessRegularPromotion(person({ golongan: 34, skp: [] }), period);
    expect(result.reasons.map((r) => r.code)).toEqual(['education_ceiling', 'skp_missing', 'skp_missing']);
  });

  it('blocks incomplete data instead of guessing', () => {
    expect(assessRegularPromotion(person({ golonganTmt: null }), period).reasons[0]).toEqual({ code: 'data_incomplete', message: 'TMT golongan belum diisi' });
    expect(assessRegularPromotion(person({ educationLevel: null }), period).reasons[0]).toEqual({ code: 'data_incomplete', message: 'Pendidikan terakhir belum diisi' });
  });

  it('does not apply to CPNS, PPPK, inactive staff or IV/e', () => {
    expect(assessRegularPromotion(person({ employmentType: 'CPNS' }), period).status).toBe('not_applicable');
    expect(assessRegularPromotion(person({ employmentType: 'PPPK', golongan: 109 }), period).status).toBe('not_applicable');
    expect(assessRegularPromotion(person({ status: 'retired' }), period).status).toBe('not_applicable');
    expect(assessRegularPromotion(person({ golongan: 45, educationLevel: 'S3' }), period).status).toBe('not_applicable');
  });

  it('counts masa kerja from TMT CPNS', () => {
    expect(serviceYearsMonths('2010-03-01', '2026-12-01')).toEqual({ years: 16, months: 9 });
    expect(serviceYearsMonths(null, '2026-12-01')).toBeNull();
  });
});

describe('required trainings per position (pelatihan struktural kepemimpinan)', () => {
  it.each([
    ['PNS', 'pengawas', ['pkp']], ['PNS', 'administrator', ['pka']], ['PNS', 'jpt_pratama', ['pkn_2']], ['PNS', 'jpt_madya', ['pkn_1']],
    ['CPNS', 'pelaksana', ['latsar']], ['PNS', 'pelaksana', []], ['PNS', 'ahli_muda', []], ['CPNS', 'pengawas', ['latsar', 'pkp']],
  ] as const)('%s %s requires %j', (employmentType, positionLevel, codes) => {
    expect(requiredTrainings({ employmentType, positionLevel }).map((r) => r.code)).toEqual(codes);
  });

  it('marks the unconfirmed rules [U]', () => {
    expect(requiredTrainings({ employmentType: 'PNS', positionLevel: 'administrator' })[0].confidence).toBe('U');
    expect(requiredTrainings({ employmentType: 'PNS', positionLevel: 'pengawas' })[0].confidence).toBe('C');
  });

  it('counts a higher leadership training for a lower requirement, never the reverse', () => {
    const pengawas = requiredTrainings({ employmentType: 'PNS', positionLevel: 'pengawas' });
    const administrator = requiredTrainings({ employmentType: 'PNS', positionLevel: 'administrator' });
    expect(missingRequiredTrainings(pengawas, ['teknis'])).toHaveLength(1);
    expect(missingRequiredTrainings(pengawas, ['pka'])).toEqual([]);
    expect(missingRequiredTrainings(administrator, ['pkp'])).toHaveLength(1);
    expect(missingRequiredTrainings(administrator, ['pkn_2'])).toEqual([]);
    expect(missingRequiredTrainings(requiredTrainings({ employmentType: 'CPNS', positionLevel: 'pelaksana' }), ['pkp'])).toHaveLength(1);
  });

  it.each([
    ['Diklatpim IV', 'pkp'], ['DIKLAT PIM TK. III', 'pka'], ['Diklatpim II', 'pkn_2'], ['PKN Tingkat I', 'pkn_1'], ['PKN II', 'pkn_2'],
    ['Prajabatan', 'latsar'], ['Latsar CPNS', 'latsar'], ['Bimtek', 'bimtek'], ['Diklat Teknis', 'teknis'], ['diklat fungsional', 'fungsional'],
    ['E-Learning', 'e_learning'], ['Lokakarya', 'workshop'], ['pkp', 'pkp'], ['pelatihan_jarak_jauh', 'pelatihan_jarak_jauh'],
  ])('reads the training type "%s" as %s', (input, code) => {
    expect(parseTrainingType(input)).toBe(code);
  });

  it('does not guess an unknown type', () => {
    expect(parseTrainingType('Rapat koordinasi')).toBeNull();
    expect(parseTrainingType('')).toBeNull();
  });
});

describe('rotation (PP 11/2017 Pasal 190(3))', () => {
  it('flags after the configured years in the same position, to the day', () => {
    expect(isRotationCandidate('2021-11-24', '2026-11-24', 5)).toBe(true);
    expect(isRotationCandidate('2021-11-25', '2026-11-24', 5)).toBe(false);
    expect(isRotationCandidate('2024-11-24', '2026-11-24', 2)).toBe(true);
    expect(isRotationCandidate(null, '2026-11-24', 5)).toBe(false);
  });
});

describe('mentor seniority', () => {
  it('accepts a mentor with a higher position level or a higher golongan, and warns otherwise', () => {
    expect(mentorSeniority({ positionLevel: 'pengawas', golongan: 33 }, { positionLevel: 'pelaksana', golongan: 33 }).senior).toBe(true);
    expect(mentorSeniority({ positionLevel: 'ahli_muda', golongan: 34 }, { positionLevel: 'pengawas', golongan: 33 }).senior).toBe(true);
    const peer = mentorSeniority({ positionLevel: 'ahli_muda', golongan: 33 }, { positionLevel: 'pengawas', golongan: 33 });
    expect(peer.senior).toBe(false);
    expect(peer.message).toBe('Mentor tidak lebih senior dari mentee: jenjang jabatan dan golongan mentor (JF Ahli Muda, III/c) tidak lebih tinggi dari mentee (Pengawas, III/c).');
  });

  it('does not compare a PPPK grade with a PNS golongan', () => {
    expect(mentorSeniority({ positionLevel: 'ahli_pertama', golongan: 110 }, { positionLevel: 'ahli_pertama', golongan: 31 }).senior).toBe(false);
  });
});

describe('IDP proposed from competency gaps', () => {
  const standard = [
    { competencyId: 1, code: 'M.01', name: 'Integritas', requiredLevel: 3 },
    { competencyId: 2, code: 'M.02', name: 'Kerjasama', requiredLevel: 3 },
    { competencyId: 3, code: 'M.03', name: 'Komunikasi', requiredLevel: 3 },
    { competencyId: 4, code: 'M.04', name: 'Orientasi pada Hasil', requiredLevel: 3 },
  ];
  const catalog: CatalogActivity[] = [
    { id: 10, title: 'Pelatihan Integritas ASN', type: 'teknis', jp: 24, estimatedCost: 3_000_000, competencyId: 1, active: true },
    { id: 11, title: 'Webinar Integritas', type: 'seminar', jp: 4, estimatedCost: 0, competencyId: 1, active: true },
    { id: 12, title: 'Kerja sama tim (nonaktif)', type: 'workshop', jp: 8, estimatedCost: 1, competencyId: 4, active: false },
    { id: 13, title: 'PKA Angkatan I', type: 'pka', jp: 500, estimatedCost: 35_000_000, competencyId: null, active: true },
  ];
  const administrator = requiredTrainings({ employmentType: 'PNS', positionLevel: 'administrator' });

  it('proposes an item per gap (largest first), never for a competency that was not assessed', () => {
    const proposal = proposeDevelopmentPlan({
      year: 2027, today: '2026-11-24', standard, current: new Map([[1, 2], [2, 3], [4, 1]]), catalog, missingTrainings: [],
    });
    expect(proposal.standardMissing).toBe(false);
    expect(proposal.notAssessed.map((c) => c.code)).toEqual(['M.03']);
    expect(proposal.met.map((c) => c.code)).toEqual(['M.02']);
    expect(proposal.items.map((i) => [i.competencyCode, i.currentLevel, i.targetLevel, i.catalogId, i.targetDate])).toEqual([
      ['M.04', 1, 3, null, '2027-06-30'],
      ['M.01', 2, 3, 11, '2027-09-30'],
    ]);
    expect(proposal.items[0].activity).toBe('Coaching/mentoring Orientasi pada Hasil (level 1 → 3)');
    expect(proposal.items[1]).toMatchObject({ activity: 'Webinar Integritas', jp: 4, estimatedCost: 0 });
  });

  it('adds missing required training from the catalogue and keeps target dates ahead of today', () => {
    const proposal = proposeDevelopmentPlan({
      year: 2026, today: '2026-11-24', standard, current: new Map([[1, 1]]), catalog, missingTrainings: missingRequiredTrainings(administrator, []),
    });
    expect(proposal.items[0]).toMatchObject({ kind: 'requirement', requirement: 'PKA belum diikuti (wajib bagi Administrator)', catalogId: 13, jp: 500, targetDate: '2026-12-31' });
    expect(proposal.items.every((i) => i.targetDate === '2026-12-31')).toBe(true);
  });

  it('invents no gaps when the position has no standard', () => {
    const proposal = proposeDevelopmentPlan({ year: 2027, today: '2026-11-24', standard: [], current: new Map([[1, 1]]), catalog, missingTrainings: [] });
    expect(proposal).toEqual({ standardMissing: true, items: [], notAssessed: [], met: [] });
  });
});
