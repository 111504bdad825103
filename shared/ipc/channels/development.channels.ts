// Competency development and career moves (issue 8): training records and the 20 JP compliance, individual
// development plans (IDP) with the training catalogue and budget ceilings, mentoring, rotation and the
// regular-promotion nominative list. Rules in shared/domain/development.ts.

import { z } from 'zod';
import {
  IDP_ITEM_STATUS_CODES, JP_YEAR_RULE_CODES, MAX_ROTATION_YEARS, MIN_ROTATION_YEARS, PROMOTION_BLOCK_REASON_CODES, TRAINING_TYPE_CODES,
} from '../../domain/development';
import { POSITION_KIND_CODES } from '../../domain/position';
import { defineChannels, empty, id } from '../define';
import { fieldIssue, isoDate, optionalText } from './common';

const year = z.number().int().min(1970).max(2100);
const rupiah = z.number().int().min(0).max(1_000_000_000_000);
const jp = z.number().min(0).max(5000);
const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) };
const text = z.string();
const nullableText = z.string().nullable();

// ---------------------------------------------------------------------------------------------------------
// Settings

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
});
export type DevelopmentSettings = z.infer<typeof developmentSettings>;

export const budgetRow = z.object({
  unitId: id,
  unitName: text,
  ceiling: z.number().int().nullable(),
});

// ---------------------------------------------------------------------------------------------------------
// Training records and JP compliance

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

// ---------------------------------------------------------------------------------------------------------
// Catalogue and IDP

export const catalogInput = z.object({
  title: z.string().trim().min(3, { message: 'Nama kegiatan minimal 3 huruf.' }).max(200),
  type: z.enum(TRAINING_TYPE_CODES, { message: 'Pilih jenis kegiatan.' }),
  jp: jp.refine((v) => v > 0, { message: 'JP harus lebih dari 0.' }),
  estimatedCost: rupiah,
  provider: optionalText(200),
  competencyId: id.nullish().transform((v) => v ?? null),
  active: z.boolean().default(true),
}).strict();

export const catalogRow = z.object({
  id,
  title: text,
  type: text,
  jp: z.number(),
  estimatedCost: z.number().int(),
  provider: nullableText,
  competencyId: id.nullable(),
  competencyCode: nullableText,
  competencyName: nullableText,
  active: z.boolean(),
  /** IDP items and training records that refer to it. */
  usage: z.number().int(),
});
export type CatalogRow = z.infer<typeof catalogRow>;

export const planItemInput = z.object({
  competencyId: id.nullish().transform((v) => v ?? null),
  requirement: optionalText(300),
  currentLevel: z.number().int().min(1).max(5).nullish().transform((v) => v ?? null),
  targetLevel: z.number().int().min(1).max(5).nullish().transform((v) => v ?? null),
  activity: z.string().trim().min(3, { message: 'Kegiatan minimal 3 huruf.' }).max(300),
  catalogId: id.nullish().transform((v) => v ?? null),
  jp,
  estimatedCost: rupiah,
  targetDate: isoDate.nullish().transform((v) => v ?? null),
  status: z.enum(IDP_ITEM_STATUS_CODES).default('direncanakan'),
}).strict();
export type PlanItemInput = z.input<typeof planItemInput>;

export const proposedItem = z.object({
  kind: z.enum(['gap', 'requirement']),
  competencyId: id.nullable(),
  competencyCode: nullableText,
  competencyName: nullableText,
  requirement: nullableText,
  currentLevel: z.number().int().nullable(),
  targetLevel: z.number().int().nullable(),
  activity: text,
  catalogId: id.nullable(),
  jp: z.number(),
  estimatedCost: z.number().int(),
  targetDate: text,
});

export const planProposal = z.object({
  employeeId: id,
  year,
  /** The position whose standard was used: the target position when given, else the current one. */
  basis: z.object({ positionId: id, positionName: text, level: text, isTarget: z.boolean() }).nullable(),
  /** Indonesian notes: "standar kompetensi jabatan belum ditetapkan", competencies not assessed, … */
  notes: z.array(text),
  standardMissing: z.boolean(),
  notAssessed: z.array(z.object({ competencyId: id, code: text, name: text, requiredLevel: z.number().int() })),
  met: z.array(z.object({ competencyId: id, code: text, name: text, requiredLevel: z.number().int(), currentLevel: z.number().int() })),
  items: z.array(proposedItem),
  /** The employee's plan for that year, if one exists (one plan per employee and year). */
  existingPlanId: id.nullable(),
});
export type PlanProposal = z.infer<typeof planProposal>;

