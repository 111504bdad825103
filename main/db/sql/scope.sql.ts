// The reach of an Operator OPD: a unit and everything under it, by materialised unit path (a unit lies inside the
// subtree when the subtree root's path is a prefix of its own).

import { rowsOf, type Run } from './run';

export const scopeSql = {
  /** Whether the employee's unit lies in the subtree of `scopeUnitId`; undefined when there is no such employee. */
  async employeeInside(run: Run, scopeUnitId: number, employeeId: number): Promise<boolean | undefined> {
    const [row] = await rowsOf<{ id: number; inside: number | null }>(run,
      `SELECT e.id, (SELECT 1 FROM unit d, unit s WHERE d.id = e.unit_id AND s.id = ? AND substr(d.path, 1, length(s.path)) = s.path) AS inside
       FROM employee e WHERE e.id = ?`, [scopeUnitId, employeeId]);
    return row ? Boolean(row.inside) : undefined;
  },

  /** Whether `unitId` lies in the subtree of `scopeUnitId` (false for an unknown unit). */
  async unitInside(run: Run, scopeUnitId: number, unitId: number): Promise<boolean> {
    const [row] = await rowsOf<{ inside: number }>(run,
      `SELECT 1 AS inside FROM unit d, unit s WHERE d.id = ? AND s.id = ? AND substr(d.path, 1, length(s.path)) = s.path`, [unitId, scopeUnitId]);
    return Boolean(row);
  },
};

export type ScopeSql = typeof scopeSql;
