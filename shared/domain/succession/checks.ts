// The candidate checklist: each requirement of the target post with its status (memenuhi, perlu perhatian, tidak
// memenuhi, belum ada data) and the words behind it. The basic checks need only the employee record, so the
// ranking runs them over the whole district first: as value lists (BasicFilterSpec) shared by the TypeScript
// filter below and the SQL pre-filter (main/db/sql/succession/ranking.sql.ts), which tests hold to the same answers.

import { addMonths, addYears, fullMonthsBetween, fullYearsBetween, type IsoDate } from '../dates';
import { educationInfo, educationLabel } from '../education';
import { ALL_GOLONGAN, golonganByCode } from '../golongan';
import { POSITION_LEVELS, positionLevelInfo } from '../position';
import { formatDateId } from '../../format/id-format';
import type { BasicFacts } from './facts';
import { EDUCATION_RANK, type TargetRequirements } from './requirements';
import type { EvaluationContext } from './score';
import { yearsText } from './text';
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'unknown';
export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = { ok: 'Memenuhi', warn: 'Perlu perhatian', fail: 'Tidak memenuhi', unknown: 'Belum ada data' };

export const CHECK_KEYS = ['status_pns', 'golongan', 'jenjang', 'masa_jabatan', 'pendidikan', 'usia', 'pensiun', 'hukuman_disiplin', 'skp', 'talenta', 'jpm', 'diklat'] as const;
export type CheckKey = (typeof CHECK_KEYS)[number];
/** Items computed from the employee record alone (cheap over the whole district). */
export const BASIC_CHECKS: readonly CheckKey[] = ['status_pns', 'golongan', 'jenjang', 'masa_jabatan', 'pendidikan', 'usia', 'pensiun', 'hukuman_disiplin'];
export const DISCIPLINE_CHECK_LABEL = 'Tidak sedang menjalani hukuman disiplin';

export interface ChecklistItem {
  key: CheckKey;
  label: string;
  status: CheckStatus;
  detail: string;
}

export const checkItem = (key: CheckKey, label: string, status: CheckStatus, detail: string): ChecklistItem => ({ key, label, status, detail });

/** The checklist items that need only the employee record. */
export function basicChecklist(facts: BasicFacts, req: TargetRequirements, ctx: EvaluationContext): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  items.push(facts.employmentType === 'PNS'
    ? checkItem('status_pns', 'Berstatus PNS', 'ok', 'PNS')
    : checkItem('status_pns', 'Berstatus PNS', 'fail', `${facts.employmentType}: jabatan struktural hanya untuk PNS`));

  const g = golonganByCode(facts.golongan);
  const min = golonganByCode(req.minGolongan)!;
  const golonganLabelText = `Golongan minimum ${min.label}`;
  if (!g || g.scheme !== 'pns') {
    items.push(checkItem('golongan', golonganLabelText, g ? 'fail' : 'unknown', g ? `PPPK golongan ${g.label}` : 'golongan belum tercatat'));
  } else {
    const since = facts.golonganTmt && facts.golonganTmt <= ctx.today ? ` sejak ${formatDateId(facts.golonganTmt)} (${yearsText(fullMonthsBetween(facts.golonganTmt, ctx.today))})` : '';
    const steps = min.rank - g.rank;
    if (steps <= 0) items.push(checkItem('golongan', golonganLabelText, 'ok', `${g.label}${since}; ${req.minGolonganBasis} ${min.label}`));
    else if (steps <= ctx.rules.golonganToleranceSteps) {
      items.push(checkItem('golongan', golonganLabelText, 'warn', `${g.label}${since}: ${steps} tingkat di bawah ${req.minGolonganBasis} ${min.label} (masih dalam toleransi)`));
    } else items.push(checkItem('golongan', golonganLabelText, 'fail', `${g.label}${since}: di bawah ${req.minGolonganBasis} ${min.label}`));
  }

  const info = positionLevelInfo(facts.level);
  const levelLabel = `Jenjang jabatan ${req.feederLabel} atau setara`;
  if (!info) items.push(checkItem('jenjang', levelLabel, 'unknown', 'jabatan saat ini belum tercatat'));
  else if (info.seniority > req.seniority) items.push(checkItem('jenjang', levelLabel, 'fail', `${info.label}: lebih tinggi dari jabatan ini`));
  else if (info.seniority === req.seniority) {
    items.push(ctx.rules.allowLateralMoves
      ? checkItem('jenjang', levelLabel, 'ok', `${info.label}: setara (mutasi/rotasi)`)
      : checkItem('jenjang', levelLabel, 'fail', `${info.label}: setara, bukan satu jenjang di bawah (mutasi tidak diperhitungkan; lihat Pengaturan)`));
  }
  else if (info.seniority >= req.feederSeniority) items.push(checkItem('jenjang', levelLabel, 'ok', `${info.label}: satu jenjang di bawah`));
  else items.push(checkItem('jenjang', levelLabel, 'fail', `${info.label}: lebih dari satu jenjang di bawah`));

  const tenureLabel = `Minimal ${req.minYearsInPosition} tahun pada jabatan saat ini`;
  if (!facts.positionTmt || facts.positionTmt > ctx.today) items.push(checkItem('masa_jabatan', tenureLabel, 'unknown', 'TMT jabatan belum tercatat'));
  else {
    const months = fullMonthsBetween(facts.positionTmt, ctx.today);
    items.push(checkItem('masa_jabatan', tenureLabel, months >= req.minYearsInPosition * 12 ? 'ok' : 'fail',
      `sejak ${formatDateId(facts.positionTmt)} (${yearsText(months)})`));
  }

  const edu = educationInfo(facts.education);
  const eduLabel = `Pendidikan minimal ${req.education.label}`;
  if (!edu) items.push(checkItem('pendidikan', eduLabel, 'unknown', 'pendidikan belum tercatat'));
  else items.push(checkItem('pendidikan', eduLabel, EDUCATION_RANK[edu.code] >= req.education.rank ? 'ok' : 'fail', educationLabel(edu.code)));

  if (req.maxAge !== null) {
    const at = ctx.vacancyDate > ctx.today ? ctx.vacancyDate : ctx.today;
    const age = fullYearsBetween(facts.birthDate, at);
    items.push(checkItem('usia', `Usia paling tinggi ${req.maxAge} tahun`, age <= req.maxAge ? 'ok' : 'fail', `${age} tahun pada ${formatDateId(at)}`));
  }

  const pensionLabel = 'Pensiun setelah perkiraan lowong';
  if (!facts.retirementDate) items.push(checkItem('pensiun', pensionLabel, 'unknown', 'TMT pensiun belum dihitung'));
  else if (facts.retirementDate <= ctx.vacancyDate) {
    items.push(checkItem('pensiun', pensionLabel, 'fail', `TMT pensiun ${formatDateId(facts.retirementDate)}, tidak setelah lowong ${formatDateId(ctx.vacancyDate)}`));
  } else {
    const months = fullMonthsBetween(ctx.vacancyDate, facts.retirementDate);
    items.push(checkItem('pensiun', pensionLabel, months < ctx.rules.minServiceMonthsAfterVacancy ? 'warn' : 'ok',
      `TMT pensiun ${formatDateId(facts.retirementDate)}; ${yearsText(months)} setelah lowong`));
  }

  // Only where the context knows the district's hukuman disiplin (the succession services read them).
  if (ctx.discipline) {
    const block = ctx.discipline.get(facts.employeeId);
    items.push(block
      ? checkItem('hukuman_disiplin', DISCIPLINE_CHECK_LABEL, 'fail', block)
      : checkItem('hukuman_disiplin', DISCIPLINE_CHECK_LABEL, 'ok', 'tidak ada hukuman disiplin yang sedang berjalan'));
  }
  return items;
}

