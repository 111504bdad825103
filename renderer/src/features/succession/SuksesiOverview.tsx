import { useMemo, useState } from 'react';
import { positionLevelLabel } from '../../../../shared/domain/position';
import { READINESS, RISK_LEVELS, riskLabel, type RiskLevel } from '../../../../shared/domain/succession';
import { formatDateId, formatNumberId } from '../../../../shared/format/id-format';
import type { ExportTable } from '../../../../shared/schemas/export';
import type { KeyPositionRow, SuccessionOverview } from '../../../../shared/schemas/succession';
import { useApi } from '../../api/hooks';
import { href, navigate } from '../../app/router';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { Card, StatGrid } from '../../components/layout';
import { BarChart } from '../../components/charts';
import { ChartCard, ExportXlsxButton } from '../../components/data-view';
import { RISK_COLORS, RiskBadge } from './succession-ui';

const RISK_SERIES = RISK_LEVELS.map((r) => ({ key: r.code, label: `Risiko ${r.label.toLowerCase()}`, color: RISK_COLORS[r.code] }));

interface Filters {
  search: string;
  risk: '' | RiskLevel;
  level: string;
  opd: string;
  year: number | null;
  vacantOnly: boolean;
}
const NO_FILTERS: Filters = { search: '', risk: '', level: '', opd: '', year: null, vacantOnly: false };

/** The Suksesi overview: risk of every key position, the vacancy timeline, bench strength, per-OPD summary. */
export function SuksesiOverview() {
  const overview = useApi('succession:overview', {}, ['succession', 'employees']);
  const [horizon, setHorizon] = useState(5);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);

  if (overview.error) return <ErrorBanner error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const data = overview.data;
  if (data.totals.keyPositions === 0) {
    return (
      <EmptyState title="Belum ada jabatan kritikal" action={<a className="button button-primary" href={href('/suksesi?tab=kritikal')}>Tandai jabatan kritikal</a>}>
        Tandai jabatan JPT Pratama, Administrator atau Pengawas yang kritikal untuk melihat risiko kekosongan dan menyusun rencana suksesinya.
      </EmptyState>
    );
  }
  const pick = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <>
      <StatGrid label="Ringkasan jabatan kritikal" items={[
        { label: 'Jabatan kritikal', value: data.totals.keyPositions },
        { label: 'Kosong sekarang', value: data.totals.vacantNow, onClick: () => setFilters({ ...NO_FILTERS, vacantOnly: true }), active: filters.vacantOnly },
        { label: 'Risiko tinggi', value: data.totals.tinggi, color: RISK_COLORS.tinggi, onClick: () => pick({ risk: 'tinggi' }), active: filters.risk === 'tinggi' },
        { label: 'Risiko sedang', value: data.totals.sedang, color: RISK_COLORS.sedang, onClick: () => pick({ risk: 'sedang' }), active: filters.risk === 'sedang' },
        { label: 'Risiko rendah', value: data.totals.rendah, color: RISK_COLORS.rendah, onClick: () => pick({ risk: 'rendah' }), active: filters.risk === 'rendah' },
        { label: `Ada kandidat "${data.readinessLabels.siap_sekarang}"`, value: data.totals.withReadyNow },
        { label: 'Sudah punya rencana', value: data.totals.withPlan },
      ]} />
      <details className="suksesi-rule">
        <summary>Aturan tingkat risiko (dapat diubah di Pengaturan)</summary>
        <ul>{data.riskRule.map((line) => <li key={line}>{line}</li>)}</ul>
        <p className="muted">Kandidat dihitung bila masih aktif dan pensiun setelah perkiraan lowong. Per {formatDateId(data.asOf)}.</p>
      </details>
      <div className="cards cards-2">
        <TimelineCard data={data} horizon={horizon} setHorizon={setHorizon} onYear={(year) => pick({ year, risk: '', opd: '' })} />
        <BenchCard data={data} />
        <OpdCard data={data} onOpd={(opd) => pick({ opd, year: null, risk: '' })} />
        <OverRelianceCard data={data} />
      </div>
      <KeyPositionTable data={data} filters={filters} setFilters={setFilters} />
    </>
  );
}

