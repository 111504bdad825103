// Mutasi & promosi: rotation candidates (PP 11/2017 Pasal 190) and the regular-promotion nominative list of a
// period with its usulan workbook (PP 99/2000 Pasal 7). Rules in shared/domain/development.ts; served by
// main/services/development/career.service.ts.

import { z } from 'zod';
import { PROMOTION_BLOCK_REASON_CODES } from '../domain/development';
import { PNS_GOLONGAN } from '../domain/golongan';
import { labelled } from './field-label';

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

/** The kinds of KP on the nominative list: regular (PP 99/2000 Pasal 7), pilihan of structural officials and
 *  penyesuaian ijazah (DOMAIN §14.1). */
export const PROMOTION_KIND_CODES = ['reguler', 'pilihan_struktural', 'penyesuaian_ijazah'] as const;
export const PROMOTION_KIND_LABELS: Record<(typeof PROMOTION_KIND_CODES)[number], string> = {
  reguler: 'KP reguler', pilihan_struktural: 'KP pilihan (jabatan struktural)', penyesuaian_ijazah: 'KP penyesuaian ijazah',
};

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
  kind: z.enum(PROMOTION_KIND_CODES),
  /** The rule that makes the person a candidate ("Pangkat terendah eselon III.b (III/d): naik setelah 2 tahun …"). */
  basis: text,
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
  kind: z.enum(PROMOTION_KIND_CODES).optional(),
  search: z.string().max(100).optional(),
  ...page,
}).strict();

// KGB and Satyalancana Karya Satya lists (DOMAIN §14.2, §14.3): rules in shared/domain/careers/, served by
// main/services/development/entitlements.ts.

/** A calendar month, "YYYY-MM". */
export const yearMonth = z.string().regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, { message: 'Bulan harus berformat TTTT-BB (misalnya 2026-12).' });

export const kgbRequest = z.object({
  /** First and last month of the list; default: the current month and the two after it. */
  fromMonth: yearMonth.optional(),
  toMonth: yearMonth.optional(),
  unitId: id.optional(),
  status: z.enum(['due', 'blocked', 'all']).default('all'),
  search: z.string().max(100).optional(),
  ...page,
}).strict();

export const kgbRow = z.object({
  employeeId: id,
  nip: text,
  name: text,
  golongan: z.number(),
  positionName: nullableText,
  unitName: nullableText,
  opdName: nullableText,
  /** The record the next KGB is counted from: the last rank decree or the last KGB notice. */
  basisSource: z.enum(['kp', 'kgb']),
  basisTmt: text,
  basisMkgYears: z.number().int(),
  basisMkgMonths: z.number().int(),
  basisText: text,
  dueDate: text,
  /** Masa kerja golongan (whole years) on the due date. */
  mkgYearsAtDue: z.number().int(),
  status: z.enum(['due', 'blocked']),
  reasons: z.array(text),
});
export type KgbRow = z.infer<typeof kgbRow>;

export const unitCounts = z.object({ unitId: id.nullable(), unitName: text, eligible: z.number().int(), blocked: z.number().int() });

export const SATYALANCANA_CLASS_CODES = ['X', 'XX', 'XXX'] as const;

export const satyalancanaRequest = z.object({
  /** The year of the proposal; default: the current year. */
  year: z.number().int().min(1950).max(2100).optional(),
  unitId: id.optional(),
  class: z.enum(SATYALANCANA_CLASS_CODES).optional(),
  status: z.enum(['eligible', 'blocked', 'all']).default('all'),
  search: z.string().max(100).optional(),
  ...page,
}).strict();

export const satyalancanaRow = z.object({
  employeeId: id,
  nip: text,
  name: text,
  golongan: z.number().nullable(),
  positionName: nullableText,
  unitName: nullableText,
  opdName: nullableText,
  cpnsTmt: text,
  class: z.enum(SATYALANCANA_CLASS_CODES),
  classLabel: text,
  /** The day the years of service are reached (eligible), or TMT CPNS + the class's years (blocked). */
  reachedOn: text,
  status: z.enum(['eligible', 'blocked']),
  /** The lower class not held yet, proposed together with this one. */
  proposeWith: z.enum(SATYALANCANA_CLASS_CODES).nullable(),
  reasons: z.array(text),
});
export type SatyalancanaRow = z.infer<typeof satyalancanaRow>;

