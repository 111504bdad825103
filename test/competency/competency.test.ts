import { describe, expect, it } from 'vitest';
import { computeJpm, jpmBucket, jpmCategory, selectionCategory } from '../../shared/domain/competency';

const standard = (levels: number[]) => levels.map((requiredLevel, i) => ({ competencyId: i + 1, requiredLevel }));
const achieved = (levels: Array<number | null>) => levels.flatMap((level, i) => (level === null ? [] : [{ competencyId: i + 1, level }]));

describe('Job-Person Match (DOMAIN.md §3.1 and §13)', () => {
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
    'mapping category of %s is %s', (jpm, category) => expect(jpmCategory(jpm)).toBe(category));

  it.each([[80, 'MS'], [79.9, 'MMS'], [68, 'MMS'], [67.9, 'KMS']])('selection category of %s is %s', (jpm, category) => {
    expect(selectionCategory(jpm)).toBe(category);
  });

  it('puts every JPM in one histogram bucket', () => {
    expect(jpmBucket(100)).toBe('95');
    expect(jpmBucket(77.9)).toBe('70');
    expect(jpmBucket(78)).toBe('78');
    expect(jpmBucket(12)).toBe('lt60');
  });
});
