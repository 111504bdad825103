// Diklat: training records and the 20 JP compliance per year (PP 11/2017 Pasal 203(4)). Rules in
// shared/domain/development.ts; served by main/services/development/training.service.ts.

import { z } from 'zod';
import { JP_YEAR_RULE_CODES, TRAINING_TYPE_CODES } from '../domain/development';
import { id, isoDate, optionalText } from './common';
import { nullableText, rupiah, text, year } from './development';

export const trainingInput = z.object({
  title: z.string().trim().min(3, { message: 'Nama diklat minimal 3 huruf.' }).max(200),
  type: z.enum(TRAINING_TYPE_CODES, { message: 'Pilih jenis diklat.' }),
  provider: optionalText(200),
  startDate: isoDate,
  endDate: isoDate,
  jp: z.number({ message: 'JP wajib diisi.' }).positive({ message: 'JP harus lebih dari 0.' }).max(2000, { message: 'JP paling banyak 2.000.' }),
  cost: rupiah.nullish().transform((v) => v ?? null),
  certificateNumber: optionalText(100),
  catalogId: id.nullish().transform((v) => v ?? null),
}).strict();

export type TrainingInput = z.input<typeof trainingInput>;

export type TrainingInputParsed = z.output<typeof trainingInput>;

export const trainingRow = z.object({
  id,
  employeeId: id,
  employeeName: text,
  nip: text,
  unitName: nullableText,
  title: text,
  type: text,
  provider: nullableText,
  startDate: text,
  endDate: text,
  jp: z.number(),
  cost: z.number().nullable(),
  certificateNumber: nullableText,
  catalogId: id.nullable(),
  source: text,
  /** The IDP item this training completes, if any. */
  planItemId: id.nullable(),
});

export type TrainingRow = z.infer<typeof trainingRow>;

export const complianceUnitRow = z.object({
  unitId: id.nullable(),
  unitName: text,
  /** Whether the unit has sub-units to drill into. */
  hasChildren: z.boolean(),
  population: z.number().int(),
  compliant: z.number().int(),
  below: z.number().int(),
  /** Share of the population with JP ≥ target, 0–100; null for an empty population. */
  percent: z.number().nullable(),
  averageJp: z.number().nullable(),
});

export const jpCompliance = z.object({
  year,
  /** The last day counted: 31 December, or today for the current year. */
  referenceDate: text,
  target: z.number(),
  rule: z.enum(JP_YEAR_RULE_CODES),
  unit: z.object({ id, name: text, parentId: id.nullable() }).nullable(),
  population: z.number().int(),
  compliant: z.number().int(),
  below: z.number().int(),
  percent: z.number().nullable(),
  units: z.array(complianceUnitRow),
  /** Years with any training record, newest first. */
  yearsWithData: z.array(z.number().int()),
});

export type JpCompliance = z.infer<typeof jpCompliance>;

export const belowRow = z.object({
  employeeId: id,
  nip: text,
  name: text,
  unitName: nullableText,
  opdName: nullableText,
  positionName: nullableText,
  jp: z.number(),
  shortfall: z.number(),
  trainings: z.number().int(),
});

export const employeeYearJp = z.object({ year: z.number().int(), jp: z.number(), trainings: z.number().int(), meetsTarget: z.boolean() });
