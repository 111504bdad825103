// Kebutuhan pengembangan (training needs analysis, PP 11/2017 Pasal 205–206 [P]: the instansi plans the
// development of its employees from their needs). Each need is one person's, with the competency or training it
// asks for and why; the plan groups the people of one perangkat daerah (OPD) who have the same need, so the
// optimiser decides numbers of classes per group rather than one variable per person.

export const NEED_SOURCES = [
  { code: 'gap', label: 'Kesenjangan kompetensi terhadap standar jabatan' },
  { code: 'idp', label: 'Kegiatan IDP yang belum terlaksana' },
  { code: 'jp', label: 'Di bawah target JP tahun berjalan' },
  { code: 'leadership', label: 'Pelatihan kepemimpinan yang wajib bagi jabatannya' },
  { code: 'succession', label: 'Kesenjangan kandidat suksesi terhadap jabatan target' },
  { code: 'career', label: 'Syarat jalur karier yang belum terpenuhi (pelatihan kepemimpinan, kompetensi)' },
] as const;

export type NeedSource = (typeof NEED_SOURCES)[number]['code'];

export function needSourceLabel(code: string): string {
  return NEED_SOURCES.find((s) => s.code === code)?.label ?? code;
}

/** The priorities the officer weighs (integers 0–10; 0 leaves a kind of need out of the plan). */
// A type (not an interface) so it is a Record the settings sections accept.
export type PlanWeights = {
  /** Reaching the JP target of the year. */
  jp: number;
  /** Leadership training a position requires and its holder has not followed. */
  leadership: number;
  /** Competency gaps of the holders of key positions. */
  keyPosition: number;
  /** Development needs of the talent pool: the succession candidates of key positions. */
  talentPool: number;
  /** Every other competency need (gaps against the position standard, open IDP items). */
  competency: number;
};

export type PriorityClass = keyof PlanWeights;

/** The defaults of the plan's priorities [U: Jenjang's choice, not a regulation; the officer changes them]. */
export const DEFAULT_PLAN_WEIGHTS: PlanWeights = { jp: 3, leadership: 5, keyPosition: 4, talentPool: 3, competency: 2 };

export const PRIORITY_LABELS: Record<PriorityClass, string> = {
  jp: 'Pemenuhan 20 JP',
  leadership: 'Kewajiban pelatihan kepemimpinan',
  keyPosition: 'Kesenjangan jabatan kunci',
  talentPool: 'Kelompok rencana suksesi (talent pool)',
  competency: 'Kesenjangan kompetensi lainnya',
};

/** What a need asks for; an offering covers it by its competencies, JP, type or identity (offeringCovers). */
export type NeedTarget =
  | { kind: 'competency'; competencyId: number; levels: number }
  | { kind: 'jp' }
  | { kind: 'training'; trainingType: string }
  | { kind: 'offering'; catalogId: number };

export interface Need {
  employeeId: number;
  /** The perangkat daerah (root unit) of the person. */
  opdId: number;
  source: NeedSource;
  target: NeedTarget;
  priority: PriorityClass;
  /** The key position this need prepares for or keeps filled, if any (holder or named successor). */
  keyPositionId: number | null;
  /** Why, in Indonesian ("kesenjangan 2 level pada Integritas terhadap standar Analis Kepegawaian"). */
  reason: string;
}

export function targetKey(target: NeedTarget): string {
  switch (target.kind) {
    case 'competency': return `c${target.competencyId}`;
    case 'jp': return 'jp';
    case 'training': return `t${target.trainingType}`;
    case 'offering': return `o${target.catalogId}`;
  }
}

/**
 * One need per person and target: a competency asked for by several sources (an own-position gap, an IDP item,
 * a successor's gap) is one need with the largest number of levels, the highest-weighted priority, the key
 * position when any source names one, and every reason. The source kept is the first by weight.
 */
export function mergeNeeds(needs: readonly Need[], weights: PlanWeights): Need[] {
  const merged = new Map<string, Need>();
  for (const need of needs) {
    const key = `${need.employeeId}|${targetKey(need.target)}`;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { ...need });
      continue;
    }
    const heavier = weights[need.priority] > weights[seen.priority];
    const levels = need.target.kind === 'competency' && seen.target.kind === 'competency' ? Math.max(need.target.levels, seen.target.levels) : 0;
    merged.set(key, {
      ...(heavier ? need : seen),
      target: seen.target.kind === 'competency' ? { ...seen.target, levels } : seen.target,
      keyPositionId: seen.keyPositionId ?? need.keyPositionId,
      reason: seen.reason.includes(need.reason) ? seen.reason : `${seen.reason}; ${need.reason}`,
    });
  }
  return [...merged.values()];
}

/** People of one OPD with the same need at the same priority: the unit the optimiser plans classes for. */
export interface NeedGroup {
  key: string;
  opdId: number;
  target: NeedTarget;
  priority: PriorityClass;
  /** Weight of one (person, need) pair of this group. */
  weight: number;
  /** The group's needs, highest-priority person first (priorityOrder). */
  needs: Need[];
}

/**
 * Groups merged needs by (OPD, target, priority). Within a group people are ordered by how much the plan would
 * do for them in total (the sum of the weights of all their needs, so a person with several needs is served
 * first), then by employee id for a stable order; the assignment after the solve seats them in this order.
 * Needs of weight 0 are left out.
 */
export function groupNeeds(needs: readonly Need[], weights: PlanWeights): NeedGroup[] {
  const personWeight = new Map<number, number>();
  for (const need of needs) personWeight.set(need.employeeId, (personWeight.get(need.employeeId) ?? 0) + weights[need.priority]);
  const groups = new Map<string, NeedGroup>();
  for (const need of needs) {
    const weight = weights[need.priority];
    if (weight <= 0) continue;
    const levels = need.target.kind === 'competency' ? `:${need.target.levels}` : '';
    const key = `${need.opdId}|${targetKey(need.target)}${levels}|${need.priority}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, opdId: need.opdId, target: need.target, priority: need.priority, weight, needs: [] };
      groups.set(key, group);
    }
    group.needs.push(need);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const group of ordered) {
    group.needs.sort((a, b) => (personWeight.get(b.employeeId)! - personWeight.get(a.employeeId)!) || a.employeeId - b.employeeId);
  }
  return ordered;
}

/** Whether an offering answers a need target. A competency need is covered when the offering develops that
 *  competency by at least the levels missing; the JP need by an offering of at least the JP target. */
export function offeringCovers(offering: { id: number; type: string; jp: number; competencies: readonly { competencyId: number; levels: number }[] }, target: NeedTarget, jpTarget: number): boolean {
  switch (target.kind) {
    case 'competency': return offering.competencies.some((c) => c.competencyId === target.competencyId && c.levels >= target.levels);
    case 'jp': return offering.jp >= jpTarget;
    case 'training': return offering.type === target.trainingType;
    case 'offering': return offering.id === target.catalogId;
  }
}
