import { z } from 'zod';
import { POSITION_KIND_CODES, POSITION_LEVEL_CODES } from '../domain/position';
import { PREDIKAT_CODES, RATING_CODES, REGIME_CODES } from '../domain/skp';
import { id } from './common';
import { labelled } from './field-label';

export const FOLLOW_UP_STATUSES = [
  { code: 'belum', label: 'Belum ditindaklanjuti' },
  { code: 'pembinaan', label: 'Dalam pembinaan' },
  { code: 'selesai', label: 'Selesai' },
] as const;

export const FOLLOW_UP_CODES = FOLLOW_UP_STATUSES.map((f) => f.code) as ['belum', 'pembinaan', 'selesai'];

export const year = labelled(z.number().int().min(1990).max(2100), 'Tahun');

export const population = {
  parentUnitId: id.optional(),
  levels: z.array(z.enum(POSITION_LEVEL_CODES)).max(20).optional(),
  kinds: z.array(z.enum(POSITION_KIND_CODES)).max(5).optional(),
};

export const evaluationRow = z.object({
  id,
  year: z.number().int(),
  period: z.string(),
  regime: z.enum(REGIME_CODES),
  hasilKerja: z.enum(RATING_CODES).nullable(),
  perilakuKerja: z.enum(RATING_CODES).nullable(),
  predikat: z.enum(PREDIKAT_CODES).nullable(),
  legacyScore: z.number().nullable(),
  legacyLabel: z.string().nullable(),
  evaluatorNip: z.string().nullable(),
  followUpStatus: z.enum(FOLLOW_UP_CODES).nullable(),
  notes: z.string().nullable(),
  source: z.string(),
});

export type EvaluationRow = z.infer<typeof evaluationRow>;

export const potentialRow = z.object({
  id,
  assessedOn: z.string(),
  level: z.enum(['rendah', 'menengah', 'tinggi']).nullable(),
  score: z.number().nullable(),
  method: z.string().nullable(),
  notes: z.string().nullable(),
  source: z.string(),
});

export const employeeRef = z.object({ id, nip: z.string(), fullName: z.string(), positionName: z.string().nullable(), unitName: z.string().nullable() });

/** A category of the distribution: a 2022 predikat code, or "legacy:<sebutan>" for PP 46/2011 scores. */
export const categoryCounts = z.record(z.string(), z.number().int());
