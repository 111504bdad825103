// Building blocks of every printed report: kop surat, title and parameters, sections, tables that break across
// pages, the "no data" notice and the signature block. Report components compose these; they never style paper.

import type { ReactNode } from 'react';
import { formatNip } from '../../../shared/domain/nip';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import type { ReportDocument } from '../../../shared/reports/catalogue';
import { PRINT_CONTENT_MM } from '../../../shared/reports/print-route';
import './report.css';

type Agency = ReportDocument['agency'];

/** Kop surat: logo, government and office name, address and contact, and the double rule below. */
export function Letterhead({ agency }: { agency: Agency }) {
  const { identity, logo } = agency;
  const named = identity.governmentName || identity.officeName;
  return (
    <header className="kop-block" aria-label="Kop surat">
      <div className="kop">
        {logo ? <img className="kop-logo" src={logo.dataUrl} alt="Logo instansi" /> : <div className="kop-logo-empty" />}
        <div className="kop-text">
          {named ? (
            <>
              {identity.governmentName && <div className="kop-government">{identity.governmentName}</div>}
              {identity.officeName && <div className="kop-office">{identity.officeName}</div>}
              {identity.address && <div className="kop-address">{identity.address}</div>}
              {identity.contact && <div className="kop-contact">{identity.contact}</div>}
            </>
          ) : (
            <div className="kop-missing">Identitas instansi belum diatur (Pengaturan › Identitas Instansi untuk Dokumen)</div>
          )}
        </div>
        <div />
      </div>
      <hr className="kop-rule" />
    </header>
  );
}

export function ReportHeading({ document }: { document: ReportDocument }) {
  return (
    <>
      <div className="report-heading"><h1 className="report-title">{document.title}</h1></div>
      {document.parameters.length > 0 && (
        <table className="report-parameters" aria-label="Parameter laporan">
          <tbody>
            {document.parameters.map((p) => <tr key={p.label}><th scope="row">{p.label}</th><td>{p.value}</td></tr>)}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ReportSection({ title, children }: { title: string; children: ReactNode }) {
  return <section className="report-section" aria-label={title}><h2>{title}</h2>{children}</section>;
}

/** The honest sentence printed where data would be: "Data belum tersedia" or "Belum ada data". */
export function NoData({ title, message }: { title: string; message: string }) {
  return <div className="report-nodata" role="note"><strong>{title}</strong>{message}</div>;
}

export interface ReportColumn<Row> {
  header: string;
  cell(row: Row, index: number): ReactNode;
  className?: string;
  /** CSS width, e.g. "22mm". */
  width?: string;
}

/** Room every column without a width keeps, when fixed widths have to shrink to fit the page. */
const MIN_FREE_COLUMN_MM = 35;

/**
 * Column widths that fit the page: fixed widths (in mm) whose sum leaves less than MIN_FREE_COLUMN_MM for each
 * column without one (many year columns, say) are scaled down together, so the table never runs past the page.
 */
export function fittedColumnWidths(widths: ReadonlyArray<string | undefined>): Array<string | undefined> {
  const fixed = widths.map((w) => (w && /^\d+(\.\d+)?mm$/.test(w) ? Number(w.slice(0, -2)) : null));
  const free = widths.filter((w, i) => !w || fixed[i] === null).length;
  const sum = fixed.reduce<number>((a, b) => a + (b ?? 0), 0);
  const room = PRINT_CONTENT_MM.width - 2 - free * MIN_FREE_COLUMN_MM;
  if (sum <= room || sum === 0) return [...widths];
  const factor = Math.max(room, PRINT_CONTENT_MM.width * 0.4) / sum;
  return widths.map((w, i) => (fixed[i] === null ? w : `${(fixed[i]! * factor).toFixed(1)}mm`));
}

/** A table that may run over several pages: the header row repeats on each, rows never split. */
export function ReportTable<Row>({ label, columns, rows, footer }: { label: string; columns: ReportColumn<Row>[]; rows: Row[]; footer?: ReactNode }) {
  const widths = fittedColumnWidths(columns.map((c) => c.width));
  return (
    <table className="report-table" aria-label={label}>
      <colgroup>{columns.map((_c, i) => <col key={i} style={widths[i] ? { width: widths[i] } : undefined} />)}</colgroup>
      <thead><tr>{columns.map((c, i) => <th key={i} className={c.className}>{c.header}</th>)}</tr></thead>
      <tbody>
        {rows.map((row, r) => <tr key={r}>{columns.map((c, i) => <td key={i} className={c.className}>{c.cell(row, r)}</td>)}</tr>)}
      </tbody>
      {footer && <tfoot>{footer}</tfoot>}
    </table>
  );
}

export function KeyValueTable({ label, rows }: { label: string; rows: Array<[string, ReactNode]> }) {
  return (
    <table className="report-kv" aria-label={label}>
      <tbody>{rows.map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v === null || v === '' || v === undefined ? '—' : v}</td></tr>)}</tbody>
    </table>
  );
}

/** "Sindangraja, 24 November 2026", the signatory's position, space to sign, name, rank and NIP. */
export function SignatureBlock({ agency, date }: { agency: Agency; date: string }) {
  const s = agency.identity;
  return (
    <div className="report-signature" aria-label="Tanda tangan">
      <div>{s.datePlace ? `${s.datePlace}, ` : ''}{formatDateId(date)}</div>
      <div>{s.signatoryPosition ? `${s.signatoryPosition},` : <span className="report-signature-blank">Jabatan penanda tangan,</span>}</div>
      <div className="report-signature-space" />
      <div className="report-signature-name">{s.signatoryName ?? <span className="report-signature-blank">(nama penanda tangan)</span>}</div>
      {s.signatoryRank && <div>{s.signatoryRank}</div>}
      <div>NIP {s.signatoryNip ? formatNip(s.signatoryNip) : <span className="report-signature-blank">………………………………</span>}</div>
    </div>
  );
}

export const n = (value: number) => formatNumberId(value, 0);
export const dateId = (iso: string | null | undefined) => (iso ? formatDateId(iso) : '—');
