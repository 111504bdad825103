import { z } from 'zod';
import { REPORT_IDS, reportDocument } from '../../reports/catalogue';
import { rawReportParams } from '../../reports/define';
import { defineChannels, empty, jobId } from '../define';

export const reportId = z.enum(REPORT_IDS, { message: `Laporan tidak dikenal; pilih salah satu dari: ${REPORT_IDS.join(', ')}.` });

const reportRequest = { reportId, params: rawReportParams.default({}) };

const generatedFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });

export const reportsChannels = defineChannels({
  /** The report's data with letterhead and parameters: drawn by the print route and the live preview. */
  'reports:render': { mode: 'read', request: z.object(reportRequest).strict(), response: reportDocument },
  /**
   * Prints the report route to an A4 PDF with the transport's printer (Electron: hidden window + printToPDF;
   * web host: headless Chromium). 'free': it does not touch the database itself; the page it prints calls
   * reports:render, which runs on a reader or takes its turn in the queue (holding the queue here would deadlock).
   */
  'reports:exportPdf': {
    request: z.object({ jobId, ...reportRequest }).strict(),
    response: generatedFile.extend({ pages: z.number().int() }),
    mode: 'free',
  },
  /**
   * Starts the PDF printer (headless Chromium with the print page loaded) before the first "Ekspor PDF", so that
   * export starts at once. The Laporan page asks for it when it opens; 'free' like exportPdf.
   */
  'reports:preparePdf': { request: empty, response: z.object({ ready: z.boolean() }), mode: 'free' },
  /** The report's tables, one sheet each. */
  'reports:exportXlsx': { mode: 'read', request: z.object(reportRequest).strict(), response: generatedFile },
});
