import { buildTableWorkbook, fileNameFor, XLSX_MIME } from '../../services/xlsx-export.service';
import type { HandlerGroup } from '../handler-types';

export const exportHandlers: HandlerGroup<'export:xlsx'> = {
  async 'export:xlsx'(request, { services }) {
    const today = services.clock.today();
    // The operator named in Pengaturan is the workbook's author (until there are accounts).
    const { operatorName } = await services.settings.getAll();
    const buffer = await buildTableWorkbook(request, today, operatorName ?? null);
    return { fileName: fileNameFor(request.title, today), mimeType: XLSX_MIME, base64: buffer.toString('base64') };
  },
};
