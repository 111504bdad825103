// The calls of test/team/sql-parity.test.ts: each module's functions with realistic arguments, run once on the
// demo district in SQLite and once on its copy in PostgreSQL. A case returns what the function returns; the test
// compares the two after `normalised` (booleans as 0/1, Maps and Sets as sorted arrays, reals rounded).

import type { DataSource } from 'typeorm';
import { sqlite as sql } from '../../main/db/sql';
import { recordPositionMove, recordRankStep } from '../../main/db/sql/history.sql';
import type { Run } from '../../main/db/sql/run';
import { rowsOf } from '../../main/db/sql/run';
import { dialectOf } from '../../main/db/sql/run';
import { employeesOfPositions } from '../../main/db/sql/competency-profile.sql';
import { competencyMembershipRefresher, performanceMembershipRefresher } from '../../main/db/derived';
import { editVersionsSql } from '../../main/db/sql/edit-versions.sql';
import { employeeSearchCondition } from '../../main/db/sql/employee-rows.sql';
import { jobLocksSql } from '../../main/db/sql/job-locks.sql';
import { kgbDueSql } from '../../main/db/sql/kgb-due.sql';
import { appliedMigrationsOf, contentCounts, databaseSummaryCountsOf } from '../../main/db/sql/maintenance.sql';
import type { TupleSource } from '../../main/db/sql/tuples';
import { rawConnection } from '../../main/db/raw-connection';
import { readQualityFacts } from '../../main/db/sql/quality.sql';
import { rowMapping, rowUnits, unitOrThrow } from '../../main/db/sql/population.sql';
import { basicFilterSpec, DEFAULT_SUCCESSION_RULES, DEFAULT_WEIGHTS, targetRequirements } from '../../shared/domain/succession';

/** Ids and values the calls take, read once from the SQLite copy (identical ids on both sides). */
export interface ParityFixture {
  employeeId: number;
  employeeName: string;
  employeeNip: string;
  unitId: number;
  rootUnitId: number;
  rootPath: string;
  positionId: number;
  structuralPositionId: number;
  employeeIds: number[];
  competencyIds: number[];
  year: number;
  asOf: string;
}

export async function parityFixture(run: Run): Promise<ParityFixture> {
  const one = async <T>(text: string, params: unknown[] = []) => (await rowsOf<T>(run, text, params))[0];
  const e = await one<{ id: number; name: string; nip: string; unit_id: number; position_id: number }>(
    `SELECT e.id, e.name, e.nip, e.unit_id, e.position_id FROM employee e
     WHERE e.position_id IN (SELECT position_id FROM position_competency_standard) AND e.unit_id IS NOT NULL AND e.status = 'active' ORDER BY e.id LIMIT 1`);
  const root = await one<{ id: number; path: string }>(`SELECT r.id, r.path FROM unit u JOIN unit r ON r.id = u.root_id WHERE u.id = ?`, [e.unit_id]);
  const structural = await one<{ id: number }>(`SELECT id FROM position WHERE kind = 'administrator' ORDER BY id LIMIT 1`);
  const ids = (await rowsOf<{ id: number }>(run, 'SELECT id FROM employee ORDER BY id LIMIT 40')).map((r) => r.id);
  const competencies = (await rowsOf<{ id: number }>(run, 'SELECT id FROM competency_definition ORDER BY id LIMIT 6')).map((r) => r.id);
  const year = (await one<{ y: number }>(`SELECT MAX(year) AS y FROM performance_evaluation`)).y;
  return {
    employeeId: e.id, employeeName: e.name, employeeNip: e.nip, unitId: e.unit_id, rootUnitId: root.id, rootPath: root.path,
    positionId: e.position_id, structuralPositionId: structural.id, employeeIds: ids, competencyIds: competencies, year, asOf: '2026-11-24',
  };
}

export interface ParityCase {
  name: string;
  call: (run: Run, f: ParityFixture, dataSource: DataSource) => Promise<unknown>;
  /** The SQL fixes no row order: compare as sets. */
  unordered?: boolean;
}

const words = (name: string) => name.split(/\s+/);

export const readCases: ParityCase[] = [
  // employees: the list, every sort, deep pages, every kind of search
  ...(['name', 'nip', 'golongan', 'unit', 'position', 'birthDate', 'retirementDate'] as const).flatMap((field) => (['asc', 'desc'] as const).map((direction): ParityCase => ({
    name: `employees.employeeList sort ${field} ${direction}`,
    call: (run) => sql.employees.employeeList(run, {}, { field, direction }, 25, 180),
  }))),
  { name: 'employees.employeeList search 2-letter word', call: (run) => sql.employees.employeeList(run, { search: 'an' }, { field: 'name', direction: 'asc' }, 20, 0) },
  { name: 'employees.employeeList search name words', call: (run, f) => sql.employees.employeeList(run, { search: words(f.employeeName).slice(0, 2).join(' ') }, { field: 'name', direction: 'asc' }, 20, 0) },
  { name: 'employees.employeeList search fragment + short word', call: (run, f) => sql.employees.employeeList(run, { search: `${words(f.employeeName)[0].slice(1, 5)} ${words(f.employeeName)[0].slice(0, 2)}` }, { field: 'nip', direction: 'asc' }, 20, 0) },
  { name: 'employees.employeeList search upper case', call: (run, f) => sql.employees.employeeList(run, { search: f.employeeName.toUpperCase() }, { field: 'name', direction: 'asc' }, 20, 0) },
  { name: 'employees.employeeList search NIP prefix', call: (run, f) => sql.employees.employeeList(run, { search: f.employeeNip.slice(0, 6) }, { field: 'nip', direction: 'asc' }, 20, 0) },
  { name: 'employees.employeeList unit + filters', call: (run, f) => sql.employees.employeeList(run, { unitId: f.rootUnitId, status: ['active'], golongan: [31, 32, 33, 34], positionKind: ['fungsional', 'administrator', 'pengawas'], employmentType: ['PNS'] }, { field: 'unit', direction: 'asc' }, 10, 5) },
  { name: 'employees.employeeList scope + retirement', call: (run, f) => sql.employees.employeeList(run, { scopeUnitId: f.rootUnitId, retirementAfter: '2026-01-01', retirementUntil: '2040-12-31' }, { field: 'position', direction: 'desc' }, 10, 0) },
  { name: 'employees.countEmployees status', call: (run) => sql.employees.countEmployees(run, { status: ['active', 'retired'] }) },
  { name: 'employees.employeeListPage', call: (run) => sql.employees.employeeListPage(run, {}, { field: 'golongan', direction: 'desc' }, 30, 90) },
  { name: 'employees.positionHistory', call: (run, f) => sql.employees.positionHistory(run, f.employeeId) },
  { name: 'employees.rankHistory', call: (run, f) => sql.employees.rankHistory(run, f.employeeId) },
  { name: 'employees.nipHolder', call: (run, f) => sql.employees.nipHolder(run, f.employeeNip, null) },
  { name: 'employees.employeeIdByNip', call: (run, f) => sql.employees.employeeIdByNip(run, f.employeeNip) },
  { name: 'employees.unitNames', call: (run, f) => sql.employees.unitNames(run, [f.unitId, f.rootUnitId]) },
  { name: 'employees.activeUnitsWithDirectCounts', call: (run) => sql.employees.activeUnitsWithDirectCounts(run) },
  { name: 'employees.positionOptions search', call: (run) => sql.employees.positionOptions(run, { search: 'kepala bid', limit: 30 }) },
  { name: 'employees.positionOptions unit', call: (run, f) => sql.employees.positionOptions(run, { unitId: f.unitId, limit: 30 }) },
  { name: 'employees.positionOptions ids', call: (run, f) => sql.employees.positionOptions(run, { ids: [f.positionId, f.structuralPositionId], limit: 30 }) },
  { name: 'employees.unitById', call: (run, f) => sql.employees.unitById(run, f.unitId) },
  { name: 'employees.childUnits', call: (run, f) => sql.employees.childUnits(run, f.rootUnitId) },
  { name: 'employees.rootUnits', call: (run) => sql.employees.rootUnits(run) },
  { name: 'employees.headcount', call: (run, f) => sql.employees.headcount(run, 'active') },
  ...(['status', 'opd', 'golongan', 'positionKind', 'gender'] as const).map((dimension): ParityCase => ({
    name: `employees.headcountBy ${dimension}`, unordered: true, call: (run) => sql.employees.headcountBy(run, 'all', dimension),
  })),
  { name: 'employees.activeRetirementsByYear', unordered: true, call: (run) => sql.employees.activeRetirementsByYear(run, '2026-01-01', '2031-12-31') },
  { name: 'employees.activeRetirementDue', call: (run, f) => sql.employees.activeRetirementDue(run, f.asOf, '2028-12-31') },
  { name: 'employees.activeCountInSubtree', call: (run, f) => sql.employees.activeCountInSubtree(run, f.rootPath) },
  { name: 'employees.activeRetirees', call: (run) => sql.employees.activeRetirees(run, null, '2026-01-01', '2028-12-31') },
  { name: 'employees.dukRows', unordered: true, call: (run, f) => sql.employees.dukRows(run, f.rootPath) },
  { name: 'employees.nominativeRows', call: (run, f) => sql.employees.nominativeRows(run, { unitId: f.rootUnitId }, ['jpt_pratama', 'administrator', 'pengawas']) },
  { name: 'employees.leadershipTrainings', unordered: true, call: (run, f) => sql.employees.leadershipTrainings(run, f.employeeIds, f.asOf) },
];

