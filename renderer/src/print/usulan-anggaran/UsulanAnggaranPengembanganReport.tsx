import { formatPercentId, formatRupiah } from '../../../../shared/format/id-format';
import type { UsulanAnggaranData, UsulanAnggaranItem, UsulanAnggaranOpd } from '../../../../shared/reports/usulan-anggaran-pengembangan.report';
import { KeyValueTable, n, ReportSection, ReportTable, type ReportColumn } from '../parts';

// Usulan Anggaran Pengembangan Kompetensi: the plan in figures, the proposal per perangkat daerah against its
// ceiling, then each perangkat daerah's activities: which need each answers, classes, participants and cost.

const opdColumns: ReportColumn<UsulanAnggaranOpd>[] = [
  { header: 'No.', cell: (_o, i) => i + 1, className: 'num', width: '8mm' },
  { header: 'Perangkat daerah', cell: (o) => o.opdName },
  { header: 'Pagu', cell: (o) => (o.ceiling === null ? '—' : formatRupiah(o.ceiling)), className: 'num nowrap', width: '32mm' },
  { header: 'Usulan biaya', cell: (o) => formatRupiah(o.cost), className: 'num nowrap', width: '32mm' },
  { header: 'Kebutuhan', cell: (o) => n(o.needsTotal), className: 'num', width: '20mm' },
  { header: 'Terpenuhi', cell: (o) => n(o.needsCovered), className: 'num', width: '20mm' },
];

const itemColumns: ReportColumn<UsulanAnggaranItem>[] = [
  { header: 'No.', cell: (_i, k) => k + 1, className: 'num', width: '8mm' },
  { header: 'Kegiatan / moda', cell: (i) => <><div>{i.title}</div><div className="muted">{i.modeLabel}</div></> },
  { header: 'Kebutuhan yang dijawab', cell: (i) => <><div>{i.needLabel}</div><div className="muted">{i.priorityLabel}</div></> },
  { header: 'Kelas', cell: (i) => n(i.classes), className: 'num', width: '12mm' },
  { header: 'Peserta', cell: (i) => n(i.participants), className: 'num', width: '14mm' },
  { header: 'JP', cell: (i) => n(i.jp), className: 'num', width: '10mm' },
  { header: 'Biaya', cell: (i) => formatRupiah(i.cost), className: 'num nowrap', width: '30mm' },
];

export function UsulanAnggaranPengembanganReport({ data }: { data: UsulanAnggaranData }) {
  const byOpd = new Map<string, UsulanAnggaranItem[]>();
  for (const item of data.items) byOpd.set(item.opdName, [...(byOpd.get(item.opdName) ?? []), item]);
  return (
    <>
      <ReportSection title="Ringkasan">
        <KeyValueTable label="Ringkasan usulan" rows={[
          ['Tahun rencana', String(data.year)],
          ['Anggaran', `${formatRupiah(data.budget)}${data.budgetFromCeilings ? ' (jumlah pagu perangkat daerah)' : ''}`],
          ['Usulan biaya', formatRupiah(data.cost)],
          ['Kebutuhan terpenuhi', `${n(data.needsCovered)} dari ${n(data.needsTotal)} kebutuhan`],
          ['Pegawai mencapai 20 JP', n(data.peopleReaching20Jp)],
          ['Bagian moda berbiaya rendah', formatPercentId(data.lowCostShare * 100)],
          ['Mutu penyelesaian', data.optimality],
          ['Bobot prioritas', data.weights.map((w) => `${w.label} ${n(w.weight)}`).join('; ')],
        ]} />
        {data.notes.map((note) => <p key={note} className="muted">{note}</p>)}
      </ReportSection>
      <ReportSection title="Usulan per perangkat daerah">
        <ReportTable label="Usulan per perangkat daerah" columns={opdColumns} rows={data.opds} />
      </ReportSection>
      {[...byOpd].map(([opd, items]) => (
        <ReportSection key={opd} title={`Rincian kegiatan: ${opd}`}>
          <ReportTable label={`Rincian kegiatan ${opd}`} columns={itemColumns} rows={items} />
        </ReportSection>
      ))}
    </>
  );
}
