// Pengaturan › Cadangan in team mode, on a real PostgreSQL server: "Cadangkan" through the IPC handler writes the
// server's consistent snapshot into this computer's folder for the server (a file that opens as a desk database),
// and "Pulihkan" replaces the server's whole content with a file's in one transaction: the server then holds exactly
// the file's data, its identities go on past the restored ids, the other desk hears of it, and a restore that
// fails (a damaged file, another program's file, a failure half-way through the copy, an import running on another
// desk) leaves the server as it was. The CLI's `restore --db postgres://…` does the same.

import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeConnection, type PostgresConnection } from '../../main/db/connection';
import { databaseChecksums, migrateDatabase } from '../../main/db/migrate-db';
import { MIGRATION_NAMES } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open-database';
import { startHost, type JenjangHost } from '../../main/host';
import { restoreTeamDatabase } from '../../main/services/backup/team-backup';
import { fixedClock } from '../../main/services/clock';
import type { AppEvent } from '../../shared/ipc/events';
import { NEW_EMPLOYEE } from '../helpers/employee-input';
import { queryServer, usePostgresDatabase, type TestDatabase } from '../helpers/postgres';
import { anotherComputersDatabase, runCli } from '../helpers/run-cli';
import { openDatabaseFile } from '../helpers/sqlite';
import { TEST_TODAY, expectOk, tempDir } from '../helpers/temp-db';

/** A desk database file with the demo district (`employees` people). */
async function demoFile(file: string, employees: number, seed: number): Promise<void> {
  const host = await startHost({ dbPath: file, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, log: () => undefined });
  try {
    await host.services.demo.load({ employees, seed, actor: 'tester', extensions: true });
  } finally {
    await host.close();
  }
}

const startDesk = (dbPath: string) => startHost({ dbPath, transport: 'test', clock: fixedClock(TEST_TODAY), validateResponses: true, log: () => undefined });

