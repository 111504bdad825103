// What the four development services read about units and employees alike: a unit and its subtree as a
// condition, every unit for the roll-up to perangkat daerah, and the facts about one employee their rules need.

import { employeeRowColumns, employeeRowJoins, readEmployeeRow, type SqlCondition } from '../employee-rows.sql';
import { rowsOf, type Run } from '../run';

export interface UnitRow {
  id: number;
  name: string;
  parentId: number | null;
  path: string;
}

export interface EmployeeFacts {
  id: number;
  nip: string;
  fullName: string;
  status: string;
  employmentType: string;
  golongan: number | null;
  positionId: number | null;
  positionName: string | null;
  positionLevel: string | null;
  unitName: string | null;
  cpnsTmt: string | null;
}

const toUnit = (u: { id: number; name: string; parent_id: number | null; path: string }): UnitRow => ({ id: u.id, name: u.name, parentId: u.parent_id, path: u.path });

export const developmentUnitsSql = {
  async unit(run: Run, id: number): Promise<UnitRow | null> {
    const [unit] = await rowsOf<{ id: number; name: string; parent_id: number | null; path: string }>(run, 'SELECT id, name, parent_id, path FROM unit WHERE id = ?', [id]);
    return unit ? toUnit(unit) : null;
  },

  async units(run: Run): Promise<UnitRow[]> {
    return (await rowsOf<{ id: number; name: string; parent_id: number | null; path: string }>(run, 'SELECT id, name, parent_id, path FROM unit')).map(toUnit);
  },

  /** Employees (alias `e`) of the unit at `path` and everything below it. Written as `unit_id IN (…)` so the
   *  employee side can still be read from a covering index. */
  subtree(path: string, e = 'e'): SqlCondition {
    return { sql: `${e}.unit_id IN (SELECT id FROM unit WHERE path LIKE ?)`, params: [`${path}%`] };
  },

  async employee(run: Run, employeeId: number): Promise<EmployeeFacts | null> {
    const [row] = await rowsOf<Record<string, unknown>>(run,
      `SELECT ${employeeRowColumns('e')}, e.status, e.employment_type, e.golongan, e.position_id, e.cpns_tmt
       FROM employee e ${employeeRowJoins('e')} WHERE e.id = ?`, [employeeId]);
    if (!row) return null;
    const person = readEmployeeRow(row);
    return {
      id: person.employeeId, nip: person.nip, fullName: person.fullName, status: row.status as string, employmentType: row.employment_type as string,
      golongan: (row.golongan as number | null) ?? null, positionId: (row.position_id as number | null) ?? null, positionName: person.positionName,
      positionLevel: person.positionLevel, unitName: person.unitName, cpnsTmt: (row.cpns_tmt as string | null) ?? null,
    };
  },
};
