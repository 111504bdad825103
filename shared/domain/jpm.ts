// Job-Person Match: how well a person's assessed competency levels meet a position's standar kompetensi jabatan
// (PermenPANRB 38/2017). This module is the rule; every screen, report, derived table and the succession ranking
// applies it, and main/db/sql/jpm.sql.ts is its one SQL mirror (test/competency/jpm-sql.test.ts holds the two to
// the same answers). The rule and its sources are in shared/domain/README.md, "Kompetensi".
//
// - JPM = Σ min(actual, required) / Σ required × 100 over the competencies of the position's standard. A level
//   above standard does not make up for a gap elsewhere (the cap per competency).
// - A JPM exists only when every competency of the standard is assessed. Never assessed is "belum diasesmen",
//   part of the standard assessed is "asesmen belum lengkap"; neither is a zero, neither has a JPM or category.
// - Categories are taken from the unrounded percentage (77.97 % is Kurang Optimal, 67.96 % is KMS); the
//   percentage is rounded to one decimal only for display.

export interface StandardItem {
  competencyId: number;
  requiredLevel: number;
}

export interface AchievedItem {
  competencyId: number;
  level: number;
}

export type JpmStatus = 'no_standard' | 'not_assessed' | 'partial' | 'complete';
export const JPM_STATUSES = ['no_standard', 'not_assessed', 'partial', 'complete'] as const satisfies readonly JpmStatus[];

export const JPM_STATUS_LABELS: Record<JpmStatus, string> = {
  no_standard: 'Standar kompetensi jabatan belum ditetapkan',
  not_assessed: 'Belum diasesmen',
  partial: 'Asesmen belum lengkap',
  complete: 'Lengkap',
};

/** The mapping set (pemetaan; Peraturan BRIN 3/2023 Pasal 33, as BKN practice): the lowest percentage of each
 *  category, highest first; below the last threshold is the last category. */
export const MAPPING_CATEGORIES = ['Optimal', 'Cukup Optimal', 'Kurang Optimal'] as const;
export type MappingCategory = (typeof MAPPING_CATEGORIES)[number];
export const MAPPING_THRESHOLDS: ReadonlyArray<{ category: MappingCategory; min: number }> = [
  { category: 'Optimal', min: 90 }, { category: 'Cukup Optimal', min: 78 }, { category: 'Kurang Optimal', min: -Infinity },
];

/** The selection set (seleksi / uji kompetensi), shown in succession screens. */
export const SELECTION_CATEGORIES = ['MS', 'MMS', 'KMS'] as const;
export type SelectionCategory = (typeof SELECTION_CATEGORIES)[number];
export const SELECTION_THRESHOLDS: ReadonlyArray<{ category: SelectionCategory; min: number }> = [
  { category: 'MS', min: 80 }, { category: 'MMS', min: 68 }, { category: 'KMS', min: -Infinity },
];
export const SELECTION_CATEGORY_LABELS: Record<SelectionCategory, string> = {
  MS: 'Memenuhi Syarat', MMS: 'Masih Memenuhi Syarat', KMS: 'Kurang Memenuhi Syarat',
};

/** Mapping category of an unrounded percentage. */
export function mappingCategory(percent: number): MappingCategory {
  return MAPPING_THRESHOLDS.find((t) => percent >= t.min)!.category;
}

/** Selection category of an unrounded percentage. */
export function selectionCategory(percent: number): SelectionCategory {
  return SELECTION_THRESHOLDS.find((t) => percent >= t.min)!.category;
}

/** The four sums every JPM is made of: over the standard (count, Σ required) and over the competencies of the
 *  standard the person was assessed in (count, Σ min(actual, required)). */
export interface JpmSums {
  standardCount: number;
  requiredSum: number;
  assessedCount: number;
  achievedSum: number;
}

export interface Jpm extends JpmSums {
  status: JpmStatus;
  /** Unrounded percentage, the basis of the categories; only when complete. */
  percent: number | null;
  /** The percentage rounded to one decimal, for display; only when complete. */
  jpm: number | null;
  category: MappingCategory | null;
  selection: SelectionCategory | null;
}

