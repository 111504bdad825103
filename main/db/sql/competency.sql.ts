// Competency maps: the dictionary, position standards, assessments, one employee's profile and the Peta Kompetensi
// dashboards (read from the derived tables of competency-profile.sql.ts). The JPM rule's SQL is jpm.sql.ts.

import { asFlag, countWhere, isNotSame, isPostgres, isSame, isTrue, jsonValues, jsonValuesTable, least, sumInt } from './dialect';
import { employeeRowColumns, employeeRowJoins, readEmployeeRow, type EmployeeRowFields } from './employee-rows.sql';
import { marks, rowsOf, type Run } from './run';

export interface DefinitionRow {
  id: number;
  code: string;
  name: string;
  group: string;
  description: string | null;
  level_descriptors: string | null;
  active: number;
}

export interface DefinitionValues {
  code: string;
  name: string;
  group: string;
  description: string | null;
  levelDescriptors: string[];
  active: boolean;
}

export interface StandardRow {
  competency_id: number;
  code: string;
  name: string;
  group: string;
  required_level: number;
}

export interface PositionHeader {
  id: number;
  name: string;
  level: string;
  kind: string;
  family: string | null;
  unit_id: number | null;
  unit_name: string | null;
  holders: number;
  version: number;
}

export interface DashboardScope {
  /** Column of the derived tables to group by: root_unit_id (top level) or unit_id (a subtree). */
  groupColumn: 'root_unit_id' | 'unit_id';
  /** Restricts a unit column to the scope (from population.sql.ts rowMapping). */
  scope: (column: string) => string;
  params: unknown[];
  levels: readonly string[] | null;
}

const DEFINITION_COLUMNS = `id, code, name, "group", description, level_descriptors, active`;
const definitionColumns = (run: Run) => DEFINITION_COLUMNS.replace(/\bactive$/, asFlag(run, 'active') + (isPostgres(run) ? ' AS active' : ''));
const levelFilter = (column: string, levels: readonly string[] | null) => (levels ? `AND ${column} IN (${marks(levels)})` : '');

