// The import process killed in the middle of its commit: the database must be exactly as before and open
// normally (SQLite rolls back the unfinished WAL transaction), including the name-search trigger the bulk
// path sets aside inside that transaction.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open-database';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited } from '../../main/demo/import-files';
import { TEST_TODAY } from '../today';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-db';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('an import killed mid-commit', () => {
  const dir = tempDir();

  it('leaves the database unchanged and openable', async () => {
    const dbPath = path.join(dir, 'kill.sqlite');
    expect(runCli(['demo', '--db', dbPath, '--employees', '200', '--seed', '4']).code).toBe(0);
    // A snapshot of another district: 3,000 new employees, so the commit runs long enough to be caught.
    const file = path.join(dir, 'siasn.csv');
    writeDelimited(file, SIASN_HEADER, siasnRows(generateDemoDistrict({ employees: 3000, seed: 99, asOf: TEST_TODAY })), { delimiter: '|' });

    const state = async () => {
      const { dataSource } = await openDatabase(dbPath, { create: false });
      try {
        return {
          counts: await dataSource.query(`SELECT (SELECT COUNT(*) FROM employee) AS employees, (SELECT COUNT(*) FROM unit) AS units,
            (SELECT COUNT(*) FROM position) AS positions, (SELECT COUNT(*) FROM position_history) AS history, (SELECT COUNT(*) FROM import_snapshot) AS snapshots,
            (SELECT COUNT(*) FROM import_change) AS changes, (SELECT COUNT(*) FROM audit_log) AS audit`),
          triggers: await dataSource.query(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`),
          fts: await dataSource.query(`SELECT COUNT(*) AS n FROM employee_fts`),
          integrity: await dataSource.query('PRAGMA integrity_check'),
        };
      } finally {
        await dataSource.destroy();
      }
    };
    const before = await state();

    // One process (tsx as a loader, not its CLI, which would run the script in a grandchild SIGKILL never reaches).
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/helpers/import-child.ts'), '--db', dbPath, '--file', file], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('JENJANG_COMMIT_IN_PROGRESS')) resolve();
      });
      child.on('exit', () => reject(new Error(`the child ended before committing:\n${stdout}\n${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stdout).not.toContain('JENJANG_COMMITTED');

    const after = await state();
    expect(after.integrity).toEqual([{ integrity_check: 'ok' }]);
    expect(after).toEqual(before);
    expect(after.triggers.map((t: { name: string }) => t.name)).toContain('employee_fts_insert');
  }, 120_000);
});
