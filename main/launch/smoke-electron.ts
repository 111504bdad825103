// `npm run smoke:electron`: the release smoke run of the packaged desktop app, on a machine where the Electron
// runtime can be fetched. It packs the app for this platform (electron-builder --dir, with the release fuses),
// reads the fuses back from the packaged binary, then drives a copy of it with Playwright's Electron driver on
// a fresh profile and database: loads the demo, opens every screen, prints a report through printToPDF, loads
// every native module built for Electron's ABI, and fails on any page error or a database reader that could
// not start. Where the runtime is not available it stops with one sentence.
//
//   npm run smoke:electron                 # build, pack and smoke (about five minutes)
//   npm run smoke:electron -- --app DIR    # smoke an unpacked app already built (release/linux-unpacked, …)
//
// Playwright's driver needs the --inspect switch, which the release turns off (fuse nodeCliInspect): only the
// temporary copy it drives has that one fuse flipped back on; the fuses are read from the packaged original.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../paths';
import { FUSE_WIRE_INDEX, RELEASE_FUSES, type FuseName } from './electron-fuses';
import { electronVersion, fetchElectron } from './electron-runtime';

const NOT_AVAILABLE = 'Runtime Electron tidak tersedia di mesin ini (tidak dapat diunduh), jadi uji asap aplikasi desktop terpaket tidak dijalankan.';

interface Check {
  label: string;
  ok: boolean;
  detail?: string;
}

