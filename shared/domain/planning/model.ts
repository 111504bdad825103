// The annual plan as an integer program, written in CPLEX LP format for a MIP solver (HiGHS), and read back.
//
// Variables, per offering o and need group g it covers (one OPD, one need, one priority):
//   x_o_g  integer  classes of o run for g (0 … enough classes for the whole group)
//   y_o_g  integer  people of g seated in those classes (y ≤ class size × x)
//   z_o    binary   o runs at all; only for an offering with a minimum number of classes (Σ_g x ≥ min × z)
// Constraints: the people of a group are seated at most once (Σ_o y ≤ |g|); the office's cost (class cost × x +
// participant cost × y, after the partner's share) stays within the district budget and within each OPD's
// ceiling; a pinned offering seats at least one person (in its OPD when the pin names one); an excluded one has
// no variables.
// Objective: maximise Σ weight_g × y_o_g, the weighted (person, need) pairs covered. With integer weights two
// plans differ in it by at least 1; a tie-break worth less than ½ in total prefers, among plans covering the
// same, the cheaper one with fewer classes. So a plan whose objective is within ½ of the solver's bound covers
// the most weighted need there is (COVERAGE_PROVEN_GAP): the solver may stop there as optimal rather than spend
// its time proving the cheapest of the plans that cover as much.
//
// An offering dominated for a group (another that covers it has no higher class or participant cost, no
// smaller classes and no minimum number of classes) gets no variables for that group: any plan using it is
// matched by one using the other at no higher cost, so the optimum is unchanged and the model is smaller.
// Nor does an offering the money cannot buy for a group: when one class with one person costs more than the
// district budget or the group's OPD ceiling, nobody of the group can be seated in it, and a class without
// people only spends; so unless it is pinned or has a minimum number of classes (whose empty classes another
// group's seats might need), it gets no variables for that group either.

import { officeCost, type Offering } from './catalogue';
import { offeringCovers, type NeedGroup } from './needs';

/**
 * The absolute gap at which the solver stops as optimal. With W the weighted coverage (integer) and t the
 * tie-break (−½ < t ≤ 0) of the plan found and W*, t* of the best: bound − plan ≤ 0.49 gives
 * W* − W ≤ 0.49 + t − t* < 1, so W = W*. The cost among plans
 * covering W* is the best found then, not necessarily proven the least.
 */
export const COVERAGE_PROVEN_GAP = 0.49;

export interface PlanPin {
  catalogId: number;
  /** The OPD it must run in; null: anywhere. */
  opdId: number | null;
}

export interface PlanModelInput {
  groups: readonly NeedGroup[];
  offerings: readonly Offering[];
  /** The district ceiling (rupiah); null: none. */
  budget: number | null;
  /** Ceilings per OPD (rupiah); an OPD absent here has none of its own. */
  opdCeilings: ReadonlyMap<number, number>;
  pins: readonly PlanPin[];
  excludes: readonly number[];
  jpTarget: number;
  /** Leave out the variables that cannot change the optimum (dominated or unaffordable offerings); default
   *  true. The full model (false) is what the pruned one is checked against. */
  prune?: boolean;
}

export interface ModelPair {
  offering: Offering;
  group: NeedGroup;
  x: string;
  y: string;
  classCost: number;
  participantCost: number;
  maxClasses: number;
}

export interface PlanModel {
  lp: string;
  pairs: ModelPair[];
  /** A feasible plan to start the solver from (greedyStart): the non-zero column values by name; null when the
   *  pins cannot be met by it (the solver then decides whether any plan meets them). */
  start: Record<string, number> | null;
  /** Pins no need group answers (the officer is told; the model leaves them out). */
  unusablePins: PlanPin[];
  variables: number;
  constraints: number;
}

const num = (v: number) => {
  if (Number.isInteger(v)) return String(v);
  const s = v.toPrecision(15);
  return s.includes('e') ? s : s.replace(/0+$/, '').replace(/\.$/, '');
};

