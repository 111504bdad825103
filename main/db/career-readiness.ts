// The readiness of every active person for the next steps of the pola karier, kept on write: the Jalur Karier graph
// and `stats careers` count rows of career_step_readiness instead of judging the district on each call.
//
// - One row per active person and step they stand at: ready on `as_of` (moves.ts assessCareerStep, the one rule),
//   the day it is met where time alone is missing (`ready_on`), and `valid_until`, the first day anything other than
//   that time may change the answer: a punishment starting or ending, the next annual SKP becoming final, a
//   leadership training recorded with a later end. A row counts on every day from `as_of` to the day before
//   `valid_until`; a reader judges the people whose rows are not valid on its day again itself.
// - The state row keeps a fingerprint of the steps in force and of their target standards: when the pola karier,
//   the positions a default set is built from, or a target standard changes, every row is judged again.
// - Writers refresh the people they touched through refreshDerived (main/db/derived.ts), on the process's day
//   (JENJANG_TODAY or the system date, as services/clock.ts reads it); a path edit rebuilds all on its clock's day.
//   test/career-paths/career-readiness.test.ts compares the table with a fresh evaluation after each kind of write.

import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { assessCareerStep, type CareerFacts, type StepRequirements } from '../../shared/domain/careers';
import { disciplinePeriod, type DisciplineKind } from '../../shared/domain/careers/discipline';
import { finalSkpYears } from '../../shared/domain/careers/moves';
import { addDays, isIsoDate, todayIso, type IsoDate } from '../../shared/domain/dates';
import { skpDueDate, type AnnualSkp } from '../../shared/domain/development';
import { golonganByCode } from '../../shared/domain/golongan';
import type { PositionLevel } from '../../shared/domain/position';
import { hasLeadershipTraining } from '../../shared/domain/succession/requirements';
import { EDUCATION_RANK_LABELS, type stepRequirementsInput } from '../../shared/schemas/career-paths';
import { buildDefaultPaths, type DefaultStep } from './career-default-paths';
import { careerPathsSql as sql, type PersonFactsRow, type StepRow } from './sql/career-paths.sql';
import { careerReadinessSql, type ReadinessValues } from './sql/career-readiness.sql';
import type { Run } from './sql/run';

export type RequirementsInput = z.output<typeof stepRequirementsInput>;

/** The columns of `employee` a person's readiness follows (careerPathsSql.population: the status, the golongan, the
 *  education, the position and its TMT for the time in the level), for the refresher's routing in main/db/derived.ts. */
export const READINESS_EMPLOYEE_COLUMNS = ['status', 'golongan', 'education_level', 'position_id', 'position_tmt'] as const;

/** A step as stored: the default step's shape, with the requirements as the office edits them and a version. */
export type StepDef = Omit<DefaultStep, 'requirements'> & { requirements: RequirementsInput; version: number };

export interface PathDef {
  id: number;
  name: string;
  description: string | null;
  sort: number;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  steps: StepDef[];
}

export interface Standard { competencyId: number; requiredLevel: number }

export function toDomainRequirements(r: RequirementsInput): StepRequirements {
  return {
    minGolongan: r.minGolongan,
    education: r.educationRank === null ? null : { rank: r.educationRank, label: EDUCATION_RANK_LABELS[r.educationRank] },
    leadershipTraining: r.leadershipTraining, minJpm: r.minJpm, minMonthsInLevel: r.minMonthsInLevel, skpYears: r.skpYears,
    noRunningDiscipline: r.noRunningDiscipline,
  };
}

export function fromDomainRequirements(r: StepRequirements): RequirementsInput {
  return {
    minGolongan: r.minGolongan, educationRank: r.education?.rank ?? null, leadershipTraining: r.leadershipTraining, minJpm: r.minJpm,
    minMonthsInLevel: r.minMonthsInLevel, skpYears: r.skpYears, noRunningDiscipline: r.noRunningDiscipline,
  };
}

function stepValues(row: StepRow): RequirementsInput {
  return {
    minGolongan: row.min_golongan, educationRank: row.education_rank, leadershipTraining: row.leadership_training,
    minJpm: row.min_jpm === null ? null : Number(row.min_jpm), minMonthsInLevel: row.min_months_in_level, skpYears: Number(row.skp_years),
    noRunningDiscipline: Boolean(row.no_running_discipline),
  };
}

