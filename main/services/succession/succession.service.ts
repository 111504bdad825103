// Succession planning: key positions and their retirement risk (overview.ts), candidates ranked over the whole
// district with an explained score and checklist (ranking.ts), saved plans with history (plans.ts), development
// needs and the chain of vacancies (chain.ts), the positions' rumpun (rumpun.ts) and the settings
// (succession.settings.ts). This class joins them
// into what the screens ask for. The rules are in shared/domain/succession/; the SQL in main/db/sql/succession/.

import type { DataSource } from 'typeorm';
import type { IsoDate } from '../../../shared/domain/dates';
import { assessRisk, describeRiskRule, developmentNeeds, type Readiness } from '../../../shared/domain/succession';
import { proposeRumpun } from '../../../shared/domain/succession/rumpun';
import { AppError } from '../../../shared/errors';
import type { CandidateDetail, PlanCandidate, PositionDetail, RankResult, SavePlanRequest, SuccessionOverview, SuccessionSettings } from '../../../shared/schemas/succession';
import type { SqlDialect } from '../../db/sql';
import { tupleSourceOf, type TupleSource } from '../../db/sql/tuples';
import { managerRun, type Run } from '../../db/sql/run';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import type { SettingsSection } from '../settings/settings-section';
import type { SettingsService } from '../settings/settings.service';
import { chainOf } from './chain';
import { SuccessionOverviewReader, type SuccessionStats } from './overview';
import { SuccessionPlans } from './plans';
import { PositionRumpun } from './rumpun';
import { evaluationDto, SuccessionRanking, summaryDto, type RankRequest } from './ranking';
import { SUCCESSION_SETTINGS } from './succession.settings';
import { CAREER_RULES_SETTINGS, disciplineRulesOf, type CareerRulesStore } from '../development/career-rules.settings';
import { benchOf, disciplineBlocks, incumbentDto, requireStructural, requirementsDto, resolveTarget, structuralOrRefuse, targetOf, weightList, type Target } from './targets';

export type { SuccessionStats };

export class SuccessionService {
  private readonly settings: SettingsSection<SuccessionSettings>;
  /** Which hukuman disiplin keeps a person out of the candidates (Pengaturan, aturan administrasi karier). */
  private readonly careerRules: CareerRulesStore;
  private readonly read: Run;
  private readonly overviews: SuccessionOverviewReader;
  private readonly ranking: SuccessionRanking;
  private readonly plans: SuccessionPlans;
  private readonly rumpun: PositionRumpun;

  constructor(
    dataSource: DataSource,
    audit: AuditService,
    settingsService: SettingsService,
    private readonly clock: Clock,
    private readonly sql: SqlDialect,
  ) {
    this.settings = settingsService.section(SUCCESSION_SETTINGS);
    this.careerRules = settingsService.section(CAREER_RULES_SETTINGS);
    this.read = managerRun(dataSource);
    // District-wide reads go to SQLite's own connection (prepared statements answering arrays); in team mode the
    // same statements run through the Run toward the server.
    const source = (): TupleSource => tupleSourceOf(dataSource);
    this.overviews = new SuccessionOverviewReader(sql, source);
    this.ranking = new SuccessionRanking(sql, this.read, source);
    this.plans = new SuccessionPlans(dataSource, sql, audit, clock);
    this.rumpun = new PositionRumpun(dataSource, sql, audit, clock);
  }

  // ------------------------------------------------------------------ settings

  getSettings(): Promise<SuccessionSettings> {
    return this.settings.get();
  }

  /** The settings as their form reads them, with the version to send back. */
  settingsForm(): Promise<SuccessionSettings & { version: number }> {
    return this.settings.read();
  }

  updateSettings(patch: Partial<SuccessionSettings> & { version?: number }, actor: string): Promise<SuccessionSettings & { version: number }> {
    return this.settings.update(patch, actor);
  }

  // ------------------------------------------------------------------ overview and stats

