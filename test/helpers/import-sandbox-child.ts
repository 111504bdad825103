// The child process of ImportSandbox (import-sandbox.ts): one real host on its own database, previewing (and,
// when asked, committing and undoing) one file per message through the real dispatcher, exactly as the app's
// main process would. It answers with what happened and whether the database changed; a file that hangs or
// kills the process is caught by the parent's deadline.
//
//   node --import tsx test/helpers/import-sandbox-child.ts DB_PATH

import { startHost } from '../../main/host';
import { fixedClock } from '../../main/services/clock';
import { TEST_TODAY } from '../today';
import type { SandboxAnswer, SandboxCase } from './import-sandbox';

const dbPath = process.argv[2];
const host = await startHost({ dbPath, transport: 'test', create: false, clock: fixedClock(TEST_TODAY), validateResponses: true, log: () => undefined });
let jobs = 0;

/** Enough of the database to see any write an import makes. */
async function fingerprint(): Promise<string> {
  const tables = ['employee', 'unit', 'position', 'position_history', 'rank_history', 'import_snapshot', 'import_issue', 'import_change', 'audit_log',
    'performance_evaluation', 'competency_assessment', 'potential_assessment', 'training_record', 'competency_definition', 'app_setting'];
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = await host.services.dataSource.query(`SELECT COUNT(*) AS n, COALESCE(MAX(rowid), 0) AS last FROM ${table}`) as Array<{ n: number; last: number }>;
    parts.push(`${table}:${row.n}:${row.last}`);
  }
  const [versions] = await host.services.dataSource.query('SELECT COALESCE(SUM(version), 0) AS v FROM employee') as Array<{ v: number }>;
  return `${parts.join('|')}|v${versions.v}`;
}

async function run(job: SandboxCase): Promise<SandboxAnswer> {
  const started = Date.now();
  const before = await fingerprint();
  let file;
  try {
    file = await host.services.files.registerPath(job.file, job.name);
  } catch (error) {
    const e = error as { code?: string; message?: string; details?: { rejectedFile?: boolean } };
    return { id: job.id, outcome: 'refused', error: { code: e.code ?? 'internal', message: e.message ?? String(error), rejectedFile: !!e.details?.rejectedFile }, unchanged: (await fingerprint()) === before, ms: Date.now() - started };
  }
  try {
    const preview = await host.call('import:preview', { fileId: file.id, ...(job.preview ?? {}) });
    if (!preview.ok) {
      return { id: job.id, outcome: 'refused', error: { code: preview.error.code, message: preview.error.message, rejectedFile: !!preview.error.details?.rejectedFile }, unchanged: (await fingerprint()) === before, ms: Date.now() - started };
    }
    const p = preview.data;
    const issues = await host.call('import:issues', { previewId: p.previewId, limit: 500 });
    const answer: SandboxAnswer = {
      id: job.id, outcome: 'previewed', counts: p.counts, diff: p.diff, kind: p.kind, blocking: p.blocking, unchanged: true, ms: 0,
      longestMessage: issues.ok ? Math.max(0, ...issues.data.rows.map((i) => i.message.length)) : -1,
    };
    if (job.commit && p.blocking.length === 0 && p.counts.accepted > 0) {
      const committed = await host.call('import:commit', { previewId: p.previewId, jobId: `sandbox-${++jobs}`, confirmInstansi: true });
      if (!committed.ok) {
        answer.outcome = 'refused';
        answer.error = { code: committed.error.code, message: committed.error.message, rejectedFile: !!committed.error.details?.rejectedFile };
      } else {
        answer.outcome = 'committed';
        const undone = await host.call('import:undo', { snapshotId: committed.data.snapshotId, jobId: `sandbox-${++jobs}` });
        if (!undone.ok) answer.error = { code: undone.error.code, message: `undo: ${undone.error.message}`, rejectedFile: false };
      }
    }
    answer.unchanged = (await fingerprint()) === before;
    answer.ms = Date.now() - started;
    return answer;
  } finally {
    host.services.files.remove(file.id);
  }
}

process.on('message', (message: SandboxCase | { type: 'close' }) => {
  if ('type' in message) {
    void host.close().then(() => process.exit(0));
    return;
  }
  run(message).then(
    (answer) => process.send!(answer),
    (error: Error) => process.send!({ id: message.id, outcome: 'crashed', error: { code: 'internal', message: error?.stack ?? String(error), rejectedFile: false }, unchanged: false, ms: 0 } satisfies SandboxAnswer),
  );
});
process.send!({ type: 'ready' });
