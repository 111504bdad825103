// From the solver's numbers of classes and seats to a plan a person can read: each chosen item (an offering
// for one need group of one OPD) with its classes, the people seated in them, the needs it covers and what it
// costs the office; and the figures a scenario is compared by.

import { LOW_COST_MODES, type Offering } from './catalogue';
import type { ModelPair } from './model';
import type { Need, NeedGroup } from './needs';

/** One collator for every comparison: localeCompare with a locale builds one per call, slow over thousands of items. */
const byTitle = new Intl.Collator('id').compare;

export interface PlanItem {
  offering: Offering;
  group: NeedGroup;
  classes: number;
  /** The needs of the people seated, in the group's priority order. */
  covered: Need[];
  /** The office's cost: classes × class cost + participants × participant cost, after the partner's share. */
  cost: number;
}

export interface PlanFigures {
  cost: number;
  needsTotal: number;
  needsCovered: number;
  /** People whose planned JP of the year reaches the target. */
  peopleReaching20Jp: number;
  /** Competency levels of the covered competency needs, and of all of them. */
  gapLevelsClosed: number;
  gapLevelsTotal: number;
  /** Key positions with a need, and those with at least one covered. */
  keyPositionsWithNeeds: number;
  keyPositionsCovered: number;
  /** Share (0–1) of the covered needs a low-cost mode covers. */
  lowCostShare: number;
  /** Σ weight of covered needs. */
  weightedCovered: number;
  costPerOpd: Map<number, number>;
}

/**
 * Seats people in the chosen classes. Per group, items are taken cheapest per participant first and filled from
 * the group's priority order; a person already seated in the same offering for another need is passed over
 * (one seat covers one need), so an item can end with fewer people than the solver counted, never more.
 */
export function assignPeople(pairs: readonly ModelPair[], values: ReadonlyMap<string, number>): PlanItem[] {
  const seatedIn = new Map<number, Set<number>>();
  const byGroup = new Map<NeedGroup, ModelPair[]>();
  for (const p of pairs) {
    if (Math.round(values.get(p.x) ?? 0) <= 0) continue;
    byGroup.get(p.group)?.push(p) ?? byGroup.set(p.group, [p]);
  }
  const items: PlanItem[] = [];
  for (const [group, list] of byGroup) {
    list.sort((a, b) => a.participantCost - b.participantCost || a.offering.id - b.offering.id);
    let next = 0;
    const waiting = [...group.needs];
    for (const p of list) {
      const classes = Math.round(values.get(p.x) ?? 0);
      const seats = Math.min(Math.round(values.get(p.y) ?? 0), classes * p.offering.classSize);
      const covered: Need[] = [];
      const skipped: Need[] = [];
      while (covered.length < seats && next < waiting.length) {
        const need = waiting[next++];
        const offerings = seatedIn.get(need.employeeId) ?? new Set<number>();
        if (offerings.has(p.offering.id)) { skipped.push(need); continue; }
        offerings.add(p.offering.id);
        seatedIn.set(need.employeeId, offerings);
        covered.push(need);
      }
      // Someone passed over here may still take a seat in the group's next offering.
      waiting.splice(next, 0, ...skipped);
      items.push({ offering: p.offering, group, classes, covered, cost: classes * p.classCost + covered.length * p.participantCost });
    }
  }
  return items.sort((a, b) => a.group.opdId - b.group.opdId || byTitle(a.offering.title, b.offering.title) || (a.group.key < b.group.key ? -1 : a.group.key > b.group.key ? 1 : 0));
}

export function planFigures(items: readonly PlanItem[], allNeeds: readonly Need[], jpTarget: number, weightOf: (need: Need) => number): PlanFigures {
  const jpOf = new Map<number, number>();
  const costPerOpd = new Map<number, number>();
  let cost = 0, covered = 0, lowCost = 0, gapClosed = 0, weighted = 0;
  const keysCovered = new Set<number>();
  for (const item of items) {
    cost += item.cost;
    costPerOpd.set(item.group.opdId, (costPerOpd.get(item.group.opdId) ?? 0) + item.cost);
    for (const need of item.covered) {
      covered++;
      weighted += weightOf(need);
      if (LOW_COST_MODES.has(item.offering.mode)) lowCost++;
      if (need.target.kind === 'competency') gapClosed += need.target.levels;
      if (need.keyPositionId !== null) keysCovered.add(need.keyPositionId);
      jpOf.set(need.employeeId, (jpOf.get(need.employeeId) ?? 0) + item.offering.jp);
    }
  }
  const keys = new Set(allNeeds.flatMap((n) => (n.keyPositionId === null ? [] : [n.keyPositionId])));
  return {
    cost, needsTotal: allNeeds.length, needsCovered: covered,
    peopleReaching20Jp: [...jpOf.values()].filter((jp) => jp >= jpTarget).length,
    gapLevelsClosed: gapClosed,
    gapLevelsTotal: allNeeds.reduce((s, n) => s + (n.target.kind === 'competency' ? n.target.levels : 0), 0),
    keyPositionsWithNeeds: keys.size, keyPositionsCovered: keysCovered.size,
    lowCostShare: covered === 0 ? 0 : lowCost / covered,
    weightedCovered: weighted, costPerOpd,
  };
}
