// Training records and the 20 JP compliance. Compliance reads employee_training_year (JP per employee and year,
// kept on write by db/derived.ts), never a scan of every training, minus what trainings that have not ended by
// the as-of date would add (endedJp).

import { isNotSame, isPostgres, lastInsertId, round2, sumInt } from '../dialect';
import { employeeRowColumns, employeeRowJoins, pageOf, readEmployeeRow, whereOf, type EmployeeRowFields, type SqlCondition } from '../employee-rows.sql';
import { chunks, marks, rowsOf, type Run } from '../run';
import { notEndedCte } from '../training-year.sql';

/** PNS and CPNS in service on the reference date (bound twice): status aktif, or left the service after it.
 *  Written so SQLite answers it from the partial covering index idx_employee_development (keep the IN term). */
export const POPULATION_SQL = `e.employment_type IN ('PNS', 'CPNS') AND (e.cpns_tmt IS NULL OR e.cpns_tmt <= ?)
  AND (e.status = 'active' OR (e.status_date IS NOT NULL AND e.status_date > ?))`;

/**
 * How a statement reads the JP of employee `e` in one year (its `t` row of employee_training_year, bound to a year
 * parameter): `with` opens the statement and binds `params` first, `join` follows the `t` join, `jp` and
 * `trainings` are the expressions to use. When a training ends after the as-of date (an import may carry one),
 * its contribution is subtracted; when none does (an index probe says so), the statement reads the table alone.
 */
async function endedJp(run: Run, asOf: string) {
  const pending = (await rowsOf(run, 'SELECT 1 FROM training_record WHERE end_date > ? LIMIT 1', [asOf])).length > 0;
  return pending
    ? { with: notEndedCte(run), params: [asOf], join: 'LEFT JOIN not_ended n ON n.employee_id = t.employee_id AND n.year = t.year',
        jp: 'COALESCE(t.jp, 0) - COALESCE(n.jp, 0)', trainings: 'COALESCE(t.trainings, 0) - COALESCE(n.trainings, 0)' }
    : { with: '', params: [] as unknown[], join: '', jp: 'COALESCE(t.jp, 0)', trainings: 'COALESCE(t.trainings, 0)' };
}

const YEAR_JOIN = 'LEFT JOIN employee_training_year t ON t.employee_id = e.id AND t.year = ?';

/**
 * 1 when a JP (a double), rounded to two decimals, reaches the target, else 0. On a server ROUND(x, 2) goes through
 * numeric, about 40 % of the compliance statement's time over the district's 43,000 people: there only a JP within
 * 0.01 of the target, the only kind the rounding can carry across it, is rounded; any other compares as it is,
 * which gives the same answer.
 */
function reachesTarget(run: Run, jp: string, target: number): SqlCondition {
  if (!isPostgres(run)) return { sql: `CASE WHEN ${round2(run, jp)} >= ? THEN 1 ELSE 0 END`, params: [target] };
  return { sql: `CASE WHEN ${jp} >= ? THEN 1 WHEN ${jp} < ? THEN 0 WHEN ${round2(run, jp)} >= ? THEN 1 ELSE 0 END`, params: [target + 0.01, target - 0.01, target] };
}

export interface TrainingValues {
  title: string;
  type: string;
  provider: string | null;
  startDate: string;
  endDate: string;
  jp: number;
  cost: number | null;
  certificateNumber: string | null;
  catalogId: number | null;
}

export interface TrainingRecordRow extends TrainingValues {
  id: number;
  employeeId: number;
  source: string;
  /** The IDP item this training completes, if any. */
  planItemId: number | null;
  employee: EmployeeRowFields;
}

const RECORD_SELECT = `t.id AS training_id, t.title, t.type, t.provider, t.start_date, t.end_date, t.jp, t.cost, t.certificate_number, t.catalog_id,
  t.source, (SELECT i.id FROM development_plan_item i WHERE i.training_record_id = t.id LIMIT 1) AS plan_item_id, ${employeeRowColumns('e')}`;
const RECORD_FROM = `FROM training_record t JOIN employee e ON e.id = t.employee_id ${employeeRowJoins('e')}`;

function readRecord(r: Record<string, unknown>): TrainingRecordRow {
  const employee = readEmployeeRow(r);
  return {
    id: r.training_id as number, employeeId: employee.employeeId, title: r.title as string, type: r.type as string, provider: (r.provider as string | null) ?? null,
    startDate: r.start_date as string, endDate: r.end_date as string, jp: Number(r.jp), cost: r.cost === null ? null : Number(r.cost),
    certificateNumber: (r.certificate_number as string | null) ?? null, catalogId: (r.catalog_id as number | null) ?? null, source: r.source as string,
    planItemId: (r.plan_item_id as number | null) ?? null, employee,
  };
}

