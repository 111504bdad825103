// One target post: its row, its active incumbent, and (for its page) its units and Jenjang's rumpun proposal.

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

/** A position page's post: its row, with what the page adds of its unit (the unit's materialised path, to name its
 *  units) and what Jenjang's rumpun proposal reads (the family, the perangkat daerah). */
export interface PagePositionRow extends PositionRow {
  family: string | null;
  unit_path: string | null;
  opd_name: string | null;
}

/** The columns of PositionRow from `position p` (flags as 0/1 on PostgreSQL too). */
const positionColumns = (run: Run) => {
  const flags = isPostgres(run)
    ? `${asFlag(run, 'p.is_key')} AS is_key, ${asFlag(run, 'p.active')} AS active, p.unit_id, p.rumpun, ${asFlag(run, 'p.rumpun_set_by_office')} AS rumpun_set_by_office`
    : 'p.is_key, p.active, p.unit_id, p.rumpun, p.rumpun_set_by_office';
  return `p.id, p.name, p.kind, p.level, p.eselon, p.min_golongan, ${flags}, p.version`;
};

export const positionsSql = {
  async position(run: Run, positionId: number): Promise<PositionRow | null> {
    return (await rowsOf<PositionRow>(run, `SELECT ${positionColumns(run)} FROM position p WHERE p.id = ?`, [positionId]))[0] ?? null;
  },

  /** The post of a position page with its unit's path and perangkat daerah, in one read. */
  async pagePosition(run: Run, positionId: number): Promise<PagePositionRow | null> {
    return (await rowsOf<PagePositionRow>(run,
      `SELECT ${positionColumns(run)}, p.family, u.path AS unit_path, r.name AS opd_name
       FROM position p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN unit r ON r.id = u.root_id WHERE p.id = ?`, [positionId]))[0] ?? null;
  },

  /** The units of a materialised path (`/1/5/17/`), the perangkat daerah first; a unit not found is left out. */
  async unitsOfPath(run: Run, path: string | null): Promise<Array<{ id: number; name: string }>> {
    const ids = (path ?? '').split('/').filter(Boolean).map(Number);
    if (ids.length === 0) return [];
    const rows = await rowsOf<{ id: number; name: string }>(run, `SELECT id, name FROM unit WHERE id IN (${jsonValues(run)})`, [JSON.stringify(ids)]);
    return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
  },

  /** The active holder (the latest TMT when a data error left two). */
  async incumbent(run: Run, positionId: number): Promise<IncumbentRecord | null> {
    const [row] = await rowsOf<Record<string, unknown>>(run,
      `SELECT ${employeeRowColumns('e')}, e.retirement_date FROM employee e ${employeeRowJoins('e')}
       WHERE e.position_id = ? AND e.status = 'active' ORDER BY e.position_tmt DESC${nullsAsSqlite(run, 'DESC')}, e.id LIMIT 1`, [positionId]);
    return row ? { ...readEmployeeRow(row), retirementDate: (row.retirement_date as string | null) ?? null } : null;
  },

};
