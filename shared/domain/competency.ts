// The competency dictionary's vocabulary (PermenPANRB 38/2017: kompetensi teknis, manajerial and sosial kultural,
// levels 1–5) and the assessment methods. The Job-Person Match rule is shared/domain/jpm.ts.

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
  return ASSESSMENT_METHODS.find((m) => m.code === code)?.label ?? 'Metode lain';
}
