// What a structural post asks of its successors: the rung they come from, minimum golongan, education, years in
// the current post, age, and the leadership training of the level. Sources (details in shared/domain/README.md,
// "Suksesi"):
// - Minimum golongan: the position's own minimum, else the lowest pangkat of its eselon (PP 13/2002). A
//   tolerance of one step below it is allowed by default, as PP 100/2000 Pasal 5(c) lets a PNS be appointed
//   "serendah-rendahnya satu tingkat di bawah" the eselon's pangkat (a setting; 0 is the strict rule).
// - Position level: one rung below on the structural ladder (pelaksana → pengawas → administrator → JPT
//   Pratama → JPT Madya), or a JF of that seniority (JF ahli madya → JPT Pratama, PP 11/2017 Pasal 107),
//   compared by POSITION_LEVELS.seniority. The same level (a lateral move, mutasi) counts only when the
//   setting allows it.
// - Years in the current post: JPT Pratama 2 (PP 11/2017 Pasal 107 as amended by PP 17/2020); administrator 3
//   and pengawas 4 (PP 11/2017 Pasal 54–55, not confirmed from the text); settings.
// - Education: S-1/D-IV for JPT and administrator, D-III for pengawas.
// - Leadership training: PKP for pengawas, PKA for administrator, PKN II for JPT Pratama, PKN I for JPT Madya
//   (Peraturan LAN 5/2022 as amended by 6/2022). It may follow the appointment, so a missing one is a development
//   need, not a bar.
// - JPT Pratama: age at most 56 (PP 17/2020), taken at the expected vacancy.

import { ESELON_GOLONGAN_RANGE, normaliseEselon, positionLevelInfo, type Eselon } from '../position';

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

/** Education order for "at least" checks: D-IV and S-1 are one step (PP 99/2000 jo PP 12/2002). */
export const EDUCATION_RANK: Record<string, number> = {
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

/** A higher leadership training covers a lower one (PKN II covers PKA, PKA covers PKP). */
export function hasLeadershipTraining(done: readonly string[], required: string): boolean {
  const order = LEADERSHIP_TRAINING_CODES as readonly string[];
  const need = order.indexOf(required);
  return done.some((code) => order.indexOf(code) >= need && order.indexOf(code) >= 0);
}

export function trainingShortLabel(code: string): string {
  return ({ pkp: 'PKP', pka: 'PKA', pkn_2: 'PKN II', pkn_1: 'PKN I' } as Record<string, string>)[code] ?? code;
}

