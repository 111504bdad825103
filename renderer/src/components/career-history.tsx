import { golonganWithPangkat } from '../../../shared/domain/golongan';
import { positionLevelLabel } from '../../../shared/domain/position';
import { formatDateId } from '../../../shared/format/id-format';
import { useApi } from '../api/hooks';
import { EmptyState, ErrorBanner, Loading } from './feedback';

const SOURCE_LABEL: Record<string, string> = { manual: 'Input manual', import: 'Impor', demo: 'Data demo' };
const RANK_KIND_LABEL: Record<string, string> = {
  cpns: 'Pengangkatan CPNS', reguler: 'Kenaikan pangkat reguler', pilihan_struktural: 'KP pilihan (struktural)',
  pilihan_fungsional: 'KP pilihan (fungsional)', penyesuaian_ijazah: 'Penyesuaian ijazah', pppk: 'Pengangkatan PPPK', awal: 'Data awal',
};

export function PositionHistory({ employeeId }: { employeeId: number }) {
  const history = useApi('employees:history', { employeeId }, ['employees']);
  if (history.error) return <ErrorBanner error={history.error} onRetry={history.reload} />;
  if (!history.data) return <Loading />;
  if (history.data.positions.length === 0) return <EmptyState title="Belum ada riwayat jabatan" />;
  return (
    <table className="table" aria-label="Riwayat jabatan">
      <thead><tr><th>TMT</th><th>Sampai</th><th>Jabatan</th><th>Jenjang</th><th>Unit kerja</th><th>Nomor SK</th><th>Sumber</th></tr></thead>
      <tbody>
        {history.data.positions.map((r) => (
          <tr key={r.id}>
            <td>{formatDateId(r.tmt)}</td><td>{r.endDate ? formatDateId(r.endDate) : <span className="badge">sekarang</span>}</td>
            <td>{r.positionName}</td><td>{positionLevelLabel(r.positionLevel)}</td><td>{r.unitName ?? '—'}</td>
            <td>{r.skNumber ?? '—'}</td><td>{SOURCE_LABEL[r.source] ?? r.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RankHistory({ employeeId }: { employeeId: number }) {
  const history = useApi('employees:history', { employeeId }, ['employees']);
  if (history.error) return <ErrorBanner error={history.error} onRetry={history.reload} />;
  if (!history.data) return <Loading />;
  if (history.data.ranks.length === 0) return <EmptyState title="Belum ada riwayat pangkat" />;
  return (
    <table className="table" aria-label="Riwayat pangkat">
      <thead><tr><th>TMT</th><th>Pangkat, golongan</th><th>Jenis kenaikan</th><th>Nomor SK</th><th>Sumber</th></tr></thead>
      <tbody>
        {history.data.ranks.map((r) => (
          <tr key={r.id}>
            <td>{formatDateId(r.tmt)}</td><td>{golonganWithPangkat(r.golongan)}</td><td>{r.kind ? RANK_KIND_LABEL[r.kind] ?? r.kind : '—'}</td>
            <td>{r.skNumber ?? '—'}</td><td>{SOURCE_LABEL[r.source] ?? r.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
