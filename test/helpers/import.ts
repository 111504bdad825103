import type { JenjangHost } from '../../main/host';
import type { RequestOf } from '../../shared/ipc/contract';
import { employeeSearchCondition } from '../../main/db/sql/employee-rows.sql';
import { dialectOf, rowsOf } from '../../main/db/sql/run';
import { expectOk, runOn } from './temp-db';

let jobs = 0;
export const nextJobId = () => `job-test-${process.pid}-${++jobs}`;

/** Registers a file as the CLI does and previews it through the real dispatcher. */
export async function previewFile(host: JenjangHost, filePath: string, request: Omit<RequestOf<'import:preview'>, 'fileId'> = {}) {
  const file = await host.services.files.registerPath(filePath);
  return expectOk(await host.call('import:preview', { fileId: file.id, ...request }));
}

/** Commits a preview. It confirms the instansi check as the officer does after reading it (the first snapshot of
 *  an empty database asks for it); test/import/instansi.test.ts tests the check itself with confirmInstansi false. */
export async function commitPreview(host: JenjangHost, previewId: string, request: Omit<RequestOf<'import:commit'>, 'previewId' | 'jobId'> = {}) {
  return expectOk(await host.call('import:commit', { previewId, jobId: nextJobId(), confirmInstansi: true, ...request }));
}

export async function allIssues(host: JenjangHost, previewId: string) {
  return expectOk(await host.call('import:issues', { previewId, limit: 500 })).rows;
}

/** Every row of the tables an employee import touches, for before/after comparisons, on either database. The name
 *  search's own rows too: on a file the FTS table's (written in bulk by the import, so it can go stale), on a
 *  server the employees the search finds (the pg_trgm index on the name is kept by PostgreSQL itself). */
export async function dumpEmployeeTables(host: JenjangHost) {
  const run = runOn(host);
  const q = (sql: string, params: unknown[] = []) => rowsOf<Record<string, unknown>>(run, sql, params);
  const serverSearch = employeeSearchCondition('nur', 'e', 'postgres');
  return {
    employees: await q('SELECT * FROM employee ORDER BY id'),
    units: await q('SELECT * FROM unit ORDER BY id'),
    positions: await q('SELECT * FROM position ORDER BY id'),
    positionHistory: await q('SELECT * FROM position_history ORDER BY id'),
    rankHistory: await q('SELECT * FROM rank_history ORDER BY id'),
    nameSearch: dialectOf(run) === 'postgres'
      ? await q(`SELECT e.id AS rowid, e.name FROM employee e WHERE ${serverSearch!.sql} ORDER BY e.id`, serverSearch!.params)
      : await q(`SELECT rowid, name FROM employee_fts WHERE employee_fts MATCH 'nur' ORDER BY rowid`),
  };
}
