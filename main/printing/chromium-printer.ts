// The headless-Chromium printer for the web host, the CLI, the bench and the tests. It drives a Chromium found
// like `npm run start:web` finds one (main/printing/chromium.ts) through playwright-core: Playwright's launcher
// owns the awkward parts (pipe transport, waiting for the browser, killing it with the process, page.pdf over
// the DevTools protocol) and is already what the end-to-end tests run on; writing our own CDP client for
// Node 20 (no built-in WebSocket) would be more code to keep right for no gain. No browser is downloaded:
// executablePath points at the system's Chromium.
//
// Where the time of a print goes, and what this printer does about it: starting Chromium (about a second) is
// done once per printer, and `prepare()` lets a screen start it before the first "Ekspor PDF"; loading the app
// into a page (fetching, compiling and starting the renderer bundle) used to be paid on every print in a fresh
// browser context, and took longer than drawing and printing the report together. Now one context lives as
// long as the browser (its HTTP and code caches stay warm) and one print page stays loaded on the print route
// without a report (#/cetak, state "idle"); a print moves it to the report by its hash and back.
//
// The page authenticates to the web host with a token scoped to `reports:render` only, never with the host's
// full token. Each print page has its own token (sessionStorage belongs to the page), valid for
// PRINT_PAGE_TOKEN_TTL_MS and revoked when the page is closed: after that time, after an error, after
// PRINTS_PER_PAGE prints, when it has been idle for IDLE_PAGE_MS, and when the printer closes.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppError } from '../../shared/errors';
import {
  countPdfPages, IDLE_PRINT_ROUTE, moveToPrintRouteScript, printRouteHash, WAIT_FOR_IDLE_SCRIPT, WAIT_FOR_REPORT_STATE_SCRIPT,
  type ReportPageState,
} from '../../shared/reports/print-route';
import type { ActingAccount } from '../../shared/auth/acting';
import { findChromium, printerLaunchOptions } from './chromium';
import {
  A4_VIEWPORT, assertReportReady, NOT_READY_MESSAGE, PDF_PAGE, REPORT_READY_TIMEOUT_MS, withTimeout,
  type PrintRequest, type PrintedPdf, type ReportPrinter,
} from './printer';

export interface ChromiumPrinterOptions {
  /** The web host serving the renderer: "http://127.0.0.1:PORT/". */
  baseUrl: string;
  /** A token valid only for reports:render for `ttlMs`, revoked when its print page is closed; `actAs` sets the
   *  account its requests act as (the one that asked for the print). */
  issueToken(ttlMs: number): { token: string; revoke(): void; actAs(acting: ActingAccount | null): void };
  /** Default: findChromium() (CHROMIUM_PATH, /usr/bin/chromium, Chrome, Edge…). */
  executablePath?: string;
  timeoutMs?: number;
}

export const CHROMIUM_MISSING_MESSAGE = 'Chromium tidak ditemukan untuk mencetak PDF: pasang Chromium atau Google Chrome (Debian/Ubuntu: `sudo apt-get install -y chromium`), atau setel CHROMIUM_PATH ke programnya.';

/** How long a print page's token is valid; a page is only used while a whole print fits in what is left. */
export const PRINT_PAGE_TOKEN_TTL_MS = 10 * 60_000;
/** A print page is replaced after this many prints, so nothing a long session leaves behind accumulates. */
export const PRINTS_PER_PAGE = 50;
/** A print page unused for this long is closed (and its token revoked); the next print or prepare() opens one. */
export const IDLE_PAGE_MS = 5 * 60_000;

interface PrintPage {
  page: Page;
  access: { token: string; revoke(): void; actAs(acting: ActingAccount | null): void };
  expiresAt: number;
  prints: number;
}