const population = (f: ParityFixture) => ({ sql: `e.unit_id IN (SELECT id FROM unit WHERE substr(path, 1, length(?)) = ?)`, params: [f.rootPath, f.rootPath] });
const everyone = { sql: '1 = 1', params: [] as unknown[] };
const dashboard = (f: ParityFixture) => ({ groupColumn: 'unit_id' as const, scope: (column: string) => `${column} IN (SELECT id FROM unit WHERE substr(path, 1, length(?)) = ?)`, params: [f.rootPath, f.rootPath], levels: null });
const topDashboard = { groupColumn: 'root_unit_id' as const, scope: () => '1 = 1', params: [] as unknown[], levels: ['administrator', 'pengawas'] };

readCases.push(
  // scope, accounts, audit
  { name: 'scope.employeeInside', call: async (run, f) => [await sql.scope.employeeInside(run, f.rootUnitId, f.employeeId), await sql.scope.employeeInside(run, f.rootUnitId + 1, f.employeeId)] },
  { name: 'scope.unitInside', call: async (run, f) => [await sql.scope.unitInside(run, f.rootUnitId, f.unitId), await sql.scope.unitInside(run, f.unitId, f.rootUnitId)] },
  { name: 'accounts.anyAccount', call: (run) => sql.accounts.anyAccount(run) },
  { name: 'accounts.all', call: (run) => sql.accounts.all(run) },
  { name: 'accounts.byUsername (case)', call: async (run) => [await sql.accounts.byUsername(run, 'ADMIN'), await sql.accounts.usernameTaken(run, 'Admin')] },
  { name: 'accounts.otherEnabledAdministrators', call: (run) => sql.accounts.otherEnabledAdministrators(run, 1) },
  { name: 'accounts.disabledAmong', call: (run) => sql.accounts.disabledAmong(run, [1, 2, 3]) },
  { name: 'accounts.lastChange', call: (run) => sql.accounts.lastChange(run, 1) },
  { name: 'accounts.unit reads', call: async (run, f) => [await sql.accounts.unitName(run, f.unitId), await sql.accounts.unitExists(run, f.unitId), await sql.accounts.firstTopUnitId(run)] },
  { name: 'audit.page all', call: (run) => sql.audit.page(run, {}, 40, 25) },
  { name: 'audit.page employee', call: (run, f) => sql.audit.page(run, { employeeId: f.employeeId }, 0, 25) },
  // competency
  { name: 'competency.definitions', call: (run) => sql.competency.definitions(run) },
  { name: 'competency.definition + codeTaken', call: async (run, f) => [await sql.competency.definition(run, f.competencyIds[0]), await sql.competency.codeTaken(run, 'X-NONE', null)] },
  { name: 'competency.definitionLabels', call: (run, f) => sql.competency.definitionLabels(run, f.competencyIds) },
  { name: 'competency.positionHeader', call: async (run, f) => [await sql.competency.positionHeader(run, f.positionId), await sql.competency.positionExists(run, f.positionId)] },
  { name: 'competency.standardOf', call: (run, f) => sql.competency.standardOf(run, f.positionId) },
  { name: 'competency.similarStandards', call: async (run, f) => sql.competency.similarStandards(run, (await sql.competency.positionHeader(run, f.positionId))!, 5) },
  { name: 'competency.standardLevels', call: (run, f) => sql.competency.standardLevels(run, f.positionId) },
  { name: 'competency.positionsWithoutStandard', call: (run) => sql.competency.positionsWithoutStandard(run, 20) },
  { name: 'competency.employeeHeader', call: (run, f) => sql.competency.employeeHeader(run, f.employeeId) },
  { name: 'competency.currentLevels', call: (run, f) => sql.competency.currentLevels(run, f.employeeId) },
  { name: 'competency.levelsOf', call: (run, f) => sql.competency.levelsOf(run, f.employeeIds, f.competencyIds) },
  { name: 'competency.assessmentHistory', call: (run, f) => sql.competency.assessmentHistory(run, f.employeeId) },
  { name: 'competency.heatmapCompetencies', call: (run) => sql.competency.heatmapCompetencies(run) },
  { name: 'competency.heatmapCells', unordered: true, call: (run, f) => sql.competency.heatmapCells(run, dashboard(f)) },
  { name: 'competency.heatmapTotals', unordered: true, call: (run) => sql.competency.heatmapTotals(run, topDashboard) },
  { name: 'competency.jpmHistogram', unordered: true, call: (run, f) => sql.competency.jpmHistogram(run, dashboard(f)) },
  { name: 'competency.cellEmployees', call: (run, f) => sql.competency.cellEmployees(run, { competencyId: f.competencyIds[0], unitId: f.rootUnitId, subtree: true, levels: null, limit: 20, offset: 0 }) },
  { name: 'competency.bestMatchSums', call: (run, f) => sql.competency.bestMatchSums(run, f.positionId, 5, 20) },
  { name: 'competency.employeeRows', call: (run, f) => sql.competency.employeeRows(run, f.employeeIds) },
  { name: 'competency.statsRows', unordered: true, call: (run) => sql.competency.statsRows(run) },
  // performance
  { name: 'performance.employeeRow', call: (run, f) => sql.performance.employeeRow(run, f.employeeId) },
  { name: 'performance.evaluationsOf', call: (run, f) => sql.performance.evaluationsOf(run, f.employeeId) },
  { name: 'performance.evaluationOfPeriod', call: (run, f) => sql.performance.evaluationOfPeriod(run, f.employeeId, f.year, 'tahunan') },
  { name: 'performance.potentialsOf', call: (run, f) => sql.performance.potentialsOf(run, f.employeeId) },
  { name: 'performance.annualYears', call: (run) => sql.performance.annualYears(run) },
  { name: 'performance.distribution', unordered: true, call: (run, f) => sql.performance.distribution(run, { groupColumn: 'root_unit_id', scope: everyone, levels: null, fromYear: f.year - 2, toYear: f.year }) },
  { name: 'performance.followUps', call: (run, f) => sql.performance.followUps(run, { population: everyone, year: f.year, limit: 20, offset: 0 }) },
  { name: 'performance.categoryEmployees', call: (run, f) => sql.performance.categoryEmployees(run, { population: population(f), year: f.year, limit: 20, offset: 0, category: { predikat: 'baik' } }) },
  { name: 'performance.withoutSkp', call: (run, f) => sql.performance.withoutSkp(run, { population: everyone, year: f.year, limit: 20, offset: 5 }) },
  { name: 'performance.categoryCounts', unordered: true, call: (run, f) => sql.performance.categoryCounts(run, f.year) },
  { name: 'performance.withoutSkpCount', call: (run, f) => sql.performance.withoutSkpCount(run, f.year) },
  // talent
  { name: 'talent.boxCounts', unordered: true, call: (run, f) => sql.talent.boxCounts(run, { year: f.year, subtreePath: f.rootPath, levels: null }) },
  { name: 'talent.activeCount', call: (run, f) => sql.talent.activeCount(run, { subtreePath: f.rootPath, levels: ['administrator', 'pengawas'] }) },
  { name: 'talent.calibrationsOfPopulation', unordered: true, call: (run, f) => sql.talent.calibrationsOfPopulation(run, f.year, everyone) },
  { name: 'talent.firstPeoplePerBox', call: (run, f) => sql.talent.firstPeoplePerBox(run, sql.talent.placements(everyone, f.year, 'permenpanrb'), 3) },
  { name: 'talent.unplaced', call: (run, f) => sql.talent.unplaced(run, sql.talent.placements(everyone, f.year, 'permenpanrb'), 10) },
  { name: 'talent.boxPage', call: (run, f) => sql.talent.boxPage(run, sql.talent.placements(everyone, f.year, 'kemenkeu'), 5, { limit: 10, offset: 2 }) },
  { name: 'talent.inBoxes', call: (run, f) => sql.talent.inBoxes(run, sql.talent.placements(population(f), f.year, 'permenpanrb'), [7, 8, 9]) },
  { name: 'talent.boxPairs', unordered: true, call: (run, f) => sql.talent.boxPairs(run, sql.talent.placements(everyone, f.year - 1, 'permenpanrb'), sql.talent.placements(everyone, f.year, 'permenpanrb')) },
  { name: 'talent.employeeRows', unordered: true, call: (run, f) => sql.talent.employeeRows(run, f.employeeIds) },
  { name: 'talent.axesOf', call: (run, f) => sql.talent.axesOf(run, f.employeeId, f.year) },
  { name: 'talent.calibrationsOf', call: (run, f) => sql.talent.calibrationsOf(run, f.employeeId, f.year) },
  { name: 'talent.sessions', call: (run) => sql.talent.sessions(run) },
  { name: 'talent.session reads', call: async (run) => [await sql.talent.sessionListRow(run, 1), await sql.talent.session(run, 1), await sql.talent.sessionEmployeeIds(run, 1), await sql.talent.sessionBoxCounts(run, 1), await sql.talent.calibratedPlacements(run, { sessionId: 1 })] },
);


