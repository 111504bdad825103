// Rencana pengembangan individu (IDP), the training catalogue the office maintains and the budget ceilings per
// perangkat daerah. Rules in shared/domain/development.ts; served by main/services/development/plan.service.ts.

import { z } from 'zod';
import { IDP_ITEM_STATUS_CODES, TRAINING_TYPE_CODES } from '../domain/development';
import { id, isoDate, optionalText } from './common';
import { done, jp, nullableText, rupiah, text, year } from './development';
import { editVersion } from './edit-version';

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

/** What a proposed item and a stored item of a plan both say: the competency or requirement, levels, activity. */
const itemFields = {
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
};

export const proposedItem = z.object({
  kind: z.enum(['gap', 'requirement']),
  ...itemFields,
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
  ...itemFields,
  targetDate: nullableText,
  status: z.enum(IDP_ITEM_STATUS_CODES),
  trainingRecordId: id.nullable(),
  trainingTitle: nullableText,
  trainingEndDate: nullableText,
  /** Past the target date and neither done nor cancelled. */
  overdue: z.boolean(),
  /** The item's version, sent back with an edit of it. */
  version: editVersion,
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
  /** The plan's version (target position, notes), sent back with an edit of them. */
  version: editVersion,
  items: z.array(planItemRow),
  plannedJp: z.number(),
  plannedCost: z.number().int(),
  completedJp: z.number(),
});

export type PlanDetail = z.infer<typeof planDetail>;

export const statusCounts = z.object({ direncanakan: z.number().int(), berjalan: z.number().int(), selesai: z.number().int(), batal: z.number().int() });

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
