// Data quality: what the checks of shared/domain/quality.ts read, the derived table employee_quality (one row per
// active employee with the bits of the stable checks and the duplicate key) kept on write, and the index history.
// test/quality/derived.test.ts compares the table with a full evaluation after each kind of write.

import { asFlag, byIdPages, isPostgres, jsonValues } from './dialect';
import { stableBits, duplicateKey, type QualityFacts } from '../../../shared/domain/quality';
import { marks, rowsOf, type Prepared, type Run } from './run';

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

/** One row of employee_quality with what the dated checks and the grouping read beside it. */
export interface QualityDerivedRow {
  id: number;
  root_unit_id: number | null;
  /** The materialised path of the employee's unit ("/3/17/"), for a unit's subtree. */
  unit_path: string | null;
  applicable_mask: number;
  found_mask: number;
  duplicate_key: string | null;
  cpns_tmt: string | null;
  retirement_date: string | null;
  /** 1 when a final annual SKP of the asked year is on record. */
  has_skp: number;
}

/** What the index reads of a person (main/db/quality-index.ts bitsOn): the stored bits and the dated checks' facts. */
export type QualityBitsRow = Pick<QualityDerivedRow, 'applicable_mask' | 'found_mask' | 'duplicate_key' | 'cpns_tmt' | 'retirement_date' | 'has_skp'>;

/** A person of a unit's population as its index reads them: 1 in `duplicated` when another active person of the
 *  district holds the same duplicate key. */
export interface QualityPopulationRow extends QualityBitsRow {
  duplicated: number;
}

/** Whom a read covers: every active employee, or these ids (the active ones among them). */
export type FactScope = 'all' | readonly number[];

/** The columns of `employee` the checks read (factRows), for the refresher's routing in main/db/derived.ts. */
export const QUALITY_EMPLOYEE_COLUMNS = ['nip', 'name', 'employment_type', 'birth_date', 'gender', 'cpns_tmt', 'golongan', 'golongan_tmt',
  'education_level', 'position_id', 'position_tmt', 'unit_id', 'retirement_date', 'status'] as const;

const ids = (rows: Array<{ id: number }>) => new Set(rows.map((r) => r.id));
// An id list is one JSON parameter read by json_each: one statement per table whatever the number of ids.
const within = (run: Run, scope: FactScope, column: string) => (scope === 'all' ? '' : ` AND ${column} IN (${jsonValues(run)})`);
const params = (scope: FactScope) => (scope === 'all' ? [] : [JSON.stringify(scope)]);

const factsFrom = (employee: string) => `SELECT e.id, e.nip, e.name, e.employment_type, e.birth_date, e.gender, e.cpns_tmt, e.golongan, e.golongan_tmt,
            e.education_level, e.position_id, p.kind AS position_kind, p.level AS position_level, p.eselon, e.position_tmt,
            e.unit_id, u.name AS unit_name, u.root_id AS root_unit_id, e.retirement_date
     FROM ${employee}
     LEFT JOIN position p ON p.id = e.position_id
     LEFT JOIN unit u ON u.id = e.unit_id`;

function factRows(run: Run, scope: FactScope): Promise<QualityFactRow[]> {
  return rowsOf<QualityFactRow>(run, `${factsFrom('employee e')} WHERE e.status = 'active'${within(run, scope, 'e.id')}`, params(scope));
}

/** The next `limit` active employees after id `after`, in id order (a district read page by page). */
function factRowsAfter(run: Run, after: number, limit: number): Promise<QualityFactRow[]> {
  return rowsOf<QualityFactRow>(run, `${factsFrom(byIdPages(run, 'employee', 'e'))} WHERE e.status = 'active' AND e.id > ? ORDER BY e.id LIMIT ?`, [after, limit]);
}

