// Data quality: one row per active employee with what the checks of shared/domain/quality.ts read, and the
// presence of SKP, assessments, position standards and open position histories as id sets.

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
  eselon: string | null;
  position_tmt: string | null;
  unit_id: number | null;
  unit_name: string | null;
  /** The perangkat daerah (top unit) of the employee's unit. */
  root_unit_id: number | null;
  retirement_date: string | null;
}

/** Who has what, as id sets: each one scan of an index, joined to the employees in memory (a correlated
 *  subquery per employee and per fact cost ~25 µs a row, over a second at 50,000). */
export interface QualityPresence {
  withSkp: Set<number>;
  withPotential: Set<number>;
  withCompetency: Set<number>;
  /** Employees with more than one open position history, and how many. */
  openHistories: Map<number, number>;
  positionsWithStandard: Set<number>;
  /** Employees with a kenaikan pangkat pilihan in their rank history. */
  withKpPilihan: Set<number>;
}

const ids = (rows: Array<{ id: number }>) => new Set(rows.map((r) => r.id));

export const qualitySql = {
  /** Active employees, optionally within one perangkat daerah. */
  facts(run: Run, rootUnitId: number | null): Promise<QualityFactRow[]> {
    return rowsOf<QualityFactRow>(run,
      `SELECT e.id, e.nip, e.name, e.employment_type, e.birth_date, e.gender, e.cpns_tmt, e.golongan, e.golongan_tmt,
              e.education_level, e.position_id, p.kind AS position_kind, p.level AS position_level, p.eselon, e.position_tmt,
              e.unit_id, u.name AS unit_name, u.root_id AS root_unit_id, e.retirement_date
       FROM employee e
       LEFT JOIN position p ON p.id = e.position_id
       LEFT JOIN unit u ON u.id = e.unit_id
       WHERE e.status = 'active'${rootUnitId === null ? '' : ' AND u.root_id = ?'}
       ORDER BY e.name, e.nip`,
      rootUnitId === null ? [] : [rootUnitId]);
  },

  async presence(run: Run, lastYear: number): Promise<QualityPresence> {
    const [skp, potential, competency, histories, standards, pilihan] = [
      await rowsOf<{ id: number }>(run, `SELECT DISTINCT employee_id AS id FROM performance_evaluation WHERE year = ? AND period = 'tahunan'`, [lastYear]),
      await rowsOf<{ id: number }>(run, 'SELECT DISTINCT employee_id AS id FROM potential_assessment'),
      await rowsOf<{ id: number }>(run, 'SELECT DISTINCT employee_id AS id FROM competency_assessment'),
      await rowsOf<{ id: number; n: number }>(run, 'SELECT employee_id AS id, COUNT(*) AS n FROM position_history WHERE end_date IS NULL GROUP BY employee_id HAVING COUNT(*) > 1'),
      await rowsOf<{ id: number }>(run, 'SELECT DISTINCT position_id AS id FROM position_competency_standard'),
      await rowsOf<{ id: number }>(run, `SELECT DISTINCT employee_id AS id FROM rank_history WHERE kind IN ('pilihan_struktural', 'pilihan_fungsional')`),
    ];
    return {
      withSkp: ids(skp), withPotential: ids(potential), withCompetency: ids(competency),
      openHistories: new Map(histories.map((h) => [h.id, h.n])), positionsWithStandard: ids(standards),
      withKpPilihan: ids(pilihan),
    };
  },

  /** The perangkat daerah (top units) by id, for the rows of the index table. */
  opds(run: Run): Promise<Array<{ id: number; name: string }>> {
    return rowsOf(run, 'SELECT id, name FROM unit WHERE parent_id IS NULL ORDER BY sort_order, name');
  },
};

export type QualitySql = typeof qualitySql;
