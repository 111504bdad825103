import type { DataSource } from 'typeorm';
import type { PositionOption, UnitNode } from '../../shared/schemas/reference';
import type { SqlDialect } from '../db/sql';
import { managerRun } from '../db/sql/run';

/** Units and positions for pickers, filters and labels. */
export class ReferenceService {
  constructor(private readonly dataSource: DataSource, private readonly sql: SqlDialect) {}

  /** Every unit in tree order (a parent, then its children by sort order), with active head counts per subtree. */
  /** `scopeUnitId`: that unit (as the root) and its subtree only, for an account limited to it. */
  async units(scopeUnitId: number | null = null): Promise<UnitNode[]> {
    const rows = await this.sql.employees.activeUnitsWithDirectCounts(managerRun(this.dataSource));
    const children = new Map<number | null, typeof rows>();
    for (const row of rows) {
      const list = children.get(row.parent_id) ?? [];
      list.push(row);
      children.set(row.parent_id, list);
    }
    for (const list of children.values()) list.sort((a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name, 'id'));
    const totals = new Map<number, number>();
    const total = (row: (typeof rows)[number]): number => {
      let sum = row.direct;
      for (const child of children.get(row.id) ?? []) sum += total(child);
      totals.set(row.id, sum);
      return sum;
    };
    for (const root of children.get(null) ?? []) total(root);
    const ordered: UnitNode[] = [];
    const visit = (row: (typeof rows)[number], parentId: number | null) => {
      ordered.push({ id: row.id, name: row.name, parentId, depth: row.depth, kind: row.kind, activeEmployees: totals.get(row.id) ?? 0 });
      for (const child of children.get(row.id) ?? []) visit(child, row.id);
    };
    if (scopeUnitId === null) {
      for (const root of children.get(null) ?? []) visit(root, null);
    } else {
      const scope = rows.find((row) => row.id === scopeUnitId);
      if (scope) visit(scope, null);
    }
    return ordered;
  }

  async positions(filter: { search?: string; unitId?: number; ids?: number[]; limit: number }): Promise<PositionOption[]> {
    const rows = await this.sql.employees.positionOptions(managerRun(this.dataSource), filter);
    return rows.map((r) => ({
      id: r.id, name: r.name, kind: r.kind as PositionOption['kind'], level: r.level as PositionOption['level'],
      eselon: r.eselon, unitId: r.unit_id, unitName: r.unit_name,
    }));
  }
}