/** A writer or refresher: run on both databases inside a transaction that is rolled back, then the tables it
 *  writes are read whole and compared (order-free). */
export interface ParityWriteCase {
  name: string;
  write: (run: Run, f: ParityFixture) => Promise<unknown>;
  tables: readonly string[];
}

const history = { source: 'manual' as const, snapshotId: null, now: '2026-11-24T08:00:00.000Z' };

export const writeCases: ParityWriteCase[] = [
  { name: 'audit.write', tables: ['audit_log'], write: (run, f) => sql.audit.write(run, { at: '2026-11-24T08:00:00.000Z', actor: 'Administrator (admin)', action: 'update', entity: 'employee', entityId: f.employeeId, employeeId: f.employeeId, summary: 'uji', changes: [{ field: 'name', label: 'Nama', before: 'a', after: 'b' }] } as never) },
  { name: 'history.recordPositionMove', tables: ['position_history'], write: (run, f) => recordPositionMove(run, { ...history, employeeId: f.employeeId, positionId: f.structuralPositionId, positionName: 'Kepala Uji', positionLevel: 'administrator', unitId: f.unitId, unitName: 'Unit Uji', tmt: '2026-11-01' }) },
  { name: 'history.recordRankStep', tables: ['rank_history'], write: (run, f) => recordRankStep(run, { ...history, employeeId: f.employeeId, golongan: 34, tmt: '2026-10-01', kind: 'reguler', mkYears: 12, mkMonths: 3 }) },
  // The membership refreshers move counts between summary groups only for people who moved: 40 people into one
  // unit, a few of them retired, then both refreshers (UPDATE … FROM and the upsert on both).
  { name: 'derived membership after moves', tables: ['performance_member', 'performance_year_summary', 'talent_box_summary', 'employee_competency_profile', 'competency_gap_summary', 'competency_jpm_histogram'],
    write: async (run, f) => {
      const ids = f.employeeIds;
      await run(`UPDATE employee SET unit_id = ? WHERE id IN (${ids.map(() => '?').join(',')})`, [f.unitId, ...ids]);
      await run(`UPDATE employee SET status = 'retired' WHERE id IN (${ids.slice(0, 5).map(() => '?').join(',')})`, ids.slice(0, 5));
      await performanceMembershipRefresher.refresh(run, ids);
      await competencyMembershipRefresher.refresh(run, ids);
    } },
];

