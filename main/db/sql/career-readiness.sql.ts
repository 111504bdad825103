// The derived readiness of the pola karier (main/db/career-readiness.ts): one row per active person and step they
// stand at, valid from `as_of` until the day before `valid_until`; the state row names the day of the last full
// evaluation and the fingerprint of the steps it judged. The graph's counts read these rows on any day `?` they
// are valid for; the rows that are not are judged again by the caller.

import { isPostgres, jsonValues, sumInt } from './dialect';
import { chunks, marks, rowsOf, type Run } from './run';

export interface ReadinessValues {
  employee_id: number; step_id: number; as_of: string; ready: number; ready_on: string | null; valid_until: string | null;
}
export interface ReadinessState { as_of: string; signature: string }

const COLUMNS = ['employee_id', 'step_id', 'as_of', 'ready', 'ready_on', 'valid_until'] as const;
/** Rows per INSERT: 6 variables each, well under SQLite's limit. */
const ROWS_PER_INSERT = 400;
/** A row counts on day `?` (the parameter given twice). */
const VALID_ON = 'as_of <= ? AND (valid_until IS NULL OR valid_until > ?)';

export const careerReadinessSql = {
  async state(run: Run): Promise<ReadinessState | null> {
    return (await rowsOf<ReadinessState>(run, 'SELECT as_of, signature FROM career_readiness_state WHERE id = 1'))[0] ?? null;
  },
  async setState(run: Run, state: ReadinessState): Promise<void> {
    await run(`INSERT INTO career_readiness_state (id, as_of, signature) VALUES (1, ?, ?)
      ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of, signature = excluded.signature`, [state.as_of, state.signature]);
  },
  async deleteAll(run: Run): Promise<void> {
    await run('DELETE FROM career_step_readiness', []);
  },
  /** Drops the table's secondary indexes and answers their definitions: around a full rebuild they are built once
   *  over the loaded rows instead of row by row. In the caller's transaction, so a rollback brings them back. */
  async dropSecondaryIndexes(run: Run): Promise<string[]> {
    // The indexes declared by CREATE INDEX, not those of the primary key or a unique constraint.
    const indexes = await rowsOf<{ name: string; sql: string }>(run, isPostgres(run)
      ? `SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'career_step_readiness'
           AND indexname NOT IN (SELECT conname FROM pg_constraint)`
      : `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'career_step_readiness' AND sql IS NOT NULL`);
    for (const index of indexes) await run(`DROP INDEX "${index.name.replace(/"/g, '""')}"`, []);
    return indexes.map((index) => index.sql);
  },
  async restoreIndexes(run: Run, definitions: readonly string[]): Promise<void> {
    for (const definition of definitions) await run(definition, []);
  },
  /** One statement whatever the number of people: the ids as one JSON parameter. */
  async deleteFor(run: Run, ids: readonly number[]): Promise<void> {
    await run(`DELETE FROM career_step_readiness WHERE employee_id IN (${jsonValues(run)})`, [JSON.stringify(ids)]);
  },
  async insert(run: Run, rows: readonly ReadinessValues[]): Promise<void> {
    for (const chunk of chunks(rows, ROWS_PER_INSERT)) {
      const values = chunk.map(() => `(${marks(COLUMNS)})`).join(', ');
      await run(`INSERT INTO career_step_readiness (${COLUMNS.join(', ')}) VALUES ${values}`, chunk.flatMap((r) => COLUMNS.map((c) => r[c])));
    }
  },
  /** Per step, the people standing at it and those ready on `day`, over the rows valid on that day. */
  counts: (run: Run, day: string) => rowsOf<{ step_id: number; standing: number; ready: number }>(run,
    `SELECT step_id, COUNT(*) AS standing, ${sumInt(run, 'CASE WHEN ready_on IS NOT NULL AND ready_on <= ? THEN 1 ELSE 0 END')} AS ready
      FROM career_step_readiness WHERE ${VALID_ON} GROUP BY step_id`, [day, day, day]),
  /** The distinct people standing at any step and ready for at least one, over the rows valid on `day`: one group
   *  per person along idx_career_step_readiness_employee (COUNT(DISTINCT …) sorted the rows again, twice). */
  async people(run: Run, day: string): Promise<{ standing: number; ready: number }> {
    const row = (await rowsOf<{ standing: number; ready: number }>(run,
      `SELECT COUNT(*) AS standing, ${sumInt(run, 'ready')} AS ready
        FROM (SELECT employee_id, MAX(CASE WHEN ready_on IS NOT NULL AND ready_on <= ? THEN 1 ELSE 0 END) AS ready
              FROM career_step_readiness WHERE ${VALID_ON} GROUP BY employee_id) people`, [day, day, day]))[0];
    return { standing: Number(row?.standing ?? 0), ready: Number(row?.ready ?? 0) };
  },
  /** The people with a row not valid on `day` (judged on a later day, or past the day it may change). */
  async staleEmployees(run: Run, day: string): Promise<number[]> {
    return (await rowsOf<{ employee_id: number }>(run,
      'SELECT DISTINCT employee_id FROM career_step_readiness WHERE as_of > ? OR valid_until <= ?', [day, day])).map((r) => r.employee_id);
  },
  /** Every row, in key order: what the tests compare with a fresh evaluation. */
  all: (run: Run) => rowsOf<ReadinessValues>(run,
    `SELECT ${COLUMNS.join(', ')} FROM career_step_readiness ORDER BY employee_id, step_id`),
};

export type CareerReadinessSql = typeof careerReadinessSql;
