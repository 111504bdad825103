// Succession planning rules (DOMAIN.md §5, §6, §8, §9, §13): who may succeed to a structural post, how the
// candidates are scored and ordered, how risky a key position is, what a candidate still needs, and the
// chain of vacancies a promotion sets off. Pure functions over plain facts; the service gathers the facts.
//
// Sources and choices (see also README "Suksesi"):
// - Minimum golongan: the position's own minimum, else the lowest pangkat of its eselon (PP 13/2002,
//   ESELON_GOLONGAN_RANGE). A tolerance of one step below it is allowed by default, as PP 100/2000 Pasal 5(c)
//   lets a PNS be appointed "serendah-rendahnya satu tingkat di bawah" the eselon's pangkat [not in DOMAIN.md:
//   a setting, set it to 0 for the strict rule].
// - Position level: one rung below on the structural ladder (pelaksana → pengawas → administrator → JPT
//   Pratama → JPT Madya), or a JF of that seniority (JF ahli madya → JPT Pratama, PP 11/2017 Pasal 107),
//   compared by POSITION_LEVELS.seniority. The same level (a lateral move, mutasi) counts only when the
//   setting allows it (default: no, succession looks one step below).
// - Years in the current post before the next rung: JPT Pratama 2 (PP 11/2017 as amended by PP 17/2020),
//   administrator 3 and pengawas 4 (DOMAIN.md §9, [U]); settings.
// - Education: S-1/D-IV for JPT and administrator (DOMAIN.md §9), D-III for pengawas ([U]).
// - Leadership training: PKP for pengawas, PKA for administrator, PKN II for JPT Pratama, PKN I for JPT Madya
//   (DOMAIN.md §8). It may follow the appointment, so a missing one is a development need, not a bar.
// - Performance: at least Baik in the last two annual SKP (PP 11/2017 Pasal 199, kelompok rencana suksesi).
// - Talent pool: boxes 7, 8, 9 (DOMAIN.md §1, §13), i.e. kinerja + potensi of at least "atas + menengah".
// - JPM: the selection categories MS ≥ 80, MMS 68–< 80, KMS < 68 (DOMAIN.md §3.1, §13).
// - JPT Pratama: age at most 56 (PP 17/2020), taken at the expected vacancy.
// - Structural posts are for PNS only: CPNS and PPPK are not eligible.
// Missing data (no SKP, no assessment, no talent placement, no training record) never counts as a failure or a
// zero: the checklist says "belum ada data" and the score leaves that component out (its weight is not
// counted), which the explanation states together with the share of the weights that had data.

import { addMonths, addYears, fullMonthsBetween, fullYearsBetween, type IsoDate } from './dates';
import { educationInfo, educationLabel } from './education';
import { ALL_GOLONGAN, golonganByCode } from './golongan';
import { ESELON_GOLONGAN_RANGE, normaliseEselon, POSITION_LEVELS, positionLevelInfo, positionLevelLabel, type Eselon } from './position';
import { formatDateId } from '../format/id-format';

// ---------------------------------------------------------------------------------------------------------
// Readiness and risk

export const READINESS = [
  { code: 'siap_sekarang', defaultLabel: 'Siap sekarang' },
  { code: 'siap_1_2_tahun', defaultLabel: 'Siap 1–2 tahun' },
  { code: 'siap_lebih_2_tahun', defaultLabel: 'Siap > 2 tahun' },
] as const;
export type Readiness = (typeof READINESS)[number]['code'];
export const READINESS_CODES = READINESS.map((r) => r.code) as [Readiness, ...Readiness[]];
export type ReadinessLabels = Record<Readiness, string>;
export const DEFAULT_READINESS_LABELS: ReadinessLabels = Object.fromEntries(READINESS.map((r) => [r.code, r.defaultLabel])) as ReadinessLabels;

export type BenchCounts = Record<Readiness, number>;
export const emptyBench = (): BenchCounts => ({ siap_sekarang: 0, siap_1_2_tahun: 0, siap_lebih_2_tahun: 0 });

export const RISK_LEVELS = [
  { code: 'tinggi', label: 'Tinggi' },
  { code: 'sedang', label: 'Sedang' },
  { code: 'rendah', label: 'Rendah' },
] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number]['code'];
export const RISK_LEVEL_CODES = RISK_LEVELS.map((r) => r.code) as [RiskLevel, ...RiskLevel[]];
export const riskLabel = (level: RiskLevel) => RISK_LEVELS.find((r) => r.code === level)!.label;

export interface RiskSettings {
  /** A vacancy now or within this many months without a "siap sekarang" successor is tinggi. */
  highMonths: number;
  /** A vacancy within this many months without a successor ready now or in 1–2 years is sedang. */
  mediumMonths: number;
  /** A key position without any successor is at least sedang, however far its vacancy is. */
  emptyBenchIsMedium: boolean;
}
export const DEFAULT_RISK_SETTINGS: RiskSettings = { highMonths: 12, mediumMonths: 36, emptyBenchIsMedium: true };

export interface RiskInput {
  today: IsoDate;
  /** No active incumbent. */
  vacantNow: boolean;
  /** The incumbent's TMT pensiun (null when vacant or unknown). */
  retirementDate: IsoDate | null;
  /** Successors that can still take the post (active, retiring after the vacancy), by readiness. */
  bench: BenchCounts;
}

/** The rule in words, for the page and the README. */
export function describeRiskRule(settings: RiskSettings, labels: ReadinessLabels = DEFAULT_READINESS_LABELS): string[] {
  return [
    `Tinggi: jabatan kosong sekarang atau pejabatnya pensiun dalam ${settings.highMonths} bulan, dan belum ada kandidat "${labels.siap_sekarang}".`,
    `Sedang: bukan tinggi, dan pejabatnya pensiun dalam ${settings.mediumMonths} bulan tanpa kandidat "${labels.siap_sekarang}" atau "${labels.siap_1_2_tahun}"` +
      (settings.emptyBenchIsMedium ? ', atau jabatan belum punya kandidat pengganti sama sekali.' : '.'),
    'Rendah: selain itu.',
  ];
}

