import { useState } from 'react';
import { normaliseRelations, READINESS, rumpunKey, SCORE_COMPONENTS } from '../../../../shared/domain/succession';
import type { SuccessionSettings } from '../../../../shared/schemas/succession';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ErrorBanner, Loading, useToast } from '../../components/feedback';
import { SaveErrorBanner } from '../../components/save-error';
import { useDraft } from '../../components/use-draft';
import './suksesi.css';

/** Pengaturan › Suksesi: readiness labels, the risk rule, candidate requirements, the score weights and the
 *  related rumpun. */
export function SuksesiSettings() {
  const settings = useApi('succession:getSettings', {}, ['succession']);
  const { draft: form, setDraft: setForm, markSaved, discard, reset } = useDraft<SuccessionSettings & { version: number }>(settings.data);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  if (settings.error) return <ErrorBanner error={settings.error} onRetry={settings.reload} />;
  if (!form) return <Loading />;

  const int = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await call('succession:updateSettings', form);
      markSaved(saved);
      toast('success', 'Pengaturan suksesi disimpan.');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setSaving(false);
    }
  };
  const totalWeight = Object.values(form.weights).reduce((s, w) => s + (Number.isFinite(w) ? w : 0), 0);

  return (
    <form className="card" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label="Pengaturan suksesi">
      <h3 className="dialog-section">Label kesiapan</h3>
      <div className="settings-form">
        {READINESS.map((r) => (
          <label key={r.code} className="field"><span className="field-label">{r.defaultLabel} (bawaan)</span>
            <input value={form.readinessLabels[r.code]} maxLength={40} onChange={(e) => setForm({ ...form, readinessLabels: { ...form.readinessLabels, [r.code]: e.target.value } })} />
          </label>
        ))}
      </div>
      <h3 className="dialog-section">Tingkat risiko</h3>
      <div className="settings-form">
        <label className="field"><span className="field-label">Risiko tinggi: kosong atau pensiun dalam (bulan)</span>
          <input type="number" min={1} max={60} value={form.risk.highMonths} onChange={(e) => setForm({ ...form, risk: { ...form.risk, highMonths: int(e.target.value) } })} /></label>
        <label className="field"><span className="field-label">Risiko sedang: pensiun dalam (bulan)</span>
          <input type="number" min={1} max={120} value={form.risk.mediumMonths} onChange={(e) => setForm({ ...form, risk: { ...form.risk, mediumMonths: int(e.target.value) } })} /></label>
        <label className="key-toggle"><input type="checkbox" checked={form.risk.emptyBenchIsMedium} onChange={(e) => setForm({ ...form, risk: { ...form.risk, emptyBenchIsMedium: e.target.checked } })} /> Jabatan tanpa kandidat sama sekali minimal risiko sedang</label>
      </div>
      <h3 className="dialog-section">Syarat kandidat</h3>
      <div className="settings-form">
        <label className="field"><span className="field-label">Toleransi golongan di bawah pangkat terendah eselon (tingkat)</span>
          <input type="number" min={0} max={2} value={form.rules.golonganToleranceSteps} onChange={(e) => setForm({ ...form, rules: { ...form.rules, golonganToleranceSteps: int(e.target.value) } })} /></label>
        {(['jpt_pratama', 'administrator', 'pengawas'] as const).map((level) => (
          <label key={level} className="field"><span className="field-label">Lama pada jabatan sebelum {level === 'jpt_pratama' ? 'JPT Pratama' : level === 'administrator' ? 'Administrator' : 'Pengawas'} (tahun)</span>
            <input type="number" min={0} max={10} value={form.rules.minYearsInPosition[level]} onChange={(e) => setForm({ ...form, rules: { ...form.rules, minYearsInPosition: { ...form.rules.minYearsInPosition, [level]: int(e.target.value) } } })} /></label>
        ))}
        <label className="field"><span className="field-label">Usia paling tinggi untuk JPT Pratama</span>
          <input type="number" min={40} max={60} value={form.rules.maxAgeJptPratama} onChange={(e) => setForm({ ...form, rules: { ...form.rules, maxAgeJptPratama: int(e.target.value) } })} /></label>
        <label className="field"><span className="field-label">Tandai bila pensiun kurang dari … bulan setelah lowong</span>
          <input type="number" min={0} max={120} value={form.rules.minServiceMonthsAfterVacancy} onChange={(e) => setForm({ ...form, rules: { ...form.rules, minServiceMonthsAfterVacancy: int(e.target.value) } })} /></label>
        <label className="field"><span className="field-label">Tandai kandidat yang ada di … rencana atau lebih</span>
          <input type="number" min={2} max={20} value={form.rules.overRelianceThreshold} onChange={(e) => setForm({ ...form, rules: { ...form.rules, overRelianceThreshold: int(e.target.value) } })} /></label>
        <label className="key-toggle"><input type="checkbox" checked={form.rules.allowLateralMoves} onChange={(e) => setForm({ ...form, rules: { ...form.rules, allowLateralMoves: e.target.checked } })} /> Hitung juga pegawai sejenjang (mutasi), bukan hanya satu jenjang di bawah</label>
      </div>
      <h3 className="dialog-section">Bobot skor kandidat (jumlah {totalWeight})</h3>
      <div className="settings-form">
        {SCORE_COMPONENTS.map((c) => (
          <label key={c.key} className="field"><span className="field-label">{c.label}</span>
            <input type="number" min={0} max={100} value={form.weights[c.key]} onChange={(e) => setForm({ ...form, weights: { ...form.weights, [c.key]: int(e.target.value) } })} /></label>
        ))}
      </div>
      <RelatedRumpunEditor pairs={form.relatedRumpun} onChange={(relatedRumpun) => setForm({ ...form, relatedRumpun })} />
      <SaveErrorBanner error={error} onReload={() => { setError(null); reset(); settings.reload(); }} />
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="submit" className="button button-primary" disabled={saving}>Simpan pengaturan suksesi</button>
        <button type="button" className="button" onClick={discard}>Batalkan</button>
      </div>
    </form>
  );
}