export const planItemRow = z.object({
  id,
  planId: id,
  competencyId: id.nullable(),
  competencyCode: nullableText,
  competencyName: nullableText,
  requirement: nullableText,
  currentLevel: z.number().int().nullable(),
  targetLevel: z.number().int().nullable(),
  activity: text,
  catalogId: id.nullable(),
  jp: z.number(),
  estimatedCost: z.number().int(),
  targetDate: nullableText,
  status: z.enum(IDP_ITEM_STATUS_CODES),
  trainingRecordId: id.nullable(),
  trainingTitle: nullableText,
  trainingEndDate: nullableText,
  /** Past the target date and neither done nor cancelled. */
  overdue: z.boolean(),
});
export type PlanItemRow = z.infer<typeof planItemRow>;

export const planDetail = z.object({
  id,
  employeeId: id,
  employeeName: text,
  nip: text,
  positionName: nullableText,
  unitName: nullableText,
  year,
  targetPositionId: id.nullable(),
  targetPositionName: nullableText,
  notes: nullableText,
  createdBy: text,
  createdAt: text,
  updatedAt: text,
  items: z.array(planItemRow),
  plannedJp: z.number(),
  plannedCost: z.number().int(),
  completedJp: z.number(),
});
export type PlanDetail = z.infer<typeof planDetail>;

const statusCounts = z.object({ direncanakan: z.number().int(), berjalan: z.number().int(), selesai: z.number().int(), batal: z.number().int() });

export const planListRow = z.object({
  id,
  employeeId: id,
  employeeName: text,
  nip: text,
  unitName: nullableText,
  opdName: nullableText,
  positionName: nullableText,
  targetPositionName: nullableText,
  items: statusCounts,
  plannedJp: z.number(),
  plannedCost: z.number().int(),
  updatedAt: text,
});

export const budgetUnitRow = z.object({
  unitId: id.nullable(),
  unitName: text,
  plans: z.number().int(),
  plannedJp: z.number(),
  plannedCost: z.number().int(),
  completedCost: z.number().int(),
  ceiling: z.number().int().nullable(),
  /** plannedCost − ceiling when over, else 0; null without a ceiling. */
  overBy: z.number().int().nullable(),
});

// ---------------------------------------------------------------------------------------------------------
// Mentoring

export const MENTORING_STATUS_CODES = ['aktif', 'selesai', 'batal'] as const;

export const mentoringInput = z.object({
  mentorId: id,
  menteeId: id,
  goals: optionalText(2000),
  startDate: isoDate,
  endDate: isoDate.nullish().transform((v) => v ?? null),
  status: z.enum(MENTORING_STATUS_CODES).default('aktif'),
}).strict();

const personRef = z.object({
  id, nip: text, name: text, positionName: nullableText, positionLevel: nullableText, golongan: z.number().nullable(), unitName: nullableText,
});

export const mentoringRow = z.object({
  id,
  mentor: personRef,
  mentee: personRef,
  goals: nullableText,
  startDate: text,
  endDate: nullableText,
  status: z.enum(MENTORING_STATUS_CODES),
  sessions: z.number().int(),
  lastSession: nullableText,
  /** Warning when the mentor is not more senior than the mentee (recomputed from today's data). */
  seniorityWarning: nullableText,
});
export type MentoringRow = z.infer<typeof mentoringRow>;

export const mentorLoadRow = z.object({
  mentor: personRef,
  activeMentees: z.number().int(),
  totalPairs: z.number().int(),
  overLimit: z.boolean(),
});

export const mentoringCheck = z.object({
  warnings: z.array(text),
  mentorActiveMentees: z.number().int(),
  limit: z.number().int(),
});

export const mentoringSession = z.object({ id, relationId: id, sessionDate: text, notes: nullableText, createdAt: text });

// ---------------------------------------------------------------------------------------------------------
// Rotation and promotion

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
  /** Things the rule of §13 does not check, for the keterangan column. */
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

const fileResponse = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
const saved = z.object({ id, warnings: z.array(text) });
const done = z.object({ ok: z.literal(true) });

