// PDF reports: a ~10-page report with charts (Proyeksi Pensiun of one OPD, whose size is picked from the
// database so the PDF lands near ten pages) printed by the headless-Chromium printer over the same web host
// and print route as "Ekspor PDF" in web mode. Measured warm (the web host keeps its Chromium; budget ≤ 1 s), from
// the Laporan screen (the reports:exportPdf job; ≤ 1.5 s) and cold (a new Chromium per report, as the CLI does;
// budget: Chromium's own launch, measured in the same run on the same program and flags, plus ≤ 1 s), beside the
// data load alone.
// Electron's printToPDF cannot run on these machines; it prints the same route with the same engine.

import { SYSTEM_ACTOR } from '../../../shared/auth/acting';
import type { RawReportParams } from '../../../shared/reports/define';
import { findChromium, printerLaunchOptions } from '../../printing/chromium';
import { startHeadlessPrinting } from '../../web/headless-printing';
import { renderReport } from '../../reports/report-document';
import type { BenchSuite } from '../context';
import { fmt, median, printLines, timeMs } from '../measure';

const TARGET_PAGES = 10;
/** Roughly: three pages of summary and tables, then ~21 retirees per page (measured on the demo layout). */
const RETIREES_PER_PAGE = 21;
const COLD_RUNS = 3;
const WARM_RUNS = 5;

/** Chromium's own start: the printer's program and flags, a blank page open, closed again (what a cold print
 *  cannot do without). */
async function bareChromiumLaunch(): Promise<number> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('bench: no Chromium found (CHROMIUM_PATH)');
  const { chromium } = await import('playwright-core');
  const { ms } = await timeMs(async () => {
    const browser = await chromium.launch(printerLaunchOptions(executablePath));
    try {
      await (await browser.newPage()).goto('about:blank');
    } finally {
      await browser.close();
    }
  });
  return ms;
}

export const reportsSuite: BenchSuite = {
  name: 'reports',
  async run({ host, record, query }) {
    const services = host.services;
    const printing = await startHeadlessPrinting(host, (text) => console.log(`  ${text}`));
    try {
      // Pick the OPD whose five-year retirement list gives about TARGET_PAGES pages.
      const wanted = (TARGET_PAGES - 3) * RETIREES_PER_PAGE;
      const document = await renderReport(services, 'proyeksi-pensiun', {});
      if (document.content.status !== 'ready') throw new Error('bench: the district has no retirements to print');
      const candidates = [...document.content.data.byGroup].sort((a, b) => Math.abs(a.total - wanted) - Math.abs(b.total - wanted)).slice(0, 4);
      let chosen: { params: RawReportParams; name: string; retirees: number; pages: number } | null = null;
      for (const candidate of candidates) {
        const [unit] = await query<{ id: number }>('SELECT id FROM unit WHERE name = ? AND parent_id IS NULL', [candidate.name]);
        if (!unit) continue;
        const params = { unit: String(unit.id) };
        const { pages } = await printing.printer.print({ reportId: 'proyeksi-pensiun', params, actingAs: SYSTEM_ACTOR });
        chosen = { params, name: candidate.name, retirees: candidate.total, pages };
        if (pages >= TARGET_PAGES - 1 && pages <= TARGET_PAGES + 2) break;
      }
      if (!chosen) throw new Error('bench: no OPD to print');
      const request = { reportId: 'proyeksi-pensiun' as const, params: chosen.params };
      const printRequest = { ...request, actingAs: SYSTEM_ACTOR };

      const data: number[] = [];
      for (let i = 0; i < WARM_RUNS; i++) {
        const { ms, result } = await timeMs(() => host.dispatch('reports:render', request));
        if (!result.ok) throw new Error(result.error.message);
        data.push(ms);
      }
      const warm: number[] = [];
      let bytes = 0;
      for (let i = 0; i < WARM_RUNS; i++) {
        const { ms, result } = await timeMs(() => printing.printer.print(printRequest));
        warm.push(ms);
        bytes = result.pdf.length;
      }
      // "Ekspor PDF" as the Laporan screen runs it: the reports:exportPdf job through the dispatcher (parameter
      // check, job with progress events, print, file name and base64 answer), on the same warm printer.
      host.setPrinter(printing.printer);
      const screen: number[] = [];
      for (let i = 0; i < WARM_RUNS; i++) {
        const { ms, result } = await timeMs(() => host.dispatch('reports:exportPdf', { ...request, jobId: `bench-pdf-${i}` }));
        if (!result.ok) throw new Error(result.error.message);
        screen.push(ms);
      }
      const screenRatio = median(screen) / median(warm);
      // Cold: a fresh printer (Chromium launch included) for each report, closed afterwards; alternated with a bare
      // launch of the same Chromium, which the cold print is measured against.
      const cold: number[] = [];
      const launches: number[] = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        launches.push(await bareChromiumLaunch());
        const fresh = await startHeadlessPrinting(host);
        try {
          cold.push((await timeMs(() => fresh.printer.print(printRequest))).ms);
        } finally {
          await fresh.close();
        }
      }
      const coldOverLaunch = median(cold) - median(launches);
      printLines(`PDF report: Proyeksi Pensiun of ${chosen.name} (${chosen.retirees} retirees, ${chosen.pages} pages, 3 charts, ${Math.round(bytes / 1024)} KB), headless Chromium`, [
        { label: `data (reports:render through the dispatcher), ${WARM_RUNS} runs`, value: `p50 ${fmt(median(data))}` },
        { label: `PDF, Chromium already running (web host), ${WARM_RUNS} runs`, value: `p50 ${fmt(median(warm))}, max ${fmt(Math.max(...warm))}`, budget: '≤ 1 s', pass: Math.max(...warm) <= 1000 },
        { label: `Ekspor PDF from the Laporan screen (reports:exportPdf job), ${WARM_RUNS} runs`, value: `p50 ${fmt(median(screen))}, max ${fmt(Math.max(...screen))} (${screenRatio.toFixed(2)}× the print alone)`, budget: '≤ 1.5 s', pass: Math.max(...screen) <= 1500 },
        { label: `PDF, Chromium launched for it (CLI), ${COLD_RUNS} runs`, value: `p50 ${fmt(median(cold))}, max ${fmt(Math.max(...cold))}` },
        { label: `  Chromium's own launch (blank page), ${COLD_RUNS} runs`, value: `p50 ${fmt(median(launches))}; the cold print takes ${fmt(coldOverLaunch)} more`, budget: '≤ launch + 1 s', pass: coldOverLaunch <= 1000 },
      ]);
      record('reports', {
        report: 'proyeksi-pensiun', unit: chosen.name, retirees: chosen.retirees, pages: chosen.pages, bytes,
        dataP50: median(data), warmP50: median(warm), screenP50: median(screen), screenRatio, warmMax: Math.max(...warm), coldP50: median(cold), coldMax: Math.max(...cold), launchP50: median(launches), coldOverLaunch,
      });
    } finally {
      await printing.close();
    }
  },
};
