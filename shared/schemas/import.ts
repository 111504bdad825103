import { z } from 'zod';
import { IMPORT_KINDS } from '../domain/import-fields';
import { id } from './common';

// Files brought in for import (FileStore in main): picked in Electron's dialog, uploaded to the web host's
// /api/upload route, or sent in chunks over IPC. Only the id travels afterwards.

export const fileInfo = z.object({
  fileId: z.string(),
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** xlsx, text, empty, encrypted, xls, binary */
  format: z.string(),
});

export type FileInfo = z.infer<typeof fileInfo>;

export const fileId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const previewId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const importKind = z.enum(IMPORT_KINDS);

export const severity = z.enum(['error', 'warning']);

export const importIssue = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  severity,
  message: z.string(),
});

export type ImportIssueDto = z.infer<typeof importIssue>;

/** Rows that repeat a record (a NIP twice): keep the first and reject the rest (default), or reject them all. */
export const duplicatePolicy = z.enum(['keep-first', 'reject-all']);

export const diffCounts = z.object({ new: z.number().int(), changed: z.number().int(), absent: z.number().int(), unchanged: z.number().int() });

export const fieldChange = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });

export const importPreview = z.object({
  previewId,
  file: z.object({
    name: z.string(), size: z.number().int(), sha256: z.string(), format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(), delimiter: z.string().nullable(),
  }),
  sheets: z.array(z.object({ name: z.string(), detectedKind: importKind.nullable() })),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  kind: importKind.nullable(),
  detectedKind: importKind.nullable(),
  mapping: z.array(z.object({ index: z.number().int(), header: z.string(), normalised: z.string(), field: z.string().nullable(), known: z.boolean() })),
  /** File-level problems: nothing can be imported until they are resolved (choose the kind, map columns). */
  blocking: z.array(z.string()),
  counts: z.object({
    rows: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), warningRows: z.number().int(),
    errors: z.number().int(), warnings: z.number().int(),
  }),
  diff: diffCounts,
  newUnits: z.array(z.object({ name: z.string(), parent: z.string().nullable(), code: z.string().nullable(), kind: z.string() })),
  newPositions: z.array(z.object({ name: z.string(), code: z.string().nullable(), level: z.string(), levelLabel: z.string(), inferred: z.string() })),
  /** Dictionary entries (kompetensi) the commit would create. */
  newReferences: z.array(z.string()),
  /** Issues per column, for the filter. */
  issueColumns: z.array(z.object({ column: z.string().nullable(), errors: z.number().int(), warnings: z.number().int() })),
  options: z.object({ createMissing: z.boolean(), markAbsent: z.boolean(), duplicates: duplicatePolicy, emptyDatabase: z.boolean() }),
  /** Groups of rows that repeat a record (the duplicate choice matters only when there is one). */
  duplicateGroups: z.number().int(),
  /**
   * Employee snapshots: open local corrections (Kualitas Data › Perbaiki) the file speaks to. `agreed`: SIASN now
   * has the corrected value (the commit closes them); `disagree`: SIASN still has another value (the record keeps
   * its correction, and the office chooses on Kualitas Data which value stands). The first 200 are listed.
   */
  localCorrections: z.object({
    agreed: z.number().int(),
    disagreeCount: z.number().int(),
    disagree: z.array(z.object({ nip: z.string(), name: z.string(), field: z.string(), corrected: z.string().nullable(), siasn: z.string().nullable() })),
  }),
  /**
   * Employee snapshots: the instansi the file names against the agency's. status: match; mismatch (another
   * instansi: imported only when confirmed); new (the agency has none recorded: confirming records the file's);
   * unknown (the file names none). null for the other kinds.
   */
  instansi: z.object({
    status: z.enum(['match', 'mismatch', 'new', 'unknown']),
    file: z.array(z.object({ id: z.string().nullable(), name: z.string().nullable(), rows: z.number().int() })),
    agency: z.object({ id: z.string().nullable(), name: z.string().nullable() }).nullable(),
  }).nullable(),
  /** Warnings the officer must confirm before saving (Indonesian), e.g. most NIPs unknown to a filled database. */
  alarms: z.array(z.string()),
  /** The commit needs confirmInstansi: another instansi, the first instansi to record, or an alarm. */
  confirmationRequired: z.boolean(),
  /** Set when this exact file (SHA-256) was committed before: it is refused. */
  alreadyImported: z.object({ snapshotId: z.number().int(), importedAt: z.string(), fileName: z.string() }).nullable(),
  elapsedMs: z.number(),
});

export type ImportPreview = z.infer<typeof importPreview>;

export const snapshotRow = z.object({
  id,
  kind: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  rowCount: z.number().int(),
  acceptedCount: z.number().int(),
  rejectedCount: z.number().int(),
  diff: diffCounts.nullable(),
  status: z.enum(['committed', 'undone']),
  importedBy: z.string(),
  importedAt: z.string(),
  undoneAt: z.string().nullable(),
  backupPath: z.string().nullable(),
  /** Only the latest committed snapshot can be undone. */
  canUndo: z.boolean(),
});

export type SnapshotRow = z.infer<typeof snapshotRow>;

export const mappingOverride = z.record(z.string().max(120), z.string().max(60).nullable());

export const xlsxFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
