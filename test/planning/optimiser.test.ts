// The plan's integer program against plans enumerated by hand: on small cases the solver's optimum (weighted
// (person, need) pairs covered) equals the best of every plan enumerated without the model's pruning, the
// office's cost stays within the district budget and each OPD's ceiling exactly, pins and excludes are
// honoured, and a larger budget never covers fewer needs (the plan at B is feasible at B' > B). HiGHS runs in
// this process here (the same solveWithHighs the solver thread runs; solver.test.ts covers the thread).

import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { officeCost, type Offering } from '../../shared/domain/planning/catalogue';
import { buildPlanModel, COVERAGE_PROVEN_GAP, greedyStart, type ModelPair, type PlanModelInput, type PlanPin } from '../../shared/domain/planning/model';
import { groupNeeds, offeringCovers, type Need, type NeedGroup, type PlanWeights } from '../../shared/domain/planning/needs';
import { assignPeople, planFigures } from '../../shared/domain/planning/plan';
import { solveWithHighs } from '../../main/services/planning/highs-run';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const WEIGHTS: PlanWeights = { jp: 3, leadership: 5, keyPosition: 4, talentPool: 3, competency: 2 };

function offering(id: number, o: Partial<Offering>): Offering {
  return {
    id, title: `Kegiatan ${id}`, type: 'teknis', mode: 'klasikal', jp: 8, costPerParticipant: 0, costPerClass: 0, classSize: 2, minClasses: 1, partnerCostShare: 0,
    competencies: [], ...o,
  };
}

/** `count` people of one OPD needing competency `c` by `levels`, ids from `first`. */
function needs(opdId: number, first: number, count: number, c: number, levels: number, priority: Need['priority'] = 'competency'): Need[] {
  return Array.from({ length: count }, (_, i) => ({
    employeeId: first + i, opdId, source: 'gap' as const, target: { kind: 'competency' as const, competencyId: c, levels }, priority, keyPositionId: null, reason: `kesenjangan ${levels} level`,
  }));
}

interface Enumerated { value: number; cost: number }

/** Every plan of every (offering, group) pair an offering covers (no pruning), by brute force: classes 0 …
 *  enough for the group, seats 0 … what the classes hold; the best weighted coverage within the constraints. */
