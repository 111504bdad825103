import { formatNumberId } from '../../../shared/format/id-format';
import { REPORTS, reportDefinition, type ReportDocument, type ReportId } from '../../../shared/reports/catalogue';
import { FOR_LEADERSHIP_PARAM, UNIT_ALL } from '../../../shared/reports/define';
import { PRINT_PHASES } from '../../printing/printer';
import { parseReportRequest, renderReport, reportFileName, reportWorkbook } from '../../reports/report-document';
import { scopeReportParams } from '../../reports/report-scope';
import { XLSX_MIME } from '../../services/xlsx-export.service';
import type { HandlerGroup } from '../handler-types';

export const reportsHandlers: HandlerGroup<'reports:render' | 'reports:exportPdf' | 'reports:preparePdf' | 'reports:exportXlsx'> = {
  // Each channel first brings the parameters into the acting account's reach (an Operator OPD: its unit subtree).
  'reports:render': async (request, context) =>
    (await renderReport(context.services, request.reportId, await scopeReportParams(context.services.dataSource, context.session, request.reportId, request.params), {
      acting: context.session,
    })) as ReportDocument,

  async 'reports:exportPdf'(request, context) {
    const params = await scopeReportParams(context.services.dataSource, context.session, request.reportId, request.params);
    // Refuse bad parameters before a browser is started; the page itself reports unknown NIPs or units.
    const { forLeadership } = parseReportRequest(request.reportId, params);
    const today = context.services.clock.today();
    const printed = await context.jobs.run(request.jobId, (job) => context.printer().print({
      reportId: request.reportId,
      params,
      // The print page's token acts as this account (its role and scope), so its reports:render is checked again.
      actingAs: context.session,
      // Step n of 3 counts as done when it starts: the registry throttles events but always sends done === total,
      // so "Mencetak PDF" (the last, and with big reports the longest, step) always reaches the screen, with the
      // number of pages the drawn report fills.
      onPhase: (phase, pages) => job.progress(
        pages ? `${phase}: ${formatNumberId(pages)} halaman` : phase,
        PRINT_PHASES.indexOf(phase as (typeof PRINT_PHASES)[number]) + 1, PRINT_PHASES.length),
      throwIfCancelled: () => job.throwIfCancelled(),
    }));
    const ownParams = Object.keys(params).filter((k) => k !== FOR_LEADERSHIP_PARAM).sort();
    // "profil-pegawai-196608011988031001-2026-11-24.pdf": the report and its parameter values.
    const fileName = reportFileName(
      [REPORTS[request.reportId].title, ...ownParams.map((k) => params[k]), ...(forLeadership ? ['untuk pimpinan'] : [])].join(' '), today, 'pdf');
    // This channel runs beside the writer's queue (its print page calls reports:render, which would wait behind it),
    // so the log line is written by recordExport's guarded autocommit insert.
    await context.services.privacy.recordExport({
      actor: await context.actor(), kind: request.reportId, title: REPORTS[request.reportId].title,
      parameters: ownParams.map((key) => printedParameter(request.reportId, key, params[key])),
      format: 'pdf', pageCount: printed.pages, fileName, forLeadership, via: context.runtime.transport,
    });
    return { fileName, mimeType: 'application/pdf', base64: printed.pdf.toString('base64'), pages: printed.pages };
  },

  // A warm-up the Laporan page asks for; a process without a printer (the CLI, a test host) has nothing to warm.
  async 'reports:preparePdf'(_request, context) {
    if (!context.hasPrinter()) return { ready: false };
    await context.printer().prepare?.();
    return { ready: true };
  },

  // 'exclusive', not 'read': the workbook and its log line come from one call, and a reader cannot write (a
  // follow-up write would need a second request the renderer could leave out). The cost: the export runs on the
  // writer's queue, not on a reader. Measured with two readers on a 5.000-employee district, the whole-district
  // daftar nominatif (the Pegawai list's "Ekspor XLSX") takes 1,0–1,1 s warm as before, and a write sent
  // meanwhile waits for it (1,5–1,9 s); the log line itself costs under 1 ms.
  async 'reports:exportXlsx'(request, context) {
    const actor = await context.actor();
    const params = await scopeReportParams(context.services.dataSource, context.session, request.reportId, request.params);
    const workbook = await reportWorkbook(context.services, request.reportId, params, context.session);
    await context.services.privacy.recordExport({
      actor, kind: request.reportId, title: workbook.title, parameters: workbook.parameters, format: 'xlsx',
      rowCount: workbook.rowCount, fileName: workbook.fileName, forLeadership: workbook.forLeadership, via: context.runtime.transport,
    });
    return { fileName: workbook.fileName, mimeType: XLSX_MIME, base64: workbook.buffer.toString('base64') };
  },
};

/**
 * A PDF's parameter as its Laporan field names it ("Unit kerja" → "semua perangkat daerah"). The values stay as
 * requested (a unit's id, a NIP): the printed document, with their names, is drawn by the print page.
 */
function printedParameter(reportId: ReportId, key: string, value: string): { label: string; value: string } {
  const field = reportDefinition(reportId).fields.find((f) => f.key === key);
  if (!field) return { label: key, value };
  if (field.kind === 'unit' && value === UNIT_ALL) return { label: field.label, value: field.allLabel };
  if (field.kind === 'unit') return { label: field.label, value: `unit kerja nomor ${value}` };
  if (field.kind === 'select') return { label: field.label, value: field.options.find((o) => o.value === value)?.label ?? value };
  return { label: field.label, value };
}
