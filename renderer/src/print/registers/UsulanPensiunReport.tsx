import { formatNip } from '../../../../shared/domain/nip';
import { RETIREMENT_NOTICE_MONTHS } from '../../../../shared/domain/retirement-watch';
import type { UsulanPensiunData, UsulanPensiunPerson } from '../../../../shared/reports/usulan-pensiun.report';
import { dateId, n, NoData, ReportSection, ReportTable, type ReportColumn } from '../parts';

const columns = (note: (p: UsulanPensiunPerson) => string): ReportColumn<UsulanPensiunPerson>[] => [
  { header: 'No.', cell: (_p, i) => i + 1, className: 'num', width: '8mm' },
  { header: 'Nama / NIP', cell: (p) => <><div>{p.fullName}</div><div className="nowrap">{formatNip(p.nip)}</div></>, width: '46mm' },
  { header: 'Gol.', cell: (p) => p.golongan ?? '—', width: '10mm' },
  { header: 'Jabatan / unit kerja', cell: (p) => <><div>{p.positionName ?? '—'}</div><div className="muted">{p.unitName ?? ''}</div></> },
  { header: 'BUP', cell: (p) => p.bup, className: 'num', width: '9mm' },
  { header: 'TMT pensiun', cell: (p) => dateId(p.retirementDate), className: 'nowrap', width: '24mm' },
  { header: 'Ket.', cell: note, width: '20mm' },
];

const monthsLeft = (p: UsulanPensiunPerson) => (p.months === 0 ? 'kurang dari 1 bulan lagi' : `${n(p.months)} bulan lagi`);
const monthsPast = (p: UsulanPensiunPerson) => (p.months === 0 ? 'bulan ini' : `lewat ${n(p.months)} bulan`);

export function UsulanPensiunReport({ data }: { data: UsulanPensiunData }) {
  return (
    <>
      <ReportSection title={`Mencapai TMT pensiun dalam ${RETIREMENT_NOTICE_MONTHS} bulan`}>
        <p className="report-note">TMT pensiun sampai {dateId(data.until)}, urut menurut TMT pensiun: bahan usulan pensiun batas usia.</p>
        {data.upcoming.length > 0
          ? <ReportTable label="Pegawai yang mencapai TMT pensiun dalam 12 bulan" columns={columns(monthsLeft)} rows={data.upcoming} />
          : <NoData title="Tidak ada" message={`Tidak ada pegawai aktif yang mencapai TMT pensiun sampai ${dateId(data.until)}.`} />}
      </ReportSection>
      <ReportSection title="Sudah melewati TMT pensiun, masih tercatat aktif">
        <p className="report-note">Batas usia pensiunnya sudah tercapai: catat pemberhentiannya (status Pensiun), atau periksa tanggal lahir dan jabatannya.</p>
        {data.overdue.length > 0
          ? <ReportTable label="Pegawai yang sudah melewati TMT pensiun" columns={columns(monthsPast)} rows={data.overdue} />
          : <NoData title="Tidak ada" message="Tidak ada pegawai aktif yang sudah melewati TMT pensiunnya." />}
      </ReportSection>
    </>
  );
}
