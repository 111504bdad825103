// Rencana pengembangan kompetensi tahunan under a budget: gathers the needs of the coming year from the data
// Jenjang holds (shared/domain/planning/needs.ts says which and why), writes the integer program that covers
// the most weighted need within the district budget and each OPD's ceiling (shared/domain/planning/model.ts),
// solves it with HiGHS in a worker thread (solver.ts), seats people in the chosen classes by priority
// (shared/domain/planning/plan.ts) and, when the officer accepts a scenario, writes it as IDP items of the year
// in one transaction.

import type { DataSource } from 'typeorm';
import { LEADERSHIP_TRAININGS, missingRequiredTrainings, requiredTrainings, trainingTypeLabel } from '../../../shared/domain/development';
import { deliveryModeLabel, LOW_COST_MODES, officeCost, providerKindLabel, type Offering } from '../../../shared/domain/planning/catalogue';
import { buildPlanModel, COVERAGE_PROVEN_GAP } from '../../../shared/domain/planning/model';
import {
  DEFAULT_PLAN_WEIGHTS, groupNeeds, mergeNeeds, NEED_SOURCES, PRIORITY_LABELS, targetKey, type Need, type NeedGroup, type NeedTarget, type PlanWeights,
} from '../../../shared/domain/planning/needs';
import { assignPeople, planFigures } from '../../../shared/domain/planning/plan';
import { AppError } from '../../../shared/errors';
import { formatNumberId, formatPercentId, formatRupiah } from '../../../shared/format/id-format';
import type { OfferingPlanningInput, PlanProposalResult, PlanProposeRequest } from '../../../shared/schemas/planning';
import type { z } from 'zod';
import type { planAcceptRequest, planNeeds, planProposeRequest } from '../../../shared/schemas/planning';
import type { SqlDialect } from '../../db/sql';
import type { SqlCondition } from '../../db/sql/employee-rows.sql';
import { managerRun, type Run } from '../../db/sql/run';
import { effectivePaths, evaluateReadiness, readinessSignature, standardKey, stepStandards, type ReadinessEntry } from '../../db/career-readiness';
import { jpmOfSums, jpmSums } from '../../../shared/domain/jpm';
import { hasLeadershipTraining, trainingShortLabel } from '../../../shared/domain/succession/requirements';
import type { IsoDate } from '../../../shared/domain/dates';
import type { JobHandle } from '../../jobs/job-registry';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import type { DevelopmentSettingsStore } from '../development/settings';
import type { SettingsSection } from '../settings/settings-section';
import { stepLabel } from '../careers/career-paths.service';
import { collator } from '../development/common';
import { startSolver, type SolverThread } from './solver';

type ProposeInput = z.output<typeof planProposeRequest>;
type AcceptInput = z.output<typeof planAcceptRequest>;

const STRUCTURAL_LEVELS = ['pengawas', 'administrator', 'jpt_pratama', 'jpt_madya', 'jpt_utama'];
const STRUCTURAL_TYPES = ['latsar', ...LEADERSHIP_TRAININGS];

/** Milliseconds since the last lap, rounded: where a proposal's time goes (the bench prints them). */
function phaseClock(): { lap(): number } {
  let last = performance.now();
  return {
    lap() {
      const now = performance.now();
      const ms = Math.round(now - last);
      last = now;
      return ms;
    },
  };
}

/**
 * How far a plan found without HiGHS's own gap may be from the best, as a fraction of the best bound: HiGHS's
 * bound on the objective when it proved one, else every answerable need covered (Σ weight × people of the groups
 * some offering answers), which no plan exceeds.
 */
function boundedGap(weightedCovered: number, solverBound: number | null, answerable: readonly NeedGroup[]): number {
  const bound = solverBound ?? answerable.reduce((s, g) => s + g.weight * g.needs.length, 0);
  return bound <= 0 ? 0 : Math.min(1, Math.max(0, (bound - weightedCovered) / bound));
}

export interface GatheredNeeds {
  year: number;
  jpYear: number;
  jpTarget: number;
  unit: { id: number; name: string } | null;
  needs: Need[];
  people: Map<number, { nip: string; name: string; opdId: number }>;
  opds: Map<number, { name: string; ceiling: number | null }>;
  competencyNames: Map<number, string>;
}

