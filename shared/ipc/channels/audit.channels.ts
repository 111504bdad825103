// audit: channel → request/response. The schemas are in shared/schemas/audit.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { id } from '../../schemas/common';
import { auditEntry } from '../../schemas/audit';

export const auditChannels = defineChannels({
  'audit:list': { permission: 'audit', mode: 'read',
    request: z.object({
      employeeId: id.optional(),
      entity: z.string().max(40).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(auditEntry) }),
  },
});