export const developmentChannels = defineChannels({
  // Settings -------------------------------------------------------------------------------------------------
  'development:settings': { mode: 'read', request: empty, response: developmentSettings },
  /** Changing the year rule recomputes every employee's JP per year in the same transaction. */
  'development:updateSettings': { request: developmentSettings.partial().strict(), response: developmentSettings },
  /** Budget ceilings of the perangkat daerah (root units) for one year. */
  'development:budgets': { mode: 'read', request: z.object({ year }).strict(), response: z.object({ year, rows: z.array(budgetRow) }) },
  /** Sets (or with null removes) one ceiling. */
  'development:setBudget': { request: z.object({ unitId: id, year, ceiling: rupiah.nullable() }).strict(), response: done },

  // Training records and JP -------------------------------------------------------------------------------------
  'development:trainings': { mode: 'read',
    request: z.object({
      employeeId: id.optional(), year: year.optional(), unitId: id.optional(), type: z.enum(TRAINING_TYPE_CODES).optional(),
      search: z.string().max(100).optional(), ...page,
    }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(trainingRow) }),
  },
  'development:employeeTraining': { mode: 'read',
    request: z.object({ employeeId: id }).strict(),
    response: z.object({ target: z.number(), rule: z.enum(JP_YEAR_RULE_CODES), years: z.array(employeeYearJp), records: z.array(trainingRow) }),
  },
  'development:validateTraining': { mode: 'read',
    request: z.object({ id: id.optional(), employeeId: id, input: trainingInput }).strict(),
    response: z.object({ errors: z.array(fieldIssue), warnings: z.array(fieldIssue) }),
  },
  'development:saveTraining': {
    request: z.object({ id: id.optional(), employeeId: id, input: trainingInput }).strict(),
    response: z.object({ id, warnings: z.array(fieldIssue) }),
  },
  /** Deleting a training that completed an IDP item puts that item back to "berjalan". */
  'development:deleteTraining': { request: z.object({ id }).strict(), response: z.object({ reopenedItems: z.number().int() }) },
  'development:jpCompliance': { mode: 'read', request: z.object({ year: year.optional(), unitId: id.optional() }).strict(), response: jpCompliance },
  'development:jpBelow': { mode: 'read',
    request: z.object({ year, unitId: id.optional(), search: z.string().max(100).optional(), ...page }).strict(),
    response: z.object({ total: z.number().int(), target: z.number(), rows: z.array(belowRow) }),
  },

  // Catalogue and IDP ---------------------------------------------------------------------------------------------
  'development:catalog': { mode: 'read', request: z.object({ includeInactive: z.boolean().default(false) }).strict(), response: z.object({ rows: z.array(catalogRow) }) },
  'development:saveCatalog': { request: z.object({ id: id.optional(), input: catalogInput }).strict(), response: z.object({ id }) },
  'development:competencies': { mode: 'read',
    request: empty,
    response: z.object({ rows: z.array(z.object({ id, code: text, name: text, group: text })) }),
  },
  /** A plan proposed from the competency gaps of the current (or a target) position and the missing required
   *  trainings; nothing is written. */
  'development:proposePlan': { mode: 'read',
    request: z.object({ employeeId: id, year, targetPositionId: id.nullish() }).strict(),
    response: planProposal,
  },
  /** Positions the employee is a named successor for (succession plans): target positions for an IDP. */
  'development:successionTargets': { mode: 'read',
    request: z.object({ employeeId: id }).strict(),
    response: z.object({ rows: z.array(z.object({ positionId: id, positionName: text, level: text, readiness: text })) }),
  },
  'development:createPlan': {
    request: z.object({
      employeeId: id, year, targetPositionId: id.nullish().transform((v) => v ?? null), notes: optionalText(2000),
      items: z.array(planItemInput).max(60),
    }).strict(),
    response: z.object({ id }),
  },
  'development:plan': { mode: 'read', request: z.object({ id }).strict(), response: planDetail },
  'development:employeePlans': { mode: 'read', request: z.object({ employeeId: id }).strict(), response: z.object({ plans: z.array(planDetail) }) },
  'development:updatePlan': {
    request: z.object({ id, targetPositionId: id.nullable().optional(), notes: optionalText(2000).optional() }).strict(),
    response: done,
  },
  'development:deletePlan': { request: z.object({ id }).strict(), response: done },
  'development:addPlanItem': { request: z.object({ planId: id, input: planItemInput }).strict(), response: z.object({ id }) },
  /** Edits an item; setting "selesai" goes through development:completePlanItem (it links the training). */
  'development:updatePlanItem': {
    request: z.object({
      id, status: z.enum(['direncanakan', 'berjalan', 'batal']).optional(), activity: z.string().trim().min(3).max(300).optional(),
      catalogId: id.nullable().optional(), jp: jp.optional(), estimatedCost: rupiah.optional(), targetDate: isoDate.nullable().optional(),
    }).strict(),
    response: done,
  },
  'development:deletePlanItem': { request: z.object({ id }).strict(), response: done },
  /** Marks an item done and links the training that completed it: a new training record (recorded in the same
   *  transaction), an existing record of the same employee, or none for an activity that is not a training. */
  'development:completePlanItem': {
    request: z.object({ id, training: trainingInput.optional(), trainingRecordId: id.optional() }).strict(),
    response: z.object({ trainingRecordId: id.nullable(), warnings: z.array(fieldIssue) }),
  },
  'development:plans': { mode: 'read',
    request: z.object({ year, unitId: id.optional(), search: z.string().max(100).optional(), ...page }).strict(),
    response: z.object({
      total: z.number().int(), rows: z.array(planListRow),
      summary: z.object({ plans: z.number().int(), items: statusCounts, plannedJp: z.number(), plannedCost: z.number().int() }),
    }),
  },
  'development:budgetOverview': { mode: 'read',
    request: z.object({ year }).strict(),
    response: z.object({ year, rows: z.array(budgetUnitRow), totalPlannedCost: z.number().int(), totalCeiling: z.number().int().nullable() }),
  },

  // Mentoring ---------------------------------------------------------------------------------------------------
  'development:mentoring': { mode: 'read',
    request: z.object({
      status: z.enum(MENTORING_STATUS_CODES).optional(), employeeId: id.optional(), unitId: id.optional(), search: z.string().max(100).optional(), ...page,
    }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(mentoringRow), limit: z.number().int() }),
  },
  'development:mentorLoad': { mode: 'read',
    request: z.object({ unitId: id.optional() }).strict(),
    response: z.object({ limit: z.number().int(), rows: z.array(mentorLoadRow) }),
  },
  'development:checkMentoring': { mode: 'read',
    request: z.object({ id: id.optional(), mentorId: id, menteeId: id }).strict(),
    response: mentoringCheck,
  },
  'development:saveMentoring': { request: z.object({ id: id.optional(), input: mentoringInput }).strict(), response: saved },
  'development:mentoringSessions': { mode: 'read', request: z.object({ relationId: id }).strict(), response: z.object({ rows: z.array(mentoringSession) }) },
  'development:addMentoringSession': {
    request: z.object({ relationId: id, sessionDate: isoDate, notes: optionalText(4000) }).strict(),
    response: z.object({ id }),
  },
  'development:deleteMentoringSession': { request: z.object({ id }).strict(), response: done },

  // Rotation and promotion ----------------------------------------------------------------------------------------
  'development:rotation': { mode: 'read',
    request: z.object({ unitId: id.optional(), kind: z.enum(POSITION_KIND_CODES).optional(), search: z.string().max(100).optional(), ...page }).strict(),
    response: z.object({
      years: z.number().int(), cutoff: text, total: z.number().int(), rows: z.array(rotationRow),
      units: z.array(z.object({ unitId: id.nullable(), unitName: text, candidates: z.number().int(), population: z.number().int() })),
    }),
  },
  'development:promotionPeriods': { mode: 'read',
    request: empty,
    response: z.object({ today: text, next: text.nullable(), upcoming: z.array(text), calendar: z.array(promotionCalendarRule) }),
  },
  'development:promotionList': { mode: 'read',
    request: promotionRequest,
    response: z.object({
      period: text, skpYears: z.array(z.number().int()),
      counts: z.object({ eligible: z.number().int(), blocked: z.number().int(), byReason: z.record(z.string(), z.number().int()) }),
      total: z.number().int(), rows: z.array(promotionRow),
    }),
  },
  /** The usulan kenaikan pangkat reguler as an XLSX workbook: the nominative list of the eligible, and the
   *  blocked with their reasons on a second sheet. */
  'development:promotionExport': { mode: 'read',
    request: z.object({ period: isoDate.optional(), unitId: id.optional() }).strict(),
    response: fileResponse,
  },
});
