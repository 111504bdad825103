import { z } from 'zod';
import { id } from './common';
import { QUALITY_CHECK_KEYS } from '../domain/quality';

export const qualityCheckKey = z.enum(QUALITY_CHECK_KEYS as [string, ...string[]]);

/** One named check over a population: how many it was asked of and how many it found. */
export const qualityCheckSummary = z.object({
  key: qualityCheckKey,
  group: z.enum(['kelengkapan', 'konsistensi']),
  label: z.string(),
  advice: z.string(),
  weight: z.number(),
  applicable: z.number().int(),
  found: z.number().int(),
});

export const qualityOverviewRequest = z.object({}).strict();

export const qualityOverview = z.object({
  /** Active employees the index covers. */
  population: z.number().int(),
  /** 0–100 with one decimal; null for an empty population. */
  index: z.number().nullable(),
  checks: z.array(qualityCheckSummary),
  /** One row per perangkat daerah (and "Tanpa unit kerja" where people have none). */
  units: z.array(z.object({ unitId: id.nullable(), name: z.string(), population: z.number().int(), index: z.number().nullable() })),
});
export type QualityOverview = z.infer<typeof qualityOverview>;

export const qualityFindingsRequest = z.object({
  check: qualityCheckKey,
  /** A perangkat daerah; absent: the district. */
  unitId: id.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();

export const qualityFindings = z.object({
  total: z.number().int(),
  rows: z.array(z.object({ employeeId: id, nip: z.string(), name: z.string(), unitName: z.string().nullable(), finding: z.string() })),
});

/** Weights of the checks (Pengaturan › Kualitas data); 0 leaves a check out of the index. */
export const qualitySettings = z.object({ weights: z.record(z.string(), z.number().min(0).max(10)) });
export type QualitySettings = z.infer<typeof qualitySettings>;

export const qualityTrendRequest = z.object({
  /** A perangkat daerah; absent: the district. */
  unitId: id.optional(),
}).strict();

const trendPoint = z.object({
  takenOn: z.string(),
  /** impor: recorded after a snapshot's commit; harian: the daily record. */
  reason: z.enum(['impor', 'harian']),
  /** The imported file (reason impor). */
  fileName: z.string().nullable(),
  population: z.number().int(),
  index: z.number().nullable(),
});

/** The index over time, and how it moved between the two latest imports. */
export const qualityTrend = z.object({
  points: z.array(trendPoint),
  /** The latest import's index against the previous import's (null: fewer than two imports recorded). */
  sinceLastImport: z.object({ previous: trendPoint, latest: trendPoint, delta: z.number().nullable() }).nullable(),
  /** District only: each perangkat daerah's change between the same two imports. */
  units: z.array(z.object({ unitId: id, delta: z.number().nullable() })),
});
export type QualityTrend = z.infer<typeof qualityTrend>;

export const qualityRecordResult = z.object({ recorded: z.boolean(), takenOn: z.string() });
