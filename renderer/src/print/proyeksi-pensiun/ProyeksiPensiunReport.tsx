import { formatNip } from '../../../../shared/domain/nip';
import { formatPercentId } from '../../../../shared/format/id-format';
import type { ProyeksiPensiunData, Retiree } from '../../../../shared/reports/proyeksi-pensiun.report';
import { BarChart } from '../../components/charts';
import { dateId, n, ReportSection, ReportTable, type ReportColumn } from '../parts';

export const KIND_COLORS: Record<string, string> = {
  JPT: '#7b2d26', Administrator: '#c0722b', Pengawas: '#d9b44a', Pelaksana: '#6d8a96', Fungsional: '#1d6f8c', 'Tanpa jabatan': '#a7a7a7',
};
const TOP_GROUPS_IN_CHART = 12;

export function ProyeksiPensiunReport({ data }: { data: ProyeksiPensiunData }) {
  const share = data.activeEmployees > 0 ? (data.total / data.activeEmployees) * 100 : null;
  const chartRows = data.byYear.map((y) => ({ year: String(y.year), total: y.total, ...y.byKind }));
  const topGroups = data.byGroup.slice(0, TOP_GROUPS_IN_CHART).map((g) => ({ name: g.name, total: g.total }));
  const years = data.years;
  const period = years.length > 1 ? `${data.fromYear}–${data.toYear}` : String(data.fromYear);

  return (
    <>
      <ReportSection title="Ringkasan">
        <p>
          Dari <strong>{n(data.activeEmployees)}</strong> pegawai aktif{data.unitName ? ` di ${data.unitName}` : ''}, <strong>{n(data.total)} orang</strong>
          {share !== null ? ` (${formatPercentId(share)})` : ''} mencapai batas usia pensiun pada {period}.
          {' '}Tahun dengan pensiun terbanyak: {peakYears(data)}.
        </p>
        <BarChart print stacked
          ariaLabel={`Pegawai pensiun per tahun ${period} menurut jenis jabatan`}
          data={chartRows} categoryKey="year" totalKey="total"
          series={data.kinds.map((k) => ({ key: k, label: k, color: KIND_COLORS[k] ?? '#888' }))}
        />
        <ReportTable
          label="Pensiun per tahun dan jenis jabatan"
          columns={[
            { header: 'Tahun', cell: (y) => y.year },
            ...data.kinds.map((k): ReportColumn<(typeof data.byYear)[number]> => ({ header: k, cell: (y) => n(y.byKind[k] ?? 0), className: 'num' })),
            { header: 'Jumlah', cell: (y) => <strong>{n(y.total)}</strong>, className: 'num' },
          ]}
          rows={data.byYear}
          footer={<tr><td>Jumlah</td>{data.kinds.map((k) => <td key={k} className="num">{n(data.byYear.reduce((a, y) => a + (y.byKind[k] ?? 0), 0))}</td>)}<td className="num">{n(data.total)}</td></tr>}
        />
      </ReportSection>

      <ReportSection title={`Pensiun per ${data.groupLabel.toLowerCase()}`}>
        {data.byGroup.length > 1 && (
          <>
            <BarChart print layout="rows" valueLabels legend={false} ariaLabel={`${TOP_GROUPS_IN_CHART} ${data.groupLabel.toLowerCase()} dengan pensiun terbanyak`} data={topGroups} categoryKey="name" series={[{ key: 'total', label: 'Pensiun', color: '#1d6f8c' }]} />
            {data.byGroup.length > TOP_GROUPS_IN_CHART && <p className="report-figure-caption">Grafik: {TOP_GROUPS_IN_CHART} {data.groupLabel.toLowerCase()} dengan pensiun terbanyak; tabel: semuanya.</p>}
          </>
        )}
        <ReportTable
          label={`Pensiun per ${data.groupLabel.toLowerCase()} dan tahun`}
          columns={[
            { header: 'No.', cell: (_g, i) => i + 1, className: 'num', width: '9mm' },
            { header: data.groupLabel, cell: (g) => g.name },
            ...years.map((year, index): ReportColumn<(typeof data.byGroup)[number]> => ({ header: String(year), cell: (g) => n(g.counts[index]), className: 'num', width: '13mm' })),
            { header: 'Jumlah', cell: (g) => <strong>{n(g.total)}</strong>, className: 'num', width: '15mm' },
          ]}
          rows={data.byGroup}
          footer={<tr><td /><td>Jumlah</td>{data.byYear.map((y) => <td key={y.year} className="num">{n(y.total)}</td>)}<td className="num">{n(data.total)}</td></tr>}
        />
      </ReportSection>

      <ReportSection title="Daftar pegawai yang pensiun">
        <p className="report-note">Diurutkan menurut TMT pensiun. BUP: batas usia pensiun jabatan saat ini.</p>
        {data.byYear.filter((y) => y.total > 0).map((y) => (
          <div key={y.year}>
            <h3 className="report-list-year">Tahun {y.year}: {n(y.total)} orang</h3>
            <ReportTable label={`Pegawai pensiun tahun ${y.year}`} columns={RETIREE_COLUMNS} rows={data.retirees.filter((r) => r.year === y.year)} />
          </div>
        ))}
      </ReportSection>
    </>
  );
}

const RETIREE_COLUMNS: ReportColumn<Retiree>[] = [
  { header: 'No.', cell: (_r, i) => i + 1, className: 'num', width: '8mm' },
  { header: 'Nama / NIP', cell: (r) => <><div>{r.fullName}</div><div className="nowrap">{formatNip(r.nip)}</div></>, width: '46mm' },
  { header: 'Gol.', cell: (r) => r.golongan ?? '—', width: '10mm' },
  { header: 'Jabatan', cell: (r) => r.positionName ?? '—' },
  { header: 'Unit kerja', cell: (r) => r.unitName ?? '—' },
  { header: 'TMT pensiun', cell: (r) => dateId(r.retirementDate), className: 'nowrap', width: '24mm' },
  { header: 'BUP', cell: (r) => r.bup, className: 'num', width: '9mm' },
];

function peakYears(data: ProyeksiPensiunData): string {
  const max = Math.max(...data.byYear.map((y) => y.total));
  return data.byYear.filter((y) => y.total === max).map((y) => `${y.year} (${n(y.total)} orang)`).join(', ');
}