/** The paths in force: the office's, or Jenjang's default set while the office has stored none. */
export async function effectivePaths(run: Run): Promise<{ isDefault: boolean; paths: PathDef[] }> {
  if (await sql.hasPaths(run)) {
    const steps = await sql.steps(run);
    const paths = (await sql.paths(run)).map((p): PathDef => ({
      id: p.id, name: p.name, description: p.description, sort: p.sort, version: p.version, updatedAt: p.updated_at, updatedBy: p.updated_by, steps: [],
    }));
    const byId = new Map(paths.map((p) => [p.id, p]));
    for (const s of steps) {
      byId.get(s.path_id)?.steps.push({
        id: s.id, pathId: s.path_id, fromLevel: s.from_level as PositionLevel, fromFamily: s.from_family, toLevel: s.to_level as PositionLevel,
        toFamily: s.to_family, requirements: stepValues(s), sort: s.sort, version: s.version,
      });
    }
    return { isDefault: false, paths };
  }
  const defaults = buildDefaultPaths(await sql.positionGroups(run));
  return {
    isDefault: true,
    paths: defaults.map((p) => ({
      id: p.id, name: p.name, description: p.description, sort: p.sort, version: 1, updatedAt: null, updatedBy: null,
      steps: p.steps.map((s) => ({ ...s, requirements: fromDomainRequirements(s.requirements), version: 1 })),
    })),
  };
}

export const standardKey = (s: Pick<StepDef, 'toLevel' | 'toFamily'>) => `${s.toLevel}|${s.toFamily ?? ''}`;

/** Per target (level and family) of these steps: the union standard of its active positions (as
 *  careerPathsSql.targetStandard answers for one target), from one read of every position's standard. */
export async function stepStandards(run: Run, steps: readonly StepDef[]): Promise<Map<string, Standard[]>> {
  const out = new Map<string, Standard[]>();
  if (steps.length === 0) return out;
  // Only the levels the steps lead to: a person's Peta Karier asks for two or three of them.
  const rows = await sql.standardsByLevel(run, [...new Set(steps.map((s) => s.toLevel))]);
  for (const s of steps) {
    const key = standardKey(s);
    if (out.has(key)) continue;
    const lowest = new Map<number, number>();
    for (const r of rows) {
      if (r.level !== s.toLevel || (s.toFamily !== null && r.family !== s.toFamily)) continue;
      const level = Number(r.required_level);
      const have = lowest.get(r.competency_id);
      if (have === undefined || level < have) lowest.set(r.competency_id, level);
    }
    out.set(key, [...lowest].sort((a, b) => a[0] - b[0]).map(([competencyId, requiredLevel]) => ({ competencyId, requiredLevel })));
  }
  return out;
}

/** Whether a person stands at the start of a step (a step without a family takes every family of its level). */
export const standsAt = (step: Pick<StepDef, 'fromLevel' | 'fromFamily'>, person: { level: string | null; family: string | null }) =>
  person.level === step.fromLevel && (step.fromFamily === null || person.family === step.fromFamily);

/** The fingerprint of what the rows were judged against: the steps with their requirements and the target standards. */
export function readinessSignature(steps: readonly StepDef[], standards: ReadonlyMap<string, readonly Standard[]>): string {
  const shape = {
    steps: steps.map((s) => [s.id, s.fromLevel, s.fromFamily, s.toLevel, s.toFamily, s.requirements]),
    standards: [...standards].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex');
}

export function careerFacts(person: PersonFactsRow, skp: AnnualSkp[], discipline: CareerFacts['discipline'], levels: ReadonlyMap<number, number>): CareerFacts {
  return {
    golongan: person.golongan, educationLevel: person.education_level, trainings: person.trainings ? person.trainings.split(',') : [],
    levelSince: person.level_since, skp, discipline, competencyLevels: levels,
  };
}

/** Pangkat and leadership training, the cheap checks time does not mend: failing either, the step is neither
 *  ready nor met by time alone, and the full assessment (whose sentences cost far more) is skipped. */
function passesCheapChecks(r: RequirementsInput, facts: CareerFacts): boolean {
  if (r.minGolongan !== null) {
    const have = golonganByCode(facts.golongan);
    if (!have || have.scheme !== 'pns' || have.rank < golonganByCode(r.minGolongan)!.rank) return false;
  }
  return !(r.leadershipTraining && !hasLeadershipTraining(facts.trainings, r.leadershipTraining));
}

export interface ReadinessEntry {
  employeeId: number;
  stepId: number;
  ready: boolean;
  /** The as-of day when ready; the day every requirement is met when time alone is missing; else null. */
  readyOn: IsoDate | null;
  /** The first day the answer may change otherwise than by `readyOn`; null: never by itself. */
  validUntil: IsoDate | null;
}

const earliest = (dates: ReadonlyArray<IsoDate | null>): IsoDate | null =>
  dates.reduce<IsoDate | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);

