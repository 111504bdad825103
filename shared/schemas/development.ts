// Pengembangan & karier: the capability's one settings section (Pengaturan → Pengembangan & karier) and the field
// schemas its four channel groups share. The groups themselves: training.channels.ts (diklat and 20 JP),
// plans.channels.ts (IDP, catalogue, budgets), mentoring.channels.ts, careers.channels.ts (rotation and regular
// promotion). Rules in shared/domain/development.ts.

import { z } from 'zod';
import { JP_YEAR_RULE_CODES, MAX_ROTATION_YEARS, MIN_ROTATION_YEARS } from '../domain/development';

import { isoDate } from './common';

export const year = z.number().int().min(1970).max(2100);

export const rupiah = z.number().int().min(0).max(1_000_000_000_000);

export const jp = z.number().min(0).max(5000);

export const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) };

export const text = z.string();

export const nullableText = z.string().nullable();

export const fileResponse = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });

export const done = z.object({ ok: z.literal(true) });

export const promotionCalendarRule = z.object({
  from: isoDate.nullable(),
  until: isoDate.nullable(),
  months: z.array(z.number().int().min(1).max(12)).min(1).max(12),
  basis: z.string().trim().max(200).default(''),
}).strict();

export const developmentSettings = z.object({
  /** Minimum JP per PNS per calendar year (PP 11/2017 Pasal 203(4): 20). */
  jpTarget: z.number().min(1).max(200),
  jpYearRule: z.enum(JP_YEAR_RULE_CODES),
  /** Years in the same position after which someone is a rotation candidate (not below 2: PP 11/2017 Pasal 190). */
  rotationYears: z.number().int().min(MIN_ROTATION_YEARS, { message: `Minimal ${MIN_ROTATION_YEARS} tahun (PP 11/2017 Pasal 190 ayat 3).` }).max(MAX_ROTATION_YEARS),
  /** Active mentees per mentor above which the mentor's load is flagged. */
  menteeLimit: z.number().int().min(1).max(50),
  promotionCalendar: z.array(promotionCalendarRule).min(1).max(20),
  /** Months before a period's TMT by which its usulan is prepared: the SKP checked are those due by then. */
  promotionDeadlineMonths: z.number().int().min(0, { message: 'Tidak boleh negatif.' }).max(24, { message: 'Paling lama 24 bulan.' }),
  /** Month by whose end last year's annual SKP is final. */
  skpFinalMonth: z.number().int().min(1, { message: 'Pilih bulan 1–12.' }).max(12, { message: 'Pilih bulan 1–12.' }),
});

export type DevelopmentSettings = z.infer<typeof developmentSettings>;
