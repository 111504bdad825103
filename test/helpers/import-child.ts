// A child process that imports a file and freezes at a chosen point, announcing it on stdout and waiting to be
// killed (test/import/import-kill.test.ts). Everything else is the real import path.
//   --kill-at commit (default): once the commit has written its first rows, inside the open transaction;
//   --kill-at backup: while today's daily copy, which the import takes first when it is due, is being written.
//
//   tsx test/helpers/import-child.ts --db PATH --file PATH [--kill-at backup|commit]

import { startHost } from '../../main/host';
import type { JobHandle } from '../../main/jobs/job-registry';

const option = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const killAt = option('kill-at') ?? 'commit';

const host = await startHost({ dbPath: option('db')!, transport: 'test', create: false });
const file = await host.services.files.registerPath(option('file')!);
const plan = await host.services.imports.planFile(file, { createMissing: true, markAbsent: false });
const job: JobHandle = {
  jobId: 'kill-test', cancelled: false, throwIfCancelled() {},
  progress(phase, _done, total) {
    // The backup writer reports pages once the copy has started (total > 1); the commit names its phases.
    const here = killAt === 'backup' ? phase.startsWith('Membuat cadangan harian') && total > 1 : phase.startsWith('Menyimpan pegawai');
    if (!here) return;
    process.stdout.write(killAt === 'backup' ? 'JENJANG_BACKUP_IN_PROGRESS\n' : 'JENJANG_COMMIT_IN_PROGRESS\n');
    // Freeze right here until SIGKILL arrives (no timers: the thread itself is blocked).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
    process.stdout.write('JENJANG_NOT_KILLED\n');
  },
};
await host.services.imports.commitPlan(plan, 'uji-kill', job, { confirmed: true, how: '' });
process.stdout.write('JENJANG_COMMITTED\n');
await host.close();
