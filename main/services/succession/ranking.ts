// Candidates ranked over the whole district for one target post, each with an explained score and a checklist;
// one person against one post with what they still need.

import { jpmOfSums, type JpmSums } from '../../../shared/domain/jpm';
import {
  basicFilterSpec, CHECK_KEYS, rumpunOfPost, compareEvaluations, createBasicFilter, createQuickEvaluator, developmentNeeds, evaluateCandidate, golonganRankOf,
  type BasicFacts, type CandidateEvaluation, type CandidateFacts, type CheckKey, type NamedStandardItem, type QuickEvaluation, type RankKey,
} from '../../../shared/domain/succession';
import { AppError } from '../../../shared/errors';
import type { CandidateDetail, RankedCandidate, RankResult } from '../../../shared/schemas/succession';
import type { SqlDialect } from '../../db/sql';
import { employeeSearchCondition } from '../../db/sql/employee-rows.sql';
import type { TupleSource } from '../../db/sql/tuples';
import { dialectOf, type Run } from '../../db/sql/run';
import { HISTORY_SEPARATOR, OPD_MARK, type EmployeeSummaryRow, type FactsRow } from '../../db/sql/succession/ranking.sql';
import { weightList, type Target } from './targets';

/** SKP older than this many years before today's year does not count as "the last two years". */
const SKP_LOOKBACK_YEARS = 3;

export interface RankRequest {
  positionId: number;
  includeIneligible: boolean;
  completeDataOnly: boolean;
  search?: string;
  offset: number;
  limit: number;
}

const CHECK_LABEL_FALLBACK: Record<CheckKey, string> = {
  status_pns: 'Berstatus PNS', golongan: 'Golongan minimum', jenjang: 'Jenjang jabatan', masa_jabatan: 'Lama pada jabatan saat ini',
  pendidikan: 'Pendidikan minimal', usia: 'Batas usia', pensiun: 'Pensiun setelah perkiraan lowong', hukuman_disiplin: 'Tidak sedang menjalani hukuman disiplin', skp: 'Predikat SKP',
  talenta: 'Kotak talenta', jpm: 'JPM', diklat: 'Diklat kepemimpinan',
};

export function evaluationDto(e: CandidateEvaluation) {
  return { eligible: e.eligible, failed: e.failed, checklist: e.checklist, components: e.components, score: e.score, coverage: e.coverage, suggestedReadiness: e.suggestedReadiness };
}

export function summaryDto(s: EmployeeSummaryRow) {
  return {
    employeeId: s.employeeId, nip: s.nip, fullName: s.fullName, positionId: s.positionId, positionName: s.positionName, positionLevel: s.positionLevel,
    unitName: s.unitName, opdName: s.opdName, golongan: s.golongan, retirementDate: s.retirementDate, status: s.status, planCount: s.planCount,
  };
}

/** The sums of the target's standard the JPM of every candidate is completed with. */
const standardSums = (standard: readonly NamedStandardItem[]): Pick<JpmSums, 'standardCount' | 'requiredSum'> =>
  ({ standardCount: standard.length, requiredSum: standard.reduce((s, x) => s + x.requiredLevel, 0) });

export class SuccessionRanking {
  /** `source` gives where the district-wide reads go: SQLite's own connection (prepared statements answering arrays)
   *  or, in team mode, the Run toward the server. */
  constructor(private readonly sql: SqlDialect, private readonly read: Run, private readonly source: () => TupleSource) {}

  /** The target post's competency standard, in the dictionary's order. */
  async standardOf(positionId: number): Promise<NamedStandardItem[]> {
    return (await this.sql.competency.standardOf(this.read, positionId)).map((r) => ({ competencyId: r.competency_id, code: r.code, name: r.name, requiredLevel: r.required_level }));
  }

