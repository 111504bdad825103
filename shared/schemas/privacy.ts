import { z } from 'zod';
import { id, isoDate } from './common';

/** One filter or parameter of an export as its screen names it: "Unit kerja" → "Dinas Pendidikan". */
export const exportParameter = z.object({ label: z.string(), value: z.string() });
export type ExportParameter = z.infer<typeof exportParameter>;

export const exportFormat = z.enum(['pdf', 'xlsx']);

/** One line of the export log (Pengaturan › Log ekspor). */
export const exportLogEntry = z.object({
  id,
  at: z.string(),
  actor: z.string(),
  accountId: z.number().int().nullable(),
  kind: z.string(),
  title: z.string(),
  parameters: z.array(exportParameter),
  format: exportFormat,
  rowCount: z.number().int().nullable(),
  pageCount: z.number().int().nullable(),
  fileName: z.string(),
  forLeadership: z.boolean(),
  via: z.string(),
});
export type ExportLogEntry = z.infer<typeof exportLogEntry>;

export const exportLogQuery = z.object({
  /** The person exactly as logged. */
  actor: z.string().trim().min(1).max(120).optional(),
  kind: z.string().trim().min(1).max(60).optional(),
  /** Days of the app clock, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
}).strict();

export const exportLogPage = z.object({
  total: z.number().int(),
  rows: z.array(exportLogEntry),
  /** Everyone and every kind in the log, for the filters. */
  actors: z.array(z.string()),
  kinds: z.array(z.object({ kind: z.string(), title: z.string() })),
});

/** Pengaturan › Data pribadi. */
export const privacySettings = z.object({
  /** Days the raw cell values of an import's issue list are kept; the counts and messages stay. */
  importValueRetentionDays: z.number().int().min(7, { message: 'Paling sedikit 7 hari.' }).max(3650, { message: 'Paling lama 3.650 hari (10 tahun).' }),
});
export type PrivacySettings = z.infer<typeof privacySettings>;

export const retentionResult = z.object({
  /** Issue rows whose cell value was removed by this run. */
  clearedValues: z.number().int(),
  /** Imports older than this day lose their cell values. */
  cutoff: z.string(),
});
