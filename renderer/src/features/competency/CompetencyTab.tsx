import { useState } from 'react';
import { ASSESSMENT_METHODS, assessmentMethodLabel, type AssessmentMethod } from '../../../../shared/domain/competency';
import { JPM_STATUS_LABELS, SELECTION_CATEGORY_LABELS } from '../../../../shared/domain/jpm';
import { formatDateId, formatNumberId } from '../../../../shared/format/id-format';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { isIsoDate } from '../../../../shared/domain/dates';
import { RadarChart } from '../../components/charts';
import { ChartCard, ExportXlsxButton } from '../../components/data-view';
import { DateInput, INVALID_DATE_MESSAGE } from '../../components/date-input';
import { Dialog, EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { useToday } from '../../app/today';

type Profile = ResponseOf<'competency:employee'>;

/** Profile tab "Kompetensi": radar of actual vs required, gaps, JPM and category, history, and recording. */
export function CompetencyTab({ employeeId }: { employeeId: number }) {
  const data = useApi('competency:employee', { employeeId }, ['competency', 'employees']);
  const [recording, setRecording] = useState(false);
  if (data.error) return <ErrorBanner error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const p = data.data;
  const record = <button type="button" className="button button-primary" onClick={() => setRecording(true)} disabled={p.items.length === 0}>Catat asesmen</button>;

  return (
    <div className="stack">
      <JpmBanner profile={p} action={record} />
      {p.items.length === 0 ? (
        <EmptyState title={p.positionId ? 'Standar kompetensi jabatan belum ditetapkan' : 'Jabatan belum diisi'}>
          Tanpa standar kompetensi jabatan, kesenjangan dan JPM tidak dapat dihitung. Tetapkan standarnya di Peta Kompetensi › Kamus &amp; standar.
        </EmptyState>
      ) : (
        <div className="cards cards-2">
          <ChartCard
            title="Capaian dibanding standar"
            table={{
              title: `Kompetensi ${p.employee.fullName}`,
              subtitle: [`Jabatan: ${p.employee.positionName ?? '-'}`],
              columns: [{ key: 'code', header: 'Kode' }, { key: 'name', header: 'Kompetensi' }, { key: 'required', header: 'Standar', type: 'integer' },
                { key: 'actual', header: 'Capaian', type: 'integer' }, { key: 'gap', header: 'Selisih', type: 'integer' }, { key: 'assessedOn', header: 'Tanggal asesmen', type: 'date' }],
              rows: p.items.map((i) => ({ code: i.code, name: i.name, required: i.required, actual: i.actual, gap: i.gap, assessedOn: i.assessedOn })),
            }}
            chart={
              <RadarChart ariaLabel="Capaian kompetensi dibanding standar" testId="competency-radar" max={5} axisKey="code"
                data={p.items.map((i) => ({ code: i.code, Standar: i.required, Capaian: i.actual ?? 0 }))}
                series={[
                  { key: 'Standar', label: 'Standar', color: '#1d6f8c', fillOpacity: 0.15 },
                  ...(p.jpm.assessedCount > 0 ? [{ key: 'Capaian', label: 'Capaian', color: '#d97706', fillOpacity: 0.3 }] : []),
                ]} />
            }
          />
          <section className="card" aria-label="Kesenjangan kompetensi">
            <h2 className="card-title">Kesenjangan per kompetensi</h2>
            <table className="table table-compact" aria-label="Kesenjangan">
              <thead><tr><th>Kompetensi</th><th className="num">Standar</th><th className="num">Capaian</th><th className="num">Selisih</th><th>Asesmen terakhir</th></tr></thead>
              <tbody>
                {p.items.map((i) => (
                  <tr key={i.competencyId}>
                    <td>{i.code} {i.name}</td>
                    <td className="num">{i.required}</td>
                    <td className="num">{i.actual ?? <span className="muted">belum diasesmen</span>}</td>
                    <td className={`num${i.gap !== null && i.gap < 0 ? ' text-warning' : ''}`}>{i.gap === null ? '–' : i.gap > 0 ? `+${i.gap}` : i.gap}</td>
                    <td>{i.assessedOn ? `${formatDateId(i.assessedOn)} · ${assessmentMethodLabel(i.method ?? '')}` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
      <History profile={p} />
      {recording && <RecordDialog profile={p} onClose={() => setRecording(false)} />}
    </div>
  );
}

function JpmBanner({ profile: p, action }: { profile: Profile; action: React.ReactNode }) {
  const { jpm } = p;
  return (
    <div className="jpm-banner" data-testid="jpm-banner">
      <div>
        <div className="stat-label">Job-Person Match</div>
        <div className="stat-value">{jpm.jpm === null ? '–' : `${formatNumberId(jpm.jpm, 1)}%`}</div>
      </div>
      <div>
        <div className="stat-label">Kategori</div>
        <div className="strong">{jpm.category ?? JPM_STATUS_LABELS[jpm.status]}</div>
        {jpm.selection && <div className="muted" title="Kategori seleksi">{jpm.selection} · {SELECTION_CATEGORY_LABELS[jpm.selection]}</div>}
      </div>
      <div className="muted">
        {jpm.status === 'partial' && `Baru ${jpm.assessedCount} dari ${jpm.standardCount} kompetensi standar yang diasesmen; JPM dihitung setelah lengkap.`}
        {jpm.status === 'complete' && `Σ min(capaian, standar) ${jpm.achievedSum} dari Σ standar ${jpm.requiredSum}.`}
        {jpm.status === 'not_assessed' && 'Pegawai ini belum pernah diasesmen pada kompetensi standar jabatannya.'}
      </div>
      <div>{action}</div>
    </div>
  );
}

function History({ profile: p }: { profile: Profile }) {
  if (p.history.length === 0) return null;
  const byDate = new Map<string, Profile['history']>();
  for (const h of p.history) byDate.set(h.assessedOn, [...(byDate.get(h.assessedOn) ?? []), h]);
  return (
    <section className="card" aria-label="Riwayat asesmen">
      <header className="card-header">
        <h2 className="card-title">Riwayat asesmen</h2>
        <ExportXlsxButton table={{
          title: `Riwayat asesmen ${p.employee.fullName}`,
          columns: [{ key: 'date', header: 'Tanggal', type: 'date' }, { key: 'code', header: 'Kode' }, { key: 'name', header: 'Kompetensi' }, { key: 'level', header: 'Level', type: 'integer' }, { key: 'method', header: 'Metode' }, { key: 'assessor', header: 'Asesor' }],
          rows: p.history.map((h) => ({ date: h.assessedOn, code: h.code, name: h.name, level: h.level, method: assessmentMethodLabel(h.method), assessor: h.assessor })),
        }} />
      </header>
      <table className="table table-compact" aria-label="Riwayat asesmen kompetensi">
        <thead><tr><th>Tanggal</th><th>Metode</th>{[...new Set(p.history.map((h) => h.code))].sort().map((c) => <th key={c} className="num">{c}</th>)}</tr></thead>
        <tbody>
          {[...byDate].map(([date, items]) => {
            const codes = [...new Set(p.history.map((h) => h.code))].sort();
            return (
              <tr key={date}>
                <td>{formatDateId(date)}</td><td>{assessmentMethodLabel(items[0].method)}</td>
                {codes.map((c) => <td key={c} className="num">{items.find((i) => i.code === c)?.level ?? '–'}</td>)}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">Yang berlaku adalah asesmen terbaru per kompetensi; asesmen lama tetap tersimpan sebagai riwayat.</p>
    </section>
  );
}

function RecordDialog({ profile: p, onClose }: { profile: Profile; onClose(): void }) {
  const today = useToday();
  const [date, setDate] = useState(today);
  const [method, setMethod] = useState<AssessmentMethod>('assessment_center');
  const [assessor, setAssessor] = useState('');
  const [levels, setLevels] = useState<Record<number, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  const save = async () => {
    setError(null);
    if (!isIsoDate(date)) {
      setError(new ApiError({ code: 'validation', message: `Tanggal asesmen: ${INVALID_DATE_MESSAGE}` }));
      return;
    }
    setSaving(true);
    try {
      const entries = Object.entries(levels).filter(([, v]) => v !== '').map(([id, v]) => ({ competencyId: Number(id), level: Number(v) }));
      const result = await call('competency:recordAssessment', { employeeId: p.employee.id, assessedOn: date, method, assessor: assessor || null, levels: entries });
      toast('success', `Asesmen ${result.recorded} kompetensi disimpan${result.jpm.jpm !== null ? `; JPM ${formatNumberId(result.jpm.jpm, 1)}%` : ''}.`);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog title={`Catat asesmen · ${p.employee.fullName}`} onClose={onClose} wide footer={
      <><button type="button" className="button" onClick={onClose}>Batal</button><button type="button" className="button button-primary" disabled={saving} onClick={() => void save()}>Simpan asesmen</button></>
    }>
      <div className="form-grid">
        <label className="field"><span className="field-label">Tanggal asesmen</span><DateInput ariaLabel="Tanggal asesmen" value={date} onChange={setDate} /></label>
        <label className="field"><span className="field-label">Metode</span>
          <select value={method} onChange={(e) => setMethod(e.target.value as AssessmentMethod)}>{ASSESSMENT_METHODS.map((m) => <option key={m.code} value={m.code}>{m.label}</option>)}</select>
        </label>
        <label className="field"><span className="field-label">Asesor / lembaga</span><input value={assessor} onChange={(e) => setAssessor(e.target.value)} /></label>
      </div>
      <table className="table table-compact" aria-label="Level per kompetensi">
        <thead><tr><th>Kompetensi</th><th className="num">Standar</th><th>Level capaian</th></tr></thead>
        <tbody>
          {p.items.map((i) => (
            <tr key={i.competencyId}>
              <td>{i.code} {i.name}</td><td className="num">{i.required}</td>
              <td>
                <select aria-label={`Level ${i.code}`} value={levels[i.competencyId] ?? ''} onChange={(e) => setLevels((l) => ({ ...l, [i.competencyId]: e.target.value }))}>
                  <option value="">— tidak dinilai —</option>
                  {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>Level {n}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorBanner error={error} />
    </Dialog>
  );
}
