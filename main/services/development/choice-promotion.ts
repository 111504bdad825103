// KP pilihan of structural officials and KP penyesuaian ijazah (DOMAIN §14.1, shared/domain/careers/promotion.ts)
// for one period, as rows of the same nominative list as the regular KP (career.service.ts): each with its kind and
// the rule that makes the person eligible, or the unmet requirements that block them.
//
// Only those the time rule already admits are listed (as the regular list leaves out those short of 4 years in
// rank): a structural official short of the months in rank or in the position, or a degree dated after the period,
// is not a candidate of this period yet. The requirements the records cannot answer (the eselon, a date) make the
// row "data belum lengkap".

import {
  assessDegreePromotion, assessStructuralPromotion, type ChoicePromotionAssessment, type ChoicePromotionRules,
  type DisciplineRecord, type StudyBasis,
} from '../../../shared/domain/careers';
import { fullMonthsBetween, type IsoDate } from '../../../shared/domain/dates';
import { PROMOTION_DATA_REASONS, type AnnualSkp, type PromotionBlockReason } from '../../../shared/domain/development';
import type { SqlCondition } from '../../db/sql/employee-rows.sql';
import type { DevelopmentSql } from '../../db/sql/development';
import type { TupleSource } from '../../db/sql/tuples';
import type { PromotionRow } from '../../../shared/schemas/careers';

/** A candidate as the rule judged it, before the details shown on screen are read. */
export type JudgedCandidate = Pick<PromotionRow, 'employeeId' | 'nip' | 'golongan' | 'golonganTmt' | 'educationLevel' | 'targetGolongan' | 'monthsInRank' | 'status'
  | 'reasons' | 'missingDataOnly' | 'kind' | 'basis'> & { skpFacts: AnnualSkp[] };

/** Requirements that time alone brings: unmet, they mean "not a candidate of this period yet". */
const TIME_KEYS = new Set(['masa_pangkat', 'masa_jabatan', 'ijazah']);

/** The reason code of an unmet requirement, as the list counts and filters reasons. */
function reasonCode(key: string, met: boolean | null, detail: string): PromotionBlockReason {
  if (key === 'hukuman_disiplin') return 'discipline';
  if (key === 'skp') return met === null ? 'skp_unknown' : /belum ada/.test(detail) ? 'skp_missing' : 'skp_below';
  if (met === null) return 'data_incomplete';
  return 'requirement';
}

function judged(base: { employeeId: number; nip: string; golongan: number; golonganTmt: string | null; educationLevel: string | null },
  a: ChoicePromotionAssessment, period: IsoDate, skp: AnnualSkp[]): JudgedCandidate | null {
  if (a.status === 'not_applicable' || a.targetGolongan === null) return null;
  if (a.checks.some((c) => c.met === false && TIME_KEYS.has(c.key))) return null;
  const reasons = a.checks.filter((c) => c.met !== true).map((c) => ({ code: reasonCode(c.key, c.met, c.detail), message: c.detail }));
  return {
    ...base, kind: a.kind, basis: a.basis, targetGolongan: a.targetGolongan,
    monthsInRank: base.golonganTmt && base.golonganTmt <= period ? fullMonthsBetween(base.golonganTmt, period) : null,
    skpFacts: skp, status: reasons.length === 0 ? 'eligible' : 'blocked', reasons,
    missingDataOnly: reasons.length > 0 && reasons.every((x) => PROMOTION_DATA_REASONS.includes(x.code)),
  };
}

export async function judgeChoicePromotions(input: {
  /** SQLite's own connection, or a Run toward the server. */
  db: TupleSource;
  sql: DevelopmentSql;
  period: IsoDate;
  skpYears: [number, number];
  rules: ChoicePromotionRules;
  discipline: ReadonlyMap<number, DisciplineRecord[]>;
  subtree: SqlCondition | null;
  search: SqlCondition | null;
}): Promise<JudgedCandidate[]> {
  const { db, sql, period, rules } = input;
  const structural = await sql.careersLists.structuralPopulation(db, { subtree: input.subtree, search: input.search });
  const studies = await sql.careersLists.finishedStudies(db, { until: period, subtree: input.subtree, search: input.search });
  const ids = [...new Set([...structural.map((r) => r[0]), ...studies.map((r) => r[0])])];
  const skp = new Map<number, AnnualSkp[]>();
  for (const [employeeId, year, predikat, regime, legacyScore, legacyLabel] of await sql.careersLists.annualSkpOf(db, ids, input.skpYears)) {
    let list = skp.get(employeeId);
    if (!list) skp.set(employeeId, (list = []));
    list.push({ year, predikat, regime, legacyScore, legacyLabel });
  }
  const out: JudgedCandidate[] = [];
  for (const [employeeId, nip, golongan, golonganTmt, eselon, positionTmt, educationLevel] of structural) {
    if (golongan === null) continue;
    const a = assessStructuralPromotion({
      employmentType: 'PNS', status: 'active', golongan, golonganTmt, eselon, structuralSince: positionTmt,
      skp: skp.get(employeeId) ?? [], discipline: input.discipline.get(employeeId) ?? [],
    }, period, rules);
    const row = judged({ employeeId, nip, golongan, golonganTmt, educationLevel }, a, period, skp.get(employeeId) ?? []);
    if (row) out.push(row);
  }
  // One row per person: the degree that lifts them highest when several are finished.
  const byPerson = new Map<number, JudgedCandidate>();
  for (const [employeeId, nip, golongan, golonganTmt, mkYears, mkMonths, educationLevel, basis, level, startDate, izinDate, graduationDate, upkp, needed] of studies) {
    if (golongan === null) continue;
    const mkgYears = mkYears === null || !golonganTmt ? null : Math.floor((mkYears * 12 + (mkMonths ?? 0) + (golonganTmt <= period ? fullMonthsBetween(golonganTmt, period) : 0)) / 12);
    const a = assessDegreePromotion({
      employmentType: 'PNS', status: 'active', golongan, golonganTmt, mkgYears,
      education: {
        level, graduationDate, basis: basis as StudyBasis, studyStart: startDate, izinDate,
        upkpPassed: upkp === null ? null : upkp === 1, neededByPosition: needed === null ? null : needed === 1,
      },
      skp: skp.get(employeeId) ?? [], discipline: input.discipline.get(employeeId) ?? [],
    }, period, rules);
    const row = judged({ employeeId, nip, golongan, golonganTmt, educationLevel }, a, period, skp.get(employeeId) ?? []);
    const kept = byPerson.get(employeeId);
    if (row && (!kept || row.targetGolongan > kept.targetGolongan || (row.status === 'eligible' && kept.status !== 'eligible' && row.targetGolongan === kept.targetGolongan))) byPerson.set(employeeId, row);
  }
  out.push(...byPerson.values());
  return out;
}

export const REGULAR_PROMOTION_BASIS = 'KP reguler: paling singkat 4 tahun dalam pangkat terakhir';
