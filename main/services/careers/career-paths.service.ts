// Pola karier: the paths the office keeps (Jenjang's default set until the first edit, default-paths.ts), the
// Jalur Karier graph with how many stand at each step's start and how many are ready, one employee's Peta Karier
// (every next step with each requirement of moves.ts assessCareerStep, the vacancies of its positions) and the IDP
// items made from what a step still asks. Every edit is audited in its own transaction; a step or path edit names
// the version it read and judges the district again in that transaction. The graph and `stats` count the derived
// readiness kept on write (main/db/career-readiness.ts), judging only the people whose rows are not valid today.

import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { assessCareerStep, classifyMove, durationText, MOVE_KIND_LABELS } from '../../../shared/domain/careers';
import { disciplineKindInfo, disciplinePeriod, isRunningOn, type DisciplineKind } from '../../../shared/domain/careers/discipline';
import { capitalised } from '../../../shared/domain/careers/requirement';
import { SATYALANCANA_CLASSES } from '../../../shared/domain/careers/satyalancana';
import { DEFAULT_STUDY_RULES, releaseFromPositionFlag, STUDY_STATUSES, type StudyRules, type StudyStatus } from '../../../shared/domain/careers/study';
import { addMonths, type IsoDate } from '../../../shared/domain/dates';
import { trainingTypeLabel } from '../../../shared/domain/development';
import { finalSkpYears } from '../../../shared/domain/careers/moves';
import { golonganWithPangkat } from '../../../shared/domain/golongan';
import { positionLevelInfo, positionLevelLabel, type PositionLevel } from '../../../shared/domain/position';
import { trainingShortLabel } from '../../../shared/domain/succession/requirements';
import { AppError } from '../../../shared/errors';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import {
  EDUCATION_RANK_LABELS, type CareerRecords, type CareerStep, type pathInput, type Peta, type stepInput,
} from '../../../shared/schemas/career-paths';
import type { PlanItemInput } from '../../../shared/schemas/plans';
import {
  careerFacts, effectivePaths, evaluateReadiness, readinessSignature, refreshCareerReadiness, standardKey, standsAt, stepStandards,
  toDomainRequirements, type PathDef, type RequirementsInput, type Standard, type StepDef,
} from '../../db/career-readiness';
import type { SqlDialect } from '../../db/sql';
import type { StepValues } from '../../db/sql/career-paths.sql';
import { managerRun, type Run } from '../../db/sql/run';
import { tupleSourceOf } from '../../db/sql/tuples';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import type { PlanService } from '../development/plan.service';
import { readEditVersion, staleEditError } from '../versions/edit-version';

type StepInput = z.output<typeof stepInput>;
type PathInput = z.output<typeof pathInput>;
const SOURCE_LABELS: Record<string, string> = { manual: 'Input manual', import: 'Impor', demo: 'Data demo' };
const sourceLabel = (code: string) => SOURCE_LABELS[code] ?? 'Lainnya';
const STUDY_BASIS_LABELS: Record<string, string> = { tugas_belajar: 'Tugas belajar', izin_belajar: 'Izin belajar' };

/** Vacancies counted within this many years of the as-of day (retirements). */
export const VACANCY_HORIZON_YEARS = 2;
const VACANCY_LIST_LIMIT = 50;

const isFunctional = (level: string) => positionLevelInfo(level)?.kind === 'fungsional';

/** "Pengawas", "JF Ahli Muda", "Guru Ahli Muda": how the graph, the tab and `stats` name one end of a step. */
export function endpointLabel(level: string, family: string | null): string {
  const label = positionLevelLabel(level);
  return family && isFunctional(level) ? `${family} ${label.replace(/^JF /, '')}` : label;
}

export function laneOf(level: string, family: string | null): { key: string; label: string } {
  if (isFunctional(level)) return family ? { key: `jf:${family}`, label: `Fungsional ${family}` } : { key: 'jf', label: 'Fungsional (semua rumpun)' };
  if (level === 'pelaksana') return { key: 'pelaksana', label: 'Pelaksana' };
  return { key: 'struktural', label: 'Struktural' };
}

export const stepLabel = (s: Pick<StepDef, 'fromLevel' | 'fromFamily' | 'toLevel' | 'toFamily'>) =>
  `${endpointLabel(s.fromLevel, s.fromFamily)} → ${endpointLabel(s.toLevel, s.toFamily)}`;

