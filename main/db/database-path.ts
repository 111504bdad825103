import os from 'node:os';
import path from 'node:path';
import { isPostgresUrl } from './connection';

export const DATABASE_FILE_NAME = 'jenjang.sqlite';

/**
 * Where the database lives: `--db PATH`, else `JENJANG_DB`, else `jenjang.sqlite` in the per-user data folder
 * (Electron's userData; the web host computes the same folder so both modes open the same file). A
 * `postgres://` URL is passed on as it is (main/db/connection.ts describes it; openDatabase opens the server).
 */
export function resolveDatabasePath(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  const flag = argv.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (flag >= 0) {
    const value = argv[flag].includes('=') ? argv[flag].slice('--db='.length) : argv[flag + 1];
    if (value) return isPostgresUrl(value) ? value : path.resolve(value);
  }
  if (env.JENJANG_DB) return isPostgresUrl(env.JENJANG_DB) ? env.JENJANG_DB : path.resolve(env.JENJANG_DB);
  return path.join(userDataDir, DATABASE_FILE_NAME);
}

/** Electron's default userData for an app named "Jenjang", computed without Electron. */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Jenjang');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Jenjang');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Jenjang');
}
