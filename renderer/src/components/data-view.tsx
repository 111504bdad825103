import { useState, type ReactNode } from 'react';
import { formatDateId, formatNumberId, formatPercentId } from '../../../shared/format/id-format';
import type { ExportTable } from '../../../shared/schemas/export';
import { ApiError, call } from '../api/client';
import { useToast } from './feedback';

export type TableColumn = ExportTable['columns'][number];
export type TableRow = ExportTable['rows'][number];

/** Formats one cell the way the on-screen table and the XLSX agree on. */
export function formatCell(value: string | number | null | undefined, type: TableColumn['type'] = 'text'): string {
  if (value === null || value === undefined || value === '') return '—';
  if (type === 'date') return formatDateId(String(value));
  if (type === 'percent') return formatPercentId(Number(value));
  if (type === 'integer') return formatNumberId(Number(value), 0);
  if (type === 'number') return formatNumberId(Number(value));
  return String(value);
}

/** A plain table for any chart's numbers. */
export function DataTable({ table, onRowClick }: { table: ExportTable; onRowClick?: (row: TableRow, index: number) => void }) {
  const numeric = (t: TableColumn['type']) => t === 'number' || t === 'integer' || t === 'percent';
  return (
    <div className="table-scroll">
      <table className="table table-compact" aria-label={table.title}>
        <thead>
          <tr>{table.columns.map((c) => <th key={c.key} className={numeric(c.type) ? 'num' : undefined}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className={onRowClick ? 'is-clickable' : undefined} onClick={onRowClick ? () => onRowClick(row, i) : undefined}>
              {table.columns.map((c) => <td key={c.key} className={numeric(c.type) ? 'num' : undefined}>{formatCell(row[c.key], c.type)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Saves a generated file: a download in the browser; Electron shows its save dialog for the same download. */
export function saveBase64File(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportXlsxButton({ table, label = 'Ekspor XLSX' }: { table: ExportTable; label?: string }) {
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const run = async () => {
    setBusy(true);
    try {
      const file = await call('export:xlsx', table);
      saveBase64File(file.fileName, file.mimeType, file.base64);
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return <button type="button" className="button button-small" onClick={() => void run()} disabled={busy || table.rows.length === 0}>{busy ? 'Menyiapkan…' : label}</button>;
}

/**
 * A chart with its table view and XLSX export (every chart has both: a table reads the exact figures, a screen reader reads the table). `chart` renders the
 * graphic; `table` carries the same numbers.
 */
export function ChartCard({ title, chart, table, actions, empty }: { title: string; chart: ReactNode; table: ExportTable; actions?: ReactNode; empty?: ReactNode }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <section className="card" aria-label={title}>
      <header className="card-header">
        <h2 className="card-title">{title}</h2>
        <div className="card-actions">
          <div className="segmented" role="group" aria-label={`Tampilan ${title}`}>
            <button type="button" aria-pressed={view === 'chart'} className={view === 'chart' ? 'is-on' : ''} onClick={() => setView('chart')}>Grafik</button>
            <button type="button" aria-pressed={view === 'table'} className={view === 'table' ? 'is-on' : ''} onClick={() => setView('table')}>Tabel</button>
          </div>
          <ExportXlsxButton table={table} />
          {actions}
        </div>
      </header>
      {table.rows.length === 0 && empty ? empty : view === 'chart' ? chart : <DataTable table={table} />}
    </section>
  );
}
