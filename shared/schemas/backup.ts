import { z } from 'zod';
import { empty } from './common';

/** Pengaturan › Cadangan: the daily backup and how many daily copies are kept. */
export const backupSettings = z.object({
  /** Write a copy at start and once a day while the app runs. */
  daily: z.boolean(),
  /** Daily copies kept; older ones are deleted after each new one. */
  keep: z.number().int({ message: 'Jumlah cadangan harus bilangan bulat.' })
    .min(1, { message: 'Simpan paling sedikit 1 cadangan harian.' })
    .max(90, { message: 'Simpan paling banyak 90 cadangan harian.' }),
}).strict();

export type BackupSettings = z.infer<typeof backupSettings>;

export const BACKUP_KIND_LABELS = {
  harian: 'Harian',
  manual: 'Manual',
  'sebelum-impor': 'Sebelum impor',
  'sebelum-restore': 'Sebelum pemulihan',
  'sebelum-migrasi': 'Sebelum pembaruan aplikasi',
} as const;

export const backupKind = z.enum(Object.keys(BACKUP_KIND_LABELS) as [keyof typeof BACKUP_KIND_LABELS, ...Array<keyof typeof BACKUP_KIND_LABELS>]);

export const backupEntry = z.object({
  /** Names the copy in requests: its path relative to the database's folder (only listed copies are accepted). */
  id: z.string(),
  kind: backupKind,
  fileName: z.string(),
  /** Full path, for the officer who copies backups elsewhere. */
  path: z.string(),
  sizeBytes: z.number().int(),
  /** When the file was written (ISO). */
  modifiedAt: z.string(),
});

export type BackupEntry = z.infer<typeof backupEntry>;

/** What a database holds, in the figures shown before one replaces another. */
export const databaseSummary = z.object({
  employees: z.number().int(),
  activeEmployees: z.number().int(),
  units: z.number().int(),
  positions: z.number().int(),
  /** Time of the latest recorded change (ISO), null when the log is empty. */
  lastChangeAt: z.string().nullable(),
  appliedMigrations: z.number().int(),
  /** Schema steps a restore applies to the copy before it is used. */
  pendingMigrations: z.number().int(),
});

export type DatabaseSummaryData = z.infer<typeof databaseSummary>;

/** A recovery key as typed (groups of letters and digits); main checks its check group. */
export const recoveryKeyText = z.string().trim().min(1, 'Isi kunci pemulihan.').max(200, 'Kunci pemulihan terlalu panjang.');

/** The file to restore: a listed copy, a file uploaded through `files:*` (web), or one picked in the dialog. */
export const restoreSource = z.discriminatedUnion('from', [
  z.object({ from: z.literal('backup'), id: z.string().min(1).max(400) }).strict(),
  z.object({ from: z.literal('upload'), fileId: z.string().min(1).max(64) }).strict(),
  z.object({ from: z.literal('dialog'), pickId: z.string().min(1).max(64) }).strict(),
]);

export type RestoreSource = z.infer<typeof restoreSource>;

export const restorePreview = z.object({
  /** The file's name as the officer knows it. */
  name: z.string(),
  sizeBytes: z.number().int(),
  modifiedAt: z.string().nullable(),
  candidate: databaseSummary,
  current: databaseSummary,
  /** Things to read twice before confirming ("Cadangan ini tidak berisi data pegawai"). */
  warnings: z.array(z.string()),
});

export type RestorePreview = z.infer<typeof restorePreview>;