function enumerate(input: PlanModelInput): Enumerated {
  const excluded = new Set(input.excludes);
  const pairs = input.groups.flatMap((g) => input.offerings.filter((o) => !excluded.has(o.id) && offeringCovers(o, g.target, input.jpTarget)).map((o) => ({ o, g })));
  const choices = pairs.map(({ o, g }) => {
    const list: Array<{ x: number; y: number }> = [];
    for (let x = 0; x <= Math.max(Math.ceil(g.needs.length / o.classSize), o.minClasses); x++) for (let y = 0; y <= Math.min(g.needs.length, x * o.classSize); y++) list.push({ x, y });
    return list;
  });
  let best: Enumerated = { value: -1, cost: 0 };
  const pick: Array<{ x: number; y: number }> = [];
  const visit = (i: number) => {
    if (i === pairs.length) {
      const seated = new Map<NeedGroup, number>();
      const classesOf = new Map<number, number>();
      let cost = 0, value = 0;
      const opdCost = new Map<number, number>();
      pairs.forEach(({ o, g }, k) => {
        const { x, y } = pick[k];
        seated.set(g, (seated.get(g) ?? 0) + y);
        classesOf.set(o.id, (classesOf.get(o.id) ?? 0) + x);
        const c = x * officeCost(o.costPerClass, o.partnerCostShare) + y * officeCost(o.costPerParticipant, o.partnerCostShare);
        cost += c;
        opdCost.set(g.opdId, (opdCost.get(g.opdId) ?? 0) + c);
        value += y * g.weight;
      });
      if ([...seated].some(([g, n]) => n > g.needs.length)) return;
      if (input.budget !== null && cost > input.budget) return;
      if ([...input.opdCeilings].some(([opd, ceiling]) => (opdCost.get(opd) ?? 0) > ceiling)) return;
      if (input.offerings.some((o) => (classesOf.get(o.id) ?? 0) > 0 && (classesOf.get(o.id) ?? 0) < o.minClasses)) return;
      for (const pin of input.pins) {
        const runs = pairs.some(({ o, g }, k) => o.id === pin.catalogId && (pin.opdId === null || g.opdId === pin.opdId) && pick[k].y > 0);
        if (!runs) return;
      }
      if (value > best.value || (value === best.value && cost < best.cost)) best = { value, cost };
      return;
    }
    for (const choice of choices[i]) {
      pick[i] = choice;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

/** Whether column values (non-zero by name) satisfy every constraint of the model's plan: seats within each
 *  group and within the classes run, the budget and each OPD's ceiling, minimum classes, pins. */
function feasible(input: PlanModelInput, pairs: readonly ModelPair[], values: Readonly<Record<string, number>>): string[] {
  const wrong: string[] = [];
  const seated = new Map<NeedGroup, number>();
  const classesOf = new Map<number, number>();
  const opdCost = new Map<number, number>();
  let cost = 0;
  for (const p of pairs) {
    const x = values[p.x] ?? 0, y = values[p.y] ?? 0;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x > p.maxClasses) wrong.push(`${p.x}=${x}, ${p.y}=${y}`);
    if (y > x * p.offering.classSize) wrong.push(`${p.y}=${y} > ${x} classes of ${p.offering.classSize}`);
    seated.set(p.group, (seated.get(p.group) ?? 0) + y);
    classesOf.set(p.offering.id, (classesOf.get(p.offering.id) ?? 0) + x);
    const c = x * p.classCost + y * p.participantCost;
    cost += c;
    opdCost.set(p.group.opdId, (opdCost.get(p.group.opdId) ?? 0) + c);
  }
  for (const [g, n] of seated) if (n > g.needs.length) wrong.push(`group ${g.key}: ${n} seated of ${g.needs.length}`);
  if (input.budget !== null && cost > input.budget) wrong.push(`cost ${cost} > budget ${input.budget}`);
  for (const [opd, ceiling] of input.opdCeilings) if ((opdCost.get(opd) ?? 0) > ceiling) wrong.push(`OPD ${opd}: ${opdCost.get(opd)} > ${ceiling}`);
  for (const o of input.offerings) {
    const n = classesOf.get(o.id) ?? 0;
    if (n > 0 && n < o.minClasses) wrong.push(`offering ${o.id}: ${n} classes < minimum ${o.minClasses}`);
    if (o.minClasses > 1 && n > 0 && values[`z${o.id}`] !== 1) wrong.push(`z${o.id} not set`);
  }
  for (const pin of input.pins) {
    if (!pairs.some((p) => p.offering.id === pin.catalogId && (pin.opdId === null || p.group.opdId === pin.opdId) && (values[p.y] ?? 0) > 0)) wrong.push(`pin ${pin.catalogId} not run`);
  }
  return wrong;
}

function solve(input: PlanModelInput, mipAbsGap?: number) {
  const model = buildPlanModel(input);
  const result = solveWithHighs(highs, model.lp, { timeLimitSeconds: 10, mipRelGap: 0, mipAbsGap, start: model.start });
  const values = new Map(Object.entries(result.values));
  const items = assignPeople(model.pairs, values);
  const allNeeds = input.groups.flatMap((g) => g.needs);
  const figures = planFigures(items, allNeeds, input.jpTarget, (n) => WEIGHTS[n.priority]);
  // What the solver chose, read straight from its columns (before seating people).
  let value = 0, cost = 0;
  for (const p of model.pairs) {
    const x = Math.round(values.get(p.x) ?? 0), y = Math.round(values.get(p.y) ?? 0);
    value += y * p.group.weight;
    cost += x * p.classCost + y * p.participantCost;
  }
  return { model, result, items, figures, value, cost };
}

function baseInput(groups: NeedGroup[], offerings: Offering[], budget: number | null, extra: Partial<PlanModelInput> = {}): PlanModelInput {
  return { groups, offerings, budget, opdCeilings: new Map(), pins: [], excludes: [], jpTarget: 20, ...extra };
}

describe('the plan model on hand-made cases', () => {
  it('chooses the plan enumeration finds best: two OPDs, a key-position gap, a cheap e-learning and a partner class', () => {
    const groups = groupNeeds([
      ...needs(1, 1, 3, 10, 1), ...needs(1, 10, 2, 11, 2, 'keyPosition'), ...needs(2, 20, 4, 10, 1),
    ], WEIGHTS);
    const offerings = [
      offering(1, { competencies: [{ competencyId: 10, levels: 1 }], costPerClass: 1000, costPerParticipant: 100, classSize: 3 }),
      offering(2, { mode: 'e_learning', competencies: [{ competencyId: 10, levels: 1 }], costPerParticipant: 250, classSize: 100 }),
      offering(3, { competencies: [{ competencyId: 11, levels: 2 }, { competencyId: 10, levels: 1 }], costPerClass: 2000, costPerParticipant: 0, classSize: 2, partnerCostShare: 0.5 }),
    ];
    const input = baseInput(groups, offerings, 2500);
    const solved = solve(input);
    const best = enumerate(input);
    expect(solved.result.outcome).toBe('optimal');
    expect(solved.result.gap).toBe(0);
    expect(solved.value).toBe(best.value);
    expect(solved.cost).toBeLessThanOrEqual(2500);
    expect(solved.figures.cost).toBeLessThanOrEqual(2500);
    // The key-position pair (weight 4 each) through the partner class (1.000 after the 50% share) is worth
    // more than anything the rest of the budget buys.
    const partner = solved.items.find((i) => i.offering.id === 3 && i.group.priority === 'keyPosition');
    expect(partner?.covered.map((n) => n.employeeId)).toEqual([10, 11]);
    expect(partner?.cost).toBe(1000);
  });

  it('keeps to the budget to the rupiah: a budget one rupiah short of a class buys no class', () => {
    const groups = groupNeeds(needs(1, 1, 2, 10, 1), WEIGHTS);
    const offerings = [offering(1, { competencies: [{ competencyId: 10, levels: 1 }], costPerClass: 1000, costPerParticipant: 1, classSize: 2 })];
    expect(solve(baseInput(groups, offerings, 1002)).figures.needsCovered).toBe(2);
    expect(solve(baseInput(groups, offerings, 1002)).figures.cost).toBe(1002);
    expect(solve(baseInput(groups, offerings, 1001)).figures.needsCovered).toBe(1);
    expect(solve(baseInput(groups, offerings, 1001)).figures.cost).toBe(1001);
    expect(solve(baseInput(groups, offerings, 1000)).figures.needsCovered).toBe(0);
    expect(solve(baseInput(groups, offerings, 1000)).figures.cost).toBe(0);
  });

  it('keeps each OPD within its own ceiling as well as the district budget', () => {
    const groups = groupNeeds([...needs(1, 1, 4, 10, 1), ...needs(2, 10, 4, 10, 1)], WEIGHTS);
    const offerings = [offering(1, { competencies: [{ competencyId: 10, levels: 1 }], costPerParticipant: 100, classSize: 10 })];
    const input = baseInput(groups, offerings, 10_000, { opdCeilings: new Map([[1, 250]]) });
    const solved = solve(input);
    expect(solved.figures.costPerOpd.get(1)).toBe(200);
    expect(solved.figures.costPerOpd.get(2)).toBe(400);
    expect(solved.value).toBe(enumerate(input).value);
  });

  it('runs an offering with a minimum number of classes only at that minimum', () => {
    const groups = groupNeeds(needs(1, 1, 3, 10, 1), WEIGHTS);
    const offerings = [offering(1, { competencies: [{ competencyId: 10, levels: 1 }], costPerClass: 100, classSize: 2, minClasses: 3 })];
    expect(solve(baseInput(groups, offerings, 250)).figures.needsCovered).toBe(0);
    const solved = solve(baseInput(groups, offerings, 300));
    // Three classes for three people are what the provider runs, although two would seat them.
    expect(solved.items.reduce((s, i) => s + i.classes, 0)).toBe(3);
    expect(solved.figures.needsCovered).toBe(3);
  });

  it('honours a pin (even when another offering would cover more) and an exclude', () => {
    const groups = groupNeeds([...needs(1, 1, 2, 10, 1), ...needs(2, 10, 2, 10, 1)], WEIGHTS);
    const cheap = offering(1, { competencies: [{ competencyId: 10, levels: 1 }], costPerParticipant: 10, classSize: 10 });
    const dear = offering(2, { competencies: [{ competencyId: 10, levels: 1 }], costPerClass: 500, classSize: 10 });
    const free = solve(baseInput(groups, [cheap, dear], 520));
    expect(free.items.every((i) => i.offering.id === 1)).toBe(true);
    expect(free.figures.needsCovered).toBe(4);

    const pins: PlanPin[] = [{ catalogId: 2, opdId: 2 }];
    const pinned = solve(baseInput(groups, [cheap, dear], 520, { pins }));
    expect(pinned.items.some((i) => i.offering.id === 2 && i.group.opdId === 2 && i.classes >= 1)).toBe(true);
    expect(pinned.figures.cost).toBeLessThanOrEqual(520);
    expect(pinned.value).toBe(enumerate(baseInput(groups, [cheap, dear], 520, { pins })).value);

    const excluded = solve(baseInput(groups, [cheap, dear], 520, { excludes: [1] }));
    expect(excluded.items.every((i) => i.offering.id !== 1)).toBe(true);
    expect(excluded.value).toBe(enumerate(baseInput(groups, [cheap, dear], 520, { excludes: [1] })).value);
  });

  it('says a pin beyond the budget is infeasible, and a pin no need answers is unusable', () => {
    const groups = groupNeeds(needs(1, 1, 2, 10, 1), WEIGHTS);
    const dear = offering(2, { competencies: [{ competencyId: 10, levels: 1 }], costPerClass: 500, classSize: 10 });
    const unrelated = offering(3, { competencies: [{ competencyId: 99, levels: 1 }], classSize: 10 });
    const model = buildPlanModel(baseInput(groups, [dear], 100, { pins: [{ catalogId: 2, opdId: null }] }));
    expect(solveWithHighs(highs, model.lp, { timeLimitSeconds: 5, mipRelGap: 0 }).outcome).toBe('infeasible');
    expect(buildPlanModel(baseInput(groups, [dear, unrelated], 100, { pins: [{ catalogId: 3, opdId: null }] })).unusablePins).toEqual([{ catalogId: 3, opdId: null }]);
  });

  it('leaves out dominated and unaffordable offerings without changing the optimum', () => {
    const groups = groupNeeds([...needs(1, 1, 5, 10, 1), ...needs(2, 20, 3, 10, 1, 'keyPosition'), ...needs(2, 30, 4, 11, 2)], WEIGHTS);
    const offerings = [
      offering(1, { competencies: [{ competencyId: 10, levels: 1 }], costPerClass: 300, costPerParticipant: 20, classSize: 4 }),
      // Dominated by 1 for competency 10 (dearer, same class size).
      offering(2, { competencies: [{ competencyId: 10, levels: 1 }, { competencyId: 11, levels: 2 }], costPerClass: 400, costPerParticipant: 20, classSize: 4 }),
      // Beyond OPD 2's ceiling for one class with one person, and beyond the budget.
      offering(3, { competencies: [{ competencyId: 11, levels: 2 }, { competencyId: 10, levels: 1 }], costPerClass: 2500, costPerParticipant: 10, classSize: 10 }),
      offering(4, { mode: 'e_learning', competencies: [{ competencyId: 11, levels: 2 }], costPerParticipant: 90, classSize: 100 }),
    ];
    const input = baseInput(groups, offerings, 2000, { opdCeilings: new Map([[2, 700]]) });
    const pruned = buildPlanModel(input);
    const full = buildPlanModel({ ...input, prune: false });
    expect(pruned.variables).toBeLessThan(full.variables);
    expect(pruned.pairs.some((p) => p.offering.id === 3)).toBe(false);
    expect(pruned.pairs.some((p) => p.offering.id === 2 && p.group.target.kind === 'competency' && p.group.target.competencyId === 10)).toBe(false);
    const value = (model: typeof full) => {
      const result = solveWithHighs(highs, model.lp, { timeLimitSeconds: 10, mipRelGap: 0 });
      expect(result.outcome).toBe('optimal');
      return model.pairs.reduce((s, p) => s + Math.round(result.values[p.y] ?? 0) * p.group.weight, 0);
    };
    expect(value(pruned)).toBe(value(full));
    // A pinned unaffordable offering keeps its variables: the solver, not the pruning, says it cannot run.
    expect(buildPlanModel({ ...input, pins: [{ catalogId: 3, opdId: null }] }).pairs.some((p) => p.offering.id === 3)).toBe(true);
  });

  it('returns a feasible plan when the time runs out before the solver has one of its own', () => {
    // Forty groups over four OPDs, six offerings, a budget that binds: HiGHS given no time at all.
    const all = Array.from({ length: 40 }, (_, k) => needs(1 + (k % 4), 1 + k * 10, 3 + (k % 5), 10 + (k % 8), 1 + (k % 2), k % 3 === 0 ? 'keyPosition' : 'competency')).flat();
    const offerings = Array.from({ length: 6 }, (_, k) => offering(k + 1, {
      competencies: Array.from({ length: 8 }, (_, c) => ({ competencyId: 10 + c, levels: 1 + ((c + k) % 2) })),
      costPerClass: 900 + 150 * k, costPerParticipant: 40 * (k % 3), classSize: 2 + k, minClasses: k === 5 ? 2 : 1,
    }));
    const input = baseInput(groupNeeds(all, WEIGHTS), offerings, 25_000, { opdCeilings: new Map([[2, 4000]]) });
    const model = buildPlanModel(input);
    expect(model.start).not.toBeNull();
    const startValue = model.pairs.reduce((s, p) => s + (model.start![p.y] ?? 0) * p.group.weight, 0);
    expect(startValue).toBeGreaterThan(0);
    const rushed = solveWithHighs(highs, model.lp, { timeLimitSeconds: 0, mipRelGap: 0, start: model.start });
    expect(rushed.outcome).toBe('time_limit');
    expect(feasible(input, model.pairs, rushed.values)).toEqual([]);
    const rushedValue = model.pairs.reduce((s, p) => s + Math.round(rushed.values[p.y] ?? 0) * p.group.weight, 0);
    expect(rushedValue).toBeGreaterThanOrEqual(startValue);
    // Near-miss: without the start the same rush finds no plan at all, which the proposal used to answer with an error.
    expect(solveWithHighs(highs, model.lp, { timeLimitSeconds: 0, mipRelGap: 0 }).outcome).toBe('error');
    // Given its time, the solver does at least as well as the start.
    const solved = solveWithHighs(highs, model.lp, { timeLimitSeconds: 10, mipRelGap: 0, mipAbsGap: COVERAGE_PROVEN_GAP, start: model.start });
    expect(model.pairs.reduce((s, p) => s + Math.round(solved.values[p.y] ?? 0) * p.group.weight, 0)).toBeGreaterThanOrEqual(startValue);
  });

  it('covers a need only with an offering that develops the competency by the levels missing', () => {
    const groups = groupNeeds(needs(1, 1, 2, 10, 2), WEIGHTS);
    const oneLevel = offering(1, { competencies: [{ competencyId: 10, levels: 1 }], classSize: 10 });
    expect(solve(baseInput(groups, [oneLevel], 1000)).figures.needsCovered).toBe(0);
    const twoLevels = offering(2, { competencies: [{ competencyId: 10, levels: 2 }], classSize: 10, costPerParticipant: 5 });
    const solved = solve(baseInput(groups, [oneLevel, twoLevels], 1000));
    expect(solved.figures.needsCovered).toBe(2);
    expect(solved.figures.gapLevelsClosed).toBe(4);
  });
});

// Random small instances: 1–3 groups of 1–2 people over 2 OPDs, 1–2 offerings; small enough to enumerate every
// plan (at most six pairs of a handful of choices each).
const instance = fc.record({
  groups: fc.array(fc.record({ opd: fc.integer({ min: 1, max: 2 }), c: fc.integer({ min: 1, max: 2 }), levels: fc.integer({ min: 1, max: 2 }), size: fc.integer({ min: 1, max: 2 }), key: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  offerings: fc.array(fc.record({
    c: fc.integer({ min: 1, max: 2 }), levels: fc.integer({ min: 1, max: 2 }), classSize: fc.integer({ min: 1, max: 2 }), costPerClass: fc.constantFrom(0, 100, 300),
    costPerParticipant: fc.constantFrom(0, 50, 120), minClasses: fc.constantFrom(1, 1, 2), share: fc.constantFrom(0, 0, 0.5),
  }), { minLength: 1, maxLength: 2 }),
  budget: fc.integer({ min: 0, max: 800 }),
  raise: fc.integer({ min: 1, max: 500 }),
});

function fromInstance(i: { groups: Array<{ opd: number; c: number; levels: number; size: number; key: boolean }>; offerings: Array<{ c: number; levels: number; classSize: number; costPerClass: number; costPerParticipant: number; minClasses: number; share: number }> }) {
  let next = 1;
  const all = i.groups.flatMap((g) => {
    const list = needs(g.opd, next, g.size, g.c, g.levels, g.key ? 'keyPosition' : 'competency');
    next += g.size;
    return list;
  });
  const offerings = i.offerings.map((o, k) => offering(k + 1, {
    competencies: [{ competencyId: o.c, levels: o.levels }], classSize: o.classSize, costPerClass: o.costPerClass, costPerParticipant: o.costPerParticipant, minClasses: o.minClasses, partnerCostShare: o.share,
  }));
  return { groups: groupNeeds(all, WEIGHTS), offerings };
}

describe('the plan model on random small cases', () => {
  it('equals enumeration, stays within the budget, and covers no less weighted need with a larger budget', () => {
    fc.assert(fc.property(instance, (i) => {
      const { groups, offerings } = fromInstance(i);
      const at = solve(baseInput(groups, offerings, i.budget));
      const best = enumerate(baseInput(groups, offerings, i.budget));
      expect(at.result.outcome).toBe('optimal');
      expect(at.value).toBe(best.value);
      expect(at.cost).toBeLessThanOrEqual(i.budget);
      expect(at.figures.cost).toBeLessThanOrEqual(i.budget);
      const larger = solve(baseInput(groups, offerings, i.budget + i.raise));
      // The plan at B is feasible at B' > B (its cost fits), so the optimum at B' is at least as good.
      expect(at.cost).toBeLessThanOrEqual(i.budget + i.raise);
      expect(larger.value).toBeGreaterThanOrEqual(at.value);
      expect(larger.value).toBe(enumerate(baseInput(groups, offerings, i.budget + i.raise)).value);
    }), { numRuns: 40, seed: 18 });
  });

  it('starts from a greedy plan that meets every constraint, pins included, and is never better than the optimum', () => {
    fc.assert(fc.property(instance, fc.boolean(), (i, pinFirst) => {
      const { groups, offerings } = fromInstance(i);
      const pins: PlanPin[] = pinFirst ? [{ catalogId: offerings[0].id, opdId: null }] : [];
      const input = baseInput(groups, offerings, i.budget, { pins, opdCeilings: new Map([[1, Math.floor(i.budget / 2)]]) });
      const model = buildPlanModel(input);
      if (model.unusablePins.length > 0) return;
      const start = greedyStart(input, model.pairs);
      const best = enumerate(input);
      // Without pins the empty plan is feasible, so there is always a start; with pins, one exactly when the pin fits.
      if (pins.length === 0) expect(start).not.toBeNull();
      if (start === null) return;
      expect(feasible(input, model.pairs, start)).toEqual([]);
      const value = model.pairs.reduce((s, p) => s + (start[p.y] ?? 0) * p.group.weight, 0);
      expect(value).toBeLessThanOrEqual(best.value);
    }), { numRuns: 60, seed: 23 });
  });

  it('stopped at the coverage gap the service uses, still covers the most weighted need there is', () => {
    fc.assert(fc.property(instance, (i) => {
      const { groups, offerings } = fromInstance(i);
      const input = baseInput(groups, offerings, i.budget);
      const at = solve(input, COVERAGE_PROVEN_GAP);
      expect(at.result.outcome).toBe('optimal');
      expect(at.value).toBe(enumerate(input).value);
      expect(at.cost).toBeLessThanOrEqual(i.budget);
    }), { numRuns: 40, seed: 7 });
  });
});
