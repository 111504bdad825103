// A child process that imports a file and, once the commit has written its first rows, announces
// "JENJANG_COMMIT_IN_PROGRESS" on stdout and freezes inside the open transaction, waiting to be killed
// (test/import/import-kill.test.ts). Everything else is the real import path.
//
//   tsx test/helpers/import-child.ts --db PATH --file PATH

import { startHost } from '../../main/host';
import type { JobHandle } from '../../main/jobs/job-registry';

const option = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];

const host = await startHost({ dbPath: option('db'), transport: 'test', create: false });
const file = await host.services.files.registerPath(option('file'));
const plan = await host.services.imports.planFile(file, { createMissing: true, markAbsent: false });
const job: JobHandle = {
  jobId: 'kill-test', cancelled: false, throwIfCancelled() {},
  progress(phase) {
    if (!phase.startsWith('Menyimpan pegawai')) return;
    process.stdout.write('JENJANG_COMMIT_IN_PROGRESS\n');
    // Freeze right here, mid-transaction, until SIGKILL arrives (no timers: the thread itself is blocked).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
    process.stdout.write('JENJANG_NOT_KILLED\n');
  },
};
await host.services.imports.commitPlan(plan, 'uji-kill', job);
process.stdout.write('JENJANG_COMMITTED\n');
await host.close();