/** `skpYear` null: the SKP is not read (the derived table keeps only the stable checks, which do not ask it). */
async function presence(run: Run, scope: FactScope, skpYear: number | null): Promise<QualityPresence> {
  const p = params(scope);
  const byEmployee = within(run, scope, 'employee_id');
  const skp = skpYear === null ? [] : await rowsOf<{ id: number }>(run,
    `SELECT DISTINCT employee_id AS id FROM performance_evaluation WHERE year = ? AND period = 'tahunan'${byEmployee}`, [skpYear, ...p]);
  const potential = await rowsOf<{ id: number }>(run, `SELECT DISTINCT employee_id AS id FROM potential_assessment WHERE 1 = 1${byEmployee}`, p);
  const competency = await rowsOf<{ id: number }>(run, `SELECT DISTINCT employee_id AS id FROM competency_assessment WHERE 1 = 1${byEmployee}`, p);
  const histories = await rowsOf<{ id: number; n: number }>(run,
    `SELECT employee_id AS id, COUNT(*) AS n FROM position_history WHERE end_date IS NULL${byEmployee} GROUP BY employee_id HAVING COUNT(*) > 1`, p);
  const standards = await rowsOf<{ id: number }>(run, scope === 'all'
    ? 'SELECT DISTINCT position_id AS id FROM position_competency_standard'
    : `SELECT DISTINCT position_id AS id FROM position_competency_standard WHERE position_id IN (SELECT position_id FROM employee WHERE id IN (${jsonValues(run)}))`, p);
  const pilihan = await rowsOf<{ id: number }>(run,
    `SELECT DISTINCT employee_id AS id FROM rank_history WHERE kind IN ('pilihan_struktural', 'pilihan_fungsional')${byEmployee}`, p);
  return {
    withSkp: ids(skp), withPotential: ids(potential), withCompetency: ids(competency),
    openHistories: new Map(histories.map((h) => [h.id, h.n])), positionsWithStandard: ids(standards),
    withKpPilihan: ids(pilihan),
  };
}

function toFacts(row: QualityFactRow, has: QualityPresence): QualityFacts {
  return {
    nip: row.nip, name: row.name, employmentType: row.employment_type, birthDate: row.birth_date, gender: row.gender,
    cpnsTmt: row.cpns_tmt, golongan: row.golongan, golonganTmt: row.golongan_tmt, educationLevel: row.education_level,
    positionId: row.position_id, positionKind: row.position_kind, positionLevel: row.position_level, positionTmt: row.position_tmt,
    eselon: row.eselon,
    positionHasStandard: row.position_id === null ? null : has.positionsWithStandard.has(row.position_id),
    unitId: row.unit_id, retirementDate: row.retirement_date, hasSkpLastYear: has.withSkp.has(row.id),
    hasPotentialAssessment: has.withPotential.has(row.id), hasCompetencyAssessment: has.withCompetency.has(row.id),
    openPositionHistories: has.openHistories.get(row.id) ?? 1, hasKpPilihan: has.withKpPilihan.has(row.id),
  };
}

/** The whole record of each active employee in scope as the checks read it. */
export async function readQualityFacts(run: Run, scope: FactScope, skpYear: number | null): Promise<Array<{ row: QualityFactRow; facts: QualityFacts }>> {
  const part = scope === 'all' ? 'all' : [...new Set(scope)];
  const rows = await factRows(run, part);
  const has = await presence(run, part, skpYear);
  return rows.map((row) => ({ row, facts: toFacts(row, has) }));
}

const INSERT_BATCH = 200;
/** Employees per page of a full refresh. */
const FULL_REFRESH_PAGE = 2_000;
const insertSql = (n: number) =>
  `INSERT INTO employee_quality (employee_id, applicable_mask, found_mask, duplicate_key) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?)').join(', ')}`;

async function insertEvaluated(run: Run, people: ReadonlyArray<{ row: QualityFactRow; facts: QualityFacts }>): Promise<void> {
  for (let i = 0; i < people.length; i += INSERT_BATCH) {
    const batch = people.slice(i, i + INSERT_BATCH);
    const values: unknown[] = [];
    for (const { row, facts } of batch) {
      const bits = stableBits(facts);
      values.push(row.id, bits.applicable, bits.found, duplicateKey(facts));
    }
    await run(insertSql(batch.length), values);
  }
}

