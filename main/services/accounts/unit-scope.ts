// The reach of an Operator OPD: its unit and everything under it (materialised unit paths, as the Pegawai list's
// unit filter). Handlers of employee channels filter lists to it in SQL and refuse single records outside it.

import type { DataSource } from 'typeorm';
import { SCOPED_ROLES } from '../../../shared/auth/roles';
import type { ActingAccount } from '../../../shared/auth/acting';
import { AppError } from '../../../shared/errors';
import { managerRun } from '../../db/sql/run';
import { scopeSql } from '../../db/sql/scope.sql';

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
  if ((await scopeSql.employeeInside(managerRun(dataSource), scopeUnitId, employeeId)) === false) throw new AppError('forbidden', OUTSIDE);
}

/** Refuses (forbidden) placing someone in a unit outside the subtree (or in no unit at all). */
export async function assertUnitInScope(dataSource: DataSource, scopeUnitId: number | null, unitId: number | null): Promise<void> {
  if (scopeUnitId === null) return;
  const inside = unitId !== null && (await scopeSql.unitInside(managerRun(dataSource), scopeUnitId, unitId));
  if (!inside) throw AppError.validation([{ path: 'unitId', message: 'Unit kerja di luar wewenang akun Anda.' }], 'Unit kerja yang dipilih berada di luar unit kerja yang menjadi wewenang akun Anda.');
}
