import { z } from 'zod';
import { POSITION_KIND_CODES, POSITION_LEVEL_CODES } from '../../domain/position';
import { defineChannels, empty, id } from '../define';

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

export const referenceChannels = defineChannels({
  /** Every unit, parents before children, in display order. */
  'reference:units': { mode: 'read', request: empty, response: z.object({ units: z.array(unitNode) }) },
  /** Positions for pickers: by text, optionally those of one unit (plus unit-less functional ones). */
  'reference:positions': { mode: 'read',
    request: z.object({
      search: z.string().max(100).optional(),
      unitId: id.optional(),
      ids: z.array(id).max(50).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }).strict(),
    response: z.object({ positions: z.array(positionOption) }),
  },
});
