import { isIsoDate } from '../../../shared/domain/dates';
import { formatNip } from '../../../shared/domain/nip';
import { formatDateId, formatDateTimeId, formatNumberId } from '../../../shared/format/id-format';
import { useApi } from '../api/hooks';
import { EmptyState, ErrorBanner, Loading } from './feedback';

// Entries are stored as written when they happened; older writers left counts ("3000 pegawai"), NIPs and
// dates in machine form, so they are put in Indonesian form when shown.
const COUNTED = /\b(\d{4,})(?=\s+(?:pegawai|unit|jabatan|baris|kompetensi|penempatan|rencana|diklat|orang|kegiatan)\b)/g;

/** An audit summary as an officer reads it: "3.000 pegawai", "NIP 19850312 201001 1 004". */
export function readableAuditText(text: string): string {
  return text.replace(/\b\d{18}\b/g, (nip) => formatNip(nip)).replace(COUNTED, (n) => formatNumberId(Number(n)));
}

function readableValue(value: string | null): string {
  if (value === null) return '—';
  return isIsoDate(value) ? formatDateId(value) : readableAuditText(value);
}

/** The audit entries of one employee (or all, without employeeId), newest first. */
export function AuditLog({ employeeId }: { employeeId?: number }) {
  const audit = useApi('audit:list', { employeeId, limit: 100 }, ['employees', 'settings']);
  if (audit.error) return <ErrorBanner error={audit.error} onRetry={audit.reload} />;
  if (!audit.data) return <Loading />;
  if (audit.data.rows.length === 0) return <EmptyState title="Belum ada perubahan tercatat" />;
  return (
    <ol className="audit-list" aria-label="Log perubahan">
      {audit.data.rows.map((entry) => (
        <li key={entry.id} className="audit-entry">
          <div className="audit-meta">{formatDateTimeId(entry.at)} · {entry.actor}</div>
          <div className="audit-summary">{readableAuditText(entry.summary)}</div>
          {entry.changes.length > 0 && (
            <table className="table table-compact">
              <thead><tr><th>Data</th><th>Sebelum</th><th>Sesudah</th></tr></thead>
              <tbody>
                {entry.changes.map((c) => (
                  <tr key={c.field}><td>{c.label}</td><td className="muted">{readableValue(c.before)}</td><td>{readableValue(c.after)}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
      {audit.data.total > audit.data.rows.length && <li className="muted">…dan {formatNumberId(audit.data.total - audit.data.rows.length)} entri lebih lama.</li>}
    </ol>
  );
}
