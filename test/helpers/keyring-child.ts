// A child process for the Secret Service test (test/security/keyring.test.ts): it runs inside a D-Bus session
// with an unlocked gnome-keyring, so the app's real key-store code finds a credential store that answers.
//
//   tsx test/helpers/keyring-child.ts --db PATH --step create|reopen
//
// `create` makes a new keyed database (the key is created on the way, in the credential store) and writes one
// row; `reopen` finds the key again (a new process: nothing is cached) and reads that row back. Each step prints
// one JSON line: where the key came from, and what the database answered.

import { openDatabase } from '../../main/db/open-database';
import { isPlainDatabaseFile } from '../../main/db/sqlite-connection';
import { findDatabaseKeys, keyFingerprint } from '../../main/security/database-key';

const option = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const dbPath = option('db')!;
const step = option('step');

const opened = await openDatabase(dbPath, { create: step === 'create' });
try {
  const runner = opened.dataSource;
  if (step === 'create') {
    await runner.query('CREATE TABLE uji_keyring (nilai TEXT NOT NULL)');
    await runner.query('INSERT INTO uji_keyring (nilai) VALUES (?)', ['tersimpan']);
  }
  const rows = (await runner.query('SELECT nilai FROM uji_keyring')) as { nilai: string }[];
  const keys = findDatabaseKeys();
  process.stdout.write(`${JSON.stringify({
    step,
    store: keys?.store ?? null,
    location: keys?.location ?? null,
    fingerprint: keys ? keyFingerprint(keys.active) : null,
    values: rows.map((r) => r.nilai),
  })}\n`);
} finally {
  await opened.close();
}
process.stdout.write(`${JSON.stringify({ step, plain: isPlainDatabaseFile(dbPath) })}\n`);
