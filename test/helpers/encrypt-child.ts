// A child process that opens a plain or SQLCipher 4 database of an earlier version for writing (which encrypts or
// converts it) and freezes after a chosen step, announcing it on stdout and waiting to be killed
// (test/security/encryption-at-rest.test.ts, test/security/cipher-scheme.test.ts). Everything else is the real
// opening path.
//
//   tsx test/helpers/encrypt-child.ts --db PATH --kill-at copied|encrypted|verified|swapped

import { openDatabase } from '../../main/db/open-database';

const option = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const killAt = option('kill-at');

const opened = await openDatabase(option('db')!, {
  create: false,
  onEncryptionStep(step) {
    if (step !== killAt) return;
    process.stdout.write(`JENJANG_ENCRYPTION_${step.toUpperCase()}\n`);
    // Freeze right here until SIGKILL arrives (no timers: the thread itself is blocked).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
    process.stdout.write('JENJANG_NOT_KILLED\n');
  },
});
process.stdout.write('JENJANG_OPENED\n');
await opened.close();
