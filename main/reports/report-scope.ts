// A report asked for by an account limited to a unit subtree (Operator OPD): only the registers of employees
// (shared/auth/report-access.ts), with the unit parameter forced into its subtree (no unit: its own unit) and
// checked against it. Every reports channel applies this before it
// loads, exports or prints anything; the print page's own reports:render request acts as the same account (its
// scoped token carries the role and scope of the account that asked), so it is checked there a second time.

import type { DataSource } from 'typeorm';
import type { ActingAccount } from '../../shared/auth/acting';
import { REPORT_EXTRA_PERMISSION, UNIT_SCOPED_REPORTS } from '../../shared/auth/report-access';
import { ROLE_LABELS, roleAllows } from '../../shared/auth/roles';
import { AppError } from '../../shared/errors';
import { REPORTS, reportDefinition, type ReportId } from '../../shared/reports/catalogue';
import { UNIT_ALL, type RawReportParams } from '../../shared/reports/define';
import { scopeUnitOf } from '../services/accounts/unit-scope';
import { managerRun, rowsOf } from '../db/sql/run';

const OUTSIDE_UNIT = 'Unit kerja yang dipilih berada di luar unit kerja yang menjadi wewenang akun Anda; Operator OPD hanya dapat mencetak laporan unit kerjanya sendiri beserta sub-unitnya.';
const WHOLE_DISTRICT = 'Operator OPD hanya dapat mencetak laporan unit kerjanya sendiri beserta sub-unitnya, bukan laporan semua perangkat daerah. Pilih unit kerja Anda.';

/** Whether `unitId` lies in the subtree of `scopeUnitId` (materialised unit paths); false for an unknown unit. */
async function unitInside(dataSource: DataSource, scopeUnitId: number, unitId: number): Promise<boolean> {
  // Through a Run: its `?` placeholders reach a team server numbered.
  const [row] = await rowsOf(managerRun(dataSource),
    'SELECT 1 AS inside FROM unit d, unit s WHERE d.id = ? AND s.id = ? AND substr(d.path, 1, length(s.path)) = s.path', [unitId, scopeUnitId]);
  return !!row;
}

/**
 * The parameters the report runs with for `acting`: unchanged for an account that reaches the whole district;
 * for a scoped account the unit forced into its subtree, or a clear refusal (forbidden) in Indonesian. Malformed
 * values pass unchanged, for the report's own validation message.
 */
export async function scopeReportParams(dataSource: DataSource, acting: ActingAccount | null, reportId: ReportId, raw: RawReportParams): Promise<RawReportParams> {
  refuseWithoutExtraPermission(acting, reportId);
  const scope = scopeUnitOf(acting);
  if (scope === null) return raw;
  if (!UNIT_SCOPED_REPORTS.includes(reportId)) {
    throw new AppError('forbidden', `Laporan "${REPORTS[reportId].title}" tidak tersedia untuk akun Operator OPD: isinya di luar wewenang akun itu. Operator OPD dapat mencetak daftar nominatif, DUK, usulan pensiun dan proyeksi pensiun unit kerjanya.`);
  }
  const fields = reportDefinition(reportId).fields;
  const params = { ...raw };
  for (const field of fields) {
    const value = params[field.key]?.trim();
    if (field.kind === 'unit') {
      if (value === undefined || value === '') params[field.key] = String(scope);
      else if (value === UNIT_ALL) throw new AppError('forbidden', WHOLE_DISTRICT);
      else if (/^\d{1,9}$/.test(value) && !(await unitInside(dataSource, scope, Number(value)))) throw new AppError('forbidden', OUTSIDE_UNIT);
    }
  }
  return params;
}

/**
 * A report that needs the permission of the screen that does the same work (shared/auth/report-access.ts) is
 * refused to an account without it. Built-in actors without an account (the CLI's reader, which opens the
 * database file itself and proposes the same plan with `plan`) are not accounts of the team and are let through.
 */
function refuseWithoutExtraPermission(acting: ActingAccount | null, reportId: ReportId): void {
  const extra = REPORT_EXTRA_PERMISSION[reportId];
  if (extra === undefined || acting === null || acting.accountId === null || roleAllows(acting.role, extra)) return;
  throw new AppError('forbidden', `Laporan "${REPORTS[reportId].title}" tidak tersedia untuk peran ${ROLE_LABELS[acting.role]}: laporan ini mencetak rencana yang hanya dapat disusun oleh peran yang mengelola rencana pengembangan (Pengelola Kepegawaian, Administrator).`);
}