const checks: Check[] = [];
const check = (label: string, ok: boolean, detail?: string) => {
  checks.push({ label, ok, detail });
  console.log(`${ok ? '✓' : '✗'} ${label}${detail ? `: ${detail}` : ''}`);
};

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} gagal (kode ${result.status}).`);
}

/** Packs the app for this platform into release/<platform>-unpacked (or release/mac*), with the release fuses. */
function packApp(): string {
  const node = process.execPath;
  run(node, [path.join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  try {
    run(node, [path.join(REPO_ROOT, 'node_modules/electron-builder/cli.js'), '--dir']);
  } finally {
    // electron-builder rebuilt the SQLite module for Electron's ABI inside node_modules; give the tests their Node build back.
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3-multiple-ciphers']);
  }
  const release = path.join(REPO_ROOT, 'release');
  const unpacked = fs.readdirSync(release).map((name) => path.join(release, name))
    .find((dir) => fs.statSync(dir).isDirectory() && /(-unpacked|^mac)/.test(path.basename(dir)));
  if (!unpacked) throw new Error('electron-builder --dir tidak menghasilkan folder aplikasi di release/.');
  return unpacked;
}

/** The app's executable inside an unpacked folder. */
function executableIn(dir: string): string {
  if (process.platform === 'darwin') {
    const app = fs.readdirSync(dir).find((name) => name.endsWith('.app'));
    if (!app) throw new Error(`Tidak ada berkas .app di ${dir}.`);
    const macos = path.join(dir, app, 'Contents', 'MacOS');
    return path.join(macos, fs.readdirSync(macos)[0]);
  }
  const wanted = process.platform === 'win32' ? /^jenjang\.exe$/i : /^jenjang$/i;
  const found = fs.readdirSync(dir).find((name) => wanted.test(name));
  if (!found) throw new Error(`Berkas program Jenjang tidak ditemukan di ${dir}.`);
  return path.join(dir, found);
}

async function readFuses(binary: string): Promise<void> {
  // @electron/fuses comes with electron-builder (it flips the fuses while packaging).
  const fuses = await import('@electron/fuses');
  const wire = await fuses.getCurrentFuseWire(binary) as unknown as Record<number, string>;
  for (const [name, expected] of Object.entries(RELEASE_FUSES) as Array<[FuseName, boolean]>) {
    const state = wire[FUSE_WIRE_INDEX[name]];
    const actual = state === '1' ? true : state === '0' ? false : null;
    check(`fuse ${name} ${expected ? 'on' : 'off'}`, actual === expected, actual === null ? 'tidak ada di biner ini' : undefined);
  }
}

/** A copy of the packaged app whose only difference is the inspect fuse, which Playwright's driver needs. */
async function drivableCopy(unpacked: string): Promise<{ dir: string; binary: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-smoke-app-'));
  fs.cpSync(unpacked, dir, { recursive: true, verbatimSymlinks: true });
  const binary = executableIn(dir);
  const fuses = await import('@electron/fuses');
  await fuses.flipFuses(binary, {
    version: fuses.FuseVersion.V1,
    [fuses.FuseV1Options.EnableNodeCliInspectArguments]: true,
    resetAdHocDarwinSignature: process.platform === 'darwin',
  });
  return { dir, binary };
}

async function drive(binary: string): Promise<void> {
  const { _electron } = await import('playwright-core');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-smoke-'));
  const profile = path.join(scratch, 'profile');
  const stderr: string[] = [];
  const app = await _electron.launch({
    executablePath: binary,
    args: [`--user-data-dir=${profile}`],
    env: { ...process.env, JENJANG_DB: path.join(scratch, 'jenjang.sqlite'), XDG_CONFIG_HOME: profile, APPDATA: profile } as Record<string, string>,
    timeout: 60_000,
  });
  try {
    app.process().stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const page = await app.firstWindow();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor({ timeout: 60_000 });
    check('the window opens on Beranda from app://', page.url().startsWith('app://jenjang/'), page.url());

    const invoke = (channel: string, request: unknown) =>
      page.evaluate(([c, r]) => (globalThis as unknown as { api: { invoke(c: string, r: unknown): Promise<unknown> } }).api.invoke(c, r), [channel, request] as const) as
        Promise<{ ok: boolean; data?: Record<string, unknown>; error?: { message: string } }>;
    const demo = await invoke('demo:load', { jobId: 'job-smoke-demo', employees: 300, seed: 2026 });
    check('the demo district loads into a fresh database', demo.ok, demo.error?.message);
    await page.reload();

    // Every screen of the sidebar, as the app itself lists them.
    const menu = page.getByRole('navigation', { name: 'Menu utama' });
    const labels = (await menu.getByRole('link').allInnerTexts()).map((text) => text.replace(/^\W+/u, '').trim()).filter(Boolean);
    check('the sidebar lists the screens', labels.length >= 10, labels.join(', '));
    for (const label of labels) {
      await menu.getByRole('link', { name: label }).click();
      const opened = await page.getByRole('heading', { level: 1, name: label }).waitFor({ timeout: 30_000 }).then(() => true, () => false);
      const placeholder = await page.getByRole('heading', { name: 'Belum tersedia' }).count();
      check(`screen ${label}`, opened && placeholder === 0);
    }

    const printed = await invoke('reports:exportPdf', { jobId: 'job-smoke-pdf', reportId: 'proyeksi-pensiun', params: {} });
    const pdf = printed.ok ? Buffer.from(String(printed.data!.base64), 'base64') : Buffer.alloc(0);
    const out = path.join(REPO_ROOT, 'artifacts', 'smoke', 'proyeksi-pensiun.pdf');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (pdf.length > 0) fs.writeFileSync(out, pdf);
    check('printToPDF prints Proyeksi Pensiun', printed.ok && pdf.subarray(0, 5).toString() === '%PDF-' && Number(printed.data!.pages) >= 1,
      printed.ok ? `${printed.data!.pages} halaman, ${out}` : printed.error?.message);

    const natives = await app.evaluate(async ({ app: electronApp }) => {
      const { createRequire } = process.getBuiltinModule('node:module') as typeof import('node:module');
      const nodeFs = process.getBuiltinModule('node:fs') as typeof import('node:fs');
      const nodePath = process.getBuiltinModule('node:path') as typeof import('node:path');
      const unpackedRoot = nodePath.join(process.resourcesPath, 'app.asar.unpacked');
      const found: string[] = [];
      const walk = (dir: string) => {
        if (!nodeFs.existsSync(dir)) return;
        for (const entry of nodeFs.readdirSync(dir, { withFileTypes: true })) {
          const full = nodePath.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (entry.name.endsWith('.node')) found.push(full);
        }
      };
      walk(unpackedRoot);
      const load = createRequire(nodePath.join(electronApp.getAppPath(), 'package.json'));
      const results = found.map((file) => {
        try {
          load(file);
          return { file: nodePath.relative(unpackedRoot, file), error: null as string | null };
        } catch (error) {
          return { file: nodePath.relative(unpackedRoot, file), error: (error as Error).message };
        }
      });
      let sqlite: string | null = null;
      try {
        const Database = load('better-sqlite3-multiple-ciphers') as new (file: string) => { prepare(sql: string): { pluck(): { get(): unknown } } };
        sqlite = String(new Database(':memory:').prepare('SELECT sqlite_version()').pluck().get());
      } catch (error) {
        sqlite = `error: ${(error as Error).message}`;
      }
      return { results, sqlite, abi: process.versions.modules, electron: process.versions.electron };
    });
    check(`native modules found for Electron ${natives.electron} (ABI ${natives.abi})`, natives.results.length > 0, natives.results.map((r) => r.file).join(', '));
    for (const result of natives.results) check(`loads ${result.file}`, result.error === null, result.error ?? undefined);
    check('better-sqlite3-multiple-ciphers opens a database in the packaged app', !natives.sqlite!.startsWith('error'), `SQLite ${natives.sqlite}`);

    check('no page errors on any screen', problems.length === 0, problems.slice(0, 5).join(' | '));
    const readerTrouble = stderr.join('').split('\n').filter((line) => /database reader/.test(line));
    check('the database readers started (no reader errors on stderr)', readerTrouble.length === 0, readerTrouble.slice(0, 3).join(' | '));
  } finally {
    await app.close().catch(() => undefined);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!fetchElectron()) {
    console.error(NOT_AVAILABLE);
    process.exit(1);
  }
  console.log(`Uji asap Jenjang dengan Electron ${electronVersion()} (${process.platform}/${process.arch})`);
  const unpacked = option('app') ? path.resolve(option('app')!) : packApp();
  await readFuses(executableIn(unpacked));
  const copy = await drivableCopy(unpacked);
  try {
    await drive(copy.binary);
  } finally {
    fs.rmSync(copy.dir, { recursive: true, force: true });
  }
  const failed = checks.filter((c) => !c.ok);
  console.log(failed.length === 0 ? `\nUji asap lulus: ${checks.length} pemeriksaan.` : `\nUji asap GAGAL: ${failed.length} dari ${checks.length} pemeriksaan.`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`Uji asap terhenti: ${(error as Error).message ?? error}`);
  process.exit(1);
});
