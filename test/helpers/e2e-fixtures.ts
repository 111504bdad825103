import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '../../shared/auth/roles';
import { nodeEntryArgs } from './node-build';
import { createPostgresDatabase, type TestDatabase } from './postgres';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Credentials {
  username: string;
  password: string;
}

/** The demo district's accounts, one per role (created by `cli demo`, written in the README). */
export const DEMO_ACCOUNTS: Record<Role, Credentials> = {
  administrator: { username: 'admin', password: 'jenjang-admin' },
  pengelola: { username: 'pengelola', password: 'jenjang-pengelola' },
  komite: { username: 'komite', password: 'jenjang-komite' },
  pimpinan: { username: 'pimpinan', password: 'jenjang-pimpinan' },
  operator_opd: { username: 'operator', password: 'jenjang-operator' },
};

/** The Administrator a test on an empty database creates through the first-start form (or the API, when a test
 *  calls a channel before opening the page). */
export const FIRST_ADMINISTRATOR = { username: 'admin', fullName: 'Admin Pengujian', password: 'jenjang-admin' };

/** Where the web bridge keeps the session token (renderer/src/api/web-bridge.ts). */
const SESSION_KEY = 'jenjang.session';

export interface OpenOptions {
  /** Who logs in: a demo role (default the Administrator), other credentials, or nobody (the login screen shows). */
  as?: Role | Credentials | null;
}

export interface JenjangServer {
  url: string;
  token: string;
  dbPath: string;
  /**
   * Opens the app in `page` the way start:web does (token in the launch URL), logged in: the session is opened
   * through the API and its token placed in the tab's sessionStorage before the page loads. On a database
   * without accounts the page goes through the first-start form instead, creating FIRST_ADMINISTRATOR.
   */
  open(page: Page, hash?: string, options?: OpenOptions): Promise<void>;
  /** Calls a channel directly as the Administrator, for test setup and cross-checks. */
  call<T = unknown>(channel: string, payload: unknown): Promise<T>;
  /** Calls a channel with the given session token (null: none); answers the whole result envelope. */
  callWith(session: string | null, channel: string, payload: unknown): Promise<ApiResult>;
  /** Logs in through the API; the session token. */
  login(who?: Role | Credentials): Promise<string>;
}

export type ApiResult = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** Fills the first-start form ("Buat akun Administrator") and waits for the shell. */
export async function createFirstAdministrator(page: Page, admin = FIRST_ADMINISTRATOR): Promise<void> {
  const form = page.getByRole('region', { name: 'Buat akun Administrator' });
  await form.getByLabel('Nama pengguna').fill(admin.username);
  await form.getByLabel('Nama lengkap').fill(admin.fullName);
  await form.getByLabel('Kata sandi', { exact: true }).fill(admin.password);
  await form.getByLabel('Ulangi kata sandi').fill(admin.password);
  await form.getByRole('button', { name: 'Buat akun dan masuk' }).click();
  await expect(page.getByRole('navigation', { name: 'Menu utama' })).toBeVisible();
}

interface Options {
  /** Employees to load with `npm run cli -- demo` before the server starts; 0 = empty database. */
  demoEmployees: number;
  /** The day the demo and the web host live on (JENJANG_TODAY); by default the suite's fixed day. Rules that change
   *  with the month run their spec at several days with `test.use({ today })`. */
  today: string | undefined;
  /** Team mode: the web host opens a fresh database on the run's embedded PostgreSQL (test/helpers/postgres.ts)
   *  instead of a SQLite file; the demo, when asked for, is written into it by `cli demo --db postgres://…`. */
  onServer: boolean;
}

/**
 * A demo district in `dbPath`. The demo is deterministic per size and day, so each one is generated once per run
 * (into the folder the global setup names in JENJANG_E2E_DEMO_CACHE) and copied for every test that asks for it:
 * each test still gets its own fresh file.
 */
function copyDemoDistrict(dbPath: string, employees: number, today: string | undefined, env: NodeJS.ProcessEnv): void {
  const cacheDir = process.env.JENJANG_E2E_DEMO_CACHE;
  const generate = (target: string) => {
    const demo = spawnSync(process.execPath, [...nodeEntryArgs('cli'), 'demo', '--db', target, '--employees', String(employees)], { cwd: ROOT, encoding: 'utf8', env });
    if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  };
  if (!cacheDir) return generate(dbPath);
  // One folder per district, generated in a folder of its own and renamed into place whole: a folder is renamed
  // atomically, so a worker never copies a half-written district, nor one district's main file with another
  // generation's side files (two workers may generate the same district at once; the first rename wins).
  const cached = path.join(cacheDir, `demo-${employees}-${today ?? 'default'}`);
  if (!fs.existsSync(cached)) {
    const partial = fs.mkdtempSync(`${cached}.partial-`);
    generate(path.join(partial, 'demo.sqlite'));
    try {
      fs.renameSync(partial, cached);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      fs.rmSync(partial, { recursive: true, force: true });
    }
  }
  const source = path.join(cached, 'demo.sqlite');
  for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(source + suffix)) fs.copyFileSync(source + suffix, dbPath + suffix);
}

