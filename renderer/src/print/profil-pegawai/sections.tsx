// The sections of the profile report other capabilities fill (mirror of PROFILE_SECTION_LOADERS in
// main/reports/loaders/profil-pegawai.loader.ts): SKP history, competency profile, training hours.

import type { ComponentType } from 'react';
import { trainingTypeLabel } from '../../../../shared/domain/development';
import { performanceRank, periodLabel, predikatLabel, ratingLabel } from '../../../../shared/domain/skp';
import { formatNumberId } from '../../../../shared/format/id-format';
import type { ProfileSectionData, ProfileSectionKey } from '../../../../shared/reports/profil-pegawai.report';
import { LineChart } from '../../components/charts';
import { dateId, n, ReportTable } from '../parts';

// Legacy sebutan sit on the same five steps (Cukup with Butuh Perbaikan, Buruk with Sangat Kurang); the table says which.
const RANK_LABELS = { 5: 'Sangat Baik', 4: 'Baik', 3: 'Butuh Perbaikan', 2: 'Kurang', 1: 'Sangat Kurang' };

function KinerjaSection({ data }: { data: ProfileSectionData<'kinerja'> }) {
  const annual = data.evaluations.filter((e) => e.period === 'tahunan').sort((a, b) => a.year - b.year);
  const points = annual.map((e) => ({ x: e.year, y: performanceRank(e.predikat, e.legacyLabel) })).filter((p): p is { x: number; y: number } => p.y !== null);
  type Row = ProfileSectionData<'kinerja'>['evaluations'][number];
  return (
    <>
      {data.warnings.map((w) => <p key={w} className="report-warning">{w}</p>)}
      {points.length >= 2 && <LineChart print step numericX ariaLabel="Predikat SKP tahunan per tahun" data={[...points, { x: points[points.length - 1].x + 1, y: points[points.length - 1].y }]} xKey="x" series={[{ key: 'y', label: 'Predikat', color: '#1d6f8c' }]} yLabels={RANK_LABELS} height={170} />}
      <ReportTable
        label="Riwayat SKP"
        columns={[
          { header: 'Tahun', cell: (e: Row) => String(e.year), width: '14mm' },
          { header: 'Periode', cell: (e) => periodLabel(e.period), width: '24mm' },
          { header: 'Hasil kerja', cell: (e) => ratingLabel(e.hasilKerja) || '—' },
          { header: 'Perilaku kerja', cell: (e) => ratingLabel(e.perilakuKerja) || '—' },
          { header: 'Predikat / nilai', cell: (e) => (e.predikat ? predikatLabel(e.predikat) : e.legacyScore !== null ? `${formatNumberId(e.legacyScore, 2)} (${e.legacyLabel ?? ''}, PP 46/2011)` : e.legacyLabel ?? '—'), width: '44mm' },
        ]}
        rows={data.evaluations}
      />
    </>
  );
}

function KompetensiSection({ data }: { data: ProfileSectionData<'kompetensi'> }) {
  type Item = ProfileSectionData<'kompetensi'>['items'][number];
  const summary = data.jpm !== null
    ? `JPM ${formatNumberId(data.jpm, 1)}% — ${data.category ?? ''}${data.selection ? ` (${data.selection})` : ''}`
    : data.status === 'partial' ? `Asesmen belum lengkap: ${data.assessedCount} dari ${data.standardCount} kompetensi standar; JPM belum dihitung.`
      : 'Belum diasesmen terhadap standar kompetensi jabatannya; JPM belum dihitung (bukan nol).';
  return (
    <>
      <p><strong>{summary}</strong></p>
      <ReportTable
        label="Standar, capaian dan kesenjangan kompetensi"
        columns={[
          { header: 'Kompetensi', cell: (i: Item) => `${i.code} ${i.name}` },
          { header: 'Standar', cell: (i) => String(i.required), className: 'num', width: '16mm' },
          { header: 'Capaian', cell: (i) => (i.actual === null ? 'belum diasesmen' : String(i.actual)), className: 'num', width: '26mm' },
          { header: 'Kesenjangan', cell: (i) => (i.gap === null ? '—' : `${i.gap > 0 ? '+' : ''}${i.gap}`), className: 'num', width: '22mm' },
          { header: 'Tanggal asesmen', cell: (i) => dateId(i.assessedOn), width: '32mm' },
        ]}
        rows={data.items}
      />
    </>
  );
}

function DiklatSection({ data }: { data: ProfileSectionData<'diklat'> }) {
  type Record = ProfileSectionData<'diklat'>['records'][number];
  return (
    <>
      <p>
        Jam pelajaran per tahun (target {n(data.target)} JP):{' '}
        {data.years.length === 0 ? 'tidak ada dalam lima tahun terakhir.' : data.years.map((y) => `${y.year}: ${formatNumberId(y.jp, 0)} JP${y.meetsTarget ? '' : ' (di bawah target)'}`).join('; ')}
      </p>
      <ReportTable
        label="Riwayat diklat"
        columns={[
          { header: 'Kegiatan', cell: (r: Record) => <>{r.title}<br /><span className="muted">{trainingTypeLabel(r.type)}{r.provider ? ` · ${r.provider}` : ''}</span></> },
          { header: 'Tanggal', cell: (r) => (r.startDate === r.endDate ? dateId(r.endDate) : `${dateId(r.startDate)} – ${dateId(r.endDate)}`), width: '48mm' },
          { header: 'JP', cell: (r) => formatNumberId(r.jp, 0), className: 'num', width: '14mm' },
        ]}
        rows={data.records}
      />
    </>
  );
}

export const PROFILE_SECTION_VIEWS: { [K in ProfileSectionKey]: ComponentType<{ data: ProfileSectionData<K> }> } = {
  kinerja: KinerjaSection,
  kompetensi: KompetensiSection,
  diklat: DiklatSection,
};
