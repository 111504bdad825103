// import: channel → request/response. The schemas are in shared/schemas/import.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { id, jobId } from '../../schemas/common';
import { diffCounts, duplicatePolicy, fieldChange, fileId, fileInfo, importIssue, importKind, importPreview, mappingOverride, previewId, severity, snapshotRow, xlsxFile } from '../../schemas/import';

export const importChannels = defineChannels({
  /** Reads and checks a file (a job: progress as job:progress, cancel with jobs:cancel). Never writes. */
  'import:preview': { permission: 'import',
    request: z.object({
      fileId, jobId: jobId.optional(), kind: importKind.optional(), sheet: z.string().max(200).optional(),
      mapping: mappingOverride.optional(), profileId: id.optional(),
      /** Create units and positions the database lacks; default: only into an empty database. */
      createMissing: z.boolean().optional(), markAbsent: z.boolean().default(false),
      duplicates: duplicatePolicy.default('keep-first'),
    }).strict(),
    response: importPreview,
  },
  /** Re-plans a preview with other options, without reading the file again. */
  'import:replan': { permission: 'import',
    request: z.object({ previewId, createMissing: z.boolean(), markAbsent: z.boolean(), duplicates: duplicatePolicy.optional() }).strict(),
    response: importPreview,
  },
  /** Leaves a preview without saving it (the wizard's "Ganti berkas", leaving the screen): the preview is dropped
   *  and the import is free for the other desks at once instead of after the preview's lease. */
  'import:discard': { permission: 'import',
    request: z.object({ previewId }).strict(),
    response: z.object({ released: z.boolean() }),
  },
  'import:issues': { permission: 'import',
    request: z.object({
      previewId: previewId.optional(), snapshotId: id.optional(), severity: severity.optional(),
      column: z.string().max(200).nullable().optional(), search: z.string().max(100).optional(),
      offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100),
    }).strict().refine((r) => (r.previewId === undefined) !== (r.snapshotId === undefined), { message: 'Sebutkan previewId atau snapshotId.' }),
    response: z.object({ total: z.number().int(), rows: z.array(importIssue) }),
  },
  /** The diff (or the new/changed records of the other kinds), one category at a time. */
  'import:diffRows': { permission: 'import',
    request: z.object({
      previewId, category: z.enum(['new', 'changed', 'absent']), search: z.string().max(100).optional(),
      offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100),
    }).strict(),
    response: z.object({
      total: z.number().int(),
      rows: z.array(z.object({
        row: z.number().int().nullable(), nip: z.string(), name: z.string(), label: z.string().nullable(), changes: z.array(fieldChange),
      })),
    }),
  },
  /** Writes the previewed import in one transaction after a backup (a job). */
  'import:commit': { permission: 'import',
    request: z.object({
      previewId, jobId, createMissing: z.boolean().optional(), markAbsent: z.boolean().optional(), duplicates: duplicatePolicy.optional(),
      /** The officer's yes to the preview's confirmation (another instansi, the first one to record, an alarm). */
      confirmInstansi: z.boolean().default(false),
    }).strict(),
    response: z.object({
      snapshotId: id, counts: importPreview.shape.counts, diff: diffCounts, backupPath: z.string().nullable(), elapsedMs: z.number(),
    }),
  },
  /** The rows with errors, as an XLSX with their original columns and the messages, to fix and import again. */
  'import:rejectedXlsx': { permission: 'import', request: z.object({ previewId }).strict(), response: xlsxFile },
  'import:history': { permission: 'import', mode: 'read',
    request: z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(snapshotRow) }),
  },
  /** Restores the database to the state before the last snapshot (a job). */
  'import:undo': { permission: 'import',
    request: z.object({ snapshotId: id, jobId }).strict(),
    response: z.object({ snapshotId: id, restored: z.number().int(), deleted: z.number().int() }),
  },
  'import:template': { permission: 'import', mode: 'read', request: z.object({ kind: importKind }).strict(), response: xlsxFile },
  /** A SIASN-format file of the current database's employees with a few realistic changes, to try the wizard. */
  'import:sampleFile': { permission: 'import', request: z.object({}).strict(), response: fileInfo },
  'import:profiles': { permission: 'import', mode: 'read',
    request: z.object({ kind: importKind.optional() }).strict(),
    response: z.array(z.object({ id, name: z.string(), kind: importKind, mapping: mappingOverride, createdAt: z.string() })),
  },
  'import:saveProfile': { permission: 'import',
    request: z.object({ name: z.string().trim().min(2).max(80), kind: importKind, mapping: mappingOverride }).strict(),
    response: z.object({ id }),
  },
  'import:deleteProfile': { permission: 'import', request: z.object({ id }).strict(), response: z.object({}) },

  /** Electron: the system's open dialog, in main; the file is read where it is. */
  'files:pick': { permission: 'import', request: z.object({}).strict(), response: fileInfo.nullable(), mode: 'free' },
  /** Chunked upload (Electron drag and drop): begin, append ≤ 4 MB pieces in order, finish. */
  'files:beginUpload': { permission: 'import',
    request: z.object({ name: z.string().min(1).max(255), size: z.number().int().min(0) }).strict(),
    response: z.object({ uploadId: z.string() }),
    mode: 'free',
  },
  'files:appendUpload': { permission: 'import',
    request: z.object({ uploadId: z.string().max(64), offset: z.number().int().min(0), base64: z.string().max(6_000_000) }).strict(),
    response: z.object({ received: z.number().int() }),
    mode: 'free',
  },
  'files:finishUpload': { permission: 'import', request: z.object({ uploadId: z.string().max(64) }).strict(), response: fileInfo, mode: 'free' },
});
