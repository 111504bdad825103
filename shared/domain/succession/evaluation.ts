// One candidate against one target post: the full checklist, the explained score and a suggested readiness;
// and the quick evaluation (eligibility and score without texts) the ranking runs over thousands of people.
// Eligibility: every requirement met or not yet known; the SKP rule is at least Baik in the two latest annual
// evaluations (PP 11/2017 Pasal 199, kelompok rencana suksesi); the talent pool is boxes 7, 8, 9 (PermenPANRB
// 3/2020); the JPM is shown with its selection category (MS, MMS, KMS).

import { SELECTION_CATEGORY_LABELS } from '../jpm';
import { basicChecklist, checkItem, createBasicFilter, type CheckKey, type ChecklistItem } from './checks';
import { inTalentPool, predikatLabel, predikatValue, type AnnualPredikat, type CandidateFacts } from './facts';
import { hasLeadershipTraining, trainingShortLabel, type TargetRequirements } from './requirements';
import type { Readiness } from './risk';
import { componentDetail, componentValues, SCORE_COMPONENTS, scoreOf, type EvaluationContext, type ScoreComponent } from './score';
import { formatPercent, round1 } from './text';

export interface CandidateEvaluation {
  employeeId: number;
  eligible: boolean;
  /** Items with status fail. */
  failed: CheckKey[];
  checklist: ChecklistItem[];
  components: ScoreComponent[];
  /** 0–100 over all components (one without data adds nothing); null when not eligible. */
  score: number | null;
  /** Share of the weights that had data, 0–100. */
  coverage: number;
  suggestedReadiness: Readiness;
}

/** Fails on the SKP rule: a predikat below Baik in the (up to) two latest annual evaluations. */
const skpBelowBaik = (predikat: readonly AnnualPredikat[]) => predikat.some((p) => {
  const v = predikatValue(p);
  return v !== null && v < 0.75;
});

export interface QuickEvaluation {
  employeeId: number;
  eligible: boolean;
  failed: CheckKey[];
  score: number | null;
  coverage: number;
  /** Every weighted component had data. */
  complete: boolean;
}

/** Eligibility and score without the texts: what the ranking needs to order thousands of people. The
 *  detailed evaluateCandidate gives the same answers (tests check it) and is built only for rows shown. */
export function createQuickEvaluator(req: TargetRequirements, ctx: EvaluationContext, options: { basicsChecked?: boolean } = {}): (facts: CandidateFacts) => QuickEvaluation {
  const basic = createBasicFilter(req, ctx);
  // basicsChecked: the caller already kept only people who pass the basic checks (the ranking does so in SQL).
  return (facts) => {
    const failed = options.basicsChecked ? [] : basic(facts);
    if (skpBelowBaik(facts.predikat)) failed.push('skp');
    const eligible = failed.length === 0;
    const { raw, coverage, complete } = scoreOf(componentValues(facts, req, ctx), ctx.weights);
    return { employeeId: facts.employeeId, eligible, failed, score: eligible && raw !== null ? round1(raw) : null, coverage, complete };
  };
}

