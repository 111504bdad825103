// Building blocks of every printed report: kop surat, title and parameters, sections, tables that break across
// pages, the "no data" notice and the signature block. Report components compose these; they never style paper.

import type { ReactNode } from 'react';
import { formatNip } from '../../../shared/domain/nip';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import type { ReportDocument } from '../../../shared/reports/catalogue';
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

/** A table that may run over several pages: the header row repeats on each, rows never split. */
export function ReportTable<Row>({ label, columns, rows, footer }: { label: string; columns: ReportColumn<Row>[]; rows: Row[]; footer?: ReactNode }) {
  return (
    <table className="report-table" aria-label={label}>
      <colgroup>{columns.map((c, i) => <col key={i} style={c.width ? { width: c.width } : undefined} />)}</colgroup>
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