/** Risk of a key position falling vacant without a successor. */
export function assessRisk(input: RiskInput, settings: RiskSettings = DEFAULT_RISK_SETTINGS, labels: ReadinessLabels = DEFAULT_READINESS_LABELS): { level: RiskLevel; reason: string } {
  const { bench, today } = input;
  const total = bench.siap_sekarang + bench.siap_1_2_tahun + bench.siap_lebih_2_tahun;
  const when = input.vacantNow ? null : input.retirementDate;
  const within = (months: number) => input.vacantNow || (when !== null && when <= addMonths(today, months));
  const retirementText = !when ? ''
    : when <= today ? `TMT pensiun pejabatnya (${formatDateId(when)}) sudah lewat`
    : `pejabatnya pensiun ${formatDateId(when)} (${monthsText(fullMonthsBetween(today, when))} lagi)`;

  if (within(settings.highMonths) && bench.siap_sekarang === 0) {
    return { level: 'tinggi', reason: `${input.vacantNow ? 'Jabatan kosong sekarang' : capitalise(retirementText)} dan belum ada kandidat "${labels.siap_sekarang}".` };
  }
  if (within(settings.mediumMonths) && bench.siap_sekarang + bench.siap_1_2_tahun === 0) {
    return { level: 'sedang', reason: `${capitalise(retirementText)} dan belum ada kandidat "${labels.siap_sekarang}" atau "${labels.siap_1_2_tahun}".` };
  }
  if (settings.emptyBenchIsMedium && total === 0) {
    return { level: 'sedang', reason: 'Belum ada kandidat pengganti dalam rencana suksesi.' };
  }
  const readyText = bench.siap_sekarang > 0 ? `${bench.siap_sekarang} kandidat "${labels.siap_sekarang}"` : `${total} kandidat pengganti`;
  return {
    level: 'rendah',
    reason: input.vacantNow || within(settings.highMonths)
      ? `${input.vacantNow ? 'Jabatan kosong' : capitalise(retirementText)}, tetapi sudah ada ${readyText}.`
      : `Sudah ada ${readyText}${when ? `; ${retirementText}` : ''}.`,
  };
}

function monthsText(months: number): string {
  return months < 12 ? `${months} bulan` : months % 12 === 0 ? `${months / 12} tahun` : `${Math.floor(months / 12)} tahun ${months % 12} bulan`;
}

const capitalise = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : text);

// ---------------------------------------------------------------------------------------------------------
// Requirements of a target post

export const STRUCTURAL_LEVELS = ['jpt_utama', 'jpt_madya', 'jpt_pratama', 'administrator', 'pengawas'] as const;
export type StructuralLevel = (typeof STRUCTURAL_LEVELS)[number];

export function isStructuralLevel(level: string | null | undefined): level is StructuralLevel {
  return (STRUCTURAL_LEVELS as readonly string[]).includes(level ?? '');
}

/** The rung below each structural level: where its successors normally come from. */
const FEEDER_LEVEL: Record<StructuralLevel, string> = {
  jpt_utama: 'jpt_madya', jpt_madya: 'jpt_pratama', jpt_pratama: 'administrator', administrator: 'pengawas', pengawas: 'pelaksana',
};

/** The eselon assumed for a structural post recorded without one (the lower eselon of its level). */
const DEFAULT_ESELON: Record<StructuralLevel, Eselon> = {
  jpt_utama: 'I.a', jpt_madya: 'I.b', jpt_pratama: 'II.b', administrator: 'III.b', pengawas: 'IV.b',
};

export const LEADERSHIP_TRAININGS = [
  { code: 'pkp', label: 'PKP (Pelatihan Kepemimpinan Pengawas)', forLevel: 'pengawas' },
  { code: 'pka', label: 'PKA (Pelatihan Kepemimpinan Administrator)', forLevel: 'administrator' },
  { code: 'pkn_2', label: 'PKN Tingkat II', forLevel: 'jpt_pratama' },
  { code: 'pkn_1', label: 'PKN Tingkat I', forLevel: 'jpt_madya' },
] as const;
export type LeadershipTraining = (typeof LEADERSHIP_TRAININGS)[number]['code'];
export const LEADERSHIP_TRAINING_CODES = LEADERSHIP_TRAININGS.map((t) => t.code);

export function requiredTrainingFor(level: string): (typeof LEADERSHIP_TRAININGS)[number] | null {
  if (level === 'jpt_utama') return LEADERSHIP_TRAININGS[3];
  return LEADERSHIP_TRAININGS.find((t) => t.forLevel === level) ?? null;
}

/** Education order for "at least" checks: D-IV and S-1 are one step (DOMAIN.md §4.2, §9). */
const EDUCATION_RANK: Record<string, number> = {
  SD: 1, SLTP: 2, SLTP_KEJURUAN: 2, SLTA: 3, D1: 4, D2: 5, D3: 6, D4: 7, S1: 7, PROFESI: 8, S2: 8, S3: 9,
};
const MIN_EDUCATION: Record<StructuralLevel, { rank: number; label: string }> = {
  jpt_utama: { rank: 7, label: 'S-1/D-IV' }, jpt_madya: { rank: 7, label: 'S-1/D-IV' }, jpt_pratama: { rank: 7, label: 'S-1/D-IV' },
  administrator: { rank: 7, label: 'S-1/D-IV' }, pengawas: { rank: 6, label: 'D-III' },
};

export interface SuccessionRules {
  /** Steps below the eselon's lowest golongan still accepted (PP 100/2000 Pasal 5(c): 1). */
  golonganToleranceSteps: number;
  /** Years in the current post required before moving to each target level. */
  minYearsInPosition: Record<'jpt_madya' | 'jpt_pratama' | 'administrator' | 'pengawas', number>;
  /** Maximum age for JPT Pratama at the expected vacancy (PP 17/2020: 56). */
  maxAgeJptPratama: number;
  /** A successor retiring within this many months after the vacancy is flagged. */
  minServiceMonthsAfterVacancy: number;
  /** A person in this many plans or more is flagged (over-reliance). */
  overRelianceThreshold: number;
  /** Accept people at the same level as the target (mutasi/rotasi) besides those one step below. */
  allowLateralMoves: boolean;
}
export const DEFAULT_SUCCESSION_RULES: SuccessionRules = {
  golonganToleranceSteps: 1,
  minYearsInPosition: { jpt_madya: 2, jpt_pratama: 2, administrator: 3, pengawas: 4 },
  maxAgeJptPratama: 56,
  minServiceMonthsAfterVacancy: 24,
  overRelianceThreshold: 3,
  allowLateralMoves: false,
};

