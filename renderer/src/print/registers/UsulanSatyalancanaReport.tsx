import { formatNip } from '../../../../shared/domain/nip';
import type { UsulanSatyalancanaData, UsulanSatyalancanaPerson } from '../../../../shared/reports/usulan-satyalancana.report';
import { dateId, NoData, ReportSection, ReportTable, type ReportColumn } from '../parts';

// Usulan Satyalancana Karya Satya: the nominative list of the year's proposal, then the blocked with the reason.

const columns = (last: ReportColumn<UsulanSatyalancanaPerson>): ReportColumn<UsulanSatyalancanaPerson>[] => [
  { header: 'No.', cell: (_p, i) => i + 1, className: 'num', width: '8mm' },
  { header: 'Nama / NIP', cell: (p) => <><div>{p.fullName}</div><div className="nowrap">{formatNip(p.nip)}</div></>, width: '46mm' },
  { header: 'Pangkat/gol.', cell: (p) => p.golongan ?? '—', width: '30mm' },
  { header: 'TMT CPNS', cell: (p) => dateId(p.cpnsTmt), className: 'nowrap', width: '24mm' },
  { header: 'Tanda kehormatan', cell: (p) => <><div>{p.classLabel}</div>{p.proposeWith && <div className="muted">bersama {p.proposeWith}</div>}</> },
  { header: 'Masa kerja tercapai', cell: (p) => dateId(p.reachedOn), className: 'nowrap', width: '24mm' },
  last,
];

export function UsulanSatyalancanaReport({ data }: { data: UsulanSatyalancanaData }) {
  return (
    <>
      <ReportSection title="Diusulkan">
        {data.eligible.length > 0
          ? <ReportTable label="Usulan Satyalancana Karya Satya" rows={data.eligible}
              columns={columns({ header: 'Jabatan / unit kerja', cell: (p) => <><div>{p.positionName ?? '—'}</div><div className="muted">{p.unitName ?? ''}</div></> })} />
          : <NoData title="Tidak ada" message={`Tidak ada PNS yang memenuhi syarat pada tahun ${data.year}.`} />}
      </ReportSection>
      <ReportSection title="Mencapai masa kerja, terhalang">
        {data.blocked.length > 0
          ? <ReportTable label="Satyalancana terhalang" rows={data.blocked} columns={columns({ header: 'Alasan', cell: (p) => p.reasons })} />
          : <NoData title="Tidak ada" message="Tidak ada yang terhalang hukuman disiplin atau cuti di luar tanggungan negara." />}
      </ReportSection>
    </>
  );
}
