// Competency development and career moves: training types and the leadership trainings positions require, 20 JP
// per year with the rule for trainings that span two years, the regular-promotion calendar and eligibility,
// rotation, mentor seniority, and the individual development plan proposed from competency gaps. Pure functions,
// unit-tested in test/development/development.test.ts; each rule with its regulation is listed in
// shared/domain/README.md ("Pengembangan dan karier").
//
// Confidence marks: [C] confirmed in the regulation text, [P] partly, [U] unconfirmed (a sensible default,
// configurable or clearly marked where the office may disagree).

import { addMonths, daysInMonth, fullMonthsBetween, isIsoDate, parseIsoDate, toIsoDate, type IsoDate } from './dates';
import { educationInfo, educationLabel } from './education';
import { golonganByCode, golonganLabel, nextGolongan, type GolonganCode } from './golongan';
import { positionLevelInfo, positionLevelLabel } from './position';

// ---------------------------------------------------------------------------------------------------------
// Training types (Peraturan LAN 10/2018 [P]; pelatihan struktural kepemimpinan: Peraturan LAN 5/2022 jo 6/2022)

export interface TrainingType {
  code: string;
  label: string;
  /** klasikal or nonklasikal per Peraturan LAN 10/2018 [P]; struktural = pelatihan struktural kepemimpinan. */
  group: 'struktural' | 'klasikal' | 'nonklasikal' | 'lainnya';
}

export const TRAINING_TYPES = [
  { code: 'latsar', label: 'Latsar CPNS', group: 'struktural' },
  { code: 'pkp', label: 'PKP (Pelatihan Kepemimpinan Pengawas)', group: 'struktural' },
  { code: 'pka', label: 'PKA (Pelatihan Kepemimpinan Administrator)', group: 'struktural' },
  { code: 'pkn_2', label: 'PKN Tingkat II', group: 'struktural' },
  { code: 'pkn_1', label: 'PKN Tingkat I', group: 'struktural' },
  { code: 'teknis', label: 'Diklat teknis', group: 'klasikal' },
  { code: 'fungsional', label: 'Diklat fungsional', group: 'klasikal' },
  { code: 'seminar', label: 'Seminar/konferensi', group: 'klasikal' },
  { code: 'workshop', label: 'Workshop/lokakarya', group: 'klasikal' },
  { code: 'kursus', label: 'Kursus', group: 'klasikal' },
  { code: 'penataran', label: 'Penataran', group: 'klasikal' },
  { code: 'bimtek', label: 'Bimbingan teknis', group: 'klasikal' },
  { code: 'sosialisasi', label: 'Sosialisasi', group: 'klasikal' },
  { code: 'e_learning', label: 'E-learning', group: 'nonklasikal' },
  { code: 'pelatihan_jarak_jauh', label: 'Pelatihan jarak jauh', group: 'nonklasikal' },
  { code: 'coaching', label: 'Coaching', group: 'nonklasikal' },
  { code: 'mentoring', label: 'Mentoring', group: 'nonklasikal' },
  { code: 'detasering', label: 'Detasering/secondment', group: 'nonklasikal' },
  { code: 'patok_banding', label: 'Patok banding', group: 'nonklasikal' },
  { code: 'pertukaran_pns', label: 'Pertukaran PNS', group: 'nonklasikal' },
  { code: 'belajar_mandiri', label: 'Belajar mandiri', group: 'nonklasikal' },
  { code: 'komunitas_belajar', label: 'Komunitas belajar', group: 'nonklasikal' },
  { code: 'magang', label: 'Magang/praktik kerja', group: 'nonklasikal' },
  { code: 'alam_terbuka', label: 'Pembelajaran alam terbuka', group: 'nonklasikal' },
  { code: 'lainnya', label: 'Lainnya', group: 'lainnya' },
] as const satisfies readonly TrainingType[];

export type TrainingTypeCode = (typeof TRAINING_TYPES)[number]['code'];
export const TRAINING_TYPE_CODES = TRAINING_TYPES.map((t) => t.code) as [TrainingTypeCode, ...TrainingTypeCode[]];
const TYPE_BY_CODE = new Map<string, TrainingType>(TRAINING_TYPES.map((t) => [t.code, t]));

export function trainingTypeLabel(code: string | null | undefined): string {
  return code ? (TYPE_BY_CODE.get(code)?.label ?? code) : '';
}

