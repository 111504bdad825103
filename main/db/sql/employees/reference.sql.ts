// Units and positions for pickers, filters, labels and the unit scope of reports.

import { isTrue, likeNoCase } from '../dialect';
import { rowsOf, type Run } from '../run';

export interface UnitWithDirectCount {
  id: number;
  name: string;
  parent_id: number | null;
  depth: number;
  kind: string;
  path: string;
  sort_order: number;
  /** Active employees in this unit itself (not its sub-units). */
  direct: number;
}

export function activeUnitsWithDirectCounts(run: Run): Promise<UnitWithDirectCount[]> {
  return rowsOf(run, `SELECT u.id, u.name, u.parent_id, u.depth, u.kind, u.path, u.sort_order,
      (SELECT COUNT(*) FROM employee e WHERE e.unit_id = u.id AND e.status = 'active') AS direct
    FROM unit u WHERE ${isTrue(run, 'u.active')}`);
}

export interface PositionOptionRow {
  id: number;
  name: string;
  kind: string;
  level: string;
  eselon: string | null;
  unit_id: number | null;
  unit_name: string | null;
}

/** Active positions matching every word of `search` (substring), optionally of one unit (plus unit-less ones). */
export function positionOptions(run: Run, filter: { search?: string; unitId?: number; ids?: readonly number[]; limit: number }): Promise<PositionOptionRow[]> {
  const where: string[] = [isTrue(run, 'p.active')];
  const params: unknown[] = [];
  if (filter.ids?.length) {
    where.push(`p.id IN (${filter.ids.map(() => '?').join(',')})`);
    params.push(...filter.ids);
  }
  if (filter.search?.trim()) {
    for (const word of filter.search.trim().split(/\s+/).slice(0, 6)) {
      where.push(`p.name ${likeNoCase(run)} ? ESCAPE '\\'`);
      params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
  }
  if (filter.unitId !== undefined) {
    where.push('(p.unit_id = ? OR p.unit_id IS NULL)');
    params.push(filter.unitId);
  }
  return rowsOf(run, `SELECT p.id, p.name, p.kind, p.level, p.eselon, p.unit_id, u.name AS unit_name
    FROM position p LEFT JOIN unit u ON u.id = p.unit_id
    WHERE ${where.join(' AND ')}
    ORDER BY (p.unit_id IS NULL), p.name LIMIT ?`, [...params, filter.limit]);
}

export interface UnitRow {
  id: number;
  name: string;
  /** Materialised path ("/1/5/"): a prefix of every descendant's path. */
  path: string;
}

export async function unitById(run: Run, id: number): Promise<UnitRow | null> {
  const [row] = await rowsOf<UnitRow>(run, 'SELECT id, name, path FROM unit WHERE id = ?', [id]);
  return row ?? null;
}

/** The direct sub-units of a unit. */
export function childUnits(run: Run, parentId: number): Promise<Array<{ id: number; name: string }>> {
  return rowsOf(run, 'SELECT id, name FROM unit WHERE parent_id = ?', [parentId]);
}

/** The perangkat daerah (root units) in display order, for a report's default unit. */
export function rootUnits(run: Run): Promise<Array<{ id: number; name: string }>> {
  return rowsOf(run, `SELECT id, name FROM unit WHERE parent_id IS NULL AND ${isTrue(run, 'active')} ORDER BY sort_order, name`);
}
