// The Electron runtime of node_modules/electron: found, or fetched once (npm install skips its download, see
// package.json "allowScripts"). Shared by `npm start` and `npm run smoke:electron`.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../paths';

export const ELECTRON_DIR = path.join(REPO_ROOT, 'node_modules/electron');

export function electronVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ELECTRON_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The runtime's executable when it has been fetched, else null. */
export function electronBinary(): string | null {
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(ELECTRON_DIR, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

/** Runs quietly; the tool's own output (stack traces of a failed download) only with JENJANG_DEBUG=1. */
export function runQuiet(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): boolean {
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0 && process.env.JENJANG_DEBUG) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  return result.status === 0;
}

/** The runtime's executable, fetched on first use; null when it cannot be fetched (offline, blocked mirror). */
export function fetchElectron(): string | null {
  const binary = electronBinary();
  if (binary) return binary;
  console.error(`Mengunduh runtime Electron ${electronVersion()} (sekali saja)…`);
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const ok = runQuiet(process.execPath, [path.join(ELECTRON_DIR, 'install.js')], ELECTRON_DIR, env);
  return ok ? electronBinary() : null;
}
