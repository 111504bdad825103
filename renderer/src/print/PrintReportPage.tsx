// The print route, #/cetak/<report>?params: the report alone on white, laid out by the @page rule below, for the
// two printers (Electron's hidden window, headless Chromium). When everything is drawn it sets
// data-report-state="ready" on <html>; on failure "error" with the message. The printers wait for that.

import { useEffect, useRef, useState } from 'react';
import { formatDateId } from '../../../shared/format/id-format';
import { isReportId, type ReportDocument } from '../../../shared/reports/catalogue';
import { REPORT_MESSAGE_ATTRIBUTE, REPORT_STATE_ATTRIBUTE } from '../../../shared/reports/print-route';
import { ApiError, call } from '../api/client';
import type { Route } from '../app/router';
import { ReportDocumentView } from './ReportDocumentView';

/** Page box of every printed report: A4, margins of an official letter, footer with the page numbers. */
function pageRule(document: ReportDocument): string {
  const footer = `${document.title} · ${formatDateId(document.printedOn)}`;
  const font = "font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; font-size: 8pt; color: #444;";
  return `
@page {
  size: A4;
  margin: 15mm 18mm 20mm 25mm;
  @bottom-left { content: ${JSON.stringify(footer)}; ${font} vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); ${font} vertical-align: top; padding-top: 4mm; }
}
html, body, #root { background: #fff !important; margin: 0; }`;
}

export function PrintReportPage({ route }: { route: Route }) {
  const reportId = route.segments[1] ?? '';
  const params = Object.fromEntries(route.query.entries());
  const key = JSON.stringify([reportId, params]);
  const [document, setDocument] = useState<ReportDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setDocument(null);
    setError(null);
    if (!isReportId(reportId)) {
      setError(`Laporan "${reportId}" tidak dikenal.`);
      return;
    }
    call('reports:render', { reportId, params })
      .then(setDocument)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
    // `key` stands for reportId and params.
  }, [key]);

  useEffect(() => {
    const html = window.document.documentElement;
    html.removeAttribute(REPORT_STATE_ATTRIBUTE);
    if (error) {
      html.setAttribute(REPORT_MESSAGE_ATTRIBUTE, error);
      html.setAttribute(REPORT_STATE_ATTRIBUTE, 'error');
      return;
    }
    if (!document || !root.current) return;
    window.document.title = document.title;
    let cancelled = false;
    void settle(root.current).then(() => {
      if (!cancelled) html.setAttribute(REPORT_STATE_ATTRIBUTE, 'ready');
    });
    return () => {
      cancelled = true;
    };
  }, [document, error]);

  if (error) return <div className="report-print-error" role="alert"><h1>Laporan tidak dapat disusun</h1><p>{error}</p></div>;
  return (
    <div className="report-print-page" ref={root}>
      {document && <style>{pageRule(document)}</style>}
      {document ? <ReportDocumentView document={document} /> : <p>Menyusun laporan…</p>}
    </div>
  );
}

/**
 * Waits until the report is completely drawn: fonts loaded, images (the logo) decoded, and the DOM quiet for
 * one task (recharts finishes its layout in effects after the first commit). Event-driven, no fixed delay.
 */
async function settle(root: HTMLElement): Promise<void> {
  await window.document.fonts.ready;
  await Promise.all(Array.from(root.querySelectorAll('img')).map((img) => img.decode().catch(() => undefined)));
  for (let round = 0; round < 50; round++) {
    let changed = false;
    const observer = new MutationObserver(() => {
      changed = true;
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    if (!changed) return;
  }
}
