import { formatNumberId, formatPercentId } from '../../../../shared/format/id-format';
import { JPM_CATEGORY_LABELS, type PetaKompetensiData } from '../../../../shared/reports/peta-kompetensi.report';
import { gapColor, textOn } from '../../features/competency/heat-colors';
import { BarChart } from '../../components/charts';
import { n, ReportSection, ReportTable } from '../parts';

const JPM_SERIES = [
  { key: 'optimal', label: JPM_CATEGORY_LABELS.optimal, color: '#2e8b57' },
  { key: 'cukup', label: JPM_CATEGORY_LABELS.cukup, color: '#e0b341' },
  { key: 'kurang', label: JPM_CATEGORY_LABELS.kurang, color: '#c8372d' },
] as const;
const TOP_UNITS_IN_CHART = 12;
const gap = (value: number | null) => (value === null ? '' : `${value > 0 ? '+' : ''}${formatNumberId(value, 2)}`);
type Row = PetaKompetensiData['rows'][number];

export function PetaKompetensiReport({ data }: { data: PetaKompetensiData }) {
  const jpmTotal = data.jpm.optimal + data.jpm.cukup + data.jpm.kurang;
  const inStandard = data.totals.activeEmployees - data.totals.withoutStandard;
  const chartUnits = [...data.rows].filter((r) => r.jpm.optimal + r.jpm.cukup + r.jpm.kurang > 0)
    .sort((a, b) => (b.jpm.optimal + b.jpm.cukup + b.jpm.kurang) - (a.jpm.optimal + a.jpm.cukup + a.jpm.kurang)).slice(0, TOP_UNITS_IN_CHART);

  return (
    <>
      <ReportSection title="Ringkasan">
        <p>
          Dari <strong>{n(data.totals.activeEmployees)}</strong> pegawai aktif{data.unitName ? ` di ${data.unitName}` : ''}, {n(inStandard)} memegang jabatan
          yang sudah memiliki standar kompetensi ({n(data.totals.withoutStandard)} belum). Asesmen lengkap: <strong>{n(data.totals.complete)}</strong> orang;
          sebagian: {n(data.totals.partial)}; belum diasesmen: {n(data.totals.notAssessed)}. Yang belum diasesmen tidak dihitung sebagai nol.
        </p>
        <ReportTable
          label="Sebaran kategori JPM"
          columns={[
            { header: 'Kategori pemetaan (JPM)', cell: (s: (typeof JPM_SERIES)[number]) => s.label },
            { header: 'Jumlah', cell: (s) => n(data.jpm[s.key]), className: 'num', width: '25mm' },
            { header: 'Persentase', cell: (s) => (jpmTotal > 0 ? formatPercentId((data.jpm[s.key] / jpmTotal) * 100) : '—'), className: 'num', width: '25mm' },
          ]}
          rows={[...JPM_SERIES]}
          footer={<tr><td>Jumlah yang diasesmen lengkap</td><td className="num">{n(jpmTotal)}</td><td /></tr>}
        />
      </ReportSection>

      <ReportSection title="Peta panas: rata-rata kesenjangan (capaian − standar)">
        <table className="report-table report-heatmap" aria-label="Peta panas kesenjangan unit × kompetensi">
          <thead>
            <tr><th>Unit kerja</th>{data.competencies.map((c) => <th key={c.code} className="num" title={c.name}>{c.code}</th>)}<th className="num">JPM</th></tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.name}>
                <td>{r.name}</td>
                {r.cells.map((c, i) => {
                  const background = gapColor(c.averageGap);
                  return <td key={i} className="num" style={{ background, color: textOn(background) }}>{gap(c.averageGap)}</td>;
                })}
                <td className="num">{r.averageJpm === null ? '' : formatNumberId(r.averageJpm, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="report-figure-caption">
          Merah: di bawah standar; hijau: di atas; sel kosong: belum ada yang diasesmen. JPM: rata-rata pegawai dengan asesmen lengkap.
          {' '}{data.competencies.map((c) => `${c.code} ${c.name}`).join('; ')}.
        </p>
      </ReportSection>

      <ReportSection title="Kesenjangan terbesar">
        <ReportTable
          label="Kompetensi menurut jumlah pegawai di bawah standar"
          columns={[
            { header: 'Kompetensi', cell: (g: PetaKompetensiData['gaps'][number]) => `${g.code} ${g.name}` },
            { header: 'Diasesmen', cell: (g) => n(g.assessed), className: 'num', width: '22mm' },
            { header: 'Di bawah standar', cell: (g) => n(g.below), className: 'num', width: '28mm' },
            { header: '%', cell: (g) => (g.assessed > 0 ? formatPercentId((g.below / g.assessed) * 100) : '—'), className: 'num', width: '18mm' },
            { header: 'Rata-rata kesenjangan', cell: (g) => gap(g.averageGap), className: 'num', width: '30mm' },
          ]}
          rows={data.gaps}
        />
      </ReportSection>

      <ReportSection title="Sebaran JPM per unit kerja">
        {chartUnits.length > 1 && (
          <BarChart print stacked
            ariaLabel="Kategori JPM per unit kerja"
            data={chartUnits.map((r) => ({ name: r.name, total: r.jpm.optimal + r.jpm.cukup + r.jpm.kurang, ...r.jpm }))}
            categoryKey="name" totalKey="total" height={260}
            series={JPM_SERIES.map((s) => ({ key: s.key, label: s.label, color: s.color }))}
          />
        )}
        <ReportTable
          label="Kategori JPM per unit kerja"
          columns={[
            { header: 'Unit kerja', cell: (r: Row) => r.name },
            ...JPM_SERIES.map((s) => ({ header: s.label, cell: (r: Row) => n(r.jpm[s.key]), className: 'num', width: '24mm' })),
            { header: 'Belum diasesmen / sebagian', cell: (r) => n(r.notAssessed + r.partial), className: 'num', width: '26mm' },
          ]}
          rows={data.rows}
        />
      </ReportSection>
    </>
  );
}