/**
 * The decisions of the basic checks as value lists and date limits, worked out once per target: the TS
 * filter below and the ranking's SQL pre-filter are both built from it, so the two cannot disagree on a rule
 * (test/succession/succession.service.test.ts compares them over a whole demo district).
 */
export interface BasicFilterSpec {
  today: IsoDate;
  vacancyDate: IsoDate;
  /** Golongan codes that fail: PNS more steps below the minimum than tolerated, and every PPPK grade. */
  failingGolongan: number[];
  /** Position levels that fail "one step below" (higher, too low, or the same level unless allowed). */
  failingLevels: string[];
  /** A position TMT after this date (and not in the future) is too recent: "at least N years" as one comparison,
   *  since fullMonthsBetween(a, D) >= m exactly when a <= addMonths(D, -m). */
  tenureLimit: IsoDate;
  failingEducation: string[];
  /** Born on or before this date: older than the maximum age at the vacancy (null: no age rule). */
  tooOldIfBornBy: IsoDate | null;
  /** People a running hukuman disiplin keeps out of succession today. */
  disciplineBlocked: number[];
}

export function basicFilterSpec(req: TargetRequirements, ctx: EvaluationContext): BasicFilterSpec {
  const minRank = golonganByCode(req.minGolongan)!.rank;
  const ageAt = ctx.vacancyDate > ctx.today ? ctx.vacancyDate : ctx.today;
  return {
    today: ctx.today,
    vacancyDate: ctx.vacancyDate,
    failingGolongan: ALL_GOLONGAN.filter((g) => g.scheme !== 'pns' || minRank - g.rank > ctx.rules.golonganToleranceSteps).map((g) => g.code),
    failingLevels: POSITION_LEVELS.filter((l) => l.seniority > req.seniority || l.seniority < req.feederSeniority || (!ctx.rules.allowLateralMoves && l.seniority === req.seniority)).map((l) => l.code),
    tenureLimit: addMonths(ctx.today, -req.minYearsInPosition * 12),
    failingEducation: Object.keys(EDUCATION_RANK).filter((code) => EDUCATION_RANK[code] < req.education.rank),
    tooOldIfBornBy: req.maxAge === null ? null : addYears(ageAt, -(req.maxAge + 1)),
    disciplineBlocked: ctx.discipline ? [...ctx.discipline.keys()] : [],
  };
}

/** The keys basicChecklist marks "fail", without building its texts: the cheap check over many people. */
export function createBasicFilter(req: TargetRequirements, ctx: EvaluationContext): (facts: BasicFacts) => CheckKey[] {
  const spec = basicFilterSpec(req, ctx);
  const golongan = new Set(spec.failingGolongan);
  const levels = new Set(spec.failingLevels);
  const education = new Set(spec.failingEducation);
  const disciplined = new Set(spec.disciplineBlocked);
  return (facts) => {
    const failed: CheckKey[] = [];
    if (facts.employmentType !== 'PNS') failed.push('status_pns');
    if (facts.golongan !== null && golongan.has(facts.golongan)) failed.push('golongan');
    if (facts.level !== null && levels.has(facts.level)) failed.push('jenjang');
    if (facts.positionTmt !== null && facts.positionTmt <= spec.today && facts.positionTmt > spec.tenureLimit) failed.push('masa_jabatan');
    if (facts.education !== null && education.has(facts.education)) failed.push('pendidikan');
    if (spec.tooOldIfBornBy !== null && facts.birthDate <= spec.tooOldIfBornBy) failed.push('usia');
    if (facts.retirementDate !== null && facts.retirementDate <= spec.vacancyDate) failed.push('pensiun');
    if (disciplined.has(facts.employeeId)) failed.push('hukuman_disiplin');
    return failed;
  };
}

