import type { ComponentType } from 'react';
import { educationLabel } from '../../../../shared/domain/education';
import { employeeStatusLabel, genderLabel } from '../../../../shared/domain/employee-status';
import { golonganByCode, golonganWithPangkat } from '../../../../shared/domain/golongan';
import { formatNip } from '../../../../shared/domain/nip';
import { positionKindLabel, positionLevelLabel } from '../../../../shared/domain/position';
import { formatDurationMonthsId } from '../../../../shared/format/id-format';
import { PROFILE_REPORT_SECTIONS, PROFILE_SECTION_KEYS, rankKindLabel, type ProfilPegawaiData, type ProfileSectionKey } from '../../../../shared/reports/profil-pegawai.report';
import { LineChart } from '../../components/charts';
import { dateId, KeyValueTable, NoData, ReportSection, ReportTable } from '../parts';
import { PROFILE_SECTION_VIEWS } from './sections';

export function ProfilPegawaiReport({ data, printedOn }: { data: ProfilPegawaiData; printedOn: string }) {
  const e = data.employee;
  const since = (months: number | null) => (months === null ? '' : ` (${formatDurationMonthsId(months)})`);
  return (
    <>
      <ReportSection title="Identitas">
        <KeyValueTable label="Identitas pegawai" rows={[
          ['Nama', <strong key="n">{e.fullName}</strong>],
          ['NIP', `${formatNip(e.nip)}${e.nipLama ? ` (NIP lama ${e.nipLama})` : ''}`],
          ['Tempat, tanggal lahir', `${[e.birthPlace, dateId(e.birthDate)].filter(Boolean).join(', ')} (${e.ageYears} tahun)`],
          ['Jenis kelamin', genderLabel(e.gender)],
          ['Jenis pegawai, status', `${e.employmentType}, ${employeeStatusLabel(e.status).toLowerCase()}${e.statusDate ? ` sejak ${dateId(e.statusDate)}` : ''}`],
          ['Pendidikan terakhir', [educationLabel(e.educationLevel), e.educationMajor, e.educationInstitution, e.educationYear ? `lulus ${e.educationYear}` : null].filter(Boolean).join(', ')],
        ]} />
      </ReportSection>

      <ReportSection title="Kepegawaian">
        <KeyValueTable label="Data kepegawaian" rows={[
          ['Pangkat, golongan', `${golonganWithPangkat(e.golongan) || '—'}${e.golonganTmt ? `, TMT ${dateId(e.golonganTmt)}${since(e.monthsInRank)}` : ''}`],
          ['Jabatan', e.position?.name ?? '—'],
          ['Jenis, jenjang jabatan', e.position ? `${positionKindLabel(e.position.kind)}, ${positionLevelLabel(e.position.level)}${e.position.eselon ? `, eselon ${e.position.eselon}` : ''}${e.position.isKey ? ' (jabatan kritikal)' : ''}` : '—'],
          ['TMT jabatan', e.positionTmt ? `${dateId(e.positionTmt)}${since(e.monthsInPosition)}` : '—'],
          ['Unit kerja', e.unit ? e.unit.path.map((u) => u.name).join(' › ') : '—'],
          ['TMT CPNS/PPPK', e.cpnsTmt ? `${dateId(e.cpnsTmt)}${e.serviceMonths !== null ? ` (masa kerja ${formatDurationMonthsId(e.serviceMonths)})` : ''}` : '—'],
          ['TMT pensiun', `${dateId(e.retirement.date)}; ${e.retirement.basis}${e.status === 'active' ? `; sisa ${formatDurationMonthsId(e.retirement.monthsLeft)}` : ''}`],
        ]} />
      </ReportSection>

      <ReportSection title="Riwayat Pangkat">
        {data.ranks.length === 0 ? <NoData title="Belum ada data" message="Riwayat pangkat pegawai ini belum tercatat." /> : (
          <>
            <RankChart data={data} printedOn={printedOn} />
            <ReportTable label="Riwayat pangkat" rows={data.ranks} columns={[
              { header: 'TMT', cell: (r) => dateId(r.tmt), className: 'nowrap', width: '26mm' },
              { header: 'Pangkat, golongan', cell: (r) => golonganWithPangkat(r.golongan) },
              { header: 'Jenis kenaikan', cell: (r) => rankKindLabel(r.kind) || '—' },
              { header: 'Nomor SK', cell: (r) => r.skNumber ?? '—' },
            ]} />
          </>
        )}
      </ReportSection>

      <ReportSection title="Riwayat Jabatan">
        {data.positions.length === 0 ? <NoData title="Belum ada data" message="Riwayat jabatan pegawai ini belum tercatat." /> : (
          <ReportTable label="Riwayat jabatan" rows={data.positions} columns={[
            { header: 'TMT', cell: (p) => dateId(p.tmt), className: 'nowrap', width: '24mm' },
            { header: 'Sampai', cell: (p) => (p.endDate ? dateId(p.endDate) : 'sekarang'), className: 'nowrap', width: '24mm' },
            { header: 'Jabatan', cell: (p) => p.positionName },
            { header: 'Jenjang', cell: (p) => positionLevelLabel(p.positionLevel) || '—', width: '24mm' },
            { header: 'Unit kerja', cell: (p) => p.unitName ?? '—' },
            { header: 'Nomor SK', cell: (p) => p.skNumber ?? '—', width: '30mm' },
          ]} />
        )}
      </ReportSection>

      {PROFILE_SECTION_KEYS.map((key) => <CapabilitySection key={key} sectionKey={key} data={data} />)}
    </>
  );
}

/** A section filled by another capability: its view when there is data, its honest sentence when not. */
function CapabilitySection({ sectionKey, data }: { sectionKey: ProfileSectionKey; data: ProfilPegawaiData }) {
  const content = data.sections[sectionKey];
  const View = PROFILE_SECTION_VIEWS[sectionKey] as ComponentType<{ data: unknown }>;
  return (
    <ReportSection title={PROFILE_REPORT_SECTIONS[sectionKey].title}>
      {content.status === 'ready' ? <View data={content.data} /> : <NoData title="Belum ada data" message={content.message} />}
    </ReportSection>
  );
}

/** Golongan over time, as steps, up to the report date. */
function RankChart({ data, printedOn }: { data: ProfilPegawaiData; printedOn: string }) {
  const steps = [...data.ranks].sort((a, b) => a.tmt.localeCompare(b.tmt))
    .map((r) => ({ g: golonganByCode(r.golongan), x: yearFraction(r.tmt) }))
    .filter((s) => s.g !== null);
  if (steps.length < 2) return null;
  const points = steps.map((s) => ({ x: s.x, y: s.g!.rank }));
  points.push({ x: yearFraction(printedOn), y: points[points.length - 1].y });
  const labels = Object.fromEntries(steps.map((s) => [s.g!.rank, s.g!.label]));
  return <LineChart print step numericX ariaLabel="Perjalanan pangkat" data={points} xKey="x" series={[{ key: 'y', label: 'Golongan', color: '#1d6f8c' }]} yLabels={labels} height={170} />;
}

function yearFraction(iso: string): number {
  return Number(iso.slice(0, 4)) + (Number(iso.slice(5, 7)) - 1) / 12;
}
