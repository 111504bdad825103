// The candidate's score: each component a value from 0 to 1 with its weight (settings), explained in words.
// Score = Σ (weight × value) / Σ weight × 100 over every component: a component without data scores zero and says
// "belum ada data", so a person with less data never outranks one with more (the share of the weights that had
// data is shown beside the score and is the first tie-breaker).

import { fullMonthsBetween, type IsoDate } from '../dates';
import { educationInfo, educationLabel } from '../education';
import { golonganByCode } from '../golongan';
import { predikatLabel, predikatValue, type CandidateFacts } from './facts';
import { describeRumpunMatch, matchRumpun, type RelatedRumpun } from './rumpun';
import { EDUCATION_RANK, hasLeadershipTraining, trainingShortLabel, type SuccessionRules, type TargetRequirements } from './requirements';
import { clamp01, formatPercent, monthsBetween, round1, round3, yearsText } from './text';

export const SCORE_COMPONENTS = [
  { key: 'jpm', label: 'JPM terhadap standar jabatan' },
  { key: 'kinerja', label: 'Predikat SKP terakhir' },
  { key: 'talenta', label: 'Kotak talenta' },
  { key: 'rumpun', label: 'Kesesuaian rumpun jabatan' },
  { key: 'diklat', label: 'Diklat kepemimpinan' },
  { key: 'pengalaman', label: 'Lama pada jabatan saat ini' },
  { key: 'golongan', label: 'Golongan terhadap minimum' },
  { key: 'pendidikan', label: 'Pendidikan' },
  { key: 'sisa_masa_kerja', label: 'Sisa masa kerja setelah lowong' },
] as const;
export type ComponentKey = (typeof SCORE_COMPONENTS)[number]['key'];
export const COMPONENT_KEYS = SCORE_COMPONENTS.map((c) => c.key) as [ComponentKey, ...ComponentKey[]];
export type ScoreWeights = Record<ComponentKey, number>;
export const DEFAULT_WEIGHTS: ScoreWeights = {
  jpm: 25, kinerja: 20, talenta: 20, rumpun: 10, diklat: 10, pengalaman: 10, golongan: 5, pendidikan: 5, sisa_masa_kerja: 5,
};

export interface ScoreComponent {
  key: ComponentKey;
  label: string;
  weight: number;
  /** 0–1; null = no data (scores zero). */
  value: number | null;
  /** Points this component adds to the 0–100 score (0 without data). */
  points: number;
  detail: string;
}

export interface EvaluationContext {
  today: IsoDate;
  /** When the target post is expected to fall vacant (today when it is vacant now). */
  vacancyDate: IsoDate;
  rules: SuccessionRules;
  weights: ScoreWeights;
  /** The target post's rumpun and the rumpun the office lists as related. */
  rumpun: { target: string | null; related: RelatedRumpun };
  /** Who a running hukuman disiplin keeps out of succession today, with the sentence saying so
   *  (careers/discipline.ts disciplineBlock); absent where the caller does not read the records. */
  discipline?: ReadonlyMap<number, string>;
}

/** A component value rounded to three decimals within 0–1 (module-level: made inside componentValues, it was made
 *  again for each of the thousands of people a ranking scores). */
const bounded = (x: number | null) => (x === null ? null : round3(clamp01(x)));

