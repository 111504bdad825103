import { z } from 'zod';
import { id } from './common';

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
