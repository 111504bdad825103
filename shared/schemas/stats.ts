import { z } from 'zod';

/** The foundation part of `stats --json`; later capabilities add their own top-level keys beside it. */
export const employeeStats = z.object({
  asOf: z.string(),
  employees: z.object({
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    byUnit: z.record(z.string(), z.number().int()),
    byGolongan: z.record(z.string(), z.number().int()),
    byPositionKind: z.record(z.string(), z.number().int()),
    byGender: z.record(z.string(), z.number().int()),
  }),
  retirements: z.record(z.string(), z.number().int()),
  /** Active employees whose TMT pensiun has passed (still recorded as active), and those reaching it within 12 months. */
  retirementDue: z.object({ overdue: z.number().int(), next12Months: z.number().int() }),
});

export type EmployeeStats = z.infer<typeof employeeStats>;
