import type { ComponentType } from 'react';
import { reportDefinition, type ReportDocument } from '../../../shared/reports/catalogue';
import { Letterhead, NoData, ReportHeading, SignatureBlock } from './parts';
import { REPORT_VIEWS } from './registry';

/**
 * A whole report as printed: kop surat, title, parameters, the report's own content (or the sentence saying
 * why there is none), and the agency's signature block at the end (unless the report signs itself, as a berita
 * acara does, and then only with its content). The print route and the live preview draw this.
 */
export function ReportDocumentView({ document }: { document: ReportDocument }) {
  const View = REPORT_VIEWS[document.reportId] as ComponentType<{ data: unknown; printedOn: string }>;
  const { content } = document;
  return (
    <article className="report-doc" aria-label={document.title} data-report={document.reportId}>
      <Letterhead agency={document.agency} />
      <ReportHeading document={document} />
      {content.status === 'ready' ? <View data={content.data} printedOn={document.printedOn} />
        : <NoData title={content.status === 'unavailable' ? 'Data belum tersedia' : document.workbook ? 'Terlalu panjang untuk satu dokumen' : 'Belum ada data'} message={content.message} />}
      {reportDefinition(document.reportId).signature !== 'report' && <SignatureBlock agency={document.agency} date={document.printedOn} />}
    </article>
  );
}
