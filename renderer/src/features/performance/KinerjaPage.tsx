import { useEffect, useState } from 'react';
import { predikatLabel } from '../../../../shared/domain/skp';
import { formatNumberId } from '../../../../shared/format/id-format';
import { FOLLOW_UP_STATUSES } from '../../../../shared/schemas/performance';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { href, type Route } from '../../app/router';
import { BarChart, LineChart } from '../../components/charts';
import { ChartCard, ExportXlsxButton } from '../../components/data-view';
import { Dialog, EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { Nip } from '../../components/labels';
import { Pager } from '../../components/pager';
import { PopulationFilter, usePopulation, type Population } from '../../components/population-filter';
import { CATEGORIES, categoryLabel } from './skp-labels';

/** Kinerja: predikat distribution per year and unit, trends, follow-ups and completeness. */
export function KinerjaPage(_props: { route: Route }) {
  const years = useApi('performance:years', {}, ['performance']);
  const [year, setYear] = useState<number | null>(null);
  const filter = usePopulation();
  useEffect(() => {
    if (year === null && years.data?.latest) setYear(years.data.latest);
  }, [years.data, year]);

  if (years.error) return <div className="page"><ErrorBanner error={years.error} onRetry={years.reload} /></div>;
  if (!years.data) return <div className="page"><Loading /></div>;
  if (years.data.years.length === 0) {
    return (
      <div className="page">
        <h1>Kinerja</h1>
        <EmptyState title="Belum ada data SKP">Catat SKP di profil pegawai (tab Kinerja) atau impor berkas SKP melalui Impor Data.</EmptyState>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>Kinerja</h1>
      <p className="muted">Riwayat SKP tahunan pegawai aktif. Sejak 2022: predikat dari rating hasil kerja dan perilaku kerja (PermenPANRB 6/2022); sebelumnya: nilai PP 46/2011, ditampilkan dengan sebutannya sendiri.</p>
      <PopulationFilter state={filter} years={years.data.years} year={year} onYear={setYear} />
      {year !== null && <Dashboards year={year} population={filter.population} />}
    </div>
  );
}

function Dashboards({ year, population }: { year: number; population: Population }) {
  const dist = useApi('performance:distribution', population, ['performance', 'employees']);
  const [share, setShare] = useState(true);
  const [drill, setDrill] = useState<{ year: number; category: string } | null>(null);
  if (dist.error) return <ErrorBanner error={dist.error} onRetry={dist.reload} />;
  if (!dist.data) return <Loading />;
  const { years, units } = dist.data;
  const used = CATEGORIES.filter((c) => years.some((y) => (y.counts[c.key] ?? 0) > 0));
  const pct = (n: number, total: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);
  const yearRows = years.map((y) => ({ year: String(y.year), total: y.total, ...Object.fromEntries(used.map((c) => [c.key, share ? pct(y.counts[c.key] ?? 0, y.total) : y.counts[c.key] ?? 0])) }));
  // The share of the top grade moves from year to year; "Baik or better" sits near 100 % and says little.
  const goodShare = (counts: Record<string, number>, total: number) => pct((counts.sangat_baik ?? 0) + (counts['legacy:Sangat Baik'] ?? 0), total);
  const trendUnits = [...units].sort((a, b) => (b.years.at(-1)?.total ?? 0) - (a.years.at(-1)?.total ?? 0)).slice(0, 6);
  const trendRows = years.map((y, i) => ({
    year: String(y.year), Semua: goodShare(y.counts, y.total),
    ...Object.fromEntries(trendUnits.map((u) => [u.unitName, u.years[i].total ? goodShare(u.years[i].counts, u.years[i].total) : null])),
  }));
  const unitRows = units.map((u) => {
    const y = u.years.find((x) => x.year === year);
    return { unit: u.unitName, total: y?.total ?? 0, ...Object.fromEntries(used.map((c) => [c.key, y ? (share ? pct(y.counts[c.key] ?? 0, y.total) : y.counts[c.key] ?? 0) : 0])) };
  }).filter((r) => r.total > 0);
  const colors = ['#1d6f8c', '#d97706', '#7c3aed', '#059669', '#dc2626', '#64748b'];
  const series = used.map((c) => ({ key: c.key, label: c.label, color: c.color }));
  const toggle = (
    <div className="segmented" role="group" aria-label="Skala">
      <button type="button" aria-pressed={share} className={share ? 'is-on' : ''} onClick={() => setShare(true)}>Persentase</button>
      <button type="button" aria-pressed={!share} className={!share ? 'is-on' : ''} onClick={() => setShare(false)}>Jumlah</button>
    </div>
  );
  const countTable = (title: string, first: { key: string; header: string }, rows: Array<Record<string, string | number | null>>) => ({
    title, subtitle: [share ? 'Persentase pegawai per kategori' : 'Jumlah pegawai per kategori'],
    columns: [first, ...used.map((c) => ({ key: c.key, header: c.label, type: share ? ('percent' as const) : ('integer' as const) })), { key: 'total', header: 'Pegawai dinilai', type: 'integer' as const }],
    rows,
  });

  return (
    <div className="stack">
      <div className="cards cards-2">
        <ChartCard
          title="Sebaran predikat per tahun"
          actions={toggle}
          table={countTable('Sebaran predikat per tahun', { key: 'year', header: 'Tahun' }, yearRows)}
          chart={
            <BarChart stacked percentScale={share} height={300} testId="predikat-chart" ariaLabel="Sebaran predikat SKP per tahun"
              data={yearRows} categoryKey="year" series={series}
              onSelect={(row, category) => setDrill({ year: Number(row.year), category })} />
          }
        />
        <ChartCard
          title="Tren persentase Sangat Baik per unit"
          table={{
            title: 'Tren persentase Sangat Baik', subtitle: ['Predikat Sangat Baik (sebelum 2022: sebutan Sangat Baik PP 46/2011), persen pegawai yang dinilai'],
            columns: [{ key: 'unit', header: 'Unit kerja' }, ...years.map((y) => ({ key: String(y.year), header: String(y.year), type: 'percent' as const }))],
            rows: [
              { unit: 'Semua', ...Object.fromEntries(years.map((y) => [String(y.year), goodShare(y.counts, y.total)])) },
              ...units.map((u) => ({ unit: u.unitName, ...Object.fromEntries(u.years.map((y) => [String(y.year), y.total ? goodShare(y.counts, y.total) : null])) })),
            ],
          }}
          chart={
            <LineChart percentScale height={300} ariaLabel="Tren persentase Sangat Baik per unit" data={trendRows} xKey="year" emphasise="Semua"
              series={[{ key: 'Semua', label: 'Semua', color: '#14303d' }, ...trendUnits.map((u, i) => ({ key: u.unitName, label: u.unitName, color: colors[i] }))]} />
          }
        />
      </div>
      <ChartCard
        title={`Perbandingan unit kerja, ${year}`}
        actions={toggle}
        table={countTable(`Sebaran predikat per unit kerja ${year}`, { key: 'unit', header: 'Unit kerja' }, unitRows)}
        chart={
          <BarChart stacked layout="rows" percentScale={share} ariaLabel={`Sebaran predikat per unit kerja ${year}`} testId="unit-predikat-chart"
            data={unitRows} categoryKey="unit" series={series} />
        }
      />
      <div className="cards cards-2">
        <FollowUps year={year} population={population} />
        <WithoutSkp year={year} population={population} />
      </div>
      {drill && <CategoryDialog {...drill} population={population} onClose={() => setDrill(null)} />}
    </div>
  );
}

function FollowUps({ year, population }: { year: number; population: Population }) {
  const [offset, setOffset] = useState(0);
  const list = useApi('performance:followUps', { ...population, year, offset, limit: 50 }, ['performance']);
  const toast = useToast();
  const setStatus = async (evaluationId: number, status: 'belum' | 'pembinaan' | 'selesai') => {
    try {
      await call('performance:setFollowUp', { evaluationId, status });
      toast('success', 'Status tindak lanjut disimpan.');
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <section className="card" aria-label="Butuh Perbaikan atau lebih rendah">
      <header className="card-header">
        <h2 className="card-title">Butuh Perbaikan atau lebih rendah, {year}</h2>
        {list.data && <ExportXlsxButton table={{
          title: `Tindak lanjut SKP ${year}`, columns: [{ key: 'nip', header: 'NIP' }, { key: 'name', header: 'Nama' }, { key: 'unit', header: 'Unit kerja' }, { key: 'predikat', header: 'Predikat' }, { key: 'status', header: 'Tindak lanjut' }],
          rows: list.data.rows.map((r) => ({ nip: r.nip, name: r.fullName, unit: r.unitName, predikat: predikatLabel(r.predikat), status: FOLLOW_UP_STATUSES.find((f) => f.code === r.followUpStatus)?.label ?? '' })),
        }} />}
      </header>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.data ? <Loading /> : list.data.total === 0 ? <p className="muted">Tidak ada pegawai dengan predikat di bawah Baik pada tahun ini.</p> : (
        <>
          <p className="muted">{formatNumberId(list.data.total)} pegawai</p>
          <table className="table table-compact" aria-label="Daftar tindak lanjut">
            <thead><tr><th>Nama</th><th>Predikat</th><th>Tindak lanjut</th></tr></thead>
            <tbody>
              {list.data.rows.map((r) => (
                <tr key={r.evaluationId}>
                  <td><a href={href(`/pegawai/${r.id}?tab=kinerja`)}>{r.fullName}</a><div className="muted">{r.unitName}</div></td>
                  <td>{predikatLabel(r.predikat)}</td>
                  <td>
                    <select aria-label={`Tindak lanjut ${r.fullName}`} value={r.followUpStatus ?? 'belum'} onChange={(e) => void setStatus(r.evaluationId, e.target.value as 'belum' | 'pembinaan' | 'selesai')}>
                      {FOLLOW_UP_STATUSES.map((f) => <option key={f.code} value={f.code}>{f.label}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} total={list.data.total} limit={50} onChange={setOffset} />
        </>
      )}
    </section>
  );
}

function WithoutSkp({ year, population }: { year: number; population: Population }) {
  const [offset, setOffset] = useState(0);
  const list = useApi('performance:withoutSkp', { ...population, year, offset, limit: 50 }, ['performance', 'employees']);
  return (
    <section className="card" aria-label="Tanpa SKP">
      <header className="card-header">
        <h2 className="card-title">Belum ada SKP tahunan {year}</h2>
        {list.data && <ExportXlsxButton table={{
          title: `Pegawai tanpa SKP ${year}`, columns: [{ key: 'nip', header: 'NIP' }, { key: 'name', header: 'Nama' }, { key: 'unit', header: 'Unit kerja' }, { key: 'last', header: 'SKP terakhir', type: 'integer' }],
          rows: list.data.rows.map((r) => ({ nip: r.nip, name: r.fullName, unit: r.unitName, last: r.lastSkpYear })),
        }} />}
      </header>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.data ? <Loading /> : (
        <>
          <p className={list.data.total ? 'text-warning' : 'text-ok'} data-testid="without-skp-count">
            {formatNumberId(list.data.total)} dari {formatNumberId(list.data.active)} pegawai aktif ({list.data.active ? formatNumberId((list.data.total / list.data.active) * 100, 1) : 0}%) belum memiliki SKP tahunan {year}.
          </p>
          {list.data.total > 0 && (
            <>
              <table className="table table-compact" aria-label="Pegawai tanpa SKP">
                <thead><tr><th>NIP</th><th>Nama</th><th>SKP terakhir</th></tr></thead>
                <tbody>
                  {list.data.rows.map((r) => (
                    <tr key={r.id}><td><Nip value={r.nip} /></td><td><a href={href(`/pegawai/${r.id}?tab=kinerja`)}>{r.fullName}</a><div className="muted">{r.unitName}</div></td><td>{r.lastSkpYear ?? '–'}</td></tr>
                  ))}
                </tbody>
              </table>
              <Pager offset={offset} total={list.data.total} limit={50} onChange={setOffset} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function CategoryDialog({ year, category, population, onClose }: { year: number; category: string; population: Population; onClose(): void }) {
  const [offset, setOffset] = useState(0);
  const list = useApi('performance:categoryEmployees', { ...population, year, category, offset, limit: 100 });
  const data: ResponseOf<'performance:categoryEmployees'> | undefined = list.data;
  return (
    <Dialog title={`${categoryLabel(category)} · ${year}`} onClose={onClose} wide footer={<button type="button" className="button" onClick={onClose}>Tutup</button>}>
      <ErrorBanner error={list.error} />
      {!data ? <Loading /> : (
        <>
          <p className="muted">{formatNumberId(data.total)} pegawai aktif</p>
          <table className="table table-compact" aria-label="Pegawai pada kategori ini">
            <thead><tr><th>NIP</th><th>Nama</th><th>Jabatan</th><th>Nilai</th></tr></thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.evaluationId}>
                  <td><Nip value={r.nip} /></td><td><a href={href(`/pegawai/${r.id}?tab=kinerja`)}>{r.fullName}</a></td>
                  <td>{r.positionName}<div className="muted">{r.unitName}</div></td>
                  <td>{r.predikat ? predikatLabel(r.predikat) : `${formatNumberId(r.legacyScore)} (${r.legacyLabel})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} total={data.total} limit={100} onChange={setOffset} />
        </>
      )}
    </Dialog>
  );
}
