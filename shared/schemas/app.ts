import { z } from 'zod';
import { empty } from './common';

export const DEMO_DEFAULT_EMPLOYEES = 3000;

export const appStatus = z.object({
  appVersion: z.string(),
  transport: z.enum(['electron', 'web']),
  dbPath: z.string(),
  dbSizeBytes: z.number(),
  schemaVersion: z.string(),
  employeeCount: z.number().int(),
  /** True when the database is empty and the user has not declined the demo district yet. */
  offerDemo: z.boolean(),
});

export type AppStatus = z.infer<typeof appStatus>;
