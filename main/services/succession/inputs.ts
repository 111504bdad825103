// ADAPTER: everything succession planning needs from OTHER capabilities, in one place.
//
// Succession ranks candidates with data that belongs to other capabilities (competency maps: issue 4;
// performance and talent: issue 5; development: issue 8). Until their services land in main, this module
// reads their tables directly, read-only, with the rules DOMAIN.md fixes. When they land, the lead switches
// the body of `createTableInputs` (or passes another SuccessionInputs to SuccessionService) and nothing
// else in succession changes. What is read, exactly:
//
//   competency (issue 4)   position_competency_standard (position_id, competency_id, required_level)
//                          competency_definition        (id, code, name, sort_order)
//                          employee_competency_current  (employee_id, competency_id, level): latest level
//                          JPM = Σ min(actual, required) / Σ required × 100 over the standard's competencies
//                          (DOMAIN.md §13), computed here in jpmAgainstStandard.
//   performance (issue 5)  performance_evaluation (employee_id, year, period = 'tahunan', predikat, legacy_label):
//                          the two latest annual evaluations from `sinceYear` on.
//   talent (issue 5)       talent_placement (employee_id, year, computed_box, calibrated_box, kinerja_axis,
//                          potensi_axis, session_id, id) joined to talent_session (status): the latest year,
//                          a fixed session (status 'ditetapkan') before a draft one.
//   development (issue 8)  training_record (employee_id, type): leadership types 'pkp', 'pka', 'pkn_2',
//                          'pkn_1', and whether the person has any training record at all.
//
// Missing data stays missing: no standard → JpmFact 'no_standard'; no assessment → 'not_assessed'; no SKP,
// no placement, no training record → absent from the maps. The rules turn that into "belum ada data".

import type { DataSource } from 'typeorm';
import {
  BOX_AXES_PERMENPANRB, LEADERSHIP_TRAINING_CODES,
  type AnnualPredikat, type JpmFact, type StandardItem, type TalentFact, type TrainingFact,
} from '../../../shared/domain/succession';

export interface SuccessionInputs {
  /** The position's competency standard; empty when it has none. */
  positionStandard(positionId: number): Promise<StandardItem[]>;
  /** Latest assessed level per employee and competency, for the given competencies. */
  competencyLevels(employeeIds: readonly number[], competencyIds: readonly number[]): Promise<Map<number, Map<number, number>>>;
  /** The two latest annual SKP from `sinceYear` on, latest first; employees without any are absent. */
  annualPredikat(employeeIds: readonly number[], sinceYear: number): Promise<Map<number, AnnualPredikat[]>>;
  /** The latest talent-box placement; employees without one are absent. */
  talent(employeeIds: readonly number[]): Promise<Map<number, TalentFact>>;
  /** Leadership trainings done; employees without any training record are absent. */
  training(employeeIds: readonly number[]): Promise<Map<number, TrainingFact>>;
}

/** JPM of one person against a standard (DOMAIN.md §13). Competencies not assessed are left out of both sums
 *  and reported (status 'partial'); none assessed gives 'not_assessed', never 0. */
export function jpmAgainstStandard(standard: readonly StandardItem[], levels: ReadonlyMap<number, number> | undefined): JpmFact {
  if (standard.length === 0) return { status: 'no_standard', value: null, assessed: 0, required: 0 };
  let actual = 0;
  let required = 0;
  let assessed = 0;
  for (const s of standard) {
    const level = levels?.get(s.competencyId);
    if (level === undefined) continue;
    assessed += 1;
    actual += Math.min(level, s.requiredLevel);
    required += s.requiredLevel;
  }
  if (assessed === 0 || required === 0) return { status: 'not_assessed', value: null, assessed: 0, required: standard.length };
  return { status: assessed === standard.length ? 'complete' : 'partial', value: Math.round((actual / required) * 1000) / 10, assessed, required: standard.length };
}

const KINERJA_AXIS: Record<string, number> = { di_bawah: 0, sesuai: 1, di_atas: 2 };
const POTENSI_AXIS: Record<string, number> = { rendah: 0, menengah: 1, tinggi: 2 };

