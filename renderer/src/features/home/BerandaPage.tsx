import { formatNumberId } from '../../../../shared/format/id-format';
import { useApi } from '../../api/hooks';
import { href, navigate } from '../../app/router';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { Card } from '../../components/layout';
import { SimpleBarChart } from '../../components/charts';
import { ChartCard } from '../../components/data-view';
import { formatDateId } from '../../../../shared/format/id-format';
import { RETIREMENT_NOTICE_MONTHS } from '../../../../shared/domain/retirement-watch';
import './beranda.css';

/** Overview: head counts and the five-year retirement projection, each with its table. */
export function BerandaPage(_props: { route?: unknown }) {
  const stats = useApi('stats:overview', {}, ['employees']);
  if (stats.error) return <div className="page"><ErrorBanner error={stats.error} onRetry={stats.reload} /></div>;
  if (!stats.data) return <div className="page"><Loading /></div>;
  const { employees, retirements, retirementDue } = stats.data;
  if (employees.total === 0) {
    return (
      <div className="page">
        <h1>Beranda</h1>
        <EmptyState title="Belum ada data pegawai" action={<button type="button" className="button button-primary" onClick={() => navigate('/pegawai/baru')}>Tambah pegawai</button>}>
          Muat data demo dari layar sambutan, tambah pegawai, atau impor berkas SIASN.
        </EmptyState>
      </div>
    );
  }
  const retirementRows = Object.entries(retirements).map(([year, count]) => ({ year, count }));
  const golonganRows = Object.entries(employees.byGolongan).filter(([, n]) => n > 0).map(([label, count]) => ({ label, count }));
  const active = employees.byStatus['Aktif'] ?? 0;

  return (
    <div className="page">
      <h1>Beranda</h1>
      <div className="stat-row">
        <Stat label="Pegawai aktif" value={active} />
        <Stat label="Semua catatan pegawai" value={employees.total} />
        {Object.entries(employees.byPositionKind).map(([kind, n]) => <Stat key={kind} label={kind} value={n} />)}
        <Stat label={`Pensiun ${retirementRows[0]?.year ?? ''}`} value={retirementRows[0]?.count ?? 0} />
      </div>
      <div className="cards cards-2">
        <Card title="Pensiun perlu ditindaklanjuti">
          <div className="stat-row" aria-label="Pensiun perlu ditindaklanjuti">
            <a className="stat stat-link" href={href('/pegawai?pensiun=overdue')}>
              <div className="stat-value">{formatNumberId(retirementDue.overdue)}</div>
              <div className="stat-label">sudah melewati TMT pensiun, masih tercatat aktif</div>
            </a>
            <a className="stat stat-link" href={href('/pegawai?pensiun=upcoming')}>
              <div className="stat-value">{formatNumberId(retirementDue.next12Months)}</div>
              <div className="stat-label">mencapai TMT pensiun dalam {RETIREMENT_NOTICE_MONTHS} bulan</div>
            </a>
          </div>
          <p className="muted">
            Per {formatDateId(stats.data.asOf)}. Daftar lengkapnya, dengan ekspor PDF dan XLSX: <a href={href('/laporan/usulan-pensiun')}>Laporan › Usulan Pensiun</a>.
          </p>
        </Card>
        <ChartCard
          title="Proyeksi pensiun 5 tahun (pegawai aktif)"
          table={{
            title: 'Proyeksi pensiun pegawai aktif',
            subtitle: [`Per ${formatDateId(stats.data.asOf)}`],
            columns: [{ key: 'year', header: 'Tahun', type: 'text' }, { key: 'count', header: 'Pegawai pensiun', type: 'integer' }],
            rows: retirementRows,
          }}
          chart={<SimpleBarChart data={retirementRows} xKey="year" yKey="count" label="Pegawai" />}
        />
        <ChartCard
          title="Sebaran golongan (semua catatan)"
          table={{
            title: 'Sebaran golongan',
            subtitle: [`Per ${formatDateId(stats.data.asOf)}`],
            columns: [{ key: 'label', header: 'Golongan', type: 'text' }, { key: 'count', header: 'Pegawai', type: 'integer' }],
            rows: golonganRows,
          }}
          chart={<SimpleBarChart data={golonganRows} xKey="label" yKey="count" label="Pegawai" color="#3f8f5b" tickFontSize={11} />}
        />
        <Card title="Pegawai per perangkat daerah">
          <table className="table table-compact" aria-label="Pegawai per perangkat daerah">
            <thead><tr><th>Perangkat daerah</th><th className="num">Pegawai</th></tr></thead>
            <tbody>
              {Object.entries(employees.byUnit).sort((a, b) => b[1] - a[1]).map(([unit, n]) => (
                <tr key={unit}><td>{unit}</td><td className="num">{formatNumberId(n)}</td></tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="Status dan jenis kelamin">
          <table className="table table-compact" aria-label="Status pegawai">
            <tbody>
              {Object.entries(employees.byStatus).map(([s, n]) => <tr key={s}><td>{s}</td><td className="num">{formatNumberId(n)}</td></tr>)}
              <tr><td>Laki-laki</td><td className="num">{formatNumberId(employees.byGender.L ?? 0)}</td></tr>
              <tr><td>Perempuan</td><td className="num">{formatNumberId(employees.byGender.P ?? 0)}</td></tr>
            </tbody>
          </table>
        </Card>
      </div>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return <div className="stat"><div className="stat-value">{formatNumberId(value)}</div><div className="stat-label">{label}</div></div>;
}