function TimelineCard({ data, horizon, setHorizon, onYear }: { data: SuccessionOverview; horizon: number; setHorizon: (n: number) => void; onYear: (year: number) => void }) {
  const rows = data.timeline.slice(0, horizon + 1).map((t, i) => ({ ...t, label: i === 0 ? `${t.year} (sisa)` : String(t.year) }));
  const table: ExportTable = {
    title: 'Proyeksi kekosongan jabatan kritikal',
    subtitle: [`Pejabat yang mencapai TMT pensiun, per ${formatDateId(data.asOf)}; ${horizon} tahun ke depan`],
    columns: [
      { key: 'label', header: 'Tahun', type: 'text' }, { key: 'count', header: 'Jabatan lowong karena pensiun', type: 'integer' },
      { key: 'tinggi', header: 'Risiko tinggi', type: 'integer' }, { key: 'sedang', header: 'Risiko sedang', type: 'integer' }, { key: 'rendah', header: 'Risiko rendah', type: 'integer' },
    ],
    rows: rows.map(({ label, count, tinggi, sedang, rendah }) => ({ label, count, tinggi, sedang, rendah })),
  };
  return (
    <ChartCard
      title="Proyeksi kekosongan karena pensiun"
      table={table}
      actions={(
        <select aria-label="Horizon proyeksi" value={horizon} onChange={(e) => setHorizon(Number(e.target.value))}>
          {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n} tahun</option>)}
        </select>
      )}
      chart={<BarChart stacked ariaLabel="Jabatan kritikal yang lowong karena pensiun per tahun" data={rows} categoryKey="label" series={RISK_SERIES} onSelect={(row) => onYear(Number(String(row.label).slice(0, 4)))} />}
    />
  );
}

function BenchCard({ data }: { data: SuccessionOverview }) {
  const rows = READINESS.map((r) => ({ label: data.readinessLabels[r.code], count: data.bench[r.code] }));
  const byLevel = new Map<string, { level: string; positions: number; now: number; soon: number; later: number }>();
  for (const p of data.positions) {
    const e = byLevel.get(p.level) ?? { level: positionLevelLabel(p.level), positions: 0, now: 0, soon: 0, later: 0 };
    e.positions += 1;
    e.now += p.bench.siap_sekarang;
    e.soon += p.bench.siap_1_2_tahun;
    e.later += p.bench.siap_lebih_2_tahun;
    byLevel.set(p.level, e);
  }
  const table: ExportTable = {
    title: 'Kekuatan bangku cadangan',
    subtitle: [`Kandidat dalam rencana suksesi jabatan kritikal, per ${formatDateId(data.asOf)}`],
    columns: [
      { key: 'level', header: 'Jenjang jabatan', type: 'text' }, { key: 'positions', header: 'Jabatan kritikal', type: 'integer' },
      { key: 'now', header: data.readinessLabels.siap_sekarang, type: 'integer' }, { key: 'soon', header: data.readinessLabels.siap_1_2_tahun, type: 'integer' },
      { key: 'later', header: data.readinessLabels.siap_lebih_2_tahun, type: 'integer' },
    ],
    rows: [...byLevel.values(), { level: 'Jumlah', positions: data.totals.keyPositions, now: data.bench.siap_sekarang, soon: data.bench.siap_1_2_tahun, later: data.bench.siap_lebih_2_tahun }],
  };
  return (
    <ChartCard title="Kekuatan bangku cadangan" table={table}
      chart={<BarChart ariaLabel="Kandidat dalam rencana suksesi menurut kesiapan" data={rows} categoryKey="label" series={[{ key: 'count', label: 'Kandidat', color: '#1d6f8c' }]} />} />
  );
}

function OpdCard({ data, onOpd }: { data: SuccessionOverview; onOpd: (opd: string) => void }) {
  const rows = data.byOpd.map((o) => ({ ...o }));
  const table: ExportTable = {
    title: 'Risiko jabatan kritikal per perangkat daerah',
    subtitle: [`Per ${formatDateId(data.asOf)}`],
    columns: [
      { key: 'opd', header: 'Perangkat daerah', type: 'text', width: 50 }, { key: 'total', header: 'Jabatan kritikal', type: 'integer' },
      { key: 'tinggi', header: 'Risiko tinggi', type: 'integer' }, { key: 'sedang', header: 'Risiko sedang', type: 'integer' },
      { key: 'rendah', header: 'Risiko rendah', type: 'integer' }, { key: 'readyNow', header: `Ada kandidat "${data.readinessLabels.siap_sekarang}"`, type: 'integer' },
    ],
    rows: rows.map(({ opd, total, tinggi, sedang, rendah, readyNow }) => ({ opd, total, tinggi, sedang, rendah, readyNow })),
  };
  return (
    <ChartCard title="Ringkasan per perangkat daerah" table={table}
      chart={(
        <>
          <BarChart stacked layout="rows" ariaLabel="Risiko jabatan kritikal per perangkat daerah" data={rows.slice(0, 15)} categoryKey="opd" series={RISK_SERIES} onSelect={(row) => onOpd(String(row.opd))} />
          {rows.length > 15 && <p className="muted">15 dari {rows.length} perangkat daerah, yang risikonya paling tinggi; semuanya ada di tampilan tabel.</p>}
        </>
      )} />
  );
}