/** Recomputes the employee_quality rows of these employees (or of everyone): a row per active employee, none for others. */
export async function refreshQualityChecks(run: Run, employeeIds: readonly number[] | 'all', page = FULL_REFRESH_PAGE): Promise<void> {
  if (employeeIds === 'all') {
    await run('DELETE FROM employee_quality', []);
    // Page by page: a page's rows and facts die young, where 50,000 of each held through the whole evaluation
    // outlived the young generation and stayed on the heap as garbage until the end of a first import.
    const has = await presence(run, 'all', null);
    for (let after = 0; ;) {
      const rows = await factRowsAfter(run, after, page);
      if (rows.length === 0) break;
      await insertEvaluated(run, rows.map((row) => ({ row, facts: toFacts(row, has) })));
      after = rows[rows.length - 1].id;
    }
    return;
  }
  if (employeeIds.length === 0) return;
  await run(`DELETE FROM employee_quality WHERE employee_id IN (${jsonValues(run)})`, [JSON.stringify([...new Set(employeeIds)])]);
  await insertEvaluated(run, await readQualityFacts(run, employeeIds, null));
}

/** A local correction with the person it concerns, for the list and the export for SIASN. */
export interface LocalCorrectionRow {
  id: number;
  employee_id: number;
  nip: string;
  name: string;
  field: string;
  check_key: string;
  siasn_value: string | null;
  corrected_value: string;
  corrected_at: string;
  corrected_by: string;
  status: string;
  disagreed_in_snapshot: number | null;
  disagreed_value: string | null;
  disagreed_file: string | null;
  closed_at: string | null;
}

type OpenCorrectionRow = { id: number; employee_id: number; field: string; corrected_value: string };
const OPEN_CORRECTIONS = `SELECT id, employee_id, field, corrected_value FROM local_correction WHERE status = 'aktif' ORDER BY id`;

function correctionsByEmployee(rows: OpenCorrectionRow[]): Map<number, Array<{ id: number; field: string; corrected: string }>> {
  const byEmployee = new Map<number, Array<{ id: number; field: string; corrected: string }>>();
  for (const r of rows) byEmployee.set(r.employee_id, [...(byEmployee.get(r.employee_id) ?? []), { id: r.id, field: r.field, corrected: r.corrected_value }]);
  return byEmployee;
}

/** Open local corrections by employee, as the snapshot import's plan reads them (synchronous statements). */
export function openCorrectionsByEmployee(stored: Prepared): Map<number, Array<{ id: number; field: string; corrected: string }>> {
  return correctionsByEmployee(stored.statement(OPEN_CORRECTIONS).all() as OpenCorrectionRow[]);
}

/** The same through a Run (a server: read before planning). */
export async function openCorrectionsByEmployeeOn(run: Run): Promise<Map<number, Array<{ id: number; field: string; corrected: string }>>> {
  return correctionsByEmployee(await rowsOf<OpenCorrectionRow>(run, OPEN_CORRECTIONS));
}

/** The import's writes to local_correction, in its transaction: SIASN now agrees (closed as selesai), or still
 *  disagrees in this snapshot (remembered with its value). `before` returns the row as it was, for the undo log. */
export const correctionImportSql = {
  async before(run: Run, id: number): Promise<Record<string, unknown>> {
    const [row] = await rowsOf<Record<string, unknown>>(run, 'SELECT status, disagreed_in_snapshot, disagreed_value, closed_at FROM local_correction WHERE id = ?', [id]);
    return row;
  },
  async agreed(run: Run, id: number, closedAt: string): Promise<void> {
    await run(`UPDATE local_correction SET status = 'selesai', closed_at = ? WHERE id = ?`, [closedAt, id]);
  },
  async disagreed(run: Run, id: number, snapshotId: number, value: string | null): Promise<void> {
    await run('UPDATE local_correction SET disagreed_in_snapshot = ?, disagreed_value = ? WHERE id = ?', [snapshotId, value, id]);
  },
};

/** A QualityBitsRow's columns over employee_quality q and employee e. The SKP of the year (the first parameter) is
 *  looked up by each person's own key, so that a unit's read does not list the district's year. */
const bitsColumns = (run: Run) => `q.applicable_mask, q.found_mask, q.duplicate_key, e.cpns_tmt, e.retirement_date,
  ${asFlag(run, `EXISTS (SELECT 1 FROM performance_evaluation s WHERE s.employee_id = q.employee_id AND s.year = ? AND s.period = 'tahunan')`)} AS has_skp`;

