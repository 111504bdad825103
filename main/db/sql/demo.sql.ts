// The demo district's writes (main/demo/): the base rows (units, positions, employees, history), each
// capability's demo rows, and the reads of the sample SIASN file. Writers prepare their statement once per
// transaction and return a synchronous function for the row loop; the benchmark's raw better-sqlite3 baseline
// runs the same INSERT texts (`demoInserts`).

import type BetterSqlite3 from 'better-sqlite3';
import { rowsOf, type Prepared, type Run } from './run';

/** The INSERTs of the base rows, with ids given (the demo generator numbers its rows). */
export const demoInserts = {
  unit: `INSERT INTO unit (id, code, name, kind, parent_id, root_id, path, depth, sort_order, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  position: `INSERT INTO position (id, code, name, kind, level, eselon, unit_id, family, min_golongan, max_golongan, bup_override, is_key, quota, active)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  employee: `INSERT INTO employee (id, nip, nip_lama, siasn_id, front_title, name, back_title, birth_place, birth_date, gender, employment_type,
            cpns_tmt, pns_tmt, golongan, golongan_tmt, mk_golongan_years, mk_golongan_months, position_id, position_tmt, unit_id, education_level, education_major,
            education_institution, education_year, status, status_date, email, phone, notes, version, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?, ?)`,
  positionHistory: `INSERT INTO position_history (employee_id, position_id, position_name, position_level, unit_id, unit_name, tmt, end_date, sk_number, source, snapshot_id, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', NULL, ?)`,
  rankHistory: `INSERT INTO rank_history (employee_id, golongan, tmt, kind, sk_number, mk_years, mk_months, source, snapshot_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'demo', NULL, ?)`,
} as const;

type Writer = (...params: unknown[]) => BetterSqlite3.RunResult;

function writer(tx: Prepared, sql: string): Writer {
  const statement = tx.statement(sql);
  return (...params) => statement.run(...params);
}

/** One stored setting, as the demo load carries it between a team server and its staging file. */
export interface SettingRow {
  key: string;
  value: string;
  updated_at: string;
}

/** Every stored setting. */
const settingRows = (run: Run): Promise<SettingRow[]> => rowsOf<SettingRow>(run, 'SELECT key, value, updated_at FROM app_setting ORDER BY key');

/** Adds the rows whose key is not set yet; a key already set keeps its value (both databases' ON CONFLICT). */
async function addSettingsIfAbsent(run: Run, rows: readonly SettingRow[]): Promise<void> {
  for (const row of rows) await run('INSERT INTO app_setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING', [row.key, row.value, row.updated_at]);
}

/** Removes every stored setting (of the demo's staging file, once its settings were taken out). */
const clearSettings = async (run: Run): Promise<void> => {
  await run('DELETE FROM app_setting', []);
};

/** An app_setting row unless the office already set that key (loading the demo never overwrites a setting). */
const settingIfAbsent = (tx: Prepared): ((key: string, value: string, now: string) => number) => {
  const insert = tx.statement('INSERT INTO app_setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING');
  return (key, value, now) => insert.run(key, value, now).changes;
};

// Competency -------------------------------------------------------------------------------------------------

/** The managerial and socio-cultural competencies, in dictionary order. */
const managerialCompetencies = (tx: Prepared) =>
  tx.statement(`SELECT id, code FROM competency_definition WHERE active = 1 AND "group" IN ('manajerial', 'sosial_kultural') ORDER BY sort_order`).all() as Array<{ id: number; code: string }>;

/** (position_id, competency_id, required_level) */
const standards = (tx: Prepared) => writer(tx, 'INSERT INTO position_competency_standard (position_id, competency_id, required_level) VALUES (?, ?, ?)');

/** (employee_id, competency_id, level, assessed_on, method, assessor, created_at) */
const assessments = (tx: Prepared) => writer(tx, `INSERT INTO competency_assessment (employee_id, competency_id, level, assessed_on, method, assessor, notes, source, snapshot_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, NULL, 'demo', NULL, ?)`);

// Development ------------------------------------------------------------------------------------------------

const competencyIdsByCode = (tx: Prepared): Map<string, number> =>
  new Map((tx.statement('SELECT id, code FROM competency_definition').all() as Array<{ id: number; code: string }>).map((c) => [c.code, c.id]));

/** (title, type, jp, estimated_cost, provider, competency_id) */
const catalogEntries = (tx: Prepared) => writer(tx, 'INSERT INTO training_catalog (title, type, jp, estimated_cost, provider, competency_id, active) VALUES (?, ?, ?, ?, ?, ?, 1)');

/** (employee_id, title, type, provider, start_date, end_date, jp, cost, certificate_number, catalog_id, created_at) */
const trainings = (tx: Prepared) => writer(tx, `INSERT INTO training_record (employee_id, title, type, provider, start_date, end_date, jp, cost, certificate_number, catalog_id, source, snapshot_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', NULL, ?)`);

/** (mentor_id, mentee_id, goals, start_date, end_date, status, created_at) */
const mentoringRelations = (tx: Prepared) => writer(tx, 'INSERT INTO mentoring_relation (mentor_id, mentee_id, goals, start_date, end_date, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');

/** (relation_id, session_date, notes, created_at) */
const mentoringSessions = (tx: Prepared) => writer(tx, 'INSERT INTO mentoring_session (relation_id, session_date, notes, created_at) VALUES (?, ?, ?, ?)');

