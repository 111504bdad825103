// SQL of the SKP history (Kinerja): evaluations and potential assessments of one employee, the Kinerja
// dashboard's lists over performance_year_summary, and the refresher of the performance and talent derived
// tables (main/db/derived.ts). Kinerja comes from the annual predikat or, for years before 2022, from the
// PP 46/2011 sebutan, as shared/domain/talent.ts reads them; test/talent/performance-talent.test.ts recomputes
// the derived tables in TypeScript and compares.

import { asFlag, greatest, isNotSame, isPostgres, sumInt } from './dialect';
import { DEFAULT_POTENTIAL_THRESHOLDS } from '../../../shared/domain/talent';
import { employeeRowColumns, employeeRowJoins, pageOf, type SqlCondition } from './employee-rows.sql';
import { chunks, marks, rowsOf, type Run } from './run';

/** The predikat that call for a follow-up (PermenPANRB 6/2022: Butuh Perbaikan, Kurang, Sangat Kurang). */
export const POOR_PREDIKATS = ['butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;

const EVALUATION_COLUMNS = `id, employee_id, year, period, regime, hasil_kerja, perilaku_kerja, predikat, legacy_score, legacy_label,
  evaluator_nip, follow_up_status, notes, source`;

/** One performance_evaluation row as stored. */
export interface EvaluationRecord {
  id: number;
  employee_id: number;
  year: number;
  period: string;
  regime: string;
  hasil_kerja: string | null;
  perilaku_kerja: string | null;
  predikat: string | null;
  legacy_score: number | null;
  legacy_label: string | null;
  evaluator_nip: string | null;
  follow_up_status: string | null;
  notes: string | null;
  source: string;
}

/** What a manual save writes into an evaluation (the period's identity aside). */
export interface EvaluationValues {
  regime: string;
  hasilKerja: string | null;
  perilakuKerja: string | null;
  predikat: string | null;
  legacyScore: number | null;
  legacyLabel: string | null;
  evaluatorNip: string | null;
  followUpStatus: string | null;
  notes: string | null;
}

export interface PotentialRecord {
  id: number;
  assessed_on: string;
  level: string | null;
  score: number | null;
  method: string | null;
  notes: string | null;
  source: string;
}

/** A dashboard population: the employee condition (alias `e`) of population.sql.ts's employeePopulation. */
export interface PopulationPage {
  population: SqlCondition;
  year: number;
  limit: number;
  offset: number;
}

const one = async <T>(run: Run, sql: string, params: unknown[]): Promise<T | undefined> => (await rowsOf<T>(run, sql, params))[0];

export const performanceSql = {
  /** The employee row of one employee (employee-rows.sql.ts columns); undefined when there is none. */
  async employeeRow(run: Run, employeeId: number): Promise<Record<string, unknown> | undefined> {
    return one(run, `SELECT ${employeeRowColumns('e')} FROM employee e ${employeeRowJoins('e')} WHERE e.id = ?`, [employeeId]);
  },

  /** What the evaluation rules need of the employee: the name for the audit and the TMT CPNS/PPPK. */
  async employeeForEvaluation(run: Run, employeeId: number): Promise<{ id: number; name: string; cpns_tmt: string | null } | undefined> {
    return one(run, 'SELECT id, name, cpns_tmt FROM employee WHERE id = ?', [employeeId]);
  },

  async evaluationsOf(run: Run, employeeId: number): Promise<EvaluationRecord[]> {
    return rowsOf(run, `SELECT ${EVALUATION_COLUMNS} FROM performance_evaluation WHERE employee_id = ?`, [employeeId]);
  },

  async evaluation(run: Run, evaluationId: number): Promise<EvaluationRecord | undefined> {
    return one(run, `SELECT ${EVALUATION_COLUMNS} FROM performance_evaluation WHERE id = ?`, [evaluationId]);
  },

  async evaluationOfPeriod(run: Run, employeeId: number, year: number, period: string): Promise<EvaluationRecord | undefined> {
    return one(run, `SELECT ${EVALUATION_COLUMNS} FROM performance_evaluation WHERE employee_id = ? AND year = ? AND period = ?`, [employeeId, year, period]);
  },

  /** A manually recorded evaluation; returns its id. */
  async insertEvaluation(run: Run, key: { employeeId: number; year: number; period: string }, values: EvaluationValues, createdAt: string): Promise<number> {
    const [row] = await rowsOf<{ id: number }>(run,
      `INSERT INTO performance_evaluation (employee_id, year, period, regime, hasil_kerja, perilaku_kerja, predikat, legacy_score, legacy_label,
         evaluator_nip, follow_up_status, notes, source, snapshot_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', NULL, ?) RETURNING id`,
      [key.employeeId, key.year, key.period, ...evaluationParams(values), createdAt]);
    return row.id;
  },

  /** Replaces an evaluation's content; it becomes a manual record (no longer tied to an import snapshot). */
  async updateEvaluation(run: Run, evaluationId: number, values: EvaluationValues): Promise<void> {
    await run(`UPDATE performance_evaluation SET regime = ?, hasil_kerja = ?, perilaku_kerja = ?, predikat = ?, legacy_score = ?, legacy_label = ?,
      evaluator_nip = ?, follow_up_status = ?, notes = ?, source = 'manual', snapshot_id = NULL WHERE id = ?`, [...evaluationParams(values), evaluationId]);
  },

  async deleteEvaluation(run: Run, evaluationId: number): Promise<void> {
    await run('DELETE FROM performance_evaluation WHERE id = ?', [evaluationId]);
  },

  /** How many Komite Talenta placements cite this evaluation as their kinerja basis. */
  async placementsCiting(run: Run, evaluationId: number): Promise<number> {
    const [{ n }] = await rowsOf<{ n: number }>(run, 'SELECT COUNT(*) AS n FROM talent_placement WHERE evaluation_id = ?', [evaluationId]);
    return n;
  },

  /** Sets the follow-up status; notes are kept when none are given. */
  async setFollowUp(run: Run, evaluationId: number, status: string, notes: string | null): Promise<void> {
    await run('UPDATE performance_evaluation SET follow_up_status = ?, notes = COALESCE(?, notes) WHERE id = ?', [status, notes, evaluationId]);
  },

  /** Potential assessments of one employee, latest first. */
  async potentialsOf(run: Run, employeeId: number): Promise<PotentialRecord[]> {
    return rowsOf(run, 'SELECT id, assessed_on, level, score, method, notes, source FROM potential_assessment WHERE employee_id = ? ORDER BY assessed_on DESC, id DESC', [employeeId]);
  },

  async insertPotential(run: Run, values: { employeeId: number; assessedOn: string; level: string | null; score: number | null; method: string | null; notes: string | null }, createdAt: string): Promise<PotentialRecord> {
    const [row] = await rowsOf<PotentialRecord>(run,
      `INSERT INTO potential_assessment (employee_id, assessed_on, level, score, method, notes, source, snapshot_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'manual', NULL, ?) RETURNING id, assessed_on, level, score, method, notes, source`,
      [values.employeeId, values.assessedOn, values.level, values.score, values.method, values.notes, createdAt]);
    return row;
  },

  /** A generated evaluation (the demo district), written through a bulk transaction's prepared statement. */
  async insertGeneratedEvaluation(run: Run, row: { employeeId: number; year: number; period: string; regime: string; hasilKerja: string | null; perilakuKerja: string | null;
    predikat: string | null; legacyScore: number | null; legacyLabel: string | null; followUpStatus: string | null; source: string; createdAt: string }): Promise<void> {
    await run(`INSERT INTO performance_evaluation (employee_id, year, period, regime, hasil_kerja, perilaku_kerja, predikat,
      legacy_score, legacy_label, evaluator_nip, follow_up_status, notes, source, snapshot_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, NULL, ?)`,
    [row.employeeId, row.year, row.period, row.regime, row.hasilKerja, row.perilakuKerja, row.predikat, row.legacyScore, row.legacyLabel, row.followUpStatus, row.source, row.createdAt]);
  },

  /** A generated potential assessment (the demo district). */
  async insertGeneratedPotential(run: Run, row: { employeeId: number; assessedOn: string; level: string | null; score: number | null; method: string; source: string; createdAt: string }): Promise<void> {
    await run(`INSERT INTO potential_assessment (employee_id, assessed_on, level, score, method, notes, source, snapshot_id, created_at)
      VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, ?)`, [row.employeeId, row.assessedOn, row.level, row.score, row.method, row.source, row.createdAt]);
  },

  /** Years that have annual SKP, oldest first. */
  async annualYears(run: Run): Promise<number[]> {
    return (await rowsOf<{ year: number }>(run, `SELECT DISTINCT year FROM performance_evaluation WHERE period = 'tahunan' ORDER BY year`)).map((r) => r.year);
  },

  /**
   * Counts per dashboard row, year and category from performance_year_summary. `groupColumn` is root_unit_id (rows
   * are perangkat daerah) or unit_id (rows under a parent, restricted by `scope`).
   */
  async distribution(run: Run, filter: { groupColumn: 'root_unit_id' | 'unit_id'; scope: SqlCondition; levels: readonly string[] | null; fromYear?: number; toYear?: number }) {
    const where = [filter.scope.sql];
    const params = [...filter.scope.params];
    if (filter.levels) {
      where.push(`position_level IN (${marks(filter.levels)})`);
      params.push(...filter.levels);
    }
    if (filter.fromYear) {
      where.push('year >= ?');
      params.push(filter.fromYear);
    }
    if (filter.toYear) {
      where.push('year <= ?');
      params.push(filter.toYear);
    }
    return rowsOf<{ row: number; year: number; category: string; n: number }>(run,
      `SELECT ${filter.groupColumn} AS row, year, category, ${sumInt(run, 'employees')} AS n FROM performance_year_summary WHERE ${where.join(' AND ')}
       GROUP BY ${filter.groupColumn}, year, category`, params);
  },

  /** Active employees of a population with Butuh Perbaikan or worse in a year: the worst and the unfinished first. */
  async followUps(run: Run, page: PopulationPage) {
    return pageOf<Record<string, unknown>>(run, {
      select: `${employeeRowColumns('e')}, ev.id AS evaluation_id, ev.predikat, ev.follow_up_status, ev.notes`,
      from: `FROM performance_evaluation ev JOIN employee e ON e.id = ev.employee_id ${employeeRowJoins('e')}
        WHERE ev.year = ? AND ev.period = 'tahunan' AND ev.predikat IN (${marks(POOR_PREDIKATS)}) AND e.status = 'active' AND ${page.population.sql}`,
      params: [page.year, ...POOR_PREDIKATS, ...page.population.params],
      orderBy: `CASE ev.predikat WHEN 'sangat_kurang' THEN 0 WHEN 'kurang' THEN 1 ELSE 2 END, COALESCE(ev.follow_up_status, 'belum') = 'selesai', e.name COLLATE NOCASE`,
      limit: page.limit, offset: page.offset,
    });
  },

  /** The active employees behind one bar of the distribution: a 2022 predikat, or `legacy` with a PP 46/2011 sebutan. */
  async categoryEmployees(run: Run, page: PopulationPage & { category: { predikat: string } | { legacyLabel: string } }) {
    const legacy = 'legacyLabel' in page.category;
    return pageOf<Record<string, unknown>>(run, {
      select: `${employeeRowColumns('e')}, ev.id AS evaluation_id, ev.predikat, ev.legacy_score, ev.legacy_label`,
      from: `FROM performance_evaluation ev JOIN employee e ON e.id = ev.employee_id ${employeeRowJoins('e')}
        WHERE ev.year = ? AND ev.period = 'tahunan' AND ${legacy ? 'ev.predikat IS NULL AND ev.legacy_label = ?' : 'ev.predikat = ?'}
          AND e.status = 'active' AND ${page.population.sql}`,
      params: [page.year, 'legacyLabel' in page.category ? page.category.legacyLabel : page.category.predikat, ...page.population.params],
      orderBy: 'ev.legacy_score, e.name COLLATE NOCASE',
      limit: page.limit, offset: page.offset,
    });
  },

  /**
   * Active employees of a population already in service in the year (TMT CPNS/PPPK on or before its last day)
   * without an annual SKP for it, with the year of their latest annual SKP; `active` counts those in service.
   */
  async withoutSkp(run: Run, page: PopulationPage) {
    const base = `e.status = 'active' AND (e.cpns_tmt IS NULL OR e.cpns_tmt <= ?) AND ${page.population.sql}`;
    const params = [`${page.year}-12-31`, ...page.population.params];
    const [{ active }] = await rowsOf<{ active: number }>(run, `SELECT COUNT(*) AS active FROM employee e WHERE ${base}`, params);
    const listed = await pageOf<Record<string, unknown>>(run, {
      select: `${employeeRowColumns('e')}, e.cpns_tmt,
        (SELECT MAX(year) FROM performance_evaluation ev WHERE ev.employee_id = e.id AND ev.period = 'tahunan') AS last_year`,
      from: `FROM employee e ${employeeRowJoins('e')} WHERE ${base} AND ${MISSING_ANNUAL_SKP}`,
      params: [...params, page.year],
      orderBy: 'e.name COLLATE NOCASE',
      limit: page.limit, offset: page.offset,
    });
    return { active, ...listed };
  },

  /** stats: active employees counted per category (predikat or legacy:<sebutan>) in a year. */
  async categoryCounts(run: Run, year: number) {
    return rowsOf<{ category: string; n: number }>(run, `SELECT category, ${sumInt(run, 'employees')} AS n FROM performance_year_summary WHERE year = ? GROUP BY category`, [year]);
  },

  /** stats: active employees in service in the year without an annual SKP for it. */
  async withoutSkpCount(run: Run, year: number): Promise<number> {
    const [{ n }] = await rowsOf<{ n: number }>(run,
      `SELECT COUNT(*) AS n FROM employee e WHERE e.status = 'active' AND (e.cpns_tmt IS NULL OR e.cpns_tmt <= ?) AND ${MISSING_ANNUAL_SKP}`,
      [`${year}-12-31`, year]);
    return n;
  },
};

export type PerformanceSql = typeof performanceSql;

/** No annual SKP of the employee `e` for the year bound next. */
const MISSING_ANNUAL_SKP = `NOT EXISTS (SELECT 1 FROM performance_evaluation ev WHERE ev.employee_id = e.id AND ev.year = ? AND ev.period = 'tahunan')`;

const evaluationParams = (v: EvaluationValues) =>
  [v.regime, v.hasilKerja, v.perilakuKerja, v.predikat, v.legacyScore, v.legacyLabel, v.evaluatorNip, v.followUpStatus, v.notes];

// ------------------------------------------------------------------ derived tables

const KINERJA_CASE = `CASE
  WHEN ev.predikat = 'sangat_baik' THEN 'di_atas' WHEN ev.predikat = 'baik' THEN 'sesuai'
  WHEN ev.predikat IN ('butuh_perbaikan', 'kurang', 'sangat_kurang') THEN 'di_bawah'
  WHEN ev.legacy_label = 'Sangat Baik' THEN 'di_atas' WHEN ev.legacy_label = 'Baik' THEN 'sesuai'
  WHEN ev.legacy_label IS NOT NULL THEN 'di_bawah' END`;

/**
 * The last year talent axes are kept for: the latest year any SKP or potential assessment names. The axes of a
 * year carry the latest records up to it forward, so every person with data has a row for every year from their
 * first record to this one (never the computer's date: the app's clock is not visible to SQL). Both halves read
 * an index (idx_performance_year_period, idx_potential_assessment_assessed_on).
 */
async function lastAxisYear(run: Run): Promise<number> {
  const [{ last }] = await rowsOf<{ last: number }>(run, `SELECT ${greatest(run, 'COALESCE((SELECT MAX(year) FROM performance_evaluation), 0)',
    'COALESCE((SELECT CAST(substr(MAX(assessed_on), 1, 4) AS INTEGER) FROM potential_assessment), 0)')} AS last`, []);
  return last;
}

/** Rows of talent_axis_year for the employees matching `filter` (an SQL condition on `employee_id`, bound twice),
 *  up to the last axis year (bound last). */
/** A potential threshold of the talent settings (JSON text), or its default. */
const threshold = (run: Run, key: 'tinggi' | 'menengah') => (isPostgres(run)
  ? `COALESCE(CAST(CAST((SELECT value FROM app_setting WHERE key = 'talent.thresholds') AS json) ->> '${key}' AS double precision), ${DEFAULT_POTENTIAL_THRESHOLDS[key]})`
  : `COALESCE(json_extract((SELECT value FROM app_setting WHERE key = 'talent.thresholds'), '$.${key}'), ${DEFAULT_POTENTIAL_THRESHOLDS[key]})`);

const AXIS_INSERT = (run: Run, filter: string) => `
  INSERT INTO talent_axis_year (employee_id, year, evaluation_id, evaluation_year, kinerja_axis, potential_id, potential_level, potential_score, potential_date, potensi_axis)
  WITH RECURSIVE
    thresholds AS (SELECT
      ${threshold(run, 'tinggi')} AS tinggi,
      ${threshold(run, 'menengah')} AS menengah),
    first_years AS (
      SELECT employee_id, MIN(year) AS y FROM performance_evaluation WHERE period = 'tahunan' AND ${filter} GROUP BY employee_id
      UNION ALL
      SELECT employee_id, MIN(CAST(substr(assessed_on, 1, 4) AS INTEGER)) FROM potential_assessment WHERE ${filter} GROUP BY employee_id),
    people AS (SELECT employee_id, MIN(y) AS first_year FROM first_years GROUP BY employee_id),
    bounds AS (SELECT MIN(first_year) AS lo, ${isPostgres(run) ? 'CAST(? AS bigint)' : '?'} AS hi FROM people),
    years(y) AS (SELECT lo FROM bounds WHERE lo IS NOT NULL UNION ALL SELECT y + 1 FROM years, bounds WHERE y < bounds.hi)
  SELECT p.employee_id, years.y, ev.id, ev.year, ${KINERJA_CASE}, pa.id, pa.level, pa.score, pa.assessed_on,
         CASE WHEN pa.level IN ('rendah', 'menengah', 'tinggi') THEN pa.level WHEN pa.score >= th.tinggi THEN 'tinggi'
              WHEN pa.score >= th.menengah THEN 'menengah' WHEN pa.score IS NOT NULL THEN 'rendah' END
  FROM people p JOIN years ON years.y >= p.first_year CROSS JOIN thresholds th
  LEFT JOIN performance_evaluation ev ON ev.id = (
    SELECT e2.id FROM performance_evaluation e2 WHERE e2.employee_id = p.employee_id AND e2.period = 'tahunan' AND e2.year <= years.y
    ORDER BY e2.year DESC LIMIT 1)
  LEFT JOIN potential_assessment pa ON pa.id = (
    SELECT p2.id FROM potential_assessment p2 WHERE p2.employee_id = p.employee_id AND p2.assessed_on <= years.y || '-12-31'
    ORDER BY p2.assessed_on DESC, p2.id DESC LIMIT 1)`;

const SUMMARY_INSERT = (run: Run, unitFilter: string) => `
  INSERT INTO performance_year_summary (unit_id, root_unit_id, position_level, year, category, employees)
  SELECT e.unit_id, COALESCE(u.root_id, e.unit_id), COALESCE(p.level, ''), ev.year,
         COALESCE(ev.predikat, 'legacy:' || ev.legacy_label, 'tanpa_predikat') AS category, COUNT(*)
  FROM performance_evaluation ev
  JOIN employee e ON e.id = ev.employee_id AND e.status = 'active'
  JOIN unit u ON u.id = e.unit_id
  LEFT JOIN position p ON p.id = e.position_id
  WHERE ev.period = 'tahunan' ${unitFilter}
  GROUP BY e.unit_id, p.level, ev.year, category${isPostgres(run) ? ', u.root_id' : ''}`;

const BOX_SUMMARY_INSERT = (run: Run, unitFilter: string) => `
  INSERT INTO talent_box_summary (unit_id, root_unit_id, position_level, year, kinerja_axis, potensi_axis, employees)
  SELECT e.unit_id, COALESCE(u.root_id, e.unit_id), COALESCE(p.level, ''), t.year, COALESCE(t.kinerja_axis, ''), COALESCE(t.potensi_axis, ''), COUNT(*)
  FROM talent_axis_year t
  JOIN employee e ON e.id = t.employee_id AND e.status = 'active'
  JOIN unit u ON u.id = e.unit_id
  LEFT JOIN position p ON p.id = e.position_id
  WHERE 1 = 1 ${unitFilter}
  GROUP BY e.unit_id, p.level, t.year, COALESCE(t.kinerja_axis, ''), COALESCE(t.potensi_axis, '')${isPostgres(run) ? ', u.root_id' : ''}`;

const MEMBER_INSERT = (run: Run, filter: string) => `
  INSERT INTO performance_member (employee_id, unit_id, position_level, active)
  SELECT e.id, e.unit_id, COALESCE(p.level, ''), ${asFlag(run, "e.status = 'active'")} FROM employee e LEFT JOIN position p ON p.id = e.position_id WHERE ${filter}`;

/** What these members (an IN list over performance_member) put into performance_year_summary where they were
 *  counted, taken out again (SUMMARY_INSERT's groups, read from the stored membership instead of the employee). */
const SUMMARY_TAKE_OUT = (ids: string) => `
  UPDATE performance_year_summary SET employees = employees - d.n
  FROM (SELECT m.unit_id, m.position_level, ev.year, COALESCE(ev.predikat, 'legacy:' || ev.legacy_label, 'tanpa_predikat') AS category, COUNT(*) AS n
        FROM performance_member m JOIN performance_evaluation ev ON ev.employee_id = m.employee_id AND ev.period = 'tahunan'
        WHERE m.employee_id IN (${ids}) AND m.active = 1 AND m.unit_id IS NOT NULL
        GROUP BY m.unit_id, m.position_level, ev.year, COALESCE(ev.predikat, 'legacy:' || ev.legacy_label, 'tanpa_predikat')) d
  WHERE performance_year_summary.unit_id = d.unit_id AND performance_year_summary.position_level = d.position_level
    AND performance_year_summary.year = d.year AND performance_year_summary.category = d.category`;

/** The same for talent_box_summary (BOX_SUMMARY_INSERT's groups). */
const BOX_SUMMARY_TAKE_OUT = (ids: string) => `
  UPDATE talent_box_summary SET employees = employees - d.n
  FROM (SELECT m.unit_id, m.position_level, t.year, COALESCE(t.kinerja_axis, '') AS kinerja_axis, COALESCE(t.potensi_axis, '') AS potensi_axis, COUNT(*) AS n
        FROM performance_member m JOIN talent_axis_year t ON t.employee_id = m.employee_id
        WHERE m.employee_id IN (${ids}) AND m.active = 1 AND m.unit_id IS NOT NULL
        GROUP BY m.unit_id, m.position_level, t.year, COALESCE(t.kinerja_axis, ''), COALESCE(t.potensi_axis, '')) d
  WHERE talent_box_summary.unit_id = d.unit_id AND talent_box_summary.position_level = d.position_level AND talent_box_summary.year = d.year
    AND talent_box_summary.kinerja_axis = d.kinerja_axis AND talent_box_summary.potensi_axis = d.potensi_axis`;

/** SUMMARY_INSERT / BOX_SUMMARY_INSERT for some people, added to the groups that already hold others. */
const SUMMARY_ADD = 'ON CONFLICT (unit_id, position_level, year, category) DO UPDATE SET employees = performance_year_summary.employees + excluded.employees';
const BOX_SUMMARY_ADD = 'ON CONFLICT (unit_id, position_level, year, kinerja_axis, potensi_axis) DO UPDATE SET employees = talent_box_summary.employees + excluded.employees';

/** Ids per refresh statement: two IN lists of this size stay under SQLite's bound-variable limit. */
const REFRESH_CHUNK = 400;

/**
 * Everything derived from SKP and potential assessments, for these employees: their talent axes per year
 * (skipped with `axes: false`, when only employee or position rows changed: the axes do not depend on those),
 * then the per-unit summaries of every unit they were or are counted in. performance_member remembers where
 * each person was counted (unit, jenjang, active), so with `axes: false` only people whose membership really
 * changed (a move, a new jenjang, a status change) touch the summaries: a snapshot that only raises golongan
 * costs nothing here. When most units are touched, the summaries are rebuilt whole. A record of a year later
 * than every stored axis row (the first SKP or assessment of a new year) extends everyone's axes to it.
 */
export async function refreshPerformanceDerived(run: Run, employeeIds: readonly number[] | 'all', options: { axes: boolean } = { axes: true }): Promise<void> {
  const last = options.axes ? await lastAxisYear(run) : 0;
  if (employeeIds !== 'all' && options.axes && await axesEndBefore(run, last)) employeeIds = 'all';
  if (employeeIds === 'all') {
    if (options.axes) {
      await run('DELETE FROM talent_axis_year', []);
      await run(AXIS_INSERT(run, '1 = 1'), [last]);
    }
    await run('DELETE FROM performance_member', []);
    await run(MEMBER_INSERT(run, '1 = 1'), []);
    await rebuildSummaries(run, 'all');
    return;
  }
  if (!options.axes) return refreshMembership(run, employeeIds);
  const units = new Set<number>();
  for (const chunk of chunks(employeeIds, REFRESH_CHUNK)) {
    const ids = marks(chunk);
    const before = await rowsOf<{ unit_id: number }>(run, `SELECT DISTINCT unit_id FROM performance_member WHERE employee_id IN (${ids}) AND unit_id IS NOT NULL`, chunk);
    for (const row of before ?? []) units.add(row.unit_id);
    await run(`DELETE FROM talent_axis_year WHERE employee_id IN (${ids})`, chunk);
    await run(AXIS_INSERT(run, `employee_id IN (${ids})`), [...chunk, ...chunk, last]);
    await run(`DELETE FROM performance_member WHERE employee_id IN (${ids})`, chunk);
    await run(MEMBER_INSERT(run, `e.id IN (${ids})`), chunk);
    const after = await rowsOf<{ unit_id: number }>(run, `SELECT DISTINCT unit_id FROM employee WHERE id IN (${ids}) AND unit_id IS NOT NULL`, chunk);
    for (const row of after ?? []) units.add(row.unit_id);
  }
  await rebuildUnitSummaries(run, units);
}

/**
 * Only where people are counted changed (a move, a new jenjang, a status change), not their SKP or axes: each
 * person who moved takes out of the summaries what performance_member says they were counted in, and adds what
 * they count in now, in exact integer counts; a group left empty is dropped, as a rebuild would not write it. The
 * cost follows the people who moved, not the size of the units they left and joined (a move into a perangkat
 * daerah's top unit used to recount all of it). Someone whose employee row is gone took their SKP rows with them,
 * so their old units are counted again instead.
 */
async function refreshMembership(run: Run, employeeIds: readonly number[]): Promise<void> {
  const recount = new Set<number>();
  for (const candidates of chunks(employeeIds, REFRESH_CHUNK)) {
    const moved = (await rowsOf<{ id: number }>(run,
      `SELECT e.id FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN performance_member m ON m.employee_id = e.id
       WHERE e.id IN (${marks(candidates)}) AND (m.employee_id IS NULL OR m.unit_id ${isNotSame(run)} e.unit_id OR m.position_level <> COALESCE(p.level, '')
         OR m.active <> ${isPostgres(run) ? "CAST(e.status = 'active' AS integer)" : "(e.status = 'active')"})`, candidates)).map((r) => r.id);
    const gone = (await rowsOf<{ id: number }>(run, `SELECT employee_id AS id FROM performance_member WHERE employee_id IN (${marks(candidates)}) AND employee_id NOT IN (SELECT id FROM employee)`, candidates)).map((r) => r.id);
    if (gone.length) {
      const ids = marks(gone);
      for (const row of await rowsOf<{ unit_id: number }>(run, `SELECT DISTINCT unit_id FROM performance_member WHERE employee_id IN (${ids}) AND unit_id IS NOT NULL`, gone)) recount.add(row.unit_id);
      await run(`DELETE FROM performance_member WHERE employee_id IN (${ids})`, gone);
    }
    if (!moved.length) continue;
    const ids = marks(moved);
    const left = (await rowsOf<{ unit_id: number }>(run, `SELECT DISTINCT unit_id FROM performance_member WHERE employee_id IN (${ids}) AND unit_id IS NOT NULL`, moved)).map((r) => r.unit_id);
    await run(SUMMARY_TAKE_OUT(ids), moved);
    await run(BOX_SUMMARY_TAKE_OUT(ids), moved);
    await run(`DELETE FROM performance_member WHERE employee_id IN (${ids})`, moved);
    await run(MEMBER_INSERT(run, `e.id IN (${ids})`), moved);
    await run(`${SUMMARY_INSERT(run, `AND e.id IN (${ids})`)} ${SUMMARY_ADD}`, moved);
    await run(`${BOX_SUMMARY_INSERT(run, `AND e.id IN (${ids})`)} ${BOX_SUMMARY_ADD}`, moved);
    for (const units of chunks(left, REFRESH_CHUNK)) {
      await run(`DELETE FROM performance_year_summary WHERE unit_id IN (${marks(units)}) AND employees = 0`, units);
      await run(`DELETE FROM talent_box_summary WHERE unit_id IN (${marks(units)}) AND employees = 0`, units);
    }
  }
  await rebuildUnitSummaries(run, recount);
}

/** The summaries of these units counted again (all of them when most units are touched). */
async function rebuildUnitSummaries(run: Run, units: ReadonlySet<number>): Promise<void> {
  if (!units.size) return;
  const [{ n: unitCount }] = await rowsOf<{ n: number }>(run, 'SELECT COUNT(*) AS n FROM unit', []);
  await rebuildSummaries(run, units.size > (unitCount * 3) / 4 ? 'all' : [...units]);
}

/** True when axes are stored and end before `last` (a record of a new year arrived). */
async function axesEndBefore(run: Run, last: number): Promise<boolean> {
  const [{ stored }] = await rowsOf<{ stored: number | null }>(run, 'SELECT MAX(year) AS stored FROM talent_axis_year', []);
  return stored !== null && last > stored;
}

async function rebuildSummaries(run: Run, units: readonly number[] | 'all'): Promise<void> {
  if (units === 'all') {
    await run('DELETE FROM performance_year_summary', []);
    await run(SUMMARY_INSERT(run, ''), []);
    await run('DELETE FROM talent_box_summary', []);
    await run(BOX_SUMMARY_INSERT(run, ''), []);
    return;
  }
  for (const chunk of chunks(units, REFRESH_CHUNK)) {
    const ids = marks(chunk);
    await run(`DELETE FROM performance_year_summary WHERE unit_id IN (${ids})`, chunk);
    await run(SUMMARY_INSERT(run, `AND e.unit_id IN (${ids})`), chunk);
    await run(`DELETE FROM talent_box_summary WHERE unit_id IN (${ids})`, chunk);
    await run(BOX_SUMMARY_INSERT(run, `AND e.unit_id IN (${ids})`), chunk);
  }
}