function OverRelianceCard({ data }: { data: SuccessionOverview }) {
  return (
    <Card title="Kandidat di banyak rencana">
      {data.overReliance.length === 0
        ? <p className="muted">Tidak ada pegawai yang menjadi kandidat di terlalu banyak rencana.</p>
        : (
          <table className="table table-compact" aria-label="Kandidat di banyak rencana">
            <thead><tr><th>Pegawai</th><th className="num">Rencana</th><th>Jabatan</th></tr></thead>
            <tbody>
              {data.overReliance.map((o) => (
                <tr key={o.employeeId}>
                  <td><a href={href(`/pegawai/${o.employeeId}`)}>{o.fullName}</a></td>
                  <td className="num"><span className="flag-over">{o.planCount}</span></td>
                  <td>{o.positions.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      <p className="muted">Satu orang yang diandalkan di banyak rencana berarti bangku cadangan sebenarnya lebih tipis dari hitungannya.</p>
    </Card>
  );
}

function KeyPositionTable({ data, filters, setFilters }: { data: SuccessionOverview; filters: Filters; setFilters: (f: Filters) => void }) {
  const levels = [...new Set(data.positions.map((p) => p.level))];
  const rows = useMemo(() => {
    const search = filters.search.trim().toLowerCase();
    return data.positions.filter((p) =>
      (!filters.vacantOnly || p.vacantNow) && (!filters.risk || p.risk === filters.risk) && (!filters.level || p.level === filters.level) && (!filters.opd || (p.opdName ?? 'Tanpa unit kerja') === filters.opd) &&
      (filters.year === null || (p.incumbent?.retirementDate && Math.max(Number(p.incumbent.retirementDate.slice(0, 4)), Number(data.asOf.slice(0, 4))) === filters.year)) &&
      (!search || `${p.name} ${p.unitName ?? ''} ${p.opdName ?? ''} ${p.incumbent?.fullName ?? ''}`.toLowerCase().includes(search)))
      .sort((a, b) => riskOrder(a.risk) - riskOrder(b.risk) || a.vacancyDate.localeCompare(b.vacancyDate) || a.name.localeCompare(b.name, 'id'));
  }, [data, filters]);
  const anyFilter = filters.search || filters.risk || filters.level || filters.opd || filters.year !== null || filters.vacantOnly;
  const labels = data.readinessLabels;
  const table: ExportTable = {
    title: 'Jabatan kritikal dan risiko kekosongan',
    subtitle: [`Per ${formatDateId(data.asOf)}`, ...(anyFilter ? [`Filter: ${[filters.vacantOnly && 'kosong sekarang', filters.risk && `risiko ${riskLabel(filters.risk).toLowerCase()}`, filters.level && positionLevelLabel(filters.level), filters.opd, filters.year && `lowong ${filters.year}`, filters.search && `"${filters.search}"`].filter(Boolean).join(', ')}`] : [])],
    columns: [
      { key: 'name', header: 'Jabatan', type: 'text', width: 40 }, { key: 'level', header: 'Jenjang', type: 'text' }, { key: 'opd', header: 'Perangkat daerah', type: 'text', width: 40 },
      { key: 'incumbent', header: 'Pejabat', type: 'text', width: 30 }, { key: 'retirement', header: 'TMT pensiun', type: 'date' }, { key: 'months', header: 'Sisa bulan', type: 'integer' },
      { key: 'vacant', header: 'Kosong sekarang', type: 'text' }, { key: 'risk', header: 'Risiko', type: 'text' }, { key: 'reason', header: 'Alasan', type: 'text', width: 60 },
      { key: 'now', header: labels.siap_sekarang, type: 'integer' }, { key: 'soon', header: labels.siap_1_2_tahun, type: 'integer' }, { key: 'later', header: labels.siap_lebih_2_tahun, type: 'integer' },
    ],
    rows: rows.map((p) => ({
      name: p.name, level: positionLevelLabel(p.level), opd: p.opdName, incumbent: p.incumbent?.fullName ?? null, retirement: p.incumbent?.retirementDate ?? null,
      months: p.incumbent?.monthsLeft ?? null, vacant: p.vacantNow ? 'Ya' : 'Tidak', risk: riskLabel(p.risk), reason: p.riskReason,
      now: p.bench.siap_sekarang, soon: p.bench.siap_1_2_tahun, later: p.bench.siap_lebih_2_tahun,
    })),
  };
  return (
    <section className="card" aria-label="Jabatan kritikal" style={{ marginTop: 16 }}>
      <header className="card-header">
        <h2 className="card-title">Jabatan kritikal ({formatNumberId(rows.length)}{anyFilter ? ` dari ${formatNumberId(data.positions.length)}` : ''})</h2>
        <div className="card-actions"><ExportXlsxButton table={table} /></div>
      </header>
      <div className="toolbar-tight" role="search">
        <input type="search" placeholder="Cari jabatan, unit atau pejabat…" aria-label="Cari jabatan kritikal" value={filters.search} onChange={(e) => setFilters({ ...filters, search: e.target.value })} />
        <select aria-label="Risiko" value={filters.risk} onChange={(e) => setFilters({ ...filters, risk: e.target.value as Filters['risk'] })}>
          <option value="">Semua risiko</option>
          {RISK_LEVELS.map((r) => <option key={r.code} value={r.code}>Risiko {r.label.toLowerCase()}</option>)}
        </select>
        <select aria-label="Jenjang" value={filters.level} onChange={(e) => setFilters({ ...filters, level: e.target.value })}>
          <option value="">Semua jenjang</option>
          {levels.map((l) => <option key={l} value={l}>{positionLevelLabel(l)}</option>)}
        </select>
        {filters.opd && <span className="badge">{filters.opd} <button type="button" className="button button-small" aria-label="Hapus filter perangkat daerah" onClick={() => setFilters({ ...filters, opd: '' })}>×</button></span>}
        {filters.year !== null && <span className="badge">Lowong {filters.year} <button type="button" className="button button-small" aria-label="Hapus filter tahun" onClick={() => setFilters({ ...filters, year: null })}>×</button></span>}
        {filters.vacantOnly && <span className="badge">Kosong sekarang <button type="button" className="button button-small" aria-label="Hapus filter kosong" onClick={() => setFilters({ ...filters, vacantOnly: false })}>×</button></span>}
        {anyFilter && <button type="button" className="button button-small" onClick={() => setFilters(NO_FILTERS)}>Atur ulang</button>}
      </div>
      {rows.length === 0 ? <p className="muted">Tidak ada jabatan kritikal yang cocok dengan filter.</p> : (
        <div className="table-scroll" style={{ maxHeight: 560 }}>
          <table className="table table-compact" aria-label="Daftar jabatan kritikal">
            <thead>
              <tr>
                <th>Jabatan</th><th>Pejabat</th><th>TMT pensiun</th><th className="num">Sisa</th><th>Risiko</th>
                <th className="num" title={labels.siap_sekarang}>Siap</th><th className="num" title={labels.siap_1_2_tahun}>1–2 th</th><th className="num" title={labels.siap_lebih_2_tahun}>&gt; 2 th</th><th>Rencana</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => <KeyRow key={p.positionId} p={p} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function KeyRow({ p }: { p: KeyPositionRow }) {
  return (
    <tr className="is-clickable" onClick={() => navigate(`/suksesi/jabatan/${p.positionId}`)}>
      <td>
        <a href={href(`/suksesi/jabatan/${p.positionId}`)} onClick={(e) => e.stopPropagation()}>{p.name}</a>
        <div className="muted" style={{ fontSize: 12 }}>{positionLevelLabel(p.level)}{p.eselon ? ` · ${p.eselon}` : ''} · {p.opdName ?? 'Tanpa unit kerja'}</div>
      </td>
      <td>{p.incumbent ? p.incumbent.fullName : <span className="risk risk-tinggi">Kosong</span>}</td>
      <td>{p.incumbent?.retirementDate ? formatDateId(p.incumbent.retirementDate) : '—'}</td>
      <td className="num">{p.incumbent?.monthsLeft != null ? `${formatNumberId(p.incumbent.monthsLeft)} bln` : '—'}</td>
      <td><RiskBadge level={p.risk} title={p.riskReason} /></td>
      <td className="num">{p.bench.siap_sekarang}</td><td className="num">{p.bench.siap_1_2_tahun}</td><td className="num">{p.bench.siap_lebih_2_tahun}</td>
      <td>{p.planUpdatedAt ? <span className="muted">{formatDateId(p.planUpdatedAt.slice(0, 10))}</span> : <span className="muted">Belum ada</span>}</td>
    </tr>
  );
}

const riskOrder = (r: RiskLevel) => RISK_LEVELS.findIndex((x) => x.code === r);
