// Whole-database statements: what a database holds at a glance, and fresh planner statistics after a bulk write.

import type BetterSqlite3 from 'better-sqlite3';
import { rowsOf, type Run } from './run';

/** How many employees and units the database holds (an empty one is offered the demo and takes its load). */
export async function contentCounts(run: Run): Promise<{ employees: number; units: number }> {
  const [counts] = await rowsOf<{ employees: number; units: number }>(run, 'SELECT (SELECT COUNT(*) FROM employee) AS employees, (SELECT COUNT(*) FROM unit) AS units');
  return counts;
}

/**
 * Fresh planner statistics after a large bulk write (a first snapshot, the demo district): without them the
 * query planner prefers the status index over the NIP and name indexes.
 */
export function analyze(db: BetterSqlite3.Database): void {
  db.exec('ANALYZE');
}

/** The figures an officer recognises a database by (database-check.ts summariseDatabase), on any connection to a
 *  Jenjang database: the app's own, a read-only one to a backup, or the team's server. One text for both databases:
 *  PostgreSQL folds unquoted aliases to lower case, so the camel-case ones are quoted, which SQLite accepts too. */
const DATABASE_SUMMARY_COUNTS = `SELECT (SELECT COUNT(*) FROM employee) AS employees,
      (SELECT COUNT(*) FROM employee WHERE status = 'active') AS "activeEmployees",
      (SELECT COUNT(*) FROM unit) AS units, (SELECT COUNT(*) FROM position) AS positions,
      (SELECT MAX(at) FROM audit_log) AS "lastChangeAt"`;

type DatabaseSummaryCounts = { employees: number; activeEmployees: number; units: number; positions: number; lastChangeAt: string | null };

export function databaseSummaryCounts(db: BetterSqlite3.Database): DatabaseSummaryCounts {
  return db.prepare(DATABASE_SUMMARY_COUNTS).get() as DatabaseSummaryCounts;
}

/** The same figures through a Run (a team database on the server). */
export async function databaseSummaryCountsOf(run: Run): Promise<DatabaseSummaryCounts> {
  const [row] = await rowsOf<DatabaseSummaryCounts>(run, DATABASE_SUMMARY_COUNTS);
  return row;
}

/** The schema steps applied to the database, in the order they ran (TypeORM's `migrations` table). */
export async function appliedMigrationsOf(run: Run): Promise<string[]> {
  return (await rowsOf<{ name: string }>(run, 'SELECT name FROM migrations ORDER BY id')).map((r) => r.name);
}

export const maintenanceSql = { contentCounts, analyze, databaseSummaryCounts, databaseSummaryCountsOf, appliedMigrationsOf };