  /** Candidates ranked over every active employee of the district (the incumbent excluded). */
  async rank(target: Target, request: RankRequest): Promise<RankResult> {
    const { ctx, req } = target;
    const sql = this.sql.succession.ranking;

    // 1. Every active employee against the requirements that need only the employee record (status, golongan,
    //    level, years in post, education, age, retirement). Usually in SQLite, on a covering index of the active
    //    people: one aggregate row counts the failures per requirement, and a read by the positions whose level
    //    can qualify returns only those who pass, with their facts (step 2). Listing the ineligible needs
    //    everyone's record, so then the same rules run in TypeScript over all of them.
    const dialect = dialectOf(this.read);
    const search = employeeSearchCondition(request.search ?? '', 'e', dialect);
    const spec = basicFilterSpec(req, ctx);
    const basicFailed = new Map<number, CheckKey[]>();
    const reasonCounts = new Map<CheckKey, number>();
    const basicsById = new Map<number, BasicFacts>();
    const passing: number[] = [];
    const standard = await this.standardOf(target.position.id);
    let evaluated: number;
    let facts: Map<number, CandidateFacts>;
    if (request.includeIneligible) {
      const basics = (await sql.basicFacts(this.source(), search)).filter((b) => b.employeeId !== target.incumbent?.employeeId);
      const basicFilter = createBasicFilter(req, ctx);
      for (const b of basics) {
        basicsById.set(b.employeeId, b);
        const failed = basicFilter(b);
        if (failed.length === 0) passing.push(b.employeeId);
        else basicFailed.set(b.employeeId, failed);
        for (const key of failed) reasonCounts.set(key, (reasonCounts.get(key) ?? 0) + 1);
      }
      evaluated = basics.length;
      facts = await this.factsOf(passing, target, standard);
    } else {
      const fails = sql.basicFailConditions(spec, await sql.failingPositionIds(this.read, spec.failingLevels), dialect);
      const counted = await sql.basicFailureCounts(this.source(), fails, search, target.incumbent?.employeeId ?? null);
      evaluated = counted.evaluated;
      for (const [key, n] of counted.byKey) if (n > 0) reasonCounts.set(key, n);
      // 2. The others' data (SKP, talent and training from succession_employee_facts; JPM sums against the
      //    standard) with each person's record, only for those who pass; then eligibility and score without texts.
      facts = this.toFacts(await sql.poolFacts(this.source(), { targetPositionId: target.position.id, spec, filter: search, excludeId: target.incumbent?.employeeId ?? null }), target, standard);
    }

    for (const f of facts.values()) basicsById.set(f.employeeId, f);
    const quick = createQuickEvaluator(req, ctx, { basicsChecked: true });
    const eligible: QuickEvaluation[] = [];
    const failedBySkp: QuickEvaluation[] = [];
    for (const f of facts.values()) {
      const q = quick(f);
      (q.eligible ? eligible : failedBySkp).push(q);
    }
    // "Only complete data": the people whose facts were read (everyone who passes the basic requirements) with
    // data for every weighted component; the others are still counted.
    const listed = (list: QuickEvaluation[]) => (request.completeDataOnly ? list.filter((q) => q.complete) : list);
    const sortKey = (employeeId: number, isEligible: boolean, score: number | null, coverage: number, failedCount: number): RankKey => {
      const b = basicsById.get(employeeId)!;
      return { employeeId, eligible: isEligible, score, coverage, failedCount, golonganRank: golonganRankOf(b.golongan), retirementDate: b.retirementDate };
    };
    const ordered = listed(eligible).map((e) => sortKey(e.employeeId, true, e.score, e.coverage, 0)).sort(compareEvaluations);

    // Ineligible people, when asked: fewest unmet requirements first (those failing only on SKP included).
    let ineligibleOrdered: RankKey[] = [];
    if (request.includeIneligible) {
      ineligibleOrdered = [
        ...listed(failedBySkp).map((e) => sortKey(e.employeeId, false, null, e.coverage, e.failed.length)),
        ...(request.completeDataOnly ? [] : [...basicFailed].map(([employeeId, failed]) => sortKey(employeeId, false, null, 0, failed.length))),
      ].sort(compareEvaluations);
    }
    const all = [...ordered, ...ineligibleOrdered];
    const page = all.slice(request.offset, request.offset + request.limit);

    // 3. The detailed evaluation (checklist and explained score) only for the rows on this page.
    const missing = page.filter((p) => !facts.has(p.employeeId)).map((p) => p.employeeId);
    const pageFacts = await this.factsOf(missing, target, standard);
    const summaries = await sql.employeeSummaries(this.read, page.map((p) => p.employeeId));
    const inPlan = await sql.planMembers(this.read, target.position.id);

    if (failedBySkp.length > 0) reasonCounts.set('skp', failedBySkp.length);
    const rows = page.map((p, i): RankedCandidate => {
      const evaluation = evaluateCandidate(facts.get(p.employeeId) ?? pageFacts.get(p.employeeId)!, req, ctx);
      return { ...summaryDto(summaries.get(p.employeeId)!), ...evaluationDto(evaluation), rank: evaluation.eligible ? request.offset + i + 1 : null, inThisPlan: inPlan.has(p.employeeId) };
    });
    const labels = new Map(rows[0]?.checklist.map((i) => [i.key, i.label]) ?? []);

    return {
      positionId: target.position.id,
      vacancyDate: target.vacancyDate,
      weights: weightList(target.settings),
      evaluated,
      eligible: eligible.length,
      completeData: eligible.filter((e) => e.complete).length,
      withoutAssessment: eligible.filter((e) => {
        const status = facts.get(e.employeeId)?.jpm.status;
        return status === 'not_assessed' || status === 'partial';
      }).length,
      ineligible: evaluated - eligible.length,
      ineligibleByReason: CHECK_KEYS.filter((k) => reasonCounts.has(k)).map((key) => ({ key, label: labels.get(key) ?? CHECK_LABEL_FALLBACK[key], count: reasonCounts.get(key)! })),
      total: all.length,
      offset: request.offset,
      rows,
    };
  }