/** The competency standard of a position, in dictionary order. */
const positionStandard = (tx: Prepared) => {
  const statement = tx.statement(`SELECT s.competency_id, c.code, c.name, s.required_level FROM position_competency_standard s
      JOIN competency_definition c ON c.id = s.competency_id WHERE s.position_id = ? AND c.active = 1 ORDER BY c.sort_order, c.code`);
  return (positionId: number) => statement.all(positionId) as Array<{ competency_id: number; code: string; name: string; required_level: number }>;
};

/** An employee's current competency levels. */
const currentLevels = (tx: Prepared) => {
  const statement = tx.statement('SELECT competency_id, level FROM employee_competency_current WHERE employee_id = ?');
  return (employeeId: number) => statement.all(employeeId) as Array<{ competency_id: number; level: number }>;
};

/** (employee_id, year, notes, created_at, updated_at) */
const developmentPlans = (tx: Prepared) => writer(tx, `INSERT INTO development_plan (employee_id, year, target_position_id, notes, created_by, created_at, updated_at) VALUES (?, ?, NULL, ?, 'Data demo', ?, ?)`);

/** (plan_id, competency_id, requirement, current_level, target_level, activity, catalog_id, jp, estimated_cost, target_date, status, training_record_id, updated_at) */
const developmentPlanItems = (tx: Prepared) => writer(tx, `INSERT INTO development_plan_item (plan_id, competency_id, requirement, current_level, target_level, activity, catalog_id, jp, estimated_cost, target_date, status, training_record_id, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

/** (unit_id, year, ceiling, updated_at) */
const budgets = (tx: Prepared) => writer(tx, 'INSERT INTO development_budget (unit_id, year, ceiling, updated_at) VALUES (?, ?, ?, ?)');

// Succession -------------------------------------------------------------------------------------------------

/** (id, position_id, notes, updated_by, updated_at, created_at) */
const successionPlans = (tx: Prepared) => writer(tx, 'INSERT INTO succession_plan (id, position_id, notes, revision, updated_by, updated_at, created_at) VALUES (?, ?, ?, 1, ?, ?, ?)');

/** (plan_id, employee_id, readiness, rank, added_by, added_at) */
const successionCandidates = (tx: Prepared) => writer(tx, 'INSERT INTO succession_candidate (plan_id, employee_id, readiness, rank, notes, added_by, added_at) VALUES (?, ?, ?, ?, NULL, ?, ?)');

/** (plan_id, saved_by, saved_at, summary, snapshot) */
const successionRevisions = (tx: Prepared) => writer(tx, 'INSERT INTO succession_plan_revision (plan_id, revision, saved_by, saved_at, summary, snapshot) VALUES (?, 1, ?, ?, ?, ?)');

// The sample SIASN file ----------------------------------------------------------------------------------------

export interface SampleEmployeeRow {
  id: number; nip: string; siasn_id: string | null; nip_lama: string | null; name: string; front_title: string | null; back_title: string | null;
  birth_place: string | null; birth_date: string; gender: string; employment_type: string; cpns_tmt: string | null; pns_tmt: string | null;
  golongan: number | null; golongan_tmt: string | null; mk_golongan_years: number | null; mk_golongan_months: number | null; position_tmt: string | null; education_level: string | null; education_major: string | null;
  education_institution: string | null; education_year: number | null; email: string | null; phone: string | null;
  pcode: string | null; pname: string | null; pkind: string | null; unit_id: number | null; ucode: string | null; uname: string | null;
  root_id: number | null; rcode: string | null; rname: string | null; l1code: string | null; l1name: string | null;
}

/** Active employees with their position, unit, perangkat daerah and first-level unit, by id. */
const sampleEmployees = (tx: Prepared) => tx.statement(`
    SELECT e.id, e.nip, e.siasn_id, e.nip_lama, e.name, e.front_title, e.back_title, e.birth_place, e.birth_date, e.gender, e.employment_type,
           e.cpns_tmt, e.pns_tmt, e.golongan, e.golongan_tmt, e.mk_golongan_years, e.mk_golongan_months, e.position_tmt, e.education_level, e.education_major, e.education_institution,
           e.education_year, e.email, e.phone, p.code AS pcode, p.name AS pname, p.kind AS pkind, e.unit_id, u.code AS ucode, u.name AS uname,
           u.root_id, r.code AS rcode, r.name AS rname,
           CASE WHEN u.depth >= 2 THEN pu.code ELSE u.code END AS l1code, CASE WHEN u.depth >= 2 THEN pu.name ELSE u.name END AS l1name
    FROM employee e LEFT JOIN position p ON p.id = e.position_id LEFT JOIN unit u ON u.id = e.unit_id
    LEFT JOIN unit r ON r.id = u.root_id LEFT JOIN unit pu ON pu.id = u.parent_id
    WHERE e.status = 'active' ORDER BY e.id`).all() as SampleEmployeeRow[];

const activeUnits = (tx: Prepared) =>
  tx.statement('SELECT id, code, name, root_id, depth, parent_id FROM unit WHERE active = 1').all() as Array<{ id: number; code: string | null; name: string; root_id: number; depth: number; parent_id: number | null }>;

const settingValue = (tx: Prepared, key: string): string | null =>
  (tx.statement('SELECT value FROM app_setting WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;

export const demoSql = {
  settingIfAbsent,
  settingRows,
  addSettingsIfAbsent,
  clearSettings,
  managerialCompetencies,
  standards,
  assessments,
  competencyIdsByCode,
  catalogEntries,
  trainings,
  mentoringRelations,
  mentoringSessions,
  positionStandard,
  currentLevels,
  developmentPlans,
  developmentPlanItems,
  budgets,
  successionPlans,
  successionCandidates,
  successionRevisions,
  sampleEmployees,
  activeUnits,
  settingValue,
};

export type DemoSql = typeof demoSql;
