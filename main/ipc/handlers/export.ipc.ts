import { buildTableWorkbook, fileNameFor, XLSX_MIME } from '../../services/xlsx-export.service';
import type { HandlerGroup } from '../handler-types';

export const exportHandlers: HandlerGroup<'export:xlsx'> = {
  async 'export:xlsx'(request, { services }) {
    const today = services.clock.today();
    const buffer = await buildTableWorkbook(request, today);
    return { fileName: fileNameFor(request.title, today), mimeType: XLSX_MIME, base64: buffer.toString('base64') };
  },
};
