// Moves between positions (DOMAIN §14.6) and the requirements of a step of a career path (pola karier): each
// requirement met or not, and the date it will be met where time alone is missing. shared/domain/README.md,
// "Administrasi karier"; tested in test/careers/moves.test.ts.
//
// - Horizontal (same level), vertical (a higher level), diagonal (structural ↔ functional) [C].
// - Structural appointment needs pangkat at least one level below the position's lowest, the education, SKP Baik
//   in the last 2 years, the competency, and ≥ 2 years in the current structural level for a higher one [C, PP
//   100/2000 era]: the defaults of structuralStepRequirements, each a setting.
// - The leadership training of the new level follows the appointment; its deadline is not confirmed [U]: a
//   setting, none by default (a missing training is a development need). By default a step asks for the training
//   of the level being left (an office's pola karier usually does; Jenjang's default [U]).
// - Competency: JPM (jpm.ts, the one rule) against the target's standard, at least the lowest category of the
//   selection set that still meets it (MMS) by default; never assessed or a partial assessment is unknown.

import { formatDateId, formatNumberId } from '../../format/id-format';
import { addMonths, type IsoDate } from '../dates';
import { skpDueDate, type AnnualSkp } from '../development';
import { educationLabel } from '../education';
import { golonganByCode, golonganWithPangkat, PNS_GOLONGAN, type GolonganCode } from '../golongan';
import { computeJpm, JPM_STATUS_LABELS, SELECTION_THRESHOLDS, type StandardItem } from '../jpm';
import { positionLevelInfo, type PositionLevel } from '../position';
import {
  DEFAULT_SUCCESSION_RULES, EDUCATION_RANK, hasLeadershipTraining, isStructuralLevel, requiredTrainingFor, targetRequirements, trainingShortLabel,
} from '../succession/requirements';
import { DEFAULT_DISCIPLINE_RULES, disciplineCheck, type DisciplineRecord, type DisciplineRules } from './discipline';
import { metOnlyByTime, skpCheck, timeCheck, type RequirementCheck } from './requirement';

export type MoveKind = 'horizontal' | 'vertical' | 'diagonal' | 'turun';
export const MOVE_KIND_LABELS: Record<MoveKind, string> = {
  horizontal: 'Horizontal', vertical: 'Vertikal', diagonal: 'Diagonal', turun: 'Ke jenjang lebih rendah',
};

/** The kind of a move between two position levels (position.ts seniority): functional ↔ non-functional is
 *  diagonal; otherwise by seniority. */
export function classifyMove(from: PositionLevel, to: PositionLevel): MoveKind {
  const a = positionLevelInfo(from)!;
  const b = positionLevelInfo(to)!;
  if ((a.kind === 'fungsional') !== (b.kind === 'fungsional')) return 'diagonal';
  if (b.seniority > a.seniority) return 'vertical';
  return b.seniority === a.seniority ? 'horizontal' : 'turun';
}

export interface StepRequirements {
  /** Lowest golongan (SIASN code); null: not asked. */
  minGolongan: GolonganCode | null;
  /** Lowest education, by the EDUCATION_RANK order (D-IV and S-1 one step); null: not asked. */
  education: { rank: number; label: string } | null;
  /** Leadership training (pkp, pka, pkn_2, pkn_1); a higher one covers it. */
  leadershipTraining: string | null;
  /** Lowest JPM percentage against the target's standard (unrounded). */
  minJpm: number | null;
  /** Months in the current level. */
  minMonthsInLevel: number | null;
  /** Number of latest final annual SKP that must be at least Baik (0: not asked). */
  skpYears: number;
  noRunningDiscipline: boolean;
}

export interface CareerFacts {
  golongan: GolonganCode | null;
  educationLevel: string | null;
  /** Training types followed and ended by the as-of day (development.ts codes). */
  trainings: readonly string[];
  /** Start of the time in the current level (cumulative within it). */
  levelSince: IsoDate | null;
  skp: readonly AnnualSkp[];
  discipline: readonly DisciplineRecord[];
  /** The person's latest level per competency (jpm.ts). */
  competencyLevels: ReadonlyMap<number, number>;
}

