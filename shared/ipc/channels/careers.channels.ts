// Mutasi & promosi: rotation candidates (PP 11/2017 Pasal 190) and the regular-promotion nominative list of a
// period with its usulan workbook (PP 99/2000 Pasal 7). Rules in shared/domain/development.ts; served by
// main/services/development/career.service.ts.

import { z } from 'zod';
import { PROMOTION_BLOCK_REASON_CODES } from '../../domain/development';
import { POSITION_KIND_CODES } from '../../domain/position';
import { defineChannels, empty, id } from '../define';
import { isoDate } from './common';
import { fileResponse, nullableText, page, promotionCalendarRule, text } from './development.channels';

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
  /** What the rule does not check for this person (the angka kredit of a JF), for the keterangan column. */
  notes: z.array(text),
});
export type PromotionRow = z.infer<typeof promotionRow>;

const promotionRequest = z.object({
  /** TMT of the period; default: the next period on or after today by the calendar in Pengaturan. */
  period: isoDate.optional(),
  unitId: id.optional(),
  status: z.enum(['eligible', 'blocked', 'all']).default('all'),
  reason: z.enum(PROMOTION_BLOCK_REASON_CODES).optional(),
  search: z.string().max(100).optional(),
  ...page,
}).strict();

export const careersChannels = defineChannels({
  'careers:rotation': {
    mode: 'read',
    request: z.object({ unitId: id.optional(), kind: z.enum(POSITION_KIND_CODES).optional(), search: z.string().max(100).optional(), ...page }).strict(),
    response: z.object({
      years: z.number().int(), cutoff: text, total: z.number().int(), rows: z.array(rotationRow),
      units: z.array(z.object({ unitId: id.nullable(), unitName: text, candidates: z.number().int(), population: z.number().int() })),
    }),
  },
  /** The periods of the calendar the picker offers (past and future), and the next one (the default). */
  'careers:promotionPeriods': {
    mode: 'read',
    request: empty,
    response: z.object({ today: text, next: text.nullable(), periods: z.array(text), calendar: z.array(promotionCalendarRule) }),
  },
  'careers:promotionList': {
    mode: 'read',
    request: promotionRequest,
    response: z.object({
      period: text,
      /** The usulan deadline of the period (TMT minus the months in Pengaturan). */
      deadline: text,
      /** The two annual SKP years checked: the last two due by the deadline, oldest first. */
      skpYears: z.array(z.number().int()),
      counts: z.object({ eligible: z.number().int(), blocked: z.number().int(), byReason: z.record(z.string(), z.number().int()) }),
      total: z.number().int(), rows: z.array(promotionRow),
    }),
  },
  /** The usulan kenaikan pangkat reguler as an XLSX workbook: the nominative list of the eligible, and the
   *  blocked with their reasons on a second sheet. */
  'careers:promotionExport': {
    mode: 'read',
    request: z.object({ period: isoDate.optional(), unitId: id.optional() }).strict(),
    response: fileResponse,
  },
});
