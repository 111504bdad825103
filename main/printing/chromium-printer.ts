// The headless-Chromium printer for the web host, the CLI, the bench and the tests. It drives a Chromium found
// like `npm run start:web` finds one (main/printing/chromium.ts) through playwright-core: Playwright's launcher
// owns the awkward parts (pipe transport, waiting for the browser, killing it with the process, page.pdf over
// the DevTools protocol) and is already what the end-to-end tests run on; writing our own CDP client for
// Node 20 (no built-in WebSocket) would be more code to keep right for no gain. No browser is downloaded:
// executablePath points at the system's Chromium.
//
// The page authenticates to the web host with a short-lived token scoped to `reports:render` (issued per
// print, revoked after it), never with the host's full token: loopback and token guarantees stay as they were.

import type { Browser } from 'playwright-core';
import { AppError } from '../../shared/errors';
import { countPdfPages, printRouteHash, WAIT_FOR_REPORT_STATE_SCRIPT, type ReportPageState } from '../../shared/reports/print-route';
import { findChromium, QUIET_CHROMIUM_FLAGS } from './chromium';
import {
  A4_VIEWPORT, assertReportReady, NOT_READY_MESSAGE, PDF_PAGE, REPORT_READY_TIMEOUT_MS, withTimeout,
  type PrintRequest, type PrintedPdf, type ReportPrinter,
} from './printer';

export interface ChromiumPrinterOptions {
  /** The web host serving the renderer: "http://127.0.0.1:PORT/". */
  baseUrl: string;
  /** A token valid only for reports:render, revoked when the print is done. */
  issueToken(): { token: string; revoke(): void };
  /** Default: findChromium() (CHROMIUM_PATH, /usr/bin/chromium, Chrome, Edge…). */
  executablePath?: string;
  timeoutMs?: number;
}

export const CHROMIUM_MISSING_MESSAGE = 'Chromium tidak ditemukan untuk mencetak PDF: pasang Chromium atau Google Chrome (Debian/Ubuntu: `sudo apt-get install -y chromium`), atau setel CHROMIUM_PATH ke programnya.';

export function createChromiumPrinter(options: ChromiumPrinterOptions): ReportPrinter {
  const timeoutMs = options.timeoutMs ?? REPORT_READY_TIMEOUT_MS;
  let browser: Promise<Browser> | null = null;

  // One browser per printer, launched on first use and reused: a launch costs about a second, a print much less.
  const launch = async (): Promise<Browser> => {
    const current = browser ? await browser.catch(() => null) : null;
    if (current?.isConnected()) return current;
    const executablePath = options.executablePath ?? findChromium();
    if (!executablePath) throw new AppError('not_found', CHROMIUM_MISSING_MESSAGE);
    browser = import('playwright-core').then(({ chromium }) => chromium.launch({
      executablePath, headless: true, args: [...QUIET_CHROMIUM_FLAGS, '--disable-gpu'],
    }));
    try {
      return await browser;
    } catch (error) {
      browser = null;
      throw new AppError('internal', `Chromium (${executablePath}) tidak dapat dijalankan untuk mencetak PDF: ${(error as Error).message.split('\n')[0]}`);
    }
  };

  return {
    kind: 'chromium',
    async print(request: PrintRequest): Promise<PrintedPdf> {
      request.onPhase?.('Menyiapkan mesin cetak');
      const running = await launch();
      request.throwIfCancelled?.();
      // A fresh context per print: its own sessionStorage, so the scoped token never outlives this page.
      const context = await running.newContext({ viewport: A4_VIEWPORT, locale: 'id-ID' });
      const access = options.issueToken();
      try {
        const page = await context.newPage();
        request.onPhase?.('Menyusun laporan');
        const url = `${options.baseUrl}?token=${encodeURIComponent(access.token)}${printRouteHash(request.reportId, request.params)}`;
        const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
        if (response && !response.ok()) {
          throw new AppError('internal', response.status() === 503
            ? 'Tampilan Jenjang belum dibangun, sehingga laporan tidak dapat dicetak: jalankan `npm run build:web`.'
            : `Halaman laporan tidak dapat dibuka (HTTP ${response.status()}).`);
        }
        const state = await withTimeout(page.evaluate(WAIT_FOR_REPORT_STATE_SCRIPT) as Promise<ReportPageState>, timeoutMs, NOT_READY_MESSAGE(Math.round(timeoutMs / 1000)));
        assertReportReady(state);
        request.throwIfCancelled?.();
        request.onPhase?.('Mencetak PDF');
        const pdf = await page.pdf({
          format: PDF_PAGE.format, printBackground: PDF_PAGE.printBackground, preferCSSPageSize: PDF_PAGE.preferCSSPageSize,
          margin: { top: '0', bottom: '0', left: '0', right: '0' },
        });
        return { pdf, pages: countPdfPages(pdf) };
      } finally {
        access.revoke();
        await context.close().catch(() => undefined);
      }
    },
    async close() {
      const current = browser;
      browser = null;
      const running = current ? await current.catch(() => null) : null;
      await running?.close().catch(() => undefined);
    },
  };
}