export interface StepTarget {
  requirements: StepRequirements;
  /** The target's standar kompetensi jabatan; empty: none set. */
  standard: readonly StandardItem[];
}

export interface StepAssessment {
  ready: boolean;
  checks: RequirementCheck[];
  /** Where time alone is missing: the day every requirement is met. */
  metOn: IsoDate | null;
}

/** D-IV and S-1 share a rank; SGPLB enters as D-II does and Dokter Spesialis I ranks as profesi. */
export function educationRank(level: string | null): number | null {
  if (!level) return null;
  const alias: Record<string, string> = { SGPLB: 'D2', SPESIALIS_1: 'PROFESI' };
  return EDUCATION_RANK[alias[level] ?? level] ?? null;
}

/** The years of the latest `count` annual SKP that are final on `asOf` (development.ts skpDueDate), oldest first. */
export function finalSkpYears(asOf: IsoDate, count: number): number[] {
  let latest = Number(asOf.slice(0, 4)) - 1;
  while (skpDueDate(latest) > asOf) latest -= 1;
  return Array.from({ length: count }, (_, i) => latest - count + 1 + i);
}

/** Every requirement of a step for one person on `asOf`. */
export function assessCareerStep(facts: CareerFacts, target: StepTarget, asOf: IsoDate, discipline: DisciplineRules = DEFAULT_DISCIPLINE_RULES): StepAssessment {
  const req = target.requirements;
  const checks: RequirementCheck[] = [];
  if (req.minGolongan !== null) {
    const have = golonganByCode(facts.golongan);
    const need = golonganByCode(req.minGolongan)!;
    const label = 'Pangkat';
    checks.push(!have || have.scheme !== 'pns'
      ? { key: 'pangkat', label, met: null, detail: 'Golongan belum diisi', metOn: null }
      : have.rank >= need.rank
        ? { key: 'pangkat', label, met: true, detail: `${golonganWithPangkat(have.code)}, minimal ${need.label}`, metOn: null }
        : { key: 'pangkat', label, met: false, detail: `${golonganWithPangkat(have.code)}, belum mencapai ${golonganWithPangkat(need.code)}`, metOn: null });
  }
  if (req.education) {
    const rank = educationRank(facts.educationLevel);
    const label = 'Pendidikan';
    checks.push(rank === null
      ? { key: 'pendidikan', label, met: null, detail: 'Pendidikan terakhir belum diisi', metOn: null }
      : rank >= req.education.rank
        ? { key: 'pendidikan', label, met: true, detail: `${educationLabel(facts.educationLevel)}, minimal ${req.education.label}`, metOn: null }
        : { key: 'pendidikan', label, met: false, detail: `${educationLabel(facts.educationLevel)}, belum mencapai ${req.education.label}`, metOn: null });
  }
  if (req.leadershipTraining) {
    const name = trainingShortLabel(req.leadershipTraining);
    const label = 'Pelatihan kepemimpinan';
    checks.push(hasLeadershipTraining(facts.trainings, req.leadershipTraining)
      ? { key: 'pelatihan', label, met: true, detail: `${name} atau yang lebih tinggi sudah diikuti`, metOn: null }
      : { key: 'pelatihan', label, met: false, detail: `Belum mengikuti ${name}`, metOn: null });
  }
  if (req.minJpm !== null) {
    const label = 'Kompetensi (JPM)';
    const threshold = `${formatNumberId(req.minJpm)}%`;
    const jpm = computeJpm(target.standard, facts.competencyLevels);
    const unknown = jpm.status === 'no_standard' ? 'Standar kompetensi jabatan tujuan belum ditetapkan' : `${JPM_STATUS_LABELS[jpm.status]} terhadap standar jabatan tujuan`;
    checks.push(jpm.status !== 'complete' || jpm.percent === null
      ? { key: 'jpm', label, met: null, detail: unknown, metOn: null }
      : jpm.percent >= req.minJpm
        ? { key: 'jpm', label, met: true, detail: `JPM ${formatNumberId(jpm.jpm)}%, minimal ${threshold}`, metOn: null }
        : { key: 'jpm', label, met: false, detail: `JPM ${formatNumberId(jpm.jpm)}%, di bawah ${threshold}`, metOn: null });
  }
  if (req.minMonthsInLevel !== null) {
    checks.push(timeCheck('masa_jenjang', 'Masa dalam jenjang', 'masa dalam jenjang jabatan sekarang', facts.levelSince, req.minMonthsInLevel, asOf));
  }
  if (req.skpYears > 0) checks.push(skpCheck(facts.skp, finalSkpYears(asOf, req.skpYears)));
  if (req.noRunningDiscipline) checks.push(disciplineCheck(facts.discipline, asOf, 'promotion_list', discipline));
  return { ready: checks.every((c) => c.met === true), checks, metOn: metOnlyByTime(checks) };
}

