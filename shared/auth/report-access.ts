// Which reports a role may print. Every role with the `reports` permission prints every report, except the roles
// limited to a unit subtree (Operator OPD): they print only the registers of employees, and only for their own
// unit subtree (main/reports/report-scope.ts forces and checks the unit). The talent, performance, competency and
// succession reports, the berita acara, the profil pegawai (its SKP and competency sections) and the usulan of
// Pengembangan (kenaikan pangkat, KGB, Satyalancana: SKP, hukuman disiplin) draw on data such a role does not read.
// A report that is the printed form of a screen's own work needs that work's permission too: the budget proposal
// is the plan Rencana Anggaran proposes, which only a planner (data:write) proposes in the tab.

import type { ReportId } from '../reports/catalogue';
import { roleAllows, SCOPED_ROLES, type Permission, type Role } from './roles';

/** The reports a role limited to a unit subtree may print, for that subtree only. */
export const UNIT_SCOPED_REPORTS: readonly ReportId[] = ['daftar-nominatif', 'duk', 'usulan-pensiun', 'proyeksi-pensiun'];

/** Reports that need a permission besides `reports`: the one of the channel that does the same work on screen. */
export const REPORT_EXTRA_PERMISSION: Partial<Record<ReportId, Permission>> = {
  'usulan-anggaran-pengembangan': 'data:write',
};

export function roleMayPrint(role: Role, reportId: ReportId): boolean {
  if (!roleAllows(role, 'reports')) return false;
  const extra = REPORT_EXTRA_PERMISSION[reportId];
  if (extra !== undefined && !roleAllows(role, extra)) return false;
  return !SCOPED_ROLES.includes(role) || UNIT_SCOPED_REPORTS.includes(reportId);
}
