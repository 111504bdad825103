import type { DocumentAuthor } from '../../../shared/auth/document-author';
import type { IsoDate } from '../../../shared/domain/dates';
import type { ReportData, ReportId, ReportParams } from '../../../shared/reports/catalogue';
import type { ReportContent } from '../../../shared/reports/define';
import type { Services } from '../../services';

export interface ReportLoaderContext {
  services: Services;
  /** The app's "today": the day the data describes and the date on the signature line. */
  today: IsoDate;
  /**
   * 'document' for the preview and the PDF, 'workbook' for "Ekspor XLSX". A list too long to print may refuse to be
   * a document (saying so, with `workbook: true`) and still fill a workbook.
   */
  purpose: 'document' | 'workbook';
  /** The account that asks for the report, by name and NIP (null for a built-in actor without an account): the
   *  officer a berita acara names as the one who recorded the session. */
  author: DocumentAuthor | null;
}

/** What a loader returns; the report service adds the letterhead, the date and the report id. */
export interface LoadedReport<R extends ReportId> {
  /** The printed heading, e.g. "Proyeksi Pensiun Pegawai ASN 2027–2031". */
  title: string;
  /** Printed under the title, in this order. */
  parameters: Array<{ label: string; value: string }>;
  content: ReportContent<ReportData<R>>;
  /** The XLSX has tables although the content is not 'ready' (a list too long to print). Default: content is ready. */
  workbook?: boolean;
}

/** Loads one report's data in main, through the same service calls as its screen or through services.sql (raw columns, never entity graphs). */
export type ReportLoader<R extends ReportId> = (params: ReportParams<R>, context: ReportLoaderContext) => Promise<LoadedReport<R>>;

export type ReportLoaders = { [R in ReportId]: ReportLoader<R> };