export interface MoveRules {
  /** Golongan steps below the eselon's lowest still accepted for appointment [C: one]. */
  golonganStepsBelowLowest: number;
  /** Months in the current structural level before a higher one [C, PP 100/2000 era]. */
  monthsInStructuralLevel: number;
  skpYears: number;
  /** Lowest JPM against the target's standard: the lowest percentage of the MMS selection category. */
  minJpm: number;
  /** Ask for the leadership training of the level being left [U: Jenjang's default]. */
  requireCurrentLevelTraining: boolean;
  /** Months after appointment to follow the new level's leadership training; null: no deadline [U]. */
  leadershipTrainingDeadlineMonths: number | null;
}

export const DEFAULT_MOVE_RULES: MoveRules = {
  golonganStepsBelowLowest: 1,
  monthsInStructuralLevel: 24,
  skpYears: 2,
  minJpm: SELECTION_THRESHOLDS.find((t) => t.category === 'MMS')!.min,
  requireCurrentLevelTraining: true,
  leadershipTrainingDeadlineMonths: null,
};

/**
 * The default requirements of a step into a structural level (its eselon or the level's lower one): the pangkat,
 * education of succession/requirements.ts targetRequirements with this rule's tolerance, SKP, JPM, no running
 * punishment, years in the current level when it is a higher structural level, and the training of the level left.
 */
export function structuralStepRequirements(from: PositionLevel, to: PositionLevel, eselon: string | null, rules: MoveRules = DEFAULT_MOVE_RULES): StepRequirements {
  if (!isStructuralLevel(to)) throw new RangeError(`Bukan jabatan struktural: ${to}`);
  const target = targetRequirements({ id: 0, name: '', level: to, eselon, minGolongan: null }, DEFAULT_SUCCESSION_RULES);
  const lowest = golonganByCode(target.minGolongan)!;
  const minRank = Math.max(1, lowest.rank - rules.golonganStepsBelowLowest);
  const minGolongan = PNS_GOLONGAN[minRank - 1].code;
  const higherStructural = isStructuralLevel(from) && classifyMove(from, to) === 'vertical';
  return {
    minGolongan,
    education: target.education,
    leadershipTraining: rules.requireCurrentLevelTraining ? (requiredTrainingFor(from)?.code ?? null) : null,
    minJpm: rules.minJpm,
    minMonthsInLevel: higherStructural ? rules.monthsInStructuralLevel : null,
    skpYears: rules.skpYears,
    noRunningDiscipline: true,
  };
}

/** The day the leadership training of the new level is due after appointment, or null without a deadline. */
export function leadershipTrainingDue(appointedOn: IsoDate, rules: MoveRules = DEFAULT_MOVE_RULES): IsoDate | null {
  return rules.leadershipTrainingDeadlineMonths === null ? null : addMonths(appointedOn, rules.leadershipTrainingDeadlineMonths);
}

/** "PKA wajib diikuti paling lambat 1 Maret 2028" for a newly appointed official; null without a deadline. */
export function leadershipTrainingDueText(to: PositionLevel, appointedOn: IsoDate, rules: MoveRules = DEFAULT_MOVE_RULES): string | null {
  const training = requiredTrainingFor(to);
  const due = leadershipTrainingDue(appointedOn, rules);
  return training && due ? `${trainingShortLabel(training.code)} wajib diikuti paling lambat ${formatDateId(due)}` : null;
}