  /** One person against one position, with what they still need for it. */
  async candidate(target: Target, employeeId: number): Promise<CandidateDetail> {
    const standard = await this.standardOf(target.position.id);
    const evaluation = (await this.evaluate([employeeId], target, standard)).get(employeeId);
    if (!evaluation) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
    const summaries = await this.sql.succession.ranking.employeeSummaries(this.read, [employeeId]);
    const levels = (await this.sql.competency.levelsOf(this.read, [employeeId], standard.map((s) => s.competencyId))).get(employeeId) ?? new Map<number, number>();
    const inPlan = await this.sql.succession.ranking.planMembers(this.read, target.position.id);
    return {
      positionId: target.position.id,
      vacancyDate: target.vacancyDate,
      candidate: { ...summaryDto(summaries.get(employeeId)!), ...evaluationDto(evaluation), rank: null, inThisPlan: inPlan.has(employeeId) },
      developmentNeeds: developmentNeeds(evaluation, standard, levels, target.req),
      competencies: standard.map((s) => ({ competencyId: s.competencyId, code: s.code, name: s.name, requiredLevel: s.requiredLevel, level: levels.get(s.competencyId) ?? null })),
    };
  }

  /** The detailed evaluation of chosen people (a plan's candidates). */
  async evaluate(ids: readonly number[], target: Target, standard: readonly NamedStandardItem[]): Promise<Map<number, CandidateEvaluation>> {
    return this.evaluateRows(await this.factsRowsOf(ids, target.position.id), target, standard);
  }

  /** The facts rows of chosen people against a post (read before the target is known, beside other reads). */
  factsRowsOf(ids: readonly number[], targetPositionId: number): Promise<FactsRow[]> {
    return this.sql.succession.ranking.factsOf(this.source(), ids, targetPositionId);
  }

  /** The detailed evaluation of the people of these facts rows. */
  evaluateRows(rows: readonly FactsRow[], target: Target, standard: readonly NamedStandardItem[]): Map<number, CandidateEvaluation> {
    const facts = this.toFacts(rows, target, standard);
    return new Map([...facts].map(([id, f]) => [id, evaluateCandidate(f, target.req, target.ctx)]));
  }

