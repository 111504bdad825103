// Pengaturan › Data pribadi: how long an import keeps the raw cell values of its issue list, and the export log
// (every PDF report and XLSX file that left the app: who, when, what, with which filters).

import { useState } from 'react';
import { isIsoDate } from '../../../../shared/domain/dates';
import { formatDateTimeId, formatNumberId } from '../../../../shared/format/id-format';
import type { ExportLogEntry } from '../../../../shared/schemas/privacy';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { readableAuditText } from '../../components/audit-log';
import { DateInput } from '../../components/date-input';
import { EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { Card } from '../../components/layout';
import { Pager } from '../../components/pager';
import { SaveErrorBanner } from '../../components/save-error';
import { useDraft } from '../../components/use-draft';
import './privacy.css';

const PAGE_SIZE = 25;

export function PrivacySection() {
  return (
    <div className="privacy-section">
      <RetentionCard />
      <Card title="Log ekspor">
        <p className="muted">Setiap laporan PDF dan berkas XLSX yang dibuat dari aplikasi ini atau baris perintah: siapa, kapan, apa, dengan saringan apa.</p>
        <ExportLog />
      </Card>
    </div>
  );
}

function RetentionCard() {
  const settings = useApi('privacy:settings', {}, ['settings']);
  const { draft: form, setDraft: setForm, markSaved, reset } = useDraft(settings.data);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  if (settings.error) return <ErrorBanner error={settings.error} onRetry={settings.reload} />;
  if (!form) return <Loading />;
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      markSaved(await call('privacy:updateSettings', form));
      toast('success', 'Masa simpan disimpan.');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="Nilai sel dari berkas impor">
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label className="field">
          <span className="field-label">Masa simpan nilai sel impor (hari)</span>
          <input type="number" min={7} max={3650} value={form.importValueRetentionDays} onChange={(e) => setForm({ ...form, importValueRetentionDays: Number(e.target.value) })} />
        </label>
        <p className="muted">Nilai sel yang disimpan untuk daftar masalah impor dihapus setelah masa ini; riwayat impor tetap memuat jumlah baris dan pesannya. Diperiksa saat aplikasi dibuka dan bersama pencadangan harian.</p>
        <SaveErrorBanner error={error} onReload={() => { setError(null); reset(); settings.reload(); }} />
        <button type="submit" className="button button-primary" disabled={saving}>Simpan</button>
      </form>
    </Card>
  );
}

function ExportLog() {
  const [actor, setActor] = useState('');
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const request = {
    actor: actor || undefined, kind: kind || undefined,
    from: isIsoDate(from) ? from : undefined, to: isIsoDate(to) ? to : undefined,
    offset, limit: PAGE_SIZE,
  };
  const log = useApi('exports:log', request, ['settings']);
  const filter = (apply: () => void) => { apply(); setOffset(0); };
  return (
    <div>
      <form className="toolbar export-log-filters" aria-label="Saring log ekspor" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span className="field-label">Orang</span>
          <select value={actor} onChange={(e) => filter(() => setActor(e.target.value))}>
            <option value="">Semua orang</option>
            {log.data?.actors.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Jenis</span>
          <select value={kind} onChange={(e) => filter(() => setKind(e.target.value))}>
            <option value="">Semua jenis</option>
            {log.data?.kinds.map((k) => <option key={k.kind} value={k.kind}>{k.title}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Dari tanggal</span>
          <DateInput ariaLabel="Dari tanggal" value={from} onChange={(v) => filter(() => setFrom(v))} />
        </label>
        <label className="field">
          <span className="field-label">Sampai tanggal</span>
          <DateInput ariaLabel="Sampai tanggal" value={to} onChange={(v) => filter(() => setTo(v))} />
        </label>
      </form>
      {log.error ? <ErrorBanner error={log.error} onRetry={log.reload} />
        : !log.data ? <Loading />
        : log.data.rows.length === 0 ? <EmptyState title="Belum ada ekspor tercatat" />
        : (
          <>
            <div className="export-log-scroll">
            <table className="table table-compact" aria-label="Log ekspor">
              <thead><tr><th>Waktu</th><th>Oleh</th><th>Yang diekspor</th><th>Saringan</th><th>Isi</th><th>Berkas</th></tr></thead>
              <tbody>{log.data.rows.map((row) => <ExportLogRow key={row.id} row={row} />)}</tbody>
            </table>
            </div>
            <Pager offset={offset} limit={PAGE_SIZE} total={log.data.total} onChange={setOffset} label="Halaman log ekspor" />
          </>
        )}
    </div>
  );
}

function ExportLogRow({ row }: { row: ExportLogEntry }) {
  const size = [
    row.rowCount !== null ? `${formatNumberId(row.rowCount)} baris` : null,
    row.pageCount !== null ? `${formatNumberId(row.pageCount)} halaman` : null,
  ].filter(Boolean).join(', ');
  return (
    <tr>
      <td className="nowrap">{formatDateTimeId(row.at)}</td>
      <td>{row.actor}{row.via === 'cli' ? <div className="muted">baris perintah</div> : null}</td>
      <td>{row.title}{row.forLeadership ? <div className="muted">untuk pimpinan</div> : null}</td>
      <td>{row.parameters.length ? readableAuditText(row.parameters.map((p) => `${p.label}: ${p.value}`).join('; ')) : '—'}</td>
      <td className="nowrap">{row.format === 'pdf' ? 'PDF' : 'XLSX'}{size ? `, ${size}` : ''}</td>
      <td className="mono export-log-file">{row.fileName}</td>
    </tr>
  );
}
