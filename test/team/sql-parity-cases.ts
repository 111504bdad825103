// The calls of test/team/sql-parity.test.ts: each module's functions with realistic arguments, run once on the
// demo district in SQLite and once on its copy in PostgreSQL. A case returns what the function returns; the test
// compares the two after `normalised` (booleans as 0/1, Maps and Sets as sorted arrays, reals rounded).

import type { DataSource } from 'typeorm';
import { sqlite as sql } from '../../main/db/sql';
import type { Run } from '../../main/db/sql/run';
import { rowsOf } from '../../main/db/sql/run';

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
