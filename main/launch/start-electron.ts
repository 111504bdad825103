// `npm start`: fetches the Electron runtime on first use (npm install skips its download, see package.json
// "allowScripts"), builds the SQLite module (better-sqlite3-multiple-ciphers) for Electron's ABI beside the Node
// build the tests use, builds the
// app and launches it. Offline, it says so in one sentence and points to `npm run start:web`.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO_ROOT } from '../paths';
import { electronVersion, fetchElectron, runQuiet } from './electron-runtime';

const require = createRequire(import.meta.url);
const SQLITE_PACKAGE = 'better-sqlite3-multiple-ciphers';
const OFFLINE_MESSAGE =
  'Runtime Electron tidak dapat diunduh (tidak ada koneksi ke github.com); jalankan `npm run start:web` untuk membuka Jenjang di Chromium.';

function run(command: string, args: string[], cwd = REPO_ROOT, env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync(command, args, { cwd, env, stdio: 'inherit' }).status === 0;
}

function ensureElectron(): string {
  const binary = fetchElectron();
  if (!binary) {
    console.error(OFFLINE_MESSAGE);
    process.exit(1);
  }
  return binary;
}

/** better_sqlite3.node (of better-sqlite3-multiple-ciphers) for Electron's ABI, kept in .electron-native/ so
 *  node_modules stays Node-ABI for tests. */
function ensureElectronSqlite(version: string): string {
  const target = path.join(REPO_ROOT, '.electron-native', `electron-${version}`);
  const binding = path.join(target, SQLITE_PACKAGE, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  console.error('Menyiapkan modul SQLite untuk Electron (sekali saja)…');
  const source = path.dirname(require.resolve(`${SQLITE_PACKAGE}/package.json`));
  const copy = path.join(target, SQLITE_PACKAGE);
  fs.rmSync(copy, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(source, copy, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
  const prebuildInstall = require.resolve('prebuild-install/bin.js', { paths: [source] });
  const prebuilt = runQuiet(process.execPath, [prebuildInstall, '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`], copy, process.env);
  if (!prebuilt) {
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    const built = run(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers', '--runtime=electron'], copy);
    if (!built || !fs.existsSync(binding)) {
      console.error('Modul SQLite untuk Electron tidak dapat disiapkan (perlu internet sekali); jalankan `npm run start:web` untuk membuka Jenjang di Chromium.');
      process.exit(1);
    }
  }
  return binding;
}

function main(): void {
  const binary = ensureElectron();
  const binding = ensureElectronSqlite(electronVersion());
  if (!run(process.execPath, [path.join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'])) {
    console.error('Jenjang gagal dibangun; lihat pesan di atas.');
    process.exit(1);
  }
  const child = spawn(binary, [REPO_ROOT, ...process.argv.slice(2)], {
    cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, JENJANG_SQLITE_BINDING: binding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main();