/** People read and judged per page when the district is handed over to a sink. */
const SINK_PEOPLE = 2_000;

/** Judges every active person standing at one of these steps (or only those among `ids`) on `asOf`. With a `sink`,
 *  the entries are handed over instead of answered (the answer is then empty), and the district ('all') is read and
 *  judged `sinkPeople` at a time: its entries held to the end outlived the young generation and stayed on the heap
 *  as garbage. */
export async function evaluateReadiness(run: Run, steps: readonly StepDef[], standards: ReadonlyMap<string, readonly Standard[]>, asOf: IsoDate,
  ids: readonly number[] | 'all', sink?: (entries: ReadinessEntry[]) => Promise<void>, sinkPeople = SINK_PEOPLE): Promise<ReadinessEntry[]> {
  if (steps.length === 0 || (ids !== 'all' && ids.length === 0)) return [];
  // The steps by the level they start from: each person is matched against the steps of their own level only
  // (a district's pola karier has a hundred steps and more; everyone checked against all of them adds up).
  const stepsByLevel = new Map<string, StepDef[]>();
  for (const step of steps) {
    const list = stepsByLevel.get(step.fromLevel);
    if (list) list.push(step);
    else stepsByLevel.set(step.fromLevel, [step]);
  }
  const stepsOf = (person: { level: string | null; family: string | null }) => (person.level === null ? [] : stepsByLevel.get(person.level) ?? []).filter((s) => standsAt(s, person));
  const levels = [...stepsByLevel.keys()];
  const standing = (rows: PersonFactsRow[]) => rows.map((person) => ({ person, steps: stepsOf(person) })).filter((p) => p.steps.length > 0);
  // With a sink, the district is read page by page below; else at once.
  const paged = ids === 'all' && sink !== undefined;
  const population = paged ? [] : standing(ids === 'all' ? await sql.population(run, levels, asOf) : await sql.populationOf(run, ids, levels, asOf));
  if (!paged && population.length === 0) return [];
  const scope = ids === 'all' ? 'all' as const : population.map((p) => p.person.id);
  const skpMost = Math.max(0, ...steps.map((s) => s.requirements.skpYears));
  const competencyIds = [...new Set([...standards.values()].flatMap((list) => list.map((x) => x.competencyId)))];
  // One after the other: on a server the Run is one connection inside the caller's transaction, which runs one
  // statement at a time (side by side they only queue, and pg warns about it).
  const skpRows = await sql.annualSkp(run, scope, skpMost > 0 ? finalSkpYears(asOf, skpMost) : []);
  const disciplineRows = await sql.discipline(run, scope);
  const levelRows = scope === 'all' ? await sql.competencyLevels(run, 'active', competencyIds) : await sql.competencyLevelsOf(run, scope, competencyIds);
  const upcoming = await sql.upcomingLeadershipTrainings(run, scope, asOf);
  const skp = new Map<number, AnnualSkp[]>();
  for (const r of skpRows) {
    const list = skp.get(r.employee_id) ?? [];
    list.push({ year: r.year, predikat: r.predikat, regime: r.regime, legacyScore: r.legacy_score, legacyLabel: r.legacy_label });
    skp.set(r.employee_id, list);
  }
  const discipline = new Map<number, CareerFacts['discipline'][number][]>();
  for (const r of disciplineRows) {
    const list = discipline.get(r.employee_id) ?? [];
    list.push({ kind: r.kind as DisciplineKind, startDate: r.start_date, endDate: r.end_date });
    discipline.set(r.employee_id, list);
  }
  const competency = new Map<number, Map<number, number>>();
  for (const r of levelRows) {
    let map = competency.get(r.employee_id);
    if (!map) competency.set(r.employee_id, (map = new Map()));
    map.set(r.competency_id, Number(r.level));
  }
  const trainingEnds = new Map(upcoming.map((r) => [r.employee_id, r.end_date]));
  // The day the latest final annual SKP moves on (finalSkpYears changes its years then).
  const nextSkpYear = skpMost > 0 ? skpDueDate(finalSkpYears(asOf, 1)[0] + 1) : null;
  const none = new Map<number, number>();
  let out: ReadinessEntry[] = [];
  // Many people share every fact a step is judged on (golongan, education and trainings repeat; a first snapshot
  // has no SKP, assessments or punishments yet): one assessment per step and distinct facts. The time in the
  // level is read only by a step that asks for one (minMonthsInLevel), so only there is it part of the key.
  const assessed = new Map<string, { ready: boolean; readyOn: IsoDate | null }>();
  const judge = (person: PersonFactsRow, personSteps: readonly StepDef[]) => {
    const records = discipline.get(person.id) ?? [];
    const disciplineDays: Array<IsoDate | null> = [];
    for (const record of records) {
      const period = disciplinePeriod(record);
      if (!period) continue;
      if (period.start > asOf) disciplineDays.push(period.start);
      if (period.end !== null && addDays(period.end, 1) > asOf) disciplineDays.push(addDays(period.end, 1));
    }
    const validUntil = earliest([nextSkpYear, trainingEnds.get(person.id) ?? null, ...disciplineDays]);
    const facts = careerFacts(person, skp.get(person.id) ?? [], records, competency.get(person.id) ?? none);
    const factsKey = `${person.golongan}\u0001${person.education_level}\u0001${person.trainings}\u0001${JSON.stringify(facts.skp)}\u0001${JSON.stringify(records)}\u0001${JSON.stringify([...facts.competencyLevels])}`;
    for (const step of personSteps) {
      let ready = false;
      let readyOn: IsoDate | null = null;
      if (passesCheapChecks(step.requirements, facts)) {
        const key = `${step.id}\u0001${step.requirements.minMonthsInLevel !== null ? person.level_since : ''}\u0001${factsKey}`;
        let answer = assessed.get(key);
        if (!answer) {
          const assessment = assessCareerStep(facts, { requirements: toDomainRequirements(step.requirements), standard: standards.get(standardKey(step)) ?? [] }, asOf);
          answer = { ready: assessment.ready, readyOn: assessment.ready ? asOf : assessment.metOn };
          assessed.set(key, answer);
        }
        ready = answer.ready;
        readyOn = answer.readyOn;
      }
      out.push({ employeeId: person.id, stepId: step.id, ready, readyOn, validUntil });
    }
  };
  if (!paged) {
    for (const { person, steps: personSteps } of population) judge(person, personSteps);
    if (!sink) return out;
    await sink(out);
    return [];
  }
  for (let after = 0; ;) {
    const page = await sql.populationAfter(run, levels, asOf, after, sinkPeople);
    if (page.length === 0) return [];
    after = page[page.length - 1].id;
    for (const { person, steps: personSteps } of standing(page)) judge(person, personSteps);
    if (out.length > 0) await sink(out);
    out = [];
  }
}

