// The ranking order of candidates for one post.

import { golonganByCode } from '../golongan';

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

