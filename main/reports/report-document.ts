// Reports: validates a report's string parameters, runs its loader, and wraps the result with the letterhead
// and the date into the ReportDocument that the print route and the live preview draw. Also the report's
// tables as one XLSX workbook. Printing itself is the printers' job (printer.ts).

import { actorLabel, SYSTEM_ACTOR, type ActingAccount } from '../../shared/auth/acting';
import { documentAuthorLabel } from '../../shared/auth/document-author';
import { AppError } from '../../shared/errors';
import { formatDateId, formatPrintedBy } from '../../shared/format/id-format';
import { REPORTS, reportDefinition, type ReportDocumentOf, type ReportId } from '../../shared/reports/catalogue';
import { FOR_LEADERSHIP_PARAM, splitLeadershipParam, withoutPersonalData, type RawReportParams } from '../../shared/reports/define';
import type { Services } from '../services';
import { buildTablesWorkbook, fileNameFor } from '../services/xlsx-export.service';
import { REPORT_LOADERS } from './loaders';
import type { ReportLoader } from './loaders/types';

/** Parses the string parameters with the report's schema; unknown or malformed ones are refused clearly. */
export function parseReportParams(reportId: ReportId, raw: RawReportParams): unknown {
  return parseReportRequest(reportId, raw).params;
}

/** The report's own parameters and whether it is printed "untuk pimpinan" (FOR_LEADERSHIP_PARAM). */
export function parseReportRequest(reportId: ReportId, raw: RawReportParams): { params: unknown; forLeadership: boolean } {
  const split = splitLeadershipParam(raw);
  if ('error' in split) throw new AppError('validation', split.error, { issues: [{ path: `params.${FOR_LEADERSHIP_PARAM}`, message: split.error }] });
  return { params: parseOwnParams(reportId, split.params), forLeadership: split.forLeadership };
}

function parseOwnParams(reportId: ReportId, raw: RawReportParams): unknown {
  const definition = reportDefinition(reportId);
  const parsed = definition.params.safeParse(raw);
  if (parsed.success) return parsed.data;
  const known = definition.fields.map((f) => f.key);
  const issues = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const hint = known.length ? `Yang dikenal: ${known.join(', ')}.` : 'Laporan ini tidak memakai parameter.';
      return { path: 'params', message: `Parameter tidak dikenal untuk laporan ${definition.title}: ${issue.keys.join(', ')}. ${hint}` };
    }
    const key = issue.path.map(String).join('.');
    // A missing required parameter arrives as invalid_type (undefined); say it in words.
    const message = issue.code === 'invalid_type' && key ? `Parameter ${key} wajib diisi untuk laporan ${definition.title}.` : issue.message;
    return { path: key ? `params.${key}` : 'params', message };
  });
  throw new AppError('validation', issues.map((i) => i.message).join(' '), { issues });
}

export interface RenderOptions {
  purpose?: 'document' | 'workbook';
  /** Who asks for the report (the handler context's session): "Dicetak oleh …" names them, and their account is the
   *  document's author (ReportLoaderContext.author). The system actor when absent. */
  acting?: ActingAccount | null;
}

/** What the printed parameters say of a report printed "untuk pimpinan". */
export const FOR_LEADERSHIP_LABEL = { label: 'Versi', value: 'Untuk pimpinan (tanpa kontak, alamat dan tanggal lahir lengkap)' };

export async function renderReport<R extends ReportId>(services: Services, reportId: R, raw: RawReportParams, options: RenderOptions = {}): Promise<ReportDocumentOf<R>> {
  const { params, forLeadership } = parseReportRequest(reportId, raw);
  const today = services.clock.today();
  const loader = REPORT_LOADERS[reportId] as ReportLoader<ReportId>;
  const acting = options.acting ?? SYSTEM_ACTOR;
  const author = await services.accounts.documentAuthor(acting);
  const { workbook, ...loaded } = await loader(params as never, { services, today, purpose: options.purpose ?? 'document', author });
  const identity = await services.agency.identity();
  const logo = await services.agency.logo();
  return {
    reportId, ...loaded,
    // Left out here, once, so the preview, the PDF and the XLSX of every report are the same reduced data.
    content: forLeadership ? withoutPersonalData(loaded.content) : loaded.content,
    parameters: forLeadership ? [...loaded.parameters, FOR_LEADERSHIP_LABEL] : loaded.parameters,
    printedOn: today, agency: { identity, logo }, preparedBy: author ? documentAuthorLabel(author) : null,
    workbook: workbook ?? loaded.content.status === 'ready',
    printedBy: actorLabel(acting),
    printedAt: services.clock.now(),
    forLeadership,
    dataQuality: await services.quality.populationIndex(reportUnit(reportId, raw)),
  } as ReportDocumentOf<R>;
}

/** The unit whose people a report covers (its unit parameter), or null for the whole district. */
function reportUnit(reportId: ReportId, raw: RawReportParams): number | null {
  const field = reportDefinition(reportId).fields.find((f) => f.kind === 'unit');
  const value = field ? raw[field.key]?.trim() : undefined;
  return value && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** The report's tables, one sheet each. A report without data has nothing to export and says why. */
export async function reportWorkbook(services: Services, reportId: ReportId, raw: RawReportParams, acting?: ActingAccount | null): Promise<{
  fileName: string; buffer: Buffer; title: string; parameters: Array<{ label: string; value: string }>; rowCount: number; forLeadership: boolean;
}> {
  const document = await renderReport(services, reportId, raw, { purpose: 'workbook', acting });
  if (document.content.status !== 'ready') throw new AppError('not_found', `Tidak ada yang dapat diekspor. ${document.content.message}`);
  const tables = REPORTS[reportId].tables(document.content.data as never).map((table) => ({
    ...table,
    subtitle: [...(table.subtitle ?? []), `${document.title}; data per ${formatDateId(document.printedOn)}`, ...(document.forLeadership ? [FOR_LEADERSHIP_LABEL.value] : [])],
    columns: table.columns.map((c) => ({ ...c, type: c.type ?? ('text' as const) })),
  }));
  const buffer = await buildTablesWorkbook(tables, document.printedOn, document.preparedBy, formatPrintedBy(document.printedBy, document.printedAt));
  return {
    fileName: reportFileName(document.title, document.printedOn, 'xlsx'), buffer, title: document.title, parameters: document.parameters,
    rowCount: tables.reduce((sum, table) => sum + table.rows.length, 0), forLeadership: document.forLeadership,
  };
}

/** "proyeksi-pensiun-pegawai-asn-2027-2031-2026-11-24.pdf" */
export function reportFileName(title: string, date: string, extension: 'pdf' | 'xlsx'): string {
  return fileNameFor(title.replace(/[–—]/g, '-'), date, extension);
}
