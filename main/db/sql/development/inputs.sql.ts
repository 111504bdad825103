// What development reads from other capabilities, in one place (read-only):
//
//   competency maps   position_competency_standard (position_id, competency_id, required_level),
//                     competency_definition (id, code, name, sort_order), employee_competency_current
//                     (employee_id, competency_id, level: the latest assessed level, kept on write by db/derived.ts)
//   succession        succession_candidate (employee_id, plan_id, readiness) → succession_plan (position_id), and the
//                     readiness labels of Pengaturan › Suksesi (app_setting 'succession.readinessLabels')
//   SKP history       performance_evaluation (employee_id, year, period = 'tahunan', regime, predikat, legacy_score,
//                     legacy_label)
//
// The rules on top of them: gap = required level − current level; a competency never assessed is "belum
// diasesmen", never a zero; a position without a standard says so and no gap is invented.

import { isPostgres, isTrue } from '../dialect';
import { DEFAULT_READINESS_LABELS } from '../../../../shared/domain/succession';
import type { StandardCompetency } from '../../../../shared/domain/development';
import { rowsOf, type Run } from '../run';

export const developmentInputsSql = {
  /** The standar kompetensi jabatan of a position, in dictionary order; empty when none was set. */
  async positionStandard(run: Run, positionId: number): Promise<StandardCompetency[]> {
    const rows = await rowsOf<{ competency_id: number; code: string; name: string; required_level: number }>(run,
      `SELECT s.competency_id, c.code, c.name, s.required_level
       FROM position_competency_standard s JOIN competency_definition c ON c.id = s.competency_id
       WHERE s.position_id = ? AND ${isTrue(run, 'c.active')} ORDER BY c.sort_order, c.code`, [positionId]);
    return rows.map((r) => ({ competencyId: r.competency_id, code: r.code, name: r.name, requiredLevel: r.required_level }));
  },

  /** The latest assessed level per competency of one employee; a competency absent from the map was never assessed. */
  async currentCompetencyLevels(run: Run, employeeId: number): Promise<Map<number, number>> {
    const rows = await rowsOf<{ competency_id: number; level: number }>(run,
      'SELECT competency_id, level FROM employee_competency_current WHERE employee_id = ?', [employeeId]);
    return new Map(rows.map((r) => [r.competency_id, r.level]));
  },

  /** Positions the employee is a named successor for, with the readiness and its label as the office set it. */
  async successionTargets(run: Run, employeeId: number) {
    const rows = await rowsOf<{ id: number; name: string; level: string; readiness: string; label: string | null }>(run,
      `SELECT p.id, p.name, p.level, c.readiness,
              (SELECT ${isPostgres(run) ? 'CASE WHEN s.value IS JSON OBJECT THEN CAST(s.value AS json) ->> c.readiness END' : "CASE WHEN json_valid(s.value) THEN json_extract(s.value, '$.' || c.readiness) END"} FROM app_setting s WHERE s.key = 'succession.readinessLabels') AS label
       FROM succession_candidate c JOIN succession_plan sp ON sp.id = c.plan_id
       JOIN position p ON p.id = sp.position_id WHERE c.employee_id = ? ORDER BY c.rank, p.name`, [employeeId]);
    const defaults = DEFAULT_READINESS_LABELS as Record<string, string>;
    return rows.map((r) => ({
      positionId: r.id, positionName: r.name, level: r.level, readiness: r.readiness,
      readinessLabel: (typeof r.label === 'string' && r.label.trim()) || defaults[r.readiness] || 'kesiapan belum ditetapkan',
    }));
  },

  /** The annual SKP of year `?` for the employee aliased `e`, as a LEFT JOIN on the unique (employee_id, year,
   *  period) index: one index lookup per employee. */
  annualSkpJoin(alias: string): string {
    return `LEFT JOIN performance_evaluation ${alias} ON ${alias}.employee_id = e.id AND ${alias}.year = ? AND ${alias}.period = 'tahunan'`;
  },
};
