// The chain of vacancies a promotion sets off: when a plan's first candidate moves up, the post they leave falls
// vacant, whose own first candidate moves up in turn, and so on.

import { positionLevelLabel } from '../position';
import type { Readiness } from './risk';

export interface ChainPosition {
  id: number;
  name: string;
  level: string;
  isKey: boolean;
  /** One holder (a structural post), so a move leaves it empty; JF and pelaksana formations do not. */
  singleHolder: boolean;
}

export interface ChainCandidate {
  employeeId: number;
  name: string;
  readiness: Readiness;
  /** The post the candidate holds now. */
  positionId: number | null;
}

export interface ChainLookup {
  position(id: number): ChainPosition | null;
  /** The plan's candidates in order (empty when there is no plan). */
  candidates(positionId: number): ChainCandidate[] | null;
}

export interface ChainStep {
  /** The post filled in this step. */
  position: ChainPosition;
  /** Whether that post has a plan at all. */
  hasPlan: boolean;
  candidateCount: number;
  readyNowCount: number;
  /** Who moves up into it (the first candidate not already moved in this chain); null ends the chain. */
  mover: ChainCandidate | null;
  /** The post the mover leaves: vacant next (null when the mover holds no single-holder post). */
  freed: ChainPosition | null;
  /** Why the chain stops here, when it does. */
  end: string | null;
}

/**
 * The cascade when a plan's first candidate moves up: the post they leave falls vacant, whose own first
 * candidate moves up in turn, and so on, until a post has no successor, the mover holds a formation post
 * (JF or pelaksana: nothing structural falls vacant), a post repeats, or `maxSteps` is reached.
 */
export function chainVacancies(startPositionId: number, lookup: ChainLookup, maxSteps = 8): ChainStep[] {
  const steps: ChainStep[] = [];
  const moved = new Set<number>();
  const visited = new Set<number>();
  let current = lookup.position(startPositionId);
  while (current && steps.length < maxSteps) {
    visited.add(current.id);
    const all = lookup.candidates(current.id);
    const list = (all ?? []).filter((c) => !moved.has(c.employeeId));
    const step: ChainStep = {
      position: current, hasPlan: all !== null, candidateCount: list.length,
      readyNowCount: list.filter((c) => c.readiness === 'siap_sekarang').length, mover: null, freed: null, end: null,
    };
    steps.push(step);
    const mover = list[0];
    if (!mover) {
      step.end = all === null ? 'Jabatan ini belum punya rencana suksesi.' : 'Tidak ada kandidat lain dalam rencananya.';
      break;
    }
    step.mover = mover;
    moved.add(mover.employeeId);
    const freed = mover.positionId !== null ? lookup.position(mover.positionId) : null;
    if (!freed || !freed.singleHolder) {
      step.end = freed ? `${mover.name} memegang jabatan ${positionLevelLabel(freed.level) || 'formasi'} (formasi, bukan jabatan struktural tunggal): rantai berhenti.` : `${mover.name} belum tercatat memegang jabatan: rantai berhenti.`;
      break;
    }
    step.freed = freed;
    if (visited.has(freed.id)) {
      step.end = `Jabatan ${freed.name} sudah ada dalam rantai ini.`;
      break;
    }
    current = freed;
  }
  if (current && steps.length >= maxSteps && !steps[steps.length - 1].end) steps[steps.length - 1].end = `Rantai dipotong setelah ${maxSteps} langkah.`;
  return steps;
}