export function createChromiumPrinter(options: ChromiumPrinterOptions): ReportPrinter {
  const timeoutMs = options.timeoutMs ?? REPORT_READY_TIMEOUT_MS;
  let browser: Promise<Browser> | null = null;
  let context: Promise<BrowserContext> | null = null;
  /** The loaded, idle print page waiting for the next print (at most one is kept). */
  let waiting: Promise<PrintPage> | null = null;
  let idleTimer: NodeJS.Timeout | undefined;

  // One browser per printer, launched on first use (or by prepare) and reused.
  const launch = async (): Promise<Browser> => {
    const current = browser ? await browser.catch(() => null) : null;
    if (current?.isConnected()) return current;
    context = null;
    const executablePath = options.executablePath ?? findChromium();
    if (!executablePath) throw new AppError('not_found', CHROMIUM_MISSING_MESSAGE);
    browser = import('playwright-core').then(({ chromium }) => chromium.launch(printerLaunchOptions(executablePath)));
    try {
      return await browser;
    } catch (error) {
      browser = null;
      throw new AppError('internal', `Chromium (${executablePath}) tidak dapat dijalankan untuk mencetak PDF: ${(error as Error).message.split('\n')[0]}`);
    }
  };

  const browserContext = async (): Promise<BrowserContext> => {
    const running = await launch();
    if (!context) context = running.newContext({ viewport: A4_VIEWPORT, locale: 'id-ID' });
    try {
      return await context;
    } catch (error) {
      context = null;
      throw error;
    }
  };

  /** A new page on the idle print route, with its own scoped token. */
  const openPrintPage = async (): Promise<PrintPage> => {
    const ctx = await browserContext();
    const access = options.issueToken(PRINT_PAGE_TOKEN_TTL_MS);
    const expiresAt = Date.now() + PRINT_PAGE_TOKEN_TTL_MS;
    const page = await ctx.newPage();
    try {
      const response = await page.goto(`${options.baseUrl}?token=${encodeURIComponent(access.token)}${IDLE_PRINT_ROUTE}`, { waitUntil: 'load', timeout: timeoutMs });
      if (response && !response.ok()) {
        throw new AppError('internal', response.status() === 503
          ? 'Tampilan Jenjang belum dibangun, sehingga laporan tidak dapat dicetak: jalankan `npm run build:web`.'
          : `Halaman laporan tidak dapat dibuka (HTTP ${response.status()}).`);
      }
      const notReady = NOT_READY_MESSAGE(Math.round(timeoutMs / 1000));
      await withTimeout(page.evaluate(WAIT_FOR_IDLE_SCRIPT), timeoutMs, notReady).catch((error: Error) => {
        if (error instanceof AppError) throw error;
        // Anything but the timeout (the page closed, its document replaced) is the machinery failing; the cause
        // stays with the error for the log.
        throw new AppError('internal', 'Halaman cetak tertutup sebelum siap; coba cetak lagi.', { cause: error.message.split('\n')[0] });
      });
      return { page, access, expiresAt, prints: 0 };
    } catch (error) {
      access.revoke();
      await page.close().catch(() => undefined);
      throw error;
    }
  };

  const discard = (printPage: PrintPage) => {
    printPage.access.revoke();
    void printPage.page.close().catch(() => undefined);
  };

  /** Usable for one more print: open, its token outlives the longest print, not worn out. */
  const usable = (printPage: PrintPage) =>
    !printPage.page.isClosed() && printPage.expiresAt - Date.now() > timeoutMs + 30_000 && printPage.prints < PRINTS_PER_PAGE;

  const takePage = async (): Promise<PrintPage> => {
    const candidate = waiting;
    waiting = null;
    clearTimeout(idleTimer);
    const ready = candidate ? await candidate.catch(() => null) : null;
    if (ready && usable(ready)) return ready;
    if (ready) discard(ready);
    return openPrintPage();
  };

  /** Back on the idle route and kept for the next print, or closed. */
  const giveBack = async (printPage: PrintPage) => {
    printPage.prints += 1;
    if (waiting || !usable(printPage)) return discard(printPage);
    try {
      await printPage.page.evaluate(moveToPrintRouteScript(IDLE_PRINT_ROUTE));
      await withTimeout(printPage.page.evaluate(WAIT_FOR_IDLE_SCRIPT), 10_000, 'idle');
    } catch {
      return discard(printPage);
    }
    if (waiting) return discard(printPage);
    waiting = Promise.resolve(printPage);
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      const idle = waiting;
      waiting = null;
      void idle?.then(discard, () => undefined);
    }, IDLE_PAGE_MS);
    idleTimer.unref?.();
  };

  /** One print on a loaded print page; the page goes back to waiting afterwards, or is closed if anything failed. */
  const printOn = async (printPage: PrintPage, request: PrintRequest): Promise<PrintedPdf> => {
    let clean = false;
    try {
      request.throwIfCancelled?.();
      request.onPhase?.('Menyusun laporan');
      // A print page serves one print at a time; each print's report is read as the account that asked for it.
      printPage.access.actAs(request.actingAs);
      const { page } = printPage;
      await page.evaluate(moveToPrintRouteScript(printRouteHash(request.reportId, request.params)));
      const state = await withTimeout(page.evaluate(WAIT_FOR_REPORT_STATE_SCRIPT) as Promise<ReportPageState>, timeoutMs, NOT_READY_MESSAGE(Math.round(timeoutMs / 1000)));
      assertReportReady(state);
      request.throwIfCancelled?.();
      request.onPhase?.('Mencetak PDF', state.pages ?? undefined);
      const pdf = await page.pdf({
        format: PDF_PAGE.format, printBackground: PDF_PAGE.printBackground, preferCSSPageSize: PDF_PAGE.preferCSSPageSize,
        margin: { top: '0', bottom: '0', left: '0', right: '0' },
      });
      clean = true;
      return { pdf, pages: countPdfPages(pdf) };
    } finally {
      // A page that failed or was cancelled mid-report may still be drawing it: never reuse it.
      if (clean) await giveBack(printPage);
      else discard(printPage);
    }
  };

  /** Drops the waiting page, the context and the browser; the next page launches a new one. */
  const restartBrowser = async () => {
    const idle = waiting;
    waiting = null;
    const kept = idle ? await idle.catch(() => null) : null;
    if (kept) discard(kept);
    const current = browser;
    browser = null;
    context = null;
    const running = current ? await current.catch(() => null) : null;
    await running?.close().catch(() => undefined);
  };

  return {
    kind: 'chromium',
    async prepare() {
      if (waiting) {
        await waiting;
        return;
      }
      const opening = openPrintPage();
      waiting = opening;
      opening.catch(() => {
        if (waiting === opening) waiting = null;
      });
      await opening;
    },
    async print(request: PrintRequest): Promise<PrintedPdf> {
      request.onPhase?.('Menyiapkan mesin cetak');
      try {
        return await printOn(await takePage(), request);
      } catch (error) {
        // A report that cannot be drawn (its page says why) and a cancelled print end here. A failure of the print
        // machinery itself (Chromium's printToPDF answering "Printing failed" for a page it drew, a print page
        // that closes or loses its document while it loads; seen on a machine under heavy load) is tried once
        // more on a fresh page before the officer is told.
        if (error instanceof AppError && (error.code === 'validation' || error.code === 'cancelled')) throw error;
        request.throwIfCancelled?.();
        // The retry starts from a new browser: a page that failed this way may have taken its context with it.
        await restartBrowser();
        return printOn(await openPrintPage(), request);
      }
    },
    async close() {
      clearTimeout(idleTimer);
      await restartBrowser();
    },
  };
}
