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
//                          (DOMAIN.md §13): jpmAgainstStandard for one person's levels, the same sums in SQL in
//                          jpm() for many (a test holds the two to the same answers).
//   performance (issue 5)  performance_evaluation (employee_id, year, period = 'tahunan', predikat, legacy_label):
//                          the two latest annual evaluations from `sinceYear` on.
//   talent (issue 5)       talent_placement (employee_id, year, computed_box, calibrated_box, kinerja_axis,
//                          potensi_axis, session_id, id) joined to talent_session (id, status): the latest year,
//                          a fixed session (status 'ditetapkan') before a draft one; a calibrated box wins.
//   development (issue 8)  training_record (employee_id, type): leadership types 'pkp', 'pka', 'pkn_2',
//                          'pkn_1', and whether the person has any training record at all.
// All reads are read-only: positionStandard, competencyLevels and jpm below, and the SELECT of
// successionFactsRefresher (the only code that reads performance, talent and training tables).
//
// The ranking reads thousands of people per call, so the performance, talent and training facts are copied
// per person into succession_employee_facts on write (successionFactsRefresher below, registered in
// main/db/derived.ts for those source tables: their writers call refreshDerived, as every writer must). At
// merge the refresher's SELECT can read the other capabilities' own derived tables instead.
//
// Missing data stays missing: no standard → JpmFact 'no_standard'; no assessment → 'not_assessed'; no SKP,
// no placement, no training record → absent from the maps. The rules turn that into "belum ada data".

import type { DataSource } from 'typeorm';
import type { DerivedRefresher } from '../../db/derived';
import { rawConnection } from '../../db/raw-connection';
import { boxCell, type Numbering } from '../../../shared/domain/talent';
import { LEADERSHIP_TRAINING_CODES, type JpmFact, type StandardItem } from '../../../shared/domain/succession';

export interface SuccessionInputs {
  /** The position's competency standard; empty when it has none. */
  positionStandard(positionId: number): Promise<StandardItem[]>;
  /** Latest assessed level per employee and competency, for the given competencies (details, development needs). */
  competencyLevels(employeeIds: readonly number[], competencyIds: readonly number[]): Promise<Map<number, Map<number, number>>>;
  /**
   * JPM of many people against one position's standard: the formula of jpmAgainstStandard, summed in SQL with
   * one indexed lookup per person and competency (the ranking asks for thousands of people per call).
   */
  jpm(positionId: number, standard: readonly StandardItem[], employeeIds: readonly number[]): Promise<Map<number, JpmFact>>;
  /**
   * The same sums as a scalar SQL expression over an employee id column, for the ranking's single pass over the
   * district (`employeeColumn` is e.g. "e.id"); read the column back with jpmFromSums. A competency service
   * without SQL can leave this undefined: the ranking then asks jpm() for the ids instead.
   */
  jpmSumsSql?(positionId: number, employeeColumn: string): string;
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

/** Σ min(actual, required), Σ required and the count over the standard's competencies the person was assessed in,
 *  packed "actual|required|assessed" (a scalar subquery returns one value). The id is an integer from our own
 *  database, written into the text so the expression can sit in any statement. */
function jpmSums(positionId: number, employeeColumn: string): string {
  return `(SELECT SUM(MIN(c.level, s.required_level)) || '|' || SUM(s.required_level) || '|' || COUNT(*)
    FROM position_competency_standard s JOIN employee_competency_current c ON c.employee_id = ${employeeColumn} AND c.competency_id = s.competency_id
    WHERE s.position_id = ${Math.trunc(Number(positionId))})`;
}

/** JPM from the packed sums of jpmSums. */
export function jpmFromSums(standardSize: number, packed: string | null): JpmFact {
  if (standardSize === 0) return { status: 'no_standard', value: null, assessed: 0, required: 0 };
  if (packed === null) return { status: 'not_assessed', value: null, assessed: 0, required: standardSize };
  const [actual, required, assessed] = packed.split('|').map(Number);
  if (!assessed || !required) return { status: 'not_assessed', value: null, assessed: 0, required: standardSize };
  return { status: assessed === standardSize ? 'complete' : 'partial', value: Math.round((actual / required) * 1000) / 10, assessed, required: standardSize };
}


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

    async jpm(positionId, standard, employeeIds) {
      const out = new Map<number, JpmFact>();
      if (employeeIds.length === 0) return out;
      const rows = rawConnection(dataSource).prepare(`SELECT j.value, ${jpmSums(positionId, 'j.value')} FROM json_each(?) j`)
        .raw(true).all(ids(employeeIds)) as Array<[number, string | null]>;
      for (const [id, sums] of rows) out.set(id, jpmFromSums(standard.length, sums));
      return out;
    },

    jpmSumsSql: jpmSums,
  };
}

