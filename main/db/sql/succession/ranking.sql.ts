// The candidate ranking over the whole district. The basic requirements (status, golongan, level, years in post,
// education, age, retirement) run inside SQLite as 0/1 expressions built from the same BasicFilterSpec as the
// TypeScript filter (shared/domain/succession/checks.ts): one aggregate row counts the failures per requirement,
// and a read by the positions whose level can qualify returns only those who pass, with their derived facts and
// their JPM sums against the target's standard (the JPM rule's SQL mirror). Both run on the covering index
// idx_employee_succession_basic, so neither reads the wide rows of the people who cannot qualify. test/succession/succession.service.test.ts holds the SQL and the TypeScript
// filters to the same answers for every employee of a demo district.
//
// The hot reads take a TupleSource: on SQLite the better-sqlite3 handle, with statements in raw mode (arrays, not
// objects): the ranking reads thousands of people per call, and that measured about a fifth faster than
// manager.query. In team mode the same reads go through a Run toward the server, in PostgreSQL's spelling (0/1
// integers cast from booleans, string_agg, json_array_elements_text), every column named apart so that the row
// objects become the same arrays (tuplesOf).

import { isPostgres, jsonValues, jsonValuesTable } from '../dialect';
import type BetterSqlite3 from 'better-sqlite3';
import { spellingOf, tuplesOf, type TupleSource } from '../tuples';
import type { BasicFacts, BasicFilterSpec, CheckKey } from '../../../../shared/domain/succession';
import { employeeRowColumns, employeeRowJoins, readEmployeeRow, type EmployeeRowFields, type SqlCondition } from '../employee-rows.sql';
import { jpmSql } from '../jpm.sql';
import { rowsOf, type Dialect, type Run } from '../run';

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
 * of the scan's time; without it the check reads p.level. On PostgreSQL each condition is the same comparison
 * cast from boolean to 0/1 (NULL stays NULL where SQLite's would).
 */
function basicFailConditions(spec: BasicFilterSpec, failingPositionIds?: readonly number[], dialect: Dialect = 'sqlite'): FailCondition[] {
  const pg = dialect === 'postgres';
  // SQLite's COALESCE(x, 0) of a comparison; PostgreSQL's comparison is boolean.
  const orZero = (comparison: string) => (pg ? `CAST(COALESCE(${comparison}, false) AS integer)` : `COALESCE(${comparison}, 0)`);
  const flag = (comparison: string) => (pg ? `CAST(${comparison} AS integer)` : comparison);
  const ids = pg ? 'SELECT CAST(value AS bigint) AS value FROM json_array_elements_text(CAST(? AS json))' : 'SELECT value FROM json_each(?)';
  const jenjang: FailCondition = failingPositionIds
    ? { key: 'jenjang', sql: orZero(`e.position_id IN (${ids})`), params: [JSON.stringify(failingPositionIds)] }
    : { key: 'jenjang', sql: orZero(`p.level IN (${inList(spec.failingLevels)})`), params: [...spec.failingLevels] };
  const conditions: FailCondition[] = [
    { key: 'status_pns', sql: flag(`(e.employment_type <> 'PNS')`), params: [] },
    { key: 'golongan', sql: orZero(`e.golongan IN (${inList(spec.failingGolongan)})`), params: [...spec.failingGolongan] },
    jenjang,
    { key: 'masa_jabatan', sql: orZero('e.position_tmt <= ? AND e.position_tmt > ?'), params: [spec.today, spec.tenureLimit] },
    { key: 'pendidikan', sql: orZero(`e.education_level IN (${inList(spec.failingEducation)})`), params: [...spec.failingEducation] },
  ];
  if (spec.tooOldIfBornBy !== null) conditions.push({ key: 'usia', sql: flag('(e.birth_date <= ?)'), params: [spec.tooOldIfBornBy] });
  conditions.push({ key: 'pensiun', sql: orZero('e.retirement_date <= ?'), params: [spec.vacancyDate] });
  if (spec.disciplineBlocked.length > 0) conditions.push({ key: 'hukuman_disiplin', sql: flag(`(e.id IN (${ids}))`), params: [JSON.stringify(spec.disciplineBlocked)] });
  return conditions;
}

/** A failure condition does not hold (SQLite's NOT of a 0/1; PostgreSQL's NOT takes booleans only). */
const notFailing = (pg: boolean, condition: string) => (pg ? `${condition} = 0` : `NOT ${condition}`);

/** One person's record and derived facts, in the order of factsColumns, then the packed JPM achievement. */
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

/** The employee columns factsColumns reads: every one is in idx_employee_succession_basic (the id is its rowid). */
const RECORD_COLUMNS = 'e.id, e.employment_type, e.golongan, e.golongan_tmt, e.position_id, e.position_tmt, e.education_level, e.birth_date, e.retirement_date, e.unit_id';

/** Each person's record (employee e, position p), derived facts (succession_employee_facts f), the rumpun of the
 *  current post with the unit the person works in, and the earlier posts of the position history as
 *  `position_id,unit_id` entries read from idx_position_history_employee alone. withRumpunTexts turns the unit into
 *  the name of its perangkat daerah (the field of a post that has no rumpun, such as a pelaksana formation shared
 *  by many units) and the history into its FactsRow text. Looking posts and units up per person in SQL (five
 *  searches per history entry and person) took about a third of the pool's read at 50,000 employees; the few
 *  hundred posts and units are read once per call instead. */
function factsColumns(pg: boolean): string {
  if (!pg) {
    return `e.id, e.employment_type, e.golongan, e.golongan_tmt, e.position_id, p.level, e.position_tmt, e.education_level, e.birth_date, e.retirement_date,
  f.skp1_year, f.skp1_predikat, f.skp1_legacy, f.skp2_year, f.skp2_predikat, f.skp2_legacy,
  f.talent_year, f.talent_box, f.talent_kinerja, f.talent_potensi, COALESCE(f.talent_calibrated, 0), COALESCE(f.talent_provisional, 0), COALESCE(f.talent_computed, 0), f.leadership, COALESCE(f.has_training, 0),
  p.rumpun, e.unit_id,
  (SELECT group_concat(COALESCE(h.position_id, '') || ',' || COALESCE(h.unit_id, ''), char(31)) FROM position_history h
   WHERE h.employee_id = e.id AND h.position_id IS NOT e.position_id)`;
  }
  // The flags are booleans; the history in the order SQLite reads idx_position_history_employee (TMT, NULL first).
  const flag = (column: string) => `CAST(COALESCE(f.${column}, false) AS integer) AS ${column}`;
  return `e.id, e.employment_type, e.golongan, e.golongan_tmt, e.position_id, p.level, e.position_tmt, e.education_level, e.birth_date, e.retirement_date,
  f.skp1_year, f.skp1_predikat, f.skp1_legacy, f.skp2_year, f.skp2_predikat, f.skp2_legacy,
  f.talent_year, f.talent_box, f.talent_kinerja, f.talent_potensi, ${flag('talent_calibrated')}, ${flag('talent_provisional')}, ${flag('talent_computed')}, f.leadership, ${flag('has_training')},
  p.rumpun, e.unit_id,
  (SELECT string_agg(COALESCE(CAST(h.position_id AS text), '') || ',' || COALESCE(CAST(h.unit_id AS text), ''), chr(31)
     ORDER BY h.tmt NULLS FIRST, h.position_id NULLS FIRST, h.unit_id NULLS FIRST, h.id) FROM position_history h
   WHERE h.employee_id = e.id AND h.position_id IS DISTINCT FROM e.position_id) AS history_entries`;
}

/** The rumpun of posts and the perangkat daerah of units (NULL without one), by id: what withRumpunTexts looks up. */
interface RumpunReferences {
  postRumpun: Map<number, string | null>;
  unitOpd: Map<number, string | null>;
}

/** Every post and unit: a pool of thousands of people names most of them. */
async function everyReference(source: TupleSource): Promise<RumpunReferences> {
  const [posts, units] = await Promise.all([
    tuplesOf<[number, string | null]>(source, 'SELECT id, rumpun FROM position', []),
    tuplesOf<[number, string | null]>(source, 'SELECT u.id, r.name FROM unit u JOIN unit r ON r.id = u.root_id', []),
  ]);
  return { postRumpun: new Map(posts), unitOpd: new Map(units) };
}

/** Only the posts and units these people's rows can name (their unit, the posts and units of their position
 *  history), in one statement: a plan's few candidates name a dozen of the district's thousands. */
async function referencesOfPeople(source: TupleSource, ids: readonly number[]): Promise<RumpunReferences> {
  const run = spellingOf(source);
  const people = JSON.stringify(ids);
  // Each part driven from the ids through the indexes (a post or unit named twice comes twice: the maps keep one).
  const rows = await tuplesOf<[string, number, string | null]>(source,
    `SELECT 'p' AS kind, p.id AS id, p.rumpun AS text FROM ${jsonValuesTable(run, 'j')}
       JOIN position_history h ON h.employee_id = j.value JOIN position p ON p.id = h.position_id
     UNION ALL
     SELECT 'u', u.id, r.name FROM ${jsonValuesTable(run, 'j')}
       JOIN position_history h ON h.employee_id = j.value JOIN unit u ON u.id = h.unit_id JOIN unit r ON r.id = u.root_id
     UNION ALL
     SELECT 'u', u.id, r.name FROM ${jsonValuesTable(run, 'j')}
       JOIN employee e ON e.id = j.value JOIN unit u ON u.id = e.unit_id JOIN unit r ON r.id = u.root_id`, [people, people, people]);
  const out: RumpunReferences = { postRumpun: new Map(), unitOpd: new Map() };
  for (const [kind, id, text] of rows) (kind === 'p' ? out.postRumpun : out.unitOpd).set(id, text);
  return out;
}

/**
 * Turns the unit and history columns of rows read with factsColumns into their FactsRow texts (in place): the
 * unit into the name of its perangkat daerah (NULL without one), each history entry into the rumpun of its post
 * or, for a post without one, OPD_MARK and the name of the perangkat daerah of its unit (skipped without one),
 * joined by HISTORY_SEPARATOR in the order read (NULL when nothing is left). The references are read beside the
 * rows (on a server at the same time), never after them.
 */
function withRumpunTexts(rows: unknown[][], { postRumpun, unitOpd }: RumpunReferences): FactsRow[] {
  if (rows.length === 0) return rows as FactsRow[];
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

/** Up to this many people, factsOf reads only the posts and units they name (a ranking's page, a plan). */
const FEW_PEOPLE = 200;

/** Where factsColumns puts the unit (FactsRow's opdName) and the history entries (FactsRow's historyRumpun). */
const UNIT_COLUMN = 26;
const HISTORY_COLUMN = 27;

/** The JPM column of a facts row: the person's achievement against the target's standard (an integer id from our
 *  own database, written into the text so the expression can sit in any statement). */
const jpmColumn = (targetPositionId: number, pg: boolean) => {
  const packed = jpmSql.packedAchievement(String(Math.trunc(Number(targetPositionId))), 'e.id', pg ? 'postgres' : 'sqlite');
  return pg ? `${packed} AS packed_jpm` : packed;
};

/** The rows of a statement as arrays: on SQLite's connection from the statement prepared in raw mode (as these reads
 *  always ran), through a Run on a server (tuplesOf). */
function arraysOf(source: TupleSource, sql: string, params: readonly unknown[]): Promise<unknown[][]> {
  if (typeof source !== 'function') return Promise.resolve((source as Db).prepare(sql).raw(true).all(...params) as unknown[][]);
  return tuplesOf<unknown[]>(source, sql, params);
}

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

  /** Every active employee's record (to list the ineligible too). `filter` is written for the source's database. */
  async basicFacts(source: TupleSource, filter: SqlCondition | null): Promise<BasicFacts[]> {
    const rows = await arraysOf(source,
      `SELECT e.id, e.employment_type, e.golongan, e.golongan_tmt, e.position_id, p.level, e.position_tmt, e.education_level, e.birth_date, e.retirement_date
       FROM employee e LEFT JOIN position p ON p.id = e.position_id WHERE e.status = 'active'${andFilter(filter)}`, filter?.params ?? []) as BasicRow[];
    return rows.map(([id, employmentType, golongan, golonganTmt, positionId, level, positionTmt, education, birthDate, retirementDate]) => ({
      employeeId: id, employmentType, golongan, golonganTmt, positionId, level, positionTmt, education, birthDate, retirementDate,
    }));
  },

  /** Active employees considered (one excluded: the incumbent) and the failures per basic requirement, counted
   *  from idx_employee_succession_basic alone (every column the conditions read is in it). `fails` and `filter`
   *  are written for the source's database. */
  async basicFailureCounts(source: TupleSource, fails: readonly FailCondition[], filter: SqlCondition | null, excludeId: number | null): Promise<{ evaluated: number; byKey: Map<CheckKey, number> }> {
    const pg = isPostgres(spellingOf(source));
    const sums = pg ? fails.map((f, i) => `CAST(SUM(${f.sql}) AS bigint) AS fail_${i}`).join(', ') : fails.map((f) => `SUM(${f.sql})`).join(', ');
    const [row] = await arraysOf(source,
      `SELECT COUNT(*)${pg ? ' AS evaluated' : ''}, ${sums} FROM employee e
       WHERE e.status = 'active' AND e.id ${pg ? 'IS DISTINCT FROM' : 'IS NOT'} ?${andFilter(filter)}`,
      [...fails.flatMap((f) => f.params), excludeId, ...(filter?.params ?? [])]) as Array<Array<number | null>>;
    return { evaluated: row[0] ?? 0, byKey: new Map(fails.map((f, i) => [f.key, row[i + 1] ?? 0])) };
  },

  /**
   * The people who pass every basic requirement, with their facts and JPM sums. The pool is found inside
   * idx_employee_succession_basic: only the holders of positions whose level passes "one step below" (and people
   * without a position, whose jenjang is unknown and so not failed) are visited, each checked against the other
   * requirements in the index; only those who pass have their row, facts and JPM read.
   */
  async poolFacts(source: TupleSource, q: { targetPositionId: number; spec: BasicFilterSpec; filter: SqlCondition | null; excludeId: number | null }): Promise<FactsRow[]> {
    const run = spellingOf(source);
    const pg = isPostgres(run);
    // The jenjang requirement is the choice of positions itself; the others are checked per person.
    const others = basicFailConditions(q.spec, undefined, pg ? 'postgres' : 'sqlite').filter((f) => f.key !== 'jenjang');
    const rest = `e.id ${pg ? 'IS DISTINCT FROM' : 'IS NOT'} ?${andFilter(q.filter)}${others.map((f) => ` AND ${notFailing(pg, f.sql)}`).join('')}`;
    const restParams = [q.excludeId, ...(q.filter?.params ?? []), ...others.flatMap((f) => f.params)];
    // The pool's rows carry the record the facts read (RECORD_COLUMNS, all in the index), so the outer query names
    // them `e` and never joins the employee table.
    const [rows, references] = await Promise.all([
      arraysOf(source,
        `SELECT ${factsColumns(pg)}, ${jpmColumn(q.targetPositionId, pg)}
         FROM (SELECT ${RECORD_COLUMNS} FROM employee e WHERE e.status = 'active'
                 AND e.position_id IN (SELECT id FROM position WHERE level NOT IN (${jsonValues(run, 'texts')})) AND ${rest}
               UNION ALL
               SELECT ${RECORD_COLUMNS} FROM employee e WHERE e.status = 'active' AND e.position_id IS NULL AND ${rest}) e
         LEFT JOIN position p ON p.id = e.position_id LEFT JOIN succession_employee_facts f ON f.employee_id = e.id`,
        [JSON.stringify(q.spec.failingLevels), ...restParams, ...restParams]),
      everyReference(source),
    ]);
    return withRumpunTexts(rows, references);
  },

  /** The same facts for chosen people. */
  async factsOf(source: TupleSource, ids: readonly number[], targetPositionId: number): Promise<FactsRow[]> {
    if (ids.length === 0) return [];
    const run = spellingOf(source);
    const pg = isPostgres(run);
    const [rows, references] = await Promise.all([
      arraysOf(source,
        `SELECT ${factsColumns(pg)}, ${jpmColumn(targetPositionId, pg)} FROM ${jsonValuesTable(run, 'j')} JOIN employee e ON e.id = j.value
         LEFT JOIN position p ON p.id = e.position_id LEFT JOIN succession_employee_facts f ON f.employee_id = e.id`,
        [JSON.stringify(ids)]),
      // A page of a ranking or a plan: a few dozen people at most, so only what they name.
      ids.length <= FEW_PEOPLE ? referencesOfPeople(source, ids) : everyReference(source),
    ]);
    return withRumpunTexts(rows, references);
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
