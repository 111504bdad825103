// export: channel → request/response. The schemas are in shared/schemas/export.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { exportTable } from '../../schemas/export';

export const exportChannels = defineChannels({
  /** Builds an XLSX workbook of one table and logs it ('exclusive': a reader cannot write); the renderer saves it. */
  'export:xlsx': { permission: 'session', mode: 'exclusive',
    request: exportTable,
    response: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
});
