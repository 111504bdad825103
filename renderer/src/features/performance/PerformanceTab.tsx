import { useState } from 'react';
import {
  legacyLabel, PERIODS, performanceRank, periodLabel, PREDIKAT_ERA_START, predikatFromRatings, predikatLabel, RATINGS, ratingLabel, regimeLabel,
  type Period, type Rating,
} from '../../../../shared/domain/skp';
import { POTENTIAL_METHODS, potensiAxisLabel, potentialMethodLabel } from '../../../../shared/domain/talent';
import { formatDateId, formatNumberId } from '../../../../shared/format/id-format';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { LineChart } from '../../components/charts';
import { ChartCard } from '../../components/data-view';
import { DateInput, INVALID_DATE_MESSAGE } from '../../components/date-input';
import { isIsoDate } from '../../../../shared/domain/dates';
import { Dialog, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { TalentPlacementDialog } from '../../components/talent-placement-dialog';
import { useCurrentYear, useToday } from '../../app/today';

type Profile = ResponseOf<'performance:employee'>;
const RANK_TICKS: Record<number, string> = { 5: 'Sangat Baik', 4: 'Baik', 3: 'BP / Cukup', 2: 'Kurang', 1: 'SK / Buruk' };

/** Profile tab "Kinerja": SKP timeline with the ratings behind each point, falling-performance warning, potential. */
export function PerformanceTab({ employeeId }: { employeeId: number }) {
  const data = useApi('performance:employee', { employeeId }, ['performance']);
  const years = useApi('performance:years', {}, ['performance']);
  const settings = useApi('talent:settings', {});
  const [recording, setRecording] = useState<'skp' | 'potensi' | null>(null);
  const [explain, setExplain] = useState(false);
  if (data.error) return <ErrorBanner error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const p = data.data;
  const annual = p.evaluations.filter((e) => e.period === 'tahunan').reverse();
  const quarterYear = p.evaluations.find((e) => e.period.startsWith('triwulan'))?.year;
  const quarters = p.evaluations.filter((e) => e.year === quarterYear && e.period.startsWith('triwulan')).reverse();
  const point = (e: Profile['evaluations'][number]) => ({
    label: e.period === 'tahunan' ? String(e.year) : `${periodLabel(e.period)} ${e.year}`,
    rank: performanceRank(e.predikat, e.legacyLabel),
    detail: e.predikat ? `${predikatLabel(e.predikat)} · hasil kerja ${ratingLabel(e.hasilKerja).toLowerCase()}, perilaku ${ratingLabel(e.perilakuKerja).toLowerCase()}` : `Nilai ${formatNumberId(e.legacyScore)} (${e.legacyLabel}, PP 46/2011)`,
  });
  const series = [...annual.map(point), ...quarters.map(point)];

  return (
    <div className="stack">
      {p.warnings.map((w) => <div key={w} className="banner banner-warning" role="alert" data-testid="performance-warning">{w}</div>)}
      <div className="form-actions-inline">
        <button type="button" className="button button-primary" onClick={() => setRecording('skp')}>Catat SKP</button>
        <button type="button" className="button" onClick={() => setRecording('potensi')}>Catat asesmen potensi</button>
        {years.data?.latest && <button type="button" className="button" onClick={() => setExplain(true)}>Posisi kotak 9 ({years.data.latest})</button>}
      </div>
      {p.evaluations.length === 0 ? <p className="muted">Belum ada SKP tercatat.</p> : (
        <ChartCard
          title="Riwayat predikat kinerja"
          table={{
            title: `Riwayat SKP ${p.employee.fullName}`,
            columns: [{ key: 'period', header: 'Periode' }, { key: 'regime', header: 'Aturan' }, { key: 'hasil', header: 'Hasil kerja' }, { key: 'perilaku', header: 'Perilaku kerja' },
              { key: 'predikat', header: 'Predikat / sebutan' }, { key: 'score', header: 'Nilai', type: 'number' }],
            rows: p.evaluations.map((e) => ({
              period: e.period === 'tahunan' ? `Tahunan ${e.year}` : `${periodLabel(e.period)} ${e.year}`, regime: regimeLabel(e.regime),
              hasil: ratingLabel(e.hasilKerja), perilaku: ratingLabel(e.perilakuKerja), predikat: e.predikat ? predikatLabel(e.predikat) : e.legacyLabel, score: e.legacyScore,
            })),
          }}
          chart={
            <>
              <LineChart ariaLabel="Riwayat predikat SKP" testId="performance-timeline" data={series} xKey="label" yLabels={RANK_TICKS}
                series={[{ key: 'rank', label: 'SKP', color: '#1d6f8c' }]} describe={(row) => String(row.detail)} />
              <p className="muted small">Sebutan PP 46/2011 (sebelum 2022) dibaca pada tangga yang sama dengan predikat.</p>
            </>
          }
        />
      )}
      <section className="card" aria-label="Asesmen potensi">
        <h2 className="card-title">Asesmen potensi</h2>
        {p.potentials.length === 0 ? <p className="muted">Belum ada asesmen potensi.</p> : (
          <table className="table table-compact">
            <thead><tr><th>Tanggal</th><th>Tingkat</th><th className="num">Nilai</th><th>Metode</th></tr></thead>
            <tbody>{p.potentials.map((x) => <tr key={x.id}><td>{formatDateId(x.assessedOn)}</td><td>{x.level ? potensiAxisLabel(x.level) : '—'}</td><td className="num">{x.score === null ? '—' : formatNumberId(x.score, 1)}</td><td>{potentialMethodLabel(x.method) || '—'}</td></tr>)}</tbody>
          </table>
        )}
      </section>
      {recording === 'skp' && <SkpDialog employeeId={employeeId} onClose={() => setRecording(null)} />}
      {recording === 'potensi' && <PotentialDialog employeeId={employeeId} onClose={() => setRecording(null)} />}
      {explain && years.data?.latest && settings.data && <TalentPlacementDialog employeeId={employeeId} year={years.data.latest} sessionId={null} numbering={settings.data.numbering} onClose={() => setExplain(false)} />}
    </div>
  );
}

function SkpDialog({ employeeId, onClose }: { employeeId: number; onClose(): void }) {
  const thisYear = useCurrentYear();
  const [year, setYear] = useState(thisYear - 1);
  const [period, setPeriod] = useState<Period>('tahunan');
  const [hasil, setHasil] = useState<Rating | ''>('');
  const [perilaku, setPerilaku] = useState<Rating | ''>('');
  const [score, setScore] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();
  const modern = year >= PREDIKAT_ERA_START;
  const preview = modern ? (hasil && perilaku ? predikatLabel(predikatFromRatings(hasil, perilaku)) : '—') : score ? legacyLabel(Number(score.replace(',', '.'))) : '—';
  const save = async () => {
    try {
      const result = await call('performance:saveEvaluation', modern
        ? { employeeId, year, period, regime: 'PMPANRB6_2022', hasilKerja: hasil || null, perilakuKerja: perilaku || null }
        : { employeeId, year, period, regime: 'PP46_2011', legacyScore: score ? Number(score.replace(',', '.')) : null });
      toast('success', `SKP disimpan${result.replaced ? ' (menggantikan data periode yang sama)' : ''}.`);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  };
  return (
    <Dialog title="Catat SKP" onClose={onClose} footer={<><button type="button" className="button" onClick={onClose}>Batal</button><button type="button" className="button button-primary" onClick={() => void save()}>Simpan</button></>}>
      <div className="form-grid">
        <label className="field"><span className="field-label">Tahun</span><input type="number" value={year} min={2000} max={thisYear} onChange={(e) => setYear(Number(e.target.value))} /></label>
        <label className="field"><span className="field-label">Periode</span>
          <select value={period} onChange={(e) => setPeriod(e.target.value as Period)}>{PERIODS.filter((x) => !x.code.startsWith('bulan')).map((x) => <option key={x.code} value={x.code}>{x.label}</option>)}</select>
        </label>
      </div>
      {modern ? (
        <div className="form-grid">
          <label className="field"><span className="field-label">Rating hasil kerja</span>
            <select value={hasil} onChange={(e) => setHasil(e.target.value as Rating)}><option value="">— pilih —</option>{RATINGS.map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}</select>
          </label>
          <label className="field"><span className="field-label">Rating perilaku kerja</span>
            <select value={perilaku} onChange={(e) => setPerilaku(e.target.value as Rating)}><option value="">— pilih —</option>{RATINGS.map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}</select>
          </label>
        </div>
      ) : (
        <label className="field"><span className="field-label">Nilai SKP (PP 46/2011, 0–100)</span><input inputMode="decimal" value={score} onChange={(e) => setScore(e.target.value)} /></label>
      )}
      <p>{modern ? 'Predikat (matriks PermenPANRB 6/2022)' : 'Sebutan (PP 46/2011)'}: <strong data-testid="predikat-preview">{preview}</strong></p>
      <ErrorBanner error={error} />
    </Dialog>
  );
}

function PotentialDialog({ employeeId, onClose }: { employeeId: number; onClose(): void }) {
  const today = useToday();
  const [date, setDate] = useState(today);
  const [level, setLevel] = useState<'' | 'rendah' | 'menengah' | 'tinggi'>('');
  const [score, setScore] = useState('');
  const [method, setMethod] = useState<string>(POTENTIAL_METHODS[0].code);
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();
  const save = async () => {
    if (!isIsoDate(date)) {
      setError(new ApiError({ code: 'validation', message: `Tanggal: ${INVALID_DATE_MESSAGE}` }));
      return;
    }
    try {
      await call('performance:savePotential', { employeeId, assessedOn: date, level: level || null, score: score ? Number(score.replace(',', '.')) : null, method });
      toast('success', 'Asesmen potensi disimpan.');
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  };
  return (
    <Dialog title="Catat asesmen potensi" onClose={onClose} footer={<><button type="button" className="button" onClick={onClose}>Batal</button><button type="button" className="button button-primary" onClick={() => void save()}>Simpan</button></>}>
      <div className="form-grid">
        <label className="field"><span className="field-label">Tanggal</span><DateInput ariaLabel="Tanggal" value={date} onChange={setDate} /></label>
        <label className="field"><span className="field-label">Tingkat potensi</span>
          <select value={level} onChange={(e) => setLevel(e.target.value as typeof level)}><option value="">— dari nilai —</option><option value="rendah">Rendah</option><option value="menengah">Menengah</option><option value="tinggi">Tinggi</option></select>
        </label>
        <label className="field"><span className="field-label">Nilai potensi (0–100)</span><input inputMode="decimal" value={score} onChange={(e) => setScore(e.target.value)} /></label>
        <label className="field"><span className="field-label">Metode</span>
          <select value={method} onChange={(e) => setMethod(e.target.value)}>{POTENTIAL_METHODS.map((m) => <option key={m.code} value={m.code}>{m.label}</option>)}</select>
        </label>
      </div>
      <ErrorBanner error={error} />
    </Dialog>
  );
}