/** Where partial assessment is decided, once: a JPM needs every competency of the standard. */
export function jpmStatus(sums: Pick<JpmSums, 'standardCount' | 'requiredSum' | 'assessedCount'>): JpmStatus {
  if (sums.standardCount === 0 || sums.requiredSum <= 0) return 'no_standard';
  if (sums.assessedCount === 0) return 'not_assessed';
  return sums.assessedCount < sums.standardCount ? 'partial' : 'complete';
}

/** Σ min / Σ required × 100, unrounded (written in the order the SQL mirror computes it, so both give the same
 *  double), capped at 100. */
export function jpmPercent(achievedSum: number, requiredSum: number): number {
  return Math.min(100, (achievedSum * 100) / requiredSum);
}

/** One decimal, for display. */
export function roundJpm(percent: number): number {
  return Math.round(percent * 10) / 10;
}

/** The rule over the sums: status, percentage and both categories. */
export function jpmOfSums(sums: JpmSums): Jpm {
  const status = jpmStatus(sums);
  if (status !== 'complete') return { ...sums, status, percent: null, jpm: null, category: null, selection: null };
  const percent = jpmPercent(sums.achievedSum, sums.requiredSum);
  return { ...sums, status, percent, jpm: roundJpm(percent), category: mappingCategory(percent), selection: selectionCategory(percent) };
}

type Levels = ReadonlyMap<number, number> | readonly AchievedItem[];
const levelMap = (levels: Levels | undefined): ReadonlyMap<number, number> =>
  !levels ? new Map() : levels instanceof Map ? levels : new Map((levels as readonly AchievedItem[]).map((a) => [a.competencyId, a.level]));

/** The sums of one person's latest levels against a standard. */
export function jpmSums(standard: readonly StandardItem[], levels: Levels | undefined): JpmSums {
  const byCompetency = levelMap(levels);
  let requiredSum = 0;
  let assessedCount = 0;
  let achievedSum = 0;
  for (const s of standard) {
    requiredSum += s.requiredLevel;
    const level = byCompetency.get(s.competencyId);
    if (level === undefined) continue;
    assessedCount += 1;
    achievedSum += Math.min(level, s.requiredLevel);
  }
  return { standardCount: standard.length, requiredSum, assessedCount, achievedSum };
}

export interface GapItem {
  competencyId: number;
  required: number;
  /** null: this competency has not been assessed. */
  actual: number | null;
  /** actual − required (negative: below standard); null when not assessed. */
  gap: number | null;
  meets: boolean | null;
}

export function gapsAgainst(standard: readonly StandardItem[], levels: Levels): GapItem[] {
  const byCompetency = levelMap(levels);
  return standard.map((s) => {
    const actual = byCompetency.get(s.competencyId) ?? null;
    return { competencyId: s.competencyId, required: s.requiredLevel, actual, gap: actual === null ? null : actual - s.requiredLevel, meets: actual === null ? null : actual >= s.requiredLevel };
  });
}

/** JPM of one person against a standard, with the gap per competency. */
export function computeJpm(standard: readonly StandardItem[], levels: Levels): Jpm & { gaps: GapItem[] } {
  return { ...jpmOfSums(jpmSums(standard, levels)), gaps: gapsAgainst(standard, levels) };
}

/** Histogram buckets of the distribution charts, on the unrounded percentage: [min, max), the last closed at 100.
 *  Their edges include the category thresholds, so a bucket never straddles two mapping categories. */
export const JPM_BUCKETS = [
  { key: 'lt60', label: '< 60', min: 0, max: 60 },
  { key: '60', label: '60–69,9', min: 60, max: 70 },
  { key: '70', label: '70–77,9', min: 70, max: 78 },
  { key: '78', label: '78–84,9', min: 78, max: 85 },
  { key: '85', label: '85–89,9', min: 85, max: 90 },
  { key: '90', label: '90–94,9', min: 90, max: 95 },
  { key: '95', label: '95–100', min: 95, max: 100.0001 },
] as const;
export type JpmBucket = (typeof JPM_BUCKETS)[number]['key'];

export function jpmBucket(percent: number): JpmBucket {
  return (JPM_BUCKETS.find((b) => percent >= b.min && percent < b.max) ?? JPM_BUCKETS[JPM_BUCKETS.length - 1]).key;
}
