// Competency standards, gaps and Job-Person Match (PermenPANRB 38/2017; DOMAIN.md §3, §3.1, §13).
//
// JPM (Jenjang's rule, DOMAIN.md §13): Σ min(actual, required) / Σ required × 100 over the competencies of the
// position's standard. A level above standard does not make up for a gap elsewhere (the per-competency cap).
// An employee without an assessment is "belum diasesmen", never zero; with only part of the standard assessed,
// the JPM is not computed ("asesmen belum lengkap") rather than guessed.

export const COMPETENCY_GROUPS = [
  { code: 'manajerial', label: 'Manajerial' },
  { code: 'sosial_kultural', label: 'Sosial Kultural' },
  { code: 'teknis', label: 'Teknis' },
] as const;
export type CompetencyGroup = (typeof COMPETENCY_GROUPS)[number]['code'];
export const COMPETENCY_GROUP_CODES = COMPETENCY_GROUPS.map((g) => g.code) as [CompetencyGroup, ...CompetencyGroup[]];

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 5;

export const ASSESSMENT_METHODS = [
  { code: 'assessment_center', label: 'Assessment center' },
  { code: 'uji_kompetensi', label: 'Uji kompetensi' },
  { code: 'atasan', label: 'Penilaian atasan' },
  { code: 'self', label: 'Penilaian mandiri' },
] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number]['code'];
export const ASSESSMENT_METHOD_CODES = ASSESSMENT_METHODS.map((m) => m.code) as [AssessmentMethod, ...AssessmentMethod[]];

export function assessmentMethodLabel(code: string): string {
  return ASSESSMENT_METHODS.find((m) => m.code === code)?.label ?? code;
}

/** Mapping categories (pemetaan; Peraturan BRIN 3/2023 Pasal 33, BKN practice). */
export const JPM_CATEGORIES = ['Optimal', 'Cukup Optimal', 'Kurang Optimal'] as const;
export type JpmCategory = (typeof JPM_CATEGORIES)[number];

/** Selection categories (seleksi / uji kompetensi), shown in succession screens. */
export const SELECTION_CATEGORIES = ['MS', 'MMS', 'KMS'] as const;
export type SelectionCategory = (typeof SELECTION_CATEGORIES)[number];
export const SELECTION_CATEGORY_LABELS: Record<SelectionCategory, string> = {
  MS: 'Memenuhi Syarat', MMS: 'Masih Memenuhi Syarat', KMS: 'Kurang Memenuhi Syarat',
};

export function jpmCategory(jpm: number): JpmCategory {
  if (jpm >= 90) return 'Optimal';
  if (jpm >= 78) return 'Cukup Optimal';
  return 'Kurang Optimal';
}

export function selectionCategory(jpm: number): SelectionCategory {
  if (jpm >= 80) return 'MS';
  if (jpm >= 68) return 'MMS';
  return 'KMS';
}

export interface StandardItem {
  competencyId: number;
  requiredLevel: number;
}

export interface AchievedItem {
  competencyId: number;
  level: number;
}

export type JpmStatus = 'no_standard' | 'not_assessed' | 'partial' | 'complete';

export interface GapItem {
  competencyId: number;
  required: number;
  /** null: this competency has not been assessed. */
  actual: number | null;
  /** actual − required (negative: below standard); null when not assessed. */
  gap: number | null;
  meets: boolean | null;
}

export interface JpmResult {
  status: JpmStatus;
  /** Percentage with one decimal, only when every competency of the standard is assessed. */
  jpm: number | null;
  category: JpmCategory | null;
  selection: SelectionCategory | null;
  requiredSum: number;
  achievedSum: number;
  assessedCount: number;
  standardCount: number;
  gaps: GapItem[];
}

export function gapsAgainst(standard: readonly StandardItem[], achieved: readonly AchievedItem[]): GapItem[] {
  const levels = new Map(achieved.map((a) => [a.competencyId, a.level]));
  return standard.map((s) => {
    const actual = levels.get(s.competencyId) ?? null;
    return { competencyId: s.competencyId, required: s.requiredLevel, actual, gap: actual === null ? null : actual - s.requiredLevel, meets: actual === null ? null : actual >= s.requiredLevel };
  });
}

export function computeJpm(standard: readonly StandardItem[], achieved: readonly AchievedItem[]): JpmResult {
  const gaps = gapsAgainst(standard, achieved);
  const requiredSum = standard.reduce((sum, s) => sum + s.requiredLevel, 0);
  const assessed = gaps.filter((g) => g.actual !== null);
  const achievedSum = assessed.reduce((sum, g) => sum + Math.min(g.actual!, g.required), 0);
  const base = { requiredSum, achievedSum, assessedCount: assessed.length, standardCount: standard.length, gaps };
  if (standard.length === 0 || requiredSum === 0) return { status: 'no_standard', jpm: null, category: null, selection: null, ...base };
  if (assessed.length === 0) return { status: 'not_assessed', jpm: null, category: null, selection: null, ...base };
  if (assessed.length < standard.length) return { status: 'partial', jpm: null, category: null, selection: null, ...base };
  const jpm = roundJpm((achievedSum / requiredSum) * 100);
  return { status: 'complete', jpm, category: jpmCategory(jpm), selection: selectionCategory(jpm), ...base };
}

/** One decimal, never above 100 (the cap is implied by min(), kept explicit for safety). */
export function roundJpm(value: number): number {
  return Math.min(100, Math.round(value * 10) / 10);
}

export const JPM_STATUS_LABELS: Record<JpmStatus, string> = {
  no_standard: 'Standar kompetensi jabatan belum ditetapkan',
  not_assessed: 'Belum diasesmen',
  partial: 'Asesmen belum lengkap',
  complete: 'Lengkap',
};

/** Histogram buckets of JPM for the distribution charts: [lower, upper) with the last bucket closed at 100. */
export const JPM_BUCKETS = [
  { key: 'lt60', label: '< 60', min: 0, max: 60 },
  { key: '60', label: '60–69,9', min: 60, max: 70 },
  { key: '70', label: '70–77,9', min: 70, max: 78 },
  { key: '78', label: '78–84,9', min: 78, max: 85 },
  { key: '85', label: '85–89,9', min: 85, max: 90 },
  { key: '90', label: '90–94,9', min: 90, max: 95 },
  { key: '95', label: '95–100', min: 95, max: 100.0001 },
] as const;

export function jpmBucket(jpm: number): (typeof JPM_BUCKETS)[number]['key'] {
  return (JPM_BUCKETS.find((b) => jpm >= b.min && jpm < b.max) ?? JPM_BUCKETS[JPM_BUCKETS.length - 1]).key;
}