  async overview(asOf?: IsoDate): Promise<SuccessionOverview> {
    return this.overviews.overview(asOf ?? this.clock.today(), this.getSettings());
  }

  /** `stats --json` → "succession". */
  async statsSection(asOf: IsoDate): Promise<SuccessionStats> {
    return this.overviews.stats(asOf, await this.getSettings());
  }

  // ------------------------------------------------------------------ one position

  /** A position page: incumbent, risk, requirements, the saved plan with each candidate's checklist and
   *  development needs, the history of revisions and the chain of vacancies. */
  async position(positionId: number): Promise<PositionDetail> {
    const today = this.clock.today();
    const read = this.read;
    const sql = this.sql.succession;
    // Two rounds of reads, each going out together (on a server each read is a round trip on the pool's
    // connections; a desk's file answers them in turn): what the post id alone names, then what its plan names.
    // Only this post's plan, units and candidates are read, never every plan and post of the district.
    const [settings, careerRules, pagePosition, incumbent, standard, stored, history] = await Promise.all([
      this.getSettings(),
      this.careerRules.get(),
      sql.positions.pagePosition(read, positionId),
      sql.positions.incumbent(read, positionId),
      this.ranking.standardOf(positionId),
      sql.plans.planOfPosition(read, positionId),
      this.plans.historyOfPosition(read, positionId),
    ]);
    const position = structuralOrRefuse(pagePosition, positionId);
    const members = stored?.members ?? [];
    const ids = members.map((s) => s.employee_id);
    const [unitPath, summaries, facts, levels, discipline, chain] = await Promise.all([
      sql.positions.unitsOfPath(read, position.unit_path),
      sql.ranking.employeeSummaries(read, ids),
      this.ranking.factsRowsOf(ids, position.id),
      this.sql.competency.levelsOf(read, ids, standard.map((s) => s.competencyId)),
      // A plan's candidates are all its evaluation names: their hukuman disiplin, not the district's.
      disciplineBlocks(this.sql, read, today, disciplineRulesOf(careerRules), ids),
      chainOf(position, stored, (id) => sql.plans.planOfPosition(read, id)),
    ]);
    const target = targetOf(position, incumbent, settings, today, discipline);
    const { req } = target;
    // The bench counts the candidates whose employee row is there, as the Suksesi overview does.
    const bench = benchOf(members.filter((m) => m.found).map((m) => ({ employeeId: m.employee_id, readiness: m.readiness, status: m.status, retirementDate: m.retirementDate })),
      target.incumbent?.employeeId ?? null, target.vacancyDate);
    const risk = assessRisk({ today, vacantNow: target.vacantNow, retirementDate: target.incumbent?.retirementDate ?? null, bench }, settings.risk, settings.readinessLabels);

    let planDto: PositionDetail['plan'] = null;
    if (stored) {
      const evaluations = this.ranking.evaluateRows(facts, target, standard);
      const plan = stored.plan;
      planDto = {
        id: plan.id, revision: plan.revision, notes: plan.notes, updatedBy: plan.updated_by, updatedAt: plan.updated_at, createdAt: plan.created_at,
        candidates: members.map((s): PlanCandidate => {
          const evaluation = evaluations.get(s.employee_id)!;
          return {
            ...summaryDto(summaries.get(s.employee_id)!), ...evaluationDto(evaluation),
            rank: s.rank, readiness: s.readiness as Readiness, notes: s.notes, addedBy: s.added_by, addedAt: s.added_at,
            developmentNeeds: developmentNeeds(evaluation, standard, levels.get(s.employee_id) ?? new Map(), req),
          };
        }),
      };
    }

    return {
      asOf: today,
      position: {
        id: position.id, name: position.name, kind: position.kind, level: position.level, eselon: position.eselon, isKey: position.is_key === 1, version: Number(position.version),
        unitPath: unitPath.map((u) => u.name), opdName: unitPath[0]?.name ?? null,
        rumpun: position.rumpun, rumpunSetByOffice: position.rumpun_set_by_office === 1,
        proposedRumpun: proposeRumpun({ kind: position.kind, family: position.family, opdName: position.opd_name }),
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
      history: stored ? history : [],
      chain,
    };
  }

  /** Candidates ranked over every active employee of the district (the incumbent excluded). */
  async rank(request: RankRequest): Promise<RankResult> {
    return this.ranking.rank(await this.target(request.positionId), request);
  }

  /** One person against one position, with what they still need for it. */
  async candidate(positionId: number, employeeId: number): Promise<CandidateDetail> {
    return this.ranking.candidate(await this.target(positionId), employeeId);
  }

  // ------------------------------------------------------------------ writes

  /** Saves the plan as a whole (a new revision), with its history row and audit entries, in one transaction. */
  async savePlan(request: SavePlanRequest & { notes: string | null; candidates: Array<{ employeeId: number; readiness: Readiness; notes: string | null }> }, actor: string) {
    const position = await requireStructural(this.sql, this.read, request.positionId);
    const ids = request.candidates.map((c) => c.employeeId);
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate !== undefined) throw AppError.validation([{ path: 'candidates', message: 'Seorang pegawai tercantum dua kali dalam rencana.' }]);
    const people = await this.sql.succession.ranking.employeeSummaries(this.read, ids);
    const issues = ids.flatMap((id, i) => {
      const p = people.get(id);
      if (!p) return [{ path: `candidates.${i}.employeeId`, message: `Pegawai dengan ID ${id} tidak ditemukan.` }];
      if (p.status !== 'active') return [{ path: `candidates.${i}.employeeId`, message: `${p.fullName} tidak berstatus aktif.` }];
      if (p.positionId === position.id) return [{ path: `candidates.${i}.employeeId`, message: `${p.fullName} adalah pejabat saat ini pada jabatan ini.` }];
      return [];
    });
    if (issues.length > 0) throw AppError.validation(issues, `Rencana suksesi belum dapat disimpan: ${issues.map((x) => x.message).join(' ')}`);
    const settings = await this.getSettings();
    return this.plans.save(position, { positionId: position.id, expectedRevision: request.expectedRevision, notes: request.notes, candidates: request.candidates }, people, settings.readinessLabels, actor);
  }