function dominates(a: Offering, b: Offering): boolean {
  const ac = officeCost(a.costPerClass, a.partnerCostShare), bc = officeCost(b.costPerClass, b.partnerCostShare);
  const ap = officeCost(a.costPerParticipant, a.partnerCostShare), bp = officeCost(b.costPerParticipant, b.partnerCostShare);
  if (a.minClasses > 1) return false;
  if (ac > bc || ap > bp || a.classSize < b.classSize) return false;
  const strictly = ac < bc || ap < bp || a.classSize > b.classSize || b.minClasses > 1;
  return strictly || a.id < b.id;
}

/** Writes the rows of an LP expression a few terms to a line (long rows stay readable and within any reader's line limit). */
function expression(terms: ReadonlyArray<[number, string]>): string {
  const parts = terms.map(([c, v], i) => `${c < 0 ? '-' : i === 0 ? '' : '+'} ${num(Math.abs(c))} ${v}`);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 12) lines.push(parts.slice(i, i + 12).join(' '));
  return lines.join('\n   ');
}

export function buildPlanModel(input: PlanModelInput): PlanModel {
  const excluded = new Set(input.excludes);
  const pinnedIds = new Set(input.pins.map((p) => p.catalogId));
  const offerings = input.offerings.filter((o) => !excluded.has(o.id) && o.classSize > 0);
  const prune = input.prune ?? true;
  const pairs: ModelPair[] = [];
  input.groups.forEach((group, gi) => {
    const size = group.needs.length;
    if (size === 0 || group.weight <= 0) return;
    const covering = offerings.filter((o) => offeringCovers(o, group.target, input.jpTarget));
    const money = Math.min(input.budget ?? Number.POSITIVE_INFINITY, input.opdCeilings.get(group.opdId) ?? Number.POSITIVE_INFINITY);
    const affordable = (o: Offering) => o.minClasses > 1 || officeCost(o.costPerClass, o.partnerCostShare) + officeCost(o.costPerParticipant, o.partnerCostShare) <= money;
    const kept = prune
      ? covering.filter((o) => pinnedIds.has(o.id) || (affordable(o) && !covering.some((other) => other !== o && affordable(other) && dominates(other, o))))
      : covering;
    for (const offering of kept) {
      pairs.push({
        offering, group, x: `x${offering.id}_${gi}`, y: `y${offering.id}_${gi}`,
        classCost: officeCost(offering.costPerClass, offering.partnerCostShare),
        participantCost: officeCost(offering.costPerParticipant, offering.partnerCostShare),
        // A provider's minimum may exceed what the group alone fills.
        maxClasses: Math.max(Math.ceil(size / offering.classSize), offering.minClasses),
      });
    }
  });

  const byOffering = new Map<number, ModelPair[]>();
  for (const p of pairs) byOffering.get(p.offering.id)?.push(p) ?? byOffering.set(p.offering.id, [p]);
  const unusablePins = input.pins.filter((pin) => !(byOffering.get(pin.catalogId) ?? []).some((p) => pin.opdId === null || p.group.opdId === pin.opdId));

  // Tie-break: the whole of it stays below ½, under the smallest difference two plans' weighted coverage can have.
  const costBound = pairs.reduce((s, p) => s + p.classCost * p.maxClasses + p.participantCost * p.group.needs.length, 0) + 1;
  const classBound = pairs.reduce((s, p) => s + p.maxClasses, 0) + 1;
  const objective: Array<[number, string]> = [];
  for (const p of pairs) {
    objective.push([p.group.weight - p.participantCost / (4 * costBound), p.y]);
    objective.push([-(p.classCost / (4 * costBound) + 1 / (4 * classBound)), p.x]);
  }

  const rows: string[] = [];
  let rowCount = 0;
  const row = (terms: Array<[number, string]>, sense: '<=' | '>=', rhs: number) => {
    if (terms.length === 0) return;
    rows.push(` r${rowCount++}: ${expression(terms)} ${sense} ${num(rhs)}`);
  };
  const groupPairs = new Map<NeedGroup, ModelPair[]>();
  for (const p of pairs) groupPairs.get(p.group)?.push(p) ?? groupPairs.set(p.group, [p]);
  for (const [group, list] of groupPairs) row(list.map((p): [number, string] => [1, p.y]), '<=', group.needs.length);
  for (const p of pairs) row([[1, p.y], [-p.offering.classSize, p.x]], '<=', 0);
  const costTerms = (list: readonly ModelPair[]) => list.flatMap((p): Array<[number, string]> => [
    ...(p.classCost > 0 ? [[p.classCost, p.x] as [number, string]] : []),
    ...(p.participantCost > 0 ? [[p.participantCost, p.y] as [number, string]] : []),
  ]);
  if (input.budget !== null) {
    const terms = costTerms(pairs);
    if (terms.length > 0) row(terms, '<=', input.budget);
  }
  const opdPairs = new Map<number, ModelPair[]>();
  for (const p of pairs) opdPairs.get(p.group.opdId)?.push(p) ?? opdPairs.set(p.group.opdId, [p]);
  for (const [opdId, ceiling] of input.opdCeilings) row(costTerms(opdPairs.get(opdId) ?? []), '<=', ceiling);
  const binaries: string[] = [];
  for (const [offeringId, list] of byOffering) {
    const offering = list[0].offering;
    const pinned = pinnedIds.has(offeringId);
    if (offering.minClasses > 1) {
      const z = `z${offeringId}`;
      binaries.push(z);
      row([...list.map((p): [number, string] => [1, p.x]), [-offering.minClasses, z]], '>=', 0);
      for (const p of list) row([[1, p.x], [-p.maxClasses, z]], '<=', 0);
      if (pinned) rows.push(` r${rowCount++}: ${z} >= 1`);
    }
  }
  // A pinned offering runs with people in it: a class nobody attends would cost nothing and mean nothing.
  for (const pin of input.pins) {
    const list = (byOffering.get(pin.catalogId) ?? []).filter((p) => pin.opdId === null || p.group.opdId === pin.opdId);
    row(list.map((p): [number, string] => [1, p.y]), '>=', 1);
  }

  const bounds = pairs.flatMap((p) => [` 0 <= ${p.x} <= ${p.maxClasses}`, ` 0 <= ${p.y} <= ${p.group.needs.length}`]);
  const generals = pairs.flatMap((p) => [p.x, p.y]);
  const chunked = (names: readonly string[]) => {
    const out: string[] = [];
    for (let i = 0; i < names.length; i += 20) out.push(` ${names.slice(i, i + 20).join(' ')}`);
    return out;
  };
  const lp = [
    'Maximize',
    ` obj: ${objective.length > 0 ? expression(objective) : '0 dummy'}`,
    'Subject To',
    ...(rows.length > 0 ? rows : [' r0: dummy <= 0']),
    'Bounds',
    ...bounds,
    ...(objective.length === 0 ? [' dummy = 0'] : []),
    ...(generals.length > 0 ? ['Generals', ...chunked(generals)] : []),
    ...(binaries.length > 0 ? ['Binaries', ...chunked(binaries)] : []),
    'End',
    '',
  ].join('\n');
  return { lp, pairs, start: greedyStart(input, pairs), unusablePins, variables: generals.length + binaries.length, constraints: rowCount };
}

