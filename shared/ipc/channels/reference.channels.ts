// reference: channel → request/response. The schemas are in shared/schemas/reference.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { empty, id } from '../../schemas/common';
import { positionOption, unitNode } from '../../schemas/reference';

export const referenceChannels = defineChannels({
  /** Every unit, parents before children, in display order. */
  'reference:units': { permission: 'employees:read', mode: 'read', request: empty, response: z.object({ units: z.array(unitNode) }) },
  /** Positions for pickers: by text, optionally those of one unit (plus unit-less functional ones). */
  'reference:positions': { permission: 'employees:read', mode: 'read',
    request: z.object({
      search: z.string().max(100).optional(),
      unitId: id.optional(),
      ids: z.array(id).max(50).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }).strict(),
    response: z.object({ positions: z.array(positionOption) }),
  },
});