// ---------------------------------------------------------------------------------------------------------
// succession_employee_facts, kept on write

const annual = (offset: number) => `(SELECT p.id FROM performance_evaluation p WHERE p.employee_id = e.id AND p.period = 'tahunan'
  ORDER BY p.year DESC LIMIT 1 OFFSET ${offset})`;
const axisCase = (column: 'kinerja' | 'potensi') => {
  // A calibrated box has no stored axes: read them from the box number in the numbering chosen in Pengaturan
  // (the talent service renumbers stored placements when that setting changes).
  const rank = { kinerja: { di_bawah: 0, sesuai: 1, di_atas: 2 }, potensi: { rendah: 0, menengah: 1, tinggi: 2 } } as const;
  const byBox = (numbering: Numbering) => Array.from({ length: 9 }, (_, i) => i + 1).map((box) => {
    const cell = boxCell(box, numbering);
    return `WHEN ${box} THEN ${column === 'kinerja' ? rank.kinerja[cell.kinerja] : rank.potensi[cell.potensi]}`;
  }).join(' ');
  const stored = column === 'kinerja' ? `CASE t.kinerja_axis WHEN 'di_bawah' THEN 0 WHEN 'sesuai' THEN 1 WHEN 'di_atas' THEN 2 END`
    : `CASE t.potensi_axis WHEN 'rendah' THEN 0 WHEN 'menengah' THEN 1 WHEN 'tinggi' THEN 2 END`;
  return `CASE WHEN t.calibrated_box IS NULL THEN ${stored}
    WHEN (SELECT value FROM app_setting WHERE key = 'talent.numbering') = '"kemenkeu"' THEN CASE t.calibrated_box ${byBox('kemenkeu')} END
    ELSE CASE t.calibrated_box ${byBox('permenpanrb')} END END`;
};

/** Recomputes the facts of the employees chosen by `where` (on `employee e`). */
function factsInsert(where: string): string {
  const types = LEADERSHIP_TRAINING_CODES.map((t) => `'${t}'`).join(',');
  return `INSERT INTO succession_employee_facts (employee_id, skp1_year, skp1_predikat, skp1_legacy, skp2_year, skp2_predikat, skp2_legacy,
      talent_year, talent_box, talent_kinerja, talent_potensi, talent_calibrated, talent_provisional, leadership, has_training)
    SELECT x.id, p1.year, p1.predikat, p1.legacy_label, p2.year, p2.predikat, p2.legacy_label,
      t.year, COALESCE(t.calibrated_box, t.computed_box), ${axisCase('kinerja')}, ${axisCase('potensi')},
      COALESCE(t.calibrated_box IS NOT NULL AND t.calibrated_box <> t.computed_box, 0), COALESCE(ts.status <> 'ditetapkan', 0),
      (SELECT group_concat(DISTINCT r.type) FROM training_record r WHERE r.employee_id = x.id AND r.type IN (${types})),
      EXISTS (SELECT 1 FROM training_record r WHERE r.employee_id = x.id)
    FROM (SELECT e.id, ${annual(0)} AS p1, ${annual(1)} AS p2,
            (SELECT tp.id FROM talent_placement tp JOIN talent_session s ON s.id = tp.session_id WHERE tp.employee_id = e.id
              ORDER BY tp.year DESC, (s.status = 'ditetapkan') DESC, tp.id DESC LIMIT 1) AS tid
          FROM employee e WHERE ${where}) x
    LEFT JOIN performance_evaluation p1 ON p1.id = x.p1
    LEFT JOIN performance_evaluation p2 ON p2.id = x.p2
    LEFT JOIN talent_placement t ON t.id = x.tid
    LEFT JOIN talent_session ts ON ts.id = t.session_id
    WHERE x.p1 IS NOT NULL OR x.tid IS NOT NULL OR EXISTS (SELECT 1 FROM training_record r WHERE r.employee_id = x.id)`;
}

/** succession_employee_facts: a row per person with SKP, talent or training data (DerivedRefresher). */
export const successionFactsRefresher: DerivedRefresher = {
  name: 'succession_employee_facts',
  sources: ['performance_evaluation', 'talent_placement', 'talent_session', 'training_record'],
  targets: ['succession_employee_facts'],
  async refresh(run, employeeIds) {
    if (employeeIds === 'all') {
      await run('DELETE FROM succession_employee_facts', []);
      await run(factsInsert('1'), []);
      return;
    }
    for (let i = 0; i < employeeIds.length; i += 500) {
      const chunk = employeeIds.slice(i, i + 500);
      const marks = chunk.map(() => '?').join(',');
      await run(`DELETE FROM succession_employee_facts WHERE employee_id IN (${marks})`, chunk);
      await run(factsInsert(`e.id IN (${marks})`), chunk);
    }
  },
};
