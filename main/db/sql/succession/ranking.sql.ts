// The candidate ranking over the whole district. The basic requirements (status, golongan, level, years in post,
// education, age, retirement) run inside SQLite as 0/1 expressions built from the same BasicFilterSpec as the
// TypeScript filter (shared/domain/succession/checks.ts): one aggregate row counts the failures per requirement,
// and a read by the positions whose level can qualify returns only those who pass, with their derived facts and
// their JPM sums against the target's standard (the JPM rule's SQL mirror). Both run on the covering index
// idx_employee_succession_basic, so neither reads the wide rows of the people who cannot qualify. test/succession/succession.service.test.ts holds the SQL and the TypeScript
// filters to the same answers for every employee of a demo district.
//
// The hot reads take the better-sqlite3 handle and run prepared statements in raw mode (arrays, not objects): the
// ranking reads thousands of people per call, and that measured about a fifth faster than manager.query.

import { jsonValues, jsonValuesTable } from '../dialect';
import type BetterSqlite3 from 'better-sqlite3';
import type { BasicFacts, BasicFilterSpec, CheckKey } from '../../../../shared/domain/succession';
import { employeeRowColumns, employeeRowJoins, readEmployeeRow, type EmployeeRowFields, type SqlCondition } from '../employee-rows.sql';
import { jpmSql } from '../jpm.sql';
import { rowsOf, type Run } from '../run';

type Db = BetterSqlite3.Database;

export interface FailCondition {
  key: CheckKey;
  /** 1 when the requirement fails, else 0 (never NULL, so NOT works). */
  sql: string;
  params: unknown[];
}

const inList = (values: readonly unknown[]) => (values.length ? values.map(() => '?').join(',') : 'NULL');

/**
 * The basic requirements as SQL over `employee e LEFT JOIN position p`. `failingPositionIds` (positions whose
 * level fails "one step below") lets the jenjang check run without a join to position, which measured a quarter
 * of the scan's time; without it the check reads p.level.
 */
function basicFailConditions(spec: BasicFilterSpec, failingPositionIds?: readonly number[]): FailCondition[] {
  const jenjang: FailCondition = failingPositionIds
    ? { key: 'jenjang', sql: `COALESCE(e.position_id IN (SELECT value FROM json_each(?)), 0)`, params: [JSON.stringify(failingPositionIds)] }
    : { key: 'jenjang', sql: `COALESCE(p.level IN (${inList(spec.failingLevels)}), 0)`, params: [...spec.failingLevels] };
  const conditions: FailCondition[] = [
    { key: 'status_pns', sql: `(e.employment_type <> 'PNS')`, params: [] },
    { key: 'golongan', sql: `COALESCE(e.golongan IN (${inList(spec.failingGolongan)}), 0)`, params: [...spec.failingGolongan] },
    jenjang,
    { key: 'masa_jabatan', sql: `COALESCE(e.position_tmt <= ? AND e.position_tmt > ?, 0)`, params: [spec.today, spec.tenureLimit] },
    { key: 'pendidikan', sql: `COALESCE(e.education_level IN (${inList(spec.failingEducation)}), 0)`, params: [...spec.failingEducation] },
  ];
  if (spec.tooOldIfBornBy !== null) conditions.push({ key: 'usia', sql: `(e.birth_date <= ?)`, params: [spec.tooOldIfBornBy] });
  conditions.push({ key: 'pensiun', sql: `COALESCE(e.retirement_date <= ?, 0)`, params: [spec.vacancyDate] });
  if (spec.disciplineBlocked.length > 0) conditions.push({ key: 'hukuman_disiplin', sql: `(e.id IN (SELECT value FROM json_each(?)))`, params: [JSON.stringify(spec.disciplineBlocked)] });
  return conditions;
}