type Pair = SuccessionSettings['relatedRumpun'][number];

/** The related rumpun: pairs the office lists (a JF family and the field it serves, two related fields). */
function RelatedRumpunEditor({ pairs, onChange }: { pairs: Pair[]; onChange: (pairs: Pair[]) => void }) {
  const options = useApi('succession:rumpunOptions', {}, ['succession']);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const has = (x: Pair) => pairs.some((p) => (rumpunKey(p.a) === rumpunKey(x.a) && rumpunKey(p.b) === rumpunKey(x.b)) || (rumpunKey(p.a) === rumpunKey(x.b) && rumpunKey(p.b) === rumpunKey(x.a)));
  const missing = (options.data?.proposedRelations ?? []).filter((p) => !has(p));
  const add = () => {
    onChange(normaliseRelations([...pairs, { a, b }]));
    setA('');
    setB('');
  };
  return (
    <section aria-label="Rumpun terkait">
      <h3 className="dialog-section">Rumpun terkait</h3>
      <p className="muted" style={{ fontSize: 13 }}>
        Kesesuaian rumpun kandidat dengan rumpun jabatan: rumpun yang sama bernilai 1, pernah menjabat di rumpun yang sama 0,75, rumpun terkait 0,5,
        pernah menjabat di rumpun terkait 0,25. Daftarkan di sini rumpun yang saling terkait, misalnya jabatan fungsional dan bidang yang dilayaninya.
      </p>
      <datalist id="rumpun-settings-options">{options.data?.rumpun.map((r) => <option key={r.name} value={r.name} />)}</datalist>
      {pairs.length === 0 ? <p className="muted">Belum ada rumpun terkait.</p> : (
        <div className="table-scroll" style={{ maxHeight: 320 }}>
          <table className="table table-compact" aria-label="Daftar rumpun terkait">
            <thead><tr><th>Rumpun</th><th>Terkait dengan</th><th /></tr></thead>
            <tbody>
              {pairs.map((p) => (
                <tr key={`${p.a}|${p.b}`}>
                  <td>{p.a}</td><td>{p.b}</td>
                  <td><button type="button" className="button button-small" aria-label={`Hapus ${p.a} – ${p.b}`} onClick={() => onChange(pairs.filter((x) => x !== p))}>Hapus</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="toolbar-tight">
        <input aria-label="Rumpun" list="rumpun-settings-options" value={a} maxLength={80} onChange={(e) => setA(e.target.value)} placeholder="Rumpun" />
        <input aria-label="Terkait dengan" list="rumpun-settings-options" value={b} maxLength={80} onChange={(e) => setB(e.target.value)} placeholder="Rumpun terkait" />
        <button type="button" className="button button-small" disabled={!a.trim() || !b.trim() || rumpunKey(a.trim()) === rumpunKey(b.trim())} onClick={add}>Tambah pasangan</button>
        {missing.length > 0 && (
          <button type="button" className="button button-small" onClick={() => onChange(normaliseRelations([...pairs, ...missing]))}>
            Tambahkan {missing.length} usulan dari data pegawai
          </button>
        )}
      </div>
    </section>
  );
}
