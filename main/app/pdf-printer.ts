// The Electron printer (STYLE.md convention 11): a hidden window with the main window's security settings
// loads the report route from app://, waits for the page's ready signal, prints A4 with
// webContents.printToPDF, and is always destroyed. Kept thin: everything it shares with the headless printer
// (route, ready signal, page settings, timeouts) lives in shared/reports and main/printing/printer.ts.

import { BrowserWindow, type PrintToPDFOptions } from 'electron';
import { countPdfPages, printRouteHash, WAIT_FOR_REPORT_STATE_SCRIPT, type ReportPageState } from '../../shared/reports/print-route';
import {
  A4_VIEWPORT, assertReportReady, NOT_READY_MESSAGE, PDF_PAGE, REPORT_READY_TIMEOUT_MS, withTimeout,
  type PrintedPdf, type PrintRequest, type ReportPrinter,
} from '../printing/printer';
import { APP_ORIGIN } from './app-origin';
import type { PrintWindowSessions } from './print-sessions';
import { hardenContents, secureWebPreferences } from './window';

export const PRINT_TO_PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: PDF_PAGE.format,
  printBackground: PDF_PAGE.printBackground,
  preferCSSPageSize: PDF_PAGE.preferCSSPageSize,
  margins: PDF_PAGE.marginsInches,
};

export function createElectronPdfPrinter(preloadPath: string, timeoutMs = REPORT_READY_TIMEOUT_MS, printSessions?: PrintWindowSessions): ReportPrinter {
  return {
    kind: 'electron',
    async print(request: PrintRequest): Promise<PrintedPdf> {
      const window = new BrowserWindow({
        show: false,
        width: A4_VIEWPORT.width,
        height: A4_VIEWPORT.height,
        // Same preload (window.api), isolation and sandbox as the main window; a hidden window must not be
        // throttled while it draws, or the report would wait for timers that never come.
        webPreferences: { ...secureWebPreferences(preloadPath), backgroundThrottling: false },
      });
      const contentsId = window.webContents.id;
      try {
        // The window's requests act as the account that asked for the report (print-sessions.ts).
        printSessions?.bind(contentsId, request.actingAs);
        hardenContents(window);
        request.onPhase?.('Menyusun laporan');
        await window.loadURL(`${APP_ORIGIN}/index.html${printRouteHash(request.reportId, request.params)}`);
        const state = await withTimeout(
          window.webContents.executeJavaScript(WAIT_FOR_REPORT_STATE_SCRIPT) as Promise<ReportPageState>,
          timeoutMs, NOT_READY_MESSAGE(Math.round(timeoutMs / 1000)));
        assertReportReady(state);
        request.throwIfCancelled?.();
        request.onPhase?.('Mencetak PDF');
        const pdf = await window.webContents.printToPDF(PRINT_TO_PDF_OPTIONS);
        return { pdf, pages: countPdfPages(pdf) };
      } finally {
        printSessions?.release(contentsId);
        if (!window.isDestroyed()) window.destroy();
      }
    },
    async close() {
      // Nothing to release: each print's window is destroyed when it is done.
    },
  };
}
