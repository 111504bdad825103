import { formatNip } from '../../../../shared/domain/nip';
import { predikatLabel } from '../../../../shared/domain/skp';
import { formatPercentId } from '../../../../shared/format/id-format';
import { followUpLabel, rekapCategories, type RekapKinerjaData } from '../../../../shared/reports/rekap-kinerja.report';
import { CATEGORIES } from '../../features/performance/skp-labels';
import { BarChart } from '../../components/charts';
import { n, NoData, ReportSection, ReportTable, type ReportColumn } from '../parts';

const colorOf = (code: string) => CATEGORIES.find((c) => c.key === code)?.color ?? '#888';
const share = (part: number, whole: number) => (whole > 0 ? formatPercentId((part / whole) * 100) : '—');

export function RekapKinerjaReport({ data }: { data: RekapKinerjaData }) {
  const categories = rekapCategories(data.legacy);
  const trendCategories = [...rekapCategories(false), ...rekapCategories(true)].filter((c) => data.trend.some((t) => (t.counts[c.code] ?? 0) > 0));
  // One regime per chart (a stack of predikat beside a stack of sebutan misleads); the table has every year.
  const chartYears = data.trend.filter((t) => t.legacy === data.legacy);
  const chartCategories = rekapCategories(data.legacy);
  const weak = data.legacy ? 0 : ['butuh_perbaikan', 'kurang', 'sangat_kurang'].reduce((a, c) => a + (data.counts[c] ?? 0), 0);
  const good = data.legacy ? 0 : (data.counts.sangat_baik ?? 0) + (data.counts.baik ?? 0);
  type UnitRow = RekapKinerjaData['units'][number];

  return (
    <>
      <ReportSection title="Ringkasan">
        <p>
          Pada {data.year}, <strong>{n(data.total)}</strong> pegawai aktif{data.unitName ? ` di ${data.unitName}` : ''} memiliki SKP tahunan.
          {!data.legacy && <> {n(good)} orang ({share(good, data.total)}) berpredikat Baik atau Sangat Baik; <strong>{n(weak)}</strong> orang ({share(weak, data.total)}) Butuh Perbaikan atau lebih rendah.</>}
          {data.legacy && <> Tahun ini dinilai dengan nilai prestasi kerja PP 46/2011; sebutannya dicetak apa adanya, tidak diubah menjadi predikat 2022.</>}
          {' '}{n(data.withoutSkp.total)} dari {n(data.withoutSkp.active)} pegawai aktif belum memiliki SKP tahunan {data.year}.
        </p>
        <ReportTable
          label={`Sebaran ${data.legacy ? 'sebutan' : 'predikat'} ${data.year}`}
          columns={[
            { header: data.legacy ? 'Sebutan (PP 46/2011)' : 'Predikat kinerja', cell: (c: (typeof categories)[number]) => c.label },
            { header: 'Jumlah', cell: (c) => n(data.counts[c.code] ?? 0), className: 'num', width: '25mm' },
            { header: 'Persentase', cell: (c) => share(data.counts[c.code] ?? 0, data.total), className: 'num', width: '25mm' },
          ]}
          rows={categories}
          footer={<tr><td>Jumlah</td><td className="num">{n(data.total)}</td><td className="num">{share(data.total, data.total)}</td></tr>}
        />
      </ReportSection>

      <ReportSection title={`Tren ${data.trend.length} tahun terakhir`}>
        <BarChart print stacked
          ariaLabel="Sebaran predikat kinerja per tahun"
          data={chartYears.map((t) => ({ year: String(t.year), total: t.total, ...Object.fromEntries(chartCategories.map((c) => [c.code, t.counts[c.code] ?? 0])) }))}
          categoryKey="year" totalKey="total"
          series={chartCategories.map((c) => ({ key: c.code, label: c.label, color: colorOf(c.code) }))}
        />
        <ReportTable
          label="Predikat per tahun"
          columns={[
            { header: 'Tahun', cell: (t: RekapKinerjaData['trend'][number]) => String(t.year), width: '16mm' },
            ...trendCategories.map((c): ReportColumn<RekapKinerjaData['trend'][number]> => ({ header: c.code.startsWith('legacy:') ? `${c.label} (PP 46/2011)` : c.label, cell: (t) => n(t.counts[c.code] ?? 0), className: 'num' })),
            { header: 'Jumlah', cell: (t) => <strong>{n(t.total)}</strong>, className: 'num' },
          ]}
          rows={data.trend}
        />
        {data.trend.some((t) => t.legacy !== data.legacy) && <p className="report-figure-caption">Grafik: tahun dengan {data.legacy ? 'nilai PP 46/2011' : 'predikat PermenPANRB 6/2022'} saja. Tahun sebelum 2022 dinilai dengan PP 46/2011; di tabel sebutannya dicetak di kolom tersendiri, tidak diubah menjadi predikat 2022.</p>}
      </ReportSection>

      <ReportSection title={`Per unit kerja, ${data.year}`}>
        {data.units.length === 0 ? <NoData title="Tidak ada rincian unit." message="Unit yang dipilih tidak memiliki sub-unit dengan SKP tahunan." /> : (
          <ReportTable
            label="Predikat per unit kerja"
            columns={[
              { header: 'No.', cell: (_u: UnitRow, i) => i + 1, className: 'num', width: '9mm' },
              { header: 'Unit kerja', cell: (u) => u.name },
              ...categories.map((c): ReportColumn<UnitRow> => ({ header: c.label, cell: (u) => n(u.counts[c.code] ?? 0), className: 'num', width: '15mm' })),
              { header: 'Jumlah', cell: (u) => <strong>{n(u.total)}</strong>, className: 'num', width: '15mm' },
            ]}
            rows={data.units}
          />
        )}
      </ReportSection>

      {!data.legacy && (
        <ReportSection title="Pegawai yang perlu tindak lanjut">
          {data.followUps.total === 0 ? <NoData title="Tidak ada." message={`Tidak ada pegawai dengan predikat Butuh Perbaikan atau lebih rendah pada ${data.year}.`} /> : (
            <>
              <ReportTable
                label="Pegawai dengan predikat Butuh Perbaikan atau lebih rendah"
                columns={[
                  { header: 'No.', cell: (_r: RekapKinerjaData['followUps']['rows'][number], i) => i + 1, className: 'num', width: '9mm' },
                  { header: 'NIP', cell: (r) => formatNip(r.nip), width: '38mm' },
                  { header: 'Nama', cell: (r) => r.fullName },
                  { header: 'Jabatan / unit', cell: (r) => <>{r.positionName ?? '—'}<br /><span className="muted">{r.unitName ?? ''}</span></> },
                  { header: 'Predikat', cell: (r) => predikatLabel(r.predikat), width: '24mm' },
                  { header: 'Tindak lanjut', cell: (r) => followUpLabel(r.followUpStatus), width: '26mm' },
                ]}
                rows={data.followUps.rows}
              />
              {data.followUps.total > data.followUps.rows.length && <p className="report-figure-caption">Dicetak {n(data.followUps.rows.length)} dari {n(data.followUps.total)} pegawai; daftar lengkap ada di halaman Kinerja.</p>}
            </>
          )}
        </ReportSection>
      )}
    </>
  );
}
