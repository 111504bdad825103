// Which reports a role may print. Every role with the `reports` permission prints every report, except the roles
// limited to a unit subtree (Operator OPD): they print only the registers of employees, and only for their own
// unit subtree (main/reports/report-scope.ts forces and checks the unit). The talent, performance, competency and
// succession reports, the berita acara, the profil pegawai (its SKP and competency sections) and the usulan of
// Pengembangan (kenaikan pangkat, KGB, Satyalancana: SKP, hukuman disiplin) draw on data such a role does not read.

import type { ReportId } from '../reports/catalogue';
import { roleAllows, SCOPED_ROLES, type Role } from './roles';

/** The reports a role limited to a unit subtree may print, for that subtree only. */
export const UNIT_SCOPED_REPORTS: readonly ReportId[] = ['daftar-nominatif', 'duk', 'usulan-pensiun', 'proyeksi-pensiun'];

export function roleMayPrint(role: Role, reportId: ReportId): boolean {
  if (!roleAllows(role, 'reports')) return false;
  return !SCOPED_ROLES.includes(role) || UNIT_SCOPED_REPORTS.includes(reportId);
}
