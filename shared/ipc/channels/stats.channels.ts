// stats: channel → request/response. The schemas are in shared/schemas/stats.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { isoDate } from '../../schemas/common';
import { employeeStats } from '../../schemas/stats';

export const statsChannels = defineChannels({
  'stats:overview': { permission: 'data:read', mode: 'read',
    request: z.object({ asOf: isoDate.optional() }).strict(),
    response: employeeStats.catchall(z.unknown()),
  },
});
