import { formatDateTimeId } from '../../../../shared/format/id-format';
import { useApi } from '../../api/hooks';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback';

/** The audit entries of one employee (or all, without employeeId), newest first. */
export function AuditTab({ employeeId }: { employeeId?: number }) {
  const audit = useApi('audit:list', { employeeId, limit: 100 }, ['employees', 'settings']);
  if (audit.error) return <ErrorBanner error={audit.error} onRetry={audit.reload} />;
  if (!audit.data) return <Loading />;
  if (audit.data.rows.length === 0) return <EmptyState title="Belum ada perubahan tercatat" />;
  return (
    <ol className="audit-list" aria-label="Log perubahan">
      {audit.data.rows.map((entry) => (
        <li key={entry.id} className="audit-entry">
          <div className="audit-meta">{formatDateTimeId(entry.at)} · {entry.actor}</div>
          <div className="audit-summary">{entry.summary}</div>
          {entry.changes.length > 0 && (
            <table className="table table-compact">
              <thead><tr><th>Data</th><th>Sebelum</th><th>Sesudah</th></tr></thead>
              <tbody>
                {entry.changes.map((c) => (
                  <tr key={c.field}><td>{c.label}</td><td className="muted">{c.before ?? '—'}</td><td>{c.after ?? '—'}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
      {audit.data.total > audit.data.rows.length && <li className="muted">…dan {audit.data.total - audit.data.rows.length} entri lebih lama.</li>}
    </ol>
  );
}
