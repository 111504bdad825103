import { z } from 'zod';

/** Settings the office can change in Pengaturan. Each capability adds its keys here with a default. */
export const appSettings = z.object({
  /** Name written to the audit log as "who"; defaults to the operating-system user. */
  operatorName: z.string().trim().max(80).nullable(),
});

export type AppSettings = z.infer<typeof appSettings>;
