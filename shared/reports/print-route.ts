// The contract between the print route of the renderer (#/cetak/<id>?params) and the two printers (Electron's
// hidden window, headless Chromium): where the page is, and how it says that it is completely drawn.

import type { RawReportParams } from './define';

/** First hash segment of the print route. */
export const PRINT_ROUTE_SEGMENT = 'cetak';

/** The print route without a report: the page is loaded and waits for one (state 'idle'). */
export const IDLE_PRINT_ROUTE = `#/${PRINT_ROUTE_SEGMENT}`;

/** The A4 page box of every printed report, in millimetres: the @page rule and the page count both use it. */
export const PRINT_PAGE_MM = { width: 210, height: 297, top: 15, right: 18, bottom: 20, left: 25 } as const;
export const PRINT_CONTENT_MM = {
  width: PRINT_PAGE_MM.width - PRINT_PAGE_MM.left - PRINT_PAGE_MM.right,
  height: PRINT_PAGE_MM.height - PRINT_PAGE_MM.top - PRINT_PAGE_MM.bottom,
} as const;

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
 * Printers wait for it instead of for a time. Without a report (IDLE_PRINT_ROUTE) the page says 'idle'.
 */
export const REPORT_STATE_ATTRIBUTE = 'data-report-state';
export const REPORT_MESSAGE_ATTRIBUTE = 'data-report-message';
/** With 'ready': how many A4 pages the drawn report fills (its height over the page's content height). */
export const REPORT_PAGES_ATTRIBUTE = 'data-report-pages';
export type ReportPageState = { state: 'ready' | 'error' | 'idle'; message: string | null; pages?: number | null };

/**
 * Evaluated in the page by both printers: resolves with the state as soon as the attribute appears (a
 * MutationObserver, no polling), so it works in Electron's executeJavaScript and in Playwright's evaluate.
 * A page waiting in IDLE_PRINT_ROUTE is navigated by clearing the attributes and then setting the hash.
 */
export const WAIT_FOR_REPORT_STATE_SCRIPT = `new Promise((resolve) => {
  const root = document.documentElement;
  const read = () => root.getAttribute(${JSON.stringify(REPORT_STATE_ATTRIBUTE)});
  const done = () => resolve({
    state: read(),
    message: root.getAttribute(${JSON.stringify(REPORT_MESSAGE_ATTRIBUTE)}),
    pages: Number(root.getAttribute(${JSON.stringify(REPORT_PAGES_ATTRIBUTE)})) || null,
  });
  if (read()) return done();
  new MutationObserver((records, observer) => {
    if (read()) { observer.disconnect(); done(); }
  }).observe(root, { attributes: true });
})`;

/**
 * Resolves once the page waits on IDLE_PRINT_ROUTE. A promise evaluated once, like WAIT_FOR_REPORT_STATE_SCRIPT,
 * and not a polled predicate: the renderer's Content-Security-Policy forbids eval, and Playwright's polling
 * waitForFunction evaluates its string predicate again on every poll, which that policy refuses (a print page
 * that was not idle at the first look failed with an EvalError).
 */
export const WAIT_FOR_IDLE_SCRIPT = `new Promise((resolve) => {
  const root = document.documentElement;
  const idle = () => root.getAttribute(${JSON.stringify(REPORT_STATE_ATTRIBUTE)}) === 'idle';
  if (idle()) return resolve(true);
  new MutationObserver((records, observer) => {
    if (idle()) { observer.disconnect(); resolve(true); }
  }).observe(root, { attributes: true });
})`;

/**
 * Moves a loaded print page to another route (a report's printRouteHash, or IDLE_PRINT_ROUTE): first clears what
 * the previous report left on <html>, so WAIT_FOR_REPORT_STATE_SCRIPT sees only the new report's state.
 */
export function moveToPrintRouteScript(hash: string): string {
  const attributes = [REPORT_STATE_ATTRIBUTE, REPORT_MESSAGE_ATTRIBUTE, REPORT_PAGES_ATTRIBUTE];
  return `(() => {
  for (const attribute of ${JSON.stringify(attributes)}) document.documentElement.removeAttribute(attribute);
  location.hash = ${JSON.stringify(hash)};
})()`;
}

/** Pages of a PDF written by Chromium (Skia writes one uncompressed "/Type /Page" dictionary per page). */
export function countPdfPages(pdf: Uint8Array): number {
  let text = '';
  // latin1 keeps byte offsets; only the ASCII dictionary keys matter here.
  for (let i = 0; i < pdf.length; i += 8192) text += String.fromCharCode(...pdf.subarray(i, Math.min(pdf.length, i + 8192)));
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
