// Diklat: training records and the 20 JP compliance per year (PP 11/2017 Pasal 203(4)). Rules in
// shared/domain/development.ts; served by main/services/development/training.service.ts.

import { z } from 'zod';
import { JP_YEAR_RULE_CODES, TRAINING_TYPE_CODES } from '../../domain/development';
import { defineChannels, id } from '../define';
import { fieldIssue, isoDate, optionalText } from './common';
import { nullableText, page, rupiah, text, year } from './development.channels';

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

export const trainingChannels = defineChannels({
  'training:list': {
    mode: 'read',
    request: z.object({
      employeeId: id.optional(), year: year.optional(), unitId: id.optional(), type: z.enum(TRAINING_TYPE_CODES).optional(),
      search: z.string().max(100).optional(), ...page,
    }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(trainingRow) }),
  },
  /** The profile's Diklat tab: every record and the JP of each year (trainings not yet ended do not count). */
  'training:ofEmployee': {
    mode: 'read',
    request: z.object({ employeeId: id }).strict(),
    response: z.object({ target: z.number(), rule: z.enum(JP_YEAR_RULE_CODES), years: z.array(employeeYearJp), records: z.array(trainingRow) }),
  },
  'training:validate': {
    mode: 'read',
    request: z.object({ id: id.optional(), employeeId: id, input: trainingInput }).strict(),
    response: z.object({ errors: z.array(fieldIssue), warnings: z.array(fieldIssue) }),
  },
  'training:save': {
    request: z.object({ id: id.optional(), employeeId: id, input: trainingInput }).strict(),
    response: z.object({ id, warnings: z.array(fieldIssue) }),
  },
  /** Deleting a training that completed an IDP item puts that item back to "berjalan". */
  'training:delete': { request: z.object({ id }).strict(), response: z.object({ reopenedItems: z.number().int() }) },
  'training:compliance': { mode: 'read',request: z.object({ year: year.optional(), unitId: id.optional() }).strict(), response: jpCompliance },
  'training:below': {
    mode: 'read',
    request: z.object({ year, unitId: id.optional(), search: z.string().max(100).optional(), ...page }).strict(),
    response: z.object({ total: z.number().int(), target: z.number(), rows: z.array(belowRow) }),
  },
});