  /** Marks or unmarks a key position (jabatan kritikal). */
  async setKey(positionId: number, version: number, isKey: boolean, actor: string): Promise<{ positionId: number; isKey: boolean; version: number }> {
    const position = await requireStructural(this.sql, this.read, positionId);
    return this.plans.setKey(position, version, isKey, actor);
  }

  /** Sets a position's rumpun, or (null) gives it back to Jenjang's proposal. */
  async setRumpun(positionId: number, version: number, rumpun: string | null, actor: string) {
    return this.rumpun.set(positionId, version, rumpun, actor);
  }

  /** The rumpun in use and related pairs proposed from the data, for the settings screen. */
  rumpunOptions() {
    return this.rumpun.options();
  }

  /** Structural posts (JPT, administrator, pengawas) to mark as key positions. */
  async structuralPositions(filter: { search?: string; level?: string; keyOnly?: boolean }) {
    const rows = await this.sql.succession.overview.structuralPositions(this.read, filter);
    return {
      rows: rows.map((r) => ({
        positionId: r.id, name: r.name, level: r.level, eselon: r.eselon, unitName: r.unitName, opdName: r.opdName, isKey: r.isKey,
        incumbentName: r.incumbentName, hasPlan: r.hasPlan, version: r.version,
      })),
    };
  }

  private async target(positionId: number): Promise<Target> {
    const [settings, careerRules] = await Promise.all([this.getSettings(), this.careerRules.get()]);
    return resolveTarget(this.sql, this.read, positionId, settings, this.clock.today(), disciplineRulesOf(careerRules));
  }
}