const rowValues = (entries: readonly ReadinessEntry[], asOf: IsoDate): ReadinessValues[] => entries.map((e) => ({
  employee_id: e.employeeId, step_id: e.stepId, as_of: asOf, ready: e.ready ? 1 : 0, ready_on: e.readyOn, valid_until: e.validUntil,
}));

/** The process's day: JENJANG_TODAY when it names one (tests, `--as-of` runs), else the system date. */
export function processToday(env: NodeJS.ProcessEnv = process.env): IsoDate {
  const fixed = env.JENJANG_TODAY;
  return fixed && isIsoDate(fixed) ? fixed : todayIso();
}

/**
 * Brings career_step_readiness up to date for these people on `asOf`, in the caller's transaction: the people
 * named, plus those whose rows are no longer valid on that day. Everyone is judged again when asked ('all'), when
 * the table was never built, or when the steps or target standards differ from those it was built on.
 */
export async function refreshCareerReadiness(run: Run, employeeIds: readonly number[] | 'all', asOf: IsoDate = processToday(), page = SINK_PEOPLE): Promise<void> {
  const { paths } = await effectivePaths(run);
  const steps = paths.flatMap((p) => p.steps);
  const standards = await stepStandards(run, steps);
  const signature = readinessSignature(steps, standards);
  const state = await careerReadinessSql.state(run);
  if (employeeIds === 'all' || !state || state.signature !== signature) {
    await careerReadinessSql.deleteAll(run);
    // The secondary indexes are built once after the load (sorted) rather than row by row: for a district's rows
    // much faster, for a few hundred no slower.
    const indexes = await careerReadinessSql.dropSecondaryIndexes(run);
    await evaluateReadiness(run, steps, standards, asOf, 'all', (entries) => careerReadinessSql.insert(run, rowValues(entries, asOf)), page);
    await careerReadinessSql.restoreIndexes(run, indexes);
    await careerReadinessSql.setState(run, { as_of: asOf, signature });
    return;
  }
  const ids = [...new Set([...employeeIds, ...await careerReadinessSql.staleEmployees(run, asOf)])];
  if (ids.length === 0) return;
  await careerReadinessSql.deleteFor(run, ids);
  await careerReadinessSql.insert(run, rowValues(await evaluateReadiness(run, steps, standards, asOf, ids), asOf));
}