readCases.push(
  // succession
  { name: 'succession.overview.keyPositions', call: (run) => sql.succession.overview.keyPositions(run) },
  { name: 'succession.overview.planCandidates', call: (run) => sql.succession.overview.planCandidates(run) },
  { name: 'succession.overview.structuralPositions', call: (run) => sql.succession.overview.structuralPositions(run, {}) },
  { name: 'succession.overview.structuralPositions search', call: (run) => sql.succession.overview.structuralPositions(run, { search: 'BADAN', level: 'administrator' }) },
  { name: 'succession.overview.structuralPositions key', call: (run) => sql.succession.overview.structuralPositions(run, { keyOnly: true }) },
  { name: 'succession.overview.positionIdsUnder', call: (run, f) => sql.succession.overview.positionIdsUnder(run, f.rootPath) },
  { name: 'succession.overview.candidatesOfPlans', call: (run) => sql.succession.overview.candidatesOfPlans(run, [1, 2, 3, 4]) },
  { name: 'succession.positions.position', call: async (run, f) => [await sql.succession.positions.position(run, f.structuralPositionId), await sql.succession.positions.position(run, f.positionId)] },
  { name: 'succession.positions.incumbent', call: (run, f) => sql.succession.positions.incumbent(run, f.structuralPositionId) },
  { name: 'succession.positions.pagePosition + unitsOfPath', call: async (run, f) => {
    const post = await sql.succession.positions.pagePosition(run, f.structuralPositionId);
    return [post, await sql.succession.positions.unitsOfPath(run, post?.unit_path ?? null), await sql.succession.positions.pagePosition(run, f.positionId)];
  } },
  { name: 'succession.plans.planOf', call: async (run) => {
    const positionId = (await rowsOf<{ position_id: number }>(run, 'SELECT position_id FROM succession_plan ORDER BY id LIMIT 1'))[0]?.position_id ?? 0;
    const plan = await sql.succession.plans.planOf(run, positionId);
    return plan && [plan, await sql.succession.plans.candidatesOf(run, plan.id), await sql.succession.plans.planOfPosition(run, positionId), await sql.succession.plans.revisionsOfPosition(run, positionId, 5)];
  } },
  { name: 'succession.ranking.failingPositionIds', unordered: true, call: (run) => sql.succession.ranking.failingPositionIds(run, ['pelaksana', 'terampil']) },
  { name: 'succession.ranking.employeeSummaries', call: (run, f) => sql.succession.ranking.employeeSummaries(run, f.employeeIds) },
  { name: 'succession.ranking.planMembers', call: (run, f) => sql.succession.ranking.planMembers(run, f.structuralPositionId) },
  { name: 'succession.rumpun.proposalFor', call: (run, f) => sql.succession.rumpun.proposalFor(run, f.structuralPositionId) },
  { name: 'succession.rumpun.inUse', call: (run) => sql.succession.rumpun.inUse(run) },
  { name: 'succession.rumpun.familyHolders', unordered: true, call: (run) => sql.succession.rumpun.familyHolders(run) },
  // career paths and readiness
  { name: 'careerPaths.paths + steps', call: async (run) => [await sql.careerPaths.paths(run), await sql.careerPaths.steps(run), await sql.careerPaths.hasPaths(run), await sql.careerPaths.nextPathSort(run), await sql.careerPaths.nextStepSort(run, 1)] },
  { name: 'careerPaths.path + step', call: async (run) => [await sql.careerPaths.path(run, 1), await sql.careerPaths.step(run, 1)] },
  { name: 'careerPaths.positionGroups', call: (run) => sql.careerPaths.positionGroups(run) },
  { name: 'careerPaths.families', call: (run) => sql.careerPaths.families(run) },
  { name: 'careerPaths.person', call: (run, f) => sql.careerPaths.person(run, f.employeeId, f.asOf) },
  { name: 'careerPaths.population', unordered: true, call: (run, f) => sql.careerPaths.population(run, ['administrator', 'pengawas', 'ahli_muda'], f.asOf) },
  { name: 'careerPaths.populationOf', unordered: true, call: (run, f) => sql.careerPaths.populationOf(run, f.employeeIds, ['pelaksana', 'ahli_pertama', 'ahli_muda', 'pengawas'], f.asOf) },
  { name: 'careerPaths.upcomingLeadershipTrainings', unordered: true, call: (run) => sql.careerPaths.upcomingLeadershipTrainings(run, 'all', '2020-01-01') },
  { name: 'careerPaths.competencyLevelsOf', unordered: true, call: (run, f) => sql.careerPaths.competencyLevelsOf(run, f.employeeIds, f.competencyIds) },
  { name: 'careerPaths.annualSkp', unordered: true, call: (run, f) => sql.careerPaths.annualSkp(run, f.employeeIds, [f.year, f.year - 1]) },
  { name: 'careerPaths.discipline', unordered: true, call: (run) => sql.careerPaths.discipline(run, 'all') },
  { name: 'careerPaths.competencyLevels', unordered: true, call: (run, f) => sql.careerPaths.competencyLevels(run, 'active', f.competencyIds) },
  { name: 'careerPaths.competencyNames', unordered: true, call: (run, f) => sql.careerPaths.competencyNames(run, f.competencyIds) },
  { name: 'careerPaths.targetStandard', call: async (run) => [await sql.careerPaths.targetStandard(run, 'administrator', null), await sql.careerPaths.targetStandard(run, 'ahli_muda', 'Analis Kebijakan')] },
  { name: 'careerPaths.catalogOfferings', call: (run, f) => sql.careerPaths.catalogOfferings(run, ['pkp', 'pka'], f.competencyIds) },
  { name: 'careerPaths.careerRecords', call: (run, f) => sql.careerPaths.careerRecords(run, f.employeeId) },
  { name: 'careerPaths.standardsByLevel', unordered: true, call: (run) => sql.careerPaths.standardsByLevel(run, ['administrator', 'pengawas', 'ahli_muda']) },
  { name: 'careerPaths.annualSkpOfPerson + competencyLevelsOfPerson', unordered: true, call: async (run, f) => [...await sql.careerPaths.annualSkpOfPerson(run, f.employeeId), ...await sql.careerPaths.competencyLevelsOfPerson(run, f.employeeId)] },
  { name: 'careerPaths.vacancies', call: async (run, f) => [await sql.careerPaths.vacancies(run, 'administrator', null, '2030-12-31', 10), await sql.careerPaths.vacancies(run, 'pengawas', null, f.asOf, 5)] },
  { name: 'careerReadiness reads', call: async (run, f) => [await sql.careerReadiness.state(run), await sql.careerReadiness.people(run, f.asOf), await sql.careerReadiness.all(run)] },
  { name: 'careerReadiness.counts', unordered: true, call: (run, f) => sql.careerReadiness.counts(run, f.asOf) },
  { name: 'careerReadiness.staleEmployees', unordered: true, call: (run) => sql.careerReadiness.staleEmployees(run, '2026-01-01') },
);

const subtree = (f: ParityFixture) => sql.development.units.subtree(f.rootPath);
/** What the career lists read from, as the services pick it: SQLite's own connection (prepared statements in raw
 *  mode, the fast path) or the Run toward the server. */
const listSource = (run: Run, dataSource: DataSource): TupleSource => (dialectOf(run) === 'postgres' ? run : rawConnection(dataSource));
/** The basic requirements of the fixture's administrator post, falling vacant in mid-2027, with one person under a
 *  running hukuman disiplin (so every kind of condition is in the SQL). */
async function rankingSpec(run: Run, f: ParityFixture) {
  const post = (await sql.succession.positions.position(run, f.structuralPositionId))!;
  const req = targetRequirements({ id: post.id, name: post.name, level: post.level, eselon: post.eselon, minGolongan: post.min_golongan });
  return basicFilterSpec(req, {
    today: f.asOf, vacancyDate: '2027-06-01', rules: DEFAULT_SUCCESSION_RULES, weights: DEFAULT_WEIGHTS,
    rumpun: { target: null, related: new Map() }, discipline: new Map([[f.employeeIds[0], 'hukuman disiplin']]),
  });
}
/** Promotion candidates with their facts' JSON text decoded. */
function factsDecoded(tuples: ReadonlyArray<[number, string, string]>) {
  return tuples.map(([id, nip, facts]) => [id, nip, JSON.parse(facts) as unknown]);
}

const promotionQuery = (f: ParityFixture, completeOnly: boolean) => ({
  skpYears: [f.year - 1, f.year] as [number, number], rankCutoff: '2022-10-01', shortStepCutoff: '2024-10-01', shortStep: { golongan: 32, educationLevel: 'S2' },
  subtree: null, search: null, completeOnly,
});
const search = (run: Run, text: string, alias = 'e') => employeeSearchCondition(text, alias, dialectOf(run));

