// ADAPTER: what development reads from OTHER capabilities, in one place (read-only).
//
//   competency maps (issue 4)  position_competency_standard (position_id, competency_id, required_level)
//                              competency_definition        (id, code, name, sort_order)
//                              employee_competency_current  (employee_id, competency_id, level): the latest
//                              assessed level, kept on write by db/derived.ts.
//   succession (issue 6)       succession_candidate (employee_id, plan_id, readiness) → succession_plan (position_id):
//                              the positions a person is a named successor for, offered as IDP target positions.
//   SKP history (issue 5)      performance_evaluation (employee_id, year, period = 'tahunan', regime, predikat,
//                              legacy_score, legacy_label).
//
// Until those capabilities' services are merged, these functions read their tables directly with the rules
// DOMAIN.md fixes: gap = required level − current level; a competency never assessed is "belum diasesmen",
// never a zero; a position without a standard says so and no gap is invented. At merge time, the body of
// each function can call the competency or performance service instead, and nothing else changes.

import type { DataSource, EntityManager } from 'typeorm';
import type { StandardCompetency } from '../../../shared/domain/development';

type Db = DataSource | EntityManager;

/** The standar kompetensi jabatan of a position, in dictionary order; empty when none was set. */
export async function positionStandard(db: Db, positionId: number): Promise<StandardCompetency[]> {
  const rows: Array<{ competency_id: number; code: string; name: string; required_level: number }> = await db.query(
    `SELECT s.competency_id, c.code, c.name, s.required_level
     FROM position_competency_standard s JOIN competency_definition c ON c.id = s.competency_id
     WHERE s.position_id = ? AND c.active = 1 ORDER BY c.sort_order, c.code`, [positionId]);
  return rows.map((r) => ({ competencyId: r.competency_id, code: r.code, name: r.name, requiredLevel: r.required_level }));
}

/** The latest assessed level per competency of one employee; a competency absent from the map was never assessed. */
export async function currentCompetencyLevels(db: Db, employeeId: number): Promise<Map<number, number>> {
  const rows: Array<{ competency_id: number; level: number }> = await db.query(
    'SELECT competency_id, level FROM employee_competency_current WHERE employee_id = ?', [employeeId]);
  return new Map(rows.map((r) => [r.competency_id, r.level]));
}

/** The annual SKP of year `?` for the employee aliased `e`, as a LEFT JOIN on the unique (employee_id, year,
 *  period) index: one index lookup per employee. career.service.ts reads its year, predikat, regime,
 *  legacy_score and legacy_label (issue 5's columns) for the regular-promotion rule. */
export function annualSkpJoin(alias: string): string {
  return `LEFT JOIN performance_evaluation ${alias} ON ${alias}.employee_id = e.id AND ${alias}.year = ? AND ${alias}.period = 'tahunan'`;
}

/** Positions the employee is a named successor for (succession plans), as IDP target positions. */
export async function successionTargets(db: Db, employeeId: number): Promise<Array<{ positionId: number; positionName: string; level: string; readiness: string }>> {
  const rows: Array<{ id: number; name: string; level: string; readiness: string }> = await db.query(
    `SELECT p.id, p.name, p.level, c.readiness FROM succession_candidate c JOIN succession_plan sp ON sp.id = c.plan_id
     JOIN position p ON p.id = sp.position_id WHERE c.employee_id = ? ORDER BY c.rank, p.name`, [employeeId]);
  return rows.map((r) => ({ positionId: r.id, positionName: r.name, level: r.level, readiness: r.readiness }));
}
