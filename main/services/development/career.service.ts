// Career moves: rotation candidates (PP 11/2017 Pasal 190(3): flag after N years in the same position, N ≥ 2)
// and the regular-promotion nominative list for a period of the calendar in Pengaturan (PP 99/2000 Pasal 7:
// ≥ 4 years in rank, at least Baik in each of the last 2 annual SKP that are due by the period's usulan deadline,
// not above the education ceiling), with its usulan workbook. The same list holds the KP pilihan of structural
// officials and penyesuaian ijazah (choice-promotion.ts); the KGB and Satyalancana lists are entitlements.ts.
//
// The promotion list is computed on request from one query: the active PNS long enough in rank at the TMT,
// with their two annual SKP joined by the unique (employee, year, period) index, then judged by the shared rule.
// "Years in position" is counted from TMT jabatan as recorded on the employee.
//
// A hukuman disiplin running on the TMT of the period blocks the candidate with its reason (discipline.ts; which
// categories block is in Pengaturan). A candidate blocked only because data is missing (an SKP not entered, no
// TMT golongan or education) is marked "terhalang data belum lengkap": completing the record may clear them.

import type { DataSource } from 'typeorm';
import { addMonths, type IsoDate } from '../../../shared/domain/dates';
import {
  assessRegularPromotion, isPromotionPeriod, monthsInPosition, promotionDeadline, promotionPeriodsBetween, promotionSkpYears,
  PROMOTION_DATA_REASONS, REGULAR_PROMOTION_MONTHS_IN_RANK, rotationCutoff, serviceYearsMonths, skpLabel, skpMeetsBaik, SPECIALIST_STEP, upcomingPromotionPeriods,
  type AnnualSkp, type PromotionCalendarRule, type PromotionSkpRule,
} from '../../../shared/domain/development';
import {
  DEFAULT_CHOICE_PROMOTION_RULES, DEFAULT_DISCIPLINE_RULES, disciplineBlock, type ChoicePromotionRules, type DisciplineKind, type DisciplineRecord, type DisciplineRules,
} from '../../../shared/domain/careers';
import { formatDateId } from '../../../shared/format/id-format';
import { AppError } from '../../../shared/errors';
import { PROMOTION_KIND_CODES, type PromotionRow } from '../../../shared/schemas/careers';
import type { SqlDialect } from '../../db/sql';
import type { PromotionFacts } from '../../db/sql/development/careers.sql';
import { employeeSearchCondition } from '../../db/sql/employee-rows.sql';
import { dialectOfManager, managerRun, type Run } from '../../db/sql/run';
import type { Clock } from '../clock';
import { collator, rollupByUnit, unitScope } from './common';
import { tupleSourceOf } from '../../db/sql/tuples';
import { DEFAULT_CAREER_LIST_RULES, EntitlementLists, type CareerListRules } from './entitlements';
import { judgeChoicePromotions, REGULAR_PROMOTION_BASIS, type JudgedCandidate } from './choice-promotion';
import { buildPromotionWorkbook } from './promotion-workbook';
import type { DevelopmentSettingsStore } from './settings';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Years of periods the picker offers before and after the current year. */
const PICKER_YEARS_BACK = 3;
const PICKER_YEARS_AHEAD = 1;

export type { JudgedCandidate };

export interface PromotionFilter {
  period?: IsoDate;
  unitId?: number;
  status: 'eligible' | 'blocked' | 'missing_data' | 'all';
  kind?: PromotionRow['kind'];
  reason?: string;
  search?: string;
}

interface CandidateList {
  period: IsoDate;
  deadline: IsoDate;
  skpYears: [number, number];
  rows: JudgedCandidate[];
}

interface PromotionListRules {
  calendar: PromotionCalendarRule[];
  skp: PromotionSkpRule;
  discipline: DisciplineRules;
  choice: ChoicePromotionRules;
}

/** The period asked for (which must be one of the calendar), or the next one after `today`. */
function periodOf(calendar: readonly PromotionCalendarRule[], period: IsoDate | undefined, today: IsoDate): IsoDate {
  if (period === undefined) {
    const next = upcomingPromotionPeriods(today, calendar, 1)[0];
    if (!next) throw new AppError('validation', 'Kalender periode kenaikan pangkat tidak memuat periode dalam 10 tahun ke depan; periksa Pengaturan.');
    return next;
  }
  if (!isPromotionPeriod(period, calendar)) {
    throw AppError.validation([{ path: 'period', message: `${formatDateId(period)} bukan periode kenaikan pangkat menurut kalender di Pengaturan.` }]);
  }
  return period;
}