readCases.push(
  // succession: the reads the ranking and the overview make on SQLite's own connection (raw mode) or a Run
  { name: 'succession.overview.keyPositions (list source)', call: (run, _f, ds) => sql.succession.overview.keyPositions(listSource(run, ds)) },
  { name: 'succession.overview.planCandidates (list source)', call: (run, _f, ds) => sql.succession.overview.planCandidates(listSource(run, ds)) },
  { name: 'succession.ranking.basicFailureCounts', call: async (run, f, ds) => {
    const spec = await rankingSpec(run, f);
    const fails = sql.succession.ranking.basicFailConditions(spec, await sql.succession.ranking.failingPositionIds(run, spec.failingLevels), dialectOf(run));
    const byLevel = sql.succession.ranking.basicFailConditions(spec, undefined, dialectOf(run));
    return [
      await sql.succession.ranking.basicFailureCounts(listSource(run, ds), fails, null, f.employeeId),
      await sql.succession.ranking.basicFailureCounts(listSource(run, ds), fails, search(run, 'a'), null),
      // The jenjang by the post's level needs the join to position the service's statement leaves out.
      (await rowsOf<Record<string, unknown>>(run, `SELECT ${byLevel.map((c, i) => `CAST(SUM(${c.sql}) AS bigint) AS c${i}`).join(', ')} FROM employee e LEFT JOIN position p ON p.id = e.position_id WHERE e.status = 'active'`, byLevel.flatMap((c) => c.params)))[0],
    ];
  } },
  { name: 'succession.ranking.poolFacts', unordered: true, call: async (run, f, ds) => sql.succession.ranking.poolFacts(listSource(run, ds), { targetPositionId: f.structuralPositionId, spec: await rankingSpec(run, f), filter: null, excludeId: f.employeeId }) },
  { name: 'succession.ranking.poolFacts search', unordered: true, call: async (run, f, ds) => sql.succession.ranking.poolFacts(listSource(run, ds), { targetPositionId: f.structuralPositionId, spec: await rankingSpec(run, f), filter: search(run, 'an'), excludeId: null }) },
  { name: 'succession.ranking.factsOf', unordered: true, call: (run, f, ds) => sql.succession.ranking.factsOf(listSource(run, ds), f.employeeIds, f.positionId) },
  { name: 'succession.ranking.basicFacts search', unordered: true, call: (run, _f, ds) => sql.succession.ranking.basicFacts(listSource(run, ds), search(run, 'ar')) },

  // development
  { name: 'development.plans.catalog', call: async (run) => [await sql.development.plans.catalog(run, false), await sql.development.plans.catalog(run, true)] },
  { name: 'development.plans.catalogEntry + competencies', call: async (run) => [await sql.development.plans.catalogEntry(run, 1), await sql.development.plans.competencies(run), await sql.development.plans.catalogExists(run, 1), await sql.development.plans.competencyExists(run, 1)] },
  { name: 'development.plans.position + followedTypes', call: async (run, f) => [await sql.development.plans.position(run, f.positionId), (await sql.development.plans.followedTypes(run, f.employeeId)).sort(), await sql.development.plans.planIdOf(run, f.employeeId, 2026)] },
  { name: 'development.plans.plans + items', call: async (run) => { const plans = await sql.development.plans.plans(run, { sql: 'pl.year >= ?', params: [2025] }); return [plans, await sql.development.plans.items(run, plans.slice(0, 30).map((p) => p.id))]; } },
  { name: 'development.plans.plan + item', call: async (run) => [await sql.development.plans.plan(run, 1), await sql.development.plans.item(run, 1), await sql.development.plans.storedItems(run, 1)] },
  { name: 'development.plans.yearPlans', call: (run) => sql.development.plans.yearPlans(run, { year: 2026, subtree: null, search: null, offset: 0, limit: 15 }) },
  { name: 'development.plans.yearPlans filtered', call: (run, f) => sql.development.plans.yearPlans(run, { year: 2026, subtree: subtree(f), search: search(run, 'a'), offset: 2, limit: 10 }) },
  { name: 'development.plans.itemCounts', unordered: true, call: (run) => sql.development.plans.itemCounts(run, 2026) },
  { name: 'development.plans.budgets + ceiling', call: async (run, f) => [await sql.development.plans.budgets(run, 2026), await sql.development.plans.ceiling(run, f.rootUnitId, 2026)] },
  { name: 'development.plans.plannedPerUnit', unordered: true, call: (run) => sql.development.plans.plannedPerUnit(run, 2026) },
  { name: 'development.training.yearsWithData', call: (run) => sql.development.training.yearsWithData(run, 60) },
  { name: 'development.training.yearsWithData, limited', call: (run) => sql.development.training.yearsWithData(run, 2) },
  { name: 'development.training.list', call: (run, f) => sql.development.training.list(run, { subtree: subtree(f), search: null, offset: 0, limit: 20 }) },
  { name: 'development.training.list search', call: (run) => sql.development.training.list(run, { from: '2024-01-01', until: '2026-12-31', subtree: null, search: search(run, 'ar'), offset: 5, limit: 20 }) },
  { name: 'development.training.ofEmployee + years', call: async (run, f) => [await sql.development.training.ofEmployee(run, f.employeeId), await sql.development.training.employeeYears(run, f.employeeId, f.asOf), await sql.development.training.employeeYears(run, f.employeeId, '2024-06-30')] },
  { name: 'development.training.isDuplicate + get', call: async (run, f) => [await sql.development.training.isDuplicate(run, f.employeeId, { title: 'X', startDate: '2026-01-01', endDate: '2026-01-02' }, null), await sql.development.training.get(run, 1)] },
  { name: 'development.training.compliancePerUnit', unordered: true, call: (run, f) => sql.development.training.compliancePerUnit(run, { year: 2025, asOf: f.asOf, referenceDate: '2025-12-31', target: 20, subtree: null }) },
  { name: 'development.training.complianceTotal (not ended)', call: (run) => sql.development.training.complianceTotal(run, { year: 2024, asOf: '2024-06-30', referenceDate: '2024-12-31', target: 20 }) },
  { name: 'development.training.belowPage', call: (run, f) => sql.development.training.belowPage(run, { year: 2025, asOf: f.asOf, referenceDate: '2025-12-31', target: 20, subtree: subtree(f), search: null, offset: 0, limit: 20 }) },
  { name: 'development.training.employeeRows', call: (run, f) => sql.development.training.employeeRows(run, f.employeeIds) },
  { name: 'development.careers.rotationPerUnit', unordered: true, call: (run) => sql.development.careers.rotationPerUnit(run, { cutoff: '2022-01-01', subtree: null }) },
  { name: 'development.careers.rotationPage', call: (run, f) => sql.development.careers.rotationPage(run, { cutoff: '2022-01-01', kind: 'administrator', subtree: subtree(f), search: null, offset: 0, limit: 10 }) },
  { name: 'development.careers.rotationCount', call: (run) => sql.development.careers.rotationCount(run, '2022-01-01') },
  // The facts come as JSON text, spelt by each database its own way (PostgreSQL puts a space after each comma): the
  // same facts are what must agree.
  { name: 'development.careers.promotionCandidates', unordered: true, call: async (run, f, ds) => factsDecoded(await sql.development.careers.promotionCandidates(listSource(run, ds), promotionQuery(f, false))) },
  { name: 'development.careers.promotionCandidates complete, unit, search', unordered: true, call: async (run, f, ds) => factsDecoded(await sql.development.careers.promotionCandidates(listSource(run, ds), { ...promotionQuery(f, true), subtree: subtree(f), search: search(run, 'a') })) },
  { name: 'development.careersLists.disciplineAll', unordered: true, call: (run, _f, ds) => sql.development.careersLists.disciplineAll(listSource(run, ds)) },
  { name: 'development.careersLists.kgbDueBetween', unordered: true, call: (run, f, ds) => sql.development.careersLists.kgbDueBetween(listSource(run, ds), { from: '2026-01-01', to: '2027-12-31', subtree: subtree(f), search: null }) },
  { name: 'development.careersLists.kgbDueBetween search', unordered: true, call: (run, _f, ds) => sql.development.careersLists.kgbDueBetween(listSource(run, ds), { from: '2025-01-01', to: '2028-12-31', subtree: null, search: search(run, 'an') }) },
  { name: 'development.careersLists.annualSkpOf', unordered: true, call: (run, f, ds) => sql.development.careersLists.annualSkpOf(listSource(run, ds), f.employeeIds, [f.year - 1, f.year]) },
  { name: 'development.careersLists.structuralPopulation', unordered: true, call: async (run, f, ds) => [
    ...await sql.development.careersLists.structuralPopulation(listSource(run, ds), { subtree: null, search: null }),
    ...await sql.development.careersLists.structuralPopulation(listSource(run, ds), { subtree: subtree(f), search: search(run, 'a') })] },
  { name: 'development.careersLists.finishedStudies', unordered: true, call: (run, f, ds) => sql.development.careersLists.finishedStudies(listSource(run, ds), { until: f.asOf, subtree: null, search: null }) },
  { name: 'development.careersLists.satyalancanaPopulation', unordered: true, call: (run, f, ds) => sql.development.careersLists.satyalancanaPopulation(listSource(run, ds), { spans: [['1996-01-01', '1996-12-31'], ['2006-01-01', '2006-12-31'], ['2016-01-01', '2016-12-31']], subtree: subtree(f), search: null }) },
  { name: 'development.careersLists.satyalancanaPopulation wide', unordered: true, call: (run, _f, ds) => sql.development.careersLists.satyalancanaPopulation(listSource(run, ds), { spans: [['1970-01-01', '2016-12-31']], subtree: null, search: null }) },
  { name: 'development.careersLists records of people', call: async (run, _f, ds) => {
    const source = listSource(run, ds);
    const ids = (await rowsOf<{ id: number }>(run, 'SELECT id FROM employee ORDER BY id')).map((r) => r.id);
    const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    return [sorted(await sql.development.careersLists.cltnOf(source, ids)), sorted(await sql.development.careersLists.disciplineOf(source, ids)), sorted(await sql.development.careersLists.satyalancanaHeldOf(source, ids))];
  } },
  { name: 'development.careers.promotionDetails', call: (run, f) => sql.development.careers.promotionDetails(run, f.employeeIds) },
  { name: 'development.inputs', call: async (run, f) => [await sql.development.inputs.positionStandard(run, f.positionId), await sql.development.inputs.currentCompetencyLevels(run, f.employeeId), await sql.development.inputs.successionTargets(run, f.employeeId)] },
  { name: 'development.inputs.successionTargets (candidates)', call: async (run) => Promise.all((await rowsOf<{ employee_id: number }>(run, 'SELECT employee_id FROM succession_candidate ORDER BY id LIMIT 5')).map((c) => sql.development.inputs.successionTargets(run, c.employee_id))) },
  { name: 'development.units', call: async (run, f) => [await sql.development.units.unit(run, f.unitId), await sql.development.units.employee(run, f.employeeId)] },
  { name: 'development.units.units', unordered: true, call: (run) => sql.development.units.units(run) },
  { name: 'development.mentoring.list', call: (run) => sql.development.mentoring.list(run, { menteeSubtree: null, search: null, offset: 0, limit: 20 }) },
  { name: 'development.mentoring.list search', call: (run) => sql.development.mentoring.list(run, { status: 'aktif', menteeSubtree: null, search: (alias) => search(run, 'an', alias), offset: 0, limit: 20 }) },
  { name: 'development.mentoring.mentorLoad', call: (run) => sql.development.mentoring.mentorLoad(run, null) },
  { name: 'development.mentoring.pair reads', call: async (run, f) => [await sql.development.mentoring.activeMentees(run, f.employeeId, null), await sql.development.mentoring.otherActiveMentors(run, f.employeeId, 0, null), await sql.development.mentoring.hasActivePair(run, 1, 2, null), await sql.development.mentoring.relation(run, 1), await sql.development.mentoring.firstSessionDate(run, 1), await sql.development.mentoring.sessions(run, 1), await sql.development.mentoring.session(run, 1), await sql.development.mentoring.pairsInYear(run, 2026)] },
  // planning
  { name: 'planning.offerings', call: async (run) => [await sql.planning.offerings(run), await sql.planning.offerings(run, true), await sql.planning.offeringCompetencies(run)] },
  { name: 'planning.opds', call: (run) => sql.planning.opds(run, 2026) },
  { name: 'planning.people', unordered: true, call: (run, f) => sql.planning.people(run, null, f.asOf) },
  { name: 'planning.positionGaps', unordered: true, call: (run, f) => sql.planning.positionGaps(run, subtree(f), f.asOf) },
  { name: 'planning.openIdpItems', unordered: true, call: (run, f) => sql.planning.openIdpItems(run, null, f.asOf, 2027) },
  { name: 'planning.structuralCandidates', unordered: true, call: async (run, f) => (await sql.planning.structuralCandidates(run, null, f.asOf, ['administrator', 'pengawas'], ['pkp', 'pka', 'pkn_2'])).map((r) => ({ ...r, followed: r.followed?.split(',').sort().join(',') ?? null })) },
  { name: 'planning.successorGaps', unordered: true, call: (run, f) => sql.planning.successorGaps(run, null, f.asOf) },
  { name: 'planning.careerStepsOpen', unordered: true, call: (run, f) => sql.planning.careerStepsOpen(run, null, f.asOf) },
  { name: 'planning.leadershipFollowed', unordered: true, call: async (run, f) => (await sql.planning.leadershipFollowed(run, ['pkp', 'pka', 'pkn_2'], f.asOf)).map((r) => ({ ...r, followed: r.followed.split(',').sort().join(',') })) },
  { name: 'planning.competencyLevelsOf', unordered: true, call: (run, f) => sql.planning.competencyLevelsOf(run, f.employeeIds, f.competencyIds) },
  { name: 'planning.planHasOffering + employeesByIds', call: async (run, f) => [await sql.planning.planHasOffering(run, 1, 1), await sql.planning.employeesByIds(run, f.employeeIds.slice(0, 5))] },
  { name: 'planning.realisation', unordered: true, call: (run) => sql.planning.realisation(run, 2026) },
  // privacy, quality, kgb, maintenance
  { name: 'privacy.exportLog', call: async (run) => [await sql.privacy.countExportLog(run, {}), await sql.privacy.exportLogPage(run, {}, 0, 20), await sql.privacy.exportLogActors(run), await sql.privacy.exportLogKinds(run)] },
  { name: 'quality.readQualityFacts', call: (run, f) => readQualityFacts(run, f.employeeIds, f.year) },
  { name: 'quality.derived', call: async (run, f) => [await sql.quality.derived(run, f.year, null, true), await sql.quality.derived(run, f.year, f.rootUnitId, true)] },
  { name: 'quality.stored', unordered: true, call: (run) => sql.quality.stored(run) },
  { name: 'quality reads', call: async (run, f) => [await sql.quality.weightsSetting(run), await sql.quality.recordedOn(run, f.asOf), await sql.quality.history(run, null), await sql.quality.corrections(run, false), await sql.quality.correction(run, 1), await sql.quality.unit(run, f.unitId), await sql.quality.opds(run)] },
  { name: 'quality.unitsAtSnapshots', unordered: true, call: (run) => sql.quality.unitsAtSnapshots(run, [1, 2, 3]) },
  { name: 'kgbDue.bases', unordered: true, call: async (run, f) => [await kgbDueSql.bases(run, f.employeeIds), (await kgbDueSql.bases(run, 'all')).length] },
  { name: 'kgbDue.all', call: (run) => kgbDueSql.all(run) },
  { name: 'competencyProfile.employeesOfPositions', unordered: true, call: (run, f) => employeesOfPositions(run, [f.positionId, f.structuralPositionId]) },
  { name: 'maintenance.contentCounts', call: (run) => contentCounts(run) },
  { name: 'maintenance.databaseSummaryCountsOf + appliedMigrationsOf', call: async (run) => [await databaseSummaryCountsOf(run), await appliedMigrationsOf(run)] },
  { name: 'editVersions.current', call: async (run, f) => [await editVersionsSql.current(run, { table: 'position', key: f.positionId }), await editVersionsSql.current(run, { table: 'development_plan', key: 1 }), await editVersionsSql.current(run, { table: 'settings_section_version', key: 'keamanan' })] },
  { name: 'imports.snapshots profiles', call: async (run) => [await sql.imports.snapshots.profileIdByName(run, 'tidak ada'), await sql.imports.snapshots.profileName(run, 1)] },
  { name: 'jobLocks.holderOf', call: (run) => jobLocksSql.holderOf(run, 'impor') },
);

