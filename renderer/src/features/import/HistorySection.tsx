import { useState } from 'react';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../../shared/domain/import-fields';
import { formatDateTimeId, formatNumberId } from '../../../../shared/format/id-format';
import type { SnapshotRow } from '../../../../shared/schemas/import';
import { ApiError, call, newJobId } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Dialog, EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { IssuesTable } from './IssuesTable';
import { JobProgressView } from '../../components/job-progress';

/** Every snapshot with file, SHA-256, kind, who and when, counts; the last one can be undone (with confirmation). */
export function HistorySection() {
  // Refreshed by main's data:changed events (every commit and undo announces one).
  const history = useApi('import:history', { limit: 50 }, ['imports']);
  const [confirm, setConfirm] = useState<SnapshotRow | null>(null);
  const [issuesOf, setIssuesOf] = useState<SnapshotRow | null>(null);
  const [undoJob, setUndoJob] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();

  const undo = async (snapshot: SnapshotRow) => {
    const jobId = newJobId();
    setUndoJob(jobId);
    setError(null);
    try {
      const result = await call('import:undo', { snapshotId: snapshot.id, jobId });
      toast('success', `Impor ${snapshot.fileName} dibatalkan: ${formatNumberId(result.restored)} data dikembalikan, ${formatNumberId(result.deleted)} data dihapus.`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setUndoJob(null);
      setConfirm(null);
      history.reload();
    }
  };

  return (
    <section aria-label="Riwayat impor">
      <h2>Riwayat impor</h2>
      <ErrorBanner error={error ?? history.error} />
      {!history.data ? <Loading /> : history.data.total === 0 ? (
        <EmptyState title="Belum ada impor">Setiap berkas yang disimpan tercatat di sini dengan SHA-256, jumlah baris dan selisihnya; impor terakhir dapat dibatalkan.</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact" aria-label="Riwayat impor">
            <thead>
              <tr><th>#</th><th>Waktu</th><th>Berkas</th><th>Jenis</th><th>Oleh</th><th className="num">Diterima</th><th className="num">Ditolak</th><th>Selisih</th><th>Status</th><th><span className="visually-hidden">Tindakan</span></th></tr>
            </thead>
            <tbody>
              {history.data.rows.map((s) => (
                <tr key={s.id}>
                  <td className="num">{s.id}</td>
                  <td>{formatDateTimeId(s.importedAt)}</td>
                  <td><div>{s.fileName}</div><div className="mono muted" title={`SHA-256 ${s.sha256}`}>{s.sha256.slice(0, 16)}…</div></td>
                  <td>{IMPORT_KIND_LABELS[s.kind as ImportKind] ?? s.kind}</td>
                  <td>{s.importedBy}</td>
                  <td className="num">{formatNumberId(s.acceptedCount)}</td>
                  <td className="num">{formatNumberId(s.rejectedCount)}</td>
                  <td className="small">{s.diff ? `${formatNumberId(s.diff.new)} baru · ${formatNumberId(s.diff.changed)} berubah${s.kind === 'pegawai' ? ` · ${formatNumberId(s.diff.absent)} tidak ada` : ''}` : '—'}</td>
                  <td>{s.status === 'undone' ? <span className="badge">Dibatalkan {s.undoneAt ? formatDateTimeId(s.undoneAt) : ''}</span> : <span className="badge badge-status-active">Tersimpan</span>}</td>
                  <td className="actions">
                    <button type="button" className="button button-small" onClick={() => setIssuesOf(s)}>Masalah</button>
                    {s.canUndo && <button type="button" className="button button-small" onClick={() => setConfirm(s)}>Batalkan…</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {confirm && (
        <Dialog title="Batalkan impor?" onClose={undoJob ? undefined : () => setConfirm(null)} footer={undoJob ? undefined : (
          <>
            <button type="button" className="button" onClick={() => setConfirm(null)}>Tidak</button>
            <button type="button" className="button button-danger" onClick={() => void undo(confirm)}>Ya, batalkan impor ini</button>
          </>
        )}>
          {undoJob ? <JobProgressView jobId={undoJob} title="Membatalkan impor" unit="data" /> : (
            <>
              <p>Database dikembalikan ke keadaan sebelum impor <strong>{confirm.fileName}</strong> ({formatDateTimeId(confirm.importedAt)}):
                data yang ditambahkannya dihapus dan data yang diubahnya dikembalikan, dalam satu transaksi.</p>
              <p className="muted small">Bila ada data yang diubah lagi sesudah impor itu, pembatalan ditolak tanpa mengubah apa pun.
                {confirm.backupPath ? ` Cadangan berkas database sebelum impor ini tetap disimpan di ${confirm.backupPath}.` : ' Cadangan harian database tetap tersedia sebagai pengaman kedua.'}</p>
            </>
          )}
        </Dialog>
      )}
      {issuesOf && (
        <Dialog wide title={`Masalah pada impor #${issuesOf.id}: ${issuesOf.fileName}`} onClose={() => setIssuesOf(null)}
          footer={<button type="button" className="button" onClick={() => setIssuesOf(null)}>Tutup</button>}>
          <IssuesTable source={{ snapshotId: issuesOf.id }} />
        </Dialog>
      )}
    </section>
  );
}
