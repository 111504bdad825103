import type { ReactNode } from 'react';
import { educationLabel } from '../../../../shared/domain/education';
import { genderLabel } from '../../../../shared/domain/employee-status';
import { golonganWithPangkat } from '../../../../shared/domain/golongan';
import { positionKindLabel, positionLevelLabel } from '../../../../shared/domain/position';
import { formatDateId, formatDurationMonthsId, formatYearMonthId } from '../../../../shared/format/id-format';
import type { EmployeeProfile } from '../../../../shared/schemas/employees';
import { useApi } from '../../api/hooks';
import { href, navigate, useRoute } from '../../app/router';
import { useCan, useMayPrint, useSession } from '../../app/session';
import { ErrorBanner, Loading } from '../../components/feedback';
import { Card } from '../../components/layout';
import { Nip, StatusBadge } from '../../components/labels';
import { PROFILE_TABS } from './profile-tabs';

export function ProfilePage({ id }: { id: number }) {
  const canWrite = useCan('employees:write');
  const canReport = useMayPrint('profil-pegawai');
  const session = useSession();
  const tabs = PROFILE_TABS.filter((t) => !t.permission || !!session?.permissions.includes(t.permission));
  const route = useRoute();
  const profile = useApi('employees:get', { id }, ['employees']);
  const tab = route.query.get('tab') ?? 'identitas';

  if (profile.error) {
    return (
      <div className="page">
        <ErrorBanner error={profile.error} onRetry={profile.reload} />
        <a href={href('/pegawai')}>← Kembali ke daftar pegawai</a>
      </div>
    );
  }
  if (!profile.data) return <div className="page"><Loading /></div>;
  const p = profile.data;
  const active = tabs.find((t) => t.key === tab) ?? tabs[0];

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Jejak"><a href={href('/pegawai')}>Pegawai</a> <span aria-hidden>›</span> {p.fullName}</nav>
      <header className="profile-header">
        <div>
          <h1 data-testid="profile-name">{p.fullName}</h1>
          <p className="profile-sub">
            <Nip value={p.nip} /> · {p.position?.name ?? 'Jabatan belum diisi'} · {p.unit?.path.map((u) => u.name).reverse().join(', ') ?? 'Unit belum diisi'}
          </p>
          <p className="profile-sub"><StatusBadge status={p.status} /> <span className="badge">{p.employmentType}</span>{p.position?.isKey && <span className="badge badge-key">Jabatan kritikal</span>}</p>
        </div>
        <div className="report-actions">
          {canReport && <a className="button" href={href(`/laporan/profil-pegawai?nip=${p.nip}`)}>Cetak profil</a>}
          {canWrite && <button type="button" className="button button-primary" onClick={() => navigate(`/pegawai/${p.id}/ubah`)}>Ubah data</button>}
        </div>
      </header>

      {(p.nipCheck.mismatches.length > 0 || !p.nipCheck.valid || p.warnings.length > 0) && (
        <div className="banner banner-warning" role="status" data-testid="profile-warnings">
          <strong>Perlu diperiksa:</strong>
          <ul>
            {!p.nipCheck.valid && p.nipCheck.problems.map((m) => <li key={m}>{m}</li>)}
            {p.nipCheck.mismatches.map((m) => <li key={m.field}>{m.message}</li>)}
            {p.warnings.map((w) => <li key={w.path + w.message}>{w.message}</li>)}
          </ul>
        </div>
      )}

      <div className="tabs" role="tablist" aria-label="Bagian profil">
        {tabs.map((t) => (
          <a key={t.key} role="tab" aria-selected={t.key === active.key} className={`tab${t.key === active.key ? ' is-active' : ''}`}
            href={href(`/pegawai/${p.id}?tab=${t.key}`)}>{t.label}</a>
        ))}
      </div>
      <section role="tabpanel" aria-label={active.label} className="tab-panel">
        {active.key === 'identitas' ? <IdentityTab p={p} /> : active.render(p)}
      </section>
    </div>
  );
}

