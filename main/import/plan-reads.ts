// What planning an import reads from the database, behind one synchronous interface so the planner (pipeline.ts,
// kinds/) stays synchronous: on a desk's file straight from SQLite's prepared statements as the plan asks (the
// 50,000-row plan stays on raw better-sqlite3 speed); on a team server (PostgreSQL) everything the plan will ask
// is loaded first, asynchronously through a Run, and then answered from memory.

import type BetterSqlite3 from 'better-sqlite3';
import type { ImportKind } from '../../shared/domain/import-fields';
import { databaseStampOf, importPlanServerSql, importPlanSql } from '../db/sql/imports/plan.sql';
import { preparedOn, type Run } from '../db/sql/run';
import { loadEmployeeContext, loadEmployeeContextOn, type EmployeeContext } from './kinds/pegawai';

export interface PlanReads {
  hasNoUnits(): boolean;
  employeeContext(): EmployeeContext;
  employeesByNip(): Array<{ id: number; nip: string; name: string }>;
  /** The stored rows of a record table for these employees: id, employee_id, source, snapshot_id and `columns`. */
  storedRecords<Row>(table: string, columns: readonly string[], employeeIds: readonly number[]): Row[];
  competencyDefinitions(): Array<{ id: number; code: string; name: string }>;
  /** The database state the plan is made against; null on a server, where a plan is always made again just
   *  before its commit (no cheap counter of other desks' writes exists there). */
  stamp(): string | null;
}

/** Reads on a desk's SQLite file, as the plan asks for them. */
export function fileReads(db: BetterSqlite3.Database): PlanReads {
  const stored = preparedOn(db);
  return {
    hasNoUnits: () => importPlanSql.hasNoUnits(stored),
    employeeContext: () => loadEmployeeContext(db),
    employeesByNip: () => importPlanSql.employeesByNip(stored),
    storedRecords: (table, columns, employeeIds) => importPlanSql.storedRecords(stored, table, columns, employeeIds),
    competencyDefinitions: () => importPlanSql.competencyDefinitions(stored),
    stamp: () => databaseStampOf(db),
  };
}

/**
 * Everything a plan of this file will read, loaded from a server first. A record file's stored rows are those of
 * every employee its NIPs name (the plan keeps those of the rows it accepts).
 */
export async function serverReads(
  run: Run, kind: ImportKind, drafts: ReadonlyArray<{ nip: string }> | null,
  spec: { table: string; identity: readonly string[]; columns: readonly string[] } | null,
): Promise<PlanReads> {
  const noUnits = await importPlanServerSql.hasNoUnits(run);
  let context: EmployeeContext | null = null;
  let byNip: Array<{ id: number; nip: string; name: string }> = [];
  let records: Array<{ employee_id: number }> = [];
  let competencies: Array<{ id: number; code: string; name: string }> = [];
  if (kind === 'pegawai') {
    context = await loadEmployeeContextOn(run);
  } else if (spec && drafts) {
    byNip = await importPlanServerSql.employeesByNip(run);
    const named = new Set(drafts.map((d) => d.nip));
    const ids = byNip.filter((e) => named.has(e.nip)).map((e) => e.id);
    records = await importPlanServerSql.storedRecords<{ employee_id: number }>(run, spec.table, [...spec.identity, ...spec.columns], ids);
    if (kind === 'kompetensi') competencies = await importPlanServerSql.competencyDefinitions(run);
  }
  return {
    hasNoUnits: () => noUnits,
    employeeContext: () => {
      if (!context) throw new Error('serverReads: the employee context was not loaded for this kind');
      return context;
    },
    employeesByNip: () => byNip,
    storedRecords: <Row>(_table: string, _columns: readonly string[], employeeIds: readonly number[]) => {
      const wanted = new Set(employeeIds);
      return records.filter((r) => wanted.has(r.employee_id)) as Row[];
    },
    competencyDefinitions: () => competencies,
    stamp: () => null,
  };
}
