// PDF exports run in the background: the job lives here, outside any screen, so the officer can open another
// screen while Chromium prints; the file is saved and a message shown when it is done, wherever the officer is,
// and every screen that starts exports (Laporan, Pegawai) lists them with their progress and a cancel button.

import { useSyncExternalStore } from 'react';
import { REPORTS, type ReportId } from '../../../shared/reports/catalogue';
import type { RawReportParams } from '../../../shared/reports/define';
import { formatNumberId } from '../../../shared/format/id-format';
import { ApiError, call, newJobId, onAppEvent } from '../api/client';
import { saveBase64File } from './data-view';
import { ProgressBar } from './feedback';
import './pdf-exports.css';

export interface PdfExport {
  jobId: string;
  title: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  /** The step the printer reports ("Mencetak PDF: 12 halaman"). */
  phase: string;
  done: number;
  total: number;
  fileName?: string;
  pages?: number;
  message?: string;
}

/** How many finished exports stay listed, so an officer who comes back sees what happened. */
const KEEP_FINISHED = 5;

let exports: PdfExport[] = [];
const listeners = new Set<() => void>();

function update(jobId: string, patch: Partial<PdfExport>) {
  exports = exports.map((e) => (e.jobId === jobId ? { ...e, ...patch } : e));
  const finished = exports.filter((e) => e.status !== 'running');
  if (finished.length > KEEP_FINISHED) {
    const drop = new Set(finished.slice(0, finished.length - KEEP_FINISHED).map((e) => e.jobId));
    exports = exports.filter((e) => !drop.has(e.jobId));
  }
  for (const listener of listeners) listener();
}

/**
 * Starts "Ekspor PDF" of a report as a background job. `notify` is the app's toast (the provider stays mounted
 * across screens), called once with the result.
 */
export function startPdfExport(reportId: ReportId, params: RawReportParams, notify: (kind: 'success' | 'error', text: string) => void): string {
  const jobId = newJobId();
  const title = REPORTS[reportId].title;
  exports = [...exports, { jobId, title, status: 'running', phase: 'Menyiapkan PDF', done: 0, total: 3 }];
  for (const listener of listeners) listener();
  const stopListening = onAppEvent((event) => {
    if (event.type === 'job:progress' && event.jobId === jobId) update(jobId, { phase: event.phase, done: event.done, total: event.total });
  });
  call('reports:exportPdf', { jobId, reportId, params })
    .then((file) => {
      saveBase64File(file.fileName, file.mimeType, file.base64);
      update(jobId, { status: 'done', fileName: file.fileName, pages: file.pages, done: 1, total: 1 });
      notify('success', `PDF ${title} (${formatNumberId(file.pages)} halaman) disimpan: ${file.fileName}`);
    })
    .catch((e: unknown) => {
      if (e instanceof ApiError && e.code === 'cancelled') {
        update(jobId, { status: 'cancelled', message: 'Dibatalkan.' });
        return;
      }
      const message = e instanceof ApiError ? e.message : String(e);
      update(jobId, { status: 'failed', message });
      notify('error', message);
    })
    .finally(stopListening);
  return jobId;
}

export function cancelPdfExport(jobId: string): void {
  void call('jobs:cancel', { jobId }).catch(() => undefined);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePdfExports(): PdfExport[] {
  return useSyncExternalStore(subscribe, () => exports);
}

/** The exports of this session: running ones with their step and a cancel button, then the latest finished ones. */
export function PdfExportList() {
  const list = usePdfExports();
  if (list.length === 0) return null;
  return (
    <section className="pdf-exports" aria-label="Ekspor PDF">
      <p className="muted pdf-exports-note">PDF disusun di latar belakang: Anda dapat membuka layar lain; berkasnya tersimpan otomatis bila selesai.</p>
      <ul>
        {[...list].reverse().map((e) => (
          <li key={e.jobId} className={`pdf-export is-${e.status}`} role="status">
            <span className="pdf-export-title">{e.title}</span>
            {e.status === 'running' && (
              <>
                <span className="pdf-export-phase">{e.phase}…</span>
                <ProgressBar done={e.done} total={e.total} label={`Kemajuan ekspor PDF ${e.title}`} />
                <button type="button" className="button button-small" onClick={() => cancelPdfExport(e.jobId)}>Batalkan</button>
              </>
            )}
            {e.status === 'done' && <span className="pdf-export-phase">Selesai: {formatNumberId(e.pages ?? 0)} halaman, {e.fileName}</span>}
            {e.status === 'failed' && <span className="pdf-export-phase">Gagal: {e.message}</span>}
            {e.status === 'cancelled' && <span className="pdf-export-phase">Dibatalkan</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