const at = '2026-11-24T08:00:00.000Z';
writeCases.push(
  { name: 'accounts.insert + update + login bookkeeping', tables: ['account'], write: async (run, f) => {
    const id = await sql.accounts.insert(run, { username: 'uji.opd', fullName: 'Uji OPD', nip: null, role: 'operator_opd', scopeUnitId: f.rootUnitId, passwordHash: 'x', mustChangePassword: true, createdAt: at } as never);
    await sql.accounts.setFailedLogins(run, id, 2);
    await sql.accounts.lock(run, id, '2026-11-24T09:00:00.000Z');
    await sql.accounts.recordLogin(run, id, at);
    await sql.accounts.resetPassword(run, id, 'y');
    await sql.accounts.changeOwnPassword(run, id, 'z');
    return id;
  } },
  { name: 'competency writes', tables: ['competency_definition', 'position_competency_standard', 'competency_assessment'], write: async (run, f) => {
    const id = await sql.competency.insertDefinition(run, { code: 'UJI-1', name: 'Uji', group: 'teknis', description: null, levelDescriptors: ['a', 'b'], active: true } as never);
    await sql.competency.updateDefinition(run, id, { code: 'UJI-1', name: 'Uji Dua', group: 'teknis', description: 'd', levelDescriptors: [], active: false } as never);
    await sql.competency.replaceStandard(run, f.positionId, [{ competencyId: f.competencyIds[0], requiredLevel: 3 }, { competencyId: id, requiredLevel: 2 }]);
    await sql.competency.insertAssessment(run, { employeeId: f.employeeId, competencyId: id, level: 2, assessedOn: '2026-11-01', method: 'uji', assessor: null, notes: null, createdAt: at });
  } },
  { name: 'performance writes', tables: ['performance_evaluation', 'potential_assessment'], write: async (run, f) => {
    const values = { regime: 'pp30', hasilKerja: 'sesuai', perilakuKerja: 'sesuai', predikat: 'baik', legacyScore: null, legacyLabel: null, evaluatorNip: null, followUpStatus: null, notes: null };
    const id = await sql.performance.insertEvaluation(run, { employeeId: f.employeeId, year: 2027, period: 'tahunan' }, values, at);
    await sql.performance.updateEvaluation(run, id, { ...values, predikat: 'sangat_baik' });
    await sql.performance.setFollowUp(run, id, 'selesai', 'catatan');
    await sql.performance.insertPotential(run, { employeeId: f.employeeId, assessedOn: '2026-11-01', level: null, score: 71.5, method: 'uji', notes: null }, at);
    return [await sql.performance.placementsCiting(run, id), await sql.performance.evaluation(run, id)];
  } },
  { name: 'talent session writes', tables: ['talent_session', 'talent_placement'], write: async (run, f) => {
    const details = { name: 'Uji', heldOn: '2026-11-20', documentNumber: null, place: null, members: '[]', notes: null, ppkName: null, ppkPosition: null, ppkNip: null };
    const id = await sql.talent.insertSession(run, { ...details, year: f.year, populationUnitId: f.rootUnitId, populationLevels: null, createdBy: 'uji', createdAt: at } as never);
    await sql.talent.updateSession(run, id, { ...details, place: 'Aula' } as never);
    await sql.talent.recordPlacements(run, id, f.year, sql.talent.placements({ sql: '1 = 1', params: [] }, f.year, 'permenpanrb'), at);
    const [placement] = await rowsOf<{ id: number }>(run, 'SELECT id FROM talent_placement WHERE session_id = ? ORDER BY id LIMIT 1', [id]);
    if (placement) await sql.talent.calibrate(run, placement.id, { box: 9, reason: 'uji', by: 'uji', at });
    await sql.talent.setSessionStatus(run, id, 'ditetapkan', { by: 'uji', at });
    await sql.talent.renumberPlacements(run, 'permenpanrb', 'kemenkeu');
    return [(await sql.talent.sessionBoxCounts(run, id)).sort((a, b) => a.computed_box - b.computed_box || a.final_box - b.final_box), await sql.talent.placementOf(run, id, f.employeeId)];
  } },
  { name: 'development plan writes', tables: ['development_plan', 'development_plan_item', 'development_budget', 'training_catalog'], write: async (run, f) => {
    const planId = await sql.development.plans.insertPlan(run, { employeeId: f.employeeId, year: 2027, targetPositionId: null, notes: null, createdBy: 'uji', at });
    const item = await sql.development.plans.insertItem(run, planId, { competencyId: f.competencyIds[0], requirement: null, currentLevel: 1, targetLevel: 3, activity: 'Uji', catalogId: null, jp: 12.5, estimatedCost: 1500000, targetDate: '2027-06-30', status: 'direncanakan' } as never, at);
    await sql.development.plans.completeItem(run, item, null, at);
    await sql.development.plans.setCeiling(run, f.rootUnitId, 2027, 90000000, at);
    await sql.development.plans.setCeiling(run, f.rootUnitId, 2027, 95000000, at);
    const catalog = await sql.development.plans.insertCatalog(run, { title: 'Uji', type: 'teknis', jp: 20, estimatedCost: 1000, provider: null, competencyId: null, active: true } as never);
    await sql.development.plans.updateCatalog(run, catalog, { title: 'Uji 2', type: 'teknis', jp: 20, estimatedCost: 1000, provider: null, competencyId: null, active: false } as never);
    return [planId, item, catalog];
  } },
  { name: 'training and mentoring writes', tables: ['training_record', 'mentoring_relation', 'mentoring_session'], write: async (run, f) => {
    const training = await sql.development.training.insert(run, f.employeeId, { title: 'Uji', type: 'teknis', provider: null, startDate: '2026-11-01', endDate: '2026-11-03', jp: 24, cost: null, certificateNumber: null, catalogId: null }, at);
    const pair = await sql.development.mentoring.insert(run, { mentorId: f.employeeIds[1], menteeId: f.employeeIds[2], goals: null, startDate: '2026-11-01', endDate: null, status: 'aktif' } as never, at);
    const session = await sql.development.mentoring.insertSession(run, pair, '2026-11-10', null, at);
    return [training, pair, session];
  } },
  { name: 'privacy writes', tables: ['export_log', 'import_issue'], write: async (run) => {
    await sql.privacy.insertExportLog(run, { at, actor: 'Administrator (admin)', accountId: null, kind: 'uji', title: 'Uji', parameters: '{}', format: 'xlsx', rowCount: 3, pageCount: null, fileName: 'uji.xlsx', forLeadership: true, via: 'app' } as never);
    return sql.privacy.clearImportIssueValues(run, '2030-01-01');
  } },
  { name: 'succession writes', tables: ['succession_plan', 'succession_candidate', 'succession_plan_revision', 'position'], write: async (run, f) => {
    const planId = await sql.succession.plans.insertPlan(run, { positionId: f.structuralPositionId, notes: null, revision: 1, actor: 'uji', at });
    await sql.succession.plans.replaceCandidates(run, planId, [{ employeeId: f.employeeIds[3], readiness: 'siap', notes: null, addedBy: 'uji', addedAt: at }]);
    await sql.succession.plans.insertRevision(run, { planId, revision: 1, actor: 'uji', at, summary: 'uji', snapshot: { a: 1 } });
    await sql.succession.overview.setKey(run, f.structuralPositionId, true);
    await sql.succession.rumpun.setRumpun(run, f.structuralPositionId, 'Uji', true);
    return planId;
  } },
  { name: 'edit versions', tables: ['position', 'settings_section_version'], write: async (run, f) => [
    await editVersionsSql.claim(run, { table: 'position', key: f.positionId }, 1, 'uji', at),
    await editVersionsSql.claim(run, { table: 'position', key: f.positionId }, 99, 'uji', at),
    await editVersionsSql.claimFirstSectionVersion(run, 'uji', 'uji', at),
    await editVersionsSql.claimFirstSectionVersion(run, 'uji', 'uji', at),
  ] },
  { name: 'career path writes', tables: ['career_path', 'career_step'], write: async (run) => {
    const pathId = await sql.careerPaths.insertPath(run, { name: 'Uji', description: null, sort: 99, at, by: 'uji' });
    await sql.careerPaths.updatePath(run, pathId, { name: 'Uji 2', description: 'd', at, by: 'uji' });
    const step = await sql.careerPaths.insertStep(run, { path_id: pathId, from_family: null, from_level: 'pengawas', to_family: null, to_level: 'administrator', min_golongan: 33, education_rank: null, education_label: null, leadership_training: null, min_jpm: null, min_months_in_level: 24, skp_years: 2, no_running_discipline: true, sort: 0 } as never);
    return [pathId, step];
  } },
  { name: 'quality writes', tables: ['quality_index_history', 'local_correction'], write: async (run, f) => {
    await sql.quality.insertHistory(run, { takenOn: '2026-11-24', takenAt: at, reason: 'uji', snapshotId: null, unitId: null, population: 10, index: 88.5 });
    await sql.quality.insertCorrection(run, { employeeId: f.employeeId, field: 'name', checkKey: 'uji', siasnValue: null, correctedValue: 'x', at, by: 'uji' });
  } },
);

