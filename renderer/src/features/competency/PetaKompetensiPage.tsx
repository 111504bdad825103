import { useRef, useState, type CSSProperties } from 'react';
import { JPM_BUCKETS, SELECTION_CATEGORY_LABELS } from '../../../../shared/domain/jpm';
import { positionLevelLabel } from '../../../../shared/domain/position';
import { formatNumberId } from '../../../../shared/format/id-format';
import type { HeatmapRow } from '../../../../shared/schemas/competency';
import { useApi } from '../../api/hooks';
import { href, navigate, type Route } from '../../app/router';
import { BarChart } from '../../components/charts';
import { ColumnResizer, useColumnWidths } from '../../components/column-resizer';
import { ChartCard, ExportXlsxButton } from '../../components/data-view';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { PopulationFilter, usePopulation, type Population } from '../../components/population-filter';
import { PositionPicker } from '../../components/position-picker';
import { CellEmployeesDialog } from './CellEmployeesDialog';
import { DictionaryAndStandards } from './DictionaryAndStandards';
import { gapColor, percentColor, textOn } from './heat-colors';

type Metric = 'gap' | 'percent';

const TABS = [
  { key: 'peta', label: 'Peta panas' },
  { key: 'jpm', label: 'Distribusi JPM' },
  { key: 'jabatan', label: 'Analisis jabatan' },
  { key: 'standar', label: 'Kamus & standar' },
] as const;

const BUCKET_COLORS = ['#b42318', '#e0693a', '#f2b84b', '#c9d97a', '#8cc084', '#3f8f5b', '#1f6f43'];

export function PetaKompetensiPage({ route }: { route: Route }) {
  const tab = route.query.get('tab') ?? 'peta';
  const filter = usePopulation();
  const population = filter.population;

  return (
    <div className="page">
      <h1>Peta Kompetensi</h1>
      <p className="muted">Capaian kompetensi pegawai aktif terhadap standar kompetensi jabatannya (PermenPANRB 38/2017). Yang belum diasesmen ditampilkan terpisah, tidak dihitung nol.</p>
      <div className="tabs" role="tablist" aria-label="Bagian peta kompetensi">
        {TABS.map((t) => (
          <a key={t.key} role="tab" aria-selected={tab === t.key} className={`tab${tab === t.key ? ' is-active' : ''}`} href={href(`/peta-kompetensi?tab=${t.key}`)}>{t.label}</a>
        ))}
      </div>
      {(tab === 'peta' || tab === 'jpm') && (
        <PopulationFilter state={filter} />
      )}
      {tab === 'peta' && <Heatmap population={population} onDrill={filter.setUnitId} />}
      {tab === 'jpm' && <JpmDistribution population={population} />}
      {tab === 'jabatan' && <PositionMatch />}
      {tab === 'standar' && <DictionaryAndStandards />}
    </div>
  );
}

