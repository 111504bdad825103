// Populations of the dashboards: a unit subtree (its child units as rows, plus the unit's own staff) and a
// set of position levels/kinds. Shared by the competency, performance and talent services.

import type { DataSource } from 'typeorm';
import { POSITION_LEVELS } from '../../../shared/domain/position';
import { AppError } from '../../../shared/errors';
import { isPostgres as isPostgresRun, isSame, isTrue } from './dialect';
import { managerRun, marks, rowsOf } from './run';

export interface PopulationFilter {
  parentUnitId?: number;
  levels?: readonly string[];
  kinds?: readonly string[];
}

export interface UnitRef {
  id: number;
  name: string;
  parent_id: number | null;
  path: string;
}

/** Position levels a filter keeps (levels ∩ levels of kinds); null = all. */
export function levelsFor(levels?: readonly string[], kinds?: readonly string[]): string[] | null {
  let result: string[] | null = levels && levels.length ? [...levels] : null;
  if (kinds && kinds.length) {
    const ofKinds = POSITION_LEVELS.filter((l) => kinds.includes(l.kind)).map((l) => l.code as string);
    result = result ? result.filter((l) => ofKinds.includes(l)) : ofKinds;
  }
  return result;
}

export async function unitOrThrow(dataSource: DataSource, id: number): Promise<UnitRef> {
  const [unit] = await rowsOf<UnitRef>(managerRun(dataSource), 'SELECT id, name, parent_id, path FROM unit WHERE id = ?', [id]);
  if (!unit) throw new AppError('not_found', `Unit kerja dengan ID ${id} tidak ditemukan.`);
  return unit;
}

/** Rows of a dashboard: the children of `parentId` (or the roots), plus the parent's own staff as a row. */
export async function rowUnits(dataSource: DataSource, parentId: number | null): Promise<Array<{ id: number; name: string; direct: boolean; has_children: number }>> {
  const run = managerRun(dataSource);
  const children = await rowsOf<{ id: number; name: string; has_children: number }>(run,
    `SELECT c.id, c.name, ${isPostgresRun(run) ? 'CAST(EXISTS (SELECT 1 FROM unit g WHERE g.parent_id = c.id) AS integer)' : 'EXISTS (SELECT 1 FROM unit g WHERE g.parent_id = c.id)'} AS has_children FROM unit c
     WHERE c.parent_id ${isSame(run)} ${isPostgresRun(run) ? 'CAST(? AS bigint)' : '?'} AND ${isTrue(run, 'c.active')} ORDER BY c.sort_order, c.name`, [parentId]);
  const rows = children.map((c) => ({ ...c, direct: false }));
  if (parentId !== null) {
    const parent = await unitOrThrow(dataSource, parentId);
    rows.unshift({ id: parent.id, name: `${parent.name} (langsung)`, has_children: 0, direct: true });
  }
  return rows;
}

/**
 * Which row each unit belongs to: at the top, its perangkat daerah (the derived tables carry `root_unit_id`,
 * so SQL groups by it directly); under a parent, the parent's child on its path (subtree rows keyed by the
 * child id), or the parent itself (keyed by its negated id: the "langsung" row). Also the SQL restricting a
 * unit column to the parent's subtree.
 */
export async function rowMapping(dataSource: DataSource, parent: UnitRef | null) {
  if (!parent) {
    return { rowOf: (rootId: number): number | null => rootId, groupColumn: 'root_unit_id', scope: (_column: string) => '1 = 1', params: [] as unknown[] };
  }
  const units = await rowsOf<{ id: number; path: string }>(managerRun(dataSource),
    'SELECT id, path FROM unit WHERE substr(path, 1, length(?)) = ?', [parent.path, parent.path]);
  const depth = parent.path.split('/').filter(Boolean).length;
  const rowById = new Map<number, number>();
  for (const unit of units) {
    const ids = unit.path.split('/').filter(Boolean).map(Number);
    rowById.set(unit.id, unit.id === parent.id ? -parent.id : ids[depth]);
  }
  return {
    rowOf: (unitId: number): number | null => rowById.get(unitId) ?? null,
    groupColumn: 'unit_id',
    scope: (column: string) => `${column} IN (SELECT id FROM unit WHERE substr(path, 1, length(?)) = ?)`,
    params: [parent.path, parent.path] as unknown[],
  };
}

/** SQL condition and params keeping employees (alias `e`) of a population: subtree and levels, via position. */
export function employeePopulation(filter: PopulationFilter, subtreePath: string | null): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (subtreePath) {
    parts.push('e.unit_id IN (SELECT id FROM unit WHERE substr(path, 1, length(?)) = ?)');
    params.push(subtreePath, subtreePath);
  }
  const levels = levelsFor(filter.levels, filter.kinds);
  if (levels) {
    parts.push(`e.position_id IN (SELECT id FROM position WHERE level IN (${marks(levels)}))`);
    params.push(...levels);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}
