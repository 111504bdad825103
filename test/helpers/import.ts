import type { JenjangHost } from '../../main/host';
import type { RequestOf } from '../../shared/ipc/contract';
import { expectOk } from './temp-db';

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

/** Every row of the tables an employee import touches, for before/after comparisons. */
export async function dumpEmployeeTables(host: JenjangHost) {
  const q = (sql: string) => host.services.dataSource.query(sql);
  return {
    employees: await q('SELECT * FROM employee ORDER BY id'),
    units: await q('SELECT * FROM unit ORDER BY id'),
    positions: await q('SELECT * FROM position ORDER BY id'),
    positionHistory: await q('SELECT * FROM position_history ORDER BY id'),
    rankHistory: await q('SELECT * FROM rank_history ORDER BY id'),
    fts: await q(`SELECT rowid, name FROM employee_fts WHERE employee_fts MATCH 'nur' ORDER BY rowid`),
  };
}