export function requirementTexts(r: RequirementsInput): string[] {
  const out: string[] = [];
  if (r.minGolongan !== null) out.push(`Pangkat minimal ${golonganWithPangkat(r.minGolongan)}`);
  if (r.educationRank !== null) out.push(`Pendidikan minimal ${EDUCATION_RANK_LABELS[r.educationRank]}`);
  if (r.leadershipTraining) out.push(`${trainingShortLabel(r.leadershipTraining)} atau yang lebih tinggi sudah diikuti`);
  if (r.minJpm !== null) out.push(`JPM minimal ${formatNumberId(r.minJpm)}% terhadap standar jabatan tujuan`);
  if (r.minMonthsInLevel !== null) out.push(`Minimal ${durationText(r.minMonthsInLevel)} dalam jenjang sekarang`);
  if (r.skpYears > 0) out.push(`Predikat SKP minimal Baik ${r.skpYears} tahun terakhir`);
  if (r.noRunningDiscipline) out.push('Tidak sedang menjalani hukuman disiplin');
  return out;
}

export class CareerPathService {
  private readonly sql: SqlDialect['careerPaths'];
  private readonly readiness: SqlDialect['careerReadiness'];
  /** Changes as soon as anything is written, by this desk or (on a server) any other (careers.sql.ts dataVersion). */
  private readonly dataVersion: () => Promise<string>;
  /** The pola karier in force and the target standards of all its steps, as read at `version`. */
  private pathsRead: { version: string; isDefault: boolean; paths: PathDef[]; standards: Map<string, Standard[]> } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    sql: SqlDialect,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly plans: PlanService,
    private readonly studyRules: () => Promise<StudyRules> = async () => DEFAULT_STUDY_RULES,
  ) {
    this.sql = sql.careerPaths;
    this.readiness = sql.careerReadiness;
    this.dataVersion = () => sql.development.careers.dataVersion(tupleSourceOf(dataSource));
  }

  private get read(): Run {
    return managerRun(this.dataSource);
  }

  /** The paths in force: the office's, or Jenjang's default set while the office has stored none. */
  private effective(run: Run): Promise<{ isDefault: boolean; paths: PathDef[] }> {
    return effectivePaths(run);
  }

  /** Stores the default set (same ids as shown) before the office's first edit; nothing when paths are stored. */
  private async materialise(manager: EntityManager, actor: string): Promise<void> {
    const run = managerRun(manager);
    const { isDefault, paths } = await this.effective(run);
    if (!isDefault) return;
    const at = this.clock.now();
    for (const p of paths) {
      await this.sql.insertPath(run, { id: p.id, name: p.name, description: p.description, sort: p.sort, at, by: actor });
      for (const s of p.steps) await this.sql.insertStep(run, this.rowValues(s.pathId, s, s.sort), s.id);
    }
    const steps = paths.reduce((n, p) => n + p.steps.length, 0);
    await this.audit.record(manager, {
      actor, action: 'create', entity: 'career_path', entityId: null,
      summary: `Menyimpan pola karier bawaan Jenjang sebagai pola karier instansi (${formatNumberId(paths.length)} jalur, ${formatNumberId(steps)} langkah)`,
    });
  }

  /** After an edit of the pola karier, in its transaction: the district judged again against the steps now in force. */
  private async rejudge(manager: EntityManager): Promise<void> {
    await refreshCareerReadiness(managerRun(manager), [], this.clock.today());
  }

  private rowValues(pathId: number, s: Pick<StepDef, 'fromLevel' | 'fromFamily' | 'toLevel' | 'toFamily' | 'requirements'>, sort: number): StepValues {
    const r = s.requirements;
    return {
      path_id: pathId, from_family: isFunctional(s.fromLevel) ? s.fromFamily : null, from_level: s.fromLevel,
      to_family: isFunctional(s.toLevel) ? s.toFamily : null, to_level: s.toLevel, min_golongan: r.minGolongan, education_rank: r.educationRank,
      education_label: r.educationRank === null ? null : EDUCATION_RANK_LABELS[r.educationRank], leadership_training: r.leadershipTraining,
      min_jpm: r.minJpm, min_months_in_level: r.minMonthsInLevel, skp_years: r.skpYears, no_running_discipline: r.noRunningDiscipline, sort,
    };
  }

  /**
   * The pola karier in force and its steps' target standards, read again only after a write: every Peta Karier
   * and Jalur Karier graph needs them and they change only with a write (of the paths, the positions a default set is built from, the
   * standards). The version is read first and the data after it, so what is kept is never older than its version;
   * the objects kept are shared between answers and never changed.
   */
  private async pathsNow(): Promise<{ isDefault: boolean; paths: PathDef[]; standards: Map<string, Standard[]> }> {
    const version = await this.dataVersion();
    const kept = this.pathsRead;
    if (kept && kept.version === version) return kept;
    const run = this.read;
    const { isDefault, paths } = await this.effective(run);
    const read = { version, isDefault, paths, standards: await stepStandards(run, paths.flatMap((p) => p.steps)) };
    this.pathsRead = read;
    return read;
  }

  // Facts ---------------------------------------------------------------------------------------------------

  private skpYearsAsked(paths: readonly PathDef[], asOf: IsoDate): number[] {
    const most = Math.max(0, ...paths.flatMap((p) => p.steps.map((s) => s.requirements.skpYears)));
    return most > 0 ? finalSkpYears(asOf, most) : [];
  }

  // Graph and aggregate -------------------------------------------------------------------------------------

  /**
   * Per step: how many active people stand at its start and how many of them meet every requirement on `asOf`.
   * From the derived readiness where it was built on the steps and standards in force, judging again only the
   * people whose rows are not valid on `asOf`; from a full evaluation where it was not (never built, or built on
   * other steps: a reader cannot rebuild it, the next write does).
   */
  private async counts(run: Run, paths: readonly PathDef[], standards: ReadonlyMap<string, Standard[]>, asOf: IsoDate) {
    const steps = paths.flatMap((p) => p.steps);
    const byStep = new Map<number, { standing: number; ready: number }>(steps.map((s) => [s.id, { standing: 0, ready: 0 }]));
    let standingPeople = 0;
    let readyPeople = 0;
    let judged: 'all' | number[] = 'all';
    const state = await this.readiness.state(run);
    if (state && state.signature === readinessSignature(steps, standards)) {
      for (const row of await this.readiness.counts(run, asOf)) {
        const count = byStep.get(row.step_id);
        if (!count) continue;
        count.standing += Number(row.standing);
        count.ready += Number(row.ready);
      }
      ({ standing: standingPeople, ready: readyPeople } = await this.readiness.people(run, asOf));
      judged = await this.readiness.staleEmployees(run, asOf);
    }
    const standing = new Set<number>();
    const ready = new Set<number>();
    for (const entry of await evaluateReadiness(run, steps, standards, asOf, judged)) {
      const count = byStep.get(entry.stepId)!;
      count.standing += 1;
      standing.add(entry.employeeId);
      if (!entry.ready) continue;
      count.ready += 1;
      ready.add(entry.employeeId);
    }
    return { byStep, readyPeople: readyPeople + ready.size, standingPeople: standingPeople + standing.size };
  }

  private stepDto(s: StepDef, counts: { standing: number; ready: number }): CareerStep {
    const kind = classifyMove(s.fromLevel, s.toLevel);
    return {
      id: s.id, pathId: s.pathId, fromLevel: s.fromLevel, fromFamily: s.fromFamily, toLevel: s.toLevel, toFamily: s.toFamily,
      fromLabel: endpointLabel(s.fromLevel, s.fromFamily), toLabel: endpointLabel(s.toLevel, s.toFamily), label: stepLabel(s),
      moveKind: kind, moveKindLabel: MOVE_KIND_LABELS[kind], fromLane: laneOf(s.fromLevel, s.fromFamily).key, toLane: laneOf(s.toLevel, s.toFamily).key,
      requirements: s.requirements, requirementTexts: requirementTexts(s.requirements), version: s.version, ...counts,
    };
  }

  async graph() {
    const run = this.read;
    const asOf = this.clock.today();
    const { isDefault, paths, standards } = await this.pathsNow();
    const [{ byStep, readyPeople, standingPeople }, families] = await Promise.all([this.counts(run, paths, standards, asOf), this.sql.families(run)]);
    const steps = paths.flatMap((p) => p.steps);
    const lanes = new Map<string, string>();
    const order = ['struktural', 'pelaksana'];
    for (const s of steps) for (const end of [laneOf(s.fromLevel, s.fromFamily), laneOf(s.toLevel, s.toFamily)]) lanes.set(end.key, end.label);
    const laneList = [...lanes].map(([key, label]) => ({ key, label }))
      .sort((a, b) => (order.indexOf(a.key) + 1 || 99) - (order.indexOf(b.key) + 1 || 99) || a.label.localeCompare(b.label, 'id'));
    const columns = new Map<number, Set<string>>();
    for (const s of steps) {
      for (const level of [s.fromLevel, s.toLevel]) {
        const info = positionLevelInfo(level)!;
        columns.set(info.seniority, (columns.get(info.seniority) ?? new Set()).add(info.label));
      }
    }
    return {
      isDefault, asOf,
      paths: paths.map((p) => ({
        id: p.id, name: p.name, description: p.description, version: p.version, updatedAt: p.updatedAt, updatedBy: p.updatedBy,
        steps: p.steps.map((s) => this.stepDto(s, byStep.get(s.id)!)),
      })),
      lanes: laneList,
      columns: [...columns].sort((a, b) => a[0] - b[0]).map(([seniority, labels]) => ({ seniority, labels: [...labels] })),
      families,
      totals: { standing: standingPeople, ready: readyPeople },
    };
  }

  /** `stats --json` careers: people ready for at least one next step, and the ready per step by its label. */
  async statsSection() {
    const run = this.read;
    const { paths, standards } = await this.pathsNow();
    const { byStep, readyPeople } = await this.counts(run, paths, standards, this.clock.today());
    const out: Record<string, number> = {};
    for (const s of paths.flatMap((p) => p.steps)) out[stepLabel(s)] = (out[stepLabel(s)] ?? 0) + byStep.get(s.id)!.ready;
    return { readyForNextStep: readyPeople, byStep: out };
  }

  // Peta Karier ---------------------------------------------------------------------------------------------

  async employee(employeeId: number): Promise<Peta> {
    const run = this.read;
    const asOf = this.clock.today();
    // What the id alone names goes out together (on a server each read is a round trip): the person, the pola
    // karier, and all of the person's annual SKP, hukuman disiplin and competency levels (a few rows each; the
    // years and competencies the steps ask are kept below). Then the vacancies of the steps open to them.
    const [person, { paths, standards }, skpRows, disciplineRows, levelRows] = await Promise.all([
      this.sql.person(run, employeeId, asOf),
      this.pathsNow(),
      this.sql.annualSkpOfPerson(run, employeeId),
      this.sql.discipline(run, [employeeId]),
      this.sql.competencyLevelsOfPerson(run, employeeId),
    ]);
    if (!person) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
    const base = { employeeId, name: person.full_name, asOf };
    if (!person.level) return { ...base, standing: null, note: 'Jabatan pegawai belum diisi; langkah karier berikutnya belum dapat ditentukan.', steps: [] };
    const lane = laneOf(person.level, person.family);
    const standingInfo = {
      positionName: person.position_name, levelLabel: positionLevelLabel(person.level), familyLabel: person.family, lane: lane.label, levelSince: person.level_since,
    };
    if (person.status !== 'active') return { ...base, standing: standingInfo, note: 'Pegawai tidak berstatus aktif.', steps: [] };
    const open = paths.flatMap((p) => p.steps.filter((s) => standsAt(s, person)).map((s) => ({ path: p, step: s })));
    if (open.length === 0) return { ...base, standing: standingInfo, note: 'Pola karier belum memuat langkah dari jenjang jabatan ini.', steps: [] };
    const until = addMonths(asOf, VACANCY_HORIZON_YEARS * 12);
    const vacancyLists = await Promise.all(open.map(({ step }) => this.sql.vacancies(run, step.toLevel, step.toFamily, until, VACANCY_LIST_LIMIT)));
    const skpYears = new Set(this.skpYearsAsked(paths, asOf));
    const competencyIds = new Set(open.flatMap(({ step }) => standards.get(standardKey(step))!.map((x) => x.competencyId)));
    const facts = careerFacts(person,
      skpRows.filter((r) => skpYears.has(r.year)).map((r) => ({ year: r.year, predikat: r.predikat, regime: r.regime, legacyScore: r.legacy_score, legacyLabel: r.legacy_label })),
      disciplineRows.map((r) => ({ kind: r.kind as DisciplineKind, startDate: r.start_date, endDate: r.end_date })),
      new Map(levelRows.filter((r) => competencyIds.has(r.competency_id)).map((r) => [r.competency_id, r.level])));
    const steps = [];
    for (const [i, { path, step }] of open.entries()) {
      const standard = standards.get(standardKey(step))!;
      const assessment = assessCareerStep(facts, { requirements: toDomainRequirements(step.requirements), standard }, asOf);
      const vacancies = vacancyLists[i];
      const kind = classifyMove(step.fromLevel, step.toLevel);
      steps.push({
        stepId: step.id, pathName: path.name, label: stepLabel(step), moveKindLabel: MOVE_KIND_LABELS[kind], ready: assessment.ready, metOn: assessment.metOn,
        checks: assessment.checks.map((c) => ({ key: c.key, label: c.label, met: c.met, detail: c.detail, metOn: c.metOn })),
        developable: assessment.checks.filter((c) => c.met !== true && DEVELOPABLE.has(c.key)).length,
        vacancies: vacancies.rows.map((v) => ({
          positionId: v.id, positionName: v.name, unitName: v.unit_name, reason: Number(v.holders) === 0 ? 'kosong' as const : 'pensiun' as const,
          reasonText: Number(v.holders) === 0 ? 'Tanpa pemangku aktif' : `Pemangku mencapai TMT pensiun ${formatDateId(v.retiring!)}`,
          retirementDate: Number(v.holders) === 0 ? null : v.retiring,
        })),
        vacancyTotal: vacancies.total,
      });
    }
    steps.sort((a, b) => Number(b.ready) - Number(a.ready) || a.label.localeCompare(b.label, 'id'));
    return { ...base, standing: standingInfo, note: null, steps };
  }

  /** The profile's career administration records: a running punishment or CLTN said plainly with its last day, a
   *  structural official's tugas belajar past the limit flagged for release from the position (study.ts). */
  async records(employeeId: number): Promise<CareerRecords> {
    const run = this.read;
    const asOf = this.clock.today();
    const person = await this.sql.person(run, employeeId, asOf);
    if (!person) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
    const rows = await this.sql.careerRecords(run, employeeId);
    const studyRules = await this.studyRules();
    return {
      employeeId, asOf,
      discipline: rows.discipline.map((r) => {
        const info = disciplineKindInfo(r.kind);
        const record = { kind: r.kind as DisciplineKind, startDate: r.start_date, endDate: r.end_date };
        const period = info ? disciplinePeriod(record) : null;
        return {
          id: r.id, kindLabel: info ? capitalised(info.label) : 'Jenis hukuman tidak dikenal', categoryLabel: info ? capitalised(info.category) : '—',
          startDate: r.start_date, endDate: period ? period.end : r.end_date, running: info ? isRunningOn(record, asOf) : false,
          decreeNumber: r.decree_number, decreeDate: r.decree_date, note: r.note, sourceLabel: sourceLabel(r.source),
        };
      }),
      kgb: rows.kgb.map((r) => ({
        id: r.id, tmt: r.tmt, golongan: r.golongan, mkgYears: Number(r.mkg_years), mkgMonths: Number(r.mkg_months), salary: r.salary === null ? null : Number(r.salary),
        decreeNumber: r.decree_number, decreeDate: r.decree_date, sourceLabel: sourceLabel(r.source),
      })),
      study: rows.study.map((r) => {
        const status = r.status as StudyStatus;
        const release = r.basis === 'tugas_belajar' || r.basis === 'izin_belajar'
          ? releaseFromPositionFlag(person.level, {
            basis: r.basis, institution: r.institution, programme: r.programme, level: r.level, startDate: r.start_date, endDate: r.end_date, status,
            izinDate: r.izin_date, graduationDate: r.graduation_date,
          }, asOf, studyRules)
          : null;
        return {
          id: r.id, basisLabel: STUDY_BASIS_LABELS[r.basis] ?? 'Lainnya', institution: r.institution, programme: r.programme, level: r.level,
          startDate: r.start_date, endDate: r.end_date, statusLabel: STUDY_STATUSES.find((s) => s.code === status)?.label ?? 'Lainnya',
          funding: r.funding, graduationDate: r.graduation_date, release: release?.message ?? null, sourceLabel: sourceLabel(r.source),
        };
      }),
      cltn: rows.cltn.map((r) => ({
        id: r.id, startDate: r.start_date, endDate: r.end_date, running: r.start_date <= asOf && (r.end_date === null || asOf <= r.end_date),
        decreeNumber: r.decree_number, sourceLabel: sourceLabel(r.source),
      })),
      honors: rows.honors.map((r) => ({
        id: r.id, label: r.kind === 'satyalancana_karya_satya' ? SATYALANCANA_CLASSES.find((c) => c.code === r.class)?.label ?? `Satyalancana Karya Satya ${r.class}` : 'Tanda kehormatan lain',
        decreeNumber: r.decree_number, decreeDate: r.decree_date, sourceLabel: sourceLabel(r.source),
      })),
    };
  }

  /** The IDP items that answer a step's missing training, education and competency: added to this year's plan
   *  (made when there is none), each activity once. `planVersion` is the version of this year's plan as the screen
   *  read it, null when it saw none: a plan another desk changed, made or removed since is refused with who and
   *  when (the same check as adding an item by hand), and nothing is written. */
  async makeIdp(actor: string, employeeId: number, stepId: number, planVersion: number | null): Promise<{ planId: number; added: number; created: boolean }> {
    const peta = await this.employee(employeeId);
    const step = peta.steps.find((s) => s.stepId === stepId);
    if (!step) throw new AppError('not_found', 'Langkah karier ini tidak terbuka bagi pegawai ini.');
    const { paths } = await this.effective(this.read);
    const def = paths.flatMap((p) => p.steps).find((s) => s.id === stepId)!;
    const items: PlanItemInput[] = [];
    const requirement = (detail: string) => `Syarat ${step.label}: ${detail}`.slice(0, 300);
    for (const check of step.checks) {
      if (check.met === true) continue;
      if (check.key === 'pelatihan' && def.requirements.leadershipTraining) {
        items.push({ activity: trainingTypeLabel(def.requirements.leadershipTraining), requirement: requirement(check.detail), jp: 0, estimatedCost: 0 });
      } else if (check.key === 'pendidikan' && def.requirements.educationRank !== null) {
        items.push({ activity: `Pendidikan lanjutan ke jenjang ${EDUCATION_RANK_LABELS[def.requirements.educationRank]} (tugas belajar atau izin belajar)`, requirement: requirement(check.detail), jp: 0, estimatedCost: 0 });
      } else if (check.key === 'jpm') {
        items.push(...await this.competencyItems(def, employeeId, requirement(check.detail)));
      }
    }
    if (items.length === 0) throw new AppError('validation', 'Tidak ada syarat yang belum terpenuhi yang dapat dijawab dengan rencana pengembangan.');
    await this.linkCatalogue(items, def.requirements.leadershipTraining);
    const year = Number(this.clock.today().slice(0, 4));
    const existing = (await this.plans.employeePlans(employeeId)).plans.find((p) => p.year === year);
    const subject = `Rencana pengembangan ${year} pegawai ini`;
    if (existing && existing.version !== planVersion) {
      // A plan never edited since it was made names its maker.
      const last = await readEditVersion(this.read, { table: 'development_plan', key: existing.id });
      throw staleEditError(subject, last.version, last.updatedBy ? { by: last.updatedBy, at: last.updatedAt } : { by: existing.createdBy, at: existing.createdAt });
    }
    if (!existing && planVersion !== null) {
      throw new AppError('conflict', `${subject} sudah dihapus di meja lain. Muat ulang, lalu ulangi perubahan Anda.`);
    }
    if (!existing) {
      const { id } = await this.plans.createPlan(actor, {
        employeeId, year, targetPositionId: null, notes: `Disusun dari Peta Karier: ${step.label}.`, items: items.map((i) => this.planItem(i)),
      });
      return { planId: id, added: items.length, created: true };
    }
    const have = new Set(existing.items.filter((i) => i.status !== 'batal').map((i) => i.activity));
    const fresh = items.filter((i) => !have.has(i.activity));
    // The version is claimed again in addItems' transaction: a save in between is refused there.
    if (fresh.length > 0) await this.plans.addItems(actor, existing.id, existing.version, fresh.map((i) => this.planItem(i)));
    return { planId: existing.id, added: fresh.length, created: false };
  }

  /**
   * Links each item to the cheapest active catalogue offering that answers it, with that offering's JP and cost:
   * the leadership training by its type, a competency development item by the offering's competency. An item
   * without a matching offering (education, an assessment, a competency the catalogue has nothing for) stays
   * unlinked at 0 JP and Rp0.
   */
  private async linkCatalogue(items: PlanItemInput[], leadershipTraining: string | null): Promise<void> {
    const competencyIds = items.flatMap((i) => (i.competencyId ? [i.competencyId] : []));
    const offerings = await this.sql.catalogOfferings(this.read, leadershipTraining ? [leadershipTraining] : [], competencyIds);
    const training = leadershipTraining ? trainingTypeLabel(leadershipTraining) : null;
    for (const item of items) {
      // A competency never assessed asks for an assessment (no current level), not a training.
      const offering = item.competencyId
        ? (item.currentLevel != null ? offerings.find((o) => o.competency_id === item.competencyId) : undefined)
        : item.activity === training ? offerings.find((o) => o.type === leadershipTraining) : undefined;
      if (!offering) continue;
      item.catalogId = offering.id;
      item.jp = Number(offering.jp);
      item.estimatedCost = Number(offering.estimated_cost);
    }
  }

  private planItem(i: PlanItemInput) {
    return {
      competencyId: i.competencyId ?? null, requirement: i.requirement ?? null, currentLevel: i.currentLevel ?? null, targetLevel: i.targetLevel ?? null,
      activity: i.activity, catalogId: i.catalogId ?? null, jp: i.jp, estimatedCost: i.estimatedCost, targetDate: null, status: 'direncanakan' as const,
    };
  }

  private async competencyItems(step: StepDef, employeeId: number, requirement: string): Promise<PlanItemInput[]> {
    const run = this.read;
    const standard = await this.sql.targetStandard(run, step.toLevel, step.toFamily);
    const levels = new Map((await this.sql.competencyLevels(run, employeeId, standard.map((s) => s.competency_id))).map((r) => [r.competency_id, r.level]));
    const names = new Map((await this.sql.competencyNames(run, standard.map((s) => s.competency_id))).map((r) => [r.id, r.name]));
    const items: PlanItemInput[] = [];
    for (const s of standard) {
      const level = levels.get(s.competency_id);
      const name = names.get(s.competency_id) ?? '';
      if (level === undefined) {
        items.push({ competencyId: s.competency_id, activity: `Asesmen kompetensi ${name}`.trim(), requirement, jp: 0, estimatedCost: 0 });
      } else if (level < s.required_level) {
        items.push({
          competencyId: s.competency_id, currentLevel: level, targetLevel: s.required_level, activity: `Pengembangan kompetensi ${name} ke level ${s.required_level}`.trim(),
          requirement, jp: 0, estimatedCost: 0,
        });
      }
    }
    return items;
  }

  // Editing -------------------------------------------------------------------------------------------------

  private async checkStep(run: Run, input: StepInput): Promise<void> {
    if (!(await this.sql.path(run, input.pathId))) throw AppError.validation([{ path: 'pathId', message: 'Jalur karier tidak ditemukan.' }]);
    if (input.fromLevel === input.toLevel && (input.fromFamily ?? null) === (input.toFamily ?? null)) {
      throw AppError.validation([{ path: 'toLevel', message: 'Jenjang tujuan harus berbeda dari jenjang asal.' }]);
    }
    if (classifyMove(input.fromLevel, input.toLevel) === 'turun') {
      throw AppError.validation([{ path: 'toLevel', message: 'Jenjang tujuan lebih rendah dari jenjang asal; pola karier hanya memuat langkah naik, setara, atau diagonal.' }]);
    }
  }

  async saveStep(actor: string, request: { id?: number; version?: number; input: StepInput }): Promise<{ id: number }> {
    return this.dataSource.transaction(async (manager) => {
      await this.materialise(manager, actor);
      const run = managerRun(manager);
      await this.checkStep(run, request.input);
      const label = stepLabel(request.input);
      const values = this.rowValues(request.input.pathId, request.input, 0);
      let id: number;
      let before: unknown;
      if (request.id === undefined) {
        id = await this.sql.insertStep(run, { ...values, sort: await this.sql.nextStepSort(run, request.input.pathId) });
      } else {
        const row = await this.sql.step(run, request.id);
        if (!row) throw new AppError('not_found', 'Langkah karier tidak ditemukan; mungkin sudah dihapus.');
        if (request.version !== undefined && row.version !== request.version) throw stale();
        await this.sql.updateStep(run, request.id, { ...values, sort: row.path_id === request.input.pathId ? row.sort : await this.sql.nextStepSort(run, request.input.pathId) });
        id = request.id;
        before = row;
      }
      await this.sql.touchPath(run, request.input.pathId, this.clock.now(), actor);
      await this.audit.record(manager, {
        actor, action: request.id === undefined ? 'create' : 'update', entity: 'career_step', entityId: id,
        summary: `${request.id === undefined ? 'Menambah' : 'Mengubah'} langkah pola karier ${label} (${requirementTexts(request.input.requirements).join('; ') || 'tanpa syarat'})`,
        before, after: request.input,
      });
      await this.rejudge(manager);
      return { id };
    });
  }

  async deleteStep(actor: string, id: number, version: number) {
    return this.dataSource.transaction(async (manager) => {
      await this.materialise(manager, actor);
      const run = managerRun(manager);
      const row = await this.sql.step(run, id);
      if (!row) throw new AppError('not_found', 'Langkah karier tidak ditemukan; mungkin sudah dihapus.');
      if (row.version !== version) throw stale();
      await this.sql.deleteStep(run, id);
      await this.sql.touchPath(run, row.path_id, this.clock.now(), actor);
      const label = stepLabel({ fromLevel: row.from_level as PositionLevel, fromFamily: row.from_family, toLevel: row.to_level as PositionLevel, toFamily: row.to_family });
      await this.audit.record(manager, { actor, action: 'delete', entity: 'career_step', entityId: id, summary: `Menghapus langkah pola karier ${label}`, before: row });
      await this.rejudge(manager);
      return { ok: true as const };
    });
  }

  async savePath(actor: string, request: { id?: number; version?: number; input: PathInput }): Promise<{ id: number }> {
    return this.dataSource.transaction(async (manager) => {
      await this.materialise(manager, actor);
      const run = managerRun(manager);
      const at = this.clock.now();
      let id: number;
      let before: unknown;
      if (request.id === undefined) {
        id = await this.sql.insertPath(run, { name: request.input.name, description: request.input.description, sort: await this.sql.nextPathSort(run), at, by: actor });
      } else {
        const row = await this.sql.path(run, request.id);
        if (!row) throw new AppError('not_found', 'Jalur karier tidak ditemukan; mungkin sudah dihapus.');
        if (request.version !== undefined && row.version !== request.version) throw stale();
        await this.sql.updatePath(run, request.id, { ...request.input, at, by: actor });
        id = request.id;
        before = row;
      }
      await this.audit.record(manager, {
        actor, action: request.id === undefined ? 'create' : 'update', entity: 'career_path', entityId: id,
        summary: `${request.id === undefined ? 'Menambah' : 'Mengubah'} jalur pola karier "${request.input.name}"`, before, after: request.input,
      });
      await this.rejudge(manager);
      return { id };
    });
  }

  async deletePath(actor: string, id: number, version: number) {
    return this.dataSource.transaction(async (manager) => {
      await this.materialise(manager, actor);
      const run = managerRun(manager);
      const row = await this.sql.path(run, id);
      if (!row) throw new AppError('not_found', 'Jalur karier tidak ditemukan; mungkin sudah dihapus.');
      if (row.version !== version) throw stale();
      const steps = (await this.sql.steps(run)).filter((s) => s.path_id === id);
      await this.sql.deletePath(run, id);
      await this.audit.record(manager, {
        actor, action: 'delete', entity: 'career_path', entityId: id,
        summary: `Menghapus jalur pola karier "${row.name}" beserta ${formatNumberId(steps.length)} langkahnya`, before: { path: row, steps },
      });
      await this.rejudge(manager);
      return { ok: true as const };
    });
  }
}

/** Requirements an IDP item can answer; time, pangkat, SKP and discipline are not development. */
const DEVELOPABLE = new Set(['pelatihan', 'pendidikan', 'jpm']);

const stale = () => new AppError('conflict', 'Data ini sudah diubah oleh pengguna lain sejak halaman dibuka; muat ulang lalu ulangi perubahan.');
