// Data quality: one row per active employee with what the checks of shared/domain/quality.ts read. Presence of
// SKP, assessments, a position standard and open position histories comes from indexed EXISTS/COUNT lookups, so
// the whole district is one pass over the employee table.

import { rowsOf, type Run } from './run';

export interface QualityFactRow {
  id: number;
  nip: string;
  name: string;
  employment_type: string | null;
  birth_date: string | null;
  gender: string | null;
  cpns_tmt: string | null;
  golongan: number | null;
  golongan_tmt: string | null;
  education_level: string | null;
  position_id: number | null;
  position_kind: string | null;
  position_level: string | null;
  position_tmt: string | null;
  position_has_standard: number | null;
  unit_id: number | null;
  unit_name: string | null;
  /** The perangkat daerah (top unit) of the employee's unit. */
  root_unit_id: number | null;
  retirement_date: string | null;
  has_skp_last_year: number;
  has_potential: number;
  has_competency: number;
  open_histories: number;
}

export const qualitySql = {
  /** Active employees, optionally within one perangkat daerah. */
  facts(run: Run, lastYear: number, rootUnitId: number | null): Promise<QualityFactRow[]> {
    return rowsOf<QualityFactRow>(run,
      `SELECT e.id, e.nip, e.name, e.employment_type, e.birth_date, e.gender, e.cpns_tmt, e.golongan, e.golongan_tmt,
              e.education_level, e.position_id, p.kind AS position_kind, p.level AS position_level, e.position_tmt,
              CASE WHEN p.id IS NULL THEN NULL
                   ELSE EXISTS (SELECT 1 FROM position_competency_standard s WHERE s.position_id = p.id) END AS position_has_standard,
              e.unit_id, u.name AS unit_name, u.root_id AS root_unit_id, e.retirement_date,
              EXISTS (SELECT 1 FROM performance_evaluation v WHERE v.employee_id = e.id AND v.year = ? AND v.period = 'tahunan') AS has_skp_last_year,
              EXISTS (SELECT 1 FROM potential_assessment a WHERE a.employee_id = e.id) AS has_potential,
              EXISTS (SELECT 1 FROM competency_assessment c WHERE c.employee_id = e.id) AS has_competency,
              (SELECT COUNT(*) FROM position_history h WHERE h.employee_id = e.id AND h.end_date IS NULL) AS open_histories
       FROM employee e
       LEFT JOIN position p ON p.id = e.position_id
       LEFT JOIN unit u ON u.id = e.unit_id
       WHERE e.status = 'active'${rootUnitId === null ? '' : ' AND u.root_id = ?'}
       ORDER BY e.name, e.nip`,
      rootUnitId === null ? [lastYear] : [lastYear, rootUnitId]);
  },

  /** The perangkat daerah (top units) by id, for the rows of the index table. */
  opds(run: Run): Promise<Array<{ id: number; name: string }>> {
    return rowsOf(run, 'SELECT id, name FROM unit WHERE parent_id IS NULL ORDER BY sort_order, name');
  },
};

export type QualitySql = typeof qualitySql;
