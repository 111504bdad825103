// Pengaturan → Pengembangan & karier, "Aturan administrasi karier": which hukuman disiplin blocks the KP lists and
// succession candidacy, how long a ringan one counts, the performance a KGB needs and the highest masa kerja
// golongan of the salary table, how an interruption counts for Satyalancana Karya Satya, and the KP pilihan and
// penyesuaian ijazah rules (months in rank at the eselon's lowest pangkat, izin belajar before the study, when the
// UPKP is required, the minimum masa kerja golongan per target). Defaults are in the README; the screen states the
// choice, not the law behind it.

import { useState } from 'react';
import { DISCIPLINE_CATEGORIES } from '../../../../shared/domain/careers';
import { golonganWithPangkat, PNS_GOLONGAN } from '../../../../shared/domain/golongan';
import type { CareerRulesSettings } from '../../../../shared/schemas/careers';
import { ApiError, call } from '../../api/client';
import { SaveErrorBanner } from '../../components/save-error';
import { useApi } from '../../api/hooks';
import { useCan } from '../../app/session';
import { ErrorBanner, Loading, useToast } from '../../components/feedback';
import { Card } from '../../components/layout';
import { useDraft } from '../../components/use-draft';
import { errorText, Field } from './common';

type Categories = CareerRulesSettings['disciplineBlocksKp'];

