import { describe, expect, it } from 'vitest';
import { computeJpm, jpmBucket, jpmOfSums, mappingCategory, selectionCategory } from '../../shared/domain/jpm';

const standard = (levels: number[]) => levels.map((requiredLevel, i) => ({ competencyId: i + 1, requiredLevel }));
const achieved = (levels: Array<number | null>) => levels.flatMap((level, i) => (level === null ? [] : [{ competencyId: i + 1, level }]));

describe('Job-Person Match (shared/domain/jpm.ts)', () => {
  it('is Σ min(actual, required) / Σ required × 100', () => {
    // Administrator standard: level 3 on the 8 manajerial competencies and Perekat Bangsa.
    const result = computeJpm(standard([3, 3, 3, 3, 3, 3, 3, 3, 3]), achieved([3, 3, 2, 3, 3, 3, 3, 3, 3]));
    expect(result).toMatchObject({ status: 'complete', jpm: 96.3, category: 'Optimal', selection: 'MS', requiredSum: 27, achievedSum: 26 });
  });

  it('caps each competency at its required level: a surplus does not cover a gap', () => {
    const result = computeJpm(standard([3, 3]), achieved([5, 1]));
    expect(result.achievedSum).toBe(4);
    expect(result.jpm).toBe(66.7);
    expect(result.gaps.map((g) => g.gap)).toEqual([2, -2]);
  });

  it('is 100 at or above standard everywhere', () => {
    expect(computeJpm(standard([2, 2, 2]), achieved([2, 4, 5])).jpm).toBe(100);
  });

  it('says "belum diasesmen" rather than zero when nothing is assessed', () => {
    expect(computeJpm(standard([3, 3]), [])).toMatchObject({ status: 'not_assessed', jpm: null, category: null });
  });

  it('does not compute a JPM from part of the standard', () => {
    const result = computeJpm(standard([3, 3, 3]), achieved([3, null, 3]));
    expect(result).toMatchObject({ status: 'partial', jpm: null, assessedCount: 2, standardCount: 3 });
    expect(result.gaps[1]).toEqual({ competencyId: 2, required: 3, actual: null, gap: null, meets: null });
  });

  it('flags a position without a standard', () => {
    expect(computeJpm([], achieved([3])).status).toBe('no_standard');
  });

  it.each([[100, 'Optimal'], [90, 'Optimal'], [89.9, 'Cukup Optimal'], [78, 'Cukup Optimal'], [77.9, 'Kurang Optimal'], [0, 'Kurang Optimal']])(
    'mapping category of %s is %s', (jpm, category) => expect(mappingCategory(jpm)).toBe(category));

  it.each([[80, 'MS'], [79.9, 'MMS'], [68, 'MMS'], [67.9, 'KMS']])('selection category of %s is %s', (jpm, category) => {
    expect(selectionCategory(jpm)).toBe(category);
  });

  it('takes both categories from the unrounded percentage and rounds only for display', () => {
    // 46 / 59 = 77.966 %: shown as 78,0 % but Kurang Optimal (a standard of twelve competencies, eleven at level 5).
    const mapping = jpmOfSums({ standardCount: 12, requiredSum: 59, assessedCount: 12, achievedSum: 46 });
    expect(mapping).toMatchObject({ status: 'complete', jpm: 78, category: 'Kurang Optimal', selection: 'MMS' });
    expect(mapping.percent).toBeCloseTo(77.966, 3);
    // 70 / 103 = 67.961 %: shown as 68,0 % but KMS.
    expect(jpmOfSums({ standardCount: 21, requiredSum: 103, assessedCount: 21, achievedSum: 70 })).toMatchObject({ jpm: 68, category: 'Kurang Optimal', selection: 'KMS' });
    // 188 / 209 = 89.952 %: shown as 90,0 % but Cukup Optimal.
    expect(jpmOfSums({ standardCount: 42, requiredSum: 209, assessedCount: 42, achievedSum: 188 })).toMatchObject({ jpm: 90, category: 'Cukup Optimal', selection: 'MS' });
    expect(jpmBucket(46 * 100 / 59)).toBe('70');
  });

  it('has no JPM, category or percentage for a partial assessment, whatever the sums', () => {
    expect(jpmOfSums({ standardCount: 9, requiredSum: 27, assessedCount: 8, achievedSum: 24 })).toMatchObject({ status: 'partial', percent: null, jpm: null, category: null, selection: null });
    expect(jpmOfSums({ standardCount: 0, requiredSum: 0, assessedCount: 0, achievedSum: 0 }).status).toBe('no_standard');
  });

  it('puts every JPM in one histogram bucket', () => {
    expect(jpmBucket(100)).toBe('95');
    expect(jpmBucket(77.9)).toBe('70');
    expect(jpmBucket(78)).toBe('78');
    expect(jpmBucket(12)).toBe('lt60');
  });
});
