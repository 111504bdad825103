// The solver thread: a plan model solved by HiGHS in a worker thread, its progress reported, its gap 0 when
// proven optimal, a thread started before its model, and a model HiGHS cannot read answered as an Indonesian
// error rather than a crash.

import { describe, expect, it } from 'vitest';
import { buildPlanModel, COVERAGE_PROVEN_GAP } from '../../shared/domain/planning/model';
import { groupNeeds, type Need } from '../../shared/domain/planning/needs';
import { AppError } from '../../shared/errors';
import { solvePlanModel, startSolver } from '../../main/services/planning/solver';

const WEIGHTS = { jp: 3, leadership: 5, keyPosition: 4, talentPool: 3, competency: 2 };

describe('solvePlanModel', () => {
  it('solves in a worker thread and reports a proven optimum with gap 0', async () => {
    const needs: Need[] = Array.from({ length: 5 }, (_, i) => ({
      employeeId: i + 1, opdId: 1, source: 'jp', target: { kind: 'jp' }, priority: 'jp', keyPositionId: null, reason: 'JP 2026 baru 4 dari target 20 JP',
    }));
    const model = buildPlanModel({
      groups: groupNeeds(needs, WEIGHTS), budget: 300, opdCeilings: new Map(), pins: [], excludes: [], jpTarget: 20,
      offerings: [{ id: 7, title: 'Pelatihan 24 JP', type: 'teknis', mode: 'klasikal', jp: 24, costPerParticipant: 100, costPerClass: 0, classSize: 2, minClasses: 1, partnerCostShare: 0, competencies: [] }],
    });
    const result = await solvePlanModel(model.lp, { timeLimitSeconds: 10 });
    expect(result.outcome).toBe('optimal');
    expect(result.gap).toBe(0);
    // Three people at 100 each fill the budget of 300: two classes of two seats hold them.
    const seats = model.pairs.reduce((s, p) => s + Math.round(result.values[p.y] ?? 0), 0);
    expect(seats).toBe(3);
  });

  it('starts before the model is written and solves it when it arrives; a thread never used is let go', async () => {
    const needs: Need[] = Array.from({ length: 4 }, (_, i) => ({
      employeeId: i + 1, opdId: 1, source: 'jp', target: { kind: 'jp' }, priority: 'jp', keyPositionId: null, reason: 'JP 2026 baru 4 dari target 20 JP',
    }));
    const thread = startSolver();
    const unused = startSolver();
    await new Promise((resolve) => setTimeout(resolve, 200));
    unused.dispose();
    const model = buildPlanModel({
      groups: groupNeeds(needs, WEIGHTS), budget: 250, opdCeilings: new Map(), pins: [], excludes: [], jpTarget: 20,
      offerings: [{ id: 3, title: 'Pelatihan 20 JP', type: 'teknis', mode: 'e_learning', jp: 20, costPerParticipant: 100, costPerClass: 0, classSize: 10, minClasses: 1, partnerCostShare: 0, competencies: [] }],
    });
    const result = await thread.solve(model.lp, { timeLimitSeconds: 10, mipAbsGap: COVERAGE_PROVEN_GAP });
    expect(result.outcome).toBe('optimal');
    expect(model.pairs.reduce((s, p) => s + Math.round(result.values[p.y] ?? 0), 0)).toBe(2);
  });

  it('answers a model HiGHS cannot read with an Indonesian error', async () => {
    await expect(solvePlanModel('Maximize\n obj: 2 x +\nSubject To\n c1: x <=\nEnd\n', { timeLimitSeconds: 5 })).rejects.toSatisfy((error: unknown) =>
      error instanceof AppError && /Penyusun rencana/.test(error.message));
  });
});
