import { z } from 'zod';
import { REPORT_IDS } from './catalogue';
import { rawReportParams } from './define';

export const reportId = z.enum(REPORT_IDS, { message: `Laporan tidak dikenal; pilih salah satu dari: ${REPORT_IDS.join(', ')}.` });

export const reportRequest = { reportId, params: rawReportParams.default({}) };

export const generatedFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
