// "Cadangkan" in team mode: the office's PostgreSQL database (the embedded server, holding the demo district)
// backed up into an encrypted SQLite file, one moment of the server whatever is written meanwhile, checked per
// table against the server, accepted by the restore checks, and restored into either mode.

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseChecksums, migrateDatabase } from '../../main/db/migrate-db';
import { keyForNewDatabase, keyOpens } from '../../main/db/sqlite-connection';
import { startHost } from '../../main/host';
import { checkRestoreSource } from '../../main/services/backup/restore';
import { backupTeamDatabase, partialBackupPath } from '../../main/services/backup/team-backup';
import { fixedClock } from '../../main/services/clock';
import { queryServer, usePostgresDatabase, type TestDatabase } from '../helpers/postgres';
import { runCli } from '../helpers/run-cli';
import { TEST_TODAY, tempDir } from '../helpers/temp-db';

const SQLITE_HEADER = 'SQLite format 3\u0000';

describe('team backup: the server in an encrypted SQLite file', () => {
  const dir = tempDir('jenjang-team-backup-');
  let server: TestDatabase;
  let serverSums: Map<string, string>;

  beforeAll(async () => {
    // The office server as migrate-db fills it from a desk's database (the demo district, every capability's data).
    const demo = path.join(dir, 'demo.sqlite');
    const host = await startHost({ dbPath: demo, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, log: () => undefined });
    try {
      await host.services.demo.load({ employees: 80, seed: 5, actor: 'tester', extensions: true });
    } finally {
      await host.close();
    }
    server = await usePostgresDatabase();
    await migrateDatabase(demo, server.url);
    serverSums = await databaseChecksums(server.url);
  });

  it('backup --db postgres://… writes an encrypted file whose every table has the server\'s rows and checksum', async () => {
    const out = path.join(dir, 'cadangan-tim.sqlite');
    const result = runCli(['backup', '--db', server.url, '--out', out, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { db: string; out: string; bytes: number; rows: number; employees: number; tables: Array<{ table: string; rows: number; checksum: string }> };
    expect(report).toMatchObject({ db: expect.stringMatching(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\//), out, bytes: fs.statSync(out).size, employees: 80 });
    // The password never appears in what the command prints.
    expect(result.stdout + result.stderr).not.toContain(new URL(server.url).password);
    expect(new Map(report.tables.map((t) => [t.table, t.checksum]))).toEqual(serverSums);
    expect(report.rows).toBe(report.tables.reduce((sum, t) => sum + t.rows, 0));

    // Encrypted with this computer's database key, as every Jenjang file is; no partial file stays behind.
    expect(fs.readFileSync(out).subarray(0, 16).toString('latin1')).not.toBe(SQLITE_HEADER);
    expect(keyOpens(out, keyForNewDatabase())).toBe(true);
    expect(fs.existsSync(partialBackupPath(out))).toBe(false);
    // Computed afresh from the file, the checksums are the server's; and the restore's complete check accepts it.
    expect(await databaseChecksums(out)).toEqual(serverSums);
    expect(await checkRestoreSource(out, 'cadangan-tim.sqlite')).toMatchObject({ employees: 80, pendingMigrations: 0 });

    // Said in words without --json.
    const again = runCli(['backup', '--db', server.url, '--out', path.join(dir, 'cadangan-tim-2.sqlite')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^Cadangan dibuat dari postgres:\/\/postgres@127\.0\.0\.1:\d+\/\S+: .*cadangan-tim-2\.sqlite \([\d,]+ MB; \d+ tabel, [\d.]+ baris, 80 pegawai\) dalam [\d,]+ detik; jumlah baris dan checksum setiap tabel sama dengan server\.$/m);
  });

  it('is one moment of the server: a row another desk commits while the backup runs is not in it', async () => {
    const out = path.join(dir, 'cadangan-sesaat.sqlite');
    const before = await databaseChecksums(server.url);
    const copied: string[] = [];
    let written: string | null = null;
    await backupTeamDatabase(server.url, out, {
      async onTable(copy) {
        copied.push(copy.table);
        if (written) return;
        // Another desk's edit, committed after the first table was read and before audit_log is.
        const [{ id }] = await queryServer<{ id: string }>(server.url,
          `INSERT INTO audit_log (at, actor, action, entity, summary) VALUES ('2026-11-24T09:00:00Z', 'Budi Santoso (budi)', 'update', 'employee', 'Perubahan dari meja lain') RETURNING id`);
        written = id;
      },
    });
    expect(written).not.toBeNull();
    expect(copied[0]).not.toBe('audit_log');
    expect(copied).toContain('audit_log');
    expect(await databaseChecksums(out)).toEqual(before);
    const now = await databaseChecksums(server.url);
    expect(now.get('audit_log')).not.toBe(before.get('audit_log'));
    expect([...now].filter(([table, sum]) => before.get(table) !== sum).map(([table]) => table)).toEqual(['audit_log']);
    await queryServer(server.url, 'DELETE FROM audit_log WHERE id = $1', [written]);
    expect(await databaseChecksums(server.url)).toEqual(before);
  });

  it('restores into either mode: a desk\'s database file, and an empty server database', async () => {
    const out = path.join(dir, 'cadangan-pulih.sqlite');
    await backupTeamDatabase(server.url, out);

    const desk = path.join(dir, 'meja.sqlite');
    const restored = runCli(['restore', '--db', desk, '--from', out, '--yes', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ restored: true, candidate: { employees: 80 } });
    expect(await databaseChecksums(desk)).toEqual(serverSums);

    const otherServer = await usePostgresDatabase();
    const moved = runCli(['migrate-db', '--from', out, '--to', otherServer.url, '--json']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(await databaseChecksums(otherServer.url)).toEqual(serverSums);
  });

  it('refuses an existing file without --force and leaves it as it was; a partial file of an interrupted run is replaced', async () => {
    const out = path.join(dir, 'sudah-ada.sqlite');
    fs.writeFileSync(out, 'berkas lain');
    const refused = runCli(['backup', '--db', server.url, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^jenjang: Berkas tujuan .*sudah-ada\.sqlite sudah ada; pakai --force untuk menimpanya\./);
    expect(fs.readFileSync(out, 'utf8')).toBe('berkas lain');
    await expect(backupTeamDatabase(server.url, dir)).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('adalah folder') });

    // A run killed halfway left its partial file: the next run starts afresh and names only a checked file.
    fs.writeFileSync(partialBackupPath(out), 'sisa cadangan yang terputus');
    const forced = await backupTeamDatabase(server.url, out, { force: true });
    expect(forced.summary.employees).toBe(80);
    expect(fs.existsSync(partialBackupPath(out))).toBe(false);
    expect(await databaseChecksums(out)).toEqual(serverSums);
  });

  it('removes the partial files a killed run left under other names, not one still being written', async () => {
    const killed = partialBackupPath(path.join(dir, 'jenjang.manual-20261101-0900.sqlite'));
    const running = partialBackupPath(path.join(dir, 'jenjang.manual-20261207-1000.sqlite'));
    for (const file of [killed, `${killed}-wal`, running]) fs.writeFileSync(file, 'sisa');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(killed, twoHoursAgo, twoHoursAgo);
    await backupTeamDatabase(server.url, path.join(dir, 'jenjang.manual-20261207-1100.sqlite'));
    expect(fs.existsSync(killed)).toBe(false);
    expect(fs.existsSync(`${killed}-wal`)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
    fs.rmSync(running);
  });

  it('refuses a server that does not answer, leaving no file', async () => {
    const out = path.join(dir, 'tanpa-server.sqlite');
    await expect(backupTeamDatabase('postgres://jenjang@127.0.0.1:1/jenjang', out)).rejects.toMatchObject({ message: expect.stringMatching(/127\.0\.0\.1/) });
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(partialBackupPath(out))).toBe(false);
  });
});
