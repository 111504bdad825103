import { z } from 'zod';
import { POSITION_KIND_CODES, POSITION_LEVEL_CODES } from '../domain/position';
import { id } from './common';

export const unitNode = z.object({
  id,
  name: z.string(),
  parentId: id.nullable(),
  depth: z.number().int(),
  kind: z.string(),
  /** Employees with status aktif in this unit and every unit below it. */
  activeEmployees: z.number().int(),
});

export type UnitNode = z.infer<typeof unitNode>;

export const positionOption = z.object({
  id,
  name: z.string(),
  kind: z.enum(POSITION_KIND_CODES),
  level: z.enum(POSITION_LEVEL_CODES),
  eselon: z.string().nullable(),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
});

export type PositionOption = z.infer<typeof positionOption>;
