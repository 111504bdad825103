// The chain of vacancies of a position page: the rule (shared/domain/succession/chain.ts) over the stored plans.

import { chainVacancies, type ChainCandidate, type ChainPosition, type Readiness } from '../../../shared/domain/succession';
import type { PositionDetail } from '../../../shared/schemas/succession';
import { STRUCTURAL_KINDS } from '../../db/sql/succession/overview.sql';
import type { PlanIndex } from './overview';

export function chainOf(positionId: number, plans: PlanIndex, positions: ReadonlyArray<{ id: number; name: string; level: string; kind: string; is_key: number }>): PositionDetail['chain'] {
  const structural: readonly string[] = STRUCTURAL_KINDS;
  const byId = new Map<number, ChainPosition>(positions.map((p) => [p.id, { id: p.id, name: p.name, level: p.level, isKey: p.is_key === 1, singleHolder: structural.includes(p.kind) }]));
  const steps = chainVacancies(positionId, {
    position: (id) => byId.get(id) ?? null,
    candidates: (id) => {
      const plan = plans.get(id);
      if (!plan) return null;
      return plan.candidates.filter((c) => c.status === 'active').map((c): ChainCandidate => ({
        employeeId: c.employeeId!, name: c.fullName!, readiness: c.readiness as Readiness, positionId: c.candidatePositionId,
      }));
    },
  });
  return steps.map((s) => ({
    positionId: s.position.id, positionName: s.position.name, positionLevel: s.position.level, isKey: s.position.isKey,
    hasPlan: s.hasPlan, candidateCount: s.candidateCount, readyNowCount: s.readyNowCount,
    mover: s.mover ? { employeeId: s.mover.employeeId, fullName: s.mover.name, readiness: s.mover.readiness } : null,
    freed: s.freed ? { positionId: s.freed.id, positionName: s.freed.name, positionLevel: s.freed.level, isKey: s.freed.isKey } : null,
    end: s.end,
  }));
}
