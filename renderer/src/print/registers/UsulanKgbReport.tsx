import { formatNip } from '../../../../shared/domain/nip';
import { kgbMonthsText, type UsulanKgbData, type UsulanKgbPerson } from '../../../../shared/reports/usulan-kgb.report';
import { dateId, n, NoData, ReportSection, ReportTable, type ReportColumn } from '../parts';

// Usulan KGB: the due per perangkat daerah, each group numbered from 1, then the held back with their reasons.

const columns = (last: ReportColumn<UsulanKgbPerson>): ReportColumn<UsulanKgbPerson>[] => [
  { header: 'No.', cell: (_p, i) => i + 1, className: 'num', width: '8mm' },
  { header: 'Nama / NIP', cell: (p) => <><div>{p.fullName}</div><div className="nowrap">{formatNip(p.nip)}</div></>, width: '46mm' },
  { header: 'Pangkat/gol.', cell: (p) => p.golongan, width: '30mm' },
  { header: 'Dasar', cell: (p) => p.basis },
  { header: 'TMT KGB', cell: (p) => dateId(p.dueDate), className: 'nowrap', width: '24mm' },
  { header: 'MKG baru', cell: (p) => `${n(p.mkgYearsAtDue)} tahun`, width: '16mm' },
  last,
];

const position: ReportColumn<UsulanKgbPerson> = { header: 'Jabatan / unit kerja', cell: (p) => <><div>{p.positionName ?? '—'}</div><div className="muted">{p.unitName ?? ''}</div></> };
const reasons: ReportColumn<UsulanKgbPerson> = { header: 'Alasan', cell: (p) => p.reasons };

export function UsulanKgbReport({ data }: { data: UsulanKgbData }) {
  const groups = new Map<string, UsulanKgbPerson[]>();
  for (const p of data.due) {
    const key = p.opdName ?? p.unitName ?? 'Tanpa unit kerja';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const months = kgbMonthsText(data.fromMonth, data.toMonth);
  return (
    <>
      {data.due.length === 0
        ? <ReportSection title="Memenuhi syarat"><NoData title="Tidak ada" message={`Tidak ada PNS yang memenuhi syarat KGB pada ${months}.`} /></ReportSection>
        : [...groups].map(([opd, people]) => (
          <ReportSection key={opd} title={opd}>
            <ReportTable label={`Usulan KGB ${opd}`} columns={columns(position)} rows={people} />
          </ReportSection>
        ))}
      <ReportSection title="Jatuh tempo, belum memenuhi syarat">
        {data.blocked.length > 0
          ? <ReportTable label="KGB belum memenuhi syarat" columns={columns(reasons)} rows={data.blocked} />
          : <NoData title="Tidak ada" message={`Semua yang jatuh tempo KGB pada ${months} memenuhi syarat.`} />}
      </ReportSection>
    </>
  );
}