/**
 * Reads the `jenis` spellings of spreadsheets and SIASN ("Diklat Teknis", "Bimtek", "Diklatpim IV", "PIM III",
 * "Prajabatan", "e-learning") into a type code, for imports. The pre-2019 names map to today's trainings
 * (PKP ex-Diklatpim IV, PKA ex-Diklatpim III, PKN II ex-Diklatpim II; Latsar replaced Prajabatan).
 */
export function parseTrainingType(input: string | null | undefined): TrainingTypeCode | null {
  if (!input) return null;
  const t = input.trim().toUpperCase().replace(/[\s._\-/]+/g, ' ').trim();
  if (t === '') return null;
  const direct = TRAINING_TYPES.find((type) => type.code.toUpperCase().replace(/_/g, ' ') === t);
  if (direct) return direct.code;
  const table: Array<[RegExp, TrainingTypeCode]> = [
    [/^(LATSAR|PELATIHAN DASAR|PRAJAB|DIKLAT PRAJAB)/, 'latsar'],
    [/(PKN|KEPEMIMPINAN NASIONAL)\s*(TINGKAT |TK )?(II|2)\b/, 'pkn_2'],
    [/(PKN|KEPEMIMPINAN NASIONAL)\s*(TINGKAT |TK )?(I|1)\b/, 'pkn_1'],
    [/(DIKLAT ?PIM|PIM)\s*(TINGKAT |TK )?(IV|4)\b|^PKP\b|KEPEMIMPINAN PENGAWAS/, 'pkp'],
    [/(DIKLAT ?PIM|PIM)\s*(TINGKAT |TK )?(III|3)\b|^PKA\b|KEPEMIMPINAN ADMINISTRATOR/, 'pka'],
    [/(DIKLAT ?PIM|PIM)\s*(TINGKAT |TK )?(II|2)\b/, 'pkn_2'],
    [/(DIKLAT ?PIM|PIM)\s*(TINGKAT |TK )?(I|1)\b/, 'pkn_1'],
    [/^BIMTEK|BIMBINGAN TEKNIS/, 'bimtek'],
    [/TEKNIS/, 'teknis'],
    [/FUNGSIONAL/, 'fungsional'],
    [/SEMINAR|KONFERENSI|SIMPOSIUM/, 'seminar'],
    [/WORKSHOP|LOKAKARYA/, 'workshop'],
    [/E ?LEARNING|DARING|MOOC/, 'e_learning'],
    [/JARAK JAUH|PJJ/, 'pelatihan_jarak_jauh'],
    [/COACHING/, 'coaching'],
    [/MENTORING/, 'mentoring'],
    [/KURSUS/, 'kursus'],
    [/PENATARAN/, 'penataran'],
    [/SOSIALISASI/, 'sosialisasi'],
    [/MAGANG/, 'magang'],
    [/DETASERING|SECONDMENT/, 'detasering'],
    [/PATOK BANDING|BENCHMARK/, 'patok_banding'],
  ];
  for (const [pattern, code] of table) if (pattern.test(t)) return code;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Required trainings per position (pelatihan struktural kepemimpinan)

/** Pelatihan struktural kepemimpinan from lowest to highest. */
export const LEADERSHIP_TRAININGS = ['pkp', 'pka', 'pkn_2', 'pkn_1'] as const;

export interface RequiredTraining {
  code: TrainingTypeCode;
  label: string;
  /** Why it is required, for the IDP item ("wajib bagi Administrator"). */
  reason: string;
  /** Confidence of the rule: C confirmed in the regulation, U a practice without a regulation found. */
  confidence: 'C' | 'U';
}

/**
 * Leadership training a position requires: PKP for pengawas [C: Peraturan LAN 15/2019 title],
 * PKA for administrator [U: regulation number not found], PKN Tingkat II for JPT pratama [C: PerLAN 2/2019 title],
 * PKN Tingkat I for JPT madya and utama [U], and Latsar for every CPNS [C: PerLAN 1/2021 title]. The deadline
 * after appointment is not confirmed [U], so a missing training is a development need, never a block.
 */
export function requiredTrainings(person: { employmentType: string | null; positionLevel: string | null }): RequiredTraining[] {
  const out: RequiredTraining[] = [];
  if (person.employmentType === 'CPNS') out.push({ code: 'latsar', label: 'Latsar CPNS', reason: 'wajib bagi CPNS', confidence: 'C' });
  const level = person.positionLevel;
  const levelLabel = positionLevelLabel(level);
  if (level === 'pengawas') out.push({ code: 'pkp', label: 'PKP', reason: `wajib bagi ${levelLabel}`, confidence: 'C' });
  if (level === 'administrator') out.push({ code: 'pka', label: 'PKA', reason: `wajib bagi ${levelLabel}`, confidence: 'U' });
  if (level === 'jpt_pratama') out.push({ code: 'pkn_2', label: 'PKN Tingkat II', reason: `wajib bagi ${levelLabel}`, confidence: 'C' });
  if (level === 'jpt_madya' || level === 'jpt_utama') out.push({ code: 'pkn_1', label: 'PKN Tingkat I', reason: `wajib bagi ${levelLabel}`, confidence: 'U' });
  return out;
}

/**
 * The required trainings not yet followed. A higher leadership training counts for a lower requirement (an
 * administrator who followed PKA before PKP is not sent back to PKP) [U: practice, not found in regulation text].
 */
export function missingRequiredTrainings(required: readonly RequiredTraining[], followedTypes: Iterable<string>): RequiredTraining[] {
  const followed = new Set(followedTypes);
  const highestLeadership = Math.max(-1, ...LEADERSHIP_TRAININGS.map((code, i) => (followed.has(code) ? i : -1)));
  return required.filter((r) => {
    if (followed.has(r.code)) return false;
    const rank = (LEADERSHIP_TRAININGS as readonly string[]).indexOf(r.code);
    return !(rank >= 0 && highestLeadership >= rank);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Jam pelajaran per year (PP 11/2017 Pasal 203(4): at least 20 JP per year [C])

export const DEFAULT_JP_TARGET = 20;

/** end: the year the training ends (the default); start: the year it starts; prorate: split over
 *  the calendar years by the days of the training in each. */
export const JP_YEAR_RULES = [
  { code: 'end', label: 'Dihitung pada tahun diklat selesai' },
  { code: 'start', label: 'Dihitung pada tahun diklat dimulai' },
  { code: 'prorate', label: 'Dibagi menurut jumlah hari di tiap tahun' },
] as const;
export type JpYearRule = (typeof JP_YEAR_RULES)[number]['code'];
export const JP_YEAR_RULE_CODES = JP_YEAR_RULES.map((r) => r.code) as [JpYearRule, ...JpYearRule[]];

export interface TrainingSpan {
  startDate: IsoDate;
  endDate: IsoDate;
  jp: number;
}

const dayNumber = (date: IsoDate) => {
  const p = parseIsoDate(date)!;
  return Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
};

/** The JP a training contributes to each calendar year under `rule`. An end date before the start date (bad
 *  data) counts wholly in the end year. */
export function allocateJp(training: TrainingSpan, rule: JpYearRule): Array<{ year: number; jp: number }> {
  const startYear = Number(training.startDate.slice(0, 4));
  const endYear = Number(training.endDate.slice(0, 4));
  if (rule === 'end' || endYear <= startYear) return [{ year: endYear, jp: training.jp }];
  if (rule === 'start') return [{ year: startYear, jp: training.jp }];
  const totalDays = dayNumber(training.endDate) - dayNumber(training.startDate) + 1;
  const out: Array<{ year: number; jp: number }> = [];
  for (let year = startYear; year <= endYear; year++) {
    const from = year === startYear ? training.startDate : toIsoDate(year, 1, 1);
    const to = year === endYear ? training.endDate : toIsoDate(year, 12, 31);
    out.push({ year, jp: (training.jp * (dayNumber(to) - dayNumber(from) + 1)) / totalDays });
  }
  return out;
}

/** Σ JP per year of one person's trainings. */
export function jpByYear(trainings: readonly TrainingSpan[], rule: JpYearRule): Map<number, number> {
  const totals = new Map<number, number>();
  for (const t of trainings) for (const { year, jp } of allocateJp(t, rule)) totals.set(year, (totals.get(year) ?? 0) + jp);
  return totals;
}

/** JP rounded for display and for the comparison with the target (two decimals: a prorated 19.999 is 20). */
export function roundJp(jp: number): number {
  return Math.round(jp * 100) / 100;
}

export function meetsJpTarget(jp: number, target: number): boolean {
  return roundJp(jp) >= target;
}

// ---------------------------------------------------------------------------------------------------------
// Regular promotion periods (PP 12/2002, Peraturan BKN 4/2023 and 4/2025: a dated calendar in settings)

export interface PromotionCalendarRule {
  /** First day the rule applies (null: since ever). */
  from: IsoDate | null;
  /** Last day the rule applies (null: until further notice). */
  until: IsoDate | null;
  /** TMT on the 1st of these months (1–12). */
  months: number[];
  /** Legal basis, shown in Pengaturan. */
  basis: string;
}

export const DEFAULT_PROMOTION_CALENDAR: PromotionCalendarRule[] = [
  { from: null, until: '2023-12-31', months: [4, 10], basis: 'PP 12/2002: 1 April dan 1 Oktober' },
  { from: '2024-01-01', until: '2025-09-30', months: [2, 4, 6, 8, 10, 12], basis: 'Peraturan BKN 4/2023: enam periode' },
  { from: '2025-10-01', until: null, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], basis: 'Peraturan BKN 4/2025: setiap tanggal 1' },
];

/** Problems of a calendar as Indonesian sentences; empty when it is usable. */
export function validatePromotionCalendar(calendar: readonly PromotionCalendarRule[]): string[] {
  const problems: string[] = [];
  if (calendar.length === 0) problems.push('Kalender periode kenaikan pangkat tidak boleh kosong.');
  calendar.forEach((rule, i) => {
    const n = i + 1;
    if (rule.from !== null && !isIsoDate(rule.from)) problems.push(`Aturan ${n}: tanggal mulai tidak valid.`);
    if (rule.until !== null && !isIsoDate(rule.until)) problems.push(`Aturan ${n}: tanggal akhir tidak valid.`);
    if (rule.from && rule.until && rule.until < rule.from) problems.push(`Aturan ${n}: tanggal akhir sebelum tanggal mulai.`);
    if (rule.months.length === 0) problems.push(`Aturan ${n}: pilih paling sedikit satu bulan.`);
    if (rule.months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) problems.push(`Aturan ${n}: bulan harus 1–12.`);
    if (new Set(rule.months).size !== rule.months.length) problems.push(`Aturan ${n}: bulan tidak boleh berulang.`);
    const next = calendar[i + 1];
    if (next) {
      if (rule.until === null || next.from === null || next.from <= rule.until) {
        problems.push(`Aturan ${n} dan ${n + 1} tumpang tindih; aturan harus berurutan tanpa irisan.`);
      }
    }
  });
  return problems;
}

function ruleFor(date: IsoDate, calendar: readonly PromotionCalendarRule[]): PromotionCalendarRule | undefined {
  return calendar.find((r) => (r.from === null || r.from <= date) && (r.until === null || date <= r.until));
}

export function isPromotionPeriod(date: IsoDate, calendar: readonly PromotionCalendarRule[]): boolean {
  if (!isIsoDate(date) || !date.endsWith('-01')) return false;
  return ruleFor(date, calendar)?.months.includes(Number(date.slice(5, 7))) ?? false;
}

/** The next `count` periods on or after `from` (a period on `from` itself is still the next one: its
 *  nominative list is what HR works on that day). Searches at most 10 years ahead. */
export function upcomingPromotionPeriods(from: IsoDate, calendar: readonly PromotionCalendarRule[], count = 1): IsoDate[] {
  const out: IsoDate[] = [];
  let month = from.endsWith('-01') ? from : addMonths(`${from.slice(0, 7)}-01`, 1);
  for (let i = 0; i < 120 && out.length < count; i++) {
    if (isPromotionPeriod(month, calendar)) out.push(month);
    month = addMonths(month, 1);
  }
  return out;
}

export function nextPromotionPeriod(from: IsoDate, calendar: readonly PromotionCalendarRule[]): IsoDate | null {
  return upcomingPromotionPeriods(from, calendar, 1)[0] ?? null;
}

/** Every period of the calendar from `from` to `until` (both included), oldest first: the choices of the period
 *  picker, past and future. */
export function promotionPeriodsBetween(from: IsoDate, until: IsoDate, calendar: readonly PromotionCalendarRule[]): IsoDate[] {
  const out: IsoDate[] = [];
  for (let month = from.endsWith('-01') ? from : addMonths(`${from.slice(0, 7)}-01`, 1); month <= until; month = addMonths(month, 1)) {
    if (isPromotionPeriod(month, calendar)) out.push(month);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Regular promotion eligibility (PP 99/2000 Pasal 7 [C]): ≥ 4 years in rank, predikat at least Baik in each of
// the last 2 annual SKP that are due by the period's usulan deadline, not above the education ceiling of the
// PP 99/2000 jo PP 12/2002 table (shared/domain/education.ts). The direct superior's pangkat is not a limit since
// Peraturan BKN 2/2025.

export const REGULAR_PROMOTION_MONTHS_IN_RANK = 48;

/** Dokter Spesialis I in III/b rises to III/c after 2 years in rank instead of 4 (PP 99/2000 jo PP 12/2002). */
export const SPECIALIST_STEP = { educationLevel: 'SPESIALIS_1', from: 32, months: 24 } as const;

/** Months in the current rank a regular promotion needs. */
export function monthsInRankRequired(golongan: GolonganCode, educationLevel: string | null): number {
  return golongan === SPECIALIST_STEP.from && educationLevel === SPECIALIST_STEP.educationLevel ? SPECIALIST_STEP.months : REGULAR_PROMOTION_MONTHS_IN_RANK;
}

/** The usulan of a period goes in this many months before its TMT (setting; default 3). */
export const DEFAULT_PROMOTION_DEADLINE_MONTHS = 3;
/** Last year's annual SKP is final by the end of this month (setting; default February). */
export const DEFAULT_SKP_FINAL_MONTH = 2;

export interface PromotionSkpRule {
  /** Months before the period's TMT by which the usulan is prepared. */
  deadlineMonths: number;
  /** Month (1–12) by whose end the annual SKP of the year before is final. */
  skpFinalMonth: number;
}

export const DEFAULT_PROMOTION_SKP_RULE: PromotionSkpRule = { deadlineMonths: DEFAULT_PROMOTION_DEADLINE_MONTHS, skpFinalMonth: DEFAULT_SKP_FINAL_MONTH };

/** The usulan deadline of a period: its TMT minus the deadline months. */
export function promotionDeadline(period: IsoDate, rule: PromotionSkpRule = DEFAULT_PROMOTION_SKP_RULE): IsoDate {
  return addMonths(period, -rule.deadlineMonths);
}

/** The day the annual SKP of `year` is due: the last day of the final month of the next year. */
export function skpDueDate(year: number, rule: PromotionSkpRule = DEFAULT_PROMOTION_SKP_RULE): IsoDate {
  return toIsoDate(year + 1, rule.skpFinalMonth, daysInMonth(year + 1, rule.skpFinalMonth));
}

export interface AnnualSkp {
  year: number;
  /** PermenPANRB 6/2022 predikat code, or null for a legacy score without mapping. */
  predikat: string | null;
  regime: string | null;
  legacyScore: number | null;
  legacyLabel: string | null;
}

export const PREDIKAT_LABELS: Record<string, string> = {
  sangat_baik: 'Sangat Baik', baik: 'Baik', butuh_perbaikan: 'Butuh Perbaikan', kurang: 'Kurang', sangat_kurang: 'Sangat Kurang',
};

/**
 * Whether one annual SKP meets "at least Baik". A 2022+ predikat is read as recorded. A legacy row (predikat
 * null) follows its own sebutan: PP 46/2011 "Baik" (76–90) and "Sangat Baik" (91–100) meet it, "Cukup" and
 * below do not (the legacy scale is kept as recorded, never forced into the PermenPANRB 6/2022 predikat);
 * a PP 46/2011 score without a label is read by the same bands. A PP 30/2019 score without a label has no
 * confirmed thresholds [U] and is 'unknown': a person checks it.
 */
export function skpMeetsBaik(skp: AnnualSkp): 'yes' | 'no' | 'unknown' {
  if (skp.predikat) return skp.predikat === 'sangat_baik' || skp.predikat === 'baik' ? 'yes' : 'no';
  const label = skp.legacyLabel?.trim().toLowerCase().replace(/\s+/g, ' ');
  if (label) {
    if (label === 'baik' || label === 'sangat baik') return 'yes';
    if (['cukup', 'sedang', 'kurang', 'buruk', 'sangat kurang', 'butuh perbaikan'].includes(label)) return 'no';
  }
  if (skp.legacyScore !== null && (skp.regime === 'PP46_2011' || skp.regime === null)) return skp.legacyScore >= 76 ? 'yes' : 'no';
  return 'unknown';
}

export function skpLabel(skp: AnnualSkp): string {
  if (skp.predikat) return PREDIKAT_LABELS[skp.predikat] ?? skp.predikat;
  const parts = [skp.legacyLabel, skp.legacyScore !== null ? String(skp.legacyScore).replace('.', ',') : null].filter(Boolean);
  return parts.length ? parts.join(' ') : '—';
}

export const PROMOTION_BLOCK_REASONS = [
  { code: 'skp_missing', label: 'SKP belum ada' },
  { code: 'skp_below', label: 'Predikat SKP di bawah Baik' },
  { code: 'skp_unknown', label: 'Nilai SKP lama perlu diperiksa' },
  { code: 'education_ceiling', label: 'Batas pangkat pendidikan' },
  { code: 'data_incomplete', label: 'Data belum lengkap' },
  { code: 'discipline', label: 'Hukuman disiplin' },
  { code: 'requirement', label: 'Syarat KP pilihan/penyesuaian ijazah' },
] as const;
export type PromotionBlockReason = (typeof PROMOTION_BLOCK_REASONS)[number]['code'];
export const PROMOTION_BLOCK_REASON_CODES = PROMOTION_BLOCK_REASONS.map((r) => r.code) as [PromotionBlockReason, ...PromotionBlockReason[]];
/** Reasons that say only that data is missing: a person blocked by nothing else is "terhalang data belum
 *  lengkap" (completing the record may make them eligible), not judged ineligible. */
export const PROMOTION_DATA_REASONS: readonly PromotionBlockReason[] = ['skp_missing', 'data_incomplete'];

export interface PromotionFacts {
  employmentType: string | null;
  status: string | null;
  golongan: GolonganCode | null;
  golonganTmt: IsoDate | null;
  educationLevel: string | null;
  /** Annual SKP; only those of the two years of promotionSkpYears are read. */
  skp: readonly AnnualSkp[];
}

export interface PromotionAssessment {
  /** not_applicable: not an active PNS, or already at IV/e; not_due: fewer months in rank at the TMT than monthsInRankRequired. */
  status: 'eligible' | 'blocked' | 'not_due' | 'not_applicable';
  targetGolongan: GolonganCode | null;
  monthsInRank: number | null;
  /** The two SKP years checked, oldest first. */
  skpYears: [number, number];
  reasons: Array<{ code: PromotionBlockReason; message: string }>;
}

/**
 * The SKP years a regular promotion with TMT `period` looks at, oldest first: the last two calendar years whose
 * annual SKP is due by the period's usulan deadline. HR prepares the usulan months ahead, so a year whose SKP is
 * not final yet never blocks anyone. Example with the defaults: 1 April 2027 → deadline 1 January 2027; 2026 is
 * due only at the end of February 2027 → 2024 and 2025. 1 October 2027 → deadline 1 July 2027 → 2025 and 2026.
 */
export function promotionSkpYears(period: IsoDate, rule: PromotionSkpRule = DEFAULT_PROMOTION_SKP_RULE): [number, number] {
  const deadline = promotionDeadline(period, rule);
  let latest = Number(deadline.slice(0, 4)) - 1;
  if (skpDueDate(latest, rule) > deadline) latest -= 1;
  return [latest - 1, latest];
}

// The same few messages repeat for thousands of candidates: build each once.
const messages = new Map<string, string>();
function message(key: string, build: () => string): string {
  let text = messages.get(key);
  if (text === undefined) {
    text = build();
    if (messages.size < 5000) messages.set(key, text);
  }
  return text;
}

/** Completed months between two ISO dates (as fullMonthsBetween, without re-validating: this runs for every
 *  candidate of a 50,000-employee district). */
function monthsBetween(from: IsoDate, to: IsoDate): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  return Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? months - 1 : months;
}

/** `skpYears` may be passed in when judging many people for one period (promotionSkpYears of the period with the
 *  office's settings). */
export function assessRegularPromotion(facts: PromotionFacts, period: IsoDate, skpYears: [number, number] = promotionSkpYears(period)): PromotionAssessment {
  const current = golonganByCode(facts.golongan);
  if (facts.status !== 'active' || facts.employmentType !== 'PNS' || !current || current.scheme !== 'pns') {
    return { status: 'not_applicable', targetGolongan: null, monthsInRank: null, skpYears, reasons: [] };
  }
  const target = nextGolongan(current.code);
  if (target === null) return { status: 'not_applicable', targetGolongan: null, monthsInRank: null, skpYears, reasons: [] };

  const reasons: PromotionAssessment['reasons'] = [];
  let monthsInRank: number | null = null;
  if (!facts.golonganTmt) {
    reasons.push({ code: 'data_incomplete', message: 'TMT golongan belum diisi' });
  } else {
    monthsInRank = monthsBetween(facts.golonganTmt, period);
    if (monthsInRank < monthsInRankRequired(current.code, facts.educationLevel)) return { status: 'not_due', targetGolongan: target, monthsInRank, skpYears, reasons };
  }

  const education = educationInfo(facts.educationLevel);
  if (!education) {
    reasons.push({ code: 'data_incomplete', message: 'Pendidikan terakhir belum diisi' });
  } else if (golonganByCode(target)!.rank > golonganByCode(education.ceiling)!.rank) {
    reasons.push({
      code: 'education_ceiling',
      message: message(`ceiling:${facts.educationLevel}`, () => `Sudah mencapai pangkat tertinggi KP reguler untuk pendidikan ${educationLabel(facts.educationLevel)} (${golonganLabel(education.ceiling)})`),
    });
  }

  for (const year of skpYears) {
    let skp: AnnualSkp | undefined;
    for (const s of facts.skp) if (s.year === year) skp = s;
    if (!skp) {
      reasons.push({ code: 'skp_missing', message: message(`missing:${year}`, () => `SKP tahun ${year} belum ada`) });
      continue;
    }
    const meets = skpMeetsBaik(skp);
    if (meets === 'no') reasons.push({ code: 'skp_below', message: message(`below:${year}:${skpLabel(skp)}`, () => `Predikat SKP ${year}: ${skpLabel(skp!)} (minimal Baik)`) });
    if (meets === 'unknown') reasons.push({ code: 'skp_unknown', message: `Nilai SKP ${year} (${skpLabel(skp)}) tanpa predikat; periksa manual` });
  }
  return { status: reasons.length === 0 ? 'eligible' : 'blocked', targetGolongan: target, monthsInRank, skpYears, reasons };
}

/** Masa kerja golongan at `date`, counted from TMT CPNS (without peninjauan masa kerja, which is not recorded). */
export function serviceYearsMonths(cpnsTmt: IsoDate | null, date: IsoDate): { years: number; months: number } | null {
  if (!cpnsTmt || cpnsTmt > date) return null;
  const months = fullMonthsBetween(cpnsTmt, date);
  return { years: Math.floor(months / 12), months: months % 12 };
}

// ---------------------------------------------------------------------------------------------------------
// Rotation (PP 11/2017 Pasal 190(3) [C]: mutasi at least 2 and at most 5 years in position)

export const DEFAULT_ROTATION_YEARS = 5;
/** The configurable threshold may not go below the 2-year minimum of Pasal 190(3). */
export const MIN_ROTATION_YEARS = 2;
export const MAX_ROTATION_YEARS = 15;

export function monthsInPosition(positionTmt: IsoDate | null, today: IsoDate): number | null {
  if (!positionTmt || positionTmt > today) return null;
  return fullMonthsBetween(positionTmt, today);
}

export function isRotationCandidate(positionTmt: IsoDate | null, today: IsoDate, years: number): boolean {
  const months = monthsInPosition(positionTmt, today);
  return months !== null && months >= years * 12;
}

/** The latest TMT jabatan that makes someone a rotation candidate on `today`. */
export function rotationCutoff(today: IsoDate, years: number): IsoDate {
  return addMonths(today, -years * 12);
}

// ---------------------------------------------------------------------------------------------------------
// Mentoring: the mentor must be more senior (higher position level or golongan), warn otherwise

export const DEFAULT_MENTEE_LIMIT = 5;

export interface MentoringPerson {
  positionLevel: string | null;
  golongan: GolonganCode | null;
}

export function mentorSeniority(mentor: MentoringPerson, mentee: MentoringPerson): { senior: boolean; message: string | null } {
  const mentorLevel = positionLevelInfo(mentor.positionLevel);
  const menteeLevel = positionLevelInfo(mentee.positionLevel);
  const byLevel = mentorLevel !== null && menteeLevel !== null && mentorLevel.seniority > menteeLevel.seniority;
  const mentorRank = golonganByCode(mentor.golongan);
  const menteeRank = golonganByCode(mentee.golongan);
  // PNS golongan and PPPK grades are different scales: compare only within one scheme.
  const byRank = mentorRank !== null && menteeRank !== null && mentorRank.scheme === menteeRank.scheme && mentorRank.rank > menteeRank.rank;
  if (byLevel || byRank) return { senior: true, message: null };
  const describe = (p: MentoringPerson) => [positionLevelLabel(p.positionLevel) || 'jabatan belum diisi', golonganLabel(p.golongan) || 'golongan belum diisi'].join(', ');
  return {
    senior: false,
    message: `Mentor tidak lebih senior dari mentee: jenjang jabatan dan golongan mentor (${describe(mentor)}) tidak lebih tinggi dari mentee (${describe(mentee)}).`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Individual development plan (IDP) proposed from competency gaps (PP 11/2017 Pasal 205–206: plans rest on the
// analysis of competency and performance gaps [C])

export const IDP_ITEM_STATUSES = [
  { code: 'direncanakan', label: 'Direncanakan' },
  { code: 'berjalan', label: 'Berjalan' },
  { code: 'selesai', label: 'Selesai' },
  { code: 'batal', label: 'Batal' },
] as const;
export type IdpItemStatus = (typeof IDP_ITEM_STATUSES)[number]['code'];
export const IDP_ITEM_STATUS_CODES = IDP_ITEM_STATUSES.map((s) => s.code) as [IdpItemStatus, ...IdpItemStatus[]];

export interface StandardCompetency {
  competencyId: number;
  code: string;
  name: string;
  requiredLevel: number;
}

export interface CatalogActivity {
  id: number;
  title: string;
  type: string;
  jp: number;
  estimatedCost: number;
  competencyId: number | null;
  active: boolean;
}

export interface ProposedItem {
  kind: 'gap' | 'requirement';
  competencyId: number | null;
  competencyCode: string | null;
  requirement: string | null;
  currentLevel: number | null;
  targetLevel: number | null;
  activity: string;
  catalogId: number | null;
  jp: number;
  estimatedCost: number;
  targetDate: IsoDate;
}

export interface ProposalInput {
  year: number;
  today: IsoDate;
  /** The standard of the position the plan aims at; empty when the position has none. */
  standard: readonly StandardCompetency[];
  /** Latest assessed level per competency id; a competency absent here was never assessed. */
  current: ReadonlyMap<number, number>;
  catalog: readonly CatalogActivity[];
  missingTrainings: readonly RequiredTraining[];
}

export interface Proposal {
  standardMissing: boolean;
  items: ProposedItem[];
  /** Competencies of the standard never assessed ("belum diasesmen"): no gap is invented for them. */
  notAssessed: StandardCompetency[];
  /** Competencies that meet the standard. */
  met: Array<StandardCompetency & { currentLevel: number }>;
}

/** Quarter ends of the plan year still ahead of `today`, so items are spread over the year (largest gap first). */
function targetDates(year: number, today: IsoDate): IsoDate[] {
  const ends = [toIsoDate(year, 3, 31), toIsoDate(year, 6, 30), toIsoDate(year, 9, 30), toIsoDate(year, 12, daysInMonth(year, 12))];
  const ahead = ends.filter((d) => d > today);
  return ahead.length > 0 ? ahead.slice(-3) : [ends[3]];
}

/** The catalogue activity for a competency: active, linked to it, smallest JP first then cheapest. */
function activityFor(catalog: readonly CatalogActivity[], match: (c: CatalogActivity) => boolean): CatalogActivity | null {
  return [...catalog].filter((c) => c.active && match(c)).sort((a, b) => a.jp - b.jp || a.estimatedCost - b.estimatedCost || a.id - b.id)[0] ?? null;
}

export function proposeDevelopmentPlan(input: ProposalInput): Proposal {
  const gaps: Array<StandardCompetency & { currentLevel: number }> = [];
  const met: Proposal['met'] = [];
  const notAssessed: StandardCompetency[] = [];
  for (const s of input.standard) {
    const level = input.current.get(s.competencyId);
    if (level === undefined) notAssessed.push(s);
    else if (level < s.requiredLevel) gaps.push({ ...s, currentLevel: level });
    else met.push({ ...s, currentLevel: level });
  }
  gaps.sort((a, b) => (b.requiredLevel - b.currentLevel) - (a.requiredLevel - a.currentLevel) || a.code.localeCompare(b.code));
  const dates = targetDates(input.year, input.today);
  const items: ProposedItem[] = [];
  for (const training of input.missingTrainings) {
    const activity = activityFor(input.catalog, (c) => c.type === training.code);
    items.push({
      kind: 'requirement', competencyId: null, competencyCode: null,
      requirement: `${training.label} belum diikuti (${training.reason})`, currentLevel: null, targetLevel: null,
      activity: activity?.title ?? training.label, catalogId: activity?.id ?? null, jp: activity?.jp ?? 0,
      estimatedCost: activity?.estimatedCost ?? 0, targetDate: dates[dates.length - 1],
    });
  }
  gaps.forEach((gap, i) => {
    const activity = activityFor(input.catalog, (c) => c.competencyId === gap.competencyId);
    items.push({
      kind: 'gap', competencyId: gap.competencyId, competencyCode: gap.code, requirement: null,
      currentLevel: gap.currentLevel, targetLevel: gap.requiredLevel,
      activity: activity?.title ?? `Coaching/mentoring ${gap.name} (level ${gap.currentLevel} → ${gap.requiredLevel})`,
      catalogId: activity?.id ?? null, jp: activity?.jp ?? 0, estimatedCost: activity?.estimatedCost ?? 0,
      targetDate: dates[Math.min(i, dates.length - 1)],
    });
  });
  return { standardMissing: input.standard.length === 0, items, notAssessed, met };
}
