// Backups and restore in the running app, through the real dispatcher on real SQLite files: the daily backup
// the host's timer writes (the clock decides the day), backing up now, and restoring while the app runs (the
// host closes its database, the file is swapped, and fresh services stand on the restored database).

import { openDatabaseFile, type SqliteDatabase } from '../helpers/sqlite';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBackup } from '../../main/db/backup';
import { startHost, type JenjangHost } from '../../main/host';
import type { Clock } from '../../main/services/clock';
import { inputFromProfile } from '../helpers/employee-input';
import { expectOk, openTestHost, tempDir, TEST_TODAY } from '../helpers/temp-db';
import { atCurrentVersion } from '../helpers/settings-version';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A clock whose day the test turns. */
function turningClock(first: string): Clock & { turnTo(day: string): void } {
  let day = first;
  return { today: () => day as ReturnType<Clock['today']>, now: () => `${day}T08:00:00.000Z`, turnTo: (next) => (day = next) };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the daily backup', () => {
  const dir = tempDir();

  it('is written at start and once per day of the clock, keeping the set number', async () => {
    const seed = await openTestHost(dir, { demoEmployees: 30, seed: 2, recordsOnly: true });
    const dbPath = seed.runtime.dbPath;
    await seed.close();
    const clock = turningClock('2026-11-24');
    const folder = path.join(dir, 'cadangan');
    const daily = () => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.includes('.harian-')).sort() : []);
    const name = (day: string) => `${path.basename(dbPath)}.harian-${day}.sqlite`;

    const host = await startHost({ dbPath, transport: 'test', clock, dailyBackup: true, dailyBackupCheckMs: 40, validateResponses: true, log: () => undefined });
    try {
      await waitFor(() => daily().length === 1, 'the backup at start');
      expect(daily()).toEqual([name('2026-11-24')]);
      const written = fs.statSync(path.join(folder, name('2026-11-24'))).mtimeMs;
      await new Promise((resolve) => setTimeout(resolve, 300)); // several checks on the same day
      expect(daily()).toEqual([name('2026-11-24')]);
      expect(fs.statSync(path.join(folder, name('2026-11-24'))).mtimeMs).toBe(written);

      expectOk(await host.call('backup:updateSettings', await atCurrentVersion(host, 'backup:updateSettings', { keep: 2 })));
      for (const day of ['2026-11-25', '2026-11-26', '2026-11-27']) {
        clock.turnTo(day);
        await waitFor(() => daily().includes(name(day)), `the backup of ${day}`);
      }
      await waitFor(() => daily().length === 2, 'the oldest copies pruned');
      expect(daily()).toEqual([name('2026-11-26'), name('2026-11-27')]);

      expectOk(await host.call('backup:updateSettings', await atCurrentVersion(host, 'backup:updateSettings', { daily: false })));
      clock.turnTo('2026-11-28');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(daily()).toEqual([name('2026-11-26'), name('2026-11-27')]);

      const audit = expectOk(await host.call('audit:list', { entity: 'settings', limit: 10 }));
      expect(audit.rows.map((r) => r.summary)).toContain('Mengubah pengaturan cadangan: cadangan harian otomatis');
      expect(audit.rows.flatMap((r) => r.changes)).toContainEqual({ field: 'backup.keep', label: 'Jumlah cadangan harian yang disimpan', before: '7', after: '2' });
      expect(fs.readdirSync(folder).filter((f) => f.includes('.partial'))).toEqual([]);
    } finally {
      await host.close();
    }
  });

  it('is not written by CLI and test hosts unless asked', async () => {
    const host = await openTestHost(dir);
    await host.close();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(path.basename(host.runtime.dbPath)) && f.includes('harian'))).toEqual([]);
  });

  it('refuses a kept count outside 1–90 in Indonesian, changing nothing', async () => {
    const host = await openTestHost(dir);
    try {
      const refused = await host.call('backup:updateSettings', await atCurrentVersion(host, 'backup:updateSettings', { keep: 0 }));
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toMatch(/paling sedikit 1 cadangan harian/);
      expect(expectOk(await host.call('backup:settings', {}))).toEqual({ daily: true, keep: 7, version: 0 });
    } finally {
      await host.close();
    }
  });
});

