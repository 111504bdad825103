// reports: channel → request/response. The schemas are in shared/schemas/reports.ts.

import { z } from 'zod';
import { reportDocument } from '../../reports/catalogue';
import { defineChannels } from '../define';
import { empty, jobId } from '../../schemas/common';
import { generatedFile, reportRequest } from '../../reports/requests';

export const reportsChannels = defineChannels({
  /** The report's data with letterhead and parameters: drawn by the print route and the live preview. */
  'reports:render': { permission: 'reports', mode: 'read', request: z.object(reportRequest).strict(), response: reportDocument },
  /**
   * Prints the report route to an A4 PDF with the transport's printer (Electron: hidden window + printToPDF;
   * web host: headless Chromium). 'free': it does not touch the database itself; the page it prints calls
   * reports:render, which runs on a reader or takes its turn in the queue (holding the queue here would deadlock).
   */
  'reports:exportPdf': { permission: 'reports',
    request: z.object({ jobId, ...reportRequest }).strict(),
    response: generatedFile.extend({ pages: z.number().int() }),
    mode: 'free',
  },
  /**
   * Starts the PDF printer (headless Chromium with the print page loaded) before the first "Ekspor PDF", so that
   * export starts at once. The Laporan page asks for it when it opens; 'free' like exportPdf.
   */
  'reports:preparePdf': { permission: 'reports', request: empty, response: z.object({ ready: z.boolean() }), mode: 'free' },
  /** The report's tables, one sheet each; 'exclusive' because the same call writes the export log. */
  'reports:exportXlsx': { permission: 'reports', mode: 'exclusive', request: z.object(reportRequest).strict(), response: generatedFile },
});