const values = (v: TrainingValues) => [v.title, v.type, v.provider, v.startDate, v.endDate, v.jp, v.cost, v.certificateNumber, v.catalogId];

export const trainingSql = {
  /**
   * The years with any JP row, newest first, at most `limit`: one index probe per year (a loose index scan written
   * as a recursive query, which both databases run), in one statement, so a team server answers in one round trip.
   */
  async yearsWithData(run: Run, limit: number): Promise<number[]> {
    const rows = await rowsOf<{ year: number }>(run, `WITH RECURSIVE years (year, n) AS (
        SELECT (SELECT MAX(year) FROM employee_training_year), 1
        UNION ALL
        SELECT (SELECT MAX(t.year) FROM employee_training_year t WHERE t.year < years.year), years.n + 1 FROM years WHERE years.year IS NOT NULL AND years.n < ?
      )
      SELECT year FROM years WHERE year IS NOT NULL ORDER BY year DESC`, [limit]);
    return rows.map((r) => Number(r.year));
  },

  /** A page of training records, latest first. */
  async list(run: Run, filter: { employeeId?: number; from?: string; until?: string; type?: string; subtree: SqlCondition | null; search: SqlCondition | null; offset: number; limit: number }) {
    const where = whereOf([
      filter.employeeId === undefined ? null : { sql: 't.employee_id = ?', params: [filter.employeeId] },
      filter.from === undefined ? null : { sql: 't.end_date BETWEEN ? AND ?', params: [filter.from, filter.until] },
      filter.type === undefined ? null : { sql: 't.type = ?', params: [filter.type] },
      filter.subtree, filter.search,
    ]);
    const page = await pageOf<Record<string, unknown>>(run, {
      select: RECORD_SELECT, from: `${RECORD_FROM} ${where.sql}`, params: where.params, orderBy: 't.end_date DESC, t.id DESC', limit: filter.limit, offset: filter.offset,
    });
    return { total: page.total, rows: page.rows.map(readRecord) };
  },

  async ofEmployee(run: Run, employeeId: number): Promise<TrainingRecordRow[]> {
    return (await rowsOf<Record<string, unknown>>(run, `SELECT ${RECORD_SELECT} ${RECORD_FROM} WHERE t.employee_id = ? ORDER BY t.end_date DESC, t.id DESC`, [employeeId])).map(readRecord);
  },

  /** JP and trainings per year of one employee, counting only trainings ended on or before `asOf`; years whose
   *  every training is still to end are left out. */
  async employeeYears(run: Run, employeeId: number, asOf: string): Promise<Array<{ year: number; jp: number; trainings: number }>> {
    const ended = await endedJp(run, asOf);
    return rowsOf(run, `${ended.with}
      SELECT t.year, ${ended.jp} AS jp, ${ended.trainings} AS trainings FROM employee_training_year t ${ended.join}
      WHERE t.employee_id = ? AND ${ended.trainings} > 0 ORDER BY t.year DESC`, [...ended.params, employeeId]);
  },

  async isDuplicate(run: Run, employeeId: number, v: Pick<TrainingValues, 'title' | 'startDate' | 'endDate'>, exceptId: number | null): Promise<boolean> {
    const rows = await rowsOf(run, 'SELECT id FROM training_record WHERE employee_id = ? AND lower(title) = lower(?) AND start_date = ? AND end_date = ? AND id IS NOT ?'.replace('IS NOT', isNotSame(run)),
      [employeeId, v.title, v.startDate, v.endDate, exceptId]);
    return rows.length > 0;
  },

  async insert(run: Run, employeeId: number, v: TrainingValues, createdAt: string): Promise<number> {
    await run(`INSERT INTO training_record (employee_id, title, type, provider, start_date, end_date, jp, cost, certificate_number, catalog_id, source, snapshot_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', NULL, ?)`, [employeeId, ...values(v), createdAt]);
    return lastInsertId(run);
  },

  /** One record as stored (the before-image of the audit log). */
  async get(run: Run, id: number): Promise<Record<string, unknown> & { employee_id: number; title: string } | null> {
    const [row] = await rowsOf<Record<string, unknown> & { employee_id: number; title: string }>(run,
      'SELECT employee_id, title, type, provider, start_date, end_date, jp, cost, certificate_number, catalog_id FROM training_record WHERE id = ?', [id]);
    return row ?? null;
  },

  async update(run: Run, id: number, v: TrainingValues): Promise<void> {
    await run('UPDATE training_record SET title = ?, type = ?, provider = ?, start_date = ?, end_date = ?, jp = ?, cost = ?, certificate_number = ?, catalog_id = ? WHERE id = ?',
      [...values(v), id]);
  },

  /** Deletes a record; the IDP items it completed are under way again. Returns how many items were reopened. */
  async delete(run: Run, id: number, updatedAt: string): Promise<number> {
    const linked = await rowsOf<{ id: number }>(run, 'SELECT id FROM development_plan_item WHERE training_record_id = ?', [id]);
    await run(`UPDATE development_plan_item SET status = 'berjalan', training_record_id = NULL, updated_at = ? WHERE training_record_id = ?`, [updatedAt, id]);
    await run('DELETE FROM training_record WHERE id = ?', [id]);
    return linked.length;
  },

  /** Population and those at or above the target per unit, for one year. */
  async compliancePerUnit(run: Run, q: { year: number; asOf: string; referenceDate: string; target: number; subtree: SqlCondition | null }) {
    const ended = await endedJp(run, q.asOf);
    const reaches = reachesTarget(run, ended.jp, q.target);
    return rowsOf<{ unit_id: number | null; population: number; compliant: number; jp: number }>(run, `${ended.with}
      SELECT e.unit_id, COUNT(*) AS population, ${sumInt(run, reaches.sql)} AS compliant, SUM(${ended.jp}) AS jp
      FROM employee e ${YEAR_JOIN} ${ended.join}
      WHERE ${POPULATION_SQL}${q.subtree ? ` AND ${q.subtree.sql}` : ''} GROUP BY e.unit_id`,
      [...ended.params, ...reaches.params, q.year, q.referenceDate, q.referenceDate, ...(q.subtree?.params ?? [])]);
  },

  /** The district's population and compliant count for one year. */
  async complianceTotal(run: Run, q: { year: number; asOf: string; referenceDate: string; target: number }): Promise<{ population: number; compliant: number }> {
    const ended = await endedJp(run, q.asOf);
    const reaches = reachesTarget(run, ended.jp, q.target);
    const [row] = await rowsOf<{ population: number; compliant: number | null }>(run, `${ended.with}
      SELECT COUNT(*) AS population, ${sumInt(run, reaches.sql)} AS compliant
      FROM employee e ${YEAR_JOIN} ${ended.join} WHERE ${POPULATION_SQL}`, [...ended.params, ...reaches.params, q.year, q.referenceDate, q.referenceDate]);
    return { population: Number(row.population), compliant: Number(row.compliant ?? 0) };
  },

  /** Those below the target, lowest JP first: the total and one page of ids (read from the covering index). */
  async belowPage(run: Run, q: { year: number; asOf: string; referenceDate: string; target: number; subtree: SqlCondition | null; search: SqlCondition | null; offset: number; limit: number }) {
    const ended = await endedJp(run, q.asOf);
    const extra = [q.subtree, q.search].filter((c): c is SqlCondition => !!c);
    const from = `FROM employee e ${YEAR_JOIN} ${ended.join}`;
    const where = `WHERE ${POPULATION_SQL} AND ${round2(run, ended.jp)} < ?${extra.map((c) => ` AND ${c.sql}`).join('')}`;
    const params = [...ended.params, q.year, q.referenceDate, q.referenceDate, q.target, ...extra.flatMap((c) => c.params)];
    const [{ total }] = await rowsOf<{ total: number }>(run, `${ended.with} SELECT COUNT(*) AS total ${from} ${where}`, params);
    const page = await rowsOf<{ id: number; jp: number; trainings: number }>(run,
      `${ended.with} SELECT e.id, ${ended.jp} AS jp, ${ended.trainings} AS trainings ${from} ${where}
       ORDER BY ${ended.jp}, e.id LIMIT ? OFFSET ?`, [...params, q.limit, q.offset]);
    return { total, page };
  },

  /** The list row (name, NIP, position, unit) of the given employees. */
  async employeeRows(run: Run, ids: readonly number[]): Promise<Map<number, EmployeeRowFields>> {
    const out = new Map<number, EmployeeRowFields>();
    for (const chunk of chunks(ids)) {
      const rows = await rowsOf<Record<string, unknown>>(run, `SELECT ${employeeRowColumns('e')} FROM employee e ${employeeRowJoins('e')} WHERE e.id IN (${marks(chunk)})`, [...chunk]);
      for (const r of rows) out.set(r.employee_id as number, readEmployeeRow(r));
    }
    return out;
  },
};
