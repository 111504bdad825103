// Laporan: the report catalogue, each report's parameters, a live preview (the same document the PDF prints,
// on a sheet of A4), and "Ekspor PDF" / "Ekspor XLSX". The chosen report and its parameters live in the URL
// (#/laporan/proyeksi-pensiun?unit=12), so a preview can be reloaded or bookmarked.

import { useEffect, useState } from 'react';
import { roleMayPrint } from '../../../../shared/auth/report-access';
import { isReportId, REPORT_IDS, reportDefinition, type ReportId } from '../../../../shared/reports/catalogue';
import { FOR_LEADERSHIP_PARAM, UNIT_ALL, type RawReportParams, type ReportField } from '../../../../shared/reports/define';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { href, navigate, type Route } from '../../app/router';
import { useSession } from '../../app/session';
import { saveBase64File } from '../../components/data-view';
import { EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { ReportDocumentView } from '../../print/ReportDocumentView';
import { EmployeePicker, personFromRow } from '../../components/employee-picker';
import { UnitPicker } from '../../components/unit-picker';
import { PdfExportList, startPdfExport } from '../../components/pdf-exports';
import './laporan.css';

function reportHref(reportId: ReportId, params: RawReportParams): string {
  const query = Object.entries(params).filter(([, v]) => v !== '').map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `/laporan/${reportId}${query ? `?${query}` : ''}`;
}

export function LaporanPage({ route }: { route: Route }) {
  const requested = route.segments[1];
  const session = useSession();
  // An Operator OPD sees only the registers it may print for its own unit (main checks it again).
  const printable = REPORT_IDS.filter((id) => !session || roleMayPrint(session.role, id));
  const reportId: ReportId = isReportId(requested) && printable.includes(requested) ? requested : printable[0] ?? REPORT_IDS[0];
  const params: RawReportParams = Object.fromEntries(route.query.entries());
  const agency = useApi('agency:get', {}, ['settings']);
  // Start the PDF printer while the officer looks at the preview, so "Ekspor PDF" does not wait for it. A printer
  // that cannot start says why when the export is asked for.
  useEffect(() => {
    call('reports:preparePdf', {}).catch(() => undefined);
  }, []);

  return (
    <div className="page">
      <h1>Laporan</h1>
      <p className="muted">Laporan PDF berkop surat untuk pimpinan. Pilih laporan, atur parameternya, periksa pratinjau, lalu ekspor.</p>
      {agency.data && agency.data.missing.length > 0 && (
        <div className="banner banner-warning" role="status">
          <span><strong>Kop surat belum lengkap:</strong> {agency.data.missing.join(', ')}. Laporan tetap dapat dicetak, tetapi bagian itu kosong.</span>
          <a href={href('/pengaturan')}>Lengkapi di Pengaturan › Identitas Instansi untuk Dokumen</a>
        </div>
      )}
      <div className="laporan">
        <nav aria-label="Katalog laporan">
          <ul className="report-catalogue">
            {printable.map((id) => {
              const definition = reportDefinition(id);
              return (
                <li key={id}>
                  <a href={href(reportHref(id, {}))} className={id === reportId ? 'is-active' : undefined} aria-current={id === reportId ? 'page' : undefined}>
                    <span className="report-catalogue-title">
                      {definition.title}
                      {definition.pending
                        ? <span className="badge badge-pending" title={`Datanya hadir bersama fitur ${definition.source}`}>menunggu data</span>
                        : <span className="badge badge-ready">siap</span>}
                    </span>
                    <span className="report-catalogue-summary">{definition.summary}</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        {/* Remount per report: a report's form starts from its own URL parameters. */}
        <ReportWorkbench key={reportId} reportId={reportId} params={params} />
      </div>
    </div>
  );
}

function ReportWorkbench({ reportId, params }: { reportId: ReportId; params: RawReportParams }) {
  const definition = reportDefinition(reportId);
  const missingRequired = definition.fields.some((f) => f.kind === 'employee' && f.required && !params[f.key]);
  // A report of one unit by default (a register) starts on the first perangkat daerah; the whole district is a
  // choice in its unit list.
  const unitToChoose = definition.fields.find((f) => f.kind === 'unit' && f.required && !params[f.key]);
  const units = useApi('reference:units', unitToChoose ? {} : null);
  useEffect(() => {
    const first = units.data?.units.find((u) => u.parentId === null);
    // Replacing the history entry: Back must not return to the address that forwards here again.
    if (unitToChoose && units.data) window.location.replace(href(reportHref(reportId, { ...params, [unitToChoose.key]: first ? String(first.id) : UNIT_ALL })));
  }, [units.data, unitToChoose?.key]);
  const preview = useApi('reports:render', missingRequired || unitToChoose ? null : { reportId, params }, ['employees', 'settings']);
  const setParam = (key: string, value: string | null) => {
    const next = { ...params };
    if (value === null || value === '') delete next[key];
    else next[key] = value;
    navigate(reportHref(reportId, next));
  };
  const workbook = preview.data?.workbook === true && !preview.loading;

  return (
    <section className="report-workbench" aria-label={`Laporan ${definition.title}`}>
      <div>
        <h2 style={{ margin: 0 }}>{definition.title}</h2>
        <p className="muted" style={{ margin: '2px 0 0' }}>{definition.summary}</p>
      </div>
      {definition.fields.length > 0 && (
        <form className="report-params" aria-label="Parameter laporan" onSubmit={(e) => e.preventDefault()}>
          {definition.fields.map((field) => <ParamField key={field.key} field={field} value={params[field.key] ?? ''} onChange={(v) => setParam(field.key, v)} />)}
        </form>
      )}
      <div className="report-actions">
        <label className="checkbox" title="Nomor telepon, email, alamat dan tanggal lahir lengkap tidak dicetak; tahun lahir tetap ada.">
          <input type="checkbox" checked={params[FOR_LEADERSHIP_PARAM] === 'ya'} onChange={(e) => setParam(FOR_LEADERSHIP_PARAM, e.target.checked ? 'ya' : null)} />
          {' '}Untuk pimpinan
        </label>
        <ExportPdfButton reportId={reportId} params={params} disabled={missingRequired || !!preview.error} />
        <ExportXlsxReportButton reportId={reportId} params={params} disabled={!workbook} />
        {definition.pending && <span className="muted">Data laporan ini hadir bersama fitur {definition.source}; PDF-nya menyatakan bahwa datanya belum ada.</span>}
      </div>
      <PdfExportList />
      {missingRequired ? (
        <EmptyState title="Pilih pegawai">Ketik NIP atau nama pegawai di atas; pratinjau profilnya muncul di sini.</EmptyState>
      ) : preview.error ? (
        <ErrorBanner error={preview.error} onRetry={preview.reload} />
      ) : unitToChoose || !preview.data ? (
        <Loading label="Menyusun pratinjau…" />
      ) : (
        <div className="report-preview" aria-label="Pratinjau laporan" aria-busy={preview.loading}>
          <div className="report-paper"><ReportDocumentView document={preview.data} /></div>
        </div>
      )}
    </section>
  );
}

function ParamField({ field, value, onChange }: { field: ReportField; value: string; onChange(value: string | null): void }) {
  const id = `report-param-${field.key}`;
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const label = <label className="field-label" htmlFor={id}>{field.label}</label>;
  switch (field.kind) {
    case 'employee':
      return <div className="field field-employee">{label}<ReportEmployeePicker id={id} nip={value || null} onChange={onChange} /></div>;
    case 'unit':
      // A required unit has the whole district as an explicit choice (UNIT_ALL), never as "not chosen".
      return (
        <div className="field">{label}
          <UnitPicker id={id} ariaLabel={field.label} value={value && value !== UNIT_ALL ? Number(value) : null} allLabel={field.allLabel}
            onChange={(unit) => onChange(unit === null ? (field.required ? UNIT_ALL : null) : String(unit))} />
        </div>
      );
    case 'text': {
      const apply = () => onChange(text.trim() || null);
      return (
        <div className="field">{label}
          <input id={id} type="search" value={text} placeholder={field.hint} size={18}
            onChange={(e) => setText(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} />
        </div>
      );
    }
    case 'select':
      return (
        <div className="field">{label}
          <select id={id} value={value} onChange={(e) => onChange(e.target.value || null)}>
            {field.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
      );
    case 'year':
    case 'integer': {
      // Applied on Enter or when leaving the field, so the preview does not redraw on every keystroke.
      const apply = () => onChange(text.trim() || null);
      return (
        <div className="field">{label}
          <input id={id} inputMode="numeric" value={text} placeholder={field.hint} size={12}
            onChange={(e) => setText(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} />
          <span className="field-hint">{field.hint}</span>
        </div>
      );
    }
  }
}

/** Reports take a NIP (it survives in the URL); the picker works with the person behind it. */
function ReportEmployeePicker({ id, nip, onChange }: { id: string; nip: string | null; onChange(nip: string | null): void }) {
  const found = useApi('employees:list', nip ? { search: nip, limit: 1 } : null);
  const row = nip ? found.data?.rows.find((r) => r.nip === nip) : undefined;
  const value = row ? personFromRow(row) : nip ? { id: 0, name: 'NIP', nip } : null;
  return <EmployeePicker id={id} value={value} onChange={(person) => onChange(person?.nip ?? null)} />;
}

function ExportPdfButton({ reportId, params, disabled }: { reportId: ReportId; params: RawReportParams; disabled: boolean }) {
  const toast = useToast();
  return <button type="button" className="button button-primary" disabled={disabled} onClick={() => startPdfExport(reportId, params, toast)}>Ekspor PDF</button>;
}

function ExportXlsxReportButton({ reportId, params, disabled }: { reportId: ReportId; params: RawReportParams; disabled: boolean }) {
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const run = async () => {
    setBusy(true);
    try {
      const file = await call('reports:exportXlsx', { reportId, params });
      saveBase64File(file.fileName, file.mimeType, file.base64);
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button" disabled={disabled || busy} onClick={() => void run()}
      title={disabled ? 'Tersedia bila laporan berisi data' : 'Tabel laporan, satu lembar kerja per tabel'}>
      {busy ? 'Menyiapkan…' : 'Ekspor XLSX'}
    </button>
  );
}
