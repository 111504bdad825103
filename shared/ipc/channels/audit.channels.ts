import { z } from 'zod';
import { defineChannels, id } from '../define';

export const auditChange = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });

export const auditEntry = z.object({
  id,
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().nullable(),
  employeeId: z.number().nullable(),
  summary: z.string(),
  changes: z.array(auditChange),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditChannels = defineChannels({
  'audit:list': { mode: 'read',
    request: z.object({
      employeeId: id.optional(),
      entity: z.string().max(40).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }).strict(),
    response: z.object({ total: z.number().int(), rows: z.array(auditEntry) }),
  },
});