readCases.push(
  { name: 'population.rowUnits', call: async (_run, f, dataSource) => [await rowUnits(dataSource, null), await rowUnits(dataSource, f.rootUnitId)] },
  { name: 'population.rowMapping', call: async (_run, f, dataSource) => {
    const mapping = await rowMapping(dataSource, await unitOrThrow(dataSource, f.rootUnitId));
    return [mapping.groupColumn, mapping.params, mapping.rowOf(f.unitId)];
  } },
);

writeCases.push(
  { name: 'accounts: first administrator, edit, reads', tables: ['account'], write: async (run, f) => {
    const id = await sql.accounts.insertFirstAdministrator(run, { username: 'Kepala.BKPSDM', fullName: 'Kepala', nip: null, passwordHash: 'x', at });
    const before = await sql.accounts.byId(run, id);
    await sql.accounts.update(run, { id, version: 1, fullName: 'Kepala Badan', nip: '199001012015011001', role: 'operator_opd', scopeUnitId: f.rootUnitId, disabled: true });
    return [before, await sql.accounts.byId(run, id), await sql.accounts.byUsername(run, 'kepala.bkpsdm')];
  } },
  { name: 'career path edits and deletes', tables: ['career_path', 'career_step'], write: async (run) => {
    const steps = await sql.careerPaths.steps(run);
    if (steps.length === 0) return null;
    const step = steps[0] as unknown as Record<string, unknown> & { id: number; path_id: number };
    await sql.careerPaths.updateStep(run, step.id, { ...step, min_golongan: 34, no_running_discipline: false } as never);
    await sql.careerPaths.touchPath(run, step.path_id, at, 'uji');
    await sql.careerPaths.deleteStep(run, steps[1].id);
    const last = (await sql.careerPaths.paths(run)).at(-1)!;
    for (const s of steps.filter((x) => x.path_id === last.id)) await sql.careerPaths.deleteStep(run, s.id);
    await sql.careerPaths.deletePath(run, last.id);
    return sql.careerPaths.step(run, step.id);
  } },
  { name: 'career readiness bookkeeping', tables: ['career_readiness_state', 'career_step_readiness'], write: async (run, f) => {
    await sql.careerReadiness.setState(run, { as_of: f.asOf, signature: 'uji' });
    await sql.careerReadiness.deleteFor(run, f.employeeIds.slice(0, 5));
    const definitions = await sql.careerReadiness.dropSecondaryIndexes(run);
    await sql.careerReadiness.restoreIndexes(run, definitions);
    await sql.careerReadiness.deleteAll(run);
    return definitions.length;
  } },
  { name: 'career records', tables: ['discipline_record', 'kgb_record', 'study_record', 'cltn_period', 'honor_award'], write: async (run, f) => {
    await sql.careerRecords.insertDiscipline(run, { employeeId: f.employeeId, kind: 'ringan', startDate: '2026-01-01', endDate: null, decreeNumber: 'SK/1', decreeDate: '2026-01-01', note: null, createdAt: at });
    await sql.careerRecords.insertKgb(run, { employeeId: f.employeeId, tmt: '2026-04-01', mkgYears: 10, mkgMonths: 0, golongan: 32, decreeNumber: 'SK/2', decreeDate: '2026-03-01', createdAt: at });
    await sql.careerRecords.insertStudy(run, { employeeId: f.employeeId, basis: 'izin_belajar', institution: 'U', programme: 'P', level: 's2', startDate: '2026-01-01', endDate: null, status: 'berjalan', funding: null, izinDate: null, graduationDate: null, createdAt: at });
    await sql.careerRecords.insertCltn(run, { employeeId: f.employeeId, startDate: '2026-01-01', endDate: null, decreeNumber: 'SK/3', createdAt: at });
    await sql.careerRecords.insertHonor(run, { employeeId: f.employeeId, class: 'x', decreeNumber: 'SK/4', decreeDate: '2026-08-17', createdAt: at });
  } },
  { name: 'development edits and deletes', tables: ['development_plan', 'development_plan_item', 'training_record', 'mentoring_relation', 'mentoring_session'], write: async (run) => {
    const [plan] = await rowsOf<{ id: number }>(run, 'SELECT id FROM development_plan ORDER BY id LIMIT 1');
    const [item] = await rowsOf<{ id: number }>(run, 'SELECT id FROM development_plan_item ORDER BY id LIMIT 1');
    if (plan) { await sql.development.plans.touchPlan(run, plan.id, at); await sql.development.plans.updatePlan(run, plan.id, { target_position_id: null, notes: 'uji' }, at); }
    if (item) {
      await sql.development.plans.updateItem(run, item.id, { status: 'berjalan', activity: 'uji', catalog_id: null, jp: 8, estimated_cost: 5, target_date: null, training_record_id: null } as never, at);
      await sql.development.plans.deleteItem(run, item.id);
    }
    const [training] = await rowsOf<Record<string, unknown> & { id: number }>(run, 'SELECT id FROM training_record ORDER BY id LIMIT 2');
    await sql.development.training.update(run, training.id, { title: 'Uji', type: 'teknis', provider: null, startDate: '2026-01-01', endDate: '2026-01-02', jp: 10, cost: 5, certificateNumber: null, catalogId: null });
    const removed = await sql.development.training.delete(run, training.id, at);
    const [pair] = await rowsOf<{ id: number; mentor_id: number; mentee_id: number }>(run, 'SELECT id, mentor_id, mentee_id FROM mentoring_relation ORDER BY id LIMIT 1');
    if (pair) await sql.development.mentoring.update(run, pair.id, { mentorId: pair.mentor_id, menteeId: pair.mentee_id, goals: 'uji', startDate: '2026-01-01', endDate: null, status: 'selesai' } as never);
    const [session] = await rowsOf<{ id: number }>(run, 'SELECT id FROM mentoring_session ORDER BY id LIMIT 1');
    if (session) await sql.development.mentoring.deleteSession(run, session.id);
    const [lonely] = await rowsOf<{ id: number }>(run, 'SELECT id FROM development_plan WHERE id NOT IN (SELECT plan_id FROM development_plan_item) ORDER BY id LIMIT 1');
    if (lonely) await sql.development.plans.deletePlan(run, lonely.id);
    return removed;
  } },
  { name: 'performance generated rows and deletes', tables: ['performance_evaluation', 'potential_assessment'], write: async (run, f) => {
    await sql.performance.insertGeneratedEvaluation(run, { employeeId: f.employeeId, year: 2030, period: 'tahunan', regime: 'pp30', hasilKerja: null, perilakuKerja: null, predikat: 'baik', legacyScore: null, legacyLabel: null, followUpStatus: null, source: 'demo', createdAt: at });
    await sql.performance.insertGeneratedPotential(run, { employeeId: f.employeeId, assessedOn: '2030-01-01', level: 'tinggi', score: null, method: 'uji', source: 'demo', createdAt: at });
    const evaluation = await sql.performance.evaluationOfPeriod(run, f.employeeId, 2030, 'tahunan');
    const basis = await sql.talent.evaluationBasis(run, evaluation!.id);
    await sql.performance.deleteEvaluation(run, evaluation!.id);
    return [await sql.performance.employeeForEvaluation(run, f.employeeId), basis];
  } },
  { name: 'planning offering writes', tables: ['training_catalog', 'training_catalog_competency'], write: async (run, f) => {
    await sql.planning.replaceOfferingCompetencies(run, 1, [{ competencyId: f.competencyIds[0], levels: 1 }, { competencyId: f.competencyIds[1], levels: 2 }]);
    await sql.planning.updateOfferingPlanning(run, 1, { mode: 'klasikal', providerKind: 'mitra', partnerCostShare: 0.25, costPerClass: 15000000, classSize: 30, minClasses: 1 });
  } },
  { name: 'quality corrections and plans, profiles', tables: ['local_correction', 'succession_plan', 'import_mapping_profile'], write: async (run, f) => {
    await sql.quality.insertCorrection(run, { employeeId: f.employeeId, field: 'name', checkKey: 'uji', siasnValue: null, correctedValue: 'x', at, by: 'uji' });
    const [correction] = await rowsOf<{ id: number }>(run, 'SELECT id FROM local_correction ORDER BY id DESC LIMIT 1');
    await sql.quality.keepCorrection(run, correction.id);
    await sql.quality.closeCorrection(run, correction.id, 'selesai', at);
    const [plan] = await rowsOf<{ id: number }>(run, 'SELECT id FROM succession_plan ORDER BY id LIMIT 1');
    if (plan) await sql.succession.plans.updatePlan(run, plan.id, { notes: 'uji', revision: 9, actor: 'uji', at });
    const profile = await sql.imports.snapshots.insertProfile(run, 'Uji', 'pegawai', '{}', at);
    await sql.imports.snapshots.updateProfile(run, profile, 'pegawai', '{"a":1}');
    const name = await sql.imports.snapshots.profileName(run, profile);
    await sql.imports.snapshots.deleteProfile(run, profile);
    return [name, await sql.quality.corrections(run, true)];
  } },
);