/** Reads the other capabilities' tables directly (see the header for the exact columns). */
export function createTableInputs(dataSource: DataSource): SuccessionInputs {
  const ids = (list: readonly number[]) => JSON.stringify(list);
  return {
    async positionStandard(positionId) {
      const rows: Array<{ competency_id: number; code: string; name: string; required_level: number }> = await dataSource.query(
        `SELECT s.competency_id, d.code, d.name, s.required_level FROM position_competency_standard s
         JOIN competency_definition d ON d.id = s.competency_id WHERE s.position_id = ? ORDER BY d.sort_order, d.code`, [positionId]);
      return rows.map((r) => ({ competencyId: r.competency_id, code: r.code, name: r.name, requiredLevel: r.required_level }));
    },

    async competencyLevels(employeeIds, competencyIds) {
      const out = new Map<number, Map<number, number>>();
      if (employeeIds.length === 0 || competencyIds.length === 0) return out;
      const rows: Array<{ e: number; c: number; l: number }> = await dataSource.query(
        `SELECT c.employee_id AS e, c.competency_id AS c, c.level AS l FROM json_each(?) j
         JOIN employee_competency_current c ON c.employee_id = j.value
         WHERE c.competency_id IN (SELECT value FROM json_each(?))`, [ids(employeeIds), ids(competencyIds)]);
      for (const r of rows) {
        let m = out.get(r.e);
        if (!m) out.set(r.e, (m = new Map()));
        m.set(r.c, r.l);
      }
      return out;
    },

    async annualPredikat(employeeIds, sinceYear) {
      const out = new Map<number, AnnualPredikat[]>();
      if (employeeIds.length === 0) return out;
      const rows: Array<{ e: number; y: number; predikat: string | null; legacy_label: string | null }> = await dataSource.query(
        `SELECT p.employee_id AS e, p.year AS y, p.predikat, p.legacy_label FROM json_each(?) j
         JOIN performance_evaluation p ON p.employee_id = j.value AND p.year >= ? AND p.period = 'tahunan'
         ORDER BY p.employee_id, p.year DESC`, [ids(employeeIds), sinceYear]);
      for (const r of rows) {
        const list = out.get(r.e) ?? [];
        if (list.length >= 2) continue;
        list.push({ year: r.y, code: r.predikat, legacyLabel: r.legacy_label });
        out.set(r.e, list);
      }
      return out;
    },

    async talent(employeeIds) {
      const out = new Map<number, TalentFact>();
      if (employeeIds.length === 0) return out;
      const rows: Array<{ e: number; year: number; computed_box: number; calibrated_box: number | null; kinerja_axis: string; potensi_axis: string; status: string }> = await dataSource.query(
        `SELECT t.employee_id AS e, t.year, t.computed_box, t.calibrated_box, t.kinerja_axis, t.potensi_axis, s.status
         FROM json_each(?) j JOIN talent_placement t ON t.employee_id = j.value JOIN talent_session s ON s.id = t.session_id
         ORDER BY t.employee_id, t.year DESC, (s.status = 'ditetapkan') DESC, t.id DESC`, [ids(employeeIds)]);
      for (const r of rows) {
        if (out.has(r.e)) continue;
        // A calibrated box has no stored axes: read them from the PermenPANRB layout (the default numbering).
        const axes = r.calibrated_box != null ? BOX_AXES_PERMENPANRB[r.calibrated_box] : [KINERJA_AXIS[r.kinerja_axis], POTENSI_AXIS[r.potensi_axis]];
        if (!axes || axes[0] === undefined || axes[1] === undefined) continue;
        out.set(r.e, {
          year: r.year, box: r.calibrated_box ?? r.computed_box, kinerja: axes[0], potensi: axes[1],
          calibrated: r.calibrated_box != null && r.calibrated_box !== r.computed_box, provisional: r.status !== 'ditetapkan',
        });
      }
      return out;
    },

    async training(employeeIds) {
      const out = new Map<number, TrainingFact>();
      if (employeeIds.length === 0) return out;
      const types = LEADERSHIP_TRAINING_CODES.map((t) => `'${t}'`).join(',');
      const rows: Array<{ e: number; lead: string | null }> = await dataSource.query(
        `SELECT j.value AS e,
           (SELECT group_concat(DISTINCT t.type) FROM training_record t WHERE t.employee_id = j.value AND t.type IN (${types})) AS lead
         FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM training_record t WHERE t.employee_id = j.value)`, [ids(employeeIds)]);
      for (const r of rows) out.set(r.e, { leadership: r.lead ? r.lead.split(',') : [], anyRecord: true });
      return out;
    },
  };
}
