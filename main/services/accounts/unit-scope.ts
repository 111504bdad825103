// The reach of an Operator OPD: its unit and everything under it (materialised unit paths, as the Pegawai list's
// unit filter). Handlers of employee channels filter lists to it in SQL and refuse single records outside it.

import type { DataSource } from 'typeorm';
import { SCOPED_ROLES } from '../../../shared/auth/roles';
import type { ActingAccount } from '../../../shared/auth/acting';
import { AppError } from '../../../shared/errors';

/** The unit subtree the acting account is limited to; null when it reaches the whole district. */
export function scopeUnitOf(acting: ActingAccount | null): number | null {
  if (!acting || !SCOPED_ROLES.includes(acting.role)) return null;
  // A scoped role always has a unit (the account service insists); a missing one reaches nothing rather than all.
  return acting.scopeUnitId ?? -1;
}

const OUTSIDE = 'Pegawai ini berada di luar unit kerja yang menjadi wewenang akun Anda.';

/** Refuses (forbidden) an employee outside the subtree; an unknown id passes, for the handler's own not_found. */
export async function assertEmployeeInScope(dataSource: DataSource, scopeUnitId: number | null, employeeId: number): Promise<void> {
  if (scopeUnitId === null) return;
  const [row] = await dataSource.query(
    `SELECT e.id, (SELECT 1 FROM unit d, unit s WHERE d.id = e.unit_id AND s.id = ? AND substr(d.path, 1, length(s.path)) = s.path) AS inside
     FROM employee e WHERE e.id = ?`, [scopeUnitId, employeeId]);
  if (row && !row.inside) throw new AppError('forbidden', OUTSIDE);
}

/** Refuses (forbidden) placing someone in a unit outside the subtree (or in no unit at all). */
export async function assertUnitInScope(dataSource: DataSource, scopeUnitId: number | null, unitId: number | null): Promise<void> {
  if (scopeUnitId === null) return;
  const [row] = unitId === null ? [] : await dataSource.query(
    `SELECT 1 AS inside FROM unit d, unit s WHERE d.id = ? AND s.id = ? AND substr(d.path, 1, length(s.path)) = s.path`, [unitId, scopeUnitId]);
  if (!row) throw AppError.validation([{ path: 'unitId', message: 'Unit kerja di luar wewenang akun Anda.' }], 'Unit kerja yang dipilih berada di luar unit kerja yang menjadi wewenang akun Anda.');
}
