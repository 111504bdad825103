import { z } from 'zod';
import { POSITION_KIND_CODES, POSITION_LEVEL_CODES } from '../../domain/position';
import { PERIOD_CODES, PREDIKAT_CODES, RATING_CODES, REGIME_CODES } from '../../domain/skp';
import { defineChannels, empty, id } from '../define';
import { labelled } from '../field-label';
import { isoDate, optionalText } from './common';

export const FOLLOW_UP_STATUSES = [
  { code: 'belum', label: 'Belum ditindaklanjuti' },
  { code: 'pembinaan', label: 'Dalam pembinaan' },
  { code: 'selesai', label: 'Selesai' },
] as const;
export const FOLLOW_UP_CODES = FOLLOW_UP_STATUSES.map((f) => f.code) as ['belum', 'pembinaan', 'selesai'];

const year = labelled(z.number().int().min(1990).max(2100), 'Tahun');

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

const employeeRef = z.object({ id, nip: z.string(), fullName: z.string(), positionName: z.string().nullable(), unitName: z.string().nullable() });

/** A category of the distribution: a 2022 predikat code, or "legacy:<sebutan>" for PP 46/2011 scores. */
const categoryCounts = z.record(z.string(), z.number().int());

export const performanceChannels = defineChannels({
  'performance:employee': { mode: 'read',
    request: z.object({ employeeId: id }).strict(),
    response: z.object({
      employee: employeeRef,
      evaluations: z.array(evaluationRow),
      potentials: z.array(potentialRow),
      /** "Kinerja menurun dua periode berturut-turut: 2023 Sangat Baik → 2024 Baik → 2025 Butuh Perbaikan" */
      warnings: z.array(z.string()),
    }),
  },
  /** Adds or replaces the evaluation of one period (the 2022 predikat follows from the ratings). */
  'performance:saveEvaluation': {
    request: z.object({
      employeeId: id,
      year,
      period: z.enum(PERIOD_CODES),
      regime: z.enum(REGIME_CODES),
      hasilKerja: z.enum(RATING_CODES).nullish().transform((v) => v ?? null),
      perilakuKerja: z.enum(RATING_CODES).nullish().transform((v) => v ?? null),
      legacyScore: labelled(z.number().min(0, { message: 'Nilai SKP harus 0–120.' }).max(120, { message: 'Nilai SKP harus 0–120.' }).nullish().transform((v) => v ?? null), 'Nilai SKP'),
      evaluatorNip: labelled(optionalText(30), 'NIP penilai'),
      followUpStatus: z.enum(FOLLOW_UP_CODES).nullish().transform((v) => v ?? null),
      notes: labelled(optionalText(1000), 'Catatan'),
    }).strict(),
    response: z.object({ evaluation: evaluationRow, replaced: z.boolean() }),
  },
  'performance:deleteEvaluation': {
    request: z.object({ evaluationId: id }).strict(),
    response: z.object({ deleted: z.boolean() }),
  },
  'performance:setFollowUp': {
    request: z.object({ evaluationId: id, status: z.enum(FOLLOW_UP_CODES), notes: labelled(optionalText(1000), 'Catatan') }).strict(),
    response: evaluationRow,
  },
  'performance:savePotential': {
    request: z.object({
      employeeId: id,
      assessedOn: labelled(isoDate, 'Tanggal asesmen'),
      level: z.enum(['rendah', 'menengah', 'tinggi']).nullish().transform((v) => v ?? null),
      score: labelled(z.number().min(0, { message: 'Nilai potensi harus 0–100.' }).max(100, { message: 'Nilai potensi harus 0–100.' }).nullish().transform((v) => v ?? null), 'Nilai potensi'),
      method: labelled(optionalText(60), 'Metode'),
      notes: labelled(optionalText(1000), 'Catatan'),
    }).strict(),
    response: potentialRow,
  },
  /** Years that have annual SKP, and the latest of them. */
  'performance:years': { mode: 'read',
    request: empty,
    response: z.object({ years: z.array(z.number().int()), latest: z.number().int().nullable() }),
  },
  /** Predikat distribution per year for a population, and per unit (rows) for comparison and trends. */
  'performance:distribution': { mode: 'read',
    request: z.object({ ...population, fromYear: year.optional(), toYear: year.optional() }).strict(),
    response: z.object({
      years: z.array(z.object({ year: z.number().int(), counts: categoryCounts, total: z.number().int(), legacy: z.boolean() })),
      units: z.array(z.object({ unitId: id, unitName: z.string(), direct: z.boolean(), years: z.array(z.object({ year: z.number().int(), counts: categoryCounts, total: z.number().int() })) })),
      parent: z.object({ id, name: z.string(), parentId: id.nullable() }).nullable(),
    }),
  },
  /** Employees with Butuh Perbaikan or worse in a year, with their follow-up. */
  'performance:followUps': { mode: 'read',
    request: z.object({ ...population, year, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(employeeRef.extend({ evaluationId: id, predikat: z.enum(PREDIKAT_CODES), followUpStatus: z.enum(FOLLOW_UP_CODES).nullable(), notes: z.string().nullable() })) }),
  },
  /** The employees behind one bar of the distribution: a year and a category. */
  'performance:categoryEmployees': { mode: 'read',
    request: z.object({ ...population, year, category: z.string().min(2).max(40), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(employeeRef.extend({ evaluationId: id, predikat: z.enum(PREDIKAT_CODES).nullable(), legacyScore: z.number().nullable(), legacyLabel: z.string().nullable() })) }),
  },
  /** Active employees without an annual SKP for the year (data completeness). */
  'performance:withoutSkp': { mode: 'read',
    request: z.object({ ...population, year, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: z.object({ total: z.number().int(), active: z.number().int(), rows: z.array(employeeRef.extend({ cpnsTmt: z.string().nullable(), lastSkpYear: z.number().int().nullable() })) }),
  },
});
