// What a candidate still needs for the target post, ready to become an individual development plan (PP 11/2017
// Pasal 205–206: development rests on the analysis of competency gaps).

import type { StandardItem } from '../jpm';
import type { CandidateEvaluation } from './evaluation';
import type { TargetRequirements } from './requirements';

/** A competency of the target's standard with its dictionary code and name. */
export interface NamedStandardItem extends StandardItem {
  code: string;
  name: string;
}

export interface DevelopmentNeed {
  kind: 'kompetensi' | 'asesmen' | 'diklat' | 'syarat';
  /** For competency gaps and missing assessments. */
  competencyId: number | null;
  label: string;
  currentLevel: number | null;
  targetLevel: number | null;
  /** What to do, in words (the later IDP's activity). */
  action: string;
}

/**
 * What a candidate still needs for the target post, ready to become an individual development plan:
 * competency gaps against the target's standard (largest first), competencies never assessed, the missing
 * leadership training, and every other requirement not (yet) met.
 */
export function developmentNeeds(evaluation: CandidateEvaluation, standard: readonly NamedStandardItem[], levels: ReadonlyMap<number, number>, req: TargetRequirements): DevelopmentNeed[] {
  const needs: DevelopmentNeed[] = [];
  const gaps = standard
    .filter((s) => levels.has(s.competencyId) && levels.get(s.competencyId)! < s.requiredLevel)
    .sort((a, b) => (b.requiredLevel - levels.get(b.competencyId)!) - (a.requiredLevel - levels.get(a.competencyId)!) || a.code.localeCompare(b.code));
  for (const s of gaps) {
    const current = levels.get(s.competencyId)!;
    needs.push({ kind: 'kompetensi', competencyId: s.competencyId, label: `${s.code} ${s.name}`, currentLevel: current, targetLevel: s.requiredLevel,
      action: `Tingkatkan dari level ${current} ke level ${s.requiredLevel} (kesenjangan ${s.requiredLevel - current})` });
  }
  for (const s of standard.filter((x) => !levels.has(x.competencyId))) {
    needs.push({ kind: 'asesmen', competencyId: s.competencyId, label: `${s.code} ${s.name}`, currentLevel: null, targetLevel: s.requiredLevel,
      action: `Belum diasesmen; ikutkan asesmen kompetensi (standar level ${s.requiredLevel})` });
  }
  const training = evaluation.checklist.find((i) => i.key === 'diklat');
  if (req.training && training && training.status !== 'ok') {
    needs.push({ kind: 'diklat', competencyId: null, label: req.training.label, currentLevel: null, targetLevel: null,
      action: training.status === 'unknown' ? `Periksa riwayat diklat; ${req.training.label} dipersyaratkan` : `Ikutkan ${req.training.label}` });
  }
  for (const i of evaluation.checklist) {
    if (i.key === 'diklat' || i.key === 'jpm' || i.status === 'ok') continue;
    if (i.status === 'unknown' && (i.key === 'talenta' || i.key === 'skp')) {
      needs.push({ kind: 'syarat', competencyId: null, label: i.label, currentLevel: null, targetLevel: null, action: `Lengkapi data: ${i.detail}` });
      continue;
    }
    needs.push({ kind: 'syarat', competencyId: null, label: i.label, currentLevel: null, targetLevel: null,
      action: `${i.status === 'fail' ? 'Belum memenuhi' : i.status === 'warn' ? 'Perhatikan' : 'Lengkapi data'}: ${i.detail}` });
  }
  return needs;
}
