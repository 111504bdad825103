// One target post: its row, its active incumbent, its unit path, and every position (for the chain of vacancies).

import { asFlag, isPostgres, jsonValues, nullsAsSqlite } from '../dialect';
import { employeeRowColumns, employeeRowJoins, readEmployeeRow, type EmployeeRowFields } from '../employee-rows.sql';
import { rowsOf, type Run } from '../run';

export interface PositionRow {
  id: number;
  name: string;
  kind: string;
  level: string;
  eselon: string | null;
  min_golongan: number | null;
  is_key: number;
  active: number;
  unit_id: number | null;
  rumpun: string | null;
  rumpun_set_by_office: number;
  /** The optimistic version of the position's form-edited facts (key mark, competency standard). */
  version: number;
}

export interface IncumbentRecord extends EmployeeRowFields {
  retirementDate: string | null;
}

export const positionsSql = {
  async position(run: Run, positionId: number): Promise<PositionRow | null> {
    const flags = isPostgres(run)
      ? `${asFlag(run, 'is_key')} AS is_key, ${asFlag(run, 'active')} AS active, unit_id, rumpun, ${asFlag(run, 'rumpun_set_by_office')} AS rumpun_set_by_office`
      : 'is_key, active, unit_id, rumpun, rumpun_set_by_office';
    return (await rowsOf<PositionRow>(run, `SELECT id, name, kind, level, eselon, min_golongan, ${flags}, version FROM position WHERE id = ?`, [positionId]))[0] ?? null;
  },

  /** The active holder (the latest TMT when a data error left two). */
  async incumbent(run: Run, positionId: number): Promise<IncumbentRecord | null> {
    const [row] = await rowsOf<Record<string, unknown>>(run,
      `SELECT ${employeeRowColumns('e')}, e.retirement_date FROM employee e ${employeeRowJoins('e')}
       WHERE e.position_id = ? AND e.status = 'active' ORDER BY e.position_tmt DESC${nullsAsSqlite(run, 'DESC')}, e.id LIMIT 1`, [positionId]);
    return row ? { ...readEmployeeRow(row), retirementDate: (row.retirement_date as string | null) ?? null } : null;
  },

  /** The unit and its ancestors, the perangkat daerah first. */
  async unitPath(run: Run, unitId: number | null): Promise<Array<{ id: number; name: string }>> {
    if (unitId === null) return [];
    const [unit] = await rowsOf<{ path: string }>(run, 'SELECT path FROM unit WHERE id = ?', [unitId]);
    if (!unit) return [];
    const ids = unit.path.split('/').filter(Boolean).map(Number);
    const rows = await rowsOf<{ id: number; name: string }>(run, `SELECT id, name FROM unit WHERE id IN (${jsonValues(run)})`, [JSON.stringify(ids)]);
    return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
  },

  /** Every position, for the chain of vacancies. */
  allPositions: (run: Run) => rowsOf<{ id: number; name: string; level: string; kind: string; is_key: number }>(run, `SELECT id, name, level, kind, ${isPostgres(run) ? `${asFlag(run, 'is_key')} AS is_key` : 'is_key'} FROM position`),
};