/** The cache key of a period's list for a unit and a search. */
function candidateCacheKey(period: IsoDate, filter: { unitId?: number; search?: string }): string {
  return [period, filter.unitId ?? '', filter.search?.trim() ?? ''].join('|');
}

/** The regular KP rule's answer for one set of facts (shared by everyone who has them), with those facts. */
interface RegularVerdict {
  golongan: number;
  golonganTmt: string | null;
  educationLevel: string | null;
  skp: AnnualSkp[];
  assessment: ReturnType<typeof assessRegularPromotion>;
  missingDataOnly: boolean;
}

/** Verdicts kept per period at most: a district has about 2,000 distinct sets of facts. */
const REGULAR_VERDICTS_KEPT = 20_000;

/** The Beranda "jatuh tempo" panel looks this many months ahead. */
export const DUE_SOON_MONTHS = 3;

export class CareerService {
  private readonly sql: SqlDialect['development'];
  private readonly employeesSql: SqlDialect['employees'];
  private readonly candidateCache = new Map<string, CandidateList>();
  private rulesCache: PromotionListRules | null = null;
  private cacheVersion = '';
  /** The regular rule's verdicts per set of facts, for one period and its two SKP years. The rule is a pure function
   *  of those (assessRegularPromotion), so unlike the lists this memo outlives writes: after an edit only facts
   *  nobody had before are judged again. Replaced when another period is asked for. */
  private regularVerdicts: { key: string; byFacts: Map<string, RegularVerdict> } = { key: '', byFacts: new Map() };
  /** KGB and Satyalancana Karya Satya lists. */
  readonly entitlements: EntitlementLists;

  constructor(
    private readonly dataSource: DataSource, sql: SqlDialect, private readonly clock: Clock, private readonly settings: DevelopmentSettingsStore,
    private readonly disciplineRules: () => Promise<DisciplineRules> = async () => DEFAULT_DISCIPLINE_RULES,
    listRules: () => Promise<CareerListRules> = async () => DEFAULT_CAREER_LIST_RULES,
    /** The KP pilihan and penyesuaian ijazah rules of Pengaturan (career-rules.settings.ts choicePromotionRulesOf). */
    private readonly choiceRules: () => Promise<Omit<ChoicePromotionRules, 'calendar'>> = async () => DEFAULT_CHOICE_PROMOTION_RULES,
  ) {
    this.sql = sql.development;
    this.employeesSql = sql.employees;
    this.entitlements = new EntitlementLists(dataSource, sql, clock, listRules);
  }

  /** Every hukuman disiplin on record, per employee. */
  async disciplineByEmployee(): Promise<Map<number, DisciplineRecord[]>> {
    const out = new Map<number, DisciplineRecord[]>();
    for (const [employeeId, kind, startDate, endDate] of await this.sql.careersLists.disciplineAll(tupleSourceOf(this.dataSource))) {
      let list = out.get(employeeId);
      if (!list) out.set(employeeId, (list = []));
      list.push({ kind: kind as DisciplineKind, startDate, endDate });
    }
    return out;
  }

  private get read(): Run {
    return managerRun(this.dataSource);
  }

  /** The periods the picker offers: every period of the calendar from three years back to the end of next year. */
  async periods(today: IsoDate = this.clock.today()) {
    const { promotionCalendar } = await this.settings.get();
    const year = Number(today.slice(0, 4));
    const periods = promotionPeriodsBetween(`${year - PICKER_YEARS_BACK}-01-01`, `${year + PICKER_YEARS_AHEAD}-12-31`, promotionCalendar);
    return { today, next: upcomingPromotionPeriods(today, promotionCalendar, 1)[0] ?? null, periods, calendar: promotionCalendar };
  }

  /**
   * The settings the promotion list is judged by (the calendar, the SKP deadline, the discipline and KP pilihan
   * rules), read once until the next write: a change of a setting is a write like any other.
   */
  private async rulesNow(): Promise<PromotionListRules> {
    const version = await this.sql.careers.dataVersion(tupleSourceOf(this.dataSource));
    if (version !== this.cacheVersion) {
      // Something was written (data or settings): every cached list is stale (and would only hold memory).
      this.candidateCache.clear();
      this.rulesCache = null;
      this.cacheVersion = version;
    }
    if (!this.rulesCache) {
      const { promotionCalendar, promotionDeadlineMonths, skpFinalMonth } = await this.settings.get();
      const discipline = await this.disciplineRules();
      this.rulesCache = {
        calendar: promotionCalendar, skp: { deadlineMonths: promotionDeadlineMonths, skpFinalMonth }, discipline,
        choice: { ...await this.choiceRules(), discipline, calendar: promotionCalendar },
      };
    }
    return this.rulesCache;
  }

