// The chain of vacancies of a position page: the rule (shared/domain/succession/chain.ts) over the stored plans,
// reading only the plans the chain reaches (most chains end at their first post) instead of every plan and post.

import { chainVacancies, type ChainCandidate, type ChainPosition, type ChainStep, type Readiness } from '../../../shared/domain/succession';
import type { PositionDetail } from '../../../shared/schemas/succession';
import { STRUCTURAL_KINDS } from '../../db/sql/succession/overview.sql';
import type { PlanOfPosition } from '../../db/sql/succession/plans.sql';

type PostFacts = { id: number; name: string; level: string; kind: string; is_key: number };

const structural: readonly string[] = STRUCTURAL_KINDS;
const chainPosition = (p: PostFacts): ChainPosition => ({ id: p.id, name: p.name, level: p.level, isKey: p.is_key === 1, singleHolder: structural.includes(p.kind) });

/**
 * The chain from `start`, whose plan the page has read (`startPlan`). A post the chain reaches is known from the
 * candidate who holds it (the plan's read names each candidate's post); the plan of a post the chain moves on to
 * is read when the rule first asks for it, and the rule run again with it (it is pure and cheap), until it asks for
 * nothing unread.
 */
export async function chainOf(start: PostFacts, startPlan: PlanOfPosition | null, readPlan: (positionId: number) => Promise<PlanOfPosition | null>): Promise<PositionDetail['chain']> {
  const positions = new Map<number, ChainPosition>([[start.id, chainPosition(start)]]);
  const plans = new Map<number, PlanOfPosition | null>();
  const remember = (positionId: number, plan: PlanOfPosition | null) => {
    plans.set(positionId, plan);
    for (const m of plan?.members ?? []) if (m.holds && !positions.has(m.holds.id)) positions.set(m.holds.id, chainPosition(m.holds));
  };
  remember(start.id, startPlan);
  for (;;) {
    const unread = new Set<number>();
    const steps = chainVacancies(start.id, {
      position: (id) => positions.get(id) ?? null,
      candidates: (id) => {
        if (!plans.has(id)) {
          unread.add(id);
          return null;
        }
        const plan = plans.get(id);
        if (!plan) return null;
        return plan.members.filter((m) => m.found && m.status === 'active').map((m): ChainCandidate => ({
          employeeId: m.employee_id, name: m.fullName!, readiness: m.readiness as Readiness, positionId: m.positionId,
        }));
      },
    });
    if (unread.size === 0) return steps.map(stepDto);
    const read = await Promise.all([...unread].map(async (id) => [id, await readPlan(id)] as const));
    for (const [id, plan] of read) remember(id, plan);
  }
}

function stepDto(s: ChainStep): PositionDetail['chain'][number] {
  return {
    positionId: s.position.id, positionName: s.position.name, positionLevel: s.position.level, isKey: s.position.isKey,
    hasPlan: s.hasPlan, candidateCount: s.candidateCount, readyNowCount: s.readyNowCount,
    mover: s.mover ? { employeeId: s.mover.employeeId, fullName: s.mover.name, readiness: s.mover.readiness } : null,
    freed: s.freed ? { positionId: s.freed.id, positionName: s.freed.name, positionLevel: s.freed.level, isKey: s.freed.isKey } : null,
    end: s.end,
  };
}
