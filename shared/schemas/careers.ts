// Mutasi & promosi: rotation candidates (PP 11/2017 Pasal 190) and the regular-promotion nominative list of a
// period with its usulan workbook (PP 99/2000 Pasal 7). Rules in shared/domain/development.ts; served by
// main/services/development/career.service.ts.

import { z } from 'zod';
import { PROMOTION_BLOCK_REASON_CODES } from '../domain/development';

import { id, isoDate } from './common';
import { nullableText, page, text } from './development';

export const rotationRow = z.object({
  employeeId: id,
  nip: text,
  name: text,
  positionName: nullableText,
  positionKind: nullableText,
  positionLevel: nullableText,
  unitName: nullableText,
  opdName: nullableText,
  positionTmt: text,
  monthsInPosition: z.number().int(),
  golongan: z.number().nullable(),
});

export const promotionRow = z.object({
  employeeId: id,
  nip: text,
  name: text,
  birthPlace: nullableText,
  birthDate: text,
  golongan: z.number(),
  golonganTmt: nullableText,
  targetGolongan: z.number(),
  monthsInRank: z.number().int().nullable(),
  service: z.object({ years: z.number().int(), months: z.number().int() }).nullable(),
  educationLevel: nullableText,
  educationMajor: nullableText,
  educationYear: z.number().nullable(),
  positionName: nullableText,
  positionKind: nullableText,
  unitName: nullableText,
  opdName: nullableText,
  skp: z.array(z.object({ year: z.number().int(), label: text, meets: z.enum(['yes', 'no', 'unknown', 'missing']) })),
  status: z.enum(['eligible', 'blocked']),
  reasons: z.array(z.object({ code: z.enum(PROMOTION_BLOCK_REASON_CODES), message: text })),
  /** Blocked only because data is missing (an SKP not entered, TMT golongan or education empty): "terhalang
   *  data belum lengkap". */
  missingDataOnly: z.boolean(),
  /** What the rule does not check for this person (the angka kredit of a JF), for the keterangan column. */
  notes: z.array(text),
});

export type PromotionRow = z.infer<typeof promotionRow>;

export const promotionRequest = z.object({
  /** TMT of the period; default: the next period on or after today by the calendar in Pengaturan. */
  period: isoDate.optional(),
  unitId: id.optional(),
  /** missing_data: the blocked whose only reasons are missing data. */
  status: z.enum(['eligible', 'blocked', 'missing_data', 'all']).default('all'),
  reason: z.enum(PROMOTION_BLOCK_REASON_CODES).optional(),
  search: z.string().max(100).optional(),
  ...page,
}).strict();
