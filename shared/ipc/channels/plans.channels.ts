// Rencana pengembangan individu (IDP), the training catalogue the office maintains and the budget ceilings per
// perangkat daerah. Rules in shared/domain/development.ts; served by main/services/development/plan.service.ts.

import { z } from 'zod';
import { IDP_ITEM_STATUS_CODES, TRAINING_TYPE_CODES } from '../../domain/development';
import { defineChannels, empty, id } from '../define';
import { fieldIssue, isoDate, optionalText } from './common';
import { done, jp, nullableText, page, rupiah, text, year } from './development.channels';
import { trainingInput } from './training.channels';

export const budgetRow = z.object({
  unitId: id,
  unitName: text,
  ceiling: z.number().int().nullable(),
});

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

export const plansChannels = defineChannels({
  'plans:catalog': { mode: 'read',request: z.object({ includeInactive: z.boolean().default(false) }).strict(), response: z.object({ rows: z.array(catalogRow) }) },
  'plans:saveCatalog': { request: z.object({ id: id.optional(), input: catalogInput }).strict(), response: z.object({ id }) },
  'plans:competencies': {
    mode: 'read',
    request: empty,
    response: z.object({ rows: z.array(z.object({ id, code: text, name: text, group: text })) }),
  },
  /** A plan proposed from the competency gaps of the current (or a target) position and the missing required
   *  trainings; nothing is written. */
  'plans:propose': {
    mode: 'read',
    request: z.object({ employeeId: id, year, targetPositionId: id.nullish() }).strict(),
    response: planProposal,
  },
  /** Positions the employee is a named successor for (succession plans): target positions for an IDP. */
  'plans:successionTargets': {
    mode: 'read',
    request: z.object({ employeeId: id }).strict(),
    response: z.object({ rows: z.array(z.object({ positionId: id, positionName: text, level: text, readiness: text, readinessLabel: text })) }),
  },
  'plans:create': {
    request: z.object({
      employeeId: id, year, targetPositionId: id.nullish().transform((v) => v ?? null), notes: optionalText(2000),
      items: z.array(planItemInput).max(60),
    }).strict(),
    response: z.object({ id }),
  },
  'plans:get': { mode: 'read',request: z.object({ id }).strict(), response: planDetail },
  'plans:ofEmployee': { mode: 'read',request: z.object({ employeeId: id }).strict(), response: z.object({ plans: z.array(planDetail) }) },
  'plans:update': {
    request: z.object({ id, targetPositionId: id.nullable().optional(), notes: optionalText(2000).optional() }).strict(),
    response: done,
  },
  'plans:delete': { request: z.object({ id }).strict(), response: done },
  'plans:addItem': { request: z.object({ planId: id, input: planItemInput }).strict(), response: z.object({ id }) },
  /** Edits an item; setting "selesai" goes through plans:completeItem (it links the training). */
  'plans:updateItem': {
    request: z.object({
      id, status: z.enum(['direncanakan', 'berjalan', 'batal']).optional(), activity: z.string().trim().min(3).max(300).optional(),
      catalogId: id.nullable().optional(), jp: jp.optional(), estimatedCost: rupiah.optional(), targetDate: isoDate.nullable().optional(),
    }).strict(),
    response: done,
  },
  'plans:deleteItem': { request: z.object({ id }).strict(), response: done },
  /** Marks an item done and links the training that completed it: a new training record (recorded in the same
   *  transaction), an existing record of the same employee, or none for an activity that is not a training. */
  'plans:completeItem': {
    request: z.object({ id, training: trainingInput.optional(), trainingRecordId: id.optional() }).strict(),
    response: z.object({ trainingRecordId: id.nullable(), warnings: z.array(fieldIssue) }),
  },
  'plans:list': {
    mode: 'read',
    request: z.object({ year, unitId: id.optional(), search: z.string().max(100).optional(), ...page }).strict(),
    response: z.object({
      total: z.number().int(), rows: z.array(planListRow),
      summary: z.object({ plans: z.number().int(), items: statusCounts, plannedJp: z.number(), plannedCost: z.number().int() }),
    }),
  },
  'plans:budgetOverview': {
    mode: 'read',
    request: z.object({ year }).strict(),
    response: z.object({ year, rows: z.array(budgetUnitRow), totalPlannedCost: z.number().int(), totalCeiling: z.number().int().nullable() }),
  },
  /** Budget ceilings of the perangkat daerah (root units) for one year. */
  'plans:budgets': { mode: 'read',request: z.object({ year }).strict(), response: z.object({ year, rows: z.array(budgetRow) }) },
  /** Sets (or with null removes) one ceiling. */
  'plans:setBudget': { request: z.object({ unitId: id, year, ceiling: rupiah.nullable() }).strict(), response: done },
});
