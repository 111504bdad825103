// The import process killed while it writes today's daily copy (taken first when it is due) and while it commits:
// the database must be exactly as before and open normally (SQLite rolls back the unfinished WAL transaction),
// including the name-search trigger the bulk path sets aside inside that transaction; the copy being written never
// carries a backup's name, the next start removes what the killed process left in the backup folder, and an import
// takes no copy of the database of its own (its undo comes from the change log).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open-database';
import { generateDemoDistrict } from '../../main/demo/generate';
import { SIASN_HEADER, siasnRows, writeDelimited } from '../../main/demo/import-files';
import { startHost } from '../../main/host';
import { TEST_TODAY } from '../today';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-db';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('an import killed mid-way', () => {
  const dir = tempDir();
  let file: string;
  let template: string;

  beforeAll(() => {
    template = path.join(dir, 'template.sqlite');
    expect(runCli(['demo', '--db', template, '--employees', '200', '--seed', '4']).code).toBe(0);
    // A snapshot of another district: 3,000 new employees, so the commit runs long enough to be caught.
    file = path.join(dir, 'siasn.csv');
    writeDelimited(file, SIASN_HEADER, siasnRows(generateDemoDistrict({ employees: 3000, seed: 99, asOf: TEST_TODAY })), { delimiter: '|' });
  });

  it.each([['backup', 'JENJANG_BACKUP_IN_PROGRESS'], ['commit', 'JENJANG_COMMIT_IN_PROGRESS']])('during the %s leaves the database unchanged and no partial copy behind', async (killAt, signal) => {
    const folder = path.join(dir, killAt);
    fs.mkdirSync(folder);
    const dbPath = path.join(folder, 'kill.sqlite');
    expect(runCli(['backup', '--db', template, '--out', dbPath]).code).toBe(0);
    const backups = path.join(folder, 'cadangan');
    const backupFiles = () => (fs.existsSync(backups) ? fs.readdirSync(backups) : []);
    const partial = (name: string) => /\.\d+\.partial(-journal)?$/.test(name);

    const state = async () => {
      const opened = await openDatabase(dbPath, { create: false });
      const { dataSource } = opened;
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
        await opened.close();
      }
    };
    const before = await state();

    // One process (tsx as a loader, not its CLI, which would run the script in a grandchild SIGKILL never reaches).
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/helpers/import-child.ts'), '--db', dbPath, '--file', file, '--kill-at', killAt], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes(signal)) resolve();
      });
      child.on('exit', () => reject(new Error(`the child ended before the ${killAt}:\n${stdout}\n${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stdout).not.toContain('JENJANG_COMMITTED');

    if (killAt === 'backup') {
      // What the killed process left is a partial copy, never a file under a backup's name (not even a 0-byte one).
      expect(backupFiles().length).toBeGreaterThan(0);
      expect(backupFiles().filter((name) => name.endsWith('.sqlite'))).toEqual([]);
      expect(backupFiles().every(partial)).toBe(true);
    } else {
      // Killed in the transaction: the day's copy was complete before it began, and nothing else was copied.
      expect(backupFiles()).toHaveLength(1);
      expect(backupFiles()[0]).toMatch(/^kill\.sqlite\.harian-\d{4}-\d{2}-\d{2}\.sqlite$/);
    }
    expect(fs.existsSync(path.join(folder, 'cadangan-impor'))).toBe(false);

    const after = await state();
    expect(after.integrity).toEqual([{ integrity_check: 'ok' }]);
    expect(after).toEqual(before);
    expect(after.triggers.map((t: { name: string }) => t.name)).toContain('employee_fts_insert');

    // The next start removes the orphan.
    const next = await startHost({ dbPath, transport: 'test', create: false, log: () => undefined });
    await next.close();
    expect(backupFiles().filter(partial)).toEqual([]);
  }, 180_000);
});
