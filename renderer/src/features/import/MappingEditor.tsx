import { useEffect, useMemo, useState } from 'react';
import { IMPORT_SPECS, type ImportKind } from '../../../../shared/domain/import-fields';
import type { ImportPreview } from '../../../../shared/schemas/import';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useToast } from '../../components/feedback';

const COMPETENCY_CODES = ['M.01', 'M.02', 'M.03', 'M.04', 'M.05', 'M.06', 'M.07', 'M.08', 'SK.01'];

function fieldOptions(kind: ImportKind): Array<{ value: string; label: string }> {
  const options = IMPORT_SPECS[kind].fields.filter((f) => f.used).map((f) => ({ value: f.key, label: `${f.label} (${f.key})` }));
  if (IMPORT_SPECS[kind].competencyColumns) for (const code of COMPETENCY_CODES) options.push({ value: `comp:${code}`, label: `Level kompetensi ${code}` });
  return options;
}

/** The header → field mapping: shown open when something is missing; adjustable; savable as a profile. */
export function MappingEditor({ preview, open, onApply, onError }: {
  preview: ImportPreview; open: boolean; onApply(mapping: Record<string, string | null> | undefined, profileId?: number): void; onError(e: ApiError): void;
}) {
  const kind = preview.kind!;
  const initial = useMemo(() => Object.fromEntries(preview.mapping.filter((m) => m.normalised).map((m) => [m.normalised, m.field])), [preview]);
  const [mapping, setMapping] = useState<Record<string, string | null>>(initial);
  const [profileName, setProfileName] = useState('');
  const profiles = useApi('import:profiles', { kind });
  const toast = useToast();
  useEffect(() => setMapping(initial), [initial]);

  const options = fieldOptions(kind);
  const unknown = preview.mapping.filter((m) => !m.known && m.normalised).length;
  const mapped = preview.mapping.filter((m) => m.field).length;
  const changed = Object.entries(mapping).some(([k, v]) => initial[k] !== v);
  const extra = (value: string | null) => (value && !options.some((o) => o.value === value) ? [{ value, label: value.replace(/^comp:/, 'Level kompetensi ') }] : []);

  const save = async () => {
    try {
      await call('import:saveProfile', { name: profileName.trim(), kind, mapping });
      toast('success', `Profil pemetaan "${profileName.trim()}" disimpan.`);
      setProfileName('');
      profiles.reload();
    } catch (e) {
      onError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  };

  return (
    <details className="card mapping" open={open}>
      <summary><span className="strong">Pemetaan kolom</span> <span className="muted">· {mapped} kolom dipakai{unknown > 0 ? `, ${unknown} tidak dikenal (diabaikan)` : ''}</span></summary>
      <div className="table-scroll">
        <table className="table table-compact" aria-label="Pemetaan kolom">
          <thead><tr><th>Kolom di berkas</th><th>Diisikan ke</th><th>Keterangan</th></tr></thead>
          <tbody>
            {preview.mapping.filter((m) => m.normalised).map((m) => {
              const value = mapping[m.normalised] ?? null;
              return (
                <tr key={m.index}>
                  <td className="mono">{m.header}</td>
                  <td>
                    <select aria-label={`Isian untuk kolom ${m.header}`} value={value ?? ''} onChange={(e) => setMapping({ ...mapping, [m.normalised]: e.target.value || null })}>
                      <option value="">— diabaikan —</option>
                      {[...options, ...extra(value)].map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                    </select>
                  </td>
                  <td className="muted small">{!m.known ? 'tidak dikenal' : m.field ? 'dikenali' : 'dikenali, tidak disimpan Jenjang'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="mapping-actions">
        <button type="button" className="button button-primary" disabled={!changed} onClick={() => onApply(mapping)}>Terapkan pemetaan</button>
        {(profiles.data?.length ?? 0) > 0 && (
          <select aria-label="Pakai profil pemetaan" value="" onChange={(e) => e.target.value && onApply(undefined, Number(e.target.value))}>
            <option value="">Pakai profil tersimpan…</option>
            {profiles.data!.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        )}
        <input aria-label="Nama profil pemetaan" placeholder="Nama profil, mis. Ekspor SIMPEG lama" value={profileName} maxLength={80} onChange={(e) => setProfileName(e.target.value)} />
        <button type="button" className="button" disabled={profileName.trim().length < 2} onClick={() => void save()}>Simpan sebagai profil</button>
      </div>
    </details>
  );
}
