// The one SQL mirror of the JPM rule (shared/domain/jpm.ts): status, unrounded percentage, both category sets and
// the histogram bucket as SQL expressions over the four sums, built from the rule module's own thresholds, and the
// sums of people against a position's standard. The competency refresher stores what these expressions give;
// the succession ranking and the best-match list read the sums and apply the TypeScript rule to them.
// test/competency/jpm-sql.test.ts compares the two on the demo district and on hand-made edge cases.

import type { Dialect } from './run';
import { JPM_BUCKETS, MAPPING_THRESHOLDS, SELECTION_THRESHOLDS, type JpmSums } from '../../../shared/domain/jpm';

/** SQL expressions (columns, aggregates) of the four sums. */
export type JpmSumsSql = { [K in keyof JpmSums]: string };

function categoryCase(thresholds: ReadonlyArray<{ category: string; min: number }>, percent: string): string {
  const bounded = thresholds.filter((t) => Number.isFinite(t.min));
  const rest = thresholds.find((t) => !Number.isFinite(t.min))!;
  return `CASE WHEN ${percent} IS NULL THEN NULL ${bounded.map((t) => `WHEN ${percent} >= ${t.min} THEN '${t.category}'`).join(' ')} ELSE '${rest.category}' END`;
}

/** Σ min(level, required) and the number of competencies assessed, packed into one integer as
 *  achieved × 1000 + assessed so that one scalar subquery carries both (a standard has at most 60 items). */
const PACK = 1000;

export const jpmSql = {
  /** jpmStatus: no_standard, not_assessed, partial, complete. */
  status(s: JpmSumsSql): string {
    return `CASE WHEN COALESCE(${s.standardCount}, 0) = 0 OR COALESCE(${s.requiredSum}, 0) <= 0 THEN 'no_standard'
      WHEN COALESCE(${s.assessedCount}, 0) = 0 THEN 'not_assessed'
      WHEN ${s.assessedCount} < ${s.standardCount} THEN 'partial' ELSE 'complete' END`;
  },

  /** jpmPercent, unrounded, only when complete (NULL otherwise). */
  percent(s: JpmSumsSql, dialect: Dialect = 'sqlite'): string {
    // PostgreSQL: in double precision, as SQLite computes it (numeric would round differently).
    const ratio = dialect === 'postgres'
      ? `LEAST(100.0, (CAST(COALESCE(${s.achievedSum}, 0) AS double precision) * 100.0) / ${s.requiredSum})`
      : `MIN(100.0, (COALESCE(${s.achievedSum}, 0) * 100.0) / ${s.requiredSum})`;
    return `CASE WHEN COALESCE(${s.standardCount}, 0) > 0 AND COALESCE(${s.requiredSum}, 0) > 0 AND COALESCE(${s.assessedCount}, 0) >= ${s.standardCount}
      THEN ${ratio} END`;
  },

  /** mappingCategory of an unrounded percentage expression (NULL stays NULL). */
  mappingCategory: (percent: string): string => categoryCase(MAPPING_THRESHOLDS, percent),

  /** selectionCategory of an unrounded percentage expression (NULL stays NULL). */
  selectionCategory: (percent: string): string => categoryCase(SELECTION_THRESHOLDS, percent),

  /** jpmBucket of an unrounded percentage expression; '-' when there is no JPM. */
  bucket(percent: string): string {
    return `CASE WHEN ${percent} IS NULL THEN '-' ${JPM_BUCKETS.map((b) => `WHEN ${percent} < ${b.max} THEN '${b.key}'`).join(' ')} END`;
  },

  /**
   * A scalar subquery: one person's achievement against one position's standard, packed (see unpack), NULL when
   * none of its competencies is assessed. `positionId` and `employeeId` are SQL expressions (a column or `?`).
   */
  packedAchievement(positionId: string, employeeId: string, dialect: Dialect = 'sqlite'): string {
    const achieved = dialect === 'postgres' ? 'CAST(SUM(LEAST(c.level, s.required_level)) AS bigint)' : 'SUM(MIN(c.level, s.required_level))';
    return `(SELECT ${achieved} * ${PACK} + COUNT(*)
      FROM position_competency_standard s JOIN employee_competency_current c ON c.employee_id = ${employeeId} AND c.competency_id = s.competency_id
      WHERE s.position_id = ${positionId})`;
  },

  /** The sums of packedAchievement, completed with the standard's own count and Σ required. */
  unpack(packed: number | null, standard: Pick<JpmSums, 'standardCount' | 'requiredSum'>): JpmSums {
    if (packed === null) return { ...standard, assessedCount: 0, achievedSum: 0 };
    return { ...standard, assessedCount: packed % PACK, achievedSum: Math.floor(packed / PACK) };
  },
};