function Heatmap({ population, onDrill }: { population: Population; onDrill(unitId: number): void }) {
  const [metric, setMetric] = useState<Metric>('gap');
  const [cell, setCell] = useState<{ row: HeatmapRow; competencyId: number } | null>(null);
  const heatmap = useApi('competency:heatmap', population, ['competency', 'employees']);
  const [widths, setWidth] = useColumnWidths('peta-panas');
  const unitHead = useRef<HTMLTableCellElement>(null);
  if (heatmap.error) return <ErrorBanner error={heatmap.error} onRetry={heatmap.reload} />;
  if (!heatmap.data) return <Loading />;
  const { competencies, rows, parent } = heatmap.data;
  if (competencies.length === 0 || rows.length === 0) {
    return <EmptyState title="Belum ada data kompetensi">Tetapkan standar kompetensi jabatan di tab Kamus &amp; standar, lalu catat atau impor hasil asesmen.</EmptyState>;
  }
  const value = (c: HeatmapRow['cells'][number]) => (metric === 'gap' ? c.averageGap : c.meetingPercent);
  const show = (v: number | null) => (v === null ? '–' : metric === 'gap' ? formatNumberId(v, 2) : `${formatNumberId(v, 0)}%`);
  const color = (v: number | null) => (metric === 'gap' ? gapColor(v) : percentColor(v));
  const table = {
    title: `Peta kompetensi${parent ? ` ${parent.name}` : ''} (${metric === 'gap' ? 'rata-rata selisih' : '% memenuhi standar'})`,
    subtitle: ['Selisih = level capaian − level standar, rata-rata atas pegawai yang sudah diasesmen.'],
    columns: [
      { key: 'unit', header: 'Unit kerja' },
      ...competencies.map((c) => ({ key: c.code, header: `${c.code} ${c.name}`, type: metric === 'gap' ? ('number' as const) : ('percent' as const) })),
      { key: 'active', header: 'Pegawai aktif', type: 'integer' as const },
      { key: 'notAssessed', header: 'Belum diasesmen', type: 'integer' as const },
      { key: 'partial', header: 'Asesmen belum lengkap', type: 'integer' as const },
      { key: 'withoutStandard', header: 'Jabatan tanpa standar', type: 'integer' as const },
      { key: 'averageJpm', header: 'Rata-rata JPM', type: 'number' as const },
    ],
    rows: rows.map((r) => ({
      unit: r.unitName, active: r.activeEmployees, notAssessed: r.notAssessed, partial: r.partial, withoutStandard: r.withoutStandard, averageJpm: r.averageJpm,
      ...Object.fromEntries(r.cells.map((c, i) => [competencies[i].code, value(c)])),
    })),
  };

  return (
    <>
      {parent && (
        <nav className="breadcrumb" aria-label="Jejak unit">
          <button type="button" className="link-button" onClick={() => (parent.parentId ? onDrill(parent.parentId) : navigate('/peta-kompetensi'))}>← naik satu tingkat</button> · {parent.name}
        </nav>
      )}
      <ChartCard
        title="Peta panas unit × kompetensi"
        table={table}
        actions={
          <div className="segmented" role="group" aria-label="Ukuran">
            <button type="button" aria-pressed={metric === 'gap'} className={metric === 'gap' ? 'is-on' : ''} onClick={() => setMetric('gap')}>Rata-rata selisih</button>
            <button type="button" aria-pressed={metric === 'percent'} className={metric === 'percent' ? 'is-on' : ''} onClick={() => setMetric('percent')}>% memenuhi standar</button>
          </div>
        }
        chart={
          <div className="heatmap-wrap">
            <table className="heatmap" aria-label="Peta panas kompetensi" style={widths.unit ? ({ '--unit-column': `${widths.unit}px` } as CSSProperties) : undefined}>
              <thead>
                <tr>
                  <th scope="col" className="heatmap-unit-head" ref={unitHead}>Unit kerja
                    <ColumnResizer label="Unit kerja" width={widths.unit} onResize={(w) => setWidth('unit', w)} measure={() => unitHead.current?.getBoundingClientRect().width ?? 280} />
                  </th>
                  {competencies.map((c) => <th key={c.id} scope="col" title={c.name}>{c.code}</th>)}
                  <th scope="col" className="num">Aktif</th>
                  <th scope="col" className="num" title="Belum diasesmen">Belum</th>
                  <th scope="col" className="num" title="Jabatan tanpa standar kompetensi">Tanpa std.</th>
                  <th scope="col" className="num">JPM</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.unitId}-${row.direct}`}>
                    <th scope="row">
                      {row.hasChildren && !row.direct
                        ? <button type="button" className="link-button heatmap-unit" onClick={() => onDrill(row.unitId)} title={`${row.unitName} (lihat sub-unit)`}><span>{row.unitName}</span> ›</button>
                        : <span className="heatmap-unit" title={row.unitName}><span>{row.unitName}</span></span>}
                    </th>
                    {row.cells.map((c) => {
                      const v = value(c);
                      const bg = color(v);
                      const competency = competencies.find((x) => x.id === c.competencyId)!;
                      return (
                        <td key={c.competencyId} className="heat-cell" style={{ background: bg, color: textOn(bg) }}>
                          <button type="button" aria-label={`${row.unitName}, ${competency.code} ${competency.name}: ${show(v)}, ${c.assessed} dari ${c.employees} diasesmen`}
                            disabled={c.employees === 0} onClick={() => setCell({ row, competencyId: c.competencyId })}>
                            <span className="heat-value">{show(v)}</span>
                            <span className="heat-n">{c.assessed}/{c.employees}</span>
                          </button>
                        </td>
                      );
                    })}
                    <td className="num">{formatNumberId(row.activeEmployees)}</td>
                    <td className="num">{formatNumberId(row.notAssessed + row.partial)}</td>
                    <td className={`num${row.withoutStandard ? ' text-warning' : ''}`}>{formatNumberId(row.withoutStandard)}</td>
                    <td className="num">{row.averageJpm === null ? '–' : formatNumberId(row.averageJpm, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <HeatLegend metric={metric} />
          </div>
        }
      />
      {cell && <CellEmployeesDialog row={cell.row} competency={competencies.find((c) => c.id === cell.competencyId)!} population={population} onClose={() => setCell(null)} />}
    </>
  );
}

function HeatLegend({ metric }: { metric: Metric }) {
  const stops = metric === 'gap' ? [-2, -1, -0.5, 0, 0.5, 1] : [40, 55, 75, 90, 100];
  return (
    <div className="heat-legend" aria-label="Keterangan warna">
      <span className="muted">{metric === 'gap' ? 'Rata-rata selisih (capaian − standar):' : 'Pegawai yang memenuhi standar:'}</span>
      {stops.map((s) => {
        const bg = metric === 'gap' ? gapColor(s) : percentColor(s);
        return <span key={s} className="heat-swatch" style={{ background: bg, color: textOn(bg) }}>{metric === 'gap' ? formatNumberId(s, 1) : `${s}%`}</span>;
      })}
      <span className="heat-swatch" style={{ background: '#eef0f3' }}>– belum diasesmen</span>
      <span className="muted">Angka kecil: diasesmen / pegawai dengan standar ini.</span>
    </div>
  );
}

function JpmDistribution({ population }: { population: Population }) {
  const [share, setShare] = useState(true);
  const dist = useApi('competency:jpmDistribution', population, ['competency', 'employees']);
  if (dist.error) return <ErrorBanner error={dist.error} onRetry={dist.reload} />;
  if (!dist.data) return <Loading />;
  const { buckets, byUnit, byLevel } = dist.data;
  if (byUnit.length === 0) return <EmptyState title="Belum ada data JPM">Belum ada pegawai dengan standar kompetensi jabatan pada populasi ini.</EmptyState>;
  const bucketColumns = buckets.map((b) => ({ key: b.key, header: `JPM ${b.label}`, type: 'integer' as const }));
  const tableOf = (title: string, first: { key: string; header: string }, rows: Array<Record<string, string | number | null>>) => ({
    title, subtitle: ['JPM = Σ min(capaian, standar) / Σ standar × 100; hanya asesmen lengkap.'],
    columns: [first, ...bucketColumns, { key: 'assessed', header: 'Diasesmen lengkap', type: 'integer' as const }, { key: 'notAssessed', header: 'Belum/tidak lengkap', type: 'integer' as const }, { key: 'averageJpm', header: 'Rata-rata JPM', type: 'number' as const }],
    rows,
  });
  const unitRows = byUnit.map((u) => ({ unit: u.unitName, ...u.counts, assessed: u.assessed, notAssessed: u.notAssessed, averageJpm: u.averageJpm }));
  const levelRows = byLevel.map((l) => ({ level: positionLevelLabel(l.level), ...l.counts, assessed: l.assessed, notAssessed: l.notAssessed, averageJpm: l.averageJpm }));
  // Shares make units of very different sizes comparable; the table keeps the counts.
  const asShares = (rows: Array<Record<string, string | number | null>>) => rows.map((r) => {
    const assessed = Number(r.assessed) || 0;
    return { ...r, ...Object.fromEntries(JPM_BUCKETS.map((b) => [b.key, assessed ? Math.round((Number(r[b.key]) / assessed) * 1000) / 10 : 0])) };
  });
  const chart = (rows: Array<Record<string, string | number | null>>, xKey: string, label: string) => (
    <BarChart stacked layout="rows" percentScale={share} ariaLabel={label} data={share ? asShares(rows) : rows} categoryKey={xKey}
      series={JPM_BUCKETS.map((b, i) => ({ key: b.key, label: `JPM ${b.label}`, color: BUCKET_COLORS[i] }))} />
  );
  const toggle = (
    <div className="segmented" role="group" aria-label="Skala">
      <button type="button" aria-pressed={share} className={share ? 'is-on' : ''} onClick={() => setShare(true)}>Persentase</button>
      <button type="button" aria-pressed={!share} className={!share ? 'is-on' : ''} onClick={() => setShare(false)}>Jumlah</button>
    </div>
  );
  return (
    <div className="stack">
      <ChartCard title="Distribusi JPM per unit kerja" actions={toggle} table={tableOf('Distribusi JPM per unit kerja', { key: 'unit', header: 'Unit kerja' }, unitRows)} chart={chart(unitRows, 'unit', 'Distribusi JPM per unit kerja')} />
      <ChartCard title="Distribusi JPM per jenjang jabatan" actions={toggle} table={tableOf('Distribusi JPM per jenjang jabatan', { key: 'level', header: 'Jenjang jabatan' }, levelRows)} chart={chart(levelRows, 'level', 'Distribusi JPM per jenjang jabatan')} />
    </div>
  );
}

function PositionMatch() {
  const [positionId, setPositionId] = useState<number | null>(null);
  const match = useApi('competency:bestMatch', positionId ? { positionId, limit: 100 } : null, ['competency']);
  const data = match.data;
  return (
    <div className="stack">
      <div className="card">
        <label className="field-label" htmlFor="match-position">Jabatan yang dianalisis</label>
        <PositionPicker id="match-position" value={positionId} onChange={setPositionId} clearable={false} />
        <p className="muted">Siapa di seluruh pemerintah daerah yang paling cocok dengan standar kompetensi jabatan ini (JPM terhadap standar jabatan tersebut). Kategori seleksi: MS ≥ 80, MMS 68–&lt;80, KMS &lt; 68.</p>
      </div>
      <ErrorBanner error={match.error} onRetry={match.reload} />
      {positionId && !data && !match.error && <Loading />}
      {data && data.position.standardCount === 0 && (
        <EmptyState title="Jabatan ini belum memiliki standar kompetensi">Tetapkan standarnya di tab Kamus &amp; standar; tanpa standar, JPM tidak dapat dihitung.</EmptyState>
      )}
      {data && data.position.standardCount > 0 && (
        <section className="card" aria-label="Kandidat terbaik">
          <header className="card-header">
            <h2 className="card-title">{data.position.name}: {data.candidates.length} pegawai teratas</h2>
            <ExportXlsxButton table={{
              title: `Kecocokan kompetensi ${data.position.name}`,
              subtitle: [`Standar: ${data.position.standardCount} kompetensi, jumlah level ${data.position.requiredSum}`],
              columns: [
                { key: 'rank', header: 'No', type: 'integer' }, { key: 'nip', header: 'NIP' }, { key: 'name', header: 'Nama' },
                { key: 'position', header: 'Jabatan sekarang' }, { key: 'unit', header: 'Unit kerja' }, { key: 'jpm', header: 'JPM', type: 'number' },
                { key: 'category', header: 'Kategori pemetaan' }, { key: 'selection', header: 'Kategori seleksi' }, { key: 'below', header: 'Kompetensi di bawah standar', type: 'integer' },
              ],
              rows: data.candidates.map((c, i) => ({ rank: i + 1, nip: c.nip, name: c.fullName, position: c.positionName, unit: c.unitName, jpm: c.jpm, category: c.category ?? 'Asesmen belum lengkap', selection: c.selection, below: c.belowStandard })),
            }} />
          </header>
          {data.candidates.length === 0 ? <p className="muted">Belum ada pegawai yang diasesmen pada kompetensi standar ini.</p> : (
            <table className="table table-compact" aria-label="Peringkat kecocokan">
              <thead><tr><th>No</th><th>Nama</th><th>Jabatan sekarang</th><th className="num">JPM</th><th>Kategori</th><th>Seleksi</th><th className="num">Di bawah standar</th></tr></thead>
              <tbody>
                {data.candidates.map((c, i) => (
                  <tr key={c.id}>
                    <td>{i + 1}</td>
                    <td><a href={href(`/pegawai/${c.id}?tab=kompetensi`)}>{c.fullName}</a>{c.isIncumbent && <span className="badge badge-key">pemangku</span>}</td>
                    <td>{c.positionName}<div className="muted">{c.unitName}</div></td>
                    <td className="num">{c.jpm === null ? <span className="muted">belum lengkap ({c.assessedCount}/{data.position.standardCount})</span> : formatNumberId(c.jpm, 1)}</td>
                    <td>{c.category ?? '–'}</td>
                    <td title={c.selection ? SELECTION_CATEGORY_LABELS[c.selection] : undefined}>{c.selection ?? '–'}</td>
                    <td className="num">{c.belowStandard}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}

