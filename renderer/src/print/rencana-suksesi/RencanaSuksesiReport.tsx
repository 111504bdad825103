import { formatNip } from '../../../../shared/domain/nip';
import { RISK_LABELS, type RencanaSuksesiData } from '../../../../shared/reports/rencana-suksesi.report';
import { BarChart } from '../../components/charts';
import { dateId, n, NoData, ReportSection, ReportTable } from '../parts';

const RISK_SERIES = [
  { key: 'tinggi', label: 'Risiko tinggi', color: '#c8372d' },
  { key: 'sedang', label: 'Risiko sedang', color: '#e0b341' },
  { key: 'rendah', label: 'Risiko rendah', color: '#2e8b57' },
];
type Position = RencanaSuksesiData['positions'][number];

export function RencanaSuksesiReport({ data }: { data: RencanaSuksesiData }) {
  const labels = data.readinessLabels;
  const planned = data.positions.filter((p) => p.candidates.length > 0);
  return (
    <>
      <ReportSection title="Ringkasan">
        <p>
          <strong>{n(data.totals.keyPositions)}</strong> jabatan kritikal{data.unitName ? ` di ${data.unitName}` : ''}: {n(data.totals.vacantNow)} kosong saat ini;
          risiko <strong>tinggi {n(data.totals.tinggi)}</strong>, sedang {n(data.totals.sedang)}, rendah {n(data.totals.rendah)}.
          {' '}{n(data.totals.withPlan)} jabatan memiliki rencana suksesi dan {n(data.totals.withReadyNow)} memiliki pengganti yang {labels.siap_sekarang.toLowerCase()}.
        </p>
        <ul className="report-notes">{data.riskRule.map((rule) => <li key={rule}>{rule}</li>)}</ul>
      </ReportSection>

      <ReportSection title="Kekosongan karena pensiun per tahun">
        <BarChart print stacked
          ariaLabel="Jabatan kritikal yang pemangkunya pensiun per tahun"
          data={data.timeline.map((t) => ({ year: String(t.year), total: t.count, tinggi: t.tinggi, sedang: t.sedang, rendah: t.rendah }))}
          categoryKey="year" totalKey="total" height={200} series={RISK_SERIES}
        />
        <ReportTable
          label="Jabatan kritikal yang pemangkunya pensiun per tahun"
          columns={[
            { header: 'Tahun', cell: (t: RencanaSuksesiData['timeline'][number]) => String(t.year) },
            ...RISK_SERIES.map((s) => ({ header: s.label, cell: (t: RencanaSuksesiData['timeline'][number]) => n(t[s.key as 'tinggi' | 'sedang' | 'rendah']), className: 'num', width: '28mm' })),
            { header: 'Jumlah', cell: (t) => <strong>{n(t.count)}</strong>, className: 'num', width: '20mm' },
          ]}
          rows={data.timeline}
        />
      </ReportSection>

      <ReportSection title="Jabatan kritikal dan kekuatan suksesi">
        <ReportTable
          label="Jabatan kritikal"
          columns={[
            { header: 'No.', cell: (_p: Position, i) => i + 1, className: 'num', width: '8mm' },
            { header: 'Jabatan / unit', cell: (p) => <>{p.name}<br /><span className="muted">{p.unitName ?? ''}</span></> },
            { header: 'Pemangku / TMT pensiun', cell: (p) => (p.vacantNow ? <strong>Kosong</strong> : <>{p.incumbent}<br /><span className="muted">{dateId(p.retirementDate)}</span></>), width: '40mm' },
            { header: 'Risiko', cell: (p) => <><strong>{RISK_LABELS[p.risk]}</strong><br /><span className="muted">{p.riskReason}</span></>, width: '42mm' },
            { header: 'Siap / 1–2 th / > 2 th', cell: (p) => `${p.bench.siap_sekarang} / ${p.bench.siap_1_2_tahun} / ${p.bench.siap_lebih_2_tahun}`, className: 'num', width: '22mm' },
          ]}
          rows={data.positions}
        />
        <p className="report-figure-caption">Kolom kesiapan: {labels.siap_sekarang} / {labels.siap_1_2_tahun} / {labels.siap_lebih_2_tahun}.</p>
      </ReportSection>

      <ReportSection title="Kandidat pengganti per jabatan">
        {planned.length === 0 ? <NoData title="Belum ada rencana." message="Belum ada rencana suksesi yang disimpan untuk jabatan kritikal ini." /> : planned.map((p) => (
          <div key={p.positionId} className="report-block">
            <h3 className="report-subheading">{p.name}{p.unitName ? ` — ${p.unitName}` : ''}</h3>
            <ReportTable
              label={`Kandidat pengganti ${p.name}`}
              columns={[
                { header: 'Urutan', cell: (c: Position['candidates'][number]) => String(c.rank), className: 'num', width: '13mm' },
                { header: 'NIP', cell: (c) => formatNip(c.nip), width: '38mm' },
                { header: 'Nama / jabatan sekarang', cell: (c) => <>{c.fullName}<br /><span className="muted">{c.positionName ?? '—'}</span></> },
                { header: 'Kesiapan', cell: (c) => labels[c.readiness as keyof typeof labels] ?? c.readiness, width: '24mm' },
                { header: 'Catatan', cell: (c) => c.notes ?? '', width: '40mm' },
              ]}
              rows={p.candidates}
            />
          </div>
        ))}
      </ReportSection>

      {data.overReliance.length > 0 && (
        <ReportSection title="Pegawai yang disebut di banyak rencana">
          <ReportTable
            label="Ketergantungan pada satu orang"
            columns={[
              { header: 'NIP', cell: (o: RencanaSuksesiData['overReliance'][number]) => formatNip(o.nip), width: '38mm' },
              { header: 'Nama', cell: (o) => o.fullName, width: '45mm' },
              { header: 'Rencana', cell: (o) => n(o.planCount), className: 'num', width: '16mm' },
              { header: 'Jabatan', cell: (o) => o.positions.join('; ') },
            ]}
            rows={data.overReliance}
          />
        </ReportSection>
      )}
    </>
  );
}