export const competencySql = {
  // ------------------------------------------------------------------ dictionary

  definitions: (run: Run) => rowsOf<DefinitionRow>(run, `SELECT ${definitionColumns(run)} FROM competency_definition ORDER BY sort_order, code`),

  async definition(run: Run, id: number): Promise<DefinitionRow | null> {
    return (await rowsOf<DefinitionRow>(run, `SELECT ${definitionColumns(run)} FROM competency_definition WHERE id = ?`, [id]))[0] ?? null;
  },

  /** Another definition already using this code (excluding `exceptId`). */
  async codeTaken(run: Run, code: string, exceptId: number | null): Promise<boolean> {
    return (await rowsOf(run, `SELECT id FROM competency_definition WHERE code = ? AND id ${isNotSame(run)} ?`, [code, exceptId])).length > 0;
  },

  async updateDefinition(run: Run, id: number, v: DefinitionValues): Promise<void> {
    await run(`UPDATE competency_definition SET code = ?, name = ?, "group" = ?, description = ?, level_descriptors = ?, active = ? WHERE id = ?`,
      [v.code, v.name, v.group, v.description, JSON.stringify(v.levelDescriptors), v.active ? 1 : 0, id]);
  },

  /** Appends a definition at the end of the dictionary's order; returns its id. */
  async insertDefinition(run: Run, v: DefinitionValues): Promise<number> {
    const [{ next }] = await rowsOf<{ next: number }>(run, 'SELECT COALESCE(MAX(sort_order), 0) + 1 AS next FROM competency_definition');
    const [{ id }] = await rowsOf<{ id: number }>(run,
      `INSERT INTO competency_definition (code, name, "group", description, level_descriptors, active, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [v.code, v.name, v.group, v.description, JSON.stringify(v.levelDescriptors), v.active ? 1 : 0, next]);
    return id;
  },

  /** "M.01 Integritas" per id, for the ids that exist. */
  async definitionLabels(run: Run, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await rowsOf<{ id: number; code: string; name: string }>(run, `SELECT id, code, name FROM competency_definition WHERE id IN (${marks(ids)})`, [...ids]);
    return new Map(rows.map((r) => [r.id, `${r.code} ${r.name}`]));
  },

  // ------------------------------------------------------------------ standards

  async positionHeader(run: Run, positionId: number): Promise<PositionHeader | null> {
    return (await rowsOf<PositionHeader>(run,
      `SELECT p.id, p.name, p.level, p.kind, p.family, p.unit_id, p.version, u.name AS unit_name,
              (SELECT COUNT(*) FROM employee e WHERE e.position_id = p.id AND e.status = 'active') AS holders
       FROM position p LEFT JOIN unit u ON u.id = p.unit_id WHERE p.id = ?`, [positionId]))[0] ?? null;
  },

  async positionExists(run: Run, positionId: number): Promise<boolean> {
    return (await rowsOf(run, 'SELECT id FROM position WHERE id = ?', [positionId])).length > 0;
  },

  /** A position's standard in the dictionary's order. */
  standardOf: (run: Run, positionId: number) => rowsOf<StandardRow>(run,
    `SELECT s.competency_id, c.code, c.name, c."group", s.required_level FROM position_competency_standard s
     JOIN competency_definition c ON c.id = s.competency_id WHERE s.position_id = ? ORDER BY c.sort_order, c.code`, [positionId]),

  /** Positions of the same level with a standard (same family first, then those without a unit): sources to copy from. */
  similarStandards: (run: Run, position: Pick<PositionHeader, 'id' | 'level' | 'family'>, limit: number) =>
    rowsOf<{ id: number; name: string; unit_name: string | null; items: number }>(run,
      `SELECT p.id, p.name, u.name AS unit_name, COUNT(s.id) AS items FROM position p LEFT JOIN unit u ON u.id = p.unit_id
       JOIN position_competency_standard s ON s.position_id = p.id
       WHERE p.level = ? AND p.id != ? GROUP BY p.id${isPostgres(run) ? ', u.name' : ''}
       ORDER BY (p.family ${isSame(run)} ?) DESC, (p.unit_id IS NULL) DESC, p.name LIMIT ?`, [position.level, position.id, position.family, limit]),

  standardLevels: (run: Run, positionId: number) => rowsOf<{ competencyId: number; requiredLevel: number }>(run,
    'SELECT competency_id AS "competencyId", required_level AS "requiredLevel" FROM position_competency_standard WHERE position_id = ? ORDER BY competency_id', [positionId]),

  async replaceStandard(run: Run, positionId: number, items: ReadonlyArray<{ competencyId: number; requiredLevel: number }>): Promise<void> {
    await run('DELETE FROM position_competency_standard WHERE position_id = ?', [positionId]);
    for (const item of items) {
      await run('INSERT INTO position_competency_standard (position_id, competency_id, required_level) VALUES (?, ?, ?)', [positionId, item.competencyId, item.requiredLevel]);
    }
  },

  async positionsWithoutStandard(run: Run, limit: number) {
    const where = `NOT EXISTS (SELECT 1 FROM position_competency_standard s WHERE s.position_id = p.id) AND ${isTrue(run, 'p.active')}`;
    const [{ total }] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total FROM position p WHERE ${where}`);
    const rows = await rowsOf<{ id: number; name: string; level: string; unit_name: string | null; holders: number }>(run,
      `SELECT p.id, p.name, p.level, u.name AS unit_name, (SELECT COUNT(*) FROM employee e WHERE e.position_id = p.id AND e.status = 'active') AS holders
       FROM position p LEFT JOIN unit u ON u.id = p.unit_id WHERE ${where} ORDER BY holders DESC, p.name LIMIT ?`, [limit]);
    return { total, rows };
  },

  // ------------------------------------------------------------------ one employee

  async employeeHeader(run: Run, employeeId: number): Promise<(EmployeeRowFields & { positionId: number | null; birthDate: string }) | null> {
    const [row] = await rowsOf<Record<string, unknown>>(run,
      `SELECT ${employeeRowColumns('e')}, e.position_id, e.birth_date FROM employee e ${employeeRowJoins('e')} WHERE e.id = ?`, [employeeId]);
    return row ? { ...readEmployeeRow(row), positionId: (row.position_id as number | null) ?? null, birthDate: row.birth_date as string } : null;
  },

  /** The latest level per competency, with the date and method of the assessment it comes from. */
  currentLevels: (run: Run, employeeId: number) => rowsOf<{ competency_id: number; level: number; assessed_on: string; method: string }>(run,
    `SELECT c.competency_id, c.level, c.assessed_on, a.method FROM employee_competency_current c
     JOIN competency_assessment a ON a.id = c.assessment_id WHERE c.employee_id = ?`, [employeeId]),

  /** Latest levels of many people in the given competencies: employee → competency → level. */
  async levelsOf(run: Run, employeeIds: readonly number[], competencyIds: readonly number[]): Promise<Map<number, Map<number, number>>> {
    const out = new Map<number, Map<number, number>>();
    if (employeeIds.length === 0 || competencyIds.length === 0) return out;
    const rows = await rowsOf<{ e: number; c: number; l: number }>(run,
      `SELECT c.employee_id AS e, c.competency_id AS c, c.level AS l FROM ${jsonValuesTable(run, 'j')}
       JOIN employee_competency_current c ON c.employee_id = j.value
       WHERE c.competency_id IN (${jsonValues(run)})`, [JSON.stringify(employeeIds), JSON.stringify(competencyIds)]);
    for (const r of rows) {
      let levels = out.get(r.e);
      if (!levels) out.set(r.e, (levels = new Map()));
      levels.set(r.c, r.l);
    }
    return out;
  },

  assessmentHistory: (run: Run, employeeId: number) => rowsOf<{ id: number; competency_id: number; code: string; name: string; level: number; assessed_on: string; method: string; assessor: string | null; source: string }>(run,
    `SELECT a.id, a.competency_id, c.code, c.name, a.level, a.assessed_on, a.method, a.assessor, a.source
     FROM competency_assessment a JOIN competency_definition c ON c.id = a.competency_id
     WHERE a.employee_id = ? ORDER BY a.assessed_on DESC, c.sort_order, a.id DESC`, [employeeId]),

  async insertAssessment(run: Run, a: { employeeId: number; competencyId: number; level: number; assessedOn: string; method: string; assessor: string | null; notes: string | null; createdAt: string }): Promise<void> {
    await run(`INSERT INTO competency_assessment (employee_id, competency_id, level, assessed_on, method, assessor, notes, source, snapshot_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'manual', NULL, ?)`, [a.employeeId, a.competencyId, a.level, a.assessedOn, a.method, a.assessor, a.notes, a.createdAt]);
  },

  // ------------------------------------------------------------------ dashboards (derived tables)

  /** Active competencies that appear in some standard, in the dictionary's order: the heatmap's columns. */
  heatmapCompetencies: (run: Run) => rowsOf<{ id: number; code: string; name: string; group: string }>(run,
    `SELECT id, code, name, "group" FROM competency_definition WHERE ${isTrue(run, 'active')}
     AND id IN (SELECT DISTINCT competency_id FROM competency_gap_summary) ORDER BY sort_order, code`),

  heatmapCells: (run: Run, d: DashboardScope) => rowsOf<{ unit_id: number; competency_id: number; employees: number; assessed: number; meeting: number; gap_sum: number }>(run,
    `SELECT s.${d.groupColumn} AS unit_id, s.competency_id, ${sumInt(run, 's.employees')} AS employees, ${sumInt(run, 's.assessed')} AS assessed, ${sumInt(run, 's.meeting')} AS meeting, ${sumInt(run, 's.gap_sum')} AS gap_sum
     FROM competency_gap_summary s WHERE ${d.scope('s.unit_id')} ${levelFilter('s.position_level', d.levels)}
     GROUP BY s.${d.groupColumn}, s.competency_id`, [...d.params, ...(d.levels ?? [])]),

  heatmapTotals: (run: Run, d: DashboardScope) => rowsOf<{ unit_id: number; active: number; no_standard: number | null; not_assessed: number | null; partial: number | null; complete: number | null; sum_jpm: number | null }>(run,
    `SELECT h.${d.groupColumn} AS unit_id, ${sumInt(run, 'h.employees')} AS active, ${sumInt(run, "CASE WHEN h.status = 'no_standard' THEN h.employees END")} AS no_standard,
            ${sumInt(run, "CASE WHEN h.status = 'not_assessed' THEN h.employees END")} AS not_assessed, ${sumInt(run, "CASE WHEN h.status = 'partial' THEN h.employees END")} AS partial,
            ${sumInt(run, "CASE WHEN h.status = 'complete' THEN h.employees END")} AS complete, SUM(h.jpm_sum) AS sum_jpm
     FROM competency_jpm_histogram h WHERE ${d.scope('h.unit_id')} ${levelFilter('h.position_level', d.levels)}
     GROUP BY h.${d.groupColumn}`, [...d.params, ...(d.levels ?? [])]),

  jpmHistogram: (run: Run, d: DashboardScope) => rowsOf<{ unit_id: number; level: string; status: string; bucket: string; n: number; sum_jpm: number | null }>(run,
    `SELECT h.${d.groupColumn} AS unit_id, h.position_level AS level, h.status, h.bucket, ${sumInt(run, 'h.employees')} AS n, SUM(h.jpm_sum) AS sum_jpm
     FROM competency_jpm_histogram h
     WHERE h.status != 'no_standard' AND ${d.scope('h.unit_id')} ${levelFilter('h.position_level', d.levels)}
     GROUP BY h.${d.groupColumn}, h.position_level, h.status, h.bucket`, [...d.params, ...(d.levels ?? [])]),

  /** The employees behind one heatmap cell (active, with this competency in their standard), worst gap first. */
  async cellEmployees(run: Run, q: { competencyId: number; unitId: number; subtree: boolean; levels: readonly string[] | null; limit: number; offset: number }) {
    const unitClause = q.subtree
      ? `pr.unit_id IN (SELECT d.id FROM unit d, unit s WHERE s.id = ? AND substr(d.path, 1, length(s.path)) = s.path)`
      : 'pr.unit_id = ?';
    const where = `WHERE ${isTrue(run, 'pr.active')} AND ${unitClause} ${levelFilter('pr.position_level', q.levels)}`;
    const from = `FROM employee_competency_profile pr
      JOIN position_competency_standard st ON st.position_id = pr.position_id AND st.competency_id = ?
      LEFT JOIN employee_competency_current cc ON cc.employee_id = pr.employee_id AND cc.competency_id = st.competency_id`;
    const params = [q.competencyId, q.unitId, ...(q.levels ?? [])];
    const [{ total }] = await rowsOf<{ total: number }>(run, `SELECT COUNT(*) AS total ${from} ${where}`, params);
    const rows = await rowsOf<Record<string, unknown>>(run,
      `SELECT ${employeeRowColumns('e')}, st.required_level, cc.level AS actual, cc.level - st.required_level AS gap, pr.jpm, pr.status
       ${from} JOIN employee e ON e.id = pr.employee_id ${employeeRowJoins('e')}
       ${where}
       ORDER BY ${isPostgres(run) ? '(cc.level - st.required_level)' : 'gap'} IS NULL, gap ASC, e.name COLLATE NOCASE LIMIT ? OFFSET ?`, [...params, q.limit, q.offset]);
    return {
      total,
      rows: rows.map((r) => ({
        person: readEmployeeRow(r), required: r.required_level as number, actual: (r.actual as number | null) ?? null, gap: (r.gap as number | null) ?? null,
        percent: (r.jpm as number | null) ?? null, status: r.status as string,
      })),
    };
  },

  /**
   * Who in the district matches a position best: the JPM sums of every active employee assessed in some competency
   * of its standard, complete assessments first, then by Σ min (the standard's Σ required is the same for all).
   */
  bestMatchSums: (run: Run, positionId: number, standardCount: number, limit: number) => rowsOf<{ employee_id: number; n: number; ach: number; below: number }>(run,
    `SELECT c.employee_id, COUNT(*) AS n, ${sumInt(run, least(run, 'c.level', 's.required_level'))} AS ach, ${countWhere(run, 'c.level < s.required_level')} AS below
     FROM position_competency_standard s
     JOIN employee_competency_current c ON c.competency_id = s.competency_id
     JOIN employee e ON e.id = c.employee_id AND e.status = 'active'
     WHERE s.position_id = ?
     GROUP BY c.employee_id
     ORDER BY (COUNT(*) = ?) DESC, ach DESC, below ASC, c.employee_id
     LIMIT ?`, [positionId, standardCount, limit]),

  /** Employee rows (and each one's position id) for a list of ids. */
  async employeeRows(run: Run, ids: readonly number[]): Promise<Map<number, EmployeeRowFields & { positionId: number | null }>> {
    if (ids.length === 0) return new Map();
    const rows = await rowsOf<Record<string, unknown>>(run,
      `SELECT ${employeeRowColumns('e')}, e.position_id FROM employee e ${employeeRowJoins('e')} WHERE e.id IN (${marks(ids)})`, [...ids]);
    return new Map(rows.map((r) => [r.employee_id as number, { ...readEmployeeRow(r), positionId: (r.position_id as number | null) ?? null }]));
  },

  /** stats --json "competency": profile rows of active employees whose position has a standard. */
  statsRows: (run: Run) => rowsOf<{ status: string; category: string | null; n: number; sum_jpm: number | null }>(run,
    `SELECT status, category, COUNT(*) AS n, SUM(jpm) AS sum_jpm FROM employee_competency_profile
     WHERE ${isTrue(run, 'active')} AND status != 'no_standard' GROUP BY status, category`),
};

export type CompetencySql = typeof competencySql;
