import { formatNip } from '../../../../shared/domain/nip';
import type { UsulanKenaikanPangkatData, UsulanKenaikanPangkatPerson } from '../../../../shared/reports/usulan-kenaikan-pangkat.report';
import { dateId, NoData, ReportSection, ReportTable, type ReportColumn } from '../parts';

// Usulan Kenaikan Pangkat: the eligible of every kind with the rule behind each, then the blocked with the reasons.

const columns = (last: ReportColumn<UsulanKenaikanPangkatPerson>): ReportColumn<UsulanKenaikanPangkatPerson>[] => [
  { header: 'No.', cell: (_p, i) => i + 1, className: 'num', width: '8mm' },
  { header: 'Nama / NIP', cell: (p) => <><div>{p.fullName}</div><div className="nowrap">{formatNip(p.nip)}</div></>, width: '44mm' },
  { header: 'Pangkat lama (TMT)', cell: (p) => <><div>{p.golongan}</div><div className="muted">{dateId(p.golonganTmt)}</div></>, width: '32mm' },
  { header: 'Pangkat baru', cell: (p) => p.targetGolongan, width: '28mm' },
  { header: 'Jenis KP', cell: (p) => p.kind, width: '26mm' },
  { header: 'Jabatan / unit kerja', cell: (p) => <><div>{p.positionName ?? '—'}</div><div className="muted">{p.unitName ?? ''}</div></> },
  last,
];

export function UsulanKenaikanPangkatReport({ data }: { data: UsulanKenaikanPangkatData }) {
  return (
    <>
      <ReportSection title="Memenuhi syarat">
        {data.eligible.length > 0
          ? <ReportTable label="Usulan kenaikan pangkat" rows={data.eligible} columns={columns({ header: 'Dasar / SKP', cell: (p) => <><div>{p.basis}</div><div className="muted">{p.skp}</div></> })} />
          : <NoData title="Tidak ada" message={`Tidak ada PNS yang memenuhi syarat kenaikan pangkat periode ${dateId(data.period)}.`} />}
      </ReportSection>
      <ReportSection title="Belum memenuhi syarat">
        {data.blocked.length > 0
          ? <ReportTable label="Kenaikan pangkat belum memenuhi syarat" rows={data.blocked} columns={columns({ header: 'Alasan', cell: (p) => p.reasons })} />
          : <NoData title="Tidak ada" message="Semua kandidat periode ini memenuhi syarat." />}
      </ReportSection>
    </>
  );
}
