// Career moves: rotation candidates (years in the same position) and the candidates of a regular-promotion
// period. On SQLite the promotion candidates of a whole district are read through a prepared statement on the
// DataSource's own connection returning arrays, not row objects (50,000 employees judged on every call after a
// write); the statements are prepared once per connection. On a server (team mode) the same reads go through a
// Run and their row objects become the same arrays (tuplesOf).

import { countWhere, isPostgres } from '../dialect';
import { employeeRowColumns, employeeRowJoins, readEmployeeRow, type EmployeeRowFields, type SqlCondition } from '../employee-rows.sql';
import { chunks, marks, rowsOf, type Run } from '../run';
import { isRunSource, prepared, spellingOf, tuplesOf, type TupleSource } from '../tuples';
import { developmentInputsSql } from './inputs.sql';

/** Active PNS with a recorded TMT jabatan (PPPK work on contracts and are not rotated by this rule; CPNS cannot
 *  have the 2 years yet). The redundant IN term lets SQLite answer it from the partial covering index
 *  idx_employee_development. */
const ROTATION_POPULATION = `e.employment_type IN ('PNS', 'CPNS') AND e.status = 'active' AND e.employment_type = 'PNS' AND e.position_tmt IS NOT NULL`;

/** One promotion candidate as the statement returns it: id, nip, and the facts the regular rule reads as the text
 *  of one JSON array (PromotionFacts). People with the same facts get the same text, so a judge decodes and judges
 *  each distinct text once; a district of 50,000 has about 2,000 of them for 13,000 candidates. */
export type PromotionCandidateTuple = [number, string, string];

/** golongan, golongan_tmt, education_level, then year, predikat, regime, legacy_score and legacy_label of each of the
 *  two annual SKP (nulls when one is missing). */
export type PromotionFacts = [number, string | null, string | null,
  number | null, string | null, string | null, number | null, string | null,
  number | null, string | null, string | null, number | null, string | null];

export interface PromotionDetails extends EmployeeRowFields {
  birthPlace: string | null;
  birthDate: string;
  cpnsTmt: string | null;
  educationMajor: string | null;
  educationYear: number | null;
}

