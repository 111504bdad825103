import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNTS } from '../../main/services/accounts/demo-accounts';
import { nodeEntryArgs } from './node-build';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The account writing commands act as unless a test names another: the demo's Administrator, whose name and
 *  password `init` is given too, so a database from `demo` and one from `init` both have it. */
export const CLI_ADMIN = DEMO_ACCOUNTS.find((a) => a.role === 'administrator')!;

/**
 * Runs `npm run cli -- …` (main/cli/index.ts, from the run's build: test/helpers/node-build.ts), capturing stdout
 * and stderr apart. `import`
 * gets `--user admin` and `init` gets `--admin admin` unless the test gives its own (or `account: false`), with
 * JENJANG_PASSWORD set to that account's password unless the test's env sets it.
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, options: { account?: boolean } = {}) {
  const full = [...args];
  if (options.account !== false) {
    if (full[0] === 'import' && !full.includes('--user')) full.push('--user', CLI_ADMIN.username);
    if (full[0] === 'init' && !full.includes('--admin')) full.push('--admin', CLI_ADMIN.username);
  }
  const result = spawnSync(process.execPath, [...nodeEntryArgs('cli'), ...full], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, JENJANG_PASSWORD: CLI_ADMIN.password, ...env }, timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A database made on another computer: `init` and a 40-employee demo under a config folder of its own (so under
 * another database key) in `dir`. Its recovery key is what opens that computer's files here.
 */
export function anotherComputersDatabase(dir: string): { env: NodeJS.ProcessEnv; db: string; recoveryKey: string } {
  const env = { JENJANG_CONFIG_DIR: path.join(dir, 'komputer-lain') };
  const db = path.join(dir, 'lain', 'jenjang.sqlite');
  const init = runCli(['init', '--db', db, '--json'], env);
  if (init.code !== 0) throw new Error(`init on the other computer failed: ${init.stderr}`);
  const { recoveryKey } = JSON.parse(init.stdout) as { recoveryKey: string };
  const demo = runCli(['demo', '--user', 'admin', '--db', db, '--employees', '40', '--seed', '8'], env);
  if (demo.code !== 0) throw new Error(`demo on the other computer failed: ${demo.stderr}`);
  return { env, db, recoveryKey };
}
