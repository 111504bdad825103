// Pola karier: the paths and steps the office keeps, the positions a default set is built from, the facts a step's
// requirements are judged on (one person for the Peta Karier; every active person at a step's start for the Jalur
// Karier graph, in a few set-wise reads), the union standard of a step's target positions and their vacancies.
// Served by main/services/careers/career-paths.service.ts.

import { asFlag, byIdPages, distinctList, insertReturningId, isPostgres, isTrue, nullsAsSqlite } from './dialect';
import { isStructuralLevel, LEADERSHIP_TRAINING_CODES } from '../../../shared/domain/succession/requirements';
import { chunks, marks, rowsOf, type Run } from './run';

export interface PathRow { id: number; name: string; description: string | null; sort: number; version: number; updated_at: string; updated_by: string }
export interface StepRow {
  id: number; path_id: number; from_family: string | null; from_level: string; to_family: string | null; to_level: string;
  min_golongan: number | null; education_rank: number | null; education_label: string | null; leadership_training: string | null;
  min_jpm: number | null; min_months_in_level: number | null; skp_years: number; no_running_discipline: number | boolean; sort: number; version: number;
}
export type StepValues = Omit<StepRow, 'id' | 'version'>;
export interface PositionGroupRow { level: string; family: string | null; kind: string; eselon: string | null; n: number }
export interface PersonFactsRow {
  id: number; full_name: string; status: string; golongan: number | null; education_level: string | null; position_id: number | null;
  position_name: string | null; level: string | null; family: string | null; level_since: string | null; trainings: string | null;
}
export interface SkpRow { employee_id: number; year: number; predikat: string | null; regime: string | null; legacy_score: number | null; legacy_label: string | null }
export interface DisciplineRow { employee_id: number; kind: string; start_date: string; end_date: string | null }
export interface DisciplineRecordRow { id: number; kind: string; start_date: string; end_date: string | null; decree_number: string | null; decree_date: string | null; note: string | null; source: string }
export interface KgbRecordRow { id: number; tmt: string; mkg_years: number; mkg_months: number; golongan: number | null; salary: number | null; decree_number: string | null; decree_date: string | null; source: string }
export interface StudyRecordRow {
  id: number; basis: string; institution: string; programme: string; level: string; start_date: string; end_date: string | null; status: string;
  funding: string | null; izin_date: string | null; graduation_date: string | null; source: string;
}
export interface CltnRecordRow { id: number; start_date: string; end_date: string | null; decree_number: string | null; source: string }
export interface HonorRecordRow { id: number; kind: string; class: string; decree_number: string | null; decree_date: string | null; source: string }
export interface VacancyRow { id: number; name: string; unit_name: string | null; holders: number; retiring: string | null }

const LEADERSHIP = LEADERSHIP_TRAINING_CODES.map((c) => `'${c}'`).join(',');

/** The start of the time in the current level, cumulative within it: the earliest TMT of the trailing run of
 *  history rows at that level, else the current position's TMT. `e` is the employee, `p` its position. */
const LEVEL_SINCE = `COALESCE((SELECT MIN(h.tmt) FROM position_history h WHERE h.employee_id = e.id AND h.position_level = p.level
    AND h.tmt > COALESCE((SELECT MAX(h2.tmt) FROM position_history h2 WHERE h2.employee_id = e.id AND COALESCE(h2.position_level, '') <> p.level), '')),
  e.position_tmt)`;

/** The leadership trainings followed and ended by the as-of day (the `?` parameter). */
const trainings = (run: Run) => `(SELECT ${distinctList(run, 'r.type')} FROM training_record r WHERE r.employee_id = e.id AND r.type IN (${LEADERSHIP}) AND r.end_date <= ?)`;

const personColumns = (run: Run) => `e.id, trim(COALESCE(e.front_title || ' ', '') || e.name || COALESCE(', ' || e.back_title, '')) AS full_name, e.status, e.golongan,
  e.education_level, e.position_id, p.name AS position_name, p.level, p.family, ${LEVEL_SINCE} AS level_since, ${trainings(run)} AS trainings`;

const STEP_COLUMNS = ['path_id', 'from_family', 'from_level', 'to_family', 'to_level', 'min_golongan', 'education_rank', 'education_label',
  'leadership_training', 'min_jpm', 'min_months_in_level', 'skp_years', 'no_running_discipline', 'sort'] as const;

/** The step columns to read: the boolean as 0/1 on PostgreSQL too. */
const stepColumns = (run: Run) => STEP_COLUMNS.map((c) => (c === 'no_running_discipline' && isPostgres(run) ? `${asFlag(run, c)} AS ${c}` : c)).join(', ');
/** `? IS NULL` for a text parameter (PostgreSQL must be told its type). */
const nullText = (run: Run) => (isPostgres(run) ? 'CAST(? AS text) IS NULL' : '? IS NULL');