export class PlanningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: SqlDialect,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly developmentSettings: DevelopmentSettingsStore,
    readonly weights: SettingsSection<PlanWeights>,
  ) {}

  private get read(): Run {
    return managerRun(this.dataSource);
  }

  private checkYear(year: number): void {
    const current = Number(this.clock.today().slice(0, 4));
    if (year < current || year > current + 2) {
      throw AppError.validation([{ path: 'year', message: `Tahun rencana harus antara ${current} dan ${current + 2}.` }]);
    }
  }

  // Catalogue ---------------------------------------------------------------------------------------------

  /** Active offerings as the plan sees them. An offering whose competencies were never listed develops its
   *  catalogue competency (the IDP's) by one level. */
  async offerings(run: Run = this.read): Promise<Offering[]> {
    const [rows, developed] = await Promise.all([this.sql.planning.offerings(run), this.sql.planning.offeringCompetencies(run)]);
    const byOffering = new Map<number, Array<{ competencyId: number; levels: number }>>();
    for (const d of developed) byOffering.get(d.catalog_id)?.push({ competencyId: d.competency_id, levels: d.levels }) ?? byOffering.set(d.catalog_id, [{ competencyId: d.competency_id, levels: d.levels }]);
    return rows.map((r) => {
      const listed = byOffering.get(r.id);
      const own = r.competency_id;
      return {
        id: r.id, title: r.title, type: r.type, mode: r.mode, jp: Number(r.jp), costPerParticipant: Number(r.estimated_cost), costPerClass: Number(r.cost_per_class),
        classSize: Number(r.class_size), minClasses: Number(r.min_classes), partnerCostShare: Number(r.partner_cost_share),
        competencies: listed ?? (own ? [{ competencyId: own, levels: 1 }] : []),
      };
    });
  }

  async offeringRows() {
    const run = this.read;
    const [rows, developed] = await Promise.all([this.sql.planning.offerings(run, true), this.sql.planning.offeringCompetencies(run)]);
    return {
      rows: rows.map((r) => ({
        catalogId: r.id, mode: r.mode as OfferingPlanningInput['mode'], modeLabel: deliveryModeLabel(r.mode), providerKind: r.provider_kind as OfferingPlanningInput['providerKind'],
        providerKindLabel: providerKindLabel(r.provider_kind), partnerCostShare: Number(r.partner_cost_share), costPerClass: Number(r.cost_per_class),
        classSize: Number(r.class_size), minClasses: Number(r.min_classes),
        competencies: developed.filter((d) => d.catalog_id === r.id).map((d) => ({ competencyId: d.competency_id, levels: d.levels, code: d.code, name: d.name })),
      })),
    };
  }

  async saveOffering(actor: string, catalogId: number, input: OfferingPlanningInput): Promise<{ ok: true }> {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const before = await this.sql.development.plans.catalogEntry(run, catalogId);
      if (!before) throw new AppError('not_found', `Kegiatan katalog dengan ID ${catalogId} tidak ditemukan.`);
      for (const [i, c] of input.competencies.entries()) {
        if (!(await this.sql.development.plans.competencyExists(run, c.competencyId))) {
          throw AppError.validation([{ path: `competencies.${i}.competencyId`, message: `Kompetensi dengan ID ${c.competencyId} tidak ditemukan.` }]);
        }
      }
      await this.sql.planning.updateOfferingPlanning(run, catalogId, input);
      await this.sql.planning.replaceOfferingCompetencies(run, catalogId, input.competencies);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'training_catalog', entityId: catalogId,
        summary: `Mengubah data perencanaan katalog "${String(before.title)}" (${deliveryModeLabel(input.mode)}, ${formatNumberId(input.classSize)} orang per kelas, ${formatRupiah(input.costPerClass)} per kelas)`,
        before, after: input,
      });
      return { ok: true as const };
    });
  }

  // Needs ---------------------------------------------------------------------------------------------------

  private async scope(run: Run, unitId: number | undefined): Promise<{ unit: { id: number; name: string } | null; condition: SqlCondition | null }> {
    if (unitId === undefined) return { unit: null, condition: null };
    const unit = await this.sql.development.units.unit(run, unitId);
    if (!unit) throw new AppError('not_found', `Unit kerja dengan ID ${unitId} tidak ditemukan.`);
    return { unit: { id: unit.id, name: unit.name }, condition: this.sql.development.units.subtree(unit.path, 'e') };
  }

  /** Every need of the coming year in scope, one per (person, source, target) before merging. */
  async gather(year: number, unitId: number | undefined, run: Run = this.read): Promise<GatheredNeeds> {
    const asOf = this.clock.today();
    const { jpTarget } = await this.developmentSettings.get();
    const jpYear = Math.min(year - 1, Number(asOf.slice(0, 4)));
    const { unit, condition } = await this.scope(run, unitId);
    const sql = this.sql.planning;
    const [people, opdRows, gaps, idp, belowJp, structural, successors] = await Promise.all([
      sql.people(run, condition, asOf), sql.opds(run, year), sql.positionGaps(run, condition, asOf), sql.openIdpItems(run, condition, asOf, year),
      // The same people the Diklat tab lists below the target (trainings not ended by today give no JP yet).
      this.sql.development.training.belowPage(run, {
        year: jpYear, asOf, referenceDate: jpYear < Number(asOf.slice(0, 4)) ? `${jpYear}-12-31` : asOf, target: jpTarget, subtree: condition, search: null, offset: 0, limit: Number.MAX_SAFE_INTEGER,
      }).then((r) => r.page),
      sql.structuralCandidates(run, condition, asOf, STRUCTURAL_LEVELS, STRUCTURAL_TYPES),
      sql.successorGaps(run, condition, asOf),
    ]);
    const needs: Need[] = [];
    const competencyNames = new Map<number, string>();
    for (const g of gaps) {
      competencyNames.set(g.competency_id, g.competency_name);
      const levels = g.required_level - g.level;
      needs.push({
        employeeId: g.employee_id, opdId: g.opd_id, source: 'gap', target: { kind: 'competency', competencyId: g.competency_id, levels },
        priority: g.is_key ? 'keyPosition' : 'competency', keyPositionId: g.is_key ? g.position_id : null,
        reason: `kesenjangan ${levels} level ${g.competency_name} terhadap standar ${g.position_name}`,
      });
    }
    for (const s of successors) {
      competencyNames.set(s.competency_id, s.competency_name);
      const levels = s.required_level - s.level;
      needs.push({
        employeeId: s.employee_id, opdId: s.opd_id, source: 'succession', target: { kind: 'competency', competencyId: s.competency_id, levels },
        priority: 'talentPool', keyPositionId: s.is_key ? s.position_id : null,
        reason: `kandidat suksesi ${s.position_name}: kesenjangan ${levels} level ${s.competency_name}`,
      });
    }
    for (const i of idp) {
      let target: NeedTarget;
      if (i.competency_id !== null) {
        if (i.competency_name) competencyNames.set(i.competency_id, i.competency_name);
        const levels = i.current_level !== null && i.target_level !== null && i.target_level > i.current_level ? Math.min(4, i.target_level - i.current_level) : 1;
        target = { kind: 'competency', competencyId: i.competency_id, levels };
      } else {
        target = { kind: 'offering', catalogId: i.catalog_id! };
      }
      needs.push({
        employeeId: i.employee_id, opdId: i.opd_id, source: 'idp', target, priority: 'competency', keyPositionId: null,
        reason: `kegiatan IDP ${i.plan_year} belum terlaksana: ${i.activity}`,
      });
    }
    const opdOf = new Map(people.map((p) => [p.id, p.opd_id]));
    for (const b of belowJp) {
      const opdId = opdOf.get(b.id);
      if (opdId === undefined) continue; // out of service since the end of that year
      needs.push({
        employeeId: b.id, opdId, source: 'jp', target: { kind: 'jp' }, priority: 'jp', keyPositionId: null,
        reason: `JP ${jpYear} baru ${formatNumberId(Math.round(Number(b.jp) * 10) / 10)} dari target ${formatNumberId(jpTarget)} JP`,
      });
    }
    for (const s of structural) {
      const missing = missingRequiredTrainings(requiredTrainings({ employmentType: s.employment_type, positionLevel: s.position_level }), (s.followed ?? '').split(',').filter(Boolean));
      for (const m of missing) {
        needs.push({
          employeeId: s.employee_id, opdId: s.opd_id, source: 'leadership', target: { kind: 'training', trainingType: m.code }, priority: 'leadership',
          keyPositionId: s.is_key && s.position_id !== null ? s.position_id : null, reason: `${m.label} ${m.reason}`,
        });
      }
    }
    const career = await this.careerNeeds(run, condition, asOf, opdOf);
    needs.push(...career.needs);
    for (const [id, name] of career.competencyNames) if (!competencyNames.has(id)) competencyNames.set(id, name);
    return {
      year, jpYear, jpTarget, unit, needs,
      people: new Map(people.map((p) => [p.id, { nip: p.nip, name: p.name, opdId: p.opd_id }])),
      opds: new Map(opdRows.map((o) => [o.id, { name: o.name, ceiling: o.ceiling === null ? null : Number(o.ceiling) }])),
      competencyNames,
    };
  }

  /**
   * The trainable requirements missing on the career steps people stand at (Peta Karier's rule, moves.ts
   * assessCareerStep): the step's leadership training when not followed, and when its JPM is not met, the known
   * gaps against the target's standard. Read from the derived readiness (career_step_readiness) for the steps not
   * ready other than by time; people whose rows are not valid on `asOf` are judged again here, and everyone when
   * the rows were judged against other steps or standards (as the Jalur Karier graph does). Education, pangkat,
   * time in level, SKP and discipline are not needs a training answers.
   */
  private async careerNeeds(run: Run, condition: SqlCondition | null, asOf: IsoDate, opdOf: ReadonlyMap<number, number>): Promise<{ needs: Need[]; competencyNames: Map<number, string> }> {
    const competencyNames = new Map<number, string>();
    const { paths } = await effectivePaths(run);
    const steps = paths.flatMap((p) => p.steps);
    if (steps.length === 0) return { needs: [], competencyNames };
    const standards = await stepStandards(run, steps);
    const state = await this.sql.careerReadiness.state(run);
    const notReady = (entries: readonly ReadinessEntry[]) => entries.filter((e) => !e.ready && e.readyOn === null).map((e) => ({ employeeId: e.employeeId, stepId: e.stepId }));
    let open: Array<{ employeeId: number; stepId: number }>;
    if (!state || state.signature !== readinessSignature(steps, standards)) {
      open = notReady(await evaluateReadiness(run, steps, standards, asOf, 'all'));
    } else {
      const stale = new Set(await this.sql.careerReadiness.staleEmployees(run, asOf));
      open = (await this.sql.planning.careerStepsOpen(run, condition, asOf)).filter((r) => !stale.has(r.employee_id)).map((r) => ({ employeeId: r.employee_id, stepId: r.step_id }));
      const judge = [...stale].filter((id) => opdOf.has(id));
      if (judge.length > 0) open.push(...notReady(await evaluateReadiness(run, steps, standards, asOf, judge)));
    }
    open = open.filter((o) => opdOf.has(o.employeeId));
    if (open.length === 0) return { needs: [], competencyNames };
    const ids = [...new Set(open.map((o) => o.employeeId))];
    const competencyIds = [...new Set([...standards.values()].flatMap((list) => list.map((x) => x.competencyId)))];
    const followedRows = await this.sql.planning.leadershipFollowed(run, LEADERSHIP_TRAININGS, asOf);
    const levelRows = await this.sql.planning.competencyLevelsOf(run, ids, competencyIds);
    const followed = new Map(followedRows.map((r) => [r.employee_id, r.followed.split(',')]));
    const levels = new Map<number, Map<number, number>>();
    for (const r of levelRows) {
      if (r.name !== null) competencyNames.set(r.competency_id, r.name);
      let mine = levels.get(r.employee_id);
      if (!mine) levels.set(r.employee_id, (mine = new Map()));
      mine.set(r.competency_id, Number(r.level));
    }
    const stepById = new Map(steps.map((st) => [st.id, { step: st, label: stepLabel(st), standard: standards.get(standardKey(st)) ?? [] }]));
    const none = new Map<number, number>();
    const needs: Need[] = [];
    for (const { employeeId, stepId } of open) {
      const found = stepById.get(stepId);
      if (!found) continue;
      const { step, label, standard } = found;
      const opdId = opdOf.get(employeeId)!;
      const training = step.requirements.leadershipTraining;
      if (training && !hasLeadershipTraining(followed.get(employeeId) ?? [], training)) {
        needs.push({
          employeeId, opdId, source: 'career', target: { kind: 'training', trainingType: training }, priority: 'leadership', keyPositionId: null,
          reason: `syarat jalur karier ${label}: belum mengikuti ${trainingShortLabel(training)}`,
        });
      }
      const minJpm = step.requirements.minJpm;
      if (minJpm === null) continue;
      const mine = levels.get(employeeId) ?? none;
      const jpm = jpmOfSums(jpmSums(standard, mine));
      if (jpm.status === 'complete' && jpm.percent !== null && jpm.percent >= minJpm) continue;
      for (const item of standard) {
        const level = mine.get(item.competencyId);
        const name = competencyNames.get(item.competencyId);
        // A competency never assessed has no known gap (it asks for an assessment, not a training).
        if (level === undefined || level >= item.requiredLevel || name === undefined) continue;
        const gap = item.requiredLevel - level;
        needs.push({
          employeeId, opdId, source: 'career', target: { kind: 'competency', competencyId: item.competencyId, levels: gap }, priority: 'competency', keyPositionId: null,
          reason: `syarat jalur karier ${label}: kesenjangan ${gap} level ${name} terhadap standar jabatan tujuan`,
        });
      }
    }
    // One need per person and target (two steps may ask the same training), as the other sources give them.
    return { needs: mergeNeeds(needs, DEFAULT_PLAN_WEIGHTS), competencyNames };
  }

  async needs(request: { year: number; unitId?: number }): Promise<z.infer<typeof planNeeds>> {
    this.checkYear(request.year);
    const gathered = await this.gather(request.year, request.unitId);
    const merged = mergeNeeds(gathered.needs, await this.weights.get());
    const bySource = NEED_SOURCES.map((s) => {
      const list = gathered.needs.filter((n) => n.source === s.code);
      return { source: s.code, label: s.label, needs: list.length, people: new Set(list.map((n) => n.employeeId)).size };
    });
    const perOpd = new Map<number, Need[]>();
    for (const n of merged) perOpd.get(n.opdId)?.push(n) ?? perOpd.set(n.opdId, [n]);
    const byOpd = [...perOpd.entries()].map(([opdId, list]) => ({
      opdId, opdName: this.opdName(gathered, opdId), ceiling: gathered.opds.get(opdId)?.ceiling ?? null, needs: list.length, people: new Set(list.map((n) => n.employeeId)).size,
    })).sort((a, b) => b.needs - a.needs || collator.compare(a.opdName, b.opdName));
    const perTarget = new Map<string, { label: string; needs: number; opds: Set<number> }>();
    for (const n of merged) {
      const key = targetKey(n.target);
      const entry = perTarget.get(key) ?? { label: this.targetLabel(n.target, gathered, false), needs: 0, opds: new Set<number>() };
      entry.needs++;
      entry.opds.add(n.opdId);
      perTarget.set(key, entry);
    }
    return {
      year: request.year, unitName: gathered.unit?.name ?? null, people: gathered.people.size, needsTotal: merged.length, bySource, byOpd,
      top: [...perTarget.values()].sort((a, b) => b.needs - a.needs || collator.compare(a.label, b.label)).slice(0, 15).map((t) => ({ label: t.label, needs: t.needs, opds: t.opds.size })),
    };
  }

  private opdName(gathered: GatheredNeeds, opdId: number): string {
    return gathered.opds.get(opdId)?.name ?? 'Perangkat daerah tidak aktif';
  }

  private targetLabel(target: NeedTarget, gathered: GatheredNeeds, withLevels = true, offerings?: ReadonlyMap<number, Offering>): string {
    switch (target.kind) {
      case 'competency': {
        const name = gathered.competencyNames.get(target.competencyId) ?? 'Kompetensi';
        return withLevels ? `${name} (naik ${target.levels} level)` : name;
      }
      case 'jp': return `Mencapai ${formatNumberId(gathered.jpTarget)} JP`;
      case 'training': return trainingTypeLabel(target.trainingType);
      case 'offering': return `Kegiatan IDP: ${offerings?.get(target.catalogId)?.title ?? `katalog ${target.catalogId}`}`;
    }
  }

  // Proposal ------------------------------------------------------------------------------------------------

  async propose(request: PlanProposeRequest | ProposeInput, job?: JobHandle): Promise<PlanProposalResult> {
    const input = request as ProposeInput;
    this.checkYear(input.year);
    // The solver thread loads HiGHS on another core while the needs are read here.
    const solver = startSolver();
    try {
      return await this.proposeWith(solver, input, job);
    } finally {
      solver.dispose();
    }
  }

  private async proposeWith(solver: SolverThread, input: ProposeInput, job?: JobHandle): Promise<PlanProposalResult> {
    const clock = phaseClock();
    const weights = input.weights ?? (await this.weights.get());
    const gathered = await this.gather(input.year, input.unitId);
    const offerings = await this.offerings();
    const offeringById = new Map(offerings.map((o) => [o.id, o]));
    const notes: string[] = [];
    const pins = (input.pins ?? []).map((p) => ({ catalogId: p.catalogId, opdId: p.unitId ?? null }));
    for (const pin of pins) {
      if (!offeringById.has(pin.catalogId)) throw AppError.validation([{ path: 'pins', message: `Kegiatan katalog dengan ID ${pin.catalogId} tidak ada atau tidak aktif.` }]);
      if (pin.opdId !== null && !gathered.opds.has(pin.opdId)) throw AppError.validation([{ path: 'pins', message: `Perangkat daerah dengan ID ${pin.opdId} tidak ditemukan.` }]);
      if ((input.excludes ?? []).includes(pin.catalogId)) throw AppError.validation([{ path: 'excludes', message: `"${offeringById.get(pin.catalogId)!.title}" tidak dapat sekaligus diwajibkan dan dikecualikan.` }]);
    }
    const merged = mergeNeeds(gathered.needs, weights);
    const groups = groupNeeds(merged, weights);
    const needsMs = clock.lap();
    const inScope = new Set(merged.map((n) => n.opdId));
    const opdCeilings = new Map<number, number>();
    if (input.useUnitCeilings ?? true) {
      for (const [opdId, opd] of gathered.opds) if (opd.ceiling !== null && inScope.has(opdId)) opdCeilings.set(opdId, opd.ceiling);
    }
    const model = buildPlanModel({
      groups, offerings, budget: input.budget, opdCeilings, pins, excludes: input.excludes ?? [], jpTarget: gathered.jpTarget,
    });
    for (const pin of model.unusablePins) {
      notes.push(`"${offeringById.get(pin.catalogId)!.title}" tidak menjawab kebutuhan mana pun${pin.opdId !== null ? ` di ${this.opdName(gathered, pin.opdId)}` : ''}, sehingga tidak dapat diwajibkan.`);
    }
    if (model.unusablePins.length > 0) throw AppError.validation([{ path: 'pins', message: notes.join(' ') }], notes.join(' '));
    const modelMs = clock.lap();
    const timeLimit = input.timeLimitSeconds ?? 10;
    job?.progress('Menyusun rencana', 0, timeLimit);
    const solved = model.pairs.length === 0
      ? { outcome: 'optimal' as const, gap: 0, bound: 0, values: {}, seconds: 0, objective: 0, fromStart: false, type: 'result' as const, detail: '' }
      : await solver.solve(model.lp, {
        timeLimitSeconds: timeLimit, mipAbsGap: COVERAGE_PROVEN_GAP, start: model.start,
        onProgress: (p) => job?.progress('Mencari rencana terbaik', Math.min(timeLimit, Math.floor(p.seconds)), timeLimit),
      });
    const solverMs = clock.lap();
    job?.progress('Menyusun rencana', timeLimit, timeLimit);
    if (solved.outcome === 'infeasible') {
      throw new AppError('validation', 'Rencana tidak dapat disusun: kegiatan yang diwajibkan (beserta jumlah kelas minimalnya) melebihi anggaran. Kurangi kegiatan yang diwajibkan atau naikkan anggaran.');
    }
    if (solved.outcome === 'error') {
      // Only without a start plan (the pins could not be met by it): with one, the start is the plan.
      throw new AppError('validation', 'Penyusun rencana belum menemukan rencana yang memuat semua kegiatan yang diwajibkan dalam batas waktunya; perpanjang batas waktu, kurangi kegiatan yang diwajibkan atau persempit cakupan.');
    }
    const items = assignPeople(model.pairs, new Map(Object.entries(solved.values)));
    const figures = planFigures(items, merged, gathered.jpTarget, (n) => weights[n.priority]);
    const answered = new Set(model.pairs.map((p) => p.group));
    const gap = solved.outcome === 'time_limit' && solved.gap === null ? boundedGap(figures.weightedCovered, solved.bound, groups.filter((g) => answered.has(g))) : solved.gap;
    if (merged.length === 0) notes.push('Tidak ada kebutuhan pengembangan yang terhimpun untuk cakupan ini.');
    if (solved.fromStart) {
      notes.push(`Batas waktu ${formatNumberId(timeLimit)} detik tercapai sebelum penyusun rencana menemukan rencananya sendiri: ini rencana awal yang disusun bertahap (kebutuhan terbobot terbanyak per rupiah lebih dulu), paling jauh ${formatPercentId((gap ?? 1) * 100)} dari yang optimal.`);
    } else if (solved.outcome === 'time_limit') {
      notes.push(`Batas waktu ${formatNumberId(timeLimit)} detik tercapai: rencana ini yang terbaik yang ditemukan, paling jauh ${formatPercentId((gap ?? 1) * 100)} dari yang optimal.`);
    }
    const uncoveredNeeds = groups.filter((g) => !answered.has(g)).reduce((s, g) => s + g.needs.length, 0);
    if (uncoveredNeeds > 0) notes.push(`${formatNumberId(uncoveredNeeds)} kebutuhan belum punya kegiatan katalog yang menjawabnya; lengkapi katalog (kompetensi yang dikembangkan, jenis pelatihan).`);

    const needsPerOpd = new Map<number, number>();
    for (const n of merged) needsPerOpd.set(n.opdId, (needsPerOpd.get(n.opdId) ?? 0) + 1);
    const coveredPerOpd = new Map<number, number>();
    for (const i of items) coveredPerOpd.set(i.group.opdId, (coveredPerOpd.get(i.group.opdId) ?? 0) + i.covered.length);
    const result: PlanProposalResult = {
      year: input.year, budget: input.budget, unitId: gathered.unit?.id ?? null, unitName: gathered.unit?.name ?? null, weights,
      cost: figures.cost, needsTotal: figures.needsTotal, needsCovered: figures.needsCovered, peopleReaching20Jp: figures.peopleReaching20Jp,
      optimalityGap: gap, provenOptimal: solved.outcome === 'optimal', solverSeconds: Math.round(solved.seconds * 100) / 100,
      gapLevelsClosed: figures.gapLevelsClosed, gapLevelsTotal: figures.gapLevelsTotal,
      keyPositionsWithNeeds: figures.keyPositionsWithNeeds, keyPositionsCovered: figures.keyPositionsCovered,
      lowCostShare: figures.lowCostShare, weightedCovered: figures.weightedCovered, weightedTotal: merged.reduce((s, n) => s + weights[n.priority], 0),
      notes,
      opds: [...needsPerOpd].map(([opdId, needsTotal]) => ({
        opdId, opdName: this.opdName(gathered, opdId), ceiling: opdCeilings.get(opdId) ?? gathered.opds.get(opdId)?.ceiling ?? null,
        cost: figures.costPerOpd.get(opdId) ?? 0, needsTotal, needsCovered: coveredPerOpd.get(opdId) ?? 0,
      })).sort((a, b) => collator.compare(a.opdName, b.opdName)),
      items: items.map((item) => ({
        catalogId: item.offering.id, title: item.offering.title, modeLabel: deliveryModeLabel(item.offering.mode), lowCost: LOW_COST_MODES.has(item.offering.mode),
        opdId: item.group.opdId, opdName: this.opdName(gathered, item.group.opdId), needLabel: this.targetLabel(item.group.target, gathered, true, offeringById),
        priorityLabel: PRIORITY_LABELS[item.group.priority], classes: item.classes, jp: item.offering.jp,
        classCost: officeCost(item.offering.costPerClass, item.offering.partnerCostShare), participantCost: officeCost(item.offering.costPerParticipant, item.offering.partnerCostShare),
        cost: item.cost,
        participants: item.covered.map((n) => {
          const person = gathered.people.get(n.employeeId);
          return {
            employeeId: n.employeeId, nip: person?.nip ?? '', name: person?.name ?? '', reason: n.reason,
            competencyId: n.target.kind === 'competency' ? n.target.competencyId : null, levels: n.target.kind === 'competency' ? n.target.levels : null,
          };
        }),
      })),
      model: { variables: model.variables, constraints: model.constraints, groups: groups.length, offerings: offerings.length },
      timings: { needsMs, modelMs, solverMs, seatingMs: 0 },
    };
    result.timings.seatingMs = clock.lap();
    return result;
  }

  // Realisation --------------------------------------------------------------------------------------------

  async realisation(year: number) {
    const run = this.read;
    const [rows, opds] = await Promise.all([this.sql.planning.realisation(run, year), this.sql.planning.opds(run, year)]);
    const names = new Map(opds.map((o) => [o.id, o]));
    const read = (r: (typeof rows)[number]) => ({
      items: Number(r.items), done: Number(r.done ?? 0), cancelled: Number(r.cancelled ?? 0), plannedCost: Number(r.planned_cost ?? 0), spent: Number(r.spent ?? 0),
      plannedJp: Math.round(Number(r.planned_jp ?? 0) * 10) / 10, deliveredJp: Math.round(Number(r.delivered_jp ?? 0) * 10) / 10,
    });
    const list = rows.map((r) => ({ opdId: r.opd_id, opdName: names.get(r.opd_id)?.name ?? 'Perangkat daerah tidak aktif', ceiling: names.get(r.opd_id)?.ceiling ?? null, ...read(r) }))
      .sort((a, b) => collator.compare(a.opdName, b.opdName));
    const total = { items: 0, done: 0, cancelled: 0, plannedCost: 0, spent: 0, plannedJp: 0, deliveredJp: 0 };
    for (const r of list) for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += r[key];
    total.plannedJp = Math.round(total.plannedJp * 10) / 10;
    total.deliveredJp = Math.round(total.deliveredJp * 10) / 10;
    return { year, rows: list, total };
  }

  // Acceptance ----------------------------------------------------------------------------------------------

  async accept(actor: string, input: AcceptInput): Promise<{ plansCreated: number; itemsAdded: number; skipped: number }> {
    this.checkYear(input.year);
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const offerings = new Map((await this.offerings(run)).map((o) => [o.id, o]));
      const issues = input.items.flatMap((item, i) => (offerings.has(item.catalogId) ? [] : [{ path: `items.${i}.catalogId`, message: `Kegiatan katalog dengan ID ${item.catalogId} tidak ada atau tidak aktif.` }]));
      const ids = [...new Set(input.items.flatMap((item) => item.participants.map((p) => p.employeeId)))];
      const employees = new Map((await this.sql.planning.employeesByIds(run, ids)).map((e) => [e.id, e]));
      for (const employeeId of ids) {
        const employee = employees.get(employeeId);
        if (!employee) issues.push({ path: 'items', message: `Pegawai dengan ID ${employeeId} tidak ditemukan.` });
        else if (employee.status !== 'active') issues.push({ path: 'items', message: `${employee.name} tidak berstatus aktif; rencana pengembangan hanya untuk pegawai aktif.` });
      }
      for (const competencyId of new Set(input.items.flatMap((item) => item.participants.flatMap((p) => (p.competencyId === null ? [] : [p.competencyId]))))) {
        if (!(await this.sql.development.plans.competencyExists(run, competencyId))) issues.push({ path: 'items', message: `Kompetensi dengan ID ${competencyId} tidak ditemukan.` });
      }
      if (issues.length > 0) throw AppError.validation(issues.slice(0, 20), `Rencana belum dapat diterima: ${issues.slice(0, 5).map((x) => x.message).join(' ')}`);
      const now = this.clock.now();
      const planIds = new Map<number, number>();
      let plansCreated = 0, itemsAdded = 0, skipped = 0, cost = 0;
      for (const item of input.items) {
        const offering = offerings.get(item.catalogId)!;
        // Each participant's item carries their cost and their share of the classes' cost, so the IDP totals per
        // OPD add up to the plan's cost.
        const classShare = Math.ceil((officeCost(offering.costPerClass, offering.partnerCostShare) * item.classes) / item.participants.length);
        const perPerson = officeCost(offering.costPerParticipant, offering.partnerCostShare) + classShare;
        for (const p of item.participants) {
          let planId = planIds.get(p.employeeId) ?? (await this.sql.development.plans.planIdOf(run, p.employeeId, input.year));
          if (planId === null) {
            planId = await this.sql.development.plans.insertPlan(run, { employeeId: p.employeeId, year: input.year, targetPositionId: null, notes: `Disusun dari Rencana Anggaran ${input.year}.`, createdBy: actor, at: now });
            plansCreated++;
          } else if (await this.sql.planning.planHasOffering(run, planId, offering.id)) {
            planIds.set(p.employeeId, planId);
            skipped++;
            continue;
          }
          planIds.set(p.employeeId, planId);
          await this.sql.development.plans.insertItem(run, planId, {
            competencyId: p.competencyId, requirement: p.reason.slice(0, 300) || null, currentLevel: null, targetLevel: null, activity: offering.title.slice(0, 300),
            catalogId: offering.id, jp: offering.jp, estimatedCost: perPerson, targetDate: null, status: 'direncanakan',
          }, now);
          itemsAdded++;
          cost += perPerson;
        }
      }
      await this.audit.record(manager, {
        actor, action: 'create', entity: 'development_plan', entityId: null,
        summary: `Menerima Rencana Anggaran ${input.year}: ${formatNumberId(itemsAdded)} kegiatan IDP untuk ${formatNumberId(planIds.size)} pegawai (${formatNumberId(plansCreated)} rencana baru), ${formatRupiah(cost)}`,
        after: { year: input.year, items: input.items.map((i) => ({ catalogId: i.catalogId, classes: i.classes, participants: i.participants.length })) },
      });
      return { plansCreated, itemsAdded, skipped };
    });
  }
}
