import { formatNumberId } from '../../../shared/format/id-format';
import { REPORTS, type ReportDocument } from '../../../shared/reports/catalogue';
import { PRINT_PHASES } from '../../printing/printer';
import { parseReportParams, renderReport, reportFileName, reportWorkbook } from '../../reports/report-document';
import { XLSX_MIME } from '../../services/xlsx-export.service';
import type { HandlerGroup } from '../handler-types';

export const reportsHandlers: HandlerGroup<'reports:render' | 'reports:exportPdf' | 'reports:preparePdf' | 'reports:exportXlsx'> = {
  'reports:render': async (request, { services }) => (await renderReport(services, request.reportId, request.params)) as ReportDocument,

  async 'reports:exportPdf'(request, context) {
    // Refuse bad parameters before a browser is started; the page itself reports unknown NIPs or units.
    parseReportParams(request.reportId, request.params);
    const today = context.services.clock.today();
    const printed = await context.jobs.run(request.jobId, (job) => context.printer().print({
      reportId: request.reportId,
      params: request.params,
      actingAs: context.session,
      // Step n of 3 counts as done when it starts: the registry throttles events but always sends done === total,
      // so "Mencetak PDF" (the last, and with big reports the longest, step) always reaches the screen, with the
      // number of pages the drawn report fills.
      onPhase: (phase, pages) => job.progress(
        pages ? `${phase}: ${formatNumberId(pages)} halaman` : phase,
        PRINT_PHASES.indexOf(phase as (typeof PRINT_PHASES)[number]) + 1, PRINT_PHASES.length),
      throwIfCancelled: () => job.throwIfCancelled(),
    }));
    return {
      // "profil-pegawai-196608011988031001-2026-11-24.pdf": the report and its parameter values.
      fileName: reportFileName([REPORTS[request.reportId].title, ...Object.keys(request.params).sort().map((k) => request.params[k])].join(' '), today, 'pdf'),
      mimeType: 'application/pdf',
      base64: printed.pdf.toString('base64'),
      pages: printed.pages,
    };
  },

  // A warm-up the Laporan page asks for; a process without a printer (the CLI, a test host) has nothing to warm.
  async 'reports:preparePdf'(_request, context) {
    if (!context.hasPrinter()) return { ready: false };
    await context.printer().prepare?.();
    return { ready: true };
  },

  async 'reports:exportXlsx'(request, { services }) {
    const { fileName, buffer } = await reportWorkbook(services, request.reportId, request.params);
    return { fileName, mimeType: XLSX_MIME, base64: buffer.toString('base64') };
  },
};