/** Every table's checksum but the audit log's (a backup and a restore each add their own entry there). */
function withoutAudit(sums: Map<string, string>): Map<string, string> {
  return new Map([...sums].filter(([table]) => table !== 'audit_log'));
}

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Cadangan in team mode (PostgreSQL server)', () => {
  const dir = tempDir('jenjang-server-restore-');
  const eighty = path.join(dir, 'kantor-80.sqlite');
  const thirty = path.join(dir, 'kantor-30.sqlite');
  let server: TestDatabase;
  let connection: PostgresConnection;
  let deskA: JenjangHost;
  let deskB: JenjangHost;
  const heardByB: AppEvent[] = [];

  beforeAll(async () => {
    await demoFile(eighty, 80, 5);
    await demoFile(thirty, 30, 11);
    server = await usePostgresDatabase();
    connection = describeConnection(server.url) as PostgresConnection;
    await migrateDatabase(eighty, server.url);
    deskA = await startDesk(server.url);
    deskB = await startDesk(server.url);
    deskB.onEvent((event) => heardByB.push(event));
  });
  afterAll(async () => {
    await deskA?.close();
    await deskB?.close();
  });

  it('Cadangkan: the server\'s snapshot in this computer\'s folder, with progress per table, audited, listed, opening as a desk database', async () => {
    const before = await databaseChecksums(server.url);
    const phases: string[] = [];
    const off = deskA.onEvent((event) => {
      if (event.type === 'job:progress' && event.jobId === 'cadangan-tim') phases.push(`${event.phase} ${event.done}/${event.total}`);
    });
    const entry = expectOk(await deskA.call('backup:create', { jobId: 'cadangan-tim' }));
    off();
    expect(entry).toMatchObject({ kind: 'manual', fileName: expect.stringMatching(/^127\.0\.0\.1_\d+_jenjang_uji_\w+\.manual-[0-9a-f-]+\.sqlite$/) });
    expect(entry.path.startsWith(path.join(process.env.JENJANG_CONFIG_DIR!, 'mode-tim', 'cadangan'))).toBe(true);
    // Counted in tables, up to all of them (the job registry passes on a few of the steps, not every one).
    const tables = before.size;
    expect(phases).toContain(`Membuat cadangan dari server ${tables}/${tables}`);
    expect(phases.some((p) => new RegExp(`^Membuat cadangan dari server ([1-9]|[1-4]\\d)/${tables}$`).test(p))).toBe(true);

    // The file holds the server's data as it was; the audit entry of the backup came after it.
    expect(await databaseChecksums(entry.path)).toEqual(before);
    const [audit] = await queryServer<{ action: string; summary: string }>(server.url, `SELECT action, summary FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ action: 'backup', summary: expect.stringContaining(`Mencadangkan database server ke ${entry.fileName}`) });

    const listed = expectOk(await deskA.call('backup:list', {}));
    expect(listed).toMatchObject({ teamMode: true, folder: path.dirname(entry.path) });
    expect(listed.backups.map((b) => b.fileName)).toContain(entry.fileName);
    // No daily copy per desk on a server.
    expect(expectOk(await deskA.call('backup:dailyIfDue', {}))).toBeNull();

    // Opened as a desk's database: the same 80 people.
    const copy = path.join(dir, 'dibuka-di-meja.sqlite');
    fs.copyFileSync(entry.path, copy);
    const desk = await startDesk(copy);
    try {
      expect(expectOk(await desk.call('app:status', {})).employeeCount).toBe(80);
    } finally {
      await desk.close();
    }
  });

  it('Pulihkan into the server in use: exactly the file\'s data, identities past its ids, the other desk told, the replaced data kept', async () => {
    const fileSums = await databaseChecksums(thirty);
    const replacedSums = await databaseChecksums(server.url);
    const source = { from: 'dialog' as const, pickId: deskA.services.backup.registerPicked(thirty).pickId };
    const preview = expectOk(await deskA.call('backup:inspect', { source }));
    expect(preview).toMatchObject({ candidate: { employees: 30 }, current: { employees: 80 } });
    expect(preview.warnings.join(' ')).toMatch(/jauh lebih sedikit pegawai \(30\)/);
    heardByB.length = 0;

    const restored = expectOk(await deskA.call('backup:restore', { source, jobId: 'pulihkan-tim' }));
    expect(restored).toMatchObject({ name: 'kantor-30.sqlite', restored: { employees: 30 }, previousCopy: { kind: 'sebelum-restore' } });
    // The replaced data, backed up first, is the server's as it was.
    expect(withoutAudit(await databaseChecksums(restored.previousCopy!.path))).toEqual(withoutAudit(replacedSums));

    // The server holds the file's rows, table by table; the audit log the file's plus the restore's own entry.
    const now = await databaseChecksums(server.url);
    expect(withoutAudit(now)).toEqual(withoutAudit(fileSums));
    expect(Number(now.get('audit_log')!.split(':')[0])).toBe(Number(fileSums.get('audit_log')!.split(':')[0]) + 1);
    const [restoreEntry] = await queryServer<{ action: string; summary: string }>(server.url, `SELECT action, summary FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(restoreEntry).toMatchObject({ action: 'restore', summary: expect.stringMatching(/^Memulihkan database dari kantor-30\.sqlite; database sebelumnya \(80 pegawai\) disimpan sebagai /) });
    const [{ n }] = await queryServer<{ n: number }>(server.url, 'SELECT count(*)::int AS n FROM employee');
    expect(n).toBe(30);
    const fileNames = openDatabaseFile(thirty, { readonly: true });
    const firstFive = fileNames.prepare('SELECT id, nip, name FROM employee ORDER BY id LIMIT 5').all() as Array<{ id: number; nip: string; name: string }>;
    fileNames.close();
    expect(await queryServer(server.url, 'SELECT id::int AS id, nip, name FROM employee ORDER BY id LIMIT 5')).toEqual(firstFive);

    // Both desks see it: desk A through its rebuilt services, desk B through the change feed.
    expect(expectOk(await deskA.call('app:status', {})).employeeCount).toBe(30);
    await until(() => heardByB.some((e) => e.type === 'data:changed' && e.scope === 'all'), 'desk B to hear of the restore');
    expect(expectOk(await deskB.call('app:status', {})).employeeCount).toBe(30);

    // The identities continue past the restored ids: a new employee goes in on either desk.
    const [{ max }] = await queryServer<{ max: number }>(server.url, 'SELECT max(id)::int AS max FROM employee');
    const created = expectOk(await deskB.call('employees:create', { input: NEW_EMPLOYEE }));
    expect(created.id).toBeGreaterThan(max);
  });

  it('leaves the server as it was when the restore fails: a damaged file, another program\'s file, a failure half-way, an import on another desk, another restore', async () => {
    const before = await databaseChecksums(server.url);

    const damaged = path.join(dir, 'rusak.sqlite');
    const bytes = fs.readFileSync(eighty);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const foreign = path.join(dir, 'aplikasi-lain.sqlite');
    const raw = openDatabaseFile(foreign);
    raw.exec('CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoice (total) VALUES (10)');
    raw.close();
    for (const [i, file] of [damaged, foreign].entries()) {
      const source = { from: 'dialog' as const, pickId: deskA.services.backup.registerPicked(file).pickId };
      const result = await deskA.call('backup:restore', { source, jobId: `gagal-ke-${i}` });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/Database tidak diubah\.$/);
    }
    expect(await databaseChecksums(server.url)).toEqual(before);

    // Half-way: the copy fails after ten tables, inside the transaction.
    await expect(restoreTeamDatabase(connection, eighty, {
      label: 'kantor-80.sqlite',
      job: {
        jobId: 'separuh-jalan', cancelled: false, throwIfCancelled() {},
        progress(phase, done) {
          if (phase === 'Mengganti data di server' && done === 10) throw new Error('listrik padam');
        },
      },
    })).rejects.toMatchObject({ message: expect.stringMatching(/database tidak diubah\.$/i) });
    expect(await databaseChecksums(server.url)).toEqual(before);

    // An import running on desk B: the restore is refused with who runs it.
    const copiesBefore = deskA.services.backup.list().length;
    await deskB.services.jobLocks.acquire('impor', 'Sri Wahyuni (sri)', { leaseMs: 60_000 });
    try {
      const source = { from: 'dialog' as const, pickId: deskA.services.backup.registerPicked(eighty).pickId };
      const busy = await deskA.call('backup:restore', { source, jobId: 'saat-impor' });
      expect(busy).toMatchObject({ ok: false, error: { code: 'busy', message: 'Impor sedang dijalankan oleh Sri Wahyuni; tunggu sampai selesai. Database tidak diubah.' } });
    } finally {
      await deskB.services.jobLocks.release('impor', 'Sri Wahyuni (sri)');
    }
    // Another restore holding the server (its advisory lock on a connection of its own): refused, not interleaved.
    const otherRestore = new pg.Client({ connectionString: server.url });
    await otherRestore.connect();
    try {
      await otherRestore.query(`SELECT pg_advisory_lock(hashtext('pemulihan'))`);
      await expect(restoreTeamDatabase(connection, eighty, { label: 'kantor-80.sqlite' })).rejects.toMatchObject({
        code: 'busy', message: 'Pemulihan lain sedang berjalan di server ini; tunggu sampai selesai. Database tidak diubah.',
      });
    } finally {
      await otherRestore.end();
    }
    // Refused before anything was copied: no «Sebelum pemulihan» copy of a restore that never ran.
    expect(deskA.services.backup.list()).toHaveLength(copiesBefore);
    // job_lock now names the import's holder (the import's own row); everything else is as it was.
    const after = await databaseChecksums(server.url);
    after.delete('job_lock');
    before.delete('job_lock');
    expect(after).toEqual(before);
  });

  it('cli restore --db postgres://… replaces the server\'s content with the file\'s', async () => {
    const fileSums = await databaseChecksums(eighty);
    const refused = runCli(['restore', '--db', server.url, '--from', eighty]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--yes/);
    const checked = runCli(['restore', '--db', server.url, '--from', eighty, '--check', '--json']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ restored: false, candidate: { employees: 80 }, current: { employees: 31 } });

    const result = runCli(['restore', '--db', server.url, '--from', eighty, '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Database postgres:\/\/postgres@127\.0\.0\.1:\d+\/\S+ dipulihkan dari .*kantor-80\.sqlite: 80 pegawai; \d+ tabel, [\d.]+ baris dalam [\d,]+ detik; jumlah baris dan checksum setiap tabel sama dengan berkas\.$/m);
    expect(result.stdout + result.stderr).not.toContain(new URL(server.url).password);
    expect(await databaseChecksums(server.url)).toEqual(fileSums);
    // The desks hear of it too and read the restored data.
    expect(expectOk(await deskA.call('app:status', {})).employeeCount).toBe(80);
  });

  it('restores a backup of an older schema, and one made under another computer\'s key with its recovery key', { timeout: 240_000 }, async () => {
    // The 30-person district one schema step behind: migrated in the staged copy, never in the officer's file.
    const older = path.join(dir, 'lama.sqlite');
    fs.copyFileSync(thirty, older);
    const opened = await openDatabase(older, { create: false, backupBeforeMigration: false });
    await opened.dataSource.undoLastMigration({ transaction: 'all' });
    await opened.close();
    const olderBytes = fs.readFileSync(older);
    const result = await restoreTeamDatabase(connection, older, { label: 'lama.sqlite' });
    expect(result.candidate).toMatchObject({ employees: 30, pendingMigrations: 1 });
    expect(fs.readFileSync(older).equals(olderBytes)).toBe(true);
    expect(expectOk(await deskA.call('app:status', {})).employeeCount).toBe(30);
    const [{ n }] = await queryServer<{ n: number }>(server.url, 'SELECT count(*)::int AS n FROM "migrations"');
    expect(n).toBe(MIGRATION_NAMES.length);

    // Another computer's backup: refused without its recovery key (the server unchanged), restored with it.
    const { db: otherDb, recoveryKey } = anotherComputersDatabase(dir);
    const before = await databaseChecksums(server.url);
    const refused = runCli(['restore', '--db', server.url, '--from', otherDb, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/terenkripsi dengan kunci lain.*Database tidak diubah\./);
    expect(await databaseChecksums(server.url)).toEqual(before);
    const restored = runCli(['restore', '--db', server.url, '--from', otherDb, '--recovery-key', recoveryKey, '--yes', '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ restored: true, candidate: { employees: 40 }, current: { employees: 30 } });
    expect(expectOk(await deskA.call('app:status', {})).employeeCount).toBe(40);
  });
});
