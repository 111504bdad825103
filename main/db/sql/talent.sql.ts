// SQL of talent management: placements in the 9-box read from talent_axis_year (kept on write by the performance
// refresher) with the Komite Talenta's calibrations on top, the talent pool, movement between years, and the
// sessions with their recorded placements. Box numbers follow the numbering chosen in Pengaturan.

import { sumInt } from './dialect';
import { KINERJA_AXIS, POTENSI_AXIS, boxNumber, type Numbering } from '../../../shared/domain/talent';
import { employeeRowColumns, employeeRowJoins, pageOf, type SqlCondition } from './employee-rows.sql';
import { marks, rowsOf, type Run } from './run';

/** The placements of a population in a year: employee_id, kinerja, potensi, computed_box, calibrated_box, final_box
 *  and sort_name (the name the lists sort by); with what it was made of, for statements that need less of it. */
export interface PlacementsQuery {
  sql: string;
  params: unknown[];
  population: SqlCondition;
  year: number;
  numbering: Numbering;
}

export interface SessionRecord {
  id: number;
  year: number;
  name: string;
  status: string;
  population_unit_id: number | null;
  population_levels: string | null;
  held_on: string | null;
  document_number: string | null;
  place: string | null;
  members: string | null;
  notes: string | null;
  ppk_name: string | null;
  ppk_position: string | null;
  ppk_nip: string | null;
  fixed_by: string | null;
  fixed_at: string | null;
  created_by: string;
  created_at: string;
  version: number;
  updated_by: string | null;
  updated_at: string | null;
}

/** A session as the lists show it: its row, the population's unit name and its counts. */
export type SessionListRecord = SessionRecord & { unit_name: string | null; placements: number; calibrations: number };

/** What the committee's secretariat fills in for a session (the berita acara's header and signatures). */
export interface SessionDetails {
  name: string;
  heldOn: string;
  documentNumber: string | null;
  place: string | null;
  /** JSON array of { name, nip, role }. */
  members: string;
  notes: string | null;
  ppkName: string | null;
  ppkPosition: string | null;
  ppkNip: string | null;
}

export interface PlacementRecord {
  id: number;
  session_id: number;
  employee_id: number;
  computed_box: number;
  calibrated_box: number | null;
  calibration_reason: string | null;
}

/** The box number of talent_axis_year (alias t) in a numbering. */
function boxCase(numbering: Numbering): string {
  const cases = KINERJA_AXIS.flatMap((k) => POTENSI_AXIS.map((p) => `WHEN '${k.code}/${p.code}' THEN ${boxNumber(k.code, p.code, numbering)}`)).join(' ');
  return `CASE t.kinerja_axis || '/' || t.potensi_axis ${cases} END`;
}

/** A box column renumbered from one numbering to another. */
function renumberCase(column: string, from: Numbering, to: Numbering): string {
  const cases = KINERJA_AXIS.flatMap((k) => POTENSI_AXIS.map((p) => `WHEN ${boxNumber(k.code, p.code, from)} THEN ${boxNumber(k.code, p.code, to)}`)).join(' ');
  return `CASE ${column} ${cases} ELSE ${column} END`;
}

/** The latest calibration per employee among the sessions of a year (the committee's final word so far). */
const LATEST_CALIBRATIONS = `SELECT employee_id, calibrated_box FROM (
  SELECT tp.employee_id, tp.calibrated_box, ROW_NUMBER() OVER (PARTITION BY tp.employee_id ORDER BY tp.calibrated_at DESC, tp.id DESC) AS rn
  FROM talent_placement tp JOIN talent_session s ON s.id = tp.session_id
  WHERE s.year = ? AND tp.calibrated_box IS NOT NULL) WHERE rn = 1`;

const SESSION_LIST = `SELECT s.*, u.name AS unit_name,
    (SELECT COUNT(*) FROM talent_placement tp WHERE tp.session_id = s.id) AS placements,
    (SELECT COUNT(*) FROM talent_placement tp WHERE tp.session_id = s.id AND tp.calibrated_box IS NOT NULL) AS calibrations
  FROM talent_session s LEFT JOIN unit u ON u.id = s.population_unit_id`;