const stepParams = (v: StepValues) => STEP_COLUMNS.map((c) => (c === 'no_running_discipline' ? (v[c] ? 1 : 0) : v[c]));

export const careerPathsSql = {
  paths: (run: Run) => rowsOf<PathRow>(run, 'SELECT id, name, description, sort, version, updated_at, updated_by FROM career_path ORDER BY sort, id'),
  steps: (run: Run) => rowsOf<StepRow>(run, `SELECT id, ${stepColumns(run)}, version FROM career_step ORDER BY path_id, sort, id`),
  async path(run: Run, id: number): Promise<PathRow | null> {
    return (await rowsOf<PathRow>(run, 'SELECT id, name, description, sort, version, updated_at, updated_by FROM career_path WHERE id = ?', [id]))[0] ?? null;
  },
  async step(run: Run, id: number): Promise<StepRow | null> {
    return (await rowsOf<StepRow>(run, `SELECT id, ${stepColumns(run)}, version FROM career_step WHERE id = ?`, [id]))[0] ?? null;
  },
  async hasPaths(run: Run): Promise<boolean> {
    return (await rowsOf(run, 'SELECT 1 FROM career_path LIMIT 1')).length > 0;
  },

  /** Writes a path with the given id (the default set keeps the ids the screen has shown) or a new one. */
  async insertPath(run: Run, path: { id?: number; name: string; description: string | null; sort: number; at: string; by: string }): Promise<number> {
    if (path.id === undefined && isPostgres(run)) {
      // An identity column takes no explicit NULL: the server numbers the row.
      return insertReturningId(run, 'INSERT INTO career_path (name, description, sort, version, updated_at, updated_by) VALUES (?, ?, ?, 1, ?, ?)',
        [path.name, path.description, path.sort, path.at, path.by]);
    }
    await run('INSERT INTO career_path (id, name, description, sort, version, updated_at, updated_by) VALUES (?, ?, ?, ?, 1, ?, ?)',
      [path.id ?? null, path.name, path.description, path.sort, path.at, path.by]);
    return path.id ?? Number((await rowsOf<{ id: number }>(run, 'SELECT last_insert_rowid() AS id'))[0].id);
  },
  async updatePath(run: Run, id: number, path: { name: string; description: string | null; at: string; by: string }): Promise<void> {
    await run('UPDATE career_path SET name = ?, description = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?',
      [path.name, path.description, path.at, path.by, id]);
  },
  async touchPath(run: Run, id: number, at: string, by: string): Promise<void> {
    await run('UPDATE career_path SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?', [at, by, id]);
  },
  async deletePath(run: Run, id: number): Promise<void> {
    await run('DELETE FROM career_path WHERE id = ?', [id]);
  },
  async insertStep(run: Run, values: StepValues, id?: number): Promise<number> {
    if (id === undefined && isPostgres(run)) {
      return insertReturningId(run, `INSERT INTO career_step (${STEP_COLUMNS.join(', ')}, version) VALUES (${marks(STEP_COLUMNS)}, 1)`, stepParams(values));
    }
    await run(`INSERT INTO career_step (id, ${STEP_COLUMNS.join(', ')}, version) VALUES (?, ${marks(STEP_COLUMNS)}, 1)`, [id ?? null, ...stepParams(values)]);
    return id ?? Number((await rowsOf<{ id: number }>(run, 'SELECT last_insert_rowid() AS id'))[0].id);
  },
  async updateStep(run: Run, id: number, values: StepValues): Promise<void> {
    await run(`UPDATE career_step SET ${STEP_COLUMNS.map((c) => `${c} = ?`).join(', ')}, version = version + 1 WHERE id = ?`, [...stepParams(values), id]);
  },
  async deleteStep(run: Run, id: number): Promise<void> {
    await run('DELETE FROM career_step WHERE id = ?', [id]);
  },
  async nextStepSort(run: Run, pathId: number): Promise<number> {
    return Number((await rowsOf<{ n: number | null }>(run, 'SELECT MAX(sort) AS n FROM career_step WHERE path_id = ?', [pathId]))[0].n ?? -1) + 1;
  },
  async nextPathSort(run: Run): Promise<number> {
    return Number((await rowsOf<{ n: number | null }>(run, 'SELECT MAX(sort) AS n FROM career_path', []))[0].n ?? -1) + 1;
  },

  /** The active positions by level, family and eselon: what the default set is built from. */
  positionGroups: (run: Run) => rowsOf<PositionGroupRow>(run,
    `SELECT level, family, kind, eselon, COUNT(*) AS n FROM position WHERE ${isTrue(run, 'active')} GROUP BY level, family, kind, eselon ORDER BY level, family${nullsAsSqlite(run)}, eselon${nullsAsSqlite(run)}`),
  families: async (run: Run) => (await rowsOf<{ family: string }>(run,
    `SELECT DISTINCT family FROM position WHERE ${isTrue(run, 'active')} AND kind = 'fungsional' AND family IS NOT NULL ORDER BY family`)).map((r) => r.family),

  async person(run: Run, employeeId: number, asOf: string): Promise<PersonFactsRow | null> {
    return (await rowsOf<PersonFactsRow>(run, `SELECT ${personColumns(run)} FROM employee e LEFT JOIN position p ON p.id = e.position_id WHERE e.id = ?`,
      [asOf, employeeId]))[0] ?? null;
  },
  /** Every active person in a position of one of these levels. */
  population: (run: Run, levels: readonly string[], asOf: string) => levels.length === 0 ? Promise.resolve([] as PersonFactsRow[]) : rowsOf<PersonFactsRow>(run,
    `SELECT ${personColumns(run)} FROM employee e JOIN position p ON p.id = e.position_id WHERE e.status = 'active' AND p.level IN (${marks(levels)})`,
    [asOf, ...levels]),

  /** The next `limit` of those people after id `after`, in id order (the district read page by page). */
  populationAfter: (run: Run, levels: readonly string[], asOf: string, after: number, limit: number) => levels.length === 0 ? Promise.resolve([] as PersonFactsRow[]) : rowsOf<PersonFactsRow>(run,
    // CROSS JOIN keeps SQLite on the employees' id order (a page is a range of the primary key); by the position's
    // level instead it read and sorted the whole population for every page.
    `SELECT ${personColumns(run)} FROM ${byIdPages(run, 'employee', 'e')} ${isPostgres(run) ? 'JOIN' : 'CROSS JOIN'} position p ON p.id = e.position_id
      WHERE e.status = 'active' AND p.level IN (${marks(levels)}) AND e.id > ? ORDER BY e.id LIMIT ?`,
    [asOf, ...levels, after, limit]),

  /** The active people among these ids in a position of one of these levels. */
  async populationOf(run: Run, ids: readonly number[], levels: readonly string[], asOf: string): Promise<PersonFactsRow[]> {
    if (levels.length === 0) return [];
    const out: PersonFactsRow[] = [];
    for (const chunk of chunks(ids)) {
      out.push(...await rowsOf<PersonFactsRow>(run, `SELECT ${personColumns(run)} FROM employee e JOIN position p ON p.id = e.position_id
        WHERE e.status = 'active' AND p.level IN (${marks(levels)}) AND e.id IN (${marks(chunk)})`, [asOf, ...levels, ...chunk]));
    }
    return out;
  },
  /** Per person, the first end day after the as-of day of a leadership training recorded (it then counts). */
  async upcomingLeadershipTrainings(run: Run, ids: readonly number[] | 'all', asOf: string): Promise<Array<{ employee_id: number; end_date: string }>> {
    const base = `SELECT employee_id, MIN(end_date) AS end_date FROM training_record WHERE type IN (${LEADERSHIP}) AND end_date > ?`;
    if (ids === 'all') return rowsOf<{ employee_id: number; end_date: string }>(run, `${base} GROUP BY employee_id`, [asOf]);
    const out: Array<{ employee_id: number; end_date: string }> = [];
    for (const chunk of chunks(ids)) out.push(...await rowsOf<{ employee_id: number; end_date: string }>(run, `${base} AND employee_id IN (${marks(chunk)}) GROUP BY employee_id`, [asOf, ...chunk]));
    return out;
  },
  /** Current competency levels of these competencies for these people. */
  async competencyLevelsOf(run: Run, ids: readonly number[], competencyIds: readonly number[]) {
    const out: Array<{ employee_id: number; competency_id: number; level: number }> = [];
    if (competencyIds.length === 0) return out;
    for (const chunk of chunks(ids, 400)) {
      out.push(...await rowsOf<{ employee_id: number; competency_id: number; level: number }>(run,
        `SELECT employee_id, competency_id, level FROM employee_competency_current WHERE employee_id IN (${marks(chunk)}) AND competency_id IN (${marks(competencyIds)})`,
        [...chunk, ...competencyIds]));
    }
    return out;
  },

  /** Annual SKP of these years; every person (ids 'all': everyone). */
  async annualSkp(run: Run, ids: readonly number[] | 'all', years: readonly number[]): Promise<SkpRow[]> {
    if (years.length === 0) return [];
    const columns = 'employee_id, year, predikat, regime, legacy_score, legacy_label';
    if (ids === 'all') return rowsOf<SkpRow>(run, `SELECT ${columns} FROM performance_evaluation WHERE period = 'tahunan' AND year IN (${marks(years)})`, [...years]);
    const out: SkpRow[] = [];
    for (const chunk of chunks(ids)) {
      out.push(...await rowsOf<SkpRow>(run, `SELECT ${columns} FROM performance_evaluation WHERE period = 'tahunan' AND year IN (${marks(years)}) AND employee_id IN (${marks(chunk)})`, [...years, ...chunk]));
    }
    return out;
  },
  async discipline(run: Run, ids: readonly number[] | 'all'): Promise<DisciplineRow[]> {
    if (ids === 'all') return rowsOf<DisciplineRow>(run, 'SELECT employee_id, kind, start_date, end_date FROM discipline_record');
    const out: DisciplineRow[] = [];
    for (const chunk of chunks(ids)) out.push(...await rowsOf<DisciplineRow>(run, `SELECT employee_id, kind, start_date, end_date FROM discipline_record WHERE employee_id IN (${marks(chunk)})`, chunk));
    return out;
  },
  /** Current competency levels of these competencies; one person or everyone active. */
  async competencyLevels(run: Run, employeeId: number | 'active', competencyIds: readonly number[]) {
    if (competencyIds.length === 0) return [] as Array<{ employee_id: number; competency_id: number; level: number }>;
    return employeeId === 'active'
      ? rowsOf<{ employee_id: number; competency_id: number; level: number }>(run,
        `SELECT c.employee_id, c.competency_id, c.level FROM employee_competency_current c JOIN employee e ON e.id = c.employee_id
          WHERE e.status = 'active' AND c.competency_id IN (${marks(competencyIds)})`, [...competencyIds])
      : rowsOf<{ employee_id: number; competency_id: number; level: number }>(run,
        `SELECT employee_id, competency_id, level FROM employee_competency_current WHERE employee_id = ? AND competency_id IN (${marks(competencyIds)})`, [employeeId, ...competencyIds]);
  },
  competencyNames: (run: Run, ids: readonly number[]) => ids.length === 0 ? Promise.resolve([] as Array<{ id: number; name: string }>)
    : rowsOf<{ id: number; name: string }>(run, `SELECT id, name FROM competency_definition WHERE id IN (${marks(ids)})`, [...ids]),
  /** The standard a step's target asks: per competency, the lowest level any active target position requires. */
  targetStandard: (run: Run, level: string, family: string | null) => rowsOf<{ competency_id: number; required_level: number }>(run,
    `SELECT s.competency_id, MIN(s.required_level) AS required_level FROM position_competency_standard s JOIN position p ON p.id = s.position_id
      WHERE ${isTrue(run, 'p.active')} AND p.level = ? AND (${nullText(run)} OR p.family = ?) GROUP BY s.competency_id ORDER BY s.competency_id`, [level, family, family]),

  /** The active catalogue offerings of these training types or for these competencies, cheapest first. */
  catalogOfferings: (run: Run, types: readonly string[], competencyIds: readonly number[]) => rowsOf<{ id: number; type: string; competency_id: number | null; jp: number; estimated_cost: number }>(run,
    `SELECT id, type, competency_id, jp, estimated_cost FROM training_catalog
      WHERE ${isTrue(run, 'active')} AND (type IN (${marks(types.length ? types : [''])}) OR competency_id IN (${marks(competencyIds.length ? competencyIds : [0])}))
      ORDER BY estimated_cost, jp DESC, id`, [...(types.length ? types : ['']), ...(competencyIds.length ? competencyIds : [0])]),

  /** One employee's career administration records, each kind newest first. */
  async careerRecords(run: Run, employeeId: number) {
    const [discipline, kgb, study, cltn, honors] = await Promise.all([
      rowsOf<DisciplineRecordRow>(run, `SELECT id, kind, start_date, end_date, decree_number, decree_date, note, source FROM discipline_record
        WHERE employee_id = ? ORDER BY start_date DESC, id DESC`, [employeeId]),
      rowsOf<KgbRecordRow>(run, `SELECT id, tmt, mkg_years, mkg_months, golongan, salary, decree_number, decree_date, source FROM kgb_record
        WHERE employee_id = ? ORDER BY tmt DESC, id DESC`, [employeeId]),
      rowsOf<StudyRecordRow>(run, `SELECT id, basis, institution, programme, level, start_date, end_date, status, funding, izin_date, graduation_date, source
        FROM study_record WHERE employee_id = ? ORDER BY start_date DESC, id DESC`, [employeeId]),
      rowsOf<CltnRecordRow>(run, 'SELECT id, start_date, end_date, decree_number, source FROM cltn_period WHERE employee_id = ? ORDER BY start_date DESC, id DESC', [employeeId]),
      rowsOf<HonorRecordRow>(run, `SELECT id, kind, class, decree_number, decree_date, source FROM honor_award WHERE employee_id = ? ORDER BY decree_date DESC, id DESC`, [employeeId]),
    ]);
    return { discipline, kgb, study, cltn, honors };
  },

  /** Every active position's standard, per level, family and competency the lowest level any of them requires:
   *  targetStandard of every target of these levels at once (the lowest over a subset of these is the subset's lowest). */
  standardsByLevel: (run: Run, levels: readonly string[]) => rowsOf<{ level: string; family: string | null; competency_id: number; required_level: number }>(run,
    `SELECT p.level, p.family, s.competency_id, MIN(s.required_level) AS required_level FROM position_competency_standard s JOIN position p ON p.id = s.position_id
      WHERE ${isTrue(run, 'p.active')} AND p.level IN (${marks(levels)}) GROUP BY p.level, p.family, s.competency_id`, [...levels]),

  /** Target positions that are vacant (no active holder) or whose earliest-retiring holder reaches TMT pensiun by
   *  `until`, the vacant first; at most `limit`, with the total (counted in the same statement, over the groups
   *  before the limit). */
  async vacancies(run: Run, level: string, family: string | null, until: string, limit: number): Promise<{ rows: VacancyRow[]; total: number }> {
    const rows = await rowsOf<VacancyRow & { total: number }>(run, isPostgres(run) && isStructuralLevel(level)
      // PostgreSQL guesses dozens of holders per post (the district's average, pelaksana formations included) and
      // hashed every active employee against the posts (20–25 ms of server time per call at 50,000 people); a
      // structural post has one holder, so each post's holders are counted from idx_employee_holder instead (2–6 ms).
      // A formation level keeps the join: thousands of holders per post are cheaper in one scan.
      ? `SELECT p.id, p.name, u.name AS unit_name, h.holders, h.retiring, COUNT(*) OVER () AS total
        FROM position p LEFT JOIN unit u ON u.id = p.unit_id
        CROSS JOIN LATERAL (SELECT COUNT(e.id) AS holders, MIN(e.retirement_date) AS retiring FROM employee e WHERE e.position_id = p.id AND e.status = 'active') h
        WHERE ${isTrue(run, 'p.active')} AND p.level = ? AND (${nullText(run)} OR p.family = ?) AND (h.holders = 0 OR h.retiring <= ?)
        ORDER BY h.holders > 0, h.retiring NULLS FIRST, p.name LIMIT ?`
      : `SELECT p.id, p.name, u.name AS unit_name, COUNT(e.id) AS holders, MIN(e.retirement_date) AS retiring, COUNT(*) OVER () AS total
        FROM position p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN employee e ON e.position_id = p.id AND e.status = 'active'
        WHERE ${isTrue(run, 'p.active')} AND p.level = ? AND (${nullText(run)} OR p.family = ?) GROUP BY p.id${isPostgres(run) ? ', u.name' : ''}
        HAVING COUNT(e.id) = 0 OR MIN(e.retirement_date) <= ?
        ORDER BY ${isPostgres(run) ? 'COUNT(e.id) > 0, MIN(e.retirement_date) NULLS FIRST' : 'holders > 0, retiring'}, p.name LIMIT ?`,
      [level, family, family, until, limit]);
    return { rows: rows.map(({ total: _total, ...row }) => row), total: rows.length === 0 ? 0 : Number(rows[0].total) };
  },

  /** One person's annual SKP of every year (a handful of rows; the caller keeps the years it asks). */
  annualSkpOfPerson: (run: Run, employeeId: number) => rowsOf<SkpRow>(run,
    `SELECT employee_id, year, predikat, regime, legacy_score, legacy_label FROM performance_evaluation WHERE period = 'tahunan' AND employee_id = ?`, [employeeId]),

  /** One person's current level of every competency assessed (a dozen rows; the caller keeps the ones it asks). */
  competencyLevelsOfPerson: (run: Run, employeeId: number) => rowsOf<{ employee_id: number; competency_id: number; level: number }>(run,
    'SELECT employee_id, competency_id, level FROM employee_competency_current WHERE employee_id = ?', [employeeId]),
};

export type CareerPathsSql = typeof careerPathsSql;