/**
 * A feasible plan built without the solver, for it to start from and for the proposal to fall back on when the
 * solver's time runs out before it has a plan of its own: a pinned offering first (its minimum number of
 * classes in its cheapest pair, one person seated), then, best weighted need per rupiah first, classes are
 * opened and seats filled while the district budget, the OPD's ceiling and the group's people allow. Offerings
 * with a minimum number of classes are left out unless pinned. The empty plan is feasible whenever nothing is
 * pinned, so this returns a plan then; null only when it cannot meet the pins within the budget.
 */
export function greedyStart(input: PlanModelInput, pairs: readonly ModelPair[]): Record<string, number> | null {
  const values: Record<string, number> = {};
  let budgetLeft = input.budget ?? Number.POSITIVE_INFINITY;
  const opdLeft = new Map(input.opdCeilings);
  const seatsLeft = new Map<NeedGroup, number>();
  for (const p of pairs) seatsLeft.set(p.group, p.group.needs.length);
  const running = new Set<number>();
  const fits = (opdId: number, cost: number) => cost <= budgetLeft && cost <= (opdLeft.get(opdId) ?? Number.POSITIVE_INFINITY);
  const spend = (p: ModelPair, classes: number, seats: number) => {
    const cost = classes * p.classCost + seats * p.participantCost;
    budgetLeft -= cost;
    if (opdLeft.has(p.group.opdId)) opdLeft.set(p.group.opdId, opdLeft.get(p.group.opdId)! - cost);
    values[p.x] = (values[p.x] ?? 0) + classes;
    values[p.y] = (values[p.y] ?? 0) + seats;
    seatsLeft.set(p.group, seatsLeft.get(p.group)! - seats);
  };
  for (const pin of input.pins) {
    const list = pairs.filter((p) => p.offering.id === pin.catalogId && (pin.opdId === null || p.group.opdId === pin.opdId));
    if (list.some((p) => (values[p.y] ?? 0) > 0)) continue;
    // An offering already running for another pin has met its minimum.
    const classes = running.has(pin.catalogId) ? 1 : Math.max(1, list[0]?.offering.minClasses ?? 1);
    const open = list.filter((p) => seatsLeft.get(p.group)! > 0 && fits(p.group.opdId, classes * p.classCost + p.participantCost))
      .sort((a, b) => a.classCost - b.classCost || a.participantCost - b.participantCost)[0];
    if (!open) return null;
    spend(open, classes, 1);
    running.add(open.offering.id);
  }
  for (const id of running) {
    const offering = pairs.find((p) => p.offering.id === id)!.offering;
    if (offering.minClasses > 1) values[`z${id}`] = 1;
  }
  const fullClassValue = (p: ModelPair) => {
    const seats = Math.min(p.offering.classSize, p.group.needs.length);
    const cost = p.classCost + seats * p.participantCost;
    return cost === 0 ? Number.POSITIVE_INFINITY : (p.group.weight * seats) / cost;
  };
  const order = pairs.filter((p) => p.offering.minClasses <= 1 || running.has(p.offering.id))
    .map((p) => ({ p, value: fullClassValue(p) }))
    .sort((a, b) => b.value - a.value || (a.p.x < b.p.x ? -1 : a.p.x > b.p.x ? 1 : 0));
  for (const { p } of order) {
    // Seats still free in the classes this pair already runs (a pin's class), then new classes.
    const free = Math.min((values[p.x] ?? 0) * p.offering.classSize - (values[p.y] ?? 0), seatsLeft.get(p.group)!);
    if (free > 0) {
      const seats = p.participantCost === 0 ? free : Math.min(free, Math.floor(Math.min(budgetLeft, opdLeft.get(p.group.opdId) ?? Number.POSITIVE_INFINITY) / p.participantCost));
      if (seats > 0) spend(p, 0, seats);
    }
    while (seatsLeft.get(p.group)! > 0 && (values[p.x] ?? 0) < p.maxClasses) {
      const want = Math.min(p.offering.classSize, seatsLeft.get(p.group)!);
      const money = Math.min(budgetLeft, opdLeft.get(p.group.opdId) ?? Number.POSITIVE_INFINITY) - p.classCost;
      if (money < 0) break;
      const seats = p.participantCost === 0 ? want : Math.min(want, Math.floor(money / p.participantCost));
      if (seats <= 0) break;
      spend(p, 1, seats);
    }
  }
  for (const key of Object.keys(values)) if (values[key] === 0) delete values[key];
  return values;
}
