import { formatNip } from '../../../../shared/domain/nip';
import type { DukData, DukRow } from '../../../../shared/reports/duk.report';
import { dateId, n, ReportSection, ReportTable, type ReportColumn } from '../parts';

const COLUMNS: ReportColumn<DukRow>[] = [
  { header: 'No.', cell: (r) => r.rank, className: 'num', width: '8mm' },
  {
    header: 'Nama / NIP / lahir', width: '42mm',
    cell: (r) => <><div>{r.fullName}</div><div className="nowrap">{formatNip(r.nip)}</div><div className="muted">{[r.birthPlace, dateId(r.birthDate)].filter(Boolean).join(', ')}</div></>,
  },
  { header: 'Pangkat, gol. / TMT', cell: (r) => <><div>{r.pangkat ?? '—'}{r.golongan ? ` (${r.golongan})` : ''}</div><div className="muted">{dateId(r.golonganTmt)}</div></>, width: '20mm' },
  { header: 'Jabatan / TMT', cell: (r) => <><div>{r.positionName ?? '—'}</div><div className="muted">{r.positionTmt ? dateId(r.positionTmt) : ''}</div></> },
  { header: 'Masa kerja', cell: (r) => (r.serviceYears === null ? '—' : `${n(r.serviceYears)} th ${n(r.serviceMonths ?? 0)} bl`), width: '13mm' },
  { header: 'Latihan jabatan', cell: (r) => (r.leadershipTraining ? <>{r.leadershipTraining}<div className="muted">{r.leadershipYear ?? ''}</div></> : '—'), width: '14mm' },
  { header: 'Pendidikan', cell: (r) => (r.education ? <>{r.education}<div className="muted">{r.educationYear ?? ''}</div></> : '—'), width: '15mm' },
  { header: 'Urutan oleh', cell: (r) => r.decidedBy ?? '—', width: '15mm' },
];

export function DukReport({ data }: { data: DukData }) {
  const m = data.missing;
  const notes = [
    m.leadership > 0 && `${n(m.leadership)} pegawai tanpa catatan diklat kepemimpinan (PKP, PKA, PKN) di Jenjang: untuk mereka latihan jabatan dihitung belum ada; catat diklatnya di profil agar urutannya tepat.`,
    m.golonganTmt > 0 && `${n(m.golonganTmt)} pegawai tanpa TMT golongan.`,
    m.position > 0 && `${n(m.position)} pegawai tanpa jabatan.`,
    m.cpnsTmt > 0 && `${n(m.cpnsTmt)} pegawai tanpa TMT CPNS (masa kerja tidak dapat dihitung).`,
    m.education > 0 && `${n(m.education)} pegawai tanpa data pendidikan.`,
  ].filter((x): x is string => Boolean(x));
  return (
    <>
      <ReportSection title="Catatan data">
        <p className="report-note">
          Urutan menurut PP 15/1979. Masa kerja dihitung dari TMT CPNS; masa kerja sebelum CPNS yang diakui (peninjauan masa kerja)
          tidak tercatat di Jenjang. Data yang kosong tidak pernah menang pada kriterianya.
        </p>
        {notes.length > 0 ? <ul className="report-notes">{notes.map((t) => <li key={t}>{t}</li>)}</ul> : <p className="report-note">Semua kriteria terisi untuk setiap pegawai.</p>}
      </ReportSection>
      <ReportSection title="Daftar urut kepangkatan">
        <ReportTable label="Daftar urut kepangkatan" columns={COLUMNS} rows={data.rows} />
      </ReportSection>
    </>
  );
}