/** The score's component values (0–1, null = no data), shared by the detailed and the quick evaluation. */
export function componentValues(facts: CandidateFacts, req: TargetRequirements, ctx: EvaluationContext): Record<ComponentKey, number | null> {
  const jpm = facts.jpm;
  const latest = facts.predikat[0];
  const g = golonganByCode(facts.golongan);
  const diff = g && g.scheme === 'pns' ? g.rank - golonganByCode(req.minGolongan)!.rank : null;
  const edu = educationInfo(facts.education);
  const rank = edu ? EDUCATION_RANK[edu.code] : null;
  return {
    jpm: bounded(jpm.percent === null ? null : jpm.percent / 100),
    kinerja: bounded(latest ? predikatValue(latest) : null),
    talenta: bounded(facts.talent ? (facts.talent.kinerja + facts.talent.potensi) / 4 : null),
    rumpun: matchRumpun(ctx.rumpun.target, facts.rumpun, ctx.rumpun.related)?.value ?? null,
    diklat: !req.training ? 1 : !facts.training.anyRecord ? null : hasLeadershipTraining(facts.training.leadership, req.training.code) ? 1 : 0,
    pengalaman: bounded(facts.positionTmt && facts.positionTmt <= ctx.today ? monthsBetween(facts.positionTmt, ctx.today) / 60 : null),
    golongan: diff === null ? null : diff >= 1 ? 1 : diff === 0 ? 0.8 : diff === -1 ? 0.4 : 0,
    pendidikan: rank === null ? null : rank >= 9 ? 1 : rank === 8 ? 0.85 : rank === 7 ? 0.6 : rank === 6 ? 0.3 : 0,
    sisa_masa_kerja: bounded(facts.retirementDate ? (facts.retirementDate > ctx.vacancyDate ? monthsBetween(ctx.vacancyDate, facts.retirementDate) : 0) / 60 : null),
  };
}

/** Score 0–100 over all weights (a component without data adds nothing), the share of weights with data, and
 *  whether every weighted component had data. */
export function scoreOf(values: Record<ComponentKey, number | null>, weights: ScoreWeights): { raw: number | null; coverage: number; complete: boolean; totalWeight: number } {
  let total = 0;
  let known = 0;
  let sum = 0;
  for (const key of COMPONENT_KEYS) {
    const w = weights[key];
    total += w;
    const value = values[key];
    if (value === null) continue;
    known += w;
    sum += w * value;
  }
  return { raw: total === 0 ? null : (sum / total) * 100, coverage: total === 0 ? 0 : round1((known / total) * 100), complete: known === total, totalWeight: total };
}

/** The words beside each component value. */
export function componentDetail(key: ComponentKey, facts: CandidateFacts, req: TargetRequirements, ctx: EvaluationContext): string {
  switch (key) {
    case 'jpm': {
      const jpm = facts.jpm;
      if (jpm.status === 'no_standard') return 'belum ada data: jabatan tanpa standar kompetensi';
      if (jpm.status === 'not_assessed') return 'belum diasesmen';
      if (jpm.status === 'partial') return `asesmen belum lengkap (${jpm.assessedCount} dari ${jpm.standardCount} kompetensi)`;
      return `JPM ${formatPercent(jpm.jpm!)}`;
    }
    case 'kinerja': {
      const latest = facts.predikat[0];
      return latest ? `${latest.year}: ${predikatLabel(latest)}` : 'belum ada data SKP';
    }
    case 'talenta':
      return facts.talent ? `kotak ${facts.talent.box} (${facts.talent.year})` : 'belum ada data talenta';
    case 'rumpun':
      return describeRumpunMatch(ctx.rumpun.target, facts.rumpun, matchRumpun(ctx.rumpun.target, facts.rumpun, ctx.rumpun.related));
    case 'diklat': {
      if (!req.training) return 'tidak dipersyaratkan';
      if (!facts.training.anyRecord) return 'belum ada data diklat';
      const name = trainingShortLabel(req.training.code);
      return hasLeadershipTraining(facts.training.leadership, req.training.code) ? `sudah ${name}` : `belum ${name}`;
    }
    case 'pengalaman':
      return facts.positionTmt && facts.positionTmt <= ctx.today ? `${yearsText(fullMonthsBetween(facts.positionTmt, ctx.today))} (penuh pada 5 tahun)` : 'TMT jabatan belum tercatat';
    case 'golongan': {
      const g = golonganByCode(facts.golongan);
      return g && g.scheme === 'pns' ? `${g.label} (minimum ${golonganByCode(req.minGolongan)!.label})` : 'golongan belum tercatat';
    }
    case 'pendidikan':
      return educationInfo(facts.education) ? educationLabel(facts.education) : 'pendidikan belum tercatat';
    case 'sisa_masa_kerja': {
      if (!facts.retirementDate) return 'TMT pensiun belum dihitung';
      const months = facts.retirementDate > ctx.vacancyDate ? fullMonthsBetween(ctx.vacancyDate, facts.retirementDate) : 0;
      return `${yearsText(months)} setelah lowong (penuh pada 5 tahun)`;
    }
  }
}