  /**
   * Every candidate of the period (eligible and blocked), judged by the shared rules (regular KP, KP pilihan of
   * structural officials, penyesuaian ijazah: choice-promotion.ts), by kind and in nominative-list order: the
   * higher golongan first, then the longer in rank, then by NIP (older first). Only the columns the rule
   * needs are read here; the details of the rows shown come from promotionDetails. Paging and filtering the same
   * list again is served from a cache that any write to the database invalidates (the connection's
   * total_changes(), and data_version for writes by another process such as a CLI import).
   */
  async promotionCandidates(filter: PromotionFilter, today: IsoDate = this.clock.today()): Promise<CandidateList> {
    const rules = await this.rulesNow();
    const period = periodOf(rules.calendar, filter.period, today);
    const key = candidateCacheKey(period, filter);
    const cached = this.candidateCache.get(key);
    if (cached) return cached;
    const skpYears = promotionSkpYears(period, rules.skp);
    const out = await this.judgeCandidates(rules, period, skpYears, filter, false);
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    // Grouped by kind (the regular KP first, as the usulan sheets are), then the nominative-list order.
    const kindOrder = (k: JudgedCandidate['kind']) => PROMOTION_KIND_CODES.indexOf(k);
    out.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || b.golongan - a.golongan || text(a.golonganTmt ?? '', b.golonganTmt ?? '') || text(a.nip, b.nip));
    const result = { period, deadline: promotionDeadline(period, rules.skp), skpYears, rows: out };
    if (this.candidateCache.size >= 4) this.candidateCache.delete(this.candidateCache.keys().next().value!);
    this.candidateCache.set(key, result);
    return result;
  }

  /**
   * The candidates of the period judged by the shared rules: the regular KP of those the time rule admits (read with
   * their two annual SKP), then the KP pilihan and penyesuaian ijazah. `completeOnly` reads only the regular
   * candidates whom missing data does not already block: what a count of the eligible needs.
   */
  private async judgeCandidates(rules: PromotionListRules, period: IsoDate, skpYears: [number, number],
    filter: { unitId?: number; search?: string }, completeOnly: boolean): Promise<JudgedCandidate[]> {
    const db = tupleSourceOf(this.dataSource);
    const scope = await unitScope(this.sql, this.read, filter.unitId);
    const tuples = await this.sql.careers.promotionCandidates(db, {
      skpYears, rankCutoff: addMonths(period, -REGULAR_PROMOTION_MONTHS_IN_RANK), shortStepCutoff: addMonths(period, -SPECIALIST_STEP.months),
      shortStep: { golongan: SPECIALIST_STEP.from, educationLevel: SPECIALIST_STEP.educationLevel },
      subtree: scope.condition, search: employeeSearchCondition(filter.search ?? '', 'e', dialectOfManager(this.dataSource)), completeOnly,
    });
    const out: JudgedCandidate[] = [];
    const none: AnnualSkp[] = [];
    const discipline = await this.disciplineByEmployee();
    const annual = (f: PromotionFacts, at: number): AnnualSkp =>
      ({ year: f[at] as number, predikat: f[at + 1] as string | null, regime: f[at + 2] as string | null, legacyScore: f[at + 3] as number | null, legacyLabel: f[at + 4] as string | null });
    // The rule reads only golongan, TMT golongan, education and the two SKP, and many people share them (a TMT
    // golongan falls on a period's first day, predikat are few): it is asked once per distinct set of facts (the
    // statement's text of them), and the people who share them share its answer (never changed afterwards: a
    // discipline reason makes a new list).
    const memoKey = `${period}|${skpYears.join(',')}`;
    if (this.regularVerdicts.key !== memoKey || this.regularVerdicts.byFacts.size > REGULAR_VERDICTS_KEPT) this.regularVerdicts = { key: memoKey, byFacts: new Map() };
    const verdicts = this.regularVerdicts.byFacts;
    for (const [employeeId, nip, factsText] of tuples) {
      let verdict = verdicts.get(factsText);
      if (!verdict) {
        const f = JSON.parse(factsText) as PromotionFacts;
        const [golongan, golonganTmt, educationLevel] = f;
        const skp = f[3] === null ? (f[8] === null ? none : [annual(f, 8)]) : f[8] === null ? [annual(f, 3)] : [annual(f, 3), annual(f, 8)];
        const assessment = assessRegularPromotion({ employmentType: 'PNS', status: 'active', golongan, golonganTmt, educationLevel, skp }, period, skpYears);
        const { reasons } = assessment;
        verdict = { golongan, golonganTmt, educationLevel, skp, assessment, missingDataOnly: reasons.length > 0 && reasons.every((x) => PROMOTION_DATA_REASONS.includes(x.code)) };
        verdicts.set(factsText, verdict);
      }
      const { assessment } = verdict;
      if (assessment.status !== 'eligible' && assessment.status !== 'blocked') continue;
      let reasons: JudgedCandidate['reasons'] = assessment.reasons;
      let { missingDataOnly } = verdict;
      const records = discipline.get(employeeId);
      if (records) {
        const block = disciplineBlock(records, period, 'kp', rules.discipline);
        if (block.blocked) {
          reasons = [...reasons, { code: 'discipline', message: block.message }];
          missingDataOnly = false;
        }
      }
      const { golongan, golonganTmt, educationLevel } = verdict;
      out.push({
        employeeId, nip, golongan, golonganTmt, educationLevel, kind: 'reguler', basis: REGULAR_PROMOTION_BASIS, targetGolongan: assessment.targetGolongan!,
        monthsInRank: assessment.monthsInRank, skpFacts: verdict.skp, status: reasons.length === 0 ? 'eligible' : 'blocked', reasons, missingDataOnly,
      });
    }
    out.push(...await judgeChoicePromotions({
      db, sql: this.sql, period, skpYears, discipline, rules: rules.choice,
      subtree: scope.condition, search: employeeSearchCondition(filter.search ?? '', 'e', dialectOfManager(this.dataSource)),
    }));
    return out;
  }

  /** Names, birth, education, position and unit of the given candidates, for the rows shown or exported. */
  async promotionDetails(candidates: readonly JudgedCandidate[], period: IsoDate, skpYears: [number, number]): Promise<PromotionRow[]> {
    const details = await this.sql.careers.promotionDetails(this.read, candidates.map((c) => c.employeeId));
    return candidates.map(({ skpFacts, ...c }) => {
      const d = details.get(c.employeeId)!;
      const notes: string[] = [];
      if (d.positionKind === 'fungsional') notes.push('Pejabat fungsional: KP jabatan fungsional juga mensyaratkan angka kredit (belum diperiksa).');
      return {
        ...c, skp: skpYears.map((year) => {
          const f = skpFacts.find((x) => x.year === year);
          return f ? { year, label: skpLabel(f), meets: skpMeetsBaik(f) } : { year, label: 'belum ada', meets: 'missing' as const };
        }),
        name: d.fullName, birthPlace: d.birthPlace, birthDate: d.birthDate, service: serviceYearsMonths(d.cpnsTmt, period),
        educationMajor: d.educationMajor, educationYear: d.educationYear, positionName: d.positionName, positionKind: d.positionKind,
        unitName: d.unitName, opdName: d.opdName, notes,
      };
    });
  }

  async promotionList(request: PromotionFilter & { offset: number; limit: number }) {
    const { period, deadline, skpYears, rows } = await this.promotionCandidates(request);
    const byReason: Record<string, number> = {};
    let eligible = 0;
    let missingDataOnly = 0;
    // People with the same facts share one reasons list (judgeCandidates): its distinct codes are found once.
    const codesOf = new Map<JudgedCandidate['reasons'], string[]>();
    for (const row of rows) {
      if (row.status === 'eligible') eligible += 1;
      if (row.missingDataOnly) missingDataOnly += 1;
      let codes = codesOf.get(row.reasons);
      if (!codes) codesOf.set(row.reasons, (codes = [...new Set(row.reasons.map((x) => x.code))]));
      for (const code of codes) byReason[code] = (byReason[code] ?? 0) + 1;
    }
    const shown = rows.filter((r) => (request.status === 'all' || r.status === request.status || (request.status === 'missing_data' && r.missingDataOnly))
      && (!request.kind || r.kind === request.kind) && (!request.reason || r.reasons.some((x) => x.code === request.reason)));
    return {
      period, deadline, skpYears, counts: { eligible, blocked: rows.length - eligible, missingDataOnly, byReason },
      total: shown.length, rows: await this.promotionDetails(shown.slice(request.offset, request.offset + request.limit), period, skpYears),
    };
  }

  /** The usulan workbook of a period: the eligible on the first sheet, the blocked with their reasons on the second. */
  async promotionExport(request: { period?: IsoDate; unitId?: number }, printedBy: string | null = null) {
    const { period, skpYears, rows: judged } = await this.promotionCandidates({ ...request, status: 'all' });
    const rows = await this.promotionDetails(judged, period, skpYears);
    const scope = await unitScope(this.sql, this.read, request.unitId);
    const buffer = await buildPromotionWorkbook({ period, skpYears, unitName: scope.unit?.name ?? null, rows, generatedOn: this.clock.today(), printedBy });
    return {
      fileName: `usulan-kp-reguler-${period}.xlsx`, mimeType: XLSX_MIME, base64: buffer.toString('base64'),
      // What the export log records: the period and unit as the screen names them, and the rows written.
      logged: { period, unitName: scope.unit?.name ?? null, rowCount: rows.length },
    };
  }

  /**
   * Eligible count for the next period after `asOf` (the Beranda panel; stats --json "promotionEligibleNextPeriod"):
   * the list's count when the list of the district is cached, else only the candidates who can be eligible are
   * read and judged by the same rule (judgeCandidates), without the sort and the rows of the list.
   */
  async eligibleNextPeriod(asOf: IsoDate): Promise<{ period: IsoDate; eligible: number }> {
    const rules = await this.rulesNow();
    const period = periodOf(rules.calendar, undefined, asOf);
    const cached = this.candidateCache.get(candidateCacheKey(period, {}));
    const rows = cached?.rows ?? await this.judgeCandidates(rules, period, promotionSkpYears(period, rules.skp), {}, true);
    let eligible = 0;
    for (const r of rows) if (r.status === 'eligible') eligible += 1;
    return { period, eligible };
  }

  /**
   * What falls due soon, for the Beranda panel: the eligible of the next KP period, the KGB of this month and the
   * two after it (as the KGB tab opens), the active reaching TMT pensiun and the eligible reaching a Satyalancana
   * Karya Satya in the next three months. Each figure is the count its list shows.
   */
  async dueSoon(today: IsoDate = this.clock.today()) {
    const until = addMonths(today, DUE_SOON_MONTHS);
    const promotion = await this.eligibleNextPeriod(today);
    const kgb = await this.entitlements.kgbJudged({});
    const retirement = await this.employeesSql.activeRetirementDue(this.read, today, until);
    return {
      today, until,
      promotion: { period: promotion.period, eligible: promotion.eligible },
      kgb: { fromMonth: kgb.fromMonth, toMonth: kgb.toMonth, due: kgb.rows.filter((r) => r.status === 'due').length, blocked: kgb.rows.filter((r) => r.status === 'blocked').length },
      retirement: retirement.upcoming,
      satyalancana: await this.entitlements.satyalancanaReachedBetween(today, until),
    };
  }

  // Rotation --------------------------------------------------------------------------------------------------

  /** Active PNS whose TMT jabatan is at least `rotationYears` ago. */
  async rotation(request: { unitId?: number; kind?: string; search?: string; offset: number; limit: number }, today: IsoDate = this.clock.today()) {
    const { rotationYears } = await this.settings.get();
    const cutoff = rotationCutoff(today, rotationYears);
    const scope = await unitScope(this.sql, this.read, request.unitId);
    const perUnit = await this.sql.careers.rotationPerUnit(this.read, { cutoff, kind: request.kind, subtree: scope.condition });
    const units = rollupByUnit(await this.sql.units.units(this.read), perUnit, ['population', 'candidates'] as const, scope.unit)
      .filter((u) => u.population > 0)
      .sort((a, b) => b.candidates - a.candidates || collator.compare(a.unitName, b.unitName))
      .map((u) => ({ unitId: u.unitId, unitName: u.unitName, candidates: u.candidates, population: u.population }));
    const { total, rows } = await this.sql.careers.rotationPage(this.read, {
      cutoff, kind: request.kind, subtree: scope.condition, search: employeeSearchCondition(request.search ?? '', 'e', dialectOfManager(this.dataSource)), offset: request.offset, limit: request.limit,
    });
    return {
      years: rotationYears, cutoff, total,
      rows: rows.map((r) => ({
        employeeId: r.employeeId, nip: r.nip, name: r.fullName, positionName: r.positionName, positionKind: r.positionKind,
        positionLevel: r.positionLevel, unitName: r.unitName, opdName: r.opdName, positionTmt: r.positionTmt,
        monthsInPosition: monthsInPosition(r.positionTmt, today) ?? 0, golongan: r.golongan,
      })),
      units,
    };
  }

  async rotationCount(asOf: IsoDate): Promise<number> {
    const { rotationYears } = await this.settings.get();
    return this.sql.careers.rotationCount(this.read, rotationCutoff(asOf, rotationYears));
  }
}
