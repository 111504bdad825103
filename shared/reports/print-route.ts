// The contract between the print route of the renderer (#/cetak/<id>?params) and the two printers (Electron's
// hidden window, headless Chromium): where the page is, and how it says that it is completely drawn.

import type { RawReportParams } from './define';

/** First hash segment of the print route. */
export const PRINT_ROUTE_SEGMENT = 'cetak';

/** "#/cetak/proyeksi-pensiun?fromYear=2027&unit=12" (keys sorted, so one report has one URL). */
export function printRouteHash(reportId: string, params: RawReportParams): string {
  const query = Object.keys(params).sort()
    .filter((key) => params[key] !== '')
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(params[key])}`)
    .join('&');
  return `#/${PRINT_ROUTE_SEGMENT}/${encodeURIComponent(reportId)}${query ? `?${query}` : ''}`;
}

/**
 * The print page sets this attribute on <html> once the report is completely drawn ('ready': data loaded,
 * charts rendered, fonts and the logo decoded) or failed ('error', with the message in REPORT_MESSAGE_ATTRIBUTE).
 * Printers wait for it instead of for a time.
 */
export const REPORT_STATE_ATTRIBUTE = 'data-report-state';
export const REPORT_MESSAGE_ATTRIBUTE = 'data-report-message';
export type ReportPageState = { state: 'ready' | 'error'; message: string | null };

/**
 * Evaluated in the page by both printers: resolves with the state as soon as the attribute appears (a
 * MutationObserver, no polling), so it works in Electron's executeJavaScript and in Playwright's evaluate.
 */
export const WAIT_FOR_REPORT_STATE_SCRIPT = `new Promise((resolve) => {
  const root = document.documentElement;
  const read = () => root.getAttribute(${JSON.stringify(REPORT_STATE_ATTRIBUTE)});
  const done = () => resolve({ state: read(), message: root.getAttribute(${JSON.stringify(REPORT_MESSAGE_ATTRIBUTE)}) });
  if (read()) return done();
  new MutationObserver((records, observer) => {
    if (read()) { observer.disconnect(); done(); }
  }).observe(root, { attributes: true });
})`;

/** Pages of a PDF written by Chromium (Skia writes one uncompressed "/Type /Page" dictionary per page). */
export function countPdfPages(pdf: Uint8Array): number {
  let text = '';
  // latin1 keeps byte offsets; only the ASCII dictionary keys matter here.
  for (let i = 0; i < pdf.length; i += 8192) text += String.fromCharCode(...pdf.subarray(i, Math.min(pdf.length, i + 8192)));
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