describe('back up now, and restore while the app runs', () => {
  const dir = tempDir();

  async function firstEmployee(host: JenjangHost) {
    const list = expectOk(await host.call('employees:list', { limit: 1 }));
    expect(list.rows.length, 'the demo has employees').toBeGreaterThan(0);
    return expectOk(await host.call('employees:get', { id: list.rows[0].id }));
  }

  it('brings back the backed-up value, keeps the replaced database, and carries on with fresh services', async () => {
    const seed = await openTestHost(dir, { demoEmployees: 50, seed: 8, recordsOnly: true });
    await seed.close();
    // Time moves on during the day, so the edit after the backup is later than everything in it.
    let seconds = 0;
    const clock: Clock = { today: () => TEST_TODAY, now: () => new Date(Date.parse(`${TEST_TODAY}T08:00:00.000Z`) + 1000 * seconds++).toISOString() };
    const host = await startHost({ dbPath: seed.runtime.dbPath, transport: 'test', clock, validateResponses: true, log: () => undefined });
    try {
      const made = expectOk(await host.call('backup:create', { jobId: 'cadangan-sekarang' }));
      expect(made).toMatchObject({ kind: 'manual', id: `cadangan/${made.fileName}` });
      expect(made.fileName).toMatch(/\.manual-\d{8}-\d{6}\.sqlite$/);
      const again = expectOk(await host.call('backup:create', { jobId: 'cadangan-lagi' }));
      expect(again.fileName).not.toBe(made.fileName);

      const before = await firstEmployee(host);
      expectOk(await host.call('employees:update', { id: before.id, version: before.version, input: { ...inputFromProfile(before), name: 'Nama Diubah Sesudah Cadangan' } }));
      expect(expectOk(await host.call('employees:get', { id: before.id })).name).toBe('Nama Diubah Sesudah Cadangan');

      const listed = expectOk(await host.call('backup:list', {}));
      expect(listed.backups.map((b) => b.id)).toContain(made.id);
      const preview = expectOk(await host.call('backup:inspect', { source: { from: 'backup', id: made.id } }));
      expect(preview).toMatchObject({ name: made.fileName, candidate: { employees: 50 }, current: { employees: 50 } });
      expect(preview.candidate.lastChangeAt! < preview.current.lastChangeAt!).toBe(true);
      expect(preview.warnings.join(' ')).toMatch(/Perubahan yang dicatat sesudah cadangan ini dibuat akan hilang/);

      const events: string[] = [];
      host.onEvent((event) => events.push(event.type === 'job:progress' ? event.phase : event.scope));
      const restored = expectOk(await host.call('backup:restore', { source: { from: 'backup', id: made.id }, jobId: 'pulihkan-1' }));
      expect(restored.restored.employees).toBe(50);
      expect(restored.previousCopy?.kind).toBe('sebelum-restore');
      expect(events).toEqual(expect.arrayContaining(['Memeriksa berkas cadangan', 'Menyalin cadangan', 'Menyimpan salinan database sekarang', 'Mengganti database', 'all']));

      // Fresh services over the restored file: the old value is back, edits work, and the restore is on record.
      const after = expectOk(await host.call('employees:get', { id: before.id }));
      expect(after.name).toBe(before.name);
      expectOk(await host.call('employees:update', { id: after.id, version: after.version, input: { ...inputFromProfile(after), phone: '0811111111' } }));
      const audit = expectOk(await host.call('audit:list', { entity: 'database', limit: 5 }));
      expect(audit.rows[0].summary).toMatch(new RegExp(`^Memulihkan database dari ${made.fileName.replace(/\./g, '\\.')}; database sebelumnya \\(50 pegawai\\) disimpan sebagai`));

      const previous = openDatabaseFile(restored.previousCopy!.path, { readonly: true });
      expect((previous.prepare('SELECT name FROM employee WHERE id = ?').get(before.id) as { name: string }).name).toBe('Nama Diubah Sesudah Cadangan');
      previous.close();
      const folder = path.dirname(host.runtime.dbPath);
      expect(fs.readdirSync(folder).filter((f) => f.includes('.partial') || f.includes('pemulihan'))).toEqual([]);
    } finally {
      await host.close();
    }
  });

  it('refuses an uploaded foreign file with the reason, and the database stays as it was', async () => {
    const host = await openTestHost(dir, { demoEmployees: 20, seed: 3, recordsOnly: true });
    try {
      const foreign = path.join(dir, 'aplikasi-lain.sqlite');
      const raw = openDatabaseFile(foreign);
      raw.exec('CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoice (total) VALUES (10)');
      raw.close();
      const bytes = fs.readFileSync(foreign);
      const { uploadId } = expectOk(await host.call('files:beginUpload', { name: 'cadangan-kantor.sqlite', size: bytes.length }));
      expectOk(await host.call('files:appendUpload', { uploadId, offset: 0, base64: bytes.toString('base64') }));
      const file = expectOk(await host.call('files:finishUpload', { uploadId }));

      await host.services.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
      const before = sha(host.runtime.dbPath);
      for (const result of [
        await host.call('backup:inspect', { source: { from: 'upload', fileId: file.fileId } }),
        await host.call('backup:restore', { source: { from: 'upload', fileId: file.fileId }, jobId: 'pulihkan-asing' }),
      ]) {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('db_not_jenjang');
          expect(result.error.message).toBe('Berkas cadangan-kantor.sqlite adalah database SQLite milik program lain, bukan cadangan Jenjang. Database tidak diubah.');
        }
      }
      expect(expectOk(await host.call('app:status', {})).employeeCount).toBe(20);
      await host.services.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
      expect(sha(host.runtime.dbPath)).toBe(before);
    } finally {
      await host.close();
    }
  });

  it('accepts only listed copies and known uploads as sources', async () => {
    const host = await openTestHost(dir);
    try {
      // Two copies in the same second of a fixed clock: the second gets its own name, nothing is overwritten.
      const first = expectOk(await host.call('backup:create', { jobId: 'sama-detik-1' }));
      const second = expectOk(await host.call('backup:create', { jobId: 'sama-detik-2' }));
      expect(second.fileName).toBe(first.fileName.replace(/\.sqlite$/, '-2.sqlite'));

      const outside = await host.call('backup:inspect', { source: { from: 'backup', id: '../../etc/passwd' } });
      expect(outside.ok).toBe(false);
      if (!outside.ok) expect(outside.error.message).toMatch(/tidak ada lagi di folder cadangan/);
      const unknown = await host.call('backup:restore', { source: { from: 'dialog', pickId: 'tidak-dikenal' }, jobId: 'pulihkan-x' });
      expect(unknown.ok).toBe(false);
      const malformed = await host.dispatch('backup:restore', { source: { from: 'jalur', path: '/tmp/x.sqlite' }, jobId: 'pulihkan-y' });
      expect(malformed.ok).toBe(false);
      if (!malformed.ok) expect(malformed.error.code).toBe('validation');
    } finally {
      await host.close();
    }
  });

  it('picks a backup file in the desktop dialog', async () => {
    const source = await openTestHost(dir, { demoEmployees: 15, seed: 4, recordsOnly: true });
    const file = path.join(dir, 'dipilih.sqlite');
    await writeBackup({ dataSource: source.services.dataSource }, file);
    await source.close();
    const seenFilters: string[][] = [];
    const host = await startHost({
      dbPath: path.join(dir, 'desktop.sqlite'), transport: 'test', clock: { today: () => TEST_TODAY, now: () => `${TEST_TODAY}T08:00:00.000Z` },
      validateResponses: true, log: () => undefined,
      fileDialog: { async openFile({ filters }) { seenFilters.push(filters.flatMap((f) => f.extensions)); return file; } },
    });
    try {
      const picked = expectOk(await host.call('backup:pick', {}));
      expect(picked).toMatchObject({ name: 'dipilih.sqlite' });
      expect(seenFilters[0]).toContain('sqlite');
      const preview = expectOk(await host.call('backup:inspect', { source: { from: 'dialog', pickId: picked!.pickId } }));
      expect(preview.candidate.employees).toBe(15);
      expect(preview.current.employees).toBe(0);
      expectOk(await host.call('backup:restore', { source: { from: 'dialog', pickId: picked!.pickId }, jobId: 'pulihkan-dialog' }));
      expect(expectOk(await host.call('app:status', {})).employeeCount).toBe(15);
    } finally {
      await host.close();
    }
  });

  it('removes at start the partial copies of a process that died', async () => {
    const host = await openTestHost(dir);
    const dbPath = host.runtime.dbPath;
    await host.close();
    const leftover = path.join(dir, 'cadangan', `${path.basename(dbPath)}.harian-2026-11-23.sqlite.999999999.partial`);
    fs.mkdirSync(path.dirname(leftover), { recursive: true });
    fs.writeFileSync(leftover, '');
    const again = await startHost({ dbPath, transport: 'test', create: false, log: () => undefined });
    await again.close();
    expect(fs.existsSync(leftover)).toBe(false);
  });

  it('in read-only mode neither prunes nor backs up', async () => {
    const host = await openTestHost(dir, { demoEmployees: 10, seed: 1, recordsOnly: true });
    const dbPath = host.runtime.dbPath;
    await host.close();
    const leftover = path.join(dir, `${path.basename(dbPath)}.sebelum-restore-20261123-080000.sqlite.999999999.partial`);
    fs.writeFileSync(leftover, '');
    const before = sha(dbPath);
    const reader = await startHost({ dbPath, transport: 'web', readOnly: true, log: () => undefined });
    try {
      const write = await reader.call('privacy:updateSettings', { importValueRetentionDays: 120, version: 0 });
      expect(write.ok).toBe(false);
    } finally {
      await reader.close();
    }
    expect(fs.existsSync(leftover)).toBe(true);
    expect(sha(dbPath)).toBe(before);
  });
});
