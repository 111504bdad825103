// Small helpers shared by the development services: SQL fragments for the usual filters and row mapping.

import type { DataSource, EntityManager } from 'typeorm';
import { fullName } from '../../../shared/domain/employee-status';
import { AppError } from '../../../shared/errors';

export type Rows = Array<Record<string, unknown>>;

/** `e` is the employee alias; matches a NIP (digits, spaces and dots ignored) or every word of the name. */
export function employeeSearch(search: string | undefined, alias = 'e'): { sql: string; params: unknown[] } {
  const text = search?.trim();
  if (!text) return { sql: '', params: [] };
  const digits = text.replace(/[\s.]/g, '');
  if (/^\d{3,18}$/.test(digits)) return { sql: ` AND ${alias}.nip LIKE ?`, params: [`${digits}%`] };
  const words = text.split(/\s+/).slice(0, 6);
  return {
    sql: words.map(() => ` AND ${alias}.name LIKE ? ESCAPE '\\'`).join(''),
    params: words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
  };
}

/** Restricts the employee aliased `alias` to a unit and everything below it. Written as `unit_id IN (…)` so the
 *  employee side can still be read from a covering index. */
export async function unitSubtree(dataSource: DataSource | EntityManager, unitId: number | undefined, alias = 'e'): Promise<{ sql: string; params: unknown[]; unit: { id: number; name: string; parentId: number | null; path: string } | null }> {
  if (unitId === undefined) return { sql: '', params: [], unit: null };
  const [unit] = await dataSource.query('SELECT id, name, parent_id, path FROM unit WHERE id = ?', [unitId]);
  if (!unit) throw new AppError('not_found', `Unit kerja dengan ID ${unitId} tidak ditemukan.`);
  return {
    sql: ` AND ${alias}.unit_id IN (SELECT id FROM unit WHERE path LIKE ?)`, params: [`${unit.path}%`],
    unit: { id: unit.id, name: unit.name, parentId: unit.parent_id, path: unit.path },
  };
}

export function personName(row: Record<string, unknown>, prefix = ''): string {
  return fullName(String(row[`${prefix}name`]), row[`${prefix}front_title`] as string | null, row[`${prefix}back_title`] as string | null);
}

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export interface EmployeeBasics {
  id: number;
  nip: string;
  name: string;
  fullName: string;
  status: string;
  employmentType: string;
  golongan: number | null;
  positionId: number | null;
  positionName: string | null;
  positionLevel: string | null;
  unitName: string | null;
  birthDate: string;
}

export async function requireEmployee(q: DataSource | EntityManager, employeeId: number): Promise<EmployeeBasics> {
  const [row] = await q.query(
    `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, e.status, e.employment_type, e.golongan, e.position_id, e.birth_date,
            p.name AS position_name, p.level AS position_level, u.name AS unit_name
     FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id WHERE e.id = ?`, [employeeId]);
  if (!row) throw new AppError('not_found', `Pegawai dengan ID ${employeeId} tidak ditemukan.`);
  return {
    id: row.id, nip: row.nip, name: row.name, fullName: personName(row), status: row.status, employmentType: row.employment_type,
    golongan: row.golongan, positionId: row.position_id, positionName: row.position_name, positionLevel: row.position_level,
    unitName: row.unit_name, birthDate: row.birth_date,
  };
}

export const round2 = (v: number) => Math.round(v * 100) / 100;

/** Indonesian collation, created once (localeCompare with a locale builds a collator on every call). */
export const collator = new Intl.Collator('id');

export interface UnitInfo { id: number; name: string; parentId: number | null; path: string }

/**
 * Rolls per-unit counts up to the level a dashboard shows: the perangkat daerah (root units), or the direct
 * sub-units of `within` (whose own staff become a row of their own). `rows` carry `unit_id` and numeric fields.
 */
export async function rollupByUnit<K extends string>(
  db: DataSource | EntityManager,
  rows: ReadonlyArray<{ unit_id: number | null } & Record<K, number>>,
  fields: readonly K[],
  within: { path: string } | null,
): Promise<Array<{ unitId: number | null; unitName: string; hasChildren: boolean } & Record<K, number>>> {
  const units: UnitInfo[] = (await db.query('SELECT id, name, parent_id, path FROM unit'))
    .map((u: Record<string, unknown>) => ({ id: u.id as number, name: u.name as string, parentId: (u.parent_id as number | null) ?? null, path: u.path as string }));
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
