import { PNS_GOLONGAN } from '../../../../shared/domain/golongan';
import { formatDateId, formatNumberId } from '../../../../shared/format/id-format';
import { useApi } from '../../api/hooks';
import { href, navigate } from '../../app/router';
import { BarChart } from '../../components/charts';
import { ChartCard } from '../../components/data-view';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { Card, StatGrid } from '../../components/layout';
import { RETIREMENT_NOTICE_MONTHS } from '../../../../shared/domain/retirement-watch';
import { useCan } from '../../app/session';
import { DueSoonPanel } from './DueSoonPanel';
import './beranda.css';

const PNS_LABELS = new Set(PNS_GOLONGAN.map((g) => g.label));

/** Overview: head counts and the five-year retirement projection, each with its table. */
export function BerandaPage(_props: { route?: unknown }) {
  const stats = useApi('stats:overview', {}, ['employees']);
  // The lists behind the panel are dashboards (data:read); a role without them does not see it.
  const seesDueSoon = useCan('data:read');
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
  const asOf = `Per ${formatDateId(stats.data.asOf)}`;
  const retirementRows = Object.entries(retirements).map(([year, count]) => ({ year, count }));
  // PNS golongan ruang (I/a–IV/e) and PPPK grades (I–XVII) are two scales: side by side on one axis, PPPK V
  // would read as a rank above IV/e.
  const golongan = Object.entries(employees.byGolongan).map(([label, count]) => ({ label, count }));
  const pnsRows = golongan.filter((g) => PNS_LABELS.has(g.label));
  const pppkRows = golongan.filter((g) => !PNS_LABELS.has(g.label) && g.label !== 'Tanpa golongan' && g.count > 0);
  const withoutGolongan = employees.byGolongan['Tanpa golongan'] ?? 0;
  const active = employees.byStatus['Aktif'] ?? 0;
  const countColumns = (header: string) => [{ key: 'label', header, type: 'text' as const }, { key: 'count', header: 'Pegawai', type: 'integer' as const }];

  return (
    <div className="page">
      <h1>Beranda</h1>
      <StatGrid label="Ringkasan pegawai" items={[
        { label: 'Pegawai aktif', value: active },
        { label: 'Semua catatan pegawai', value: employees.total },
        ...Object.entries(employees.byPositionKind).map(([kind, n]) => ({ label: kind, value: n })),
        { label: `Pensiun ${retirementRows[0]?.year ?? ''}`, value: retirementRows[0]?.count ?? 0 },
      ]} />
      {seesDueSoon && <DueSoonPanel />}
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
      <div className="cards cards-2">
        <ChartCard
          title="Proyeksi pensiun 5 tahun (pegawai aktif)"
          table={{
            title: 'Proyeksi pensiun pegawai aktif',
            subtitle: [asOf],
            columns: [{ key: 'year', header: 'Tahun', type: 'text' }, { key: 'count', header: 'Pegawai pensiun', type: 'integer' }],
            rows: retirementRows,
          }}
          chart={<BarChart ariaLabel="Pegawai aktif yang pensiun per tahun" data={retirementRows} categoryKey="year" series={[{ key: 'count', label: 'Pegawai', color: '#1d6f8c' }]} />}
        />
        <ChartCard
          title="Golongan PNS dan CPNS (semua catatan)"
          table={{
            title: 'Sebaran golongan PNS dan CPNS',
            subtitle: [asOf, ...(withoutGolongan ? [`Tanpa golongan: ${formatNumberId(withoutGolongan)} pegawai`] : [])],
            columns: countColumns('Golongan ruang'),
            rows: pnsRows,
          }}
          chart={<BarChart ariaLabel="Pegawai per golongan ruang PNS" testId="golongan-pns-chart" data={pnsRows} categoryKey="label" series={[{ key: 'count', label: 'Pegawai', color: '#3f8f5b' }]} />}
        />
        <ChartCard
          title="Golongan PPPK (semua catatan)"
          empty={<EmptyState title="Belum ada pegawai PPPK" />}
          table={{ title: 'Sebaran golongan PPPK', subtitle: [asOf], columns: countColumns('Golongan PPPK'), rows: pppkRows }}
          chart={<BarChart ariaLabel="Pegawai per golongan PPPK" testId="golongan-pppk-chart" data={pppkRows} categoryKey="label" series={[{ key: 'count', label: 'Pegawai', color: '#7c5cad' }]} />}
        />
        <Card title="Status dan jenis kelamin">
          <table className="table table-compact" aria-label="Status pegawai">
            <tbody>
              {Object.entries(employees.byStatus).map(([s, n]) => <tr key={s}><td>{s}</td><td className="num">{formatNumberId(n)}</td></tr>)}
              <tr><td>Laki-laki</td><td className="num">{formatNumberId(employees.byGender.L ?? 0)}</td></tr>
              <tr><td>Perempuan</td><td className="num">{formatNumberId(employees.byGender.P ?? 0)}</td></tr>
            </tbody>
          </table>
        </Card>
        <Card title="Pegawai per perangkat daerah" wide>
          <table className="table table-compact" aria-label="Pegawai per perangkat daerah">
            <thead><tr><th>Perangkat daerah</th><th className="num">Pegawai</th></tr></thead>
            <tbody>
              {Object.entries(employees.byUnit).sort((a, b) => b[1] - a[1]).map(([unit, n]) => (
                <tr key={unit}><td>{unit}</td><td className="num">{formatNumberId(n)}</td></tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </div>
  );
}
