// export: channel → request/response. The schemas are in shared/schemas/export.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { exportTable } from '../../schemas/export';

export const exportChannels = defineChannels({
  /** Builds an XLSX workbook of one table; the renderer saves it (download in the browser, save dialog in Electron). */
  'export:xlsx': { permission: 'session', mode: 'read',
    request: exportTable,
    response: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
});