export interface TargetPosition {
  id: number;
  name: string;
  level: string;
  eselon: string | null;
  minGolongan: number | null;
}

export interface TargetRequirements {
  level: StructuralLevel;
  seniority: number;
  feederSeniority: number;
  feederLabel: string;
  minGolongan: number;
  minGolonganBasis: string;
  education: { rank: number; label: string };
  training: (typeof LEADERSHIP_TRAININGS)[number] | null;
  minYearsInPosition: number;
  maxAge: number | null;
}

export function targetRequirements(target: TargetPosition, rules: SuccessionRules = DEFAULT_SUCCESSION_RULES): TargetRequirements {
  if (!isStructuralLevel(target.level)) throw new RangeError(`Bukan jabatan struktural: ${target.level}`);
  const level = target.level;
  const eselon = normaliseEselon(target.eselon) ?? DEFAULT_ESELON[level];
  const minGolongan = target.minGolongan ?? ESELON_GOLONGAN_RANGE[eselon].min;
  const feeder = positionLevelInfo(FEEDER_LEVEL[level])!;
  return {
    level,
    seniority: positionLevelInfo(level)!.seniority,
    feederSeniority: feeder.seniority,
    feederLabel: feeder.label,
    minGolongan,
    minGolonganBasis: target.minGolongan != null ? 'pangkat terendah jabatan ini' : `pangkat terendah eselon ${eselon}`,
    education: MIN_EDUCATION[level],
    training: requiredTrainingFor(level),
    minYearsInPosition: level === 'jpt_utama' ? rules.minYearsInPosition.jpt_madya : rules.minYearsInPosition[level],
    maxAge: level === 'jpt_pratama' ? rules.maxAgeJptPratama : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Facts about a candidate

export const PREDIKAT = [
  { code: 'sangat_baik', label: 'Sangat Baik', value: 1 },
  { code: 'baik', label: 'Baik', value: 0.75 },
  { code: 'butuh_perbaikan', label: 'Butuh Perbaikan', value: 0.4 },
  { code: 'kurang', label: 'Kurang', value: 0.2 },
  { code: 'sangat_kurang', label: 'Sangat Kurang', value: 0 },
] as const;

/** Legacy sebutan (PP 46/2011 and the 2019–2021 scale) read for the "at least Baik" rule only; the record
 *  itself keeps its own label (DOMAIN.md §2.2). */
const LEGACY_VALUE: Record<string, number> = { 'SANGAT BAIK': 1, BAIK: 0.75, CUKUP: 0.4, KURANG: 0.2, BURUK: 0, 'SANGAT KURANG': 0 };

export interface AnnualPredikat {
  year: number;
  /** 2022+ predikat code; null for a legacy score. */
  code: string | null;
  /** Legacy sebutan as recorded ("Baik"), when there is no code. */
  legacyLabel: string | null;
}

export function predikatValue(p: AnnualPredikat): number | null {
  if (p.code) return PREDIKAT.find((x) => x.code === p.code)?.value ?? null;
  if (p.legacyLabel) return LEGACY_VALUE[p.legacyLabel.trim().toUpperCase()] ?? null;
  return null;
}

export function predikatLabel(p: AnnualPredikat): string {
  if (p.code) return PREDIKAT.find((x) => x.code === p.code)?.label ?? p.code;
  return p.legacyLabel ? `${p.legacyLabel} (skala lama)` : 'tanpa predikat';
}

/** Talent-box placement with its two axes as indices (kinerja: 0 di bawah, 1 sesuai, 2 di atas; potensi:
 *  0 rendah, 1 menengah, 2 tinggi). */
export interface TalentFact {
  year: number;
  box: number;
  kinerja: number;
  potensi: number;
  calibrated: boolean;
  /** The session is still a draft (not yet fixed by the Komite Talenta). */
  provisional: boolean;
}

/** Kelompok rencana suksesi: boxes 7, 8, 9 of the default layout, i.e. axes summing to 3 or more. */
export const inTalentPool = (t: Pick<TalentFact, 'kinerja' | 'potensi'>) => t.kinerja + t.potensi >= 3;

export interface JpmFact {
  /** no_standard: the target post has no competency standard; not_assessed: none of its competencies
   *  assessed; partial: some assessed (JPM over those); complete: all assessed. */
  status: 'no_standard' | 'not_assessed' | 'partial' | 'complete';
  /** 0–100 */
  value: number | null;
  assessed: number;
  required: number;
}

export type JpmCategory = 'MS' | 'MMS' | 'KMS';
export const JPM_CATEGORY_LABELS: Record<JpmCategory, string> = {
  MS: 'Memenuhi Syarat', MMS: 'Masih Memenuhi Syarat', KMS: 'Kurang Memenuhi Syarat',
};

/** Selection categories (DOMAIN.md §3.1): MS ≥ 80, MMS 68–< 80, KMS < 68. */
export function jpmSelectionCategory(jpm: number): JpmCategory {
  return jpm >= 80 ? 'MS' : jpm >= 68 ? 'MMS' : 'KMS';
}

export interface TrainingFact {
  /** Leadership training codes the person completed. */
  leadership: string[];
  /** The person has any training record at all; without any, "belum ada data". */
  anyRecord: boolean;
}

export interface CandidateFacts {
  employeeId: number;
  employmentType: string;
  golongan: number | null;
  golonganTmt: IsoDate | null;
  /** Current position. */
  positionId: number | null;
  level: string | null;
  positionTmt: IsoDate | null;
  education: string | null;
  birthDate: IsoDate;
  retirementDate: IsoDate | null;
  /** Latest annual SKP first (at most two, within the last three years); empty = no data. */
  predikat: AnnualPredikat[];
  talent: TalentFact | null;
  jpm: JpmFact;
  training: TrainingFact;
}

/** The facts read from this capability's own tables (no other capability's data), for the cheap pre-check. */
export type BasicFacts = Pick<CandidateFacts, 'employeeId' | 'employmentType' | 'golongan' | 'golonganTmt' | 'positionId' | 'level' | 'positionTmt' | 'education' | 'birthDate' | 'retirementDate'>;

// ---------------------------------------------------------------------------------------------------------
// Checklist and score

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'unknown';
export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = { ok: 'Memenuhi', warn: 'Perlu perhatian', fail: 'Tidak memenuhi', unknown: 'Belum ada data' };

export const CHECK_KEYS = ['status_pns', 'golongan', 'jenjang', 'masa_jabatan', 'pendidikan', 'usia', 'pensiun', 'skp', 'talenta', 'jpm', 'diklat'] as const;
export type CheckKey = (typeof CHECK_KEYS)[number];
/** Items computed from the employee record alone (cheap over the whole district). */
export const BASIC_CHECKS: readonly CheckKey[] = ['status_pns', 'golongan', 'jenjang', 'masa_jabatan', 'pendidikan', 'usia', 'pensiun'];

export interface ChecklistItem {
  key: CheckKey;
  label: string;
  status: CheckStatus;
  detail: string;
}

export const SCORE_COMPONENTS = [
  { key: 'jpm', label: 'JPM terhadap standar jabatan' },
  { key: 'kinerja', label: 'Predikat SKP terakhir' },
  { key: 'talenta', label: 'Kotak talenta' },
  { key: 'diklat', label: 'Diklat kepemimpinan' },
  { key: 'pengalaman', label: 'Lama pada jabatan saat ini' },
  { key: 'golongan', label: 'Golongan terhadap minimum' },
  { key: 'pendidikan', label: 'Pendidikan' },
  { key: 'sisa_masa_kerja', label: 'Sisa masa kerja setelah lowong' },
] as const;
export type ComponentKey = (typeof SCORE_COMPONENTS)[number]['key'];
export const COMPONENT_KEYS = SCORE_COMPONENTS.map((c) => c.key) as [ComponentKey, ...ComponentKey[]];
export type ScoreWeights = Record<ComponentKey, number>;
export const DEFAULT_WEIGHTS: ScoreWeights = {
  jpm: 25, kinerja: 20, talenta: 20, diklat: 10, pengalaman: 10, golongan: 5, pendidikan: 5, sisa_masa_kerja: 5,
};

export interface ScoreComponent {
  key: ComponentKey;
  label: string;
  weight: number;
  /** 0–1; null = no data (left out of the score). */
  value: number | null;
  /** Points this component adds to the 0–100 score (null when left out). */
  points: number | null;
  detail: string;
}

export interface EvaluationContext {
  today: IsoDate;
  /** When the target post is expected to fall vacant (today when it is vacant now). */
  vacancyDate: IsoDate;
  rules: SuccessionRules;
  weights: ScoreWeights;
}

export interface CandidateEvaluation {
  employeeId: number;
  eligible: boolean;
  /** Items with status fail. */
  failed: CheckKey[];
  checklist: ChecklistItem[];
  components: ScoreComponent[];
  /** 0–100 over the components with data; null when not eligible. */
  score: number | null;
  /** Share of the weights that had data, 0–100. */
  coverage: number;
  suggestedReadiness: Readiness;
}

const item = (key: CheckKey, label: string, status: CheckStatus, detail: string): ChecklistItem => ({ key, label, status, detail });

const yearsText = (months: number) => monthsText(Math.max(0, months));

/** The checklist items that need only the employee record. */
export function basicChecklist(facts: BasicFacts, req: TargetRequirements, ctx: EvaluationContext): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  items.push(facts.employmentType === 'PNS'
    ? item('status_pns', 'Berstatus PNS', 'ok', 'PNS')
    : item('status_pns', 'Berstatus PNS', 'fail', `${facts.employmentType}: jabatan struktural hanya untuk PNS`));

  const g = golonganByCode(facts.golongan);
  const min = golonganByCode(req.minGolongan)!;
  const golonganLabelText = `Golongan minimum ${min.label}`;
  if (!g || g.scheme !== 'pns') {
    items.push(item('golongan', golonganLabelText, g ? 'fail' : 'unknown', g ? `PPPK golongan ${g.label}` : 'golongan belum tercatat'));
  } else {
    const since = facts.golonganTmt && facts.golonganTmt <= ctx.today ? ` sejak ${formatDateId(facts.golonganTmt)} (${yearsText(fullMonthsBetween(facts.golonganTmt, ctx.today))})` : '';
    const steps = min.rank - g.rank;
    if (steps <= 0) items.push(item('golongan', golonganLabelText, 'ok', `${g.label}${since}; ${req.minGolonganBasis} ${min.label}`));
    else if (steps <= ctx.rules.golonganToleranceSteps) {
      items.push(item('golongan', golonganLabelText, 'warn', `${g.label}${since}: ${steps} tingkat di bawah ${req.minGolonganBasis} ${min.label} (masih dalam toleransi)`));
    } else items.push(item('golongan', golonganLabelText, 'fail', `${g.label}${since}: di bawah ${req.minGolonganBasis} ${min.label}`));
  }

  const info = positionLevelInfo(facts.level);
  const levelLabel = `Jenjang jabatan ${req.feederLabel} atau setara`;
  if (!info) items.push(item('jenjang', levelLabel, 'unknown', 'jabatan saat ini belum tercatat'));
  else if (info.seniority > req.seniority) items.push(item('jenjang', levelLabel, 'fail', `${info.label}: lebih tinggi dari jabatan ini`));
  else if (info.seniority === req.seniority) {
    items.push(ctx.rules.allowLateralMoves
      ? item('jenjang', levelLabel, 'ok', `${info.label}: setara (mutasi/rotasi)`)
      : item('jenjang', levelLabel, 'fail', `${info.label}: setara, bukan satu jenjang di bawah (mutasi tidak diperhitungkan; lihat Pengaturan)`));
  }
  else if (info.seniority >= req.feederSeniority) items.push(item('jenjang', levelLabel, 'ok', `${info.label}: satu jenjang di bawah`));
  else items.push(item('jenjang', levelLabel, 'fail', `${info.label}: lebih dari satu jenjang di bawah`));

  const tenureLabel = `Minimal ${req.minYearsInPosition} tahun pada jabatan saat ini`;
  if (!facts.positionTmt || facts.positionTmt > ctx.today) items.push(item('masa_jabatan', tenureLabel, 'unknown', 'TMT jabatan belum tercatat'));
  else {
    const months = fullMonthsBetween(facts.positionTmt, ctx.today);
    items.push(item('masa_jabatan', tenureLabel, months >= req.minYearsInPosition * 12 ? 'ok' : 'fail',
      `sejak ${formatDateId(facts.positionTmt)} (${yearsText(months)})`));
  }

  const edu = educationInfo(facts.education);
  const eduLabel = `Pendidikan minimal ${req.education.label}`;
  if (!edu) items.push(item('pendidikan', eduLabel, 'unknown', 'pendidikan belum tercatat'));
  else items.push(item('pendidikan', eduLabel, EDUCATION_RANK[edu.code] >= req.education.rank ? 'ok' : 'fail', educationLabel(edu.code)));

  if (req.maxAge !== null) {
    const at = ctx.vacancyDate > ctx.today ? ctx.vacancyDate : ctx.today;
    const age = fullYearsBetween(facts.birthDate, at);
    items.push(item('usia', `Usia paling tinggi ${req.maxAge} tahun`, age <= req.maxAge ? 'ok' : 'fail', `${age} tahun pada ${formatDateId(at)}`));
  }

  const pensionLabel = 'Pensiun setelah perkiraan lowong';
  if (!facts.retirementDate) items.push(item('pensiun', pensionLabel, 'unknown', 'TMT pensiun belum dihitung'));
  else if (facts.retirementDate <= ctx.vacancyDate) {
    items.push(item('pensiun', pensionLabel, 'fail', `TMT pensiun ${formatDateId(facts.retirementDate)}, tidak setelah lowong ${formatDateId(ctx.vacancyDate)}`));
  } else {
    const months = fullMonthsBetween(ctx.vacancyDate, facts.retirementDate);
    items.push(item('pensiun', pensionLabel, months < ctx.rules.minServiceMonthsAfterVacancy ? 'warn' : 'ok',
      `TMT pensiun ${formatDateId(facts.retirementDate)}; ${yearsText(months)} setelah lowong`));
  }
  return items;
}

/**
 * The decisions of the basic checks as value lists and date limits, worked out once per target: the TS
 * filter below and the ranking's SQL pre-filter (main/services/succession) are both built from it, so the two
 * cannot disagree on a rule (tests compare them with basicChecklist over a whole demo district).
 */
export interface BasicFilterSpec {
  today: IsoDate;
  vacancyDate: IsoDate;
  /** Golongan codes that fail: PNS more steps below the minimum than tolerated, and every PPPK grade. */
  failingGolongan: number[];
  /** Position levels that fail "one step below" (higher, too low, or the same level unless allowed). */
  failingLevels: string[];
  /** A position TMT after this date (and not in the future) is too recent: "at least N years" as one comparison,
   *  since fullMonthsBetween(a, D) >= m exactly when a <= addMonths(D, -m). */
  tenureLimit: IsoDate;
  failingEducation: string[];
  /** Born on or before this date: older than the maximum age at the vacancy (null: no age rule). */
  tooOldIfBornBy: IsoDate | null;
}

export function basicFilterSpec(req: TargetRequirements, ctx: EvaluationContext): BasicFilterSpec {
  const minRank = golonganByCode(req.minGolongan)!.rank;
  const ageAt = ctx.vacancyDate > ctx.today ? ctx.vacancyDate : ctx.today;
  return {
    today: ctx.today,
    vacancyDate: ctx.vacancyDate,
    failingGolongan: ALL_GOLONGAN.filter((g) => g.scheme !== 'pns' || minRank - g.rank > ctx.rules.golonganToleranceSteps).map((g) => g.code),
    failingLevels: POSITION_LEVELS.filter((l) => l.seniority > req.seniority || l.seniority < req.feederSeniority || (!ctx.rules.allowLateralMoves && l.seniority === req.seniority)).map((l) => l.code),
    tenureLimit: addMonths(ctx.today, -req.minYearsInPosition * 12),
    failingEducation: Object.keys(EDUCATION_RANK).filter((code) => EDUCATION_RANK[code] < req.education.rank),
    tooOldIfBornBy: req.maxAge === null ? null : addYears(ageAt, -(req.maxAge + 1)),
  };
}

/** The keys basicChecklist marks "fail", without building its texts: the cheap check over many people. */
export function createBasicFilter(req: TargetRequirements, ctx: EvaluationContext): (facts: BasicFacts) => CheckKey[] {
  const spec = basicFilterSpec(req, ctx);
  const golongan = new Set(spec.failingGolongan);
  const levels = new Set(spec.failingLevels);
  const education = new Set(spec.failingEducation);
  return (facts) => {
    const failed: CheckKey[] = [];
    if (facts.employmentType !== 'PNS') failed.push('status_pns');
    if (facts.golongan !== null && golongan.has(facts.golongan)) failed.push('golongan');
    if (facts.level !== null && levels.has(facts.level)) failed.push('jenjang');
    if (facts.positionTmt !== null && facts.positionTmt <= spec.today && facts.positionTmt > spec.tenureLimit) failed.push('masa_jabatan');
    if (facts.education !== null && education.has(facts.education)) failed.push('pendidikan');
    if (spec.tooOldIfBornBy !== null && facts.birthDate <= spec.tooOldIfBornBy) failed.push('usia');
    if (facts.retirementDate !== null && facts.retirementDate <= spec.vacancyDate) failed.push('pensiun');
    return failed;
  };
}

/** Fails on the SKP rule: a predikat below Baik in the (up to) two latest annual evaluations. */
const skpBelowBaik = (predikat: readonly AnnualPredikat[]) => predikat.some((p) => {
  const v = predikatValue(p);
  return v !== null && v < 0.75;
});

/** The score's component values (0–1, null = no data), shared by the detailed and the quick evaluation. */
export function componentValues(facts: CandidateFacts, req: TargetRequirements, ctx: EvaluationContext): Record<ComponentKey, number | null> {
  const v = (x: number | null) => (x === null ? null : round3(clamp01(x)));
  const jpm = facts.jpm;
  const latest = facts.predikat[0];
  const g = golonganByCode(facts.golongan);
  const diff = g && g.scheme === 'pns' ? g.rank - golonganByCode(req.minGolongan)!.rank : null;
  const edu = educationInfo(facts.education);
  const rank = edu ? EDUCATION_RANK[edu.code] : null;
  return {
    jpm: v(jpm.value === null || jpm.status === 'no_standard' || jpm.status === 'not_assessed' ? null : jpm.value / 100),
    kinerja: v(latest ? predikatValue(latest) : null),
    talenta: v(facts.talent ? (facts.talent.kinerja + facts.talent.potensi) / 4 : null),
    diklat: !req.training || !facts.training.anyRecord ? null : hasLeadershipTraining(facts.training.leadership, req.training.code) ? 1 : 0,
    pengalaman: v(facts.positionTmt && facts.positionTmt <= ctx.today ? monthsBetween(facts.positionTmt, ctx.today) / 60 : null),
    golongan: diff === null ? null : diff >= 1 ? 1 : diff === 0 ? 0.8 : diff === -1 ? 0.4 : 0,
    pendidikan: rank === null ? null : rank >= 9 ? 1 : rank === 8 ? 0.85 : rank === 7 ? 0.6 : rank === 6 ? 0.3 : 0,
    sisa_masa_kerja: v(facts.retirementDate ? (facts.retirementDate > ctx.vacancyDate ? monthsBetween(ctx.vacancyDate, facts.retirementDate) : 0) / 60 : null),
  };
}

/** Score 0–100 over the components with data (their weights renormalised), and the share of weights with data. */
export function scoreOf(values: Record<ComponentKey, number | null>, weights: ScoreWeights): { raw: number | null; coverage: number; knownWeight: number } {
  let total = 0;
  let known = 0;
  let sum = 0;
  for (const key of COMPONENT_KEYS) {
    const w = weights[key];
    total += w;
    const value = values[key];
    if (value === null) continue;
    known += w;
    sum += w * value;
  }
  return { raw: known === 0 ? null : (sum / known) * 100, coverage: total === 0 ? 0 : round1((known / total) * 100), knownWeight: known };
}

export interface QuickEvaluation {
  employeeId: number;
  eligible: boolean;
  failed: CheckKey[];
  score: number | null;
  coverage: number;
}

/** Eligibility and score without the texts: what the ranking needs to order thousands of people. The
 *  detailed evaluateCandidate gives the same answers (tests check it) and is built only for rows shown. */
export function createQuickEvaluator(req: TargetRequirements, ctx: EvaluationContext, options: { basicsChecked?: boolean } = {}): (facts: CandidateFacts) => QuickEvaluation {
  const basic = createBasicFilter(req, ctx);
  // basicsChecked: the caller already kept only people who pass the basic checks (the ranking does so in SQL).
  return (facts) => {
    const failed = options.basicsChecked ? [] : basic(facts);
    if (skpBelowBaik(facts.predikat)) failed.push('skp');
    const eligible = failed.length === 0;
    const { raw, coverage } = scoreOf(componentValues(facts, req, ctx), ctx.weights);
    return { employeeId: facts.employeeId, eligible, failed, score: eligible && raw !== null ? round1(raw) : null, coverage };
  };
}

/** The full checklist, the explained score and the suggested readiness of one candidate. */
export function evaluateCandidate(facts: CandidateFacts, req: TargetRequirements, ctx: EvaluationContext): CandidateEvaluation {
  const checklist = basicChecklist(facts, req, ctx);

  // SKP: at least Baik in the (up to) two latest annual evaluations.
  const skpLabel = 'Predikat SKP 2 tahun terakhir minimal Baik';
  if (facts.predikat.length === 0) checklist.push(item('skp', skpLabel, 'unknown', 'belum ada data SKP tahunan'));
  else {
    const text = facts.predikat.map((p) => `${p.year}: ${predikatLabel(p)}`).join('; ');
    const below = skpBelowBaik(facts.predikat);
    const unknown = facts.predikat.some((p) => predikatValue(p) === null);
    checklist.push(item('skp', skpLabel, below ? 'fail' : unknown ? 'unknown' : facts.predikat.length < 2 ? 'warn' : 'ok',
      facts.predikat.length < 2 && !below ? `${text} (hanya satu tahun tercatat)` : text));
  }

  const talentLabel = 'Kotak talenta dalam kelompok rencana suksesi (7, 8, 9)';
  if (!facts.talent) checklist.push(item('talenta', talentLabel, 'unknown', 'belum ada data penempatan talenta'));
  else {
    const t = facts.talent;
    const note = `kotak ${t.box} (${t.year}${t.calibrated ? ', hasil kalibrasi' : ''}${t.provisional ? ', sidang belum ditetapkan' : ''})`;
    checklist.push(item('talenta', talentLabel, inTalentPool(t) ? 'ok' : 'warn', note));
  }

  const jpmLabel = 'JPM terhadap standar jabatan ini';
  const jpm = facts.jpm;
  if (jpm.status === 'no_standard') checklist.push(item('jpm', jpmLabel, 'unknown', 'belum ada data: jabatan ini belum punya standar kompetensi'));
  else if (jpm.status === 'not_assessed' || jpm.value === null) checklist.push(item('jpm', jpmLabel, 'unknown', 'belum diasesmen'));
  else {
    const category = jpmSelectionCategory(jpm.value);
    const partial = jpm.status === 'partial' ? ` (sebagian: ${jpm.assessed} dari ${jpm.required} kompetensi diasesmen)` : '';
    checklist.push(item('jpm', jpmLabel, category === 'MS' ? 'ok' : 'warn', `${formatPercent(jpm.value)} ${category} – ${JPM_CATEGORY_LABELS[category]}${partial}`));
  }

  const trainingLabel = req.training ? `Diklat kepemimpinan ${req.training.label}` : 'Diklat kepemimpinan';
  const hasTraining = req.training ? hasLeadershipTraining(facts.training.leadership, req.training.code) : true;
  if (req.training && !facts.training.anyRecord) checklist.push(item('diklat', trainingLabel, 'unknown', 'belum ada data diklat'));
  else if (req.training) {
    checklist.push(item('diklat', trainingLabel, hasTraining ? 'ok' : 'warn',
      hasTraining ? `sudah (${facts.training.leadership.map(trainingShortLabel).join(', ')})` : 'belum; wajib diikuti setelah diangkat'));
  }

  const failed = checklist.filter((i) => i.status === 'fail').map((i) => i.key);
  const eligible = failed.length === 0;
  const values = componentValues(facts, req, ctx);
  const { raw, coverage, knownWeight } = scoreOf(values, ctx.weights);
  const components = SCORE_COMPONENTS.map((c): ScoreComponent => {
    const value = values[c.key];
    return {
      key: c.key, label: c.label, weight: ctx.weights[c.key], value,
      points: value === null || knownWeight === 0 ? null : round1((ctx.weights[c.key] * value * 100) / knownWeight),
      detail: componentDetail(c.key, facts, req, ctx),
    };
  });
  const score = eligible && raw !== null ? round1(raw) : null;

  return { employeeId: facts.employeeId, eligible, failed, checklist, components, score, coverage, suggestedReadiness: suggestReadiness(eligible, checklist) };
}

/** The words beside each component value. */
function componentDetail(key: ComponentKey, facts: CandidateFacts, req: TargetRequirements, ctx: EvaluationContext): string {
  switch (key) {
    case 'jpm': {
      const jpm = facts.jpm;
      if (jpm.status === 'no_standard') return 'belum ada data: jabatan tanpa standar kompetensi';
      if (jpm.value === null || jpm.status === 'not_assessed') return 'belum diasesmen';
      return `JPM ${formatPercent(jpm.value)}${jpm.status === 'partial' ? ` (${jpm.assessed} dari ${jpm.required} kompetensi)` : ''}`;
    }
    case 'kinerja': {
      const latest = facts.predikat[0];
      return latest ? `${latest.year}: ${predikatLabel(latest)}` : 'belum ada data SKP';
    }
    case 'talenta':
      return facts.talent ? `kotak ${facts.talent.box} (${facts.talent.year})` : 'belum ada data talenta';
    case 'diklat': {
      if (!req.training) return 'tidak dipersyaratkan';
      if (!facts.training.anyRecord) return 'belum ada data diklat';
      const name = trainingShortLabel(req.training.code);
      return hasLeadershipTraining(facts.training.leadership, req.training.code) ? `sudah ${name}` : `belum ${name}`;
    }
    case 'pengalaman':
      return facts.positionTmt && facts.positionTmt <= ctx.today ? `${yearsText(fullMonthsBetween(facts.positionTmt, ctx.today))} (penuh pada 5 tahun)` : 'TMT jabatan belum tercatat';
    case 'golongan': {
      const g = golonganByCode(facts.golongan);
      return g && g.scheme === 'pns' ? `${g.label} (minimum ${golonganByCode(req.minGolongan)!.label})` : 'golongan belum tercatat';
    }
    case 'pendidikan':
      return educationInfo(facts.education) ? educationLabel(facts.education) : 'pendidikan belum tercatat';
    case 'sisa_masa_kerja': {
      if (!facts.retirementDate) return 'TMT pensiun belum dihitung';
      const months = facts.retirementDate > ctx.vacancyDate ? fullMonthsBetween(ctx.vacancyDate, facts.retirementDate) : 0;
      return `${yearsText(months)} setelah lowong (penuh pada 5 tahun)`;
    }
  }
}

/** A higher leadership training covers a lower one (PKN II covers PKA, PKA covers PKP). */
export function hasLeadershipTraining(done: readonly string[], required: string): boolean {
  const order = LEADERSHIP_TRAINING_CODES as readonly string[];
  const need = order.indexOf(required);
  return done.some((code) => order.indexOf(code) >= need && order.indexOf(code) >= 0);
}

function trainingShortLabel(code: string): string {
  return ({ pkp: 'PKP', pka: 'PKA', pkn_2: 'PKN II', pkn_1: 'PKN I' } as Record<string, string>)[code] ?? code;
}

/**
 * A starting point the user can change: siap sekarang when every requirement is met with data (nothing
 * failing, nothing unknown or to watch except a missing training); 1–2 years when eligible; otherwise > 2.
 */
export function suggestReadiness(eligible: boolean, checklist: ChecklistItem[]): Readiness {
  if (!eligible) return 'siap_lebih_2_tahun';
  const open = checklist.filter((i) => i.status !== 'ok' && !(i.key === 'diklat' && i.status === 'warn'));
  return open.length === 0 ? 'siap_sekarang' : 'siap_1_2_tahun';
}

/** One person's place in the ranking order (golonganRank: golonganByCode(code).rank, 0 when unknown). */
export interface RankKey {
  employeeId: number;
  eligible: boolean;
  score: number | null;
  coverage: number;
  failedCount: number;
  golonganRank: number;
  retirementDate: string | null;
}

export const golonganRankOf = (code: number | null) => golonganByCode(code)?.rank ?? 0;

/**
 * Ranking order: eligible first; then score (higher first); then the share of weights with data; then
 * golongan; then later retirement; then the lower id (stable and deterministic). Ineligible people are not
 * scored: they follow in order of fewest unmet requirements. (The golongan rank is worked out beforehand:
 * looking it up inside the comparison made sorting thousands of people eight times slower.)
 */
export function compareEvaluations(a: RankKey, b: RankKey): number {
  if (a.eligible !== b.eligible) return a.eligible ? -1 : 1;
  if (a.eligible) {
    if ((b.score ?? -1) !== (a.score ?? -1)) return (b.score ?? -1) - (a.score ?? -1);
    if (b.coverage !== a.coverage) return b.coverage - a.coverage;
  } else if (a.failedCount !== b.failedCount) return a.failedCount - b.failedCount;
  if (b.golonganRank !== a.golonganRank) return b.golonganRank - a.golonganRank;
  if ((a.retirementDate ?? '') !== (b.retirementDate ?? '')) return (b.retirementDate ?? '') < (a.retirementDate ?? '') ? -1 : 1;
  return a.employeeId - b.employeeId;
}

// ---------------------------------------------------------------------------------------------------------
// Development needs

export interface StandardItem {
  competencyId: number;
  code: string;
  name: string;
  requiredLevel: number;
}

export interface DevelopmentNeed {
  kind: 'kompetensi' | 'asesmen' | 'diklat' | 'syarat';
  /** For competency gaps and missing assessments. */
  competencyId: number | null;
  label: string;
  currentLevel: number | null;
  targetLevel: number | null;
  /** What to do, in words (the later IDP's activity). */
  action: string;
}

/**
 * What a candidate still needs for the target post, ready to become an individual development plan:
 * competency gaps against the target's standard (largest first), competencies never assessed, the missing
 * leadership training, and every other requirement not (yet) met.
 */
export function developmentNeeds(evaluation: CandidateEvaluation, standard: StandardItem[], levels: ReadonlyMap<number, number>, req: TargetRequirements): DevelopmentNeed[] {
  const needs: DevelopmentNeed[] = [];
  const gaps = standard
    .filter((s) => levels.has(s.competencyId) && levels.get(s.competencyId)! < s.requiredLevel)
    .sort((a, b) => (b.requiredLevel - levels.get(b.competencyId)!) - (a.requiredLevel - levels.get(a.competencyId)!) || a.code.localeCompare(b.code));
  for (const s of gaps) {
    const current = levels.get(s.competencyId)!;
    needs.push({ kind: 'kompetensi', competencyId: s.competencyId, label: `${s.code} ${s.name}`, currentLevel: current, targetLevel: s.requiredLevel,
      action: `Tingkatkan dari level ${current} ke level ${s.requiredLevel} (kesenjangan ${s.requiredLevel - current})` });
  }
  for (const s of standard.filter((x) => !levels.has(x.competencyId))) {
    needs.push({ kind: 'asesmen', competencyId: s.competencyId, label: `${s.code} ${s.name}`, currentLevel: null, targetLevel: s.requiredLevel,
      action: `Belum diasesmen; ikutkan asesmen kompetensi (standar level ${s.requiredLevel})` });
  }
  const training = evaluation.checklist.find((i) => i.key === 'diklat');
  if (req.training && training && training.status !== 'ok') {
    needs.push({ kind: 'diklat', competencyId: null, label: req.training.label, currentLevel: null, targetLevel: null,
      action: training.status === 'unknown' ? `Periksa riwayat diklat; ${req.training.label} dipersyaratkan` : `Ikutkan ${req.training.label}` });
  }
  for (const i of evaluation.checklist) {
    if (i.key === 'diklat' || i.key === 'jpm' || i.status === 'ok') continue;
    if (i.status === 'unknown' && (i.key === 'talenta' || i.key === 'skp')) {
      needs.push({ kind: 'syarat', competencyId: null, label: i.label, currentLevel: null, targetLevel: null, action: `Lengkapi data: ${i.detail}` });
      continue;
    }
    needs.push({ kind: 'syarat', competencyId: null, label: i.label, currentLevel: null, targetLevel: null,
      action: `${i.status === 'fail' ? 'Belum memenuhi' : i.status === 'warn' ? 'Perhatikan' : 'Lengkapi data'}: ${i.detail}` });
  }
  return needs;
}

// ---------------------------------------------------------------------------------------------------------
// Chain vacancies

export interface ChainPosition {
  id: number;
  name: string;
  level: string;
  isKey: boolean;
  /** One holder (a structural post), so a move leaves it empty; JF and pelaksana formations do not. */
  singleHolder: boolean;
}

export interface ChainCandidate {
  employeeId: number;
  name: string;
  readiness: Readiness;
  /** The post the candidate holds now. */
  positionId: number | null;
}

export interface ChainLookup {
  position(id: number): ChainPosition | null;
  /** The plan's candidates in order (empty when there is no plan). */
  candidates(positionId: number): ChainCandidate[] | null;
}

export interface ChainStep {
  /** The post filled in this step. */
  position: ChainPosition;
  /** Whether that post has a plan at all. */
  hasPlan: boolean;
  candidateCount: number;
  readyNowCount: number;
  /** Who moves up into it (the first candidate not already moved in this chain); null ends the chain. */
  mover: ChainCandidate | null;
  /** The post the mover leaves: vacant next (null when the mover holds no single-holder post). */
  freed: ChainPosition | null;
  /** Why the chain stops here, when it does. */
  end: string | null;
}

/**
 * The cascade when a plan's first candidate moves up: the post they leave falls vacant, whose own first
 * candidate moves up in turn, and so on, until a post has no successor, the mover holds a formation post
 * (JF or pelaksana: nothing structural falls vacant), a post repeats, or `maxSteps` is reached.
 */
export function chainVacancies(startPositionId: number, lookup: ChainLookup, maxSteps = 8): ChainStep[] {
  const steps: ChainStep[] = [];
  const moved = new Set<number>();
  const visited = new Set<number>();
  let current = lookup.position(startPositionId);
  while (current && steps.length < maxSteps) {
    visited.add(current.id);
    const all = lookup.candidates(current.id);
    const list = (all ?? []).filter((c) => !moved.has(c.employeeId));
    const step: ChainStep = {
      position: current, hasPlan: all !== null, candidateCount: list.length,
      readyNowCount: list.filter((c) => c.readiness === 'siap_sekarang').length, mover: null, freed: null, end: null,
    };
    steps.push(step);
    const mover = list[0];
    if (!mover) {
      step.end = all === null ? 'Jabatan ini belum punya rencana suksesi.' : 'Tidak ada kandidat lain dalam rencananya.';
      break;
    }
    step.mover = mover;
    moved.add(mover.employeeId);
    const freed = mover.positionId !== null ? lookup.position(mover.positionId) : null;
    if (!freed || !freed.singleHolder) {
      step.end = freed ? `${mover.name} memegang jabatan ${positionLevelLabel(freed.level) || 'formasi'} (formasi, bukan jabatan struktural tunggal): rantai berhenti.` : `${mover.name} belum tercatat memegang jabatan: rantai berhenti.`;
      break;
    }
    step.freed = freed;
    if (visited.has(freed.id)) {
      step.end = `Jabatan ${freed.name} sudah ada dalam rantai ini.`;
      break;
    }
    current = freed;
  }
  if (current && steps.length >= maxSteps && !steps[steps.length - 1].end) steps[steps.length - 1].end = `Rantai dipotong setelah ${maxSteps} langkah.`;
  return steps;
}

// ---------------------------------------------------------------------------------------------------------

/** fullMonthsBetween for two valid ISO dates, without its regex parse: the ranking runs it thousands of times
 *  per call (a test holds it to fullMonthsBetween). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? months - 1 : months;
}

function clamp01(v: number) {
  return Math.max(0, Math.min(1, v));
}
const round1 = (v: number) => Math.round(v * 10) / 10;
const round3 = (v: number) => Math.round(v * 1000) / 1000;

function formatPercent(v: number): string {
  return `${(Math.round(v * 10) / 10).toString().replace('.', ',')}%`;
}
