// Pengaturan › Cadangan: backing up now, the daily backup with its kept count, the list of every copy of this
// database, and restoring one (or a file brought in by upload or the dialog) after the complete check.
// Every copy of a desk's file is written by the one backup writer (main/db/backup.ts).
//
// Team mode (the database on the office's PostgreSQL server): "Cadangkan" writes the team backup (one consistent
// moment of the server in an encrypted SQLite file, team-backup.ts) into this computer's folder for that server
// (teamBackupBase); "Pulihkan" replaces the server's content with a file's in one server transaction, after backing
// the current content up the same way. There is no daily copy per desk: the server's own backup (pg_dump, by whoever
// runs the server) is the source of truth, and every desk writing its own daily copy of the whole office would only
// multiply copies of personal data.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../../shared/auth/acting';
import { AppError } from '../../../shared/errors';
import { formatNumberId } from '../../../shared/format/id-format';
import { backupSettings, type BackupEntry, type BackupSettings, type RestorePreview, type RestoreSource } from '../../../shared/schemas/backup';
import {
  backupFolder, backupFolders, backupPath, parseBackupName, pruneStalePartials, timestampForFileName, writeBackup,
  type BackupKind, type PruneResult,
} from '../../db/backup';
import { isPostgresUrl, type PostgresConnection } from '../../db/connection';
import { serverConnectionOf } from '../../db/data-source';
import { summariseDatabase, summaryOf, type DatabaseSummary } from '../../db/database-check';
import { rawConnection } from '../../db/raw-connection';
import { importSnapshotsSql } from '../../db/sql/imports/snapshots.sql';
import { appliedMigrationsOf, databaseSummaryCountsOf } from '../../db/sql/maintenance.sql';
import { managerRun, preparedOn } from '../../db/sql/run';
import type { FileStore } from '../../import/file-store';
import type { JobHandle } from '../../jobs/job-registry';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import type { SettingsSection, SettingsSectionDefinition } from '../settings/settings-section';
import type { SettingsService } from '../settings/settings.service';
import { parseRecoveryKey, RecoveryKeyError } from '../../security/recovery-key';
import { appliedMigrationNames, checkRestoreSource, restoreDatabase, restoreWarnings } from './restore';
import { backupTeamDatabase, refuseRestoreWhileJobsRun, restoreTeamDatabase, teamBackupBase } from './team-backup';

export const BACKUP_SETTINGS: SettingsSectionDefinition<BackupSettings> = {
  prefix: 'backup',
  title: 'cadangan',
  schema: backupSettings,
  defaults: { daily: true, keep: 7 },
  labels: { daily: 'Cadangan harian otomatis', keep: 'Jumlah cadangan harian yang disimpan' },
  display: { daily: (on) => (on ? 'aktif' : 'tidak aktif'), keep: (n) => formatNumberId(n) },
};

/** Pages per event-loop turn: a 400 MB database copies in about a second, and events still get through. */
const PAGES_PER_STEP = 4096;

/** How the running app swaps its database file (the host owns the DataSource); see restoreDatabase. */
export type WhileClosed = (swap: () => Promise<void>) => Promise<void>;

