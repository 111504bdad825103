import type { DataSource } from 'typeorm';
import type { PositionOption, UnitNode } from '../../shared/ipc/channels/reference.channels';

/** Units and positions for pickers, filters and labels. */
export class ReferenceService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every unit in tree order (a parent, then its children by sort order), with active head counts per subtree. */
  async units(): Promise<UnitNode[]> {
    const rows: Array<{ id: number; name: string; parent_id: number | null; depth: number; kind: string; path: string; sort_order: number; direct: number }> =
      await this.dataSource.query(
        `SELECT u.id, u.name, u.parent_id, u.depth, u.kind, u.path, u.sort_order,
                (SELECT COUNT(*) FROM employee e WHERE e.unit_id = u.id AND e.status = 'active') AS direct
         FROM unit u WHERE u.active = 1`,
      );
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
    const walk = (parent: number | null) => {
      for (const row of children.get(parent) ?? []) {
        ordered.push({ id: row.id, name: row.name, parentId: row.parent_id, depth: row.depth, kind: row.kind, activeEmployees: totals.get(row.id) ?? 0 });
        walk(row.id);
      }
    };
    walk(null);
    return ordered;
  }

  async positions(filter: { search?: string; unitId?: number; ids?: number[]; limit: number }): Promise<PositionOption[]> {
    const where: string[] = ['p.active = 1'];
    const params: unknown[] = [];
    if (filter.ids?.length) {
      where.push(`p.id IN (${filter.ids.map(() => '?').join(',')})`);
      params.push(...filter.ids);
    }
    if (filter.search?.trim()) {
      for (const word of filter.search.trim().split(/\s+/).slice(0, 6)) {
        where.push(`p.name LIKE ? ESCAPE '\\'`);
        params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
    }
    if (filter.unitId !== undefined) {
      where.push('(p.unit_id = ? OR p.unit_id IS NULL)');
      params.push(filter.unitId);
    }
    const rows: Array<{ id: number; name: string; kind: string; level: string; eselon: string | null; unit_id: number | null; unit_name: string | null }> =
      await this.dataSource.query(
        `SELECT p.id, p.name, p.kind, p.level, p.eselon, p.unit_id, u.name AS unit_name
         FROM position p LEFT JOIN unit u ON u.id = p.unit_id
         WHERE ${where.join(' AND ')}
         ORDER BY (p.unit_id IS NULL), p.name LIMIT ?`,
        [...params, filter.limit],
      );
    return rows.map((r) => ({
      id: r.id, name: r.name, kind: r.kind as PositionOption['kind'], level: r.level as PositionOption['level'],
      eselon: r.eselon, unitId: r.unit_id, unitName: r.unit_name,
    }));
  }
}