/** One person's record and derived facts, in the order of FACTS_COLUMNS, then the packed JPM achievement. */
export type FactsRow = [
  id: number, employmentType: string, golongan: number | null, golonganTmt: string | null, positionId: number | null, level: string | null,
  positionTmt: string | null, education: string | null, birthDate: string, retirementDate: string | null,
  skp1Year: number | null, skp1Predikat: string | null, skp1Legacy: string | null, skp2Year: number | null, skp2Predikat: string | null, skp2Legacy: string | null,
  talentYear: number | null, talentBox: number | null, talentKinerja: number | null, talentPotensi: number | null, talentCalibrated: number, talentProvisional: number, talentComputed: number,
  leadership: string | null, hasTraining: number, positionRumpun: string | null, opdName: string | null, historyRumpun: string | null,
  packedJpm: number | null,
];

/** Separates the entries of historyRumpun (rumpun names may hold commas). */
export const HISTORY_SEPARATOR = '\u001f';
/** Marks an entry of historyRumpun that is the name of a perangkat daerah, not a rumpun. */
export const OPD_MARK = '\u001e';

/** The employee columns FACTS_COLUMNS reads: every one is in idx_employee_succession_basic (the id is its rowid). */
const RECORD_COLUMNS = 'e.id, e.employment_type, e.golongan, e.golongan_tmt, e.position_id, e.position_tmt, e.education_level, e.birth_date, e.retirement_date, e.unit_id';

/** Each person's record (employee e, position p), derived facts (succession_employee_facts f), the rumpun of the
 *  current post with the unit the person works in, and the earlier posts of the position history as
 *  `position_id,unit_id` entries read from idx_position_history_employee alone. withRumpunTexts turns the unit into
 *  the name of its perangkat daerah (the field of a post that has no rumpun, such as a pelaksana formation shared
 *  by many units) and the history into its FactsRow text. Looking posts and units up per person in SQL (five
 *  searches per history entry and person) took about a third of the pool's read at 50,000 employees; the few
 *  hundred posts and units are read once per call instead. */
const FACTS_COLUMNS = `e.id, e.employment_type, e.golongan, e.golongan_tmt, e.position_id, p.level, e.position_tmt, e.education_level, e.birth_date, e.retirement_date,
  f.skp1_year, f.skp1_predikat, f.skp1_legacy, f.skp2_year, f.skp2_predikat, f.skp2_legacy,
  f.talent_year, f.talent_box, f.talent_kinerja, f.talent_potensi, COALESCE(f.talent_calibrated, 0), COALESCE(f.talent_provisional, 0), COALESCE(f.talent_computed, 0), f.leadership, COALESCE(f.has_training, 0),
  p.rumpun, e.unit_id,
  (SELECT group_concat(COALESCE(h.position_id, '') || ',' || COALESCE(h.unit_id, ''), char(31)) FROM position_history h
   WHERE h.employee_id = e.id AND h.position_id IS NOT e.position_id)`;

/**
 * Turns the unit and history columns of rows read with FACTS_COLUMNS into their FactsRow texts (in place): the
 * unit into the name of its perangkat daerah (NULL without one), each history entry into the rumpun of its post
 * or, for a post without one, OPD_MARK and the name of the perangkat daerah of its unit (skipped without one),
 * joined by HISTORY_SEPARATOR in the order read (NULL when nothing is left).
 */
function withRumpunTexts(db: Db, rows: unknown[][]): FactsRow[] {
  if (rows.length === 0) return rows as FactsRow[];
  const postRumpun = new Map((db.prepare('SELECT id, rumpun FROM position').raw(true).all() as Array<[number, string | null]>));
  const unitOpd = new Map((db.prepare('SELECT u.id, r.name FROM unit u JOIN unit r ON r.id = u.root_id').raw(true).all() as Array<[number, string | null]>));
  const textByEntries = new Map<string, string | null>();
  const historyText = (entries: string): string | null => {
    const parts: string[] = [];
    for (const entry of entries.split(HISTORY_SEPARATOR)) {
      const comma = entry.indexOf(',');
      const positionId = entry.slice(0, comma);
      const unitId = entry.slice(comma + 1);
      const rumpun = positionId === '' ? null : postRumpun.get(Number(positionId)) ?? null;
      if (rumpun !== null) parts.push(rumpun);
      else {
        const opd = unitId === '' ? null : unitOpd.get(Number(unitId)) ?? null;
        if (opd !== null) parts.push(OPD_MARK + opd);
      }
    }
    return parts.length > 0 ? parts.join(HISTORY_SEPARATOR) : null;
  };
  for (const row of rows) {
    const unitId = row[UNIT_COLUMN] as number | null;
    row[UNIT_COLUMN] = unitId === null ? null : unitOpd.get(unitId) ?? null;
    const entries = row[HISTORY_COLUMN] as string | null;
    if (entries === null) continue;
    let text = textByEntries.get(entries);
    if (text === undefined) textByEntries.set(entries, (text = historyText(entries)));
    row[HISTORY_COLUMN] = text;
  }
  return rows as FactsRow[];
}