export class BackupService {
  readonly settings: SettingsSection<BackupSettings>;
  /** Files chosen in Electron's dialog, by the id handed to the renderer (a path never comes back from it). */
  private readonly picked = new Map<string, string>();
  /** Files that passed the complete check, with their size and time then: the restore that follows the
   *  confirmation does not check an unchanged file a second time. */
  private readonly checked = new Map<string, { size: number; mtimeMs: number; summary: DatabaseSummary }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly dbPath: string,
    settings: SettingsService,
    private readonly audit: AuditService,
    private readonly files: FileStore,
  ) {
    this.settings = settings.section(BACKUP_SETTINGS);
  }

  /** A SQLite file of this computer (not ':memory:', not a team database on a server). */
  private get onDisk(): boolean {
    return this.dbPath !== ':memory:' && !this.onServer;
  }

  /** Team mode: the database is on the office's PostgreSQL server, which has no file here to copy or replace. */
  private get onServer(): boolean {
    return isPostgresUrl(this.dbPath);
  }

  /** The server's connection (with its password), in team mode. */
  private get server(): PostgresConnection | null {
    return this.onServer ? serverConnectionOf(this.dataSource) : null;
  }

  /** What backups are named after and kept beside: the database file, or in team mode this computer's stand-in
   *  path for the server database (teamBackupBase); null in memory. */
  private get localBase(): string | null {
    if (this.onDisk) return this.dbPath;
    const server = this.server;
    return server ? teamBackupBase(server) : null;
  }

  /** True in team mode (the screen says what Cadangkan and Pulihkan mean there). */
  get teamMode(): boolean {
    return this.onServer;
  }

  /** Every copy of this database, newest first: those named after it in its backup folders, and pre-import copies
   *  an import recorded under an older naming. */
  list(): BackupEntry[] {
    const base = this.localBase;
    if (!base) return [];
    const dbFile = path.basename(path.resolve(base));
    const entries = new Map<string, BackupEntry>();
    for (const folder of backupFolders(base)) {
      let names: string[];
      try {
        names = fs.readdirSync(folder);
      } catch {
        continue;
      }
      for (const name of names) {
        const parsed = parseBackupName(dbFile, name);
        if (!parsed || backupFolder(base, parsed.kind) !== folder) continue;
        const entry = this.entry(path.join(folder, name), parsed.kind);
        if (entry) entries.set(entry.path, entry);
      }
    }
    // A server's imports write no copy of their own on this computer.
    for (const recorded of this.onDisk ? this.recordedImportCopies() : []) {
      if (!entries.has(recorded)) {
        const entry = this.entry(recorded, 'sebelum-impor');
        if (entry) entries.set(entry.path, entry);
      }
    }
    return [...entries.values()].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || b.fileName.localeCompare(a.fileName));
  }

  folder(): string {
    const base = this.localBase;
    return base ? backupFolder(base, 'manual') : '';
  }

  /** "Cadangkan sekarang"; in team mode `actor` is recorded in the server's audit log (a desk's copy of the whole
   *  office's data leaves the server). */
  async create(job?: JobHandle, actor?: string): Promise<BackupEntry> {
    const base = this.requireLocalBase();
    const target = this.freshBackupPath(base, 'manual');
    if (!this.onServer) return this.write('manual', target, job);
    const entry = await this.writeTeamBackup('manual', target, job);
    await this.dataSource.transaction((manager) => this.audit.record(manager, {
      actor: actor ?? SYSTEM_ACTOR.fullName, action: 'backup', entity: 'database', entityId: null,
      summary: `Mencadangkan database server ke ${entry.fileName} (${formatNumberId(entry.sizeBytes / 1024 / 1024, 1)} MB) di komputer ${os.hostname()}`,
    }));
    return entry;
  }

  /** A manual/pre-restore copy's path that no copy has yet (two in one second get -2, -3, …). */
  private freshBackupPath(base: string, kind: BackupKind): string {
    const stamp = timestampForFileName(new Date(this.clock.now()));
    let target = backupPath(base, kind, stamp);
    for (let n = 2; fs.existsSync(target); n++) target = backupPath(base, kind, `${stamp}-${n}`);
    return target;
  }

  /** The team backup into `target` (its folder made when missing), with progress per table. */
  private async writeTeamBackup(kind: BackupKind, target: string, job?: JobHandle): Promise<BackupEntry> {
    const label = kind === 'sebelum-restore' ? 'Menyimpan salinan data server sekarang' : 'Membuat cadangan dari server';
    job?.progress(label, 0, 1);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    const written = await backupTeamDatabase(this.server!, target, { onTable: (_copy, { done, total }) => job?.progress(label, done, total) });
    return this.entry(written.out, kind)!;
  }

  /** Today's daily copy, when the setting is on and the day (by the app's clock) has none yet; prunes old ones.
   *  An import calls it before it writes, with its job (the progress of the copy shows in the import's); a call
   *  while one is writing waits for that one instead of writing the same file beside it. */
  dailyIfDue(job?: JobHandle): Promise<BackupEntry | null> {
    const running = this.dailyRunning ?? this.writeDailyIfDue(job).finally(() => {
      this.dailyRunning = null;
    });
    this.dailyRunning = running;
    return running;
  }

  private dailyRunning: Promise<BackupEntry | null> | null = null;

  private async writeDailyIfDue(job?: JobHandle): Promise<BackupEntry | null> {
    // Team mode: no daily copy per desk (see the head of this file).
    if (!this.onDisk) return null;
    const { daily, keep } = await this.settings.get();
    if (!daily) return null;
    const target = backupPath(this.dbPath, 'harian', this.clock.today());
    if (fs.existsSync(target)) return null;
    const entry = await this.write('harian', target, job);
    this.pruneDaily(keep);
    return entry;
  }

  async updateSettings(patch: Partial<BackupSettings> & { version?: number }, actor: string): Promise<BackupSettings & { version: number }> {
    const next = await this.settings.update(patch, actor);
    this.pruneDaily(next.keep);
    return next;
  }

  /** Deletes the oldest daily copies beyond `keep`. */
  pruneDaily(keep: number): string[] {
    const daily = this.list().filter((b) => b.kind === 'harian').sort((a, b) => b.fileName.localeCompare(a.fileName));
    const removed = daily.slice(keep).map((b) => b.path);
    for (const file of removed) fs.rmSync(file, { force: true });
    return removed;
  }

  /** At start: partial copies left by killed processes go; a pre-import copy whose import committed just before
   *  its process died gets its name. */
  pruneStale(): PruneResult {
    if (this.onServer) return pruneStalePartials(this.localBase!);
    if (!this.onDisk) return { removed: [], completed: [] };
    const recorded = new Set(this.recordedImportCopies(false));
    return pruneStalePartials(this.dbPath, (finalPath) => recorded.has(finalPath));
  }

  /** A file chosen in Electron's dialog, kept under an id for inspect and restore. */
  registerPicked(filePath: string): { pickId: string; name: string } {
    const pickId = crypto.randomBytes(12).toString('base64url');
    this.picked.set(pickId, path.resolve(filePath));
    return { pickId, name: path.basename(filePath) };
  }

  async inspect(source: RestoreSource, job?: JobHandle, recoveryKey?: string): Promise<RestorePreview> {
    this.requireLocalBase();
    const { file, name } = this.resolve(source);
    const recoveryKeys = recoveryKeysFrom(recoveryKey);
    job?.progress('Memeriksa berkas cadangan', 0, 1);
    const candidate = await checkRestoreSource(file, name, recoveryKeys);
    const current = await this.currentSummary();
    const stat = fs.statSync(file);
    this.checked.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, summary: candidate });
    job?.progress('Memeriksa berkas cadangan', 1, 1);
    return {
      name, sizeBytes: stat.size, modifiedAt: source.from === 'upload' ? null : stat.mtime.toISOString(),
      candidate, current, warnings: restoreWarnings(candidate, current),
    };
  }

  /** Replaces the database with `source` (checked again: the file may have changed since the inspection).
   *  The restored database records who restored what, and from which file. */
  async restore(source: RestoreSource, whileClosed: WhileClosed, job?: JobHandle, recoveryKey?: string) {
    const base = this.requireLocalBase();
    const { file, name } = this.resolve(source);
    const recoveryKeys = recoveryKeysFrom(recoveryKey);
    const replaced = await this.currentSummary();
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    const earlier = this.checked.get(file);
    const unchanged = earlier && stat && stat.size === earlier.size && stat.mtimeMs === earlier.mtimeMs ? earlier.summary : undefined;
    if (this.onServer) return this.restoreServer(base, file, name, replaced, whileClosed, job, unchanged, recoveryKeys);
    const outcome = await restoreDatabase({
      dbPath: this.dbPath, source: file, label: name, current: { dataSource: this.dataSource },
      stamp: timestampForFileName(new Date(this.clock.now())), whileClosed, job, checked: unchanged, recoveryKeys,
    });
    return { ...outcome, name, replaced };
  }

  /**
   * Team mode: the file checked (unless just checked), the server's current content backed up into this computer's
   * folder («Sebelum pemulihan»), then replaced in one server transaction (restoreTeamDatabase). The services are
   * then rebuilt over the server as after a file restore (settings and sessions follow the restored accounts).
   */
  private async restoreServer(base: string, file: string, name: string, replaced: DatabaseSummary, whileClosed: WhileClosed,
    job: JobHandle | undefined, checked: DatabaseSummary | undefined, recoveryKeys: Buffer[] | undefined) {
    job?.progress('Memeriksa berkas cadangan', 0, 1);
    const candidate = checked ?? await checkRestoreSource(file, name, recoveryKeys);
    await refuseRestoreWhileJobsRun(this.server!, () => this.clock.now());
    const previous = await this.writeTeamBackup('sebelum-restore', this.freshBackupPath(base, 'sebelum-restore'), job);
    await restoreTeamDatabase(this.server!, file, { label: name, checked: candidate, recoveryKeys, job, stagingBase: base, now: () => this.clock.now() });
    const restored = await this.currentSummary();
    await whileClosed(async () => undefined);
    return { restored, previousCopy: previous.path, name, replaced };
  }

  /** The audit entry of a restore, written into the restored database by its fresh services. */
  async recordRestore(actor: string, name: string, replaced: { employees: number }, previousCopy: string | null): Promise<void> {
    await this.dataSource.transaction((manager) => this.audit.record(manager, {
      actor, action: 'restore', entity: 'database', entityId: null,
      summary: `Memulihkan database dari ${name}; database sebelumnya (${formatNumberId(replaced.employees)} pegawai) disimpan${previousCopy ? ` sebagai ${path.basename(previousCopy)}` : ''}`,
    }));
  }

  entryFor(filePath: string | null, kind: BackupKind): BackupEntry | null {
    return filePath ? this.entry(filePath, kind) : null;
  }

  /** What the open database holds: the file's figures, or on a server (team mode) the same figures of the
   *  server's data. */
  async currentSummary(): Promise<DatabaseSummary> {
    if (this.onServer) {
      const run = managerRun(this.dataSource);
      return summaryOf(await databaseSummaryCountsOf(run), await appliedMigrationsOf(run));
    }
    const db = rawConnection(this.dataSource);
    return summariseDatabase(db, appliedMigrationNames(db));
  }

  private async write(kind: BackupKind, target: string, job?: JobHandle): Promise<BackupEntry> {
    const label = kind === 'harian' ? 'Membuat cadangan harian' : 'Membuat cadangan';
    job?.progress(label, 0, 1);
    const written = await writeBackup({ dataSource: this.dataSource }, target, {
      pagesPerStep: PAGES_PER_STEP, onProgress: (done, total) => job?.progress(label, done, total),
    });
    return this.entry(written, kind)!;
  }

  private entry(filePath: string, kind: BackupKind): BackupEntry | null {
    const stat = fs.statSync(filePath, { throwIfNoEntry: false });
    if (!stat?.isFile()) return null;
    const dir = path.dirname(path.resolve(this.localBase ?? this.dbPath));
    return {
      id: path.relative(dir, filePath).split(path.sep).join('/'),
      kind, fileName: path.basename(filePath), path: filePath, sizeBytes: stat.size, modifiedAt: stat.mtime.toISOString(),
    };
  }

  /** Pre-import copies the import history points at (that still exist, unless `existing` is false). */
  private recordedImportCopies(existing = true): string[] {
    const rows = importSnapshotsSql.withBackup(preparedOn(rawConnection(this.dataSource)));
    return rows.map((r) => path.resolve(r.backup_path)).filter((p) => !existing || fs.existsSync(p));
  }

  private resolve(source: RestoreSource): { file: string; name: string } {
    if (source.from === 'backup') {
      const found = this.list().find((b) => b.id === source.id);
      if (!found) throw new AppError('not_found', 'Cadangan itu tidak ada lagi di folder cadangan; muat ulang daftar cadangan.');
      return { file: found.path, name: found.fileName };
    }
    if (source.from === 'upload') {
      const stored = this.files.get(source.fileId);
      return { file: stored.path, name: stored.name };
    }
    const picked = this.picked.get(source.pickId);
    if (!picked) throw new AppError('not_found', 'Berkas yang dipilih tidak dikenal lagi (mungkin aplikasi dimulai ulang); pilih berkasnya sekali lagi.');
    return { file: picked, name: path.basename(picked) };
  }

  /** Where the copies go (the file, or the server's stand-in path); refuses an in-memory database. */
  private requireLocalBase(): string {
    const base = this.localBase;
    if (!base) throw new AppError('validation', 'Database ini hanya ada di memori; tidak ada berkas untuk dicadangkan atau dipulihkan.');
    return base;
  }
}

/** The key typed as a recovery key, for a backup made on another computer; a typo is refused before any file is tried. */
export function recoveryKeysFrom(recoveryKey: string | undefined): Buffer[] | undefined {
  if (recoveryKey === undefined || recoveryKey.trim() === '') return undefined;
  try {
    return [parseRecoveryKey(recoveryKey)];
  } catch (error) {
    if (error instanceof RecoveryKeyError) throw new AppError('validation', error.message, { issues: [{ path: 'recoveryKey', message: error.message }] });
    throw error;
  }
}
