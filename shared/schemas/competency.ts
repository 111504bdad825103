import { z } from 'zod';
import { COMPETENCY_GROUP_CODES } from '../domain/competency';
import { JPM_STATUSES, MAPPING_CATEGORIES, SELECTION_CATEGORIES } from '../domain/jpm';
import { POSITION_KIND_CODES, POSITION_LEVEL_CODES } from '../domain/position';
import { id } from './common';

export const level = z.number().int().min(1, { message: 'Level kompetensi 1–5.' }).max(5, { message: 'Level kompetensi 1–5.' });

export const jpmStatus = z.enum(JPM_STATUSES);

export const competencyDefinition = z.object({
  id,
  code: z.string(),
  name: z.string(),
  group: z.enum(COMPETENCY_GROUP_CODES),
  description: z.string().nullable(),
  levelDescriptors: z.array(z.string()),
  active: z.boolean(),
});

export type CompetencyDefinition = z.infer<typeof competencyDefinition>;

/** Population filter shared by the dashboard queries. */
export const population = {
  /** Rows are the children of this unit (with the unit's own direct staff); absent = the perangkat daerah. */
  parentUnitId: id.optional(),
  levels: z.array(z.enum(POSITION_LEVEL_CODES)).max(20).optional(),
  kinds: z.array(z.enum(POSITION_KIND_CODES)).max(5).optional(),
};

export const heatmapCell = z.object({
  competencyId: id,
  employees: z.number().int(),
  assessed: z.number().int(),
  meeting: z.number().int(),
  /** Average of actual − required over the assessed; null when nobody is assessed. */
  averageGap: z.number().nullable(),
  /** Share of the assessed who meet the standard, 0–100; null when nobody is assessed. */
  meetingPercent: z.number().nullable(),
});

export const heatmapRow = z.object({
  unitId: id,
  unitName: z.string(),
  /** true for the row holding the parent unit's own staff (not in a sub-unit). */
  direct: z.boolean(),
  hasChildren: z.boolean(),
  activeEmployees: z.number().int(),
  withoutStandard: z.number().int(),
  notAssessed: z.number().int(),
  partial: z.number().int(),
  complete: z.number().int(),
  averageJpm: z.number().nullable(),
  cells: z.array(heatmapCell),
});

export type HeatmapRow = z.infer<typeof heatmapRow>;

export const competencyRef = z.object({ id, code: z.string(), name: z.string(), group: z.enum(COMPETENCY_GROUP_CODES) });

export const gapItem = z.object({
  competencyId: id,
  code: z.string(),
  name: z.string(),
  required: z.number().int(),
  actual: z.number().int().nullable(),
  gap: z.number().int().nullable(),
  meets: z.boolean().nullable(),
  assessedOn: z.string().nullable(),
  method: z.string().nullable(),
});

export const jpmSummary = z.object({
  status: jpmStatus,
  /** Rounded to one decimal for display; the category comes from the unrounded percentage. */
  jpm: z.number().nullable(),
  category: z.enum(MAPPING_CATEGORIES).nullable(),
  selection: z.enum(SELECTION_CATEGORIES).nullable(),
  requiredSum: z.number().int(),
  achievedSum: z.number().int(),
  assessedCount: z.number().int(),
  standardCount: z.number().int(),
});

export const employeeRef = z.object({
  id,
  nip: z.string(),
  fullName: z.string(),
  positionName: z.string().nullable(),
  positionLevel: z.string().nullable(),
  unitName: z.string().nullable(),
});
