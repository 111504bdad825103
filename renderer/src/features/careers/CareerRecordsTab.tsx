// The profile's "Administrasi Karier": hukuman disiplin (a running one said plainly, with its last day), KGB
// history, tugas/izin belajar (a structural official on tugas belajar past the limit flagged for release from the
// position), CLTN and tanda kehormatan. Read-only: the records come in through the import wizard.

import type { ReactNode } from 'react';
import { educationLabel } from '../../../../shared/domain/education';
import { golonganWithPangkat } from '../../../../shared/domain/golongan';
import { formatDateId, formatRupiah } from '../../../../shared/format/id-format';
import type { CareerRecords } from '../../../../shared/schemas/career-paths';
import { useApi } from '../../api/hooks';
import { ErrorBanner, Loading } from '../../components/feedback';
import './karier.css';

const orDash = (value: string | null | undefined) => (value ? value : '—');
const dateOrDash = (value: string | null) => (value ? formatDateId(value) : '—');

function Section({ title, empty, count, children }: { title: string; empty: string; count: number; children: ReactNode }) {
  return (
    <section className="card" aria-label={title}>
      <h2 className="card-title">{title}</h2>
      {count === 0 ? <p className="muted">{empty}</p> : children}
    </section>
  );
}

function disciplineStatus(r: CareerRecords['discipline'][number]): ReactNode {
  if (r.running) {
    return <span className="badge badge-waiting">{r.endDate ? `Sedang berjalan sampai ${formatDateId(r.endDate)}` : 'Sedang berjalan, tanpa akhir'}</span>;
  }
  return r.endDate ? `Berakhir ${formatDateId(r.endDate)}` : 'Tidak berjalan';
}

export function CareerRecordsTab({ employeeId }: { employeeId: number }) {
  const records = useApi('employees:careerRecords', { employeeId }, ['employees', 'careers']);
  if (records.error) return <ErrorBanner error={records.error} onRetry={records.reload} />;
  if (!records.data) return <Loading />;
  const data = records.data;
  const running = data.discipline.filter((r) => r.running);
  const releases = data.study.filter((r) => r.release);
  return (
    <div className="dev-stack career-records">
      {running.length > 0 && (
        <div className="banner banner-warning" role="status" data-testid="discipline-running">
          {running.map((r) => (
            <p key={r.id}>
              Sedang menjalani hukuman disiplin {r.categoryLabel.toLowerCase()} ({r.kindLabel.toLowerCase()})
              {r.endDate ? ` sampai ${formatDateId(r.endDate)}` : ''}.
            </p>
          ))}
        </div>
      )}
      {releases.length > 0 && (
        <div className="banner banner-warning" role="status" data-testid="study-release">
          {releases.map((r) => <p key={r.id}>{r.release}.</p>)}
        </div>
      )}

      <Section title="Hukuman disiplin" empty="Tidak ada catatan hukuman disiplin." count={data.discipline.length}>
        <table className="table table-compact" aria-label="Hukuman disiplin">
          <thead><tr><th>TMT</th><th>Tingkat</th><th>Jenis</th><th>Status</th><th>Nomor SK</th><th>Tanggal SK</th><th>Keterangan</th><th>Sumber</th></tr></thead>
          <tbody>
            {data.discipline.map((r) => (
              <tr key={r.id}>
                <td>{formatDateId(r.startDate)}</td><td>{r.categoryLabel}</td><td>{r.kindLabel}</td><td>{disciplineStatus(r)}</td>
                <td>{orDash(r.decreeNumber)}</td><td>{dateOrDash(r.decreeDate)}</td><td>{orDash(r.note)}</td><td>{r.sourceLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Riwayat kenaikan gaji berkala (KGB)" empty="Belum ada catatan KGB." count={data.kgb.length}>
        <table className="table table-compact" aria-label="Riwayat KGB">
          <thead><tr><th>TMT</th><th>Pangkat, golongan</th><th>Masa kerja golongan</th><th>Gaji pokok</th><th>Nomor SK</th><th>Tanggal SK</th><th>Sumber</th></tr></thead>
          <tbody>
            {data.kgb.map((r) => (
              <tr key={r.id}>
                <td>{formatDateId(r.tmt)}</td><td>{r.golongan === null ? '—' : golonganWithPangkat(r.golongan)}</td>
                <td>{r.mkgYears} tahun {r.mkgMonths} bulan</td><td>{r.salary === null ? '—' : formatRupiah(r.salary)}</td>
                <td>{orDash(r.decreeNumber)}</td><td>{dateOrDash(r.decreeDate)}</td><td>{r.sourceLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Tugas belajar dan izin belajar" empty="Belum ada catatan tugas belajar atau izin belajar." count={data.study.length}>
        <table className="table table-compact" aria-label="Tugas belajar dan izin belajar">
          <thead><tr><th>Dasar</th><th>Jenjang</th><th>Program studi</th><th>Perguruan tinggi</th><th>Mulai</th><th>Selesai</th><th>Status</th><th>Biaya</th><th>Sumber</th></tr></thead>
          <tbody>
            {data.study.map((r) => (
              <tr key={r.id}>
                <td>{r.basisLabel}</td><td>{educationLabel(r.level)}</td><td>{r.programme}</td><td>{r.institution}</td>
                <td>{formatDateId(r.startDate)}</td><td>{dateOrDash(r.endDate)}</td>
                <td>{r.statusLabel}{r.release && <> <span className="badge badge-waiting">Dibebaskan dari jabatan</span></>}</td>
                <td>{orDash(r.funding)}</td><td>{r.sourceLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Cuti di luar tanggungan negara (CLTN)" empty="Tidak ada catatan CLTN." count={data.cltn.length}>
        <table className="table table-compact" aria-label="CLTN">
          <thead><tr><th>Mulai</th><th>Sampai</th><th>Status</th><th>Nomor SK</th><th>Sumber</th></tr></thead>
          <tbody>
            {data.cltn.map((r) => (
              <tr key={r.id}>
                <td>{formatDateId(r.startDate)}</td><td>{r.endDate ? formatDateId(r.endDate) : 'belum berakhir'}</td>
                <td>{r.running ? <span className="badge badge-waiting">Sedang menjalani CLTN</span> : 'Selesai'}</td>
                <td>{orDash(r.decreeNumber)}</td><td>{r.sourceLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Tanda kehormatan" empty="Belum ada tanda kehormatan yang tercatat." count={data.honors.length}>
        <table className="table table-compact" aria-label="Tanda kehormatan">
          <thead><tr><th>Tanda kehormatan</th><th>Nomor keputusan</th><th>Tanggal keputusan</th><th>Sumber</th></tr></thead>
          <tbody>
            {data.honors.map((r) => (
              <tr key={r.id}><td>{r.label}</td><td>{orDash(r.decreeNumber)}</td><td>{dateOrDash(r.decreeDate)}</td><td>{r.sourceLabel}</td></tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}
