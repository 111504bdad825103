// Headless printing for the CLI and the bench: a loopback web host over the same core, serving the built
// renderer, and the Chromium printer pointed at it (the same path as "Ekspor PDF" in web mode).

import type { JenjangHost } from '../host';
import { startWebHost } from './web-host';
import { createChromiumPrinter } from '../printing/chromium-printer';
import type { ReportPrinter } from '../printing/printer';
import { ensureRendererBuilt } from '../printing/renderer-build';

export interface HeadlessPrinting {
  printer: ReportPrinter;
  close(): Promise<void>;
}

export async function startHeadlessPrinting(host: JenjangHost, note: (text: string) => void = () => undefined): Promise<HeadlessPrinting> {
  const staticDir = ensureRendererBuilt(note);
  const web = await startWebHost({ host, staticDir });
  const printer = createChromiumPrinter({ baseUrl: web.url, issueToken: (ttlMs) => web.issueScopedToken(['reports:render'], ttlMs) });
  return {
    printer,
    async close() {
      await printer.close();
      await web.close();
    },
  };
}