function IdentityTab({ p }: { p: EmployeeProfile }) {
  const pensionLeft = p.status === 'active' ? formatDurationMonthsId(p.retirement.monthsLeft) : null;
  return (
    <div className="cards">
      <Card title="Identitas">
        <Row label="NIP"><Nip value={p.nip} />{p.nipLama && <span className="muted"> (NIP lama {p.nipLama})</span>}</Row>
        <Row label="Nama">{p.fullName}</Row>
        <Row label="Tempat, tanggal lahir">{[p.birthPlace, formatDateId(p.birthDate)].filter(Boolean).join(', ')} <span className="muted">({p.ageYears} tahun)</span></Row>
        <Row label="Jenis kelamin">{genderLabel(p.gender)}</Row>
        <Row label="Telepon">{p.phone ?? '—'}</Row>
        <Row label="E-mail" title={p.email ?? undefined}>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : '—'}</Row>
      </Card>
      <Card title="Menurut NIP">
        {p.nipCheck.valid ? (
          <>
            <Row label="Tanggal lahir" flag={p.nipCheck.mismatches.some((m) => m.field === 'birthDate')}>{formatDateId(p.nipCheck.birthDate)}</Row>
            <Row label="Pengangkatan CPNS" flag={p.nipCheck.mismatches.some((m) => m.field === 'cpnsTmt')}>{formatYearMonthId(p.nipCheck.cpnsYearMonth)}</Row>
            <Row label="Jenis kelamin" flag={p.nipCheck.mismatches.some((m) => m.field === 'gender')}>{genderLabel(p.nipCheck.gender)}</Row>
            <p className={p.nipCheck.mismatches.length ? 'text-warning' : 'text-ok'} data-testid="nip-check">
              {p.nipCheck.mismatches.length ? `${p.nipCheck.mismatches.length} data tidak cocok dengan NIP` : 'Cocok dengan data tersimpan'}
            </p>
          </>
        ) : <p className="text-warning">NIP tidak valid: {p.nipCheck.problems.join(' ')}</p>}
      </Card>
      <Card title="Kepegawaian">
        <Row label="Jenis pegawai">{p.employmentType}</Row>
        <Row label="TMT CPNS/PPPK">{formatDateId(p.cpnsTmt) || '—'}{p.serviceMonths !== null && <span className="muted"> (masa kerja {formatDurationMonthsId(p.serviceMonths)})</span>}</Row>
        {p.pnsTmt && <Row label="TMT PNS">{formatDateId(p.pnsTmt)}</Row>}
        <Row label="Pangkat, golongan">{golonganWithPangkat(p.golongan) || '—'}</Row>
        <Row label="TMT golongan">{formatDateId(p.golonganTmt) || '—'}{p.monthsInRank !== null && <span className="muted"> ({formatDurationMonthsId(p.monthsInRank)})</span>}</Row>
        <Row label="Status">{<StatusBadge status={p.status} />}{p.statusDate && <span className="muted"> sejak {formatDateId(p.statusDate)}</span>}</Row>
      </Card>
      <Card title="Jabatan">
        <Row label="Jabatan">{p.position?.name ?? '—'}</Row>
        <Row label="Jenis / jenjang">{p.position ? `${positionKindLabel(p.position.kind)} · ${positionLevelLabel(p.position.level)}${p.position.eselon ? ` · Eselon ${p.position.eselon}` : ''}` : '—'}</Row>
        <Row label="TMT jabatan">{formatDateId(p.positionTmt) || '—'}{p.monthsInPosition !== null && <span className="muted"> ({formatDurationMonthsId(p.monthsInPosition)})</span>}</Row>
        <Row label="Unit kerja">{p.unit?.path.map((u) => u.name).join(' › ') ?? '—'}</Row>
      </Card>
      <Card title="Pendidikan">
        <Row label="Tingkat">{educationLabel(p.educationLevel) || '—'}</Row>
        <Row label="Jurusan">{p.educationMajor ?? '—'}</Row>
        <Row label="Sekolah/PT">{p.educationInstitution ?? '—'}{p.educationYear && <span className="muted"> (lulus {p.educationYear})</span>}</Row>
      </Card>
      <Card title="Pensiun">
        <Row label="TMT pensiun"><strong data-testid="retirement-date">{formatDateId(p.retirement.date)}</strong></Row>
        <Row label="Dasar">{p.retirement.basis}</Row>
        {pensionLeft && <Row label="Sisa masa kerja">{pensionLeft}</Row>}
      </Card>
      {p.notes && <Card title="Catatan"><p className="pre-wrap">{p.notes}</p></Card>}
    </div>
  );
}

function Row({ label, children, flag, title }: { label: string; children: ReactNode; flag?: boolean; title?: string }) {
  return (
    <div className={`kv${flag ? ' is-flagged' : ''}`}>
      <div className="kv-label">{label}</div>
      <div className="kv-value" title={title}>{children}{flag && <span className="flag" title="Tidak cocok dengan data tersimpan"> ⚠ tidak cocok</span>}</div>
    </div>
  );
}