/** The columns of a placed person: the employee row plus the placement (alias p of a PlacementsQuery). */
const PLACED_COLUMNS = `${employeeRowColumns('e')}, p.kinerja, p.potensi, p.computed_box, p.calibrated_box`;

export const talentSql = {
  /** Active employees of a population (alias `e`) with their axes and boxes in a year, as a subquery. */
  placements(population: SqlCondition, year: number, numbering: Numbering): PlacementsQuery {
    const box = boxCase(numbering);
    return {
      sql: `SELECT e.id AS employee_id, t.kinerja_axis AS kinerja, t.potensi_axis AS potensi, ${box} AS computed_box, c.calibrated_box,
                   COALESCE(c.calibrated_box, ${box}) AS final_box, e.name AS sort_name
            FROM employee e
            LEFT JOIN talent_axis_year t ON t.employee_id = e.id AND t.year = ?
            LEFT JOIN (${LATEST_CALIBRATIONS}) c ON c.employee_id = e.id
            WHERE e.status = 'active' AND ${population.sql}`,
      params: [year, year, ...population.params],
      population, year, numbering,
    };
  },

  /** Counts per axis pair of a year from talent_box_summary (kept on write), for a unit subtree and levels. */
  async boxCounts(run: Run, filter: { year: number; subtreePath: string | null; levels: readonly string[] | null }) {
    return rowsOf<{ kinerja_axis: string; potensi_axis: string; n: number }>(run,
      `SELECT kinerja_axis, potensi_axis, ${sumInt(run, 'employees')} AS n FROM talent_box_summary
       WHERE year = ? ${filter.subtreePath ? 'AND unit_id IN (SELECT id FROM unit WHERE substr(path, 1, length(?)) = ?)' : ''}
         ${filter.levels ? `AND position_level IN (${marks(filter.levels)})` : ''}
       GROUP BY kinerja_axis, potensi_axis`,
      [filter.year, ...(filter.subtreePath ? [filter.subtreePath, filter.subtreePath] : []), ...(filter.levels ?? [])]);
  },

  /**
   * Active employees of a unit subtree and levels, counted in performance_member (kept on write with
   * talent_box_summary, so the 9-box's population and its placed counts come from one membership). A few hundred
   * small pages instead of every employee row: on the encrypted file each page read from disk is also decrypted.
   */
  async activeCount(run: Run, filter: { subtreePath: string | null; levels: readonly string[] | null }): Promise<number> {
    const [{ n }] = await rowsOf<{ n: number }>(run,
      `SELECT COUNT(*) AS n FROM performance_member WHERE active = 1
         ${filter.subtreePath ? 'AND unit_id IN (SELECT id FROM unit WHERE substr(path, 1, length(?)) = ?)' : ''}
         ${filter.levels ? `AND position_level IN (${marks(filter.levels)})` : ''}`,
      [...(filter.subtreePath ? [filter.subtreePath, filter.subtreePath] : []), ...(filter.levels ?? [])]);
    return n;
  },

  /** The latest calibrations of a year among the active employees of a population, with their computed axes. */
  async calibrationsOfPopulation(run: Run, year: number, population: SqlCondition) {
    return rowsOf<{ calibrated_box: number; kinerja_axis: string | null; potensi_axis: string | null }>(run,
      `SELECT c.calibrated_box, t.kinerja_axis, t.potensi_axis FROM (${LATEST_CALIBRATIONS}) c
       JOIN employee e ON e.id = c.employee_id AND e.status = 'active' AND ${population.sql}
       JOIN talent_axis_year t ON t.employee_id = c.employee_id AND t.year = ?`, [year, ...population.params, year]);
  },

  /** The first `perBox` people of every box (final placement), by name. */
  async firstPeoplePerBox(run: Run, placements: PlacementsQuery, perBox: number) {
    return rowsOf<Record<string, unknown>>(run,
      `SELECT ${PLACED_COLUMNS}, p.final_box
       FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.final_box ORDER BY r.sort_name COLLATE NOCASE, r.employee_id) AS rn
             FROM (${placements.sql}) r WHERE r.final_box IS NOT NULL) p
       JOIN employee e ON e.id = p.employee_id ${employeeRowJoins('e')}
       WHERE p.rn <= ? ORDER BY p.final_box, p.rn`, [...placements.params, perBox]);
  },

  /**
   * People who cannot be placed (no annual SKP or no potential assessment), by name. Only the computed box decides
   * it, so the calibrations are left out, and the labels are joined for the page alone: on a server the statement
   * over the whole placements query took longer to plan (8 relations joined, ~10 ms on a loaded machine) than to run.
   */
  async unplaced(run: Run, placements: PlacementsQuery, limit: number) {
    const { population, year, numbering } = placements;
    return rowsOf<Record<string, unknown>>(run,
      `SELECT ${employeeRowColumns('e')}, u.kinerja, u.potensi
       FROM (SELECT e.id, t.kinerja_axis AS kinerja, t.potensi_axis AS potensi FROM employee e
             LEFT JOIN talent_axis_year t ON t.employee_id = e.id AND t.year = ?
             WHERE e.status = 'active' AND ${population.sql} AND ${boxCase(numbering)} IS NULL
             ORDER BY e.name COLLATE NOCASE, e.id LIMIT ?) u
       JOIN employee e ON e.id = u.id ${employeeRowJoins('e')}
       ORDER BY e.name COLLATE NOCASE, e.id`, [year, ...population.params, limit]);
  },

  /** A page of the people whose final box is `box`, by name. */
  async boxPage(run: Run, placements: PlacementsQuery, box: number, page: { limit: number; offset: number }) {
    return pageOf<Record<string, unknown>>(run, {
      select: PLACED_COLUMNS,
      from: `FROM (${placements.sql}) p JOIN employee e ON e.id = p.employee_id ${employeeRowJoins('e')} WHERE p.final_box = ?`,
      params: [...placements.params, box],
      orderBy: 'e.name COLLATE NOCASE',
      limit: page.limit, offset: page.offset,
    });
  },

  /** Everyone whose final box is one of `boxes` (the talent pool), best box first, then by name. */
  async inBoxes(run: Run, placements: PlacementsQuery, boxes: readonly number[]) {
    return rowsOf<Record<string, unknown>>(run,
      `SELECT ${PLACED_COLUMNS} FROM (${placements.sql}) p JOIN employee e ON e.id = p.employee_id ${employeeRowJoins('e')}
       WHERE p.final_box IN (${marks(boxes)}) ORDER BY p.final_box DESC, e.name COLLATE NOCASE`, [...placements.params, ...boxes]);
  },

  /** Final boxes of the people placed in both years. */
  async boxPairs(run: Run, from: PlacementsQuery, to: PlacementsQuery) {
    return rowsOf<{ employee_id: number; from_box: number; to_box: number }>(run,
      `SELECT a.employee_id, a.final_box AS from_box, b.final_box AS to_box FROM (${from.sql}) a JOIN (${to.sql}) b ON b.employee_id = a.employee_id
       WHERE a.final_box IS NOT NULL AND b.final_box IS NOT NULL`, [...from.params, ...to.params]);
  },

  /** Employee rows of these employees (employee-rows.sql.ts columns). */
  async employeeRows(run: Run, employeeIds: readonly number[]) {
    if (!employeeIds.length) return [];
    return rowsOf<Record<string, unknown>>(run, `SELECT ${employeeRowColumns('e')} FROM employee e ${employeeRowJoins('e')} WHERE e.id IN (${marks(employeeIds)})`, [...employeeIds]);
  },

  /** One employee's axes of a year, with the records behind them. */
  async axesOf(run: Run, employeeId: number, year: number) {
    const [row] = await rowsOf<{ evaluation_id: number | null; evaluation_year: number | null; kinerja_axis: string | null; potential_id: number | null;
      potential_level: string | null; potential_score: number | null; potential_date: string | null; potensi_axis: string | null }>(run,
      'SELECT evaluation_id, evaluation_year, kinerja_axis, potential_id, potential_level, potential_score, potential_date, potensi_axis FROM talent_axis_year WHERE employee_id = ? AND year = ?',
      [employeeId, year]);
    return row;
  },

  /** The evaluation a kinerja axis rests on. */
  async evaluationBasis(run: Run, evaluationId: number) {
    const [row] = await rowsOf<{ year: number; period: string; predikat: string | null; legacy_score: number | null; legacy_label: string | null;
      regime: string; hasil_kerja: string | null; perilaku_kerja: string | null }>(run,
      'SELECT year, period, predikat, legacy_score, legacy_label, regime, hasil_kerja, perilaku_kerja FROM performance_evaluation WHERE id = ?', [evaluationId]);
    return row;
  },

  /** One employee's calibrations in the sessions of a year, latest first. */
  async calibrationsOf(run: Run, employeeId: number, year: number) {
    return rowsOf<{ session_id: number; session_name: string; status: string; computed_box: number; calibrated_box: number; calibration_reason: string;
      calibrated_by: string; calibrated_at: string }>(run,
      `SELECT tp.session_id, s.name AS session_name, s.status, tp.computed_box, tp.calibrated_box, tp.calibration_reason, tp.calibrated_by, tp.calibrated_at
       FROM talent_placement tp JOIN talent_session s ON s.id = tp.session_id
       WHERE tp.employee_id = ? AND s.year = ? AND tp.calibrated_box IS NOT NULL ORDER BY tp.calibrated_at DESC`, [employeeId, year]);
  },

  // ---------------------------------------------------------------- Komite Talenta sessions

  /** Sessions (of a year, or all), newest first, with their counts. */
  async sessions(run: Run, year?: number): Promise<SessionListRecord[]> {
    return rowsOf(run, `${SESSION_LIST} ${year ? 'WHERE s.year = ?' : ''} ORDER BY s.year DESC, s.created_at DESC`, year ? [year] : []);
  },

  async sessionListRow(run: Run, sessionId: number): Promise<SessionListRecord | undefined> {
    return (await rowsOf<SessionListRecord>(run, `${SESSION_LIST} WHERE s.id = ?`, [sessionId]))[0];
  },

  async session(run: Run, sessionId: number): Promise<SessionRecord | undefined> {
    return (await rowsOf<SessionRecord>(run, 'SELECT * FROM talent_session WHERE id = ?', [sessionId]))[0];
  },

  /** A new draft session; returns its id. */
  async insertSession(run: Run, values: SessionDetails & { year: number; populationUnitId: number | null; populationLevels: string | null; createdBy: string; createdAt: string }): Promise<number> {
    const [row] = await rowsOf<{ id: number }>(run,
      `INSERT INTO talent_session (year, name, population_unit_id, population_levels, status, held_on, document_number, place, members, notes,
         ppk_name, ppk_position, ppk_nip, fixed_by, fixed_at, created_by, created_at)
       VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?) RETURNING id`,
      [values.year, values.name, values.populationUnitId, values.populationLevels, values.heldOn, values.documentNumber, values.place, values.members,
        values.notes, values.ppkName, values.ppkPosition, values.ppkNip, values.createdBy, values.createdAt]);
    return row.id;
  },

  async updateSession(run: Run, sessionId: number, values: SessionDetails): Promise<void> {
    await run(`UPDATE talent_session SET name = ?, held_on = ?, document_number = ?, place = ?, members = ?, notes = ?, ppk_name = ?, ppk_position = ?, ppk_nip = ?
      WHERE id = ?`, [values.name, values.heldOn, values.documentNumber, values.place, values.members, values.notes, values.ppkName, values.ppkPosition, values.ppkNip, sessionId]);
  },

  /** Records the placements of a population as computed now (those with both axes), in employee order (so the
   *  placement ids are the same on every database). */
  async recordPlacements(run: Run, sessionId: number, year: number, placements: PlacementsQuery, createdAt: string): Promise<void> {
    await run(`INSERT INTO talent_placement (session_id, employee_id, year, kinerja_axis, potensi_axis, computed_box, evaluation_id, potential_id,
        calibrated_box, calibration_reason, calibrated_by, calibrated_at, created_at)
      SELECT ?, p.employee_id, ?, p.kinerja, p.potensi, p.computed_box, t.evaluation_id, t.potential_id, NULL, NULL, NULL, NULL, ?
      FROM (${placements.sql}) p JOIN talent_axis_year t ON t.employee_id = p.employee_id AND t.year = ? WHERE p.computed_box IS NOT NULL
      ORDER BY p.employee_id`,
    [sessionId, year, createdAt, ...placements.params, year]);
  },

  async sessionEmployeeIds(run: Run, sessionId: number): Promise<number[]> {
    return (await rowsOf<{ employee_id: number }>(run, 'SELECT employee_id FROM talent_placement WHERE session_id = ?', [sessionId])).map((r) => r.employee_id);
  },

  /** A session's placements counted per computed and final box. */
  async sessionBoxCounts(run: Run, sessionId: number) {
    return rowsOf<{ computed_box: number; final_box: number; n: number }>(run,
      'SELECT computed_box, COALESCE(calibrated_box, computed_box) AS final_box, COUNT(*) AS n FROM talent_placement WHERE session_id = ? GROUP BY computed_box, final_box', [sessionId]);
  },

  /** The calibrated placements of a session (or one placement), in the order they were made. */
  async calibratedPlacements(run: Run, filter: { sessionId: number } | { placementId: number }) {
    const bySession = 'sessionId' in filter;
    return rowsOf<Record<string, unknown>>(run,
      `SELECT tp.id AS placement_id, ${employeeRowColumns('e')}, tp.kinerja_axis AS kinerja, tp.potensi_axis AS potensi, tp.computed_box, tp.calibrated_box,
              tp.calibration_reason, tp.calibrated_by, tp.calibrated_at
       FROM talent_placement tp JOIN employee e ON e.id = tp.employee_id ${employeeRowJoins('e')}
       WHERE ${bySession ? 'tp.session_id = ? AND tp.calibrated_box IS NOT NULL' : 'tp.id = ?'} ORDER BY tp.calibrated_at, tp.id`,
      [bySession ? filter.sessionId : filter.placementId]);
  },

  async placementOf(run: Run, sessionId: number, employeeId: number): Promise<PlacementRecord | undefined> {
    return (await rowsOf<PlacementRecord>(run,
      'SELECT id, session_id, employee_id, computed_box, calibrated_box, calibration_reason FROM talent_placement WHERE session_id = ? AND employee_id = ?',
      [sessionId, employeeId]))[0];
  },

  /** Sets (or, with box null, clears) a placement's calibration; who and when are kept either way. */
  async calibrate(run: Run, placementId: number, calibration: { box: number | null; reason: string; by: string; at: string }): Promise<void> {
    await run('UPDATE talent_placement SET calibrated_box = ?, calibration_reason = ?, calibrated_by = ?, calibrated_at = ? WHERE id = ?',
      [calibration.box, calibration.reason, calibration.by, calibration.at, placementId]);
  },

  /** Status of a session; fixing it records the PPK (who also signs the berita acara) and the time. */
  async setSessionStatus(run: Run, sessionId: number, status: string, fixed: { by: string; at: string } | null): Promise<void> {
    await run('UPDATE talent_session SET status = ?, fixed_by = ?, fixed_at = ?, ppk_name = COALESCE(?, ppk_name) WHERE id = ?',
      [status, fixed?.by ?? null, fixed?.at ?? null, fixed?.by ?? null, sessionId]);
  },

  /** Renumbers every stored placement (computed and calibrated box) from one numbering to another. */
  async renumberPlacements(run: Run, from: Numbering, to: Numbering): Promise<void> {
    await run(`UPDATE talent_placement SET computed_box = ${renumberCase('computed_box', from, to)}, calibrated_box = ${renumberCase('calibrated_box', from, to)}`, []);
  },
};

export type TalentSql = typeof talentSql;
