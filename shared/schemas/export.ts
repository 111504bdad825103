import { z } from 'zod';

/** A table as shown on screen: every chart's table view can be exported with it. */
export const exportTable = z.object({
  /** Sheet and file title, e.g. "Proyeksi pensiun 2027–2031". */
  title: z.string().trim().min(1).max(120),
  /** Lines printed above the header (filters, "per 24 November 2026"). */
  subtitle: z.array(z.string().max(300)).max(10).default([]),
  columns: z.array(z.object({
    key: z.string().min(1).max(60),
    header: z.string().max(120),
    /** text (default), number, integer, percent (0–100), date (ISO YYYY-MM-DD) */
    type: z.enum(['text', 'number', 'integer', 'percent', 'date']).default('text'),
    width: z.number().int().min(4).max(80).optional(),
  })).min(1).max(60),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).max(200_000),
}).strict();

export type ExportTable = z.input<typeof exportTable>;
