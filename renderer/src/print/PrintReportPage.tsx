// The print route, #/cetak/<report>?params: the report alone on white, laid out by the @page rule below, for the
// two printers (Electron's hidden window, headless Chromium). When everything is drawn it sets
// data-report-state="ready" on <html> with the number of pages it fills; on failure "error" with the message. The
// printers wait for that. Without a report (#/cetak) it draws nothing and says "idle": the headless printer keeps
// such a page loaded and moves it from report to report by the hash, so a print does not load the app again.

import { useEffect, useRef, useState } from 'react';
import { formatNumberId, formatPrintedBy } from '../../../shared/format/id-format';
import { isReportId, type ReportDocument } from '../../../shared/reports/catalogue';
import {
  PRINT_CONTENT_MM, PRINT_PAGE_MM, REPORT_MESSAGE_ATTRIBUTE, REPORT_PAGES_ATTRIBUTE, REPORT_STATE_ATTRIBUTE,
} from '../../../shared/reports/print-route';
import { ApiError, call } from '../api/client';
import type { Route } from '../app/router';
import { ReportDocumentView } from './ReportDocumentView';

/** The footer's second line: the data-quality index of the report's population. */
export function dataQualityLine(quality: ReportDocument['dataQuality']): string | null {
  if (!quality) return null;
  return `Indeks kualitas data populasi laporan (${quality.scope}, ${formatNumberId(quality.population)} pegawai aktif): ${quality.index === null ? '–' : formatNumberId(quality.index, 1)}`;
}

/** Page box of every printed report: A4, margins of an official letter, footer with who printed it, when, the
 *  data-quality index of its population, and the page numbers. */
function pageRule(document: ReportDocument): string {
  const quality = dataQualityLine(document.dataQuality);
  const footer = `${document.title} · ${formatPrintedBy(document.printedBy, document.printedAt)}${quality ? `\n${quality}` : ''}`;
  const font = "font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; font-size: 8pt; color: #444;";
  const m = PRINT_PAGE_MM;
  return `
@page {
  size: A4;
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-left { content: ${cssString(footer)}; ${font} vertical-align: top; padding-top: 4mm; width: 78%; white-space: pre-wrap; }
  /* The page number never wraps, however long the printed-by line beside it grows. */
  @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); ${font} vertical-align: top; padding-top: 4mm; width: 22%; white-space: nowrap; text-align: right; }
}
html, body, #root { background: #fff !important; margin: 0; }
.report-print-page { width: ${PRINT_CONTENT_MM.width}mm; }`;
}

/** A CSS string literal: quotes and backslashes escaped, a line break as \A (a JSON escape means nothing in CSS). */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}

/** A4 pages the drawn report fills: its height over the page's content height (the report is drawn at the
 *  page's content width, so lines wrap as on paper). Rows kept whole and repeated table headers can add a page. */
function pagesFilled(root: HTMLElement): number {
  const contentHeightPx = (PRINT_CONTENT_MM.height * 96) / 25.4;
  return Math.max(1, Math.ceil(root.getBoundingClientRect().height / contentHeightPx));
}

export function PrintReportPage({ route }: { route: Route }) {
  const reportId = route.segments[1] ?? '';
  const params = Object.fromEntries(route.query.entries());
  const key = JSON.stringify([reportId, params]);
  // What was loaded is kept with the route it was loaded for, so a page moved to another report never reports
  // the previous one as drawn.
  const [loaded, setLoaded] = useState<{ key: string; document: ReportDocument | null; error: string | null } | null>(null);
  const document = loaded?.key === key ? loaded.document : null;
  const error = loaded?.key === key ? loaded.error : null;
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (reportId === '') return;
    if (!isReportId(reportId)) {
      setLoaded({ key, document: null, error: `Laporan "${reportId}" tidak dikenal.` });
      return;
    }
    call('reports:render', { reportId, params })
      .then((rendered) => setLoaded({ key, document: rendered, error: null }))
      .catch((e: unknown) => setLoaded({ key, document: null, error: e instanceof ApiError ? e.message : String(e) }));
    // `key` stands for reportId and params.
  }, [key]);

  useEffect(() => {
    const html = window.document.documentElement;
    html.removeAttribute(REPORT_STATE_ATTRIBUTE);
    html.removeAttribute(REPORT_PAGES_ATTRIBUTE);
    if (reportId === '') {
      html.setAttribute(REPORT_STATE_ATTRIBUTE, 'idle');
      return;
    }
    if (error) {
      html.setAttribute(REPORT_MESSAGE_ATTRIBUTE, error);
      html.setAttribute(REPORT_STATE_ATTRIBUTE, 'error');
      return;
    }
    if (!document || !root.current) return;
    window.document.title = document.title;
    let cancelled = false;
    const drawn = root.current;
    void settle(drawn).then(() => {
      if (cancelled) return;
      html.setAttribute(REPORT_PAGES_ATTRIBUTE, String(pagesFilled(drawn)));
      html.setAttribute(REPORT_STATE_ATTRIBUTE, 'ready');
    });
    return () => {
      cancelled = true;
    };
  }, [document, error, reportId]);

  if (reportId === '') return null;
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
