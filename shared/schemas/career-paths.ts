// Pola karier: the office's career paths and their steps (shared/domain/careers/moves.ts), the Jalur Karier graph,
// one employee's Peta Karier and the IDP made from what a step still asks. Served by
// main/services/careers/career-paths.service.ts.

import { z } from 'zod';
import { PNS_GOLONGAN } from '../domain/golongan';
import { POSITION_LEVEL_CODES } from '../domain/position';
import { LEADERSHIP_TRAINING_CODES } from '../domain/succession/requirements';
import { id, optionalText } from './common';
import { nullableText, text } from './development';

const PNS_CODES = new Set(PNS_GOLONGAN.map((g) => g.code));

/** Education ranks of the EDUCATION_RANK order a step may ask (D-IV and S-1 one rank), with their labels. */
export const EDUCATION_RANK_LABELS: Record<number, string> = {
  1: 'SD', 2: 'SLTP', 3: 'SLTA', 4: 'D-I', 5: 'D-II', 6: 'D-III', 7: 'S-1/D-IV', 8: 'S-2/Profesi', 9: 'S-3',
};

export const stepRequirementsInput = z.object({
  minGolongan: z.number().int().refine((v) => PNS_CODES.has(v), { message: 'Pilih golongan PNS yang ada.' }).nullable(),
  educationRank: z.number().int().min(1).max(9).nullable(),
  leadershipTraining: z.enum(LEADERSHIP_TRAINING_CODES as [string, ...string[]], { message: 'Pilih pelatihan kepemimpinan.' }).nullable(),
  minJpm: z.number().min(0, { message: 'JPM minimal 0%.' }).max(100, { message: 'JPM paling tinggi 100%.' }).nullable(),
  minMonthsInLevel: z.number().int().min(0, { message: 'Masa dalam jenjang tidak boleh negatif.' }).max(480, { message: 'Masa dalam jenjang paling lama 40 tahun.' }).nullable(),
  skpYears: z.number().int().min(0).max(5, { message: 'SKP paling banyak 5 tahun terakhir.' }),
  noRunningDiscipline: z.boolean(),
}).strict();

export const stepInput = z.object({
  pathId: id,
  fromLevel: z.enum(POSITION_LEVEL_CODES, { message: 'Pilih jenjang asal.' }),
  fromFamily: optionalText(120),
  toLevel: z.enum(POSITION_LEVEL_CODES, { message: 'Pilih jenjang tujuan.' }),
  toFamily: optionalText(120),
  requirements: stepRequirementsInput,
}).strict();

export const pathInput = z.object({
  name: z.string().trim().min(3, { message: 'Nama jalur minimal 3 huruf.' }).max(120, { message: 'Nama jalur paling banyak 120 karakter.' }),
  description: optionalText(500),
}).strict();

export const careerStep = z.object({
  id,
  pathId: id,
  fromLevel: text,
  fromFamily: nullableText,
  toLevel: text,
  toFamily: nullableText,
  /** "Pengawas", "Guru Ahli Muda": as the graph and stats name the two ends. */
  fromLabel: text,
  toLabel: text,
  /** "Pengawas → Administrator". */
  label: text,
  moveKind: text,
  moveKindLabel: text,
  fromLane: text,
  toLane: text,
  requirements: stepRequirementsInput,
  /** One Indonesian line per requirement asked. */
  requirementTexts: z.array(text),
  version: z.number().int(),
  /** People standing at the step's start (active, in a position of its level and family). */
  standing: z.number().int(),
  /** Of them, those every requirement of the step is met for today. */
  ready: z.number().int(),
});

export type CareerStep = z.infer<typeof careerStep>;

export const careerPath = z.object({
  id, name: text, description: nullableText, version: z.number().int(), updatedAt: nullableText, updatedBy: nullableText, steps: z.array(careerStep),
});

export const careerGraph = z.object({
  /** True while the office has not edited anything: Jenjang's default set, built from the positions held. */
  isDefault: z.boolean(),
  asOf: text,
  paths: z.array(careerPath),
  lanes: z.array(z.object({ key: text, label: text })),
  columns: z.array(z.object({ seniority: z.number().int(), labels: z.array(text) })),
  /** Families of the functional positions in the database, for the editor. */
  families: z.array(text),
  totals: z.object({ standing: z.number().int(), ready: z.number().int() }),
});

export const requirementCheck = z.object({
  key: text, label: text, met: z.boolean().nullable(), detail: text, metOn: nullableText,
});

export const vacancy = z.object({
  positionId: id,
  positionName: text,
  unitName: nullableText,
  /** "kosong": no active incumbent; "pensiun": the incumbent reaches TMT pensiun within 2 years. */
  reason: z.enum(['kosong', 'pensiun']),
  reasonText: text,
  retirementDate: nullableText,
});

export const peta = z.object({
  employeeId: id,
  name: text,
  asOf: text,
  standing: z.object({
    positionName: nullableText, levelLabel: text, familyLabel: nullableText, lane: text, levelSince: nullableText,
  }).nullable(),
  /** Why there is nothing to show (no position, a level without steps). */
  note: nullableText,
  steps: z.array(z.object({
    stepId: id,
    pathName: text,
    label: text,
    moveKindLabel: text,
    ready: z.boolean(),
    metOn: nullableText,
    checks: z.array(requirementCheck),
    /** Missing requirements an IDP can answer (training, competency, education). */
    developable: z.number().int(),
    vacancies: z.array(vacancy),
    vacancyTotal: z.number().int(),
  })),
});

export type Peta = z.infer<typeof peta>;

/** "Impor", "Input manual", "Data demo": where the record came from. */
const sourceLabel = z.string();
const date = z.string();

/** The career administration records of one employee as the profile shows them (read-only), newest first; codes
 *  turned into their Indonesian labels in main, dates left ISO for the renderer to format. */
export const careerRecords = z.object({
  employeeId: id,
  asOf: date,
  discipline: z.array(z.object({
    id, kindLabel: z.string(), categoryLabel: z.string(), startDate: date,
    /** The last day it runs (recorded, or from the kind's months); null: it does not end (pemberhentian) or never runs. */
    endDate: date.nullable(),
    running: z.boolean(), decreeNumber: nullableText, decreeDate: date.nullable(), note: nullableText, sourceLabel,
  })),
  kgb: z.array(z.object({
    id, tmt: date, golongan: z.number().int().nullable(), mkgYears: z.number().int(), mkgMonths: z.number().int(), salary: z.number().nullable(),
    decreeNumber: nullableText, decreeDate: date.nullable(), sourceLabel,
  })),
  study: z.array(z.object({
    id, basisLabel: z.string(), institution: z.string(), programme: z.string(), level: z.string(), startDate: date, endDate: date.nullable(),
    statusLabel: z.string(), funding: nullableText, graduationDate: date.nullable(),
    /** A structural official on tugas belajar longer than the limit: the sentence saying so; else null. */
    release: z.string().nullable(), sourceLabel,
  })),
  cltn: z.array(z.object({ id, startDate: date, endDate: date.nullable(), running: z.boolean(), decreeNumber: nullableText, sourceLabel })),
  honors: z.array(z.object({ id, label: z.string(), decreeNumber: nullableText, decreeDate: date.nullable(), sourceLabel })),
});

export type CareerRecords = z.infer<typeof careerRecords>;
