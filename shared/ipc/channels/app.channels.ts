// app: channel → request/response. The schemas are in shared/schemas/app.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { empty, jobId, isoDate } from '../../schemas/common';
import { DEMO_DEFAULT_EMPLOYEES, appStatus } from '../../schemas/app';

export const appChannels = defineChannels({
  /**
   * The app's "today" (main's clock: the system day, or the day fixed for tests and `--as-of`). The renderer
   * asks for it instead of reading the browser's clock, so both sides always agree on the date.
   */
  'app:today': { permission: 'public', request: empty, response: z.object({ today: isoDate }), mode: 'free' },
  'app:status': { permission: 'session', mode: 'read', request: empty, response: appStatus },
  'app:dismissDemoOffer': { permission: 'settings', request: empty, response: z.object({}) },
  /** Loads the demo district into an empty database. Progress arrives as job:progress events for `jobId`. */
  'demo:load': { permission: 'settings',
    request: z.object({
      jobId,
      employees: z.number().int().min(10).max(50_000).default(DEMO_DEFAULT_EMPLOYEES),
      seed: z.number().int().min(0).max(2 ** 31 - 1).default(2026),
    }).strict(),
    response: z.object({ employees: z.number().int(), units: z.number().int(), positions: z.number().int(), elapsedMs: z.number() }),
  },
  'jobs:cancel': { permission: 'session',
    request: z.object({ jobId }).strict(),
    response: z.object({ cancelled: z.boolean() }),
    mode: 'free',
  },
});
