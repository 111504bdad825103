import { useState } from 'react';
import { NUMBERINGS } from '../../../../shared/domain/talent';
import type { TalentSettings } from '../../../../shared/schemas/talent';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Loading, useToast } from '../../components/feedback';
import { SaveErrorBanner } from '../../components/save-error';
import { useDraft } from '../../components/use-draft';

/** Pengaturan › Manajemen talenta: 9-box numbering, potential thresholds, talent-pool boxes. */
export function TalentSettingsSection() {
  const current = useApi('talent:settings', {}, ['performance']);
  const { draft, setDraft, markSaved, reset } = useDraft<TalentSettings & { version: number }>(current.data);
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();
  if (!draft) return <Loading />;
  const save = async () => {
    setError(null);
    try {
      markSaved(await call('talent:updateSettings', draft));
      toast('success', 'Pengaturan talenta disimpan.');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  };
  return (
    <div className="card">
      <div className="form-grid">
        <label className="field"><span className="field-label">Penomoran kotak</span>
          <select value={draft.numbering} onChange={(e) => setDraft({ ...draft, numbering: e.target.value as TalentSettings['numbering'] })}>
            {NUMBERINGS.map((n) => <option key={n.code} value={n.code}>{n.label}</option>)}
          </select>
        </label>
        <label className="field"><span className="field-label">Potensi tinggi jika nilai ≥</span>
          <input type="number" value={draft.thresholds.tinggi} onChange={(e) => setDraft({ ...draft, thresholds: { ...draft.thresholds, tinggi: Number(e.target.value) } })} />
        </label>
        <label className="field"><span className="field-label">Potensi menengah jika nilai ≥</span>
          <input type="number" value={draft.thresholds.menengah} onChange={(e) => setDraft({ ...draft, thresholds: { ...draft.thresholds, menengah: Number(e.target.value) } })} />
        </label>
      </div>
      <fieldset className="inline-checks"><legend>Kotak kelompok rencana suksesi</legend>
        {Array.from({ length: 9 }, (_, i) => i + 1).map((b) => (
          <label key={b}><input type="checkbox" checked={draft.poolBoxes.includes(b)} onChange={(e) => setDraft({ ...draft, poolBoxes: e.target.checked ? [...draft.poolBoxes, b] : draft.poolBoxes.filter((x) => x !== b) })} /> {b}</label>
        ))}
      </fieldset>
      <SaveErrorBanner error={error} onReload={() => { setError(null); reset(); current.reload(); }} />
      <button type="button" className="button button-primary" onClick={() => void save()}>Simpan pengaturan talenta</button>
    </div>
  );
}