/** Where FACTS_COLUMNS puts the unit (FactsRow's opdName) and the history entries (FactsRow's historyRumpun). */
const UNIT_COLUMN = 26;
const HISTORY_COLUMN = 27;

/** The JPM column of a facts row: the person's achievement against the target's standard (an integer id from our
 *  own database, written into the text so the expression can sit in any statement). */
const jpmColumn = (targetPositionId: number) => jpmSql.packedAchievement(String(Math.trunc(Number(targetPositionId))), 'e.id');

const andFilter = (filter: SqlCondition | null) => (filter ? ` AND ${filter.sql}` : '');

type BasicRow = [number, string, number | null, string | null, number | null, string | null, string | null, string | null, string, string | null];

export interface EmployeeSummaryRow extends EmployeeRowFields {
  positionId: number | null;
  golongan: number | null;
  retirementDate: string | null;
  status: string;
  /** Plans (of any position) this person is a candidate in. */
  planCount: number;
}

export const rankingSql = {
  basicFailConditions,

  /** Positions whose level fails "one step below" (see basicFailConditions). */
  async failingPositionIds(run: Run, levels: readonly string[]): Promise<number[]> {
    return (await rowsOf<{ id: number }>(run, `SELECT id FROM position WHERE level IN (${jsonValues(run, 'texts')})`, [JSON.stringify(levels)])).map((p) => p.id);
  },

  /** Every active employee's record (to list the ineligible too). */
  basicFacts(db: Db, filter: SqlCondition | null): BasicFacts[] {
    const rows = db.prepare(
      `SELECT e.id, e.employment_type, e.golongan, e.golongan_tmt, e.position_id, p.level, e.position_tmt, e.education_level, e.birth_date, e.retirement_date
       FROM employee e LEFT JOIN position p ON p.id = e.position_id WHERE e.status = 'active'${andFilter(filter)}`)
      .raw(true).all(...(filter?.params ?? [])) as BasicRow[];
    return rows.map(([id, employmentType, golongan, golonganTmt, positionId, level, positionTmt, education, birthDate, retirementDate]) => ({
      employeeId: id, employmentType, golongan, golonganTmt, positionId, level, positionTmt, education, birthDate, retirementDate,
    }));
  },

  /** Active employees considered (one excluded: the incumbent) and the failures per basic requirement, counted
   *  from idx_employee_succession_basic alone (every column the conditions read is in it). */
  basicFailureCounts(db: Db, fails: readonly FailCondition[], filter: SqlCondition | null, excludeId: number | null): { evaluated: number; byKey: Map<CheckKey, number> } {
    const row = db.prepare(
      `SELECT COUNT(*), ${fails.map((f) => `SUM(${f.sql})`).join(', ')} FROM employee e
       WHERE e.status = 'active' AND e.id IS NOT ?${andFilter(filter)}`)
      .raw(true).get(...fails.flatMap((f) => f.params), excludeId, ...(filter?.params ?? [])) as Array<number | null>;
    return { evaluated: row[0] ?? 0, byKey: new Map(fails.map((f, i) => [f.key, row[i + 1] ?? 0])) };
  },

  /**
   * The people who pass every basic requirement, with their facts and JPM sums. The pool is found inside
   * idx_employee_succession_basic: only the holders of positions whose level passes "one step below" (and people
   * without a position, whose jenjang is unknown and so not failed) are visited, each checked against the other
   * requirements in the index; only those who pass have their row, facts and JPM read.
   */
  poolFacts(db: Db, q: { targetPositionId: number; spec: BasicFilterSpec; filter: SqlCondition | null; excludeId: number | null }): FactsRow[] {
    // The jenjang requirement is the choice of positions itself; the others are checked per person.
    const others = basicFailConditions(q.spec).filter((f) => f.key !== 'jenjang');
    const rest = `e.id IS NOT ?${andFilter(q.filter)}${others.map((f) => ` AND NOT ${f.sql}`).join('')}`;
    const restParams = [q.excludeId, ...(q.filter?.params ?? []), ...others.flatMap((f) => f.params)];
    // The pool's rows carry the record the facts read (RECORD_COLUMNS, all in the index), so the outer query names
    // them `e` and never joins the employee table.
    return withRumpunTexts(db, db.prepare(
      `SELECT ${FACTS_COLUMNS}, ${jpmColumn(q.targetPositionId)}
       FROM (SELECT ${RECORD_COLUMNS} FROM employee e WHERE e.status = 'active'
               AND e.position_id IN (SELECT id FROM position WHERE level NOT IN (SELECT value FROM json_each(?))) AND ${rest}
             UNION ALL
             SELECT ${RECORD_COLUMNS} FROM employee e WHERE e.status = 'active' AND e.position_id IS NULL AND ${rest}) e
       LEFT JOIN position p ON p.id = e.position_id LEFT JOIN succession_employee_facts f ON f.employee_id = e.id`)
      .raw(true).all(JSON.stringify(q.spec.failingLevels), ...restParams, ...restParams) as unknown[][]);
  },

  /** The same facts for chosen people. */
  factsOf(db: Db, ids: readonly number[], targetPositionId: number): FactsRow[] {
    if (ids.length === 0) return [];
    return withRumpunTexts(db, db.prepare(
      `SELECT ${FACTS_COLUMNS}, ${jpmColumn(targetPositionId)} FROM json_each(?) j JOIN employee e ON e.id = j.value
       LEFT JOIN position p ON p.id = e.position_id LEFT JOIN succession_employee_facts f ON f.employee_id = e.id`)
      .raw(true).all(JSON.stringify(ids)) as unknown[][]);
  },

  /** The rows a ranking or a plan shows: the employee row, golongan, TMT pensiun, status and plan count. */
  async employeeSummaries(run: Run, ids: readonly number[]): Promise<Map<number, EmployeeSummaryRow>> {
    if (ids.length === 0) return new Map();
    const rows = await rowsOf<Record<string, unknown>>(run,
      `SELECT ${employeeRowColumns('e')}, e.position_id, e.golongan, e.retirement_date, e.status,
              (SELECT COUNT(*) FROM succession_candidate c WHERE c.employee_id = e.id) AS plan_count
       FROM ${jsonValuesTable(run, 'j')} JOIN employee e ON e.id = j.value ${employeeRowJoins('e')}`, [JSON.stringify(ids)]);
    return new Map(rows.map((r) => {
      const person = readEmployeeRow(r);
      return [person.employeeId, {
        ...person, positionId: (r.position_id as number | null) ?? null, golongan: (r.golongan as number | null) ?? null,
        retirementDate: (r.retirement_date as string | null) ?? null, status: r.status as string, planCount: r.plan_count as number,
      }];
    }));
  },

  /** The people in this position's saved plan. */
  async planMembers(run: Run, positionId: number): Promise<Set<number>> {
    const rows = await rowsOf<{ employee_id: number }>(run,
      'SELECT c.employee_id FROM succession_candidate c JOIN succession_plan sp ON sp.id = c.plan_id WHERE sp.position_id = ?', [positionId]);
    return new Set(rows.map((r) => r.employee_id));
  },
};