/** A demo district written straight into a team database (the same generator and seed as on a file). */
function demoOnServer(url: string, employees: number, env: NodeJS.ProcessEnv): void {
  const demo = spawnSync(process.execPath, [...nodeEntryArgs('cli'), 'demo', '--db', url, '--employees', String(employees)], { cwd: ROOT, encoding: 'utf8', env });
  if (demo.status !== 0) throw new Error(`demo on the server failed: ${demo.stderr}`);
}

/** One web host per test: a fresh real SQLite file (or, onServer, a fresh PostgreSQL database), the real
 *  dispatcher, response validation on. */
export const test = base.extend<Options & { jenjang: JenjangServer }>({
  demoEmployees: [0, { option: true }],
  today: [undefined, { option: true }],
  onServer: [false, { option: true }],
  jenjang: async ({ demoEmployees, today, onServer }, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jenjang-e2e-'));
    const env = today ? { ...process.env, JENJANG_TODAY: today } : process.env;
    const database: TestDatabase | null = onServer ? await createPostgresDatabase() : null;
    const dbPath = database?.url ?? path.join(dir, 'jenjang.sqlite');
    if (demoEmployees > 0) {
      if (database) demoOnServer(database.url, demoEmployees, env);
      else copyDemoDistrict(dbPath, demoEmployees, today, env);
    }
    const token = crypto.randomBytes(24).toString('base64url');
    const child: ChildProcess = spawn(process.execPath, [...nodeEntryArgs('serve'), '--db', dbPath, '--port', '0', '--token', token, '--validate-responses'], {
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
    const callWith = async (session: string | null, channel: string, payload: unknown): Promise<ApiResult> => {
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      if (session) headers['X-Jenjang-Session'] = session;
      const response = await fetch(`${url}api/${channel}`, { method: 'POST', headers, body: JSON.stringify(payload) });
      return (await response.json()) as ApiResult;
    };
    const hasAccounts = async () => {
      const state = await callWith(null, 'auth:state', {});
      if (!state.ok) throw new Error(state.error.message);
      return (state.data as { hasAccounts: boolean }).hasAccounts;
    };
    const login = async (who: Role | Credentials = 'administrator'): Promise<string> => {
      const credentials = typeof who === 'string' ? DEMO_ACCOUNTS[who] : who;
      const answer = await callWith(null, 'auth:login', credentials);
      if (!answer.ok) throw new Error(`login as ${credentials.username}: ${answer.error.message}`);
      return (answer.data as { token: string }).token;
    };
    // The Administrator session of `call`: opened on first use (creating the Administrator on an empty
    // database), opened again when it ended (a test that logs the Administrator out or ends its sessions).
    let adminSession: string | null = null;
    const adminToken = async () => {
      if (adminSession) return adminSession;
      if (!(await hasAccounts())) {
        const created = await callWith(null, 'auth:setupAdministrator', { ...FIRST_ADMINISTRATOR, nip: null });
        if (!created.ok) throw new Error(created.error.message);
        adminSession = (created.data as { token: string }).token;
      } else {
        adminSession = await login('administrator');
      }
      return adminSession;
    };
    const server: JenjangServer = {
      url, token, dbPath, callWith, login,
      async open(page, hash = '', options = {}) {
        const who = options.as === undefined ? 'administrator' : options.as;
        const launch = `${url}?token=${encodeURIComponent(token)}${hash}`;
        if (who !== null && !(await hasAccounts())) {
          await page.goto(launch);
          await createFirstAdministrator(page);
          return;
        }
        if (who !== null) {
          const session = await login(who);
          // Placed once per login: a reload after the test logged out must find the tab logged out.
          await page.addInitScript(({ key, value }) => {
            try {
              const seeded = `jenjang.e2e-seeded.${value}`;
              if (sessionStorage.getItem(seeded)) return;
              sessionStorage.setItem(key, value);
              sessionStorage.setItem(seeded, '1');
            } catch {
              // about:blank and other opaque origins have no sessionStorage
            }
          }, { key: SESSION_KEY, value: session });
        }
        await page.goto(launch);
      },
      async call(channel, payload) {
        let body = await callWith(await adminToken(), channel, payload);
        if (!body.ok && body.error.code === 'unauthenticated') {
          adminSession = null;
          body = await callWith(await adminToken(), channel, payload);
        }
        if (!body.ok) throw new Error(body.error.message);
        return body.data as never;
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
    await database?.drop();
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

/** Renames employee `id` through the edit form (saved with Ctrl+S), and waits until the database holds the name. */
export async function renameThroughForm(page: Page, jenjang: JenjangServer, id: number, name: string): Promise<void> {
  await jenjang.open(page, `#/pegawai/${id}/ubah`);
  await page.getByLabel('Nama', { exact: true }).fill(name);
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Perubahan data pegawai disimpan.')).toBeVisible();
  await expect.poll(async () => (await jenjang.call<{ name: string }>('employees:get', { id })).name).toBe(name);
}