// The rules of DOMAIN §14 that it marks [P] or [U], as the office sets them (Pengaturan → Pengembangan & karier,
// "Aturan administrasi karier"); defaults in main/services/development/career-rules.settings.ts and the README.

const disciplineCategories = z.array(z.enum(['ringan', 'sedang', 'berat'])).max(3);

export const careerRulesSettings = z.object({
  /** Categories of hukuman disiplin whose running punishment blocks the KP lists [P]. */
  disciplineBlocksKp: disciplineCategories,
  /** … and succession candidacy [P]. */
  disciplineBlocksSuccession: disciplineCategories,
  /** Months a ringan punishment counts as running from its TMT [U]. */
  ringanRunningMonths: z.number().int().min(0).max(24),
  /** Minimum performance of the latest final annual SKP for a KGB [P]. */
  kgbMinimumPerformance: z.enum(['baik', 'cukup']),
  /** Highest MKG (years) of the salary table per golongan group I–IV [U]. */
  kgbMaxMkgYears: z.object({ I: z.number().int().min(1).max(45), II: z.number().int().min(1).max(45), III: z.number().int().min(1).max(45), IV: z.number().int().min(1).max(45) }).strict(),
  /** Satyalancana: an interruption (punishment sedang/berat, CLTN) blocks, or service counts again after it [P]. */
  satyalancanaInterruption: z.enum(['block', 'restart']),
  /** KP pilihan of a structural official at the lowest pangkat of the eselon's range: months in rank [P]. */
  choiceMonthsAtLowest: labelled(z.number().int().min(12, { message: 'paling singkat 12 bulan.' }).max(48, { message: 'paling lama 48 bulan.' }),
    'KP pilihan struktural pada pangkat terendah eselon: masa dalam pangkat (bulan)'),
  /** Penyesuaian ijazah: a degree on izin belajar counts only when the izin was granted before the study [P]. */
  degreeIzinBeforeStudy: labelled(z.boolean(), 'Penyesuaian ijazah: izin belajar harus diberikan sebelum studi dimulai'),
  /** Penyesuaian ijazah: when the UPKP is required [U]: on a rise into a higher golongan group, always, never. */
  degreeUpkpRequired: labelled(z.enum(['crossing_group', 'always', 'never'], { message: 'pilih salah satu pilihan yang tersedia.' }), 'Penyesuaian ijazah: UPKP diwajibkan'),
  /** Tugas belajar: a structural official studying longer than this many months is released from the position [P]. */
  studyReleaseAfterMonths: labelled(z.number().int({ message: 'harus bilangan bulat bulan.' }).min(1, { message: 'paling singkat 1 bulan.' }).max(60, { message: 'paling lama 60 bulan.' }),
    'Tugas belajar: pejabat struktural dibebaskan dari jabatan setelah (bulan)'),
  /** Penyesuaian ijazah: minimum masa kerja golongan (years) per target golongan [P]; empty: not checked. */
  degreeMinMkgYears: labelled(z.array(z.object({
    target: labelled(z.number().int().refine((code) => PNS_GOLONGAN.some((g) => g.code === code), { message: 'Golongan tujuan tidak dikenal.' }), 'Golongan tujuan'),
    years: labelled(z.number().int({ message: 'masa kerja golongan harus bilangan bulat tahun.' }).min(0, { message: 'tidak boleh negatif.' }).max(40, { message: 'paling lama 40 tahun.' }),
      'Masa kerja golongan minimal'),
  }).strict()).max(PNS_GOLONGAN.length), 'Penyesuaian ijazah: masa kerja golongan minimal per golongan tujuan'),
});
export type CareerRulesSettings = z.infer<typeof careerRulesSettings>;
