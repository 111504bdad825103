// Tab Mutasi & Promosi: rotation candidates (years in the same position, per unit, with their position
// history) and the regular-promotion nominative list of a period (eligible, blocked and why), exported in the
// usulan layout.

import { useState } from 'react';
import { PROMOTION_BLOCK_REASONS } from '../../../../shared/domain/development';
import { golonganLabel, golonganWithPangkat } from '../../../../shared/domain/golongan';
import { educationLabel } from '../../../../shared/domain/education';
import { POSITION_KINDS, positionLevelLabel } from '../../../../shared/domain/position';
import { formatDateId, formatDurationMonthsId, formatNumberId } from '../../../../shared/format/id-format';
import { call } from '../../api/client';
import { useApi, useDebounced } from '../../api/hooks';
import { href } from '../../app/router';
import { ChartCard, saveBase64File } from '../../components/data-view';
import { Dialog, EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { Nip } from '../../components/labels';
import { PositionHistory } from '../../components/career-history';
import { BarChart } from '../../components/charts';
import { Pager } from '../../components/pager';
import { UnitPicker } from '../../components/unit-picker';
import { PROMOTION_KIND_CODES, PROMOTION_KIND_LABELS, type PromotionRow } from '../../../../shared/schemas/careers';
import { useAction } from './common';

export function MutasiTab() {
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  return (
    <div className="dev-stack">
      <div className="toolbar" role="group" aria-label="Filter mutasi dan promosi">
        <UnitPicker value={unitId ?? null} onChange={(v) => setUnitId(v ?? undefined)} allLabel="Semua perangkat daerah" />
      </div>
      <Promotion unitId={unitId} />
      <Rotation unitId={unitId} onDrill={setUnitId} />
    </div>
  );
}

function Promotion({ unitId }: { unitId?: number }) {
  const periods = useApi('careers:promotionPeriods', {}, ['settings', 'development']);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<'all' | 'eligible' | 'blocked' | 'missing_data'>('eligible');
  const [reason, setReason] = useState<string>('');
  const [kind, setKind] = useState<'' | PromotionRow['kind']>('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const debounced = useDebounced(search, 200);
  const list = useApi('careers:promotionList', { period, unitId, status, reason: (reason || undefined) as never, kind: kind || undefined, search: debounced.trim() || undefined, offset, limit: 50 }, ['development', 'employees', 'settings']);
  const [exporting, setExporting] = useState(false);
  const run = useAction();
  const exportUsulan = () => {
    setExporting(true);
    void run(async () => {
      const file = await call('careers:promotionExport', { period, unitId });
      saveBase64File(file.fileName, file.mimeType, file.base64);
    }).finally(() => setExporting(false));
  };
  const data = list.data;
  return (
    <section className="card" aria-label="Kenaikan pangkat reguler">
      <header className="card-header">
        <h2 className="card-title">Kenaikan pangkat reguler{data ? ` — periode ${formatDateId(data.period)}` : ''}</h2>
        <div className="card-actions">
          <PeriodSelect value={period} onChange={(p) => { setPeriod(p); setOffset(0); }} options={periods.data} />
          <button type="button" className="button button-small button-primary" disabled={exporting} onClick={exportUsulan}>{exporting ? 'Menyiapkan…' : 'Ekspor usulan (XLSX)'}</button>
        </div>
      </header>
      <p className="dev-subtle" data-testid="promotion-rule">
        Syarat (PP 99/2000 Pasal 7): paling singkat 4 tahun dalam pangkat pada TMT periode (Dokter Spesialis I dari III/b ke III/c: 2 tahun), predikat SKP
        tahunan {data ? data.skpYears.join(' dan ') : 'dua tahun terakhir'} paling rendah Baik, tidak melebihi pangkat tertinggi KP reguler untuk pendidikannya, dan tidak sedang menjalani hukuman disiplin pada TMT periode.
        {' '}Daftar yang sama memuat KP pilihan pejabat struktural (menurut rentang pangkat eselon jabatannya) dan KP penyesuaian ijazah, masing-masing dengan dasarnya.
        {data && ` SKP yang diperiksa: dua tahun terakhir yang sudah final pada batas usulan ${formatDateId(data.deadline)} (diatur di Pengaturan).`}
        {' '}Pangkat atasan langsung tidak membatasi (Peraturan BKN 2/2025). Belum diperiksa: angka kredit jabatan fungsional.
      </p>
      {list.error && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {!data ? <Loading /> : (
        <>
          <div className="stat-row">
            <button type="button" className={`stat${status === 'eligible' ? ' is-active' : ''}`} onClick={() => { setStatus('eligible'); setReason(''); setOffset(0); }}>
              <div className="stat-value" data-testid="promotion-eligible">{formatNumberId(data.counts.eligible)}</div><div className="stat-label">memenuhi syarat</div>
            </button>
            <button type="button" className={`stat${status === 'blocked' && !reason ? ' is-active' : ''}`} onClick={() => { setStatus('blocked'); setReason(''); setOffset(0); }}>
              <div className="stat-value">{formatNumberId(data.counts.blocked)}</div><div className="stat-label">belum memenuhi syarat</div>
            </button>
            <button type="button" className={`stat${status === 'missing_data' ? ' is-active' : ''}`} onClick={() => { setStatus('missing_data'); setReason(''); setOffset(0); }}>
              <div className="stat-value" data-testid="promotion-missing-data">{formatNumberId(data.counts.missingDataOnly)}</div><div className="stat-label">terhalang data belum lengkap</div>
            </button>
            {PROMOTION_BLOCK_REASONS.map((r) => (
              <button key={r.code} type="button" className="stat" onClick={() => { setStatus('blocked'); setReason(r.code); setOffset(0); }}>
                <div className="stat-value">{formatNumberId(data.counts.byReason[r.code] ?? 0)}</div><div className="stat-label">{r.label}{reason === r.code ? ' ✓' : ''}</div>
              </button>
            ))}
          </div>
          <div className="toolbar">
            <select aria-label="Tampilkan" value={status} onChange={(e) => { setStatus(e.target.value as typeof status); setOffset(0); }}>
              <option value="eligible">Memenuhi syarat</option><option value="blocked">Belum memenuhi syarat</option>
              <option value="missing_data">Terhalang data belum lengkap</option><option value="all">Semua kandidat periode ini</option>
            </select>
            <select aria-label="Jenis KP" value={kind} onChange={(e) => { setKind(e.target.value as typeof kind); setOffset(0); }}>
              <option value="">Semua jenis KP</option>
              {PROMOTION_KIND_CODES.map((k) => <option key={k} value={k}>{PROMOTION_KIND_LABELS[k]}</option>)}
            </select>
            <input type="search" aria-label="Cari nama atau NIP kenaikan pangkat" placeholder="Cari nama atau NIP" value={search} onChange={(e) => { setSearch(e.target.value); setOffset(0); }} />
          </div>
          {data.rows.length === 0 ? <EmptyState title="Tidak ada pegawai pada pilihan ini" /> : (
            <>
              <div className="table-scroll">
                <table className="table table-compact" aria-label="Daftar nominatif kenaikan pangkat">
                  <thead><tr><th>NIP</th><th>Nama</th><th>Pangkat lama (TMT)</th><th>Pangkat baru</th><th>Jenis KP</th><th>Masa kerja</th><th>Pendidikan</th><th>Jabatan / unit</th>
                    {data.skpYears.map((y) => <th key={y}>SKP {y}</th>)}<th>Keterangan</th></tr></thead>
                  <tbody>
                    {data.rows.map((r) => (
                      <tr key={`${r.employeeId}-${r.kind}`}>
                        <td><Nip value={r.nip} /></td>
                        <td><a href={href(`/pegawai/${r.employeeId}?tab=pangkat`)}>{r.name}</a></td>
                        <td>{golonganWithPangkat(r.golongan)}<div className="dev-subtle">{formatDateId(r.golonganTmt)}{r.monthsInRank !== null ? ` · ${formatDurationMonthsId(r.monthsInRank)}` : ''}</div></td>
                        <td>{golonganLabel(r.targetGolongan)}</td>
                        <td>{PROMOTION_KIND_LABELS[r.kind]}<div className="dev-subtle">{r.basis}</div></td>
                        <td>{r.service ? `${r.service.years} th ${r.service.months} bl` : '—'}</td>
                        <td>{educationLabel(r.educationLevel) || '—'}</td>
                        <td>{r.positionName ?? '—'}<div className="dev-subtle">{r.unitName}</div></td>
                        {r.skp.map((s) => <td key={s.year}><span className={`badge ${s.meets === 'yes' ? 'dev-badge-ok' : s.meets === 'missing' || s.meets === 'unknown' ? 'dev-badge-warn' : 'dev-badge-bad'}`}>{s.label}</span></td>)}
                        <td>{r.status === 'eligible' ? <span className="badge dev-badge-ok">memenuhi syarat</span> : (
                          <>
                            {r.missingDataOnly && <span className="badge dev-badge-warn">terhalang data belum lengkap</span>}
                            <ul className="dev-warning-list">{r.reasons.map((x) => <li key={x.message}>{x.message}</li>)}</ul>
                          </>
                        )}
                          {r.notes.map((n) => <div key={n} className="dev-subtle">{n}</div>)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager offset={offset} limit={50} total={data.total} onChange={setOffset} />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** Every period of the calendar the picker offers, past and future, grouped by year; empty value: the next one. */
function PeriodSelect({ value, onChange, options }: { value?: string; onChange(period: string | undefined): void; options?: { today: string; next: string | null; periods: string[] } }) {
  const years = [...new Set((options?.periods ?? []).map((p) => p.slice(0, 4)))];
  return (
    <select aria-label="Periode" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">Periode berikutnya{options?.next ? ` (${formatDateId(options.next)})` : ''}</option>
      {years.map((year) => (
        <optgroup key={year} label={`Tahun ${year}`}>
          {options!.periods.filter((p) => p.startsWith(year)).map((p) => (
            <option key={p} value={p}>{formatDateId(p)}{p < options!.today ? ' (sudah lewat)' : ''}</option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function Rotation({ unitId, onDrill }: { unitId?: number; onDrill(unitId: number): void }) {
  const [kind, setKind] = useState('');
  const [offset, setOffset] = useState(0);
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, 200);
  const rotation = useApi('careers:rotation', { unitId, kind: (kind || undefined) as never, search: debounced.trim() || undefined, offset, limit: 50 }, ['development', 'employees', 'settings']);
  const [history, setHistory] = useState<{ id: number; name: string } | null>(null);
  if (rotation.error) return <ErrorBanner error={rotation.error} onRetry={rotation.reload} />;
  if (!rotation.data) return <Loading />;
  const r = rotation.data;
  const units = r.units.filter((u) => u.candidates > 0);
  return (
    <>
      <ChartCard
        title={`Kandidat rotasi: ≥ ${r.years} tahun dalam jabatan yang sama, per unit`}
        empty={<EmptyState title="Tidak ada kandidat rotasi" />}
        table={{
          title: `Kandidat rotasi ${r.years} tahun`, subtitle: [`TMT jabatan pada atau sebelum ${formatDateId(r.cutoff)}`],
          columns: [{ key: 'unitName', header: 'Unit kerja', type: 'text', width: 44 }, { key: 'candidates', header: 'Kandidat rotasi', type: 'integer' }, { key: 'population', header: 'PNS dengan TMT jabatan', type: 'integer' }],
          rows: units.map((u) => ({ unitName: u.unitName, candidates: u.candidates, population: u.population })),
        }}
        chart={
          <>
            <BarChart layout="rows" legend={false} ariaLabel="Kandidat rotasi per unit" categoryKey="unit"
              data={units.slice(0, 40).map((u) => ({ unit: u.unitName, candidates: u.candidates, id: u.unitId }))}
              series={[{ key: 'candidates', label: 'Kandidat rotasi', color: '#8a5a00' }]}
              onSelect={(row) => { if (typeof row.id === 'number') onDrill(row.id); }} />
            <p className="dev-subtle">{units.length > 40 ? `40 dari ${units.length} unit dengan kandidat terbanyak. ` : ''}Klik batang unit untuk menelusuri; daftar di bawah mengikuti unit yang dipilih.</p>
          </>
        }
      />
      <section className="card" aria-label="Kandidat rotasi">
        <header className="card-header">
          <h2 className="card-title">Kandidat rotasi: {formatNumberId(r.total)} PNS</h2>
          <div className="card-actions">
            <select aria-label="Jenis jabatan rotasi" value={kind} onChange={(e) => { setKind(e.target.value); setOffset(0); }}>
              <option value="">Semua jenis jabatan</option>
              {POSITION_KINDS.map((k) => <option key={k.code} value={k.code}>{k.label}</option>)}
            </select>
            <input type="search" aria-label="Cari kandidat rotasi" placeholder="Cari nama atau NIP" value={search} onChange={(e) => { setSearch(e.target.value); setOffset(0); }} />
          </div>
        </header>
        <p className="dev-subtle">PP 11/2017 Pasal 190 ayat 3: mutasi paling singkat 2 tahun dan paling lama 5 tahun dalam jabatan; batas tahun diatur di Pengaturan. Diurutkan dari yang terlama.</p>
        {r.rows.length === 0 ? <EmptyState title="Tidak ada kandidat rotasi pada pilihan ini" /> : (
          <>
            <div className="table-scroll">
              <table className="table table-compact" aria-label="Daftar kandidat rotasi">
                <thead><tr><th>NIP</th><th>Nama</th><th>Jabatan</th><th>Unit kerja</th><th>TMT jabatan</th><th>Lama</th><th /></tr></thead>
                <tbody>
                  {r.rows.map((x) => (
                    <tr key={x.employeeId}>
                      <td><Nip value={x.nip} /></td><td><a href={href(`/pegawai/${x.employeeId}?tab=jabatan`)}>{x.name}</a></td>
                      <td>{x.positionName ?? '—'}<div className="dev-subtle">{positionLevelLabel(x.positionLevel)}</div></td>
                      <td>{x.unitName ?? '—'}<div className="dev-subtle">{x.opdName}</div></td>
                      <td>{formatDateId(x.positionTmt)}</td><td>{formatDurationMonthsId(x.monthsInPosition)}</td>
                      <td><button type="button" className="button button-small" onClick={() => setHistory({ id: x.employeeId, name: x.name })}>Riwayat</button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager offset={offset} limit={50} total={r.total} onChange={setOffset} />
          </>
        )}
      </section>
      {history && (
        <Dialog title={`Riwayat jabatan: ${history.name}`} onClose={() => setHistory(null)} wide footer={<button type="button" className="button button-primary" onClick={() => setHistory(null)}>Tutup</button>}>
          <PositionHistory employeeId={history.id} />
        </Dialog>
      )}
    </>
  );
}