  private async factsOf(ids: readonly number[], target: Target, standard: readonly NamedStandardItem[]): Promise<Map<number, CandidateFacts>> {
    return this.toFacts(await this.sql.succession.ranking.factsOf(this.source(), ids, target.position.id), target, standard);
  }

  private toFacts(rows: readonly FactsRow[], target: Target, standard: readonly NamedStandardItem[]): Map<number, CandidateFacts> {
    const read = factsReader(Number(target.ctx.today.slice(0, 4)) - SKP_LOOKBACK_YEARS, standardSums(standard), this.sql.jpm.unpack);
    return new Map(rows.map((r) => [r[0], read(r)]));
  }
}

/**
 * Turns facts rows into CandidateFacts. A ranking reads thousands of rows whose JPM, rumpun and training values
 * repeat (a few hundred JPM sums, a few dozen perangkat daerah, a few training sets): each distinct value is worked
 * out once per call and the (never mutated) result shared, which spares most of the per-person work and garbage.
 */
function factsReader(sinceYear: number, sums: Pick<JpmSums, 'standardCount' | 'requiredSum'>, unpack: SqlDialect['jpm']['unpack']): (row: FactsRow) => CandidateFacts {
  const jpmByPacked = new Map<number | null, CandidateFacts['jpm']>();
  const fieldByOpd = new Map<string | null, string | null>();
  const historyByText = new Map<string, string[]>();
  const leadershipByText = new Map<string, string[]>();
  const NO_HISTORY: string[] = [];
  const NO_LEADERSHIP: string[] = [];
  const fieldOf = (opdName: string | null) => {
    let field = fieldByOpd.get(opdName);
    if (field === undefined) fieldByOpd.set(opdName, (field = rumpunOfPost(null, opdName)));
    return field;
  };
  return (row) => {
    const [id, employmentType, golongan, golonganTmt, positionId, level, positionTmt, education, birthDate, retirementDate,
      y1, p1, l1, y2, p2, l2, ty, tb, tk, tp, tc, tprov, tcomp, lead, has, positionRumpun, opdName, historyRumpun, packed] = row;
    const predikat: CandidateFacts['predikat'] = [];
    // The two latest annual SKP, when they fall in the lookback window ("the last two years").
    if (y1 !== null && y1 >= sinceYear) {
      predikat.push({ year: y1, code: p1, legacyLabel: l1 });
      if (y2 !== null && y2 >= sinceYear) predikat.push({ year: y2, code: p2, legacyLabel: l2 });
    }
    let jpm = jpmByPacked.get(packed);
    if (!jpm) jpmByPacked.set(packed, (jpm = jpmOfSums(unpack(packed, sums))));
    let history = historyRumpun ? historyByText.get(historyRumpun) : NO_HISTORY;
    if (!history) {
      history = [...new Set(historyRumpun!.split(HISTORY_SEPARATOR).map((h) => (h.startsWith(OPD_MARK) ? fieldOf(h.slice(1)) : h)))].filter((h): h is string => !!h);
      historyByText.set(historyRumpun!, history);
    }
    let leadership = lead ? leadershipByText.get(lead) : NO_LEADERSHIP;
    if (!leadership) leadershipByText.set(lead!, (leadership = lead!.split(',')));
    return {
      employeeId: id, employmentType, golongan, golonganTmt, positionId, level, positionTmt, education, birthDate, retirementDate,
      predikat,
      talent: ty === null || tb === null || tk === null || tp === null ? null : { year: ty, box: tb, kinerja: tk, potensi: tp, calibrated: tc === 1, provisional: tprov === 1, computed: tcomp === 1 },
      jpm,
      training: { leadership, anyRecord: has === 1 },
      rumpun: { current: positionRumpun ?? fieldOf(opdName), history },
    };
  };
}
