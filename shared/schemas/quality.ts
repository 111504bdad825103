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

/** The certain fix of a finding ("Perbaiki"): the field, the value as stored, and the value in words. */
export const qualityFixProposal = z.object({ field: z.enum(['gender', 'birthDate', 'cpnsTmt']), fieldLabel: z.string(), value: z.string(), display: z.string() });

export const qualityFindings = z.object({
  total: z.number().int(),
  rows: z.array(z.object({
    employeeId: id, nip: z.string(), name: z.string(), unitName: z.string().nullable(), finding: z.string(),
    /** Where the answer is certain (from the NIP): what "Perbaiki" sets. */
    fix: qualityFixProposal.nullable(),
  })),
});

/** "Perbaiki": the value the officer confirmed; refused when the record or the NIP no longer gives it. */
export const qualityFixRequest = z.object({ employeeId: id, check: qualityCheckKey, value: z.string().min(1).max(20) }).strict();
export const qualityFixResult = z.object({ version: z.number().int(), field: z.string(), value: z.string() });

export const qualityCorrectionsRequest = z.object({
  /** Only the corrections still kept against SIASN (status aktif); false: all, closed ones included. */
  openOnly: z.boolean().default(true),
}).strict();

/** A local correction in the layout the office sends to SIASN, with its state. */
export const qualityCorrection = z.object({
  id,
  employeeId: id,
  nip: z.string(),
  name: z.string(),
  field: z.string(),
  siasnValue: z.string().nullable(),
  correctedValue: z.string().nullable(),
  correctedAt: z.string(),
  correctedBy: z.string(),
  status: z.enum(['aktif', 'selesai', 'diganti']),
  statusLabel: z.string(),
  /** The latest snapshot in which SIASN still had another value, and that value (in words). */
  disagreement: z.object({ fileName: z.string().nullable(), value: z.string().nullable() }).nullable(),
});
export type QualityCorrection = z.infer<typeof qualityCorrection>;
export const qualityCorrections = z.object({ rows: z.array(qualityCorrection) });

/** The office's choice where SIASN still disagrees: take SIASN's value, or keep the correction. */
export const qualityResolveRequest = z.object({ id, choice: z.enum(['siasn', 'keep']) }).strict();

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