/** The full checklist, the explained score and the suggested readiness of one candidate. */
export function evaluateCandidate(facts: CandidateFacts, req: TargetRequirements, ctx: EvaluationContext): CandidateEvaluation {
  const checklist = basicChecklist(facts, req, ctx);

  // SKP: at least Baik in the (up to) two latest annual evaluations.
  const skpLabel = 'Predikat SKP 2 tahun terakhir minimal Baik';
  if (facts.predikat.length === 0) checklist.push(checkItem('skp', skpLabel, 'unknown', 'belum ada data SKP tahunan'));
  else {
    const text = facts.predikat.map((p) => `${p.year}: ${predikatLabel(p)}`).join('; ');
    const below = skpBelowBaik(facts.predikat);
    const unknown = facts.predikat.some((p) => predikatValue(p) === null);
    checklist.push(checkItem('skp', skpLabel, below ? 'fail' : unknown ? 'unknown' : facts.predikat.length < 2 ? 'warn' : 'ok',
      facts.predikat.length < 2 && !below ? `${text} (hanya satu tahun tercatat)` : text));
  }

  const talentLabel = 'Kotak talenta dalam kelompok rencana suksesi (7, 8, 9)';
  if (!facts.talent) checklist.push(checkItem('talenta', talentLabel, 'unknown', 'belum ada data penempatan talenta'));
  else {
    const t = facts.talent;
    const note = `kotak ${t.box} (${t.year}${t.calibrated ? ', hasil kalibrasi' : ''}${t.provisional ? ', sidang belum ditetapkan' : ''}${t.computed ? ', dihitung dari SKP dan potensi; belum disidangkan Komite Talenta' : ''})`;
    checklist.push(checkItem('talenta', talentLabel, inTalentPool(t) ? 'ok' : 'warn', note));
  }

  const jpmLabel = 'JPM terhadap standar jabatan ini';
  const jpm = facts.jpm;
  if (jpm.status === 'no_standard') checklist.push(checkItem('jpm', jpmLabel, 'unknown', 'belum ada data: jabatan ini belum punya standar kompetensi'));
  else if (jpm.status === 'not_assessed') checklist.push(checkItem('jpm', jpmLabel, 'unknown', 'belum diasesmen'));
  else if (jpm.status === 'partial') {
    checklist.push(checkItem('jpm', jpmLabel, 'unknown', `asesmen belum lengkap: ${jpm.assessedCount} dari ${jpm.standardCount} kompetensi diasesmen, JPM belum dihitung`));
  } else {
    const category = jpm.selection!;
    checklist.push(checkItem('jpm', jpmLabel, category === 'MS' ? 'ok' : 'warn', `${formatPercent(jpm.jpm!)} ${category} – ${SELECTION_CATEGORY_LABELS[category]}`));
  }

  const trainingLabel = req.training ? `Diklat kepemimpinan ${req.training.label}` : 'Diklat kepemimpinan';
  const hasTraining = req.training ? hasLeadershipTraining(facts.training.leadership, req.training.code) : true;
  if (req.training && !facts.training.anyRecord) checklist.push(checkItem('diklat', trainingLabel, 'unknown', 'belum ada data diklat'));
  else if (req.training) {
    checklist.push(checkItem('diklat', trainingLabel, hasTraining ? 'ok' : 'warn',
      hasTraining ? `sudah (${facts.training.leadership.map(trainingShortLabel).join(', ')})` : 'belum; wajib diikuti setelah diangkat'));
  }

  const failed = checklist.filter((i) => i.status === 'fail').map((i) => i.key);
  const eligible = failed.length === 0;
  const values = componentValues(facts, req, ctx);
  const { raw, coverage, totalWeight } = scoreOf(values, ctx.weights);
  const components = SCORE_COMPONENTS.map((c): ScoreComponent => {
    const value = values[c.key];
    return {
      key: c.key, label: c.label, weight: ctx.weights[c.key], value,
      points: value === null || totalWeight === 0 ? 0 : round1((ctx.weights[c.key] * value * 100) / totalWeight),
      detail: componentDetail(c.key, facts, req, ctx),
    };
  });
  const score = eligible && raw !== null ? round1(raw) : null;

  return { employeeId: facts.employeeId, eligible, failed, checklist, components, score, coverage, suggestedReadiness: suggestReadiness(eligible, checklist) };
}

/**
 * A starting point the user can change: siap sekarang when every requirement is met with data (nothing
 * failing, nothing unknown or to watch except a missing training); 1–2 years when eligible; otherwise > 2.
 */
export function suggestReadiness(eligible: boolean, checklist: ChecklistItem[]): Readiness {
  if (!eligible) return 'siap_lebih_2_tahun';
  const open = checklist.filter((i) => i.status !== 'ok' && !(i.key === 'diklat' && i.status === 'warn'));
  return open.length === 0 ? 'siap_sekarang' : 'siap_1_2_tahun';
}