/** A QualityDerivedRow's columns: the bits' columns with the person's id and unit (unit u). */
const derivedColumns = (run: Run) => `q.employee_id AS id, u.root_id AS root_unit_id, u.path AS unit_path, ${bitsColumns(run)}`;

export const qualitySql = {
  readFacts: readQualityFacts,

  /** employee_quality with the facts of the dated checks, optionally within one perangkat daerah; in name order
   *  when `ordered` (the lists). On SQLite employee_quality is read in order and each person's row found by id
   *  (CROSS JOIN keeps that order): scanning the active people by idx_employee_active_unit instead, which holds the
   *  two dates, visits employee_quality and the SKP in unit order and was slower at 50,000. */
  derived(run: Run, skpYear: number, rootUnitId: number | null, ordered: boolean): Promise<QualityDerivedRow[]> {
    return rowsOf<QualityDerivedRow>(run,
      `SELECT ${derivedColumns(run)}
       FROM employee_quality q
       ${isPostgres(run) ? 'JOIN' : 'CROSS JOIN'} employee e ON e.id = q.employee_id
       LEFT JOIN unit u ON u.id = e.unit_id
       WHERE e.status = 'active'${rootUnitId === null ? '' : ' AND u.root_id = ?'}${ordered ? ' ORDER BY e.name, e.nip' : ''}`,
      rootUnitId === null ? [skpYear] : [skpYear, rootUnitId]);
  },

  /** What the index of one unit's population reads of each active person in its subtree (`path`, the unit's
   *  materialised path): the stored bits, the facts of the dated checks, and whether another active person anywhere
   *  in the district holds the same duplicate key. A report of one unit reads its own people and looks up only their
   *  own keys (idx_employee_quality_duplicate_key), not the district's. employee_quality holds a row per active
   *  employee and none for others (refreshQualityChecks), so the other half of a pair needs no status check. */
  populationInSubtree(run: Run, skpYear: number, path: string): Promise<QualityPopulationRow[]> {
    return rowsOf<QualityPopulationRow>(run,
      `SELECT ${bitsColumns(run)},
         ${asFlag(run, 'EXISTS (SELECT 1 FROM employee_quality d WHERE d.duplicate_key = q.duplicate_key AND d.employee_id <> q.employee_id)')} AS duplicated
       FROM employee e
       JOIN employee_quality q ON q.employee_id = e.id
       WHERE e.status = 'active' AND e.unit_id IN (SELECT id FROM unit WHERE path LIKE ?)`,
      [skpYear, `${path}%`]);
  },

  /** The derived table as stored, by employee (for the comparison with a full evaluation). */
  stored(run: Run): Promise<Array<{ employee_id: number; applicable_mask: number; found_mask: number; duplicate_key: string | null }>> {
    return rowsOf(run, 'SELECT employee_id, applicable_mask, found_mask, duplicate_key FROM employee_quality ORDER BY employee_id');
  },

  /** The stored weights setting (JSON), read by SQL where no settings service is at hand (the import's commit). */
  async weightsSetting(run: Run): Promise<string | null> {
    const [row] = await rowsOf<{ value: string }>(run, `SELECT value FROM app_setting WHERE key = 'quality.weights'`);
    return row?.value ?? null;
  },

  insertHistory(run: Run, row: { takenOn: string; takenAt: string; reason: string; snapshotId: number | null; unitId: number | null; population: number; index: number | null }): unknown {
    return run(`INSERT INTO quality_index_history (taken_on, taken_at, reason, snapshot_id, unit_id, population, quality_index) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [row.takenOn, row.takenAt, row.reason, row.snapshotId, row.unitId, row.population, row.index]);
  },

  /** Whether the index was recorded on this day (after an import or by the daily record). */
  async recordedOn(run: Run, day: string): Promise<boolean> {
    return (await rowsOf(run, 'SELECT 1 FROM quality_index_history WHERE taken_on = ? LIMIT 1', [day])).length > 0;
  },

  /** The recorded index over time, oldest first, for the district (unit null) or one perangkat daerah; the
   *  records of an import later undone are left out. */
  history(run: Run, unitId: number | null): Promise<Array<{ taken_on: string; taken_at: string; reason: string; snapshot_id: number | null; file_name: string | null; population: number; quality_index: number | null }>> {
    return rowsOf(run,
      `SELECT h.taken_on, h.taken_at, h.reason, h.snapshot_id, s.file_name, h.population, h.quality_index
       FROM quality_index_history h LEFT JOIN import_snapshot s ON s.id = h.snapshot_id
       WHERE ${unitId === null ? 'h.unit_id IS NULL' : 'h.unit_id = ?'} AND (h.snapshot_id IS NULL OR s.status = 'committed')
       ORDER BY h.taken_at, h.id`,
      unitId === null ? [] : [unitId]);
  },

  /** Each perangkat daerah's recorded index at these imports. */
  unitsAtSnapshots(run: Run, snapshotIds: readonly number[]): Promise<Array<{ unit_id: number; snapshot_id: number; quality_index: number | null }>> {
    return rowsOf(run, `SELECT unit_id, snapshot_id, quality_index FROM quality_index_history WHERE unit_id IS NOT NULL AND snapshot_id IN (${marks(snapshotIds)})`, [...snapshotIds]);
  },

  insertCorrection(run: Run, c: { employeeId: number; field: string; checkKey: string; siasnValue: string | null; correctedValue: string; at: string; by: string }): unknown {
    return run(`INSERT INTO local_correction (employee_id, field, check_key, siasn_value, corrected_value, corrected_at, corrected_by, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'aktif')`,
      [c.employeeId, c.field, c.checkKey, c.siasnValue, c.correctedValue, c.at, c.by]);
  },

  /** Local corrections, newest first: the open ones (status aktif) or all. */
  corrections(run: Run, openOnly: boolean): Promise<LocalCorrectionRow[]> {
    return rowsOf(run,
      `SELECT c.id, c.employee_id, e.nip, e.name, c.field, c.check_key, c.siasn_value, c.corrected_value, c.corrected_at, c.corrected_by, c.status,
              c.disagreed_in_snapshot, c.disagreed_value, s.file_name AS disagreed_file, c.closed_at
       FROM local_correction c JOIN employee e ON e.id = c.employee_id LEFT JOIN import_snapshot s ON s.id = c.disagreed_in_snapshot
       ${openOnly ? `WHERE c.status = 'aktif'` : ''}
       ORDER BY c.corrected_at DESC, c.id DESC`);
  },

  async correction(run: Run, id: number): Promise<LocalCorrectionRow | undefined> {
    const [row] = await rowsOf<LocalCorrectionRow>(run,
      `SELECT c.id, c.employee_id, e.nip, e.name, c.field, c.check_key, c.siasn_value, c.corrected_value, c.corrected_at, c.corrected_by, c.status,
              c.disagreed_in_snapshot, c.disagreed_value, s.file_name AS disagreed_file, c.closed_at
       FROM local_correction c JOIN employee e ON e.id = c.employee_id LEFT JOIN import_snapshot s ON s.id = c.disagreed_in_snapshot
       WHERE c.id = ?`, [id]);
    return row;
  },

  closeCorrection(run: Run, id: number, status: 'diganti' | 'selesai', at: string): unknown {
    return run('UPDATE local_correction SET status = ?, closed_at = ? WHERE id = ?', [status, at, id]);
  },

  /** The office keeps its correction against this snapshot's SIASN value: the disagreement is acknowledged. */
  keepCorrection(run: Run, id: number): unknown {
    return run('UPDATE local_correction SET disagreed_in_snapshot = NULL, disagreed_value = NULL WHERE id = ?', [id]);
  },

  async unit(run: Run, id: number): Promise<{ name: string; path: string } | undefined> {
    const [row] = await rowsOf<{ name: string; path: string }>(run, 'SELECT name, path FROM unit WHERE id = ?', [id]);
    return row;
  },

  /** The perangkat daerah (top units) by id, for the rows of the index table. */
  opds(run: Run): Promise<Array<{ id: number; name: string }>> {
    return rowsOf(run, 'SELECT id, name FROM unit WHERE parent_id IS NULL ORDER BY sort_order, name');
  },
};

export type QualitySql = typeof qualitySql;