function CategoryChoice({ label, value, onChange }: { label: string; value: Categories; onChange(next: Categories): void }) {
  return (
    <fieldset className="field">
      <legend className="field-label">{label}</legend>
      {DISCIPLINE_CATEGORIES.map((c) => (
        <label key={c.code} className="field-inline">
          <input type="checkbox" aria-label={`${label}: ${c.label}`} checked={value.includes(c.code)}
            onChange={(e) => onChange(e.target.checked ? [...value, c.code] : value.filter((x) => x !== c.code))} />
          <span>{c.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function CareerRulesSection() {
  const rules = useApi('careers:rules', {}, ['settings', 'development']);
  const { draft, setDraft, markSaved, discard, reset } = useDraft<CareerRulesSettings & { version: number }>(rules.data);
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  const mayEdit = useCan('settings');
  if (rules.error) return <ErrorBanner error={rules.error} onRetry={rules.reload} />;
  if (!draft) return <Loading />;
  const save = async () => {
    setError(null);
    setSaving(true);
    try {
      markSaved(await call('careers:updateRules', draft));
      toast('success', 'Aturan administrasi karier disimpan.');
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'conflict' ? e : new Error(errorText(e)));
    } finally {
      setSaving(false);
    }
  };
  const minMkg = draft.degreeMinMkgYears;
  const setMinMkg = (next: CareerRulesSettings['degreeMinMkgYears']) => setDraft({ ...draft, degreeMinMkgYears: next });
  const unusedTarget = PNS_GOLONGAN.find((g) => !minMkg.some((x) => x.target === g.code) && g.rank > 1);
  const maxMkg = (group: keyof CareerRulesSettings['kgbMaxMkgYears'], value: number) => setDraft({ ...draft, kgbMaxMkgYears: { ...draft.kgbMaxMkgYears, [group]: value } });
  return (
    <Card title="Aturan administrasi karier">
      <div className="dev-form-grid">
        <CategoryChoice label="Hukuman disiplin yang menghalangi usulan kenaikan pangkat" value={draft.disciplineBlocksKp} onChange={(v) => setDraft({ ...draft, disciplineBlocksKp: v })} />
        <CategoryChoice label="Hukuman disiplin yang menghalangi kandidat suksesi" value={draft.disciplineBlocksSuccession} onChange={(v) => setDraft({ ...draft, disciplineBlocksSuccession: v })} />
        <Field label="Lama hukuman disiplin ringan diperhitungkan (bulan)" hint="0: hukuman disiplin ringan tidak menghalangi.">
          <input type="number" min={0} max={24} aria-label="Lama hukuman disiplin ringan diperhitungkan (bulan)" value={draft.ringanRunningMonths}
            onChange={(e) => setDraft({ ...draft, ringanRunningMonths: Number(e.target.value) })} />
        </Field>
        <Field label="Predikat kinerja minimal untuk KGB" hint="Dinilai pada SKP tahunan terakhir yang sudah final pada TMT KGB.">
          <select aria-label="Predikat kinerja minimal untuk KGB" value={draft.kgbMinimumPerformance} onChange={(e) => setDraft({ ...draft, kgbMinimumPerformance: e.target.value as CareerRulesSettings['kgbMinimumPerformance'] })}>
            <option value="baik">Baik</option>
            <option value="cukup">Cukup (juga Butuh Perbaikan)</option>
          </select>
        </Field>
        <fieldset className="field">
          <legend className="field-label">Masa kerja golongan tertinggi tabel gaji (tahun)</legend>
          {(['I', 'II', 'III', 'IV'] as const).map((g) => (
            <label key={g} className="field-inline">
              <span>Golongan {g}</span>
              <input type="number" min={1} max={45} aria-label={`Masa kerja golongan tertinggi golongan ${g}`} value={draft.kgbMaxMkgYears[g]} onChange={(e) => maxMkg(g, Number(e.target.value))} />
            </label>
          ))}
        </fieldset>
        <Field label="Hukuman disiplin sedang/berat atau cuti di luar tanggungan negara pada masa kerja Satyalancana">
          <select aria-label="Hukuman disiplin sedang/berat atau cuti di luar tanggungan negara pada masa kerja Satyalancana" value={draft.satyalancanaInterruption}
            onChange={(e) => setDraft({ ...draft, satyalancanaInterruption: e.target.value as CareerRulesSettings['satyalancanaInterruption'] })}>
            <option value="block">Menghalangi usulan</option>
            <option value="restart">Masa kerja dihitung ulang sejak hari sesudahnya</option>
          </select>
        </Field>
        <Field label="KP pilihan struktural pada pangkat terendah eselon: masa dalam pangkat (bulan)">
          <input type="number" min={12} max={48} aria-label="KP pilihan struktural pada pangkat terendah eselon: masa dalam pangkat (bulan)" value={draft.choiceMonthsAtLowest}
            onChange={(e) => setDraft({ ...draft, choiceMonthsAtLowest: Number(e.target.value) })} />
        </Field>
        <Field label="Tugas belajar: pejabat struktural dibebaskan dari jabatan setelah (bulan)">
          <input type="number" min={1} max={60} aria-label="Tugas belajar: pejabat struktural dibebaskan dari jabatan setelah (bulan)" value={draft.studyReleaseAfterMonths}
            onChange={(e) => setDraft({ ...draft, studyReleaseAfterMonths: Number(e.target.value) })} />
        </Field>
        <label className="field-inline">
          <input type="checkbox" aria-label="Penyesuaian ijazah: izin belajar harus diberikan sebelum studi dimulai" checked={draft.degreeIzinBeforeStudy}
            onChange={(e) => setDraft({ ...draft, degreeIzinBeforeStudy: e.target.checked })} />
          <span>Penyesuaian ijazah: izin belajar harus diberikan sebelum studi dimulai</span>
        </label>
        <Field label="Penyesuaian ijazah: UPKP diwajibkan">
          <select aria-label="Penyesuaian ijazah: UPKP diwajibkan" value={draft.degreeUpkpRequired}
            onChange={(e) => setDraft({ ...draft, degreeUpkpRequired: e.target.value as CareerRulesSettings['degreeUpkpRequired'] })}>
            <option value="crossing_group">Bila naik ke golongan yang lebih tinggi (I ke II, II ke III, III ke IV)</option>
            <option value="always">Selalu</option>
            <option value="never">Tidak diwajibkan</option>
          </select>
        </Field>
        <fieldset className="field">
          <legend className="field-label">Penyesuaian ijazah: masa kerja golongan minimal per golongan tujuan (tahun)</legend>
          {minMkg.length === 0 && <p className="field-hint">Tidak diperiksa.</p>}
          {minMkg.map((row, index) => (
            <div key={index} className="field-inline">
              <select aria-label={`Golongan tujuan baris ${index + 1}`} value={row.target}
                onChange={(e) => setMinMkg(minMkg.map((x, i) => (i === index ? { ...x, target: Number(e.target.value) } : x)))}>
                {PNS_GOLONGAN.filter((g) => g.rank > 1).map((g) => <option key={g.code} value={g.code}>{golonganWithPangkat(g.code)}</option>)}
              </select>
              <input type="number" min={0} max={40} aria-label={`Masa kerja golongan minimal baris ${index + 1}`} value={row.years}
                onChange={(e) => setMinMkg(minMkg.map((x, i) => (i === index ? { ...x, years: Number(e.target.value) } : x)))} />
              <button type="button" className="button" onClick={() => setMinMkg(minMkg.filter((_, i) => i !== index))}>Hapus</button>
            </div>
          ))}
          {unusedTarget && (
            <button type="button" className="button" onClick={() => setMinMkg([...minMkg, { target: unusedTarget.code, years: 1 }])}>Tambah golongan tujuan</button>
          )}
        </fieldset>
      </div>
      <SaveErrorBanner error={error} onReload={() => { setError(null); reset(); rules.reload(); }} />
      {mayEdit && (
        <div className="toolbar">
          <button type="button" className="button button-primary" disabled={saving} onClick={() => void save()}>Simpan aturan administrasi karier</button>
          <button type="button" className="button" onClick={discard}>Batalkan perubahan</button>
        </div>
      )}
    </Card>
  );
}
