import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface JenjangServer {
  url: string;
  token: string;
  dbPath: string;
  /** Opens the app in `page` the way start:web does (token in the launch URL). */
  open(page: Page, hash?: string): Promise<void>;
  /** Calls a channel directly, for test setup and cross-checks. */
  call<T = unknown>(channel: string, payload: unknown): Promise<T>;
}

interface Options {
  /** Employees to load with `npm run cli -- demo` before the server starts; 0 = empty database. */
  demoEmployees: number;
  /** The day the demo and the web host live on (JENJANG_TODAY); by default the suite's fixed day. Rules that change
   *  with the month run their spec at several days with `test.use({ today })`. */
  today: string | undefined;
}

/**
 * A demo district in `dbPath`. The demo is deterministic per size and day, so each one is generated once per run
 * (into the folder the global setup names in JENJANG_E2E_DEMO_CACHE) and copied for every test that asks for it:
 * each test still gets its own fresh file.
 */
function copyDemoDistrict(dbPath: string, employees: number, today: string | undefined, env: NodeJS.ProcessEnv): void {
  const cacheDir = process.env.JENJANG_E2E_DEMO_CACHE;
  const generate = (target: string) => {
    const demo = spawnSync(process.execPath, [TSX, 'main/cli/index.ts', 'demo', '--db', target, '--employees', String(employees)], { cwd: ROOT, encoding: 'utf8', env });
    if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  };
  if (!cacheDir) return generate(dbPath);
  const cached = path.join(cacheDir, `demo-${employees}-${today ?? 'default'}.sqlite`);
  if (!fs.existsSync(cached)) {
    // Generated under a temporary name and renamed: a half-written district is never copied.
    const partial = `${cached}.${process.pid}.partial`;
    generate(partial);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(partial + suffix)) fs.renameSync(partial + suffix, cached + suffix);
    fs.renameSync(partial, cached);
  }
  for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(cached + suffix)) fs.copyFileSync(cached + suffix, dbPath + suffix);
}

/** One web host per test: a fresh real SQLite file, the real dispatcher, response validation on. */
export const test = base.extend<Options & { jenjang: JenjangServer }>({
  demoEmployees: [0, { option: true }],
  today: [undefined, { option: true }],
  jenjang: async ({ demoEmployees, today }, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-e2e-'));
    const dbPath = path.join(dir, 'jenjang.sqlite');
    const env = today ? { ...process.env, JENJANG_TODAY: today } : process.env;
    if (demoEmployees > 0) copyDemoDistrict(dbPath, demoEmployees, today, env);
    const token = crypto.randomBytes(24).toString('base64url');
    const child: ChildProcess = spawn(process.execPath, [TSX, 'main/web/serve.ts', '--db', dbPath, '--port', '0', '--token', token, '--validate-responses'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env,
    });
    let log = '';
    child.stderr!.on('data', (d) => (log += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`web host did not start:\n${log}`)), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        const match = /JENJANG_WEB_READY (\S+)/.exec(chunk.toString());
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`web host exited with ${code}:\n${log}`)));
    });
    const server: JenjangServer = {
      url, token, dbPath,
      async open(page, hash = '') {
        await page.goto(`${url}?token=${encodeURIComponent(token)}${hash}`);
      },
      async call(channel, payload) {
        const response = await fetch(`${url}api/${channel}`, {
          method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(payload),
        });
        const body = await response.json();
        if (!body.ok) throw new Error(body.error.message);
        return body.data;
      },
    };
    await use(server);
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (testInfo.status !== testInfo.expectedStatus && log) await testInfo.attach('web-host.log', { body: log, contentType: 'text/plain' });
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/**
 * The first row of a list the test needs to be non-empty, asserted first with the reason it must have rows,
 * so an empty list fails with that reason instead of a TypeError further on.
 */
export function firstRow<T>(rows: readonly T[], why: string): T {
  expect(rows.length, `expected at least one row: ${why}`).toBeGreaterThan(0);
  return rows[0];
}

/** A date as the app's date fields take and show it: "2026-11-24" → "24-11-2026". */
export function dateText(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}-${month}-${year}`;
}

/**
 * Chooses a unit in a unit picker the way an officer does: types part of its name and picks it from the list
 * (the option whose own name is exactly `name`, not one of its sub-units that mention it).
 */
export async function pickUnit(scope: Page | Locator, name: string, label = 'Unit kerja'): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const picker = scope.getByRole('combobox', { name: label });
  await picker.fill(name);
  const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page.getByRole('listbox').getByRole('option').filter({ has: page.locator('.combobox-label', { hasText: exact }) }).first().click();
  await expect(picker).toHaveValue(name);
}

/** Screenshots kept as CI artifacts. */
export async function saveArtifact(page: Page, name: string): Promise<void> {
  const dir = path.join(ROOT, 'artifacts', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

/** Fails the test on any uncaught page error or console error (a broken page must not pass quietly). */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return problems;
}
