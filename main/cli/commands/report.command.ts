import fs from 'node:fs';
import path from 'node:path';
import { isIsoDate } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/errors';
import { formatNumberId } from '../../../shared/format/id-format';
import { isReportId, REPORT_IDS } from '../../../shared/reports/catalogue';
import { FOR_LEADERSHIP_PARAM, type RawReportParams } from '../../../shared/reports/define';
import { READ_ONLY_ACTOR, actorLabel } from '../../../shared/auth/acting';
import { isPostgresUrl } from '../../db/connection';
import { inspectForReading } from '../../db/open-database';
import { startHost } from '../../host';
import { startHeadlessPrinting } from '../../web/headless-printing';
import { parseReportRequest, renderReport, reportWorkbook } from '../../reports/report-document';
import { fixedClock } from '../../services/clock';
import type { Args } from '../args';
import type { Command } from '../command';

/** `--param unit=12 --param fromYear=2027` → { unit: '12', fromYear: '2027' }. */
export function parseParamOptions(args: Args): RawReportParams {
  const params: RawReportParams = {};
  for (const entry of args.list('param')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new AppError('validation', `--param harus berbentuk nama=nilai, bukan "${entry}".`);
    const key = entry.slice(0, eq).trim();
    if (key in params) throw new AppError('validation', `Parameter ${key} disebut lebih dari sekali.`);
    params[key] = entry.slice(eq + 1).trim();
  }
  return params;
}

export const reportCommand: Command = {
  name: 'report',
  usage: 'report NAME --db PATH --out FILE.pdf|FILE.xlsx [--param nama=nilai]… [--untuk-pimpinan] [--as-of YYYY-MM-DD] [--force] [--json]',
  summary: `Membuat laporan PDF berkop surat (atau XLSX) tanpa membuka aplikasi. NAME: ${REPORT_IDS.join(', ')}.`,
  acceptsServer: true,
  async run(args, io) {
    args.rejectUnknown(['db', 'out', 'param', 'untuk-pimpinan', 'as-of', 'force', 'json']);
    const name = args.positional[0];
    if (!name) throw new AppError('validation', `Sebutkan nama laporan: ${REPORT_IDS.join(', ')}.`);
    if (!isReportId(name)) throw new AppError('validation', `Laporan "${name}" tidak dikenal; pilih salah satu dari: ${REPORT_IDS.join(', ')}.`);
    if (args.positional.length > 1) throw new AppError('validation', `Hanya satu laporan per perintah; "${args.positional.slice(1).join(' ')}" tidak dipahami (parameter ditulis --param nama=nilai).`);
    const dbPath = args.required('db');
    const out = path.resolve(args.required('out'));
    const format = path.extname(out).toLowerCase() === '.pdf' ? 'pdf' : path.extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : null;
    if (!format) throw new AppError('validation', `--out harus berakhiran .pdf atau .xlsx, bukan "${path.basename(out)}".`);
    if (fs.existsSync(out) && !args.flag('force')) throw new AppError('conflict', `Berkas tujuan ${out} sudah ada; pakai --force untuk menimpanya.`);
    if (!fs.existsSync(path.dirname(out))) throw new AppError('io', `Folder tujuan ${path.dirname(out)} tidak ada.`);
    const asOf = args.string('as-of');
    if (asOf !== undefined && !isIsoDate(asOf)) throw new AppError('validation', `--as-of harus tanggal TTTT-BB-HH yang valid, bukan "${asOf}".`);
    const params = parseParamOptions(args);
    if (args.flag('untuk-pimpinan')) params[FOR_LEADERSHIP_PARAM] = 'ya';
    const { forLeadership } = parseReportRequest(name, params);

    const started = Date.now();
    // Opened for writing, because the export log records the file in the database it came from; checked first as
    // a read would be, so an empty file or an empty SQLite database is refused and never made into a database. An
    // older schema is migrated (with its backup) as the app would at start.
    if (!isPostgresUrl(dbPath)) inspectForReading(dbPath);
    const host = await startHost({ dbPath, transport: 'test', create: false, clock: asOf ? fixedClock(asOf) : undefined, localActor: READ_ONLY_ACTOR });
    let printing: Awaited<ReturnType<typeof startHeadlessPrinting>> | null = null;
    try {
      // Loads the data once here: unknown NIPs or units fail with their own message before a browser starts,
      // and the summary can say when the data is not there yet.
      // A reading command acts without an account: the file names the command-line reader, never the OS user.
      const actor = actorLabel(READ_ONLY_ACTOR);
      const document = await renderReport(host.services, name, params, { acting: READ_ONLY_ACTOR });
      let bytes: Buffer;
      let pages: number | null = null;
      let rowCount: number | null = null;
      if (format === 'pdf') {
        printing = await startHeadlessPrinting(host, io.note);
        const printed = await printing.printer.print({ reportId: name, params, actingAs: READ_ONLY_ACTOR, onPhase: (phase) => io.note(`${phase}…`) });
        bytes = printed.pdf;
        pages = printed.pages;
      } else {
        const workbook = await reportWorkbook(host.services, name, params, READ_ONLY_ACTOR);
        bytes = workbook.buffer;
        rowCount = workbook.rowCount;
      }
      // Written beside the target and renamed, so an interrupted run never leaves half a PDF under its name.
      const partial = `${out}.${process.pid}.tmp`;
      fs.writeFileSync(partial, bytes);
      fs.renameSync(partial, out);
      await host.services.privacy.recordExport({
        actor, kind: name, title: document.title, parameters: document.parameters, format, rowCount, pageCount: pages,
        fileName: path.basename(out), forLeadership, via: 'cli',
      });
      const elapsedMs = Date.now() - started;
      if (document.content.status !== 'ready') {
        const what = document.content.status === 'unavailable' ? 'data laporan ini belum tersedia' : 'tidak ada data untuk parameter ini';
        io.note(`Catatan: ${what}, dan PDF-nya menyatakan hal itu: ${document.content.message}`);
      }
      if (args.flag('json')) {
        io.out(JSON.stringify({ report: name, title: document.title, out, format, status: document.content.status, pages, bytes: bytes.length, elapsedMs }));
      } else {
        const size = `${formatNumberId(Math.max(1, Math.round(bytes.length / 1024)))} KB`;
        io.out(`Laporan "${document.title}" disimpan di ${out}: ${pages !== null ? `${pages} halaman, ` : ''}${size} (${formatNumberId(elapsedMs / 1000, 1)} detik).`);
      }
      return 0;
    } finally {
      await printing?.close();
      await host.close();
    }
  },
};
