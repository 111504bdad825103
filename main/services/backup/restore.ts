// Restoring a database from a copy, for the CLI (no database open) and the running app (the host closes its
// database for the moment of the swap). Every step before the swap works on copies: the backup file is checked
// completely, copied beside the database, brought to the current schema there, and the current database is
// copied away; only then is the file renamed into place, which is atomic. A failure at any point leaves the
// database as it was.

import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { formatNumberId } from '../../../shared/format/id-format';
import { backupPath, databaseInUse, replaceDatabaseFile, stageBackup, writeBackup, type BackupSource } from '../../db/backup';
import { verifyCompleteDatabase, withReadOnlyConnection, summariseDatabase, type DatabaseSummary } from '../../db/database-check';
import { openDatabase } from '../../db/open-database';
import { sqliteAdmin } from '../../db/sql/sqlite-admin.sql';
import { keyForNewDatabase } from '../../db/sqlite-connection';
import type { JobHandle } from '../../jobs/job-registry';

export interface RestoreArgs {
  dbPath: string;
  /** The backup file, and its name as the officer knows it (an upload lives under a temporary name). */
  source: string;
  label: string;
  /** Where the copy of the current database comes from: its open DataSource, or the closed file; null when
   *  there is no database yet. */
  current: BackupSource | null;
  /** File-name stamp of that copy. */
  stamp: string;
  /** Runs `swap` while nothing has the database open: the host closes and reopens its DataSource around it;
   *  the CLI, which holds nothing, just runs it. */
  whileClosed(swap: () => Promise<void>): Promise<void>;
  job?: JobHandle;
  nativeBinding?: string;
  /** What the complete check of this very file found moments ago (the confirmation step); the check is not
   *  repeated then, since on a large database it takes seconds. */
  checked?: DatabaseSummary;
  /** Keys typed from recovery keys: a backup made on another computer, under its key, opens with one of them.
   *  Whatever key (or none, for a backup of an earlier version) the backup has, the restored database is
   *  encrypted with this computer's active key. */
  recoveryKeys?: Buffer[];
}

export interface RestoreOutcome {
  restored: DatabaseSummary;
  /** The copy of the replaced database; null when there was none. */
  previousCopy: string | null;
}

export async function restoreDatabase(args: RestoreArgs): Promise<RestoreOutcome> {
  const { job } = args;
  const dbPath = path.resolve(args.dbPath);
  job?.progress('Memeriksa berkas cadangan', 0, 1);
  const candidate = args.checked ?? await refuseUnchanged(verifyCompleteDatabase(args.source, args.label, args.recoveryKeys));

  // The staging copy lives beside the database so that the final rename stays on one filesystem.
  const staged = await stageBackup({ file: args.source, nativeBinding: args.nativeBinding, alsoTry: args.recoveryKeys }, `${dbPath}.pemulihan.sqlite`, {
    pagesPerStep: 4096, encryptWith: keyForNewDatabase(), onProgress: (done, total) => job?.progress('Menyalin cadangan', done, total),
  });
  let previousCopy: string | null = null;
  try {
    if (candidate.pendingMigrations > 0) {
      job?.progress('Memperbarui skema cadangan', 0, 1);
      const opened = await openDatabase(staged.partialPath, { create: false, backupBeforeMigration: false, nativeBinding: args.nativeBinding });
      await opened.close();
    }
    if (args.current) {
      previousCopy = await writeBackup(args.current, backupPath(dbPath, 'sebelum-restore', args.stamp), {
        pagesPerStep: 4096, onProgress: (done, total) => job?.progress('Menyimpan salinan database sekarang', done, total),
      });
    }
    job?.progress('Mengganti database', 0, 1);
    await args.whileClosed(async () => {
      if (databaseInUse(dbPath, args.nativeBinding)) {
        throw new AppError('busy', 'Database sedang dibuka oleh proses lain (jendela Jenjang lain atau perintah CLI); tutup dulu, lalu pulihkan lagi. Database tidak diubah.');
      }
      replaceDatabaseFile(dbPath, staged.partialPath);
      try {
        const check = await openDatabase(dbPath, { create: false, backupBeforeMigration: false, nativeBinding: args.nativeBinding });
        await check.close();
      } catch (error) {
        // Never leave a database that does not open: put the copy of the replaced one back.
        if (previousCopy) replaceDatabaseFile(dbPath, (await stageBackup({ file: previousCopy }, `${dbPath}.pemulihan.sqlite`)).partialPath);
        throw error;
      }
    });
  } catch (error) {
    staged.discard();
    throw error;
  }
  job?.progress('Mengganti database', 1, 1);
  const restored = withReadOnlyConnection(dbPath, (db) => summariseDatabase(db, appliedMigrationNames(db)));
  return { restored, previousCopy };
}

/** Checks a file as a restore would and returns what it holds; refusals say that the database is unchanged. */
export function checkRestoreSource(source: string, label: string, recoveryKeys?: Buffer[]): Promise<DatabaseSummary> {
  return refuseUnchanged(verifyCompleteDatabase(source, label, recoveryKeys));
}

async function refuseUnchanged<T>(check: Promise<T>): Promise<T> {
  try {
    return await check;
  } catch (error) {
    if (error instanceof AppError && !/Database tidak diubah\.$/.test(error.message)) {
      throw new AppError(error.code, `${error.message.replace(/[;.]?\s*berkas tidak diubah\.?$/i, '.')} Database tidak diubah.`, error.details);
    }
    throw error;
  }
}

/** The migrations a database file applied, in order. */
export const appliedMigrationNames = sqliteAdmin.appliedMigrations;

/** Lines to read twice before confirming a restore. */
export function restoreWarnings(candidate: DatabaseSummary, current: DatabaseSummary): string[] {
  const warnings: string[] = [];
  if (candidate.employees === 0 && current.employees > 0) {
    warnings.push(`Cadangan ini tidak berisi data pegawai sama sekali, sedangkan database sekarang berisi ${formatNumberId(current.employees)} pegawai.`);
  } else if (current.employees > 0 && candidate.employees < current.employees * 0.5) {
    warnings.push(`Cadangan ini berisi jauh lebih sedikit pegawai (${formatNumberId(candidate.employees)}) daripada database sekarang (${formatNumberId(current.employees)}).`);
  }
  if (candidate.lastChangeAt && current.lastChangeAt && candidate.lastChangeAt < current.lastChangeAt) {
    warnings.push('Perubahan yang dicatat sesudah cadangan ini dibuat akan hilang dari database (tetap ada di salinan database sekarang yang disimpan sebelum pemulihan).');
  }
  if (candidate.pendingMigrations > 0) {
    warnings.push('Cadangan ini dibuat oleh versi Jenjang yang lebih lama; skemanya diperbarui otomatis saat dipulihkan.');
  }
  return warnings;
}
