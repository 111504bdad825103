import { formatNip } from '../../../../shared/domain/nip';
import type { DaftarNominatifData, NominativeRow } from '../../../../shared/reports/daftar-nominatif.report';
import { dateId, ReportSection, ReportTable, type ReportColumn } from '../parts';

const COLUMNS: ReportColumn<NominativeRow>[] = [
  { header: 'No.', cell: (_r, i) => i + 1, className: 'num', width: '8mm' },
  { header: 'Nama / NIP', cell: (r) => <><div>{r.fullName}</div><div className="nowrap">{formatNip(r.nip)}</div></>, width: '42mm' },
  { header: 'Lahir / L/P', cell: (r) => <><div>{r.birthPlace ?? ''}</div><div className="nowrap">{dateId(r.birthDate)}</div><div className="muted">{r.gender} · {r.employmentType}</div></>, width: '24mm' },
  { header: 'Gol. / TMT', cell: (r) => <><div>{r.golongan ?? '—'}</div><div className="muted nowrap">{r.golonganTmt ? dateId(r.golonganTmt) : ''}</div></>, width: '19mm' },
  { header: 'Jabatan / unit kerja', cell: (r) => <><div>{r.positionName ?? '—'}</div><div className="muted">{r.unitName ?? ''}</div></> },
  { header: 'Pendidikan', cell: (r) => (r.education ? <>{r.education}<div className="muted">{[r.educationMajor, r.educationYear].filter(Boolean).join(', ')}</div></> : '—'), width: '18mm' },
  { header: 'TMT pensiun', cell: (r) => <><div className="nowrap">{dateId(r.retirementDate)}</div>{r.status !== 'Aktif' && <div className="muted">{r.status}</div>}</>, width: '20mm' },
];

export function DaftarNominatifReport({ data }: { data: DaftarNominatifData }) {
  return (
    <ReportSection title="Daftar nominatif">
      <p className="report-note">Urut menurut perangkat daerah, unit kerja, jenjang jabatan (tertinggi dahulu), golongan dan nama.</p>
      <ReportTable label="Daftar nominatif pegawai" columns={COLUMNS} rows={data.rows} />
    </ReportSection>
  );
}
