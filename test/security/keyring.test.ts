// The database key in a real credential store: the Secret Service of a gnome-keyring started inside a private
// D-Bus session (the way a Linux desktop runs it), with the app's own key-store code choosing the store as it does
// on a user's machine (JENJANG_KEY_STORE unset). One process creates a keyed database, a second process of the
// same session opens it with the key read back from the Secret Service, and no key file is ever written.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-db';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const onPath = (binary: string) => (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, binary)));
const toolsMissing = process.platform !== 'linux' || !onPath('dbus-run-session') || !onPath('gnome-keyring-daemon');

/** Single-quotes a word for sh. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

describe('the database key in the Secret Service', () => {
  const dir = tempDir();

  it.skipIf(toolsMissing)(
    'is created there with a new database and read back from there by a second process; no key file is written '
    + '(needs the Debian packages dbus-daemon and gnome-keyring; skipped where dbus-run-session or gnome-keyring-daemon is missing)',
    () => {
      // A home of its own: gnome-keyring keeps its keyrings under the home folder, and the test must not touch
      // the real user's login keyring.
      const home = path.join(dir, 'rumah');
      const configDir = path.join(home, 'config', 'Jenjang');
      fs.mkdirSync(home, { recursive: true });
      const dbPath = path.join(dir, 'jenjang.db');
      const child = (step: string) => [process.execPath, path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'test/helpers/keyring-child.ts'), '--db', dbPath, '--step', step]
        .map(quote).join(' ');
      const script = [
        'echo -n kata-sandi-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
        child('create'),
        child('reopen'),
      ].join(' && ');

      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), XDG_RUNTIME_DIR: path.join(home, 'run'), JENJANG_CONFIG_DIR: configDir };
      delete env.JENJANG_KEY_STORE;
      delete env.JENJANG_DB_KEY;
      delete env.DBUS_SESSION_BUS_ADDRESS;
      fs.mkdirSync(env.XDG_RUNTIME_DIR!, { recursive: true, mode: 0o700 });
      const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
      expect(result.status, result.stderr).toBe(0);

      const lines = result.stdout.trim().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
      const created = lines.find((l) => l.step === 'create' && 'store' in l)!;
      const reopened = lines.find((l) => l.step === 'reopen' && 'store' in l)!;
      expect(created).toMatchObject({ store: 'keyring', location: 'Secret Service, layanan "Jenjang"', values: ['tersimpan'] });
      expect(reopened).toMatchObject({ store: 'keyring', location: 'Secret Service, layanan "Jenjang"', values: ['tersimpan'] });
      expect(reopened.fingerprint).toBe(created.fingerprint);
      expect(lines.filter((l) => 'plain' in l).map((l) => l.plain)).toEqual([false, false]);

      // The key never touched the disk outside the keyring: no key file in the config folder.
      expect(fs.existsSync(path.join(configDir, 'kunci-database.json'))).toBe(false);
      // And the database really is keyed: its header is not SQLite's plain "SQLite format 3".
      expect(fs.readFileSync(dbPath).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    },
  );
});
