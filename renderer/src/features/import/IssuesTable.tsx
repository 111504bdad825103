import { useEffect, useState } from 'react';
import { formatNumberId } from '../../../../shared/format/id-format';
import type { ImportPreview } from '../../../../shared/schemas/import';
import { useApi, useDebounced } from '../../api/hooks';
import { ErrorBanner, Loading } from '../../components/feedback';

const PAGE = 100;

/** Issues with row, column, value and message; filterable by severity, column and text; paged. */
export function IssuesTable({ source, columns }: { source: { previewId: string } | { snapshotId: number }; columns?: ImportPreview['issueColumns'] }) {
  const [severity, setSeverity] = useState<'' | 'error' | 'warning'>('');
  const [column, setColumn] = useState<string>('__all__');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const debounced = useDebounced(search, 200);
  const key = JSON.stringify(source);
  useEffect(() => setOffset(0), [severity, column, debounced, key]);
  const issues = useApi('import:issues', {
    ...source, severity: severity || undefined, column: column === '__all__' ? undefined : column === '__none__' ? null : column,
    search: debounced.trim() || undefined, offset, limit: PAGE,
  });
  const total = issues.data?.total ?? 0;

  return (
    <div className="issues">
      <div className="toolbar" role="search">
        <select aria-label="Tingkat masalah" value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
          <option value="">Kesalahan dan peringatan</option>
          <option value="error">Hanya kesalahan</option>
          <option value="warning">Hanya peringatan</option>
        </select>
        {columns && columns.length > 0 && (
          <select aria-label="Kolom" value={column} onChange={(e) => setColumn(e.target.value)}>
            <option value="__all__">Semua kolom</option>
            {columns.map((c) => (
              <option key={c.column ?? '__none__'} value={c.column ?? '__none__'}>
                {c.column ?? '(seluruh baris)'} — {formatNumberId(c.errors)} kesalahan, {formatNumberId(c.warnings)} peringatan
              </option>
            ))}
          </select>
        )}
        <input type="search" className="search-input" aria-label="Cari masalah" placeholder="Cari pesan, nilai atau nomor baris…" value={search} onChange={(e) => setSearch(e.target.value)} />
        <span className="muted small" data-testid="issue-count">{issues.data ? `${formatNumberId(total)} masalah` : ''}</span>
      </div>
      <ErrorBanner error={issues.error} onRetry={issues.reload} />
      {!issues.data ? <Loading /> : total === 0 ? <p className="muted">Tidak ada masalah yang cocok dengan filter.</p> : (
        <>
          <div className="table-scroll">
            <table className="table table-compact" aria-label="Daftar masalah">
              <thead><tr><th className="num">Baris</th><th>Kolom</th><th>Nilai</th><th>Tingkat</th><th>Pesan</th></tr></thead>
              <tbody>
                {issues.data.rows.map((issue, i) => (
                  <tr key={`${issue.row}-${i}`} className={issue.severity === 'error' ? 'issue-error' : 'issue-warning'}>
                    <td className="num">{issue.row}</td>
                    <td className="mono">{issue.column ?? '—'}</td>
                    <td className="mono">{issue.value ?? ''}</td>
                    <td>{issue.severity === 'error' ? <span className="badge badge-error">Kesalahan</span> : <span className="badge badge-warning">Peringatan</span>}</td>
                    <td>{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {total > PAGE && (
            <div className="pager">
              <button type="button" className="button button-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>‹ Sebelumnya</button>
              <span className="muted small">{formatNumberId(offset + 1)}–{formatNumberId(Math.min(total, offset + PAGE))} dari {formatNumberId(total)}</span>
              <button type="button" className="button button-small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>Berikutnya ›</button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
