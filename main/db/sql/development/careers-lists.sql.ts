// The career administration lists: what the KGB and Satyalancana lists and the discipline block of the promotion
// list read, returning arrays: on SQLite through prepared statements on the DataSource's own connection, on a
// server through a Run (careers.sql.ts tuplesOf). The KGB list reads only the people whose next KGB (kept on write
// in employee_kgb_due) falls in its months; the Satyalancana population is read by TMT CPNS, and the records of
// hukuman disiplin, CLTN and tanda kehormatan of those people alone through the employee index of each table.

import { jsonValuesTable } from '../dialect';
import { marks } from '../run';
import type { SqlCondition } from '../employee-rows.sql';
import { flagOf, onServer, spellingOf, tuplesOf, type TupleSource } from '../tuples';

/** id, nip, unit_id, golongan, golongan_tmt, MKG years and months on the employee record (as of golongan_tmt), then
 *  the latest rank decree with a recorded MKG and the latest KGB notice, each "tmt|years|months" or null. */
export type KgbPopulationTuple = [number, string, number | null, number, string | null, number | null, number | null, string | null, string | null];

/** id, nip, unit_id, employment_type, cpns_tmt, golongan. */
export type SatyalancanaPopulationTuple = [number, string, number | null, string, string, number | null];

export type FinishedStudyTuple = [number, string, number | null, string | null, number | null, number | null, string | null,
  string, string, string, string | null, string, number | null, number | null];

/** employee_id, kind, start_date, end_date. */
export type DisciplineTuple = [number, string, string, string | null];

const and = (conditions: ReadonlyArray<SqlCondition | null>) => {
  const present = conditions.filter((c): c is SqlCondition => !!c);
  return { sql: present.map((c) => ` AND ${c.sql}`).join(''), params: present.flatMap((c) => c.params) };
};

const byIds = (ids: readonly number[]) => JSON.stringify(ids);

/** Who has a KGB at all: active PNS in I/a–IV/d (employee `e`). */
export const KGB_POPULATION = `e.status = 'active' AND e.employment_type = 'PNS' AND e.golongan BETWEEN 11 AND 44`;

/** The two bases of the next KGB of employee `e`, each "tmt|years|months" or null: the latest rank decree with a
 *  recorded MKG and the latest KGB notice. Both are one backward step on the (employee_id, tmt) index of their
 *  table (ordering by anything more would sort per person). */
export const KGB_BASES = `(SELECT h.tmt || '|' || h.mk_years || '|' || COALESCE(h.mk_months, 0) FROM rank_history h
          WHERE h.employee_id = e.id AND h.mk_years IS NOT NULL ORDER BY h.tmt DESC LIMIT 1) AS rank_basis,
        (SELECT k.tmt || '|' || k.mkg_years || '|' || k.mkg_months FROM kgb_record k
          WHERE k.employee_id = e.id ORDER BY k.tmt DESC LIMIT 1) AS kgb_basis`;

