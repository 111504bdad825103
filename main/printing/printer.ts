// One printer interface, two adapters (STYLE.md, "two adjustments"): Electron prints the report route in a
// hidden window with webContents.printToPDF (main/app/pdf-printer.ts); the web host, the CLI, the bench and the
// tests print the same route with a headless Chromium (chromium-printer.ts). Both load #/cetak/<id>?params,
// wait for the page's explicit ready signal, and print A4 with the page's own CSS @page rules.

import type { ActingAccount } from '../../shared/auth/acting';
import { AppError } from '../../shared/errors';
import type { ReportId } from '../../shared/reports/catalogue';
import type { RawReportParams } from '../../shared/reports/define';
import type { ReportPageState } from '../../shared/reports/print-route';

/** The steps of a print, in order, as both printers name them in their progress. */
export const PRINT_PHASES = ['Menyiapkan mesin cetak', 'Menyusun laporan', 'Mencetak PDF'] as const;

export interface PrintRequest {
  reportId: ReportId;
  params: RawReportParams;
  /**
   * Called at each step (PRINT_PHASES), for the job's progress events. With "Mencetak PDF" comes `pages`, the
   * number of A4 pages the drawn report fills as the print page measured it, when the printer can tell.
   */
  onPhase?(phase: string, pages?: number): void;
  /** Checked between steps; throws to abort when the user cancelled. */
  throwIfCancelled?(): void;
  /** Who asked for the report: the print page's requests act as this account (its role and unit scope). */
  actingAs: ActingAccount | null;
}

export interface PrintedPdf {
  pdf: Buffer;
  pages: number;
}

export interface ReportPrinter {
  readonly kind: 'electron' | 'chromium';
  /** Gets the engine ready (a browser started, the print page loaded) so the next print starts at once. */
  prepare?(): Promise<void>;
  print(request: PrintRequest): Promise<PrintedPdf>;
  /** Releases the browser (headless Chromium); nothing for Electron. */
  close(): Promise<void>;
}

/**
 * What both adapters ask Chromium for. Margins are zero because the page's `@page` rule sets them (and the
 * footer with "Halaman X dari Y" lives in its margin boxes): Chromium lets CSS @page margins win over the
 * ones passed here; verified with Debian's chromium 156 (Electron 45 ships Chromium 142; @page margin boxes
 * are supported since Chromium 131).
 */
export const PDF_PAGE = {
  format: 'A4' as const,
  printBackground: true,
  preferCSSPageSize: true,
  marginsInches: { top: 0, bottom: 0, left: 0, right: 0 },
};

/** A4 at 96 dpi: the viewport of the printing page (report charts have fixed sizes anyway). */
export const A4_VIEWPORT = { width: 794, height: 1123 };

/** A report that is not drawn within this time is given up (the 50,000-employee lists take a few seconds). */
export const REPORT_READY_TIMEOUT_MS = 90_000;

export async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  work.catch(() => undefined); // a late rejection after the timeout must not become an unhandled rejection
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('internal', message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The page said it failed (unknown NIP, bad parameter…): its message is the user's message. */
export function assertReportReady(state: ReportPageState | null | undefined): void {
  if (state?.state === 'ready') return;
  throw new AppError('validation', state?.message || 'Laporan gagal disusun di halaman cetak.');
}

export const NOT_READY_MESSAGE = (seconds: number) => `Laporan tidak selesai disusun dalam ${seconds} detik; coba lagi, atau persempit parameternya (misalnya satu unit kerja).`;