export const careersSql = {
  // Rotation --------------------------------------------------------------------------------------------------

  /** Population and candidates (TMT jabatan on or before `cutoff`) per unit. */
  async rotationPerUnit(run: Run, q: { cutoff: string; kind?: string; subtree: SqlCondition | null }) {
    const { sql, params } = rotationBase(q);
    return rowsOf<{ unit_id: number | null; population: number; candidates: number }>(run,
      `SELECT e.unit_id, COUNT(*) AS population, ${countWhere(run, 'e.position_tmt <= ?')} AS candidates FROM employee e WHERE ${sql} GROUP BY e.unit_id`, [q.cutoff, ...params]);
  },

  /** The candidates: their number and one page of them, longest in position first. */
  async rotationPage(run: Run, q: { cutoff: string; kind?: string; subtree: SqlCondition | null; search: SqlCondition | null; offset: number; limit: number }) {
    const base = rotationBase(q);
    const where = `${base.sql} AND e.position_tmt <= ?${q.search ? ` AND ${q.search.sql}` : ''}`;
    const params = [...base.params, q.cutoff, ...(q.search?.params ?? [])];
    const [{ total }] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total FROM employee e WHERE ${where}`, params);
    // The page's ids from the covering index, then their details.
    const ids = (await rowsOf<{ id: number }>(run, `SELECT e.id FROM employee e WHERE ${where} ORDER BY e.position_tmt, e.id LIMIT ? OFFSET ?`,
      [...params, q.limit, q.offset])).map((r) => r.id);
    if (ids.length === 0) return { total, rows: [] };
    const rows = await rowsOf<Record<string, unknown>>(run,
      `SELECT ${employeeRowColumns('e')}, e.golongan, e.position_tmt FROM employee e ${employeeRowJoins('e')}
       WHERE e.id IN (${marks(ids)}) ORDER BY e.position_tmt, e.id`, ids);
    return { total, rows: rows.map((r) => ({ ...readEmployeeRow(r), golongan: (r.golongan as number | null) ?? null, positionTmt: r.position_tmt as string })) };
  },

  async rotationCount(run: Run, cutoff: string): Promise<number> {
    const [{ n }] = await rowsOf<{ n: number }>(run, `SELECT COUNT(*) AS n FROM employee e WHERE ${ROTATION_POPULATION} AND e.position_tmt <= ?`, [cutoff]);
    return n;
  },

  // Regular promotion -----------------------------------------------------------------------------------------

  /**
   * Active PNS in I/a–IV/d in rank since `rankCutoff` or earlier (or since `shortStepCutoff` for the shorter step
   * of a Dokter Spesialis I in III/b), with the annual SKP of the two years. `completeOnly` leaves out those whom
   * missing data alone already blocks (no TMT golongan, no education, an SKP of the two years not entered): the
   * candidates who can be eligible, for a count of the eligible.
   */
  async promotionCandidates(source: TupleSource, q: { skpYears: [number, number]; rankCutoff: string; shortStepCutoff: string; shortStep: { golongan: number; educationLevel: string };
    subtree: SqlCondition | null; search: SqlCondition | null; completeOnly?: boolean }): Promise<PromotionCandidateTuple[]> {
    const extra = [q.subtree, q.search].filter((c): c is SqlCondition => !!c);
    const join = (alias: string) => (q.completeOnly ? developmentInputsSql.annualSkpJoin(alias).replace(/^LEFT JOIN/, 'JOIN') : developmentInputsSql.annualSkpJoin(alias));
    const complete = q.completeOnly ? ' AND e.golongan_tmt IS NOT NULL AND e.education_level IS NOT NULL' : '';
    // The facts as one JSON text built by the database: one value per row to hand over instead of thirteen (the
    // hand-over of the values, more than the reading, was the statement's cost).
    const facts = `e.golongan, e.golongan_tmt, e.education_level,
        s1.year, s1.predikat, s1.regime, s1.legacy_score, s1.legacy_label, s2.year, s2.predikat, s2.regime, s2.legacy_score, s2.legacy_label`;
    const sql = `SELECT e.id, e.nip, ${isPostgres(spellingOf(source)) ? `CAST(json_build_array(${facts}) AS text)` : `json_array(${facts})`} AS facts
      FROM employee e ${join('s1')} ${join('s2')}
      WHERE e.status = 'active' AND e.employment_type = 'PNS' AND e.golongan BETWEEN 11 AND 44
        AND (e.golongan_tmt IS NULL OR e.golongan_tmt <= ? OR (e.golongan = ? AND e.education_level = ? AND e.golongan_tmt <= ?))${complete}${extra.map((c) => ` AND ${c.sql}`).join('')}`;
    return tuplesOf<PromotionCandidateTuple>(source, sql, [q.skpYears[0], q.skpYears[1], q.rankCutoff, q.shortStep.golongan, q.shortStep.educationLevel, q.shortStepCutoff,
      ...extra.flatMap((c) => c.params)]);
  },

  /**
   * Changes as soon as anything is written. SQLite: by this connection or by another process (a CLI import). A
   * server: by any desk. There the text of a fresh snapshot is read (pg_current_snapshot: the next transaction id
   * and those still running), which stays the same exactly while no writing transaction starts or ends, so a
   * write committed by another desk changes it (a read-only transaction takes no id and changes nothing).
   */
  async dataVersion(source: TupleSource): Promise<string> {
    // A Run here is a server's: tupleSourceOf (tuples.ts) hands SQLite's own connection to a desk's file.
    if (isRunSource(source)) {
      const [row] = await rowsOf<{ version: string }>(source, 'SELECT CAST(pg_current_snapshot() AS text) AS version');
      return String(row.version);
    }
    const changes = (prepared(source, 'SELECT total_changes()', true).get() as unknown[])[0];
    return `${changes}.${source.pragma('data_version', { simple: true })}`;
  },

  /** Names, birth, education, position and unit of the given employees, for the rows shown or exported. */
  async promotionDetails(run: Run, ids: readonly number[]): Promise<Map<number, PromotionDetails>> {
    const out = new Map<number, PromotionDetails>();
    for (const chunk of chunks(ids)) {
      const rows = await rowsOf<Record<string, unknown>>(run,
        `SELECT ${employeeRowColumns('e')}, e.birth_place, e.birth_date, e.cpns_tmt, e.education_major, e.education_year
         FROM employee e ${employeeRowJoins('e')} WHERE e.id IN (${marks(chunk)})`, [...chunk]);
      for (const r of rows) {
        out.set(r.employee_id as number, {
          ...readEmployeeRow(r), birthPlace: (r.birth_place as string | null) ?? null, birthDate: r.birth_date as string, cpnsTmt: (r.cpns_tmt as string | null) ?? null,
          educationMajor: (r.education_major as string | null) ?? null, educationYear: r.education_year === null ? null : Number(r.education_year),
        });
      }
    }
    return out;
  },
};

function rotationBase(q: { kind?: string; subtree: SqlCondition | null }): SqlCondition {
  const parts = [ROTATION_POPULATION];
  const params: unknown[] = [];
  if (q.kind) {
    parts.push('e.position_id IN (SELECT id FROM position WHERE kind = ?)');
    params.push(q.kind);
  }
  if (q.subtree) {
    parts.push(q.subtree.sql);
    params.push(...q.subtree.params);
  }
  return { sql: parts.join(' AND '), params };
}