export const careersListsSql = {
  /** Every hukuman disiplin on record (a small table: one row per decree). */
  disciplineAll(source: TupleSource): Promise<DisciplineTuple[]> {
    return tuplesOf(source, 'SELECT employee_id, kind, start_date, end_date FROM discipline_record', []);
  },

  /** Active PNS in I/a–IV/d whose next KGB, as kept in employee_kgb_due (main/db/kgb-due.ts), falls due from `from`
   *  to `to` (ISO dates, both included), with the bases it was judged from: the list judges them again. */
  kgbDueBetween(source: TupleSource, q: { from: string; to: string; subtree: SqlCondition | null; search: SqlCondition | null }): Promise<KgbPopulationTuple[]> {
    const extra = and([q.subtree, q.search]);
    // The due of three months are a few thousand of 50,000: each is read by its id. PostgreSQL's planner instead
    // hashed them against a sequential scan of the whole (wide) employee table, 1.5–1.8× the time at 50,000; a lateral
    // subquery with OFFSET 0 is not flattened into the join, so the server reads them by id as SQLite does.
    const employee = onServer(source) ? 'CROSS JOIN LATERAL (SELECT * FROM employee e WHERE e.id = d.employee_id OFFSET 0) e' : 'JOIN employee e ON e.id = d.employee_id';
    const sql = `SELECT e.id, e.nip, e.unit_id, e.golongan, e.golongan_tmt, e.mk_golongan_years, e.mk_golongan_months, ${KGB_BASES}
      FROM employee_kgb_due d ${employee}
      WHERE d.due_date BETWEEN ? AND ? AND ${KGB_POPULATION}${extra.sql}`;
    return tuplesOf(source, sql, [q.from, q.to, ...extra.params]);
  },

  /** The annual SKP of the given people in the given years: employee_id, year, predikat, regime, legacy_score,
   *  legacy_label. The years (two or three) are written out as values, so that each person is found by
   *  (year, employee_id) on idx_performance_annual: from a JSON list PostgreSQL took them for a hundred and read
   *  every year of each person (ten years of SKP), 3–7× the time for the KGB list's 3,600 people at 50,000. */
  async annualSkpOf(source: TupleSource, ids: readonly number[], years: readonly number[]): Promise<Array<[number, number, string | null, string | null, number | null, string | null]>> {
    if (ids.length === 0 || years.length === 0) return [];
    const run = spellingOf(source);
    return tuplesOf(source, `SELECT s.employee_id, s.year, s.predikat, s.regime, s.legacy_score, s.legacy_label
      FROM ${jsonValuesTable(run, 'j')} JOIN performance_evaluation s ON s.employee_id = j.value
      WHERE s.period = 'tahunan' AND s.year IN (${marks(years)})`, [byIds(ids), ...years]);
  },

  /** Active PNS in a position with an eselon (KP pilihan of structural officials): id, nip, golongan,
   *  golongan_tmt, eselon, position_tmt, education_level. The positions with an eselon are a small share of all,
   *  so they are read first and their holders found by the position index (SQLite's CROSS JOIN keeps that order):
   *  the planner would otherwise read every employee row. PostgreSQL's planner orders the join itself. */
  structuralPopulation(source: TupleSource, q: { subtree: SqlCondition | null; search: SqlCondition | null }): Promise<Array<[number, string, number | null, string | null, string, string | null, string | null]>> {
    const extra = and([q.subtree, q.search]);
    const sql = `SELECT e.id, e.nip, e.golongan, e.golongan_tmt, p.eselon, e.position_tmt, e.education_level
      FROM position p ${onServer(source) ? 'JOIN' : 'CROSS JOIN'} employee e ON e.position_id = p.id
      WHERE e.status = 'active' AND e.employment_type = 'PNS' AND p.eselon IS NOT NULL AND p.eselon <> ''${extra.sql}`;
    return tuplesOf(source, sql, extra.params);
  },

  /** Degrees finished by active PNS on or before `until` (penyesuaian ijazah): id, nip, golongan, golongan_tmt,
   *  mk_golongan_years, mk_golongan_months, education_level, then the study's basis, level, start_date, izin_date,
   *  graduation_date, upkp_passed, needed_by_position (0/1 or null). */
  finishedStudies(source: TupleSource, q: { until: string; subtree: SqlCondition | null; search: SqlCondition | null }): Promise<FinishedStudyTuple[]> {
    const extra = and([q.subtree, q.search]);
    const flags = `${flagOf(source, 's.upkp_passed')} AS upkp_passed, ${flagOf(source, 's.needed_by_position')} AS needed_by_position`;
    const sql = `SELECT e.id, e.nip, e.golongan, e.golongan_tmt, e.mk_golongan_years, e.mk_golongan_months, e.education_level,
        s.basis, s.level, s.start_date, s.izin_date, s.graduation_date, ${flags}
      FROM study_record s JOIN employee e ON e.id = s.employee_id
      WHERE s.status = 'selesai' AND s.graduation_date IS NOT NULL AND s.graduation_date <= ?
        AND e.status = 'active' AND e.employment_type = 'PNS'${extra.sql}`;
    return tuplesOf(source, sql, [q.until, ...extra.params]);
  },

  /** Active PNS and CPNS whose TMT CPNS falls in one of the spans (each `[from, to]`, both days included). */
  async satyalancanaPopulation(source: TupleSource, q: { spans: ReadonlyArray<[string, string]>; subtree: SqlCondition | null; search: SqlCondition | null }): Promise<SatyalancanaPopulationTuple[]> {
    if (q.spans.length === 0) return [];
    const extra = and([q.subtree, q.search]);
    const sql = `SELECT e.id, e.nip, e.unit_id, e.employment_type, e.cpns_tmt, e.golongan FROM employee e
      WHERE e.status = 'active' AND e.employment_type IN ('PNS', 'CPNS') AND (${q.spans.map(() => 'e.cpns_tmt BETWEEN ? AND ?').join(' OR ')})${extra.sql}`;
    return tuplesOf(source, sql, [...q.spans.flat(), ...extra.params]);
  },

  /** The CLTN periods of these people: employee_id, start_date, end_date. */
  async cltnOf(source: TupleSource, ids: readonly number[]): Promise<Array<[number, string, string | null]>> {
    if (ids.length === 0) return [];
    return tuplesOf(source, `SELECT c.employee_id, c.start_date, c.end_date FROM ${jsonValuesTable(spellingOf(source), 'j')} JOIN cltn_period c ON c.employee_id = j.value`,
      [byIds(ids)]);
  },

  /** The hukuman disiplin of these people. */
  async disciplineOf(source: TupleSource, ids: readonly number[]): Promise<DisciplineTuple[]> {
    if (ids.length === 0) return [];
    return tuplesOf(source, `SELECT d.employee_id, d.kind, d.start_date, d.end_date FROM ${jsonValuesTable(spellingOf(source), 'j')} JOIN discipline_record d ON d.employee_id = j.value`,
      [byIds(ids)]);
  },

  /** The Satyalancana Karya Satya classes these people already hold: employee_id, class. */
  async satyalancanaHeldOf(source: TupleSource, ids: readonly number[]): Promise<Array<[number, string]>> {
    if (ids.length === 0) return [];
    return tuplesOf(source, `SELECT h.employee_id, h.class FROM ${jsonValuesTable(spellingOf(source), 'j')} JOIN honor_award h ON h.employee_id = j.value
      WHERE h.kind = 'satyalancana_karya_satya'`, [byIds(ids)]);
  },
};

export type CareersListsSql = typeof careersListsSql;
