// Small pieces shared by the development services: the employee and unit lookups that refuse unknown ids, the
// roll-up of per-unit counts to the level a dashboard shows, and number helpers.

import type { DataSource } from 'typeorm';
import { AppError } from '../../../shared/errors';
import type { SqlCondition } from '../../db/sql/employee-rows.sql';
import type { DevelopmentSql } from '../../db/sql/development';
import type { EmployeeFacts, UnitRow } from '../../db/sql/development/units.sql';
import type { Run } from '../../db/sql/run';

export type { EmployeeFacts, UnitRow };

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const round2 = (v: number) => Math.round(v * 100) / 100;

/** Indonesian collation, created once (localeCompare with a locale builds a collator on every call). */
export const collator = new Intl.Collator('id');

export async function requireEmployee(sql: DevelopmentSql, run: Run, employeeId: number): Promise<EmployeeFacts> {
  const employee = await sql.units.employee(run, employeeId);
  if (!employee) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
  return employee;
}

/** A unit and the condition keeping employees (alias `e`) of its subtree; nothing when no unit is asked for. */
export async function unitScope(sql: DevelopmentSql, run: Run, unitId: number | undefined, e = 'e'): Promise<{ unit: UnitRow | null; condition: SqlCondition | null }> {
  if (unitId === undefined) return { unit: null, condition: null };
  const unit = await sql.units.unit(run, unitId);
  if (!unit) throw new AppError('not_found', `Unit kerja dengan ID ${unitId} tidak ditemukan.`);
  return { unit, condition: sql.units.subtree(unit.path, e) };
}

/**
 * Rolls per-unit counts up to the level a dashboard shows: the perangkat daerah (root units), or the direct
 * sub-units of `within` (whose own staff become a row of their own). `rows` carry `unit_id` and numeric fields.
 */
export function rollupByUnit<K extends string>(
  units: readonly UnitRow[],
  rows: ReadonlyArray<{ unit_id: number | null } & Record<K, number>>,
  fields: readonly K[],
  within: { path: string } | null,
): Array<{ unitId: number | null; unitName: string; hasChildren: boolean } & Record<K, number>> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const parents = new Set(units.filter((u) => u.parentId !== null).map((u) => u.parentId!));
  const level = within ? within.path.split('/').filter(Boolean).length : 0;
  const groups = new Map<string, { unitId: number | null; unitName: string; hasChildren: boolean } & Record<K, number>>();
  for (const row of rows) {
    const unit = row.unit_id === null ? undefined : byId.get(row.unit_id);
    let key = 'none';
    let head: { unitId: number | null; unitName: string; hasChildren: boolean } = { unitId: null, unitName: 'Tanpa unit kerja', hasChildren: false };
    if (unit) {
      const groupId = unit.path.split('/').filter(Boolean).map(Number)[level];
      if (groupId === undefined) {
        key = `self-${unit.id}`;
        head = { unitId: unit.id, unitName: `${unit.name} (staf langsung)`, hasChildren: false };
      } else {
        key = String(groupId);
        head = { unitId: groupId, unitName: byId.get(groupId)?.name ?? `#${groupId}`, hasChildren: parents.has(groupId) };
      }
    }
    let group = groups.get(key);
    if (!group) {
      group = { ...head, ...Object.fromEntries(fields.map((f) => [f, 0])) } as { unitId: number | null; unitName: string; hasChildren: boolean } & Record<K, number>;
      groups.set(key, group);
    }
    for (const f of fields) (group as Record<string, unknown>)[f] = (group[f] as number) + Number(row[f] ?? 0);
  }
  return [...groups.values()];
}
