// Succession planning: key positions and their retirement risk, candidates ranked over the whole district
// with an explained score and checklist, saved plans with history, development needs and chain vacancies.
// The rules are in shared/domain/succession.ts; other capabilities' data comes through ./inputs.ts only.

import type { DataSource, EntityManager } from 'typeorm';
import { fullMonthsBetween, type IsoDate } from '../../../shared/domain/dates';
import { fullName } from '../../../shared/domain/employee-status';
import { golonganLabel } from '../../../shared/domain/golongan';
import { positionLevelLabel } from '../../../shared/domain/position';
import {
  assessRisk, basicFilterSpec, chainVacancies, createBasicFilter, createQuickEvaluator, golonganRankOf, CHECK_KEYS, compareEvaluations, describeRiskRule, developmentNeeds,
  emptyBench, evaluateCandidate, isStructuralLevel, READINESS, SCORE_COMPONENTS, targetRequirements,
  type BasicFacts, type BasicFilterSpec, type BenchCounts, type CandidateEvaluation, type CandidateFacts, type ChainCandidate, type ChainPosition,
  type CheckKey, type EvaluationContext, type JpmFact, type QuickEvaluation, type RankKey, type Readiness, type StandardItem, type TargetRequirements,
} from '../../../shared/domain/succession';
import { AppError } from '../../../shared/errors';
import {
  DEFAULT_SUCCESSION_SETTINGS, readinessLabelsSchema, riskSettingsSchema, scoreWeightsSchema, successionRulesSchema,
  type CandidateDetail, type KeyPositionRow, type PlanCandidate, type PositionDetail, type RankedCandidate, type RankResult,
  type SavePlanRequest, type SuccessionOverview, type SuccessionSettings,
} from '../../../shared/ipc/channels/succession.channels';
import { rawConnection } from '../../db/raw-connection';
import type { AuditChange, AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { employeeSearchCondition } from '../../db/sql/employee-rows.sql';
import type { SettingsService } from '../settings/settings.service';
import { basicFailConditions } from './basic-filter.sql';
import type { SettingsSection } from '../settings/settings-section';
import { SUCCESSION_SETTINGS } from './succession.settings';
import { createTableInputs, jpmFromSums, type SuccessionInputs } from './inputs';


const STRUCTURAL_KINDS = ['jpt', 'administrator', 'pengawas'];
/** SKP older than this many years before today's year does not count as "the last two years". */
const SKP_LOOKBACK_YEARS = 3;

interface PositionRow {
  id: number;
  name: string;
  kind: string;
  level: string;
  eselon: string | null;
  min_golongan: number | null;
  is_key: number;
  active: number;
  unit_id: number | null;
}

interface IncumbentRow {
  id: number;
  nip: string;
  name: string;
  front_title: string | null;
  back_title: string | null;
  retirement_date: string | null;
}

type FactsRow = [number, string, number | null, string | null, number | null, string | null, string | null, string | null, string, string | null,
  number | null, string | null, string | null, number | null, string | null, string | null,
  number | null, number | null, number | null, number | null, number, number, string | null, number];

/** Each person's record and derived facts (employee e, position p, succession_employee_facts f), as FactsRow. */
const FACTS_COLUMNS = `e.id, e.employment_type, e.golongan, e.golongan_tmt, e.position_id, p.level, e.position_tmt, e.education_level, e.birth_date, e.retirement_date,
  f.skp1_year, f.skp1_predikat, f.skp1_legacy, f.skp2_year, f.skp2_predikat, f.skp2_legacy,
  f.talent_year, f.talent_box, f.talent_kinerja, f.talent_potensi, f.talent_calibrated, f.talent_provisional, f.leadership, f.has_training`;

function factsFromRow(row: FactsRow, sinceYear: number, jpm: JpmFact): CandidateFacts {
  const [id, employmentType, golongan, golonganTmt, positionId, level, positionTmt, education, birthDate, retirementDate,
    y1, p1, l1, y2, p2, l2, ty, tb, tk, tp, tc, tprov, lead, has] = row;
  const predikat: CandidateFacts['predikat'] = [];
  // The two latest annual SKP, when they fall in the lookback window ("the last two years").
  if (y1 !== null && y1 >= sinceYear) {
    predikat.push({ year: y1, code: p1, legacyLabel: l1 });
    if (y2 !== null && y2 >= sinceYear) predikat.push({ year: y2, code: p2, legacyLabel: l2 });
  }
  return {
    employeeId: id, employmentType, golongan, golonganTmt, positionId, level, positionTmt, education, birthDate, retirementDate,
    predikat,
    talent: ty === null || tb === null || tk === null || tp === null ? null : { year: ty, box: tb, kinerja: tk, potensi: tp, calibrated: tc === 1, provisional: tprov === 1 },
    jpm,
    training: { leadership: lead ? lead.split(',') : [], anyRecord: has === 1 },
  };
}

interface PlanCandidateRow {
  plan_id: number;
  position_id: number;
  employee_id: number | null;
  readiness: Readiness | null;
  rank: number | null;
  status: string | null;
  retirement_date: string | null;
  candidate_position_id: number | null;
  name: string | null;
  front_title: string | null;
  back_title: string | null;
}

interface Target {
  position: PositionRow;
  req: TargetRequirements;
  incumbent: IncumbentRow | null;
  vacantNow: boolean;
  vacancyDate: IsoDate;
  ctx: EvaluationContext;
  settings: SuccessionSettings;
}

export interface SuccessionStats {
  keyPositions: number;
  atRisk: number;
  withReadyNow: number;
  vacanciesByYear: Record<string, number>;
}

export class SuccessionService {
  private readonly inputs: SuccessionInputs;
  private readonly settings: SettingsSection<SuccessionSettings>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settingsService: SettingsService,
    private readonly clock: Clock,
    inputs?: SuccessionInputs,
  ) {
    this.inputs = inputs ?? createTableInputs(dataSource);
    this.settings = settingsService.section(SUCCESSION_SETTINGS);
  }

  // -------------------------------------------------------------------------------------------------------
  // Settings

  async getSettings(): Promise<SuccessionSettings> {
    return this.settings.get();
  }

  async updateSettings(patch: Partial<SuccessionSettings>, actor: string): Promise<SuccessionSettings> {
    return this.settings.update(patch, actor);
  }

  // -------------------------------------------------------------------------------------------------------
  // Overview and stats

  async overview(asOf?: IsoDate): Promise<SuccessionOverview> {
    const today = asOf ?? this.clock.today();
    const settings = await this.getSettings();
    const rows = await this.keyPositionRows(today, settings);
    const firstYear = Number(today.slice(0, 4));
    const timeline = Array.from({ length: 6 }, (_, i) => ({ year: firstYear + i, count: 0, tinggi: 0, sedang: 0, rendah: 0 }));
    const byOpd = new Map<string, { opd: string; total: number; tinggi: number; sedang: number; rendah: number; readyNow: number }>();
    const bench = emptyBench();
    for (const row of rows) {
      const retirement = row.incumbent?.retirementDate;
      if (retirement) {
        const bucket = timeline[Math.max(0, Number(retirement.slice(0, 4)) - firstYear)];
        if (bucket) {
          bucket.count += 1;
          bucket[row.risk] += 1;
        }
      }
      const opd = row.opdName ?? 'Tanpa unit kerja';
      const entry = byOpd.get(opd) ?? { opd, total: 0, tinggi: 0, sedang: 0, rendah: 0, readyNow: 0 };
      entry.total += 1;
      entry[row.risk] += 1;
      if (row.bench.siap_sekarang > 0) entry.readyNow += 1;
      byOpd.set(opd, entry);
      for (const r of READINESS) bench[r.code] += row.bench[r.code];
    }
    const overReliance = await this.overReliance(settings.rules.overRelianceThreshold);
    return {
      asOf: today,
      riskRule: describeRiskRule(settings.risk, settings.readinessLabels),
      readinessLabels: settings.readinessLabels,
      totals: {
        keyPositions: rows.length,
        vacantNow: rows.filter((r) => r.vacantNow).length,
        tinggi: rows.filter((r) => r.risk === 'tinggi').length,
        sedang: rows.filter((r) => r.risk === 'sedang').length,
        rendah: rows.filter((r) => r.risk === 'rendah').length,
        withReadyNow: rows.filter((r) => r.bench.siap_sekarang > 0).length,
        withPlan: rows.filter((r) => r.planId !== null).length,
        overReliance: overReliance.length,
      },
      positions: rows,
      timeline,
      byOpd: [...byOpd.values()].sort((a, b) => b.tinggi - a.tinggi || b.sedang - a.sedang || a.opd.localeCompare(b.opd, 'id')),
      bench,
      overReliance,
    };
  }

  /** `stats --json` → "succession": key positions, those at risk tinggi, those with a successor ready now, and
   *  key positions whose incumbent reaches TMT pensiun in each of the five calendar years after `asOf`'s year. */
  async statsSection(asOf: IsoDate): Promise<SuccessionStats> {
    const settings = await this.getSettings();
    const rows = await this.keyPositionRows(asOf, settings);
    const firstYear = Number(asOf.slice(0, 4)) + 1;
    const vacanciesByYear: Record<string, number> = {};
    for (let y = firstYear; y < firstYear + 5; y++) vacanciesByYear[String(y)] = 0;
    for (const row of rows) {
      const year = row.incumbent?.retirementDate?.slice(0, 4);
      if (year && year in vacanciesByYear) vacanciesByYear[year] += 1;
    }
    return {
      keyPositions: rows.length,
      atRisk: rows.filter((r) => r.risk === 'tinggi').length,
      withReadyNow: rows.filter((r) => r.bench.siap_sekarang > 0).length,
      vacanciesByYear,
    };
  }

  /** Every active key position with its incumbent, risk and bench (one query each for posts and plans). */
  private async keyPositionRows(today: IsoDate, settings: SuccessionSettings): Promise<KeyPositionRow[]> {
    const rows: Array<{
      id: number; name: string; level: string; eselon: string | null; unit_name: string | null; opd_name: string | null;
      employee_id: number | null; nip: string | null; employee_name: string | null; front_title: string | null; back_title: string | null; retirement_date: string | null;
    }> = await this.dataSource.query(
      `SELECT p.id, p.name, p.level, p.eselon, u.name AS unit_name, r.name AS opd_name,
              e.id AS employee_id, e.nip, e.name AS employee_name, e.front_title, e.back_title, e.retirement_date
       FROM position p
       LEFT JOIN unit u ON u.id = p.unit_id
       LEFT JOIN unit r ON r.id = u.root_id
       LEFT JOIN employee e ON e.position_id = p.id AND e.status = 'active'
       WHERE p.is_key = 1 AND p.active = 1
       ORDER BY p.id, e.position_tmt DESC, e.id`);
    const plans = await this.planIndex();
    const out: KeyPositionRow[] = [];
    let previous = -1;
    for (const row of rows) {
      if (row.id === previous) continue; // a second active holder of one post (a data error): the latest counts
      previous = row.id;
      const incumbent: IncumbentRow | null = row.employee_id === null ? null : {
        id: row.employee_id, nip: row.nip!, name: row.employee_name!, front_title: row.front_title, back_title: row.back_title, retirement_date: row.retirement_date,
      };
      const vacancyDate = vacancyDateOf(incumbent, today);
      const plan = plans.get(row.id);
      const bench = benchOf(plan?.candidates ?? [], incumbent?.id ?? null, vacancyDate);
      const risk = assessRisk({ today, vacantNow: incumbent === null, retirementDate: incumbent?.retirement_date ?? null, bench }, settings.risk, settings.readinessLabels);
      out.push({
        positionId: row.id, name: row.name, level: row.level, eselon: row.eselon, unitName: row.unit_name, opdName: row.opd_name, isKey: true,
        incumbent: incumbent ? incumbentDto(incumbent, today) : null,
        vacantNow: incumbent === null, vacancyDate, risk: risk.level, riskReason: risk.reason, bench,
        planId: plan?.planId ?? null, planUpdatedAt: plan?.updatedAt ?? null,
      });
    }
    return out;
  }

  /** Every plan with its candidates in order (only what bench counts and chains need). */
  private async planIndex(): Promise<Map<number, { planId: number; updatedAt: string; candidates: PlanCandidateRow[] }>> {
    const rows: Array<PlanCandidateRow & { updated_at: string }> = await this.dataSource.query(
      `SELECT sp.id AS plan_id, sp.position_id, sp.updated_at, c.employee_id, c.readiness, c.rank, e.status, e.retirement_date,
              e.position_id AS candidate_position_id, e.name, e.front_title, e.back_title
       FROM succession_plan sp
       LEFT JOIN succession_candidate c ON c.plan_id = sp.id
       LEFT JOIN employee e ON e.id = c.employee_id
       ORDER BY sp.position_id, c.rank, c.id`);
    const index = new Map<number, { planId: number; updatedAt: string; candidates: PlanCandidateRow[] }>();
    for (const row of rows) {
      let plan = index.get(row.position_id);
      if (!plan) index.set(row.position_id, (plan = { planId: row.plan_id, updatedAt: row.updated_at, candidates: [] }));
      if (row.employee_id !== null) plan.candidates.push(row);
    }
    return index;
  }

  private async overReliance(threshold: number): Promise<SuccessionOverview['overReliance']> {
    const rows: Array<{ employee_id: number; nip: string; name: string; front_title: string | null; back_title: string | null; position_name: string }> = await this.dataSource.query(
      `SELECT c.employee_id, e.nip, e.name, e.front_title, e.back_title, p.name AS position_name
       FROM succession_candidate c
       JOIN employee e ON e.id = c.employee_id
       JOIN succession_plan sp ON sp.id = c.plan_id
       JOIN position p ON p.id = sp.position_id
       WHERE e.status = 'active'
       ORDER BY c.employee_id, p.name`);
    const byEmployee = new Map<number, SuccessionOverview['overReliance'][number]>();
    for (const r of rows) {
      const entry = byEmployee.get(r.employee_id) ?? { employeeId: r.employee_id, nip: r.nip, fullName: fullName(r.name, r.front_title, r.back_title), planCount: 0, positions: [] };
      entry.planCount += 1;
      entry.positions.push(r.position_name);
      byEmployee.set(r.employee_id, entry);
    }
    return [...byEmployee.values()].filter((e) => e.planCount >= threshold).sort((a, b) => b.planCount - a.planCount || a.fullName.localeCompare(b.fullName, 'id'));
  }

  // -------------------------------------------------------------------------------------------------------
  // One position

  async position(positionId: number): Promise<PositionDetail> {
    const target = await this.target(positionId);
    const { position, req, settings, ctx } = target;
    const today = ctx.today;
    const unitPath = await this.unitPath(position.unit_id);
    const standard = await this.inputs.positionStandard(position.id);
    const plans = await this.planIndex();
    const plan = plans.get(position.id);
    const bench = benchOf(plan?.candidates ?? [], target.incumbent?.id ?? null, target.vacancyDate);
    const risk = assessRisk({ today, vacantNow: target.vacantNow, retirementDate: target.incumbent?.retirement_date ?? null, bench }, settings.risk, settings.readinessLabels);

    let planDto: PositionDetail['plan'] = null;
    if (plan) {
      const planRow: { id: number; revision: number; notes: string | null; updated_by: string; updated_at: string; created_at: string } =
        (await this.dataSource.query('SELECT id, revision, notes, updated_by, updated_at, created_at FROM succession_plan WHERE id = ?', [plan.planId]))[0];
      const stored: Array<{ employee_id: number; readiness: Readiness; rank: number; notes: string | null; added_by: string; added_at: string }> =
        await this.dataSource.query('SELECT employee_id, readiness, rank, notes, added_by, added_at FROM succession_candidate WHERE plan_id = ? ORDER BY rank, id', [plan.planId]);
      const ids = stored.map((s) => s.employee_id);
      const summaries = await this.employeeSummaries(ids);
      const evaluations = await this.evaluateIds(ids, target, standard);
      const levels = await this.inputs.competencyLevels(ids, standard.map((s) => s.competencyId));
      const candidates: PlanCandidate[] = stored.map((s) => {
        const evaluation = evaluations.get(s.employee_id)!;
        return {
          ...summaries.get(s.employee_id)!, ...evaluationDto(evaluation),
          rank: s.rank, readiness: s.readiness, notes: s.notes, addedBy: s.added_by, addedAt: s.added_at,
          developmentNeeds: developmentNeeds(evaluation, standard, levels.get(s.employee_id) ?? new Map(), req),
        };
      });
      planDto = { id: planRow.id, revision: planRow.revision, notes: planRow.notes, updatedBy: planRow.updated_by, updatedAt: planRow.updated_at, createdAt: planRow.created_at, candidates };
    }

    const history = plan ? await this.history(plan.planId) : [];
    const chain = await this.chain(position.id, plans);
    return {
      asOf: today,
      position: {
        id: position.id, name: position.name, kind: position.kind, level: position.level, eselon: position.eselon, isKey: position.is_key === 1,
        unitPath: unitPath.map((u) => u.name), opdName: unitPath[0]?.name ?? null,
      },
      incumbent: target.incumbent ? incumbentDto(target.incumbent, today) : null,
      vacantNow: target.vacantNow,
      vacancyDate: target.vacancyDate,
      risk: risk.level,
      riskReason: risk.reason,
      riskRule: describeRiskRule(settings.risk, settings.readinessLabels),
      bench,
      requirements: requirementsDto(req),
      readinessLabels: settings.readinessLabels,
      weights: weightList(settings),
      overRelianceThreshold: settings.rules.overRelianceThreshold,
      standard: standard.map((s) => ({ competencyId: s.competencyId, code: s.code, name: s.name, requiredLevel: s.requiredLevel })),
      plan: planDto,
      history,
      chain,
    };
  }

  /** Candidates ranked over every active employee of the district (the incumbent excluded). */
  async rank(request: { positionId: number; includeIneligible: boolean; search?: string; offset: number; limit: number }): Promise<RankResult> {
    const target = await this.target(request.positionId);
    const { ctx, req } = target;

    // 1. Every active employee against the requirements that need only the employee record (status, golongan,
    //    level, years in post, education, age, retirement). Usually in SQLite: one aggregate row counts the
    //    failures per requirement, and one pass returns only those who pass, with their facts (step 2). Listing
    //    the ineligible needs everyone's record, so then the same rules run in TypeScript over all of them.
    const search = employeeSearchCondition(request.search ?? '');
    const spec = basicFilterSpec(req, ctx);
    const basicFailed = new Map<number, CheckKey[]>();
    const reasonCounts = new Map<CheckKey, number>();
    const basicsById = new Map<number, BasicFacts>();
    const passing: number[] = [];
    let evaluated: number;
    if (request.includeIneligible) {
      const basics = (await this.basicFacts(search)).filter((b) => b.employeeId !== target.incumbent?.id);
      const basicFilter = createBasicFilter(req, ctx);
      for (const facts of basics) {
        basicsById.set(facts.employeeId, facts);
        const failed = basicFilter(facts);
        if (failed.length === 0) passing.push(facts.employeeId);
        else basicFailed.set(facts.employeeId, failed);
        for (const key of failed) reasonCounts.set(key, (reasonCounts.get(key) ?? 0) + 1);
      }
      evaluated = basics.length;
    } else {
      const counted = await this.basicFailureCounts(spec, search, target.incumbent?.id ?? null);
      evaluated = counted.evaluated;
      for (const [key, n] of counted.byKey) if (n > 0) reasonCounts.set(key, n);
    }

    // 2. The others' data (SKP, talent and training from succession_employee_facts; JPM through the adapter),
    //    with each person's record, only for those who pass; then eligibility and score without texts.
    const standard = await this.inputs.positionStandard(target.position.id);
    const facts = request.includeIneligible ? await this.loadFacts(passing, target, standard) : await this.poolFacts(spec, search, target, standard);
    for (const f of facts.values()) basicsById.set(f.employeeId, f);
    const quick = createQuickEvaluator(req, ctx, { basicsChecked: true });
    const eligible: QuickEvaluation[] = [];
    const failedBySkp: QuickEvaluation[] = [];
    for (const f of facts.values()) {
      const q = quick(f);
      (q.eligible ? eligible : failedBySkp).push(q);
    }
    const sortKey = (employeeId: number, eligible: boolean, score: number | null, coverage: number, failedCount: number): RankKey => {
      const b = basicsById.get(employeeId)!;
      return { employeeId, eligible, score, coverage, failedCount, golonganRank: golonganRankOf(b.golongan), retirementDate: b.retirementDate };
    };
    const ordered = eligible.map((e) => sortKey(e.employeeId, true, e.score, e.coverage, 0)).sort(compareEvaluations);

    // Ineligible people, when asked: fewest unmet requirements first (those failing only on SKP included).
    let ineligibleOrdered: RankKey[] = [];
    if (request.includeIneligible) {
      ineligibleOrdered = [
        ...failedBySkp.map((e) => sortKey(e.employeeId, false, null, e.coverage, e.failed.length)),
        ...[...basicFailed].map(([employeeId, failed]) => sortKey(employeeId, false, null, 0, failed.length)),
      ].sort(compareEvaluations);
    }
    const all = [...ordered, ...ineligibleOrdered];
    const page = all.slice(request.offset, request.offset + request.limit);

    // 3. The detailed evaluation (checklist and explained score) only for the rows on this page.
    const missing = page.filter((p) => !facts.has(p.employeeId)).map((p) => p.employeeId);
    const pageFacts = missing.length ? await this.loadFacts(missing, target, standard) : new Map<number, CandidateFacts>();
    const summaries = await this.employeeSummaries(page.map((p) => p.employeeId));
    const inPlan = await this.planMembers(target.position.id);

    if (failedBySkp.length > 0) reasonCounts.set('skp', failedBySkp.length);
    const rows = page.map((p, i): RankedCandidate => {
      const evaluation = evaluateCandidate(facts.get(p.employeeId) ?? pageFacts.get(p.employeeId)!, req, ctx);
      return { ...summaries.get(p.employeeId)!, ...evaluationDto(evaluation), rank: evaluation.eligible ? request.offset + i + 1 : null, inThisPlan: inPlan.has(p.employeeId) };
    });
    const labels = new Map(rows[0]?.checklist.map((i) => [i.key, i.label]) ?? []);

    return {
      positionId: target.position.id,
      vacancyDate: target.vacancyDate,
      weights: weightList(target.settings),
      evaluated,
      eligible: eligible.length,
      ineligible: evaluated - eligible.length,
      ineligibleByReason: CHECK_KEYS.filter((k) => reasonCounts.has(k)).map((key) => ({ key, label: labels.get(key) ?? checkLabelFallback(key), count: reasonCounts.get(key)! })),
      total: all.length,
      offset: request.offset,
      rows,
    };
  }

  /** One person against one position, with what they still need for it. */
  async candidate(positionId: number, employeeId: number): Promise<CandidateDetail> {
    const target = await this.target(positionId);
    const standard = await this.inputs.positionStandard(positionId);
    const evaluations = await this.evaluateIds([employeeId], target, standard);
    const evaluation = evaluations.get(employeeId);
    if (!evaluation) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
    const summaries = await this.employeeSummaries([employeeId]);
    const levels = (await this.inputs.competencyLevels([employeeId], standard.map((s) => s.competencyId))).get(employeeId) ?? new Map<number, number>();
    const inPlan = await this.planMembers(positionId);
    return {
      positionId,
      vacancyDate: target.vacancyDate,
      candidate: { ...summaries.get(employeeId)!, ...evaluationDto(evaluation), rank: null, inThisPlan: inPlan.has(employeeId) },
      developmentNeeds: developmentNeeds(evaluation, standard, levels, target.req),
      competencies: standard.map((s) => ({ competencyId: s.competencyId, code: s.code, name: s.name, requiredLevel: s.requiredLevel, level: levels.get(s.competencyId) ?? null })),
    };
  }

  // -------------------------------------------------------------------------------------------------------
  // Writes

  /** Saves the plan as a whole (a new revision), with its history row and audit entries, in one transaction. */
  async savePlan(request: SavePlanRequest & { notes: string | null; candidates: Array<{ employeeId: number; readiness: Readiness; notes: string | null }> }, actor: string) {
    const position = await this.requireStructural(request.positionId);
    const ids = request.candidates.map((c) => c.employeeId);
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate !== undefined) throw AppError.validation([{ path: 'candidates', message: 'Seorang pegawai tercantum dua kali dalam rencana.' }]);
    const people = await this.employeeSummaries(ids);
    const issues = ids.flatMap((id, i) => {
      const p = people.get(id);
      if (!p) return [{ path: `candidates.${i}.employeeId`, message: `Pegawai dengan ID ${id} tidak ditemukan.` }];
      if (p.status !== 'active') return [{ path: `candidates.${i}.employeeId`, message: `${p.fullName} tidak berstatus aktif.` }];
      if (p.positionId === position.id) return [{ path: `candidates.${i}.employeeId`, message: `${p.fullName} adalah pejabat saat ini pada jabatan ini.` }];
      return [];
    });
    if (issues.length > 0) throw AppError.validation(issues, `Rencana suksesi belum dapat disimpan: ${issues.map((x) => x.message).join(' ')}`);

    const settings = await this.getSettings();
    const labels = settings.readinessLabels;
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const existing: Array<{ id: number; revision: number; notes: string | null }> = await manager.query('SELECT id, revision, notes FROM succession_plan WHERE position_id = ?', [position.id]);
      const current = existing[0] ?? null;
      const currentRevision = current?.revision ?? 0;
      if (request.expectedRevision !== currentRevision) {
        throw new AppError('conflict', 'Rencana suksesi ini sudah diubah orang lain sejak dibuka. Muat ulang halaman, lalu ulangi perubahan Anda.', { currentRevision });
      }
      const before: Array<{ employee_id: number; readiness: Readiness; rank: number; notes: string | null; added_by: string; added_at: string }> = current
        ? await manager.query('SELECT employee_id, readiness, rank, notes, added_by, added_at FROM succession_candidate WHERE plan_id = ? ORDER BY rank, id', [current.id])
        : [];
      const diff = diffPlan(before, request.candidates, current?.notes ?? null, request.notes);
      if (current && !diff.changed) return { planId: current.id, revision: currentRevision, changed: false };

      let planId: number;
      const revision = currentRevision + 1;
      if (current) {
        planId = current.id;
        await manager.query('UPDATE succession_plan SET notes = ?, revision = ?, updated_by = ?, updated_at = ? WHERE id = ?', [request.notes, revision, actor, now, planId]);
        await manager.query('DELETE FROM succession_candidate WHERE plan_id = ?', [planId]);
      } else {
        await manager.query('INSERT INTO succession_plan (position_id, notes, revision, updated_by, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          [position.id, request.notes, revision, actor, now, now]);
        planId = (await manager.query('SELECT last_insert_rowid() AS id'))[0].id;
      }
      const kept = new Map(before.map((b) => [b.employee_id, b]));
      for (const [i, c] of request.candidates.entries()) {
        const old = kept.get(c.employeeId);
        await manager.query(
          'INSERT INTO succession_candidate (plan_id, employee_id, readiness, rank, notes, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [planId, c.employeeId, c.readiness, i + 1, c.notes, old?.added_by ?? actor, old?.added_at ?? now]);
      }

      const name = (id: number) => people.get(id)?.fullName ?? `#${id}`;
      const summary = describeDiff(diff, name, labels) || 'Membuat rencana suksesi tanpa kandidat';
      const snapshot = {
        notes: request.notes,
        candidates: request.candidates.map((c, i) => ({ employeeId: c.employeeId, fullName: name(c.employeeId), nip: people.get(c.employeeId)?.nip ?? '', readiness: c.readiness, rank: i + 1, notes: c.notes })),
      };
      await manager.query('INSERT INTO succession_plan_revision (plan_id, revision, saved_by, saved_at, summary, snapshot) VALUES (?, ?, ?, ?, ?, ?)',
        [planId, revision, actor, now, summary, JSON.stringify(snapshot)]);
      await this.auditPlan(manager, { actor, planId, revision, positionName: position.name, summary, diff, name, labels, before, after: snapshot });
      return { planId, revision, changed: true };
    });
  }

  /** Marks or unmarks a key position (jabatan kritikal). */
  async setKey(positionId: number, isKey: boolean, actor: string): Promise<{ positionId: number; isKey: boolean }> {
    const position = await this.requireStructural(positionId);
    if ((position.is_key === 1) === isKey) return { positionId, isKey };
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE position SET is_key = ? WHERE id = ?', [isKey ? 1 : 0, positionId]);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'position', entityId: positionId,
        summary: isKey ? `Menandai ${position.name} sebagai jabatan kritikal` : `Melepas tanda jabatan kritikal dari ${position.name}`,
        changes: [{ field: 'isKey', label: 'Jabatan kritikal', before: isKey ? 'Tidak' : 'Ya', after: isKey ? 'Ya' : 'Tidak' }],
        before: { isKey: !isKey }, after: { isKey },
      });
    });
    return { positionId, isKey };
  }

  /** Structural posts (JPT, administrator, pengawas) to mark as key positions. */
  async structuralPositions(filter: { search?: string; level?: string; keyOnly?: boolean }) {
    const where = [`p.kind IN (${STRUCTURAL_KINDS.map(() => '?').join(',')})`, 'p.active = 1'];
    const params: unknown[] = [...STRUCTURAL_KINDS];
    if (filter.level) {
      where.push('p.level = ?');
      params.push(filter.level);
    }
    if (filter.keyOnly) where.push('p.is_key = 1');
    if (filter.search) {
      where.push(`(p.name LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\' OR r.name LIKE ? ESCAPE '\\')`);
      const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like, like);
    }
    const rows: Array<{ id: number; name: string; level: string; eselon: string | null; unit_name: string | null; opd_name: string | null; is_key: number; incumbent: string | null; front_title: string | null; back_title: string | null; has_plan: number }> =
      await this.dataSource.query(
        `SELECT p.id, p.name, p.level, p.eselon, u.name AS unit_name, r.name AS opd_name, p.is_key,
                (SELECT e.name FROM employee e WHERE e.position_id = p.id AND e.status = 'active' ORDER BY e.position_tmt DESC LIMIT 1) AS incumbent,
                (SELECT e.front_title FROM employee e WHERE e.position_id = p.id AND e.status = 'active' ORDER BY e.position_tmt DESC LIMIT 1) AS front_title,
                (SELECT e.back_title FROM employee e WHERE e.position_id = p.id AND e.status = 'active' ORDER BY e.position_tmt DESC LIMIT 1) AS back_title,
                EXISTS (SELECT 1 FROM succession_plan sp WHERE sp.position_id = p.id) AS has_plan
         FROM position p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN unit r ON r.id = u.root_id
         WHERE ${where.join(' AND ')}
         ORDER BY CASE p.level WHEN 'jpt_utama' THEN 0 WHEN 'jpt_madya' THEN 1 WHEN 'jpt_pratama' THEN 2 WHEN 'administrator' THEN 3 ELSE 4 END, r.sort_order, r.name, u.sort_order, p.name`,
        params);
    return {
      rows: rows.map((r) => ({
        positionId: r.id, name: r.name, level: r.level, eselon: r.eselon, unitName: r.unit_name, opdName: r.opd_name, isKey: r.is_key === 1,
        incumbentName: r.incumbent ? fullName(r.incumbent, r.front_title, r.back_title) : null, hasPlan: r.has_plan === 1,
      })),
    };
  }

  // -------------------------------------------------------------------------------------------------------
  // Internals

  private async requireStructural(positionId: number): Promise<PositionRow> {
    const rows: PositionRow[] = await this.dataSource.query('SELECT id, name, kind, level, eselon, min_golongan, is_key, active, unit_id FROM position WHERE id = ?', [positionId]);
    const position = rows[0];
    if (!position) throw new AppError('not_found', `Jabatan dengan ID ${positionId} tidak ditemukan.`);
    if (!isStructuralLevel(position.level)) {
      throw new AppError('validation', `${position.name} adalah jabatan ${positionLevelLabel(position.level) || position.kind}; rencana suksesi hanya untuk jabatan struktural (JPT, administrator, pengawas).`);
    }
    return position;
  }

  private async target(positionId: number): Promise<Target> {
    const position = await this.requireStructural(positionId);
    const settings = await this.getSettings();
    const today = this.clock.today();
    const incumbents: IncumbentRow[] = await this.dataSource.query(
      `SELECT id, nip, name, front_title, back_title, retirement_date FROM employee WHERE position_id = ? AND status = 'active' ORDER BY position_tmt DESC, id LIMIT 1`, [positionId]);
    const incumbent = incumbents[0] ?? null;
    const vacancyDate = vacancyDateOf(incumbent, today);
    const req = targetRequirements({ id: position.id, name: position.name, level: position.level, eselon: position.eselon, minGolongan: position.min_golongan }, settings.rules);
    return { position, req, incumbent, vacantNow: incumbent === null, vacancyDate, settings, ctx: { today, vacancyDate, rules: settings.rules, weights: settings.weights } };
  }

  /** Every active employee's record (to list the ineligible too), through a prepared statement in raw mode. */
  private async basicFacts(filter: { sql: string; params: unknown[] } | null): Promise<BasicFacts[]> {
    const rows = rawConnection(this.dataSource).prepare(
      `SELECT e.id, e.employment_type, e.golongan, e.golongan_tmt, e.position_id, p.level, e.position_tmt, e.education_level, e.birth_date, e.retirement_date
       FROM employee e LEFT JOIN position p ON p.id = e.position_id WHERE e.status = 'active'${filter ? ` AND ${filter.sql}` : ''}`)
      .raw(true).all(...(filter?.params ?? [])) as Array<[number, string, number | null, string | null, number | null, string | null, string | null, string | null, string, string | null]>;
    return rows.map(([id, employmentType, golongan, golonganTmt, positionId, level, positionTmt, education, birthDate, retirementDate]) => ({
      employeeId: id, employmentType, golongan, golonganTmt, positionId, level, positionTmt, education, birthDate, retirementDate,
    }));
  }

  /** The failing positions' ids: the jenjang check without a join to position (see basicFailConditions). */
  private async failConditions(spec: BasicFilterSpec) {
    const failingPositions: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM position WHERE level IN (SELECT value FROM json_each(?))`, [JSON.stringify(spec.failingLevels)]);
    return basicFailConditions(spec, failingPositions.map((p) => p.id));
  }

  /** Active employees considered and the failures per basic requirement: one aggregate row from SQLite. */
  private async basicFailureCounts(spec: BasicFilterSpec, filter: { sql: string; params: unknown[] } | null, excludeId: number | null): Promise<{ evaluated: number; byKey: Map<CheckKey, number> }> {
    const fails = await this.failConditions(spec);
    const row = rawConnection(this.dataSource).prepare(
      `SELECT COUNT(*), ${fails.map((f) => `SUM(${f.sql})`).join(', ')} FROM employee e
       WHERE e.status = 'active' AND e.id IS NOT ?${filter ? ` AND ${filter.sql}` : ''}`)
      .raw(true).get(...fails.flatMap((f) => f.params), excludeId, ...(filter?.params ?? [])) as Array<number | null>;
    return { evaluated: row[0] ?? 0, byKey: new Map(fails.map((f, i) => [f.key, row[i + 1] ?? 0])) };
  }

  /**
   * The people who pass every basic requirement, with their facts, in one pass over the district: the
   * requirements as SQL (the twin of createBasicFilter), each person's derived facts, and JPM as a scalar
   * subquery from the adapter. Measured about a fifth faster than collecting ids first and reading them back.
   */
  private async poolFacts(spec: BasicFilterSpec, filter: { sql: string; params: unknown[] } | null, target: Target, standard: StandardItem[]): Promise<Map<number, CandidateFacts>> {
    if (!this.inputs.jpmSumsSql) {
      const ids = (await this.basicFacts(filter)).filter((b) => b.employeeId !== target.incumbent?.id && createBasicFilter(target.req, target.ctx)(b).length === 0);
      return this.loadFacts(ids.map((b) => b.employeeId), target, standard);
    }
    const fails = await this.failConditions(spec);
    const rows = rawConnection(this.dataSource).prepare(
      `SELECT ${FACTS_COLUMNS}, ${this.inputs.jpmSumsSql(target.position.id, 'e.id')}
       FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN succession_employee_facts f ON f.employee_id = e.id
       WHERE e.status = 'active' AND e.id IS NOT ?${filter ? ` AND ${filter.sql}` : ''} AND ${fails.map((f) => `NOT ${f.sql}`).join(' AND ')}`)
      .raw(true).all(target.incumbent?.id ?? null, ...(filter?.params ?? []), ...fails.flatMap((f) => f.params)) as Array<[...FactsRow, string | null]>;
    const sinceYear = Number(target.ctx.today.slice(0, 4)) - SKP_LOOKBACK_YEARS;
    return new Map(rows.map((r) => [r[0], factsFromRow(r as unknown as FactsRow, sinceYear, jpmFromSums(standard.length, r[24]))]));
  }

  private async evaluateIds(ids: readonly number[], target: Target, standard: StandardItem[]): Promise<Map<number, CandidateEvaluation>> {
    const facts = await this.loadFacts(ids, target, standard);
    return new Map([...facts].map(([id, f]) => [id, evaluateCandidate(f, target.req, target.ctx)]));
  }

  /**
   * Each person's record with what the ranking needs from other capabilities: SKP, talent and training from
   * succession_employee_facts (this capability's derived table, one row per person) in the same read, and JPM
   * against the target's standard through the adapter (./inputs.ts). One prepared statement in raw mode: the
   * ranking reads thousands of people per call.
   */
  private async loadFacts(ids: readonly number[], target: Target, standard: StandardItem[]): Promise<Map<number, CandidateFacts>> {
    const sinceYear = Number(target.ctx.today.slice(0, 4)) - SKP_LOOKBACK_YEARS;
    const rows = rawConnection(this.dataSource).prepare(
      `SELECT ${FACTS_COLUMNS} FROM json_each(?) j JOIN employee e ON e.id = j.value LEFT JOIN position p ON p.id = e.position_id
       LEFT JOIN succession_employee_facts f ON f.employee_id = e.id`).raw(true).all(JSON.stringify(ids)) as FactsRow[];
    const jpm = await this.inputs.jpm(target.position.id, standard, ids);
    return new Map(rows.map((r) => [r[0], factsFromRow(r, sinceYear, jpm.get(r[0])!)]));
  }

  private async employeeSummaries(ids: readonly number[]) {
    const rows: Array<{ id: number; nip: string; name: string; front_title: string | null; back_title: string | null; position_id: number | null; position_name: string | null; position_level: string | null; unit_name: string | null; opd_name: string | null; golongan: number | null; retirement_date: string | null; status: string; plan_count: number }> =
      ids.length === 0 ? [] : await this.dataSource.query(
        `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, e.position_id, p.name AS position_name, p.level AS position_level,
                u.name AS unit_name, r.name AS opd_name, e.golongan, e.retirement_date, e.status,
                (SELECT COUNT(*) FROM succession_candidate c WHERE c.employee_id = e.id) AS plan_count
         FROM json_each(?) j JOIN employee e ON e.id = j.value
         LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN unit r ON r.id = u.root_id`, [JSON.stringify(ids)]);
    return new Map(rows.map((r) => [r.id, {
      employeeId: r.id, nip: r.nip, fullName: fullName(r.name, r.front_title, r.back_title), positionId: r.position_id, positionName: r.position_name,
      positionLevel: r.position_level, unitName: r.unit_name, opdName: r.opd_name, golongan: r.golongan, retirementDate: r.retirement_date, status: r.status, planCount: r.plan_count,
    }]));
  }

  private async planMembers(positionId: number): Promise<Set<number>> {
    const rows: Array<{ employee_id: number }> = await this.dataSource.query(
      'SELECT c.employee_id FROM succession_candidate c JOIN succession_plan sp ON sp.id = c.plan_id WHERE sp.position_id = ?', [positionId]);
    return new Set(rows.map((r) => r.employee_id));
  }

  private async unitPath(unitId: number | null): Promise<Array<{ id: number; name: string }>> {
    if (unitId === null) return [];
    const [unit]: Array<{ path: string }> = await this.dataSource.query('SELECT path FROM unit WHERE id = ?', [unitId]);
    if (!unit) return [];
    const ids = unit.path.split('/').filter(Boolean).map(Number);
    const rows: Array<{ id: number; name: string }> = await this.dataSource.query(`SELECT id, name FROM unit WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]);
    return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
  }

  private async history(planId: number): Promise<PositionDetail['history']> {
    const rows: Array<{ revision: number; saved_by: string; saved_at: string; summary: string; snapshot: string }> = await this.dataSource.query(
      'SELECT revision, saved_by, saved_at, summary, snapshot FROM succession_plan_revision WHERE plan_id = ? ORDER BY revision DESC LIMIT 50', [planId]);
    return rows.map((r) => {
      let candidates: PositionDetail['history'][number]['candidates'] = [];
      let notes: string | null = null;
      try {
        const parsed = JSON.parse(r.snapshot) as { notes?: string | null; candidates?: Array<{ employeeId: number; fullName: string; readiness: Readiness; rank: number; notes?: string | null }> };
        notes = parsed.notes ?? null;
        candidates = (parsed.candidates ?? []).map((c) => ({ employeeId: c.employeeId, fullName: c.fullName, readiness: c.readiness, rank: c.rank, notes: c.notes ?? null }));
      } catch {
        candidates = [];
      }
      return { revision: r.revision, savedBy: r.saved_by, savedAt: r.saved_at, summary: r.summary, notes, candidates };
    });
  }

  /** The cascade when this plan's first candidate moves up (shared/domain chainVacancies over stored plans). */
  private async chain(positionId: number, plans: Awaited<ReturnType<SuccessionService['planIndex']>>): Promise<PositionDetail['chain']> {
    const positions: Array<{ id: number; name: string; level: string; kind: string; is_key: number }> = await this.dataSource.query(
      'SELECT id, name, level, kind, is_key FROM position');
    const byId = new Map<number, ChainPosition>(positions.map((p) => [p.id, { id: p.id, name: p.name, level: p.level, isKey: p.is_key === 1, singleHolder: STRUCTURAL_KINDS.includes(p.kind) }]));
    const steps = chainVacancies(positionId, {
      position: (id) => byId.get(id) ?? null,
      candidates: (id) => {
        const plan = plans.get(id);
        if (!plan) return null;
        return plan.candidates.filter((c) => c.status === 'active').map((c): ChainCandidate => ({
          employeeId: c.employee_id!, name: fullName(c.name!, c.front_title, c.back_title), readiness: c.readiness!, positionId: c.candidate_position_id,
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

  private async auditPlan(manager: EntityManager, a: {
    actor: string; planId: number; revision: number; positionName: string; summary: string; diff: PlanDiff; name: (id: number) => string;
    labels: Record<Readiness, string>; before: unknown; after: unknown;
  }) {
    const { diff, name, labels } = a;
    const describe = (c: { readiness: Readiness; rank: number } | undefined) => (c ? `${labels[c.readiness]}, urutan ${c.rank}` : null);
    const changes: AuditChange[] = [
      ...diff.touched.map((id) => ({ field: `kandidat:${id}`, label: `Kandidat ${name(id)}`, before: describe(diff.before.get(id)), after: describe(diff.after.get(id)) })),
      ...(diff.notesChanged ? [{ field: 'notes', label: 'Catatan rencana', before: diff.notesBefore, after: diff.notesAfter }] : []),
    ];
    await this.audit.record(manager, {
      actor: a.actor, action: a.revision === 1 ? 'create' : 'update', entity: 'succession_plan', entityId: a.planId,
      summary: `Rencana suksesi ${a.positionName} (revisi ${a.revision}): ${a.summary}`, changes, before: a.before, after: a.after,
    });
    // One entry per person whose place in the plan changed, so it shows in their profile's log.
    for (const id of diff.touched) {
      const was = diff.before.get(id);
      const now = diff.after.get(id);
      const text = !was ? `Ditambahkan sebagai kandidat suksesi ${a.positionName} (${labels[now!.readiness]})`
        : !now ? `Dikeluarkan dari rencana suksesi ${a.positionName}`
        : `Kandidat suksesi ${a.positionName}: ${describe(was)} → ${describe(now)}`;
      await this.audit.record(manager, {
        actor: a.actor, action: !was ? 'create' : !now ? 'delete' : 'update', entity: 'succession_candidate', entityId: a.planId, employeeId: id,
        summary: text, changes: [{ field: 'kandidat', label: `Rencana suksesi ${a.positionName}`, before: describe(was), after: describe(now) }],
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

/** When the post falls vacant: today when it is vacant (or its incumbent is past TMT pensiun, or that date is
 *  unknown, the cautious reading), else the incumbent's TMT pensiun. */
function vacancyDateOf(incumbent: IncumbentRow | null, today: IsoDate): IsoDate {
  if (!incumbent || !incumbent.retirement_date) return today;
  return incumbent.retirement_date < today ? today : incumbent.retirement_date;
}

function incumbentDto(i: IncumbentRow, today: IsoDate) {
  return {
    employeeId: i.id, nip: i.nip, fullName: fullName(i.name, i.front_title, i.back_title), retirementDate: i.retirement_date,
    monthsLeft: i.retirement_date ? Math.max(0, fullMonthsBetween(today, i.retirement_date)) : null,
  };
}

/** Successors who can still take the post: active, not its incumbent, retiring after the vacancy. */
function benchOf(candidates: readonly PlanCandidateRow[], incumbentId: number | null, vacancyDate: IsoDate): BenchCounts {
  const bench = emptyBench();
  for (const c of candidates) {
    if (c.status !== 'active' || c.employee_id === incumbentId || !c.readiness) continue;
    if (c.retirement_date !== null && c.retirement_date <= vacancyDate) continue;
    bench[c.readiness] += 1;
  }
  return bench;
}

function evaluationDto(e: CandidateEvaluation) {
  return { eligible: e.eligible, failed: e.failed, checklist: e.checklist, components: e.components, score: e.score, coverage: e.coverage, suggestedReadiness: e.suggestedReadiness };
}

function weightList(settings: SuccessionSettings) {
  return SCORE_COMPONENTS.map((c) => ({ key: c.key, label: c.label, weight: settings.weights[c.key] }));
}

function requirementsDto(req: TargetRequirements): PositionDetail['requirements'] {
  return {
    minGolongan: req.minGolongan, minGolonganBasis: `${golonganLabel(req.minGolongan)} (${req.minGolonganBasis})`, feederLabel: req.feederLabel,
    education: req.education.label, training: req.training?.label ?? null, minYearsInPosition: req.minYearsInPosition, maxAge: req.maxAge,
  };
}

const CHECK_LABEL_FALLBACK: Record<CheckKey, string> = {
  status_pns: 'Berstatus PNS', golongan: 'Golongan minimum', jenjang: 'Jenjang jabatan', masa_jabatan: 'Lama pada jabatan saat ini',
  pendidikan: 'Pendidikan minimal', usia: 'Batas usia', pensiun: 'Pensiun setelah perkiraan lowong', skp: 'Predikat SKP',
  talenta: 'Kotak talenta', jpm: 'JPM', diklat: 'Diklat kepemimpinan',
};
const checkLabelFallback = (key: CheckKey) => CHECK_LABEL_FALLBACK[key];

interface PlanDiff {
  changed: boolean;
  before: Map<number, { readiness: Readiness; rank: number; notes: string | null }>;
  after: Map<number, { readiness: Readiness; rank: number; notes: string | null }>;
  added: number[];
  removed: number[];
  readinessChanged: number[];
  notesOfCandidateChanged: number[];
  orderChanged: boolean;
  notesChanged: boolean;
  notesBefore: string | null;
  notesAfter: string | null;
  /** Everyone added, removed, or whose readiness, rank or notes changed. */
  touched: number[];
}

function diffPlan(
  before: Array<{ employee_id: number; readiness: Readiness; rank: number; notes: string | null }>,
  after: Array<{ employeeId: number; readiness: Readiness; notes: string | null }>,
  notesBefore: string | null,
  notesAfter: string | null,
): PlanDiff {
  const b = new Map(before.map((x, i) => [x.employee_id, { readiness: x.readiness, rank: i + 1, notes: x.notes }]));
  const a = new Map(after.map((x, i) => [x.employeeId, { readiness: x.readiness, rank: i + 1, notes: x.notes }]));
  const added = after.filter((x) => !b.has(x.employeeId)).map((x) => x.employeeId);
  const removed = before.filter((x) => !a.has(x.employee_id)).map((x) => x.employee_id);
  const common = after.filter((x) => b.has(x.employeeId)).map((x) => x.employeeId);
  const readinessChanged = common.filter((id) => a.get(id)!.readiness !== b.get(id)!.readiness);
  const notesOfCandidateChanged = common.filter((id) => (a.get(id)!.notes ?? null) !== (b.get(id)!.notes ?? null));
  const commonBefore = before.filter((x) => a.has(x.employee_id)).map((x) => x.employee_id);
  const orderChanged = commonBefore.some((id, i) => common[i] !== id);
  const rankMoved = common.filter((id) => a.get(id)!.rank !== b.get(id)!.rank);
  const notesChanged = (notesBefore ?? null) !== (notesAfter ?? null);
  const touched = [...new Set([...added, ...removed, ...readinessChanged, ...notesOfCandidateChanged, ...rankMoved])];
  return {
    changed: added.length + removed.length + readinessChanged.length + notesOfCandidateChanged.length > 0 || orderChanged || notesChanged || rankMoved.length > 0,
    before: b, after: a, added, removed, readinessChanged, notesOfCandidateChanged, orderChanged, notesChanged, notesBefore, notesAfter, touched,
  };
}

function describeDiff(d: PlanDiff, name: (id: number) => string, labels: Record<Readiness, string>): string {
  const parts: string[] = [];
  if (d.added.length) parts.push(`menambah ${d.added.map((id) => `${name(id)} (${labels[d.after.get(id)!.readiness]})`).join(', ')}`);
  if (d.removed.length) parts.push(`mengeluarkan ${d.removed.map(name).join(', ')}`);
  if (d.readinessChanged.length) {
    parts.push(`mengubah kesiapan ${d.readinessChanged.map((id) => `${name(id)} (${labels[d.before.get(id)!.readiness]} → ${labels[d.after.get(id)!.readiness]})`).join(', ')}`);
  }
  if (d.orderChanged) parts.push('mengubah urutan kandidat');
  if (d.notesOfCandidateChanged.length) parts.push(`mengubah catatan ${d.notesOfCandidateChanged.map(name).join(', ')}`);
  if (d.notesChanged) parts.push('mengubah catatan rencana');
  const text = parts.join('; ');
  return text ? text[0].toUpperCase() + text.slice(1) : '';
}
