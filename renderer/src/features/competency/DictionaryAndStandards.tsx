import { useEffect, useRef, useState } from 'react';
import { COMPETENCY_GROUPS, MAX_LEVEL, type CompetencyGroup } from '../../../../shared/domain/competency';
import { positionLevelLabel } from '../../../../shared/domain/position';
import type { CompetencyDefinition } from '../../../../shared/schemas/competency';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useLeaveGuard } from '../../app/router';
import { Dialog, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { PositionPicker } from '../../components/position-picker';
import { SaveErrorBanner } from '../../components/save-error';

const groupLabel = (g: string) => COMPETENCY_GROUPS.find((x) => x.code === g)?.label ?? g;

/** The competency dictionary and the standard of each position. */
export function DictionaryAndStandards() {
  return (
    <div className="cards cards-2">
      <Dictionary />
      <Standards />
    </div>
  );
}

function Dictionary() {
  const dictionary = useApi('competency:dictionary', {}, ['competency']);
  const [editing, setEditing] = useState<CompetencyDefinition | 'new' | null>(null);
  return (
    <section className="card" aria-label="Kamus kompetensi">
      <header className="card-header">
        <h2 className="card-title">Kamus kompetensi</h2>
        <button type="button" className="button button-small" onClick={() => setEditing('new')}>+ Kompetensi teknis</button>
      </header>
      <ErrorBanner error={dictionary.error} onRetry={dictionary.reload} />
      {!dictionary.data ? <Loading /> : (
        <table className="table table-compact" aria-label="Daftar kompetensi">
          <thead><tr><th>Kode</th><th>Nama</th><th>Kelompok</th><th /></tr></thead>
          <tbody>
            {dictionary.data.competencies.map((c) => (
              <tr key={c.id} className={c.active ? undefined : 'muted'}>
                <td>{c.code}</td><td>{c.name}{!c.active && ' (nonaktif)'}</td><td>{groupLabel(c.group)}</td>
                <td><button type="button" className="button button-small" onClick={() => setEditing(c)}>Ubah</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <DefinitionDialog definition={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

function DefinitionDialog({ definition, onClose }: { definition: CompetencyDefinition | null; onClose(): void }) {
  const [code, setCode] = useState(definition?.code ?? 'T.');
  const [name, setName] = useState(definition?.name ?? '');
  const [group, setGroup] = useState<CompetencyGroup>(definition?.group ?? 'teknis');
  const [description, setDescription] = useState(definition?.description ?? '');
  const [levels, setLevels] = useState<string[]>(definition?.levelDescriptors.length === 5 ? definition.levelDescriptors : ['', '', '', '', '']);
  const [active, setActive] = useState(definition?.active ?? true);
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();
  const save = async () => {
    try {
      await call('competency:saveDefinition', { id: definition?.id, code, name, group, description, levelDescriptors: levels, active });
      toast('success', `Kompetensi ${code} disimpan.`);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  };
  return (
    <Dialog title={definition ? `Ubah ${definition.code} ${definition.name}` : 'Kompetensi baru'} onClose={onClose} wide footer={
      <><button type="button" className="button" onClick={onClose}>Batal</button><button type="button" className="button button-primary" onClick={() => void save()}>Simpan</button></>
    }>
      <div className="form-grid">
        <label className="field"><span className="field-label">Kode</span><input value={code} onChange={(e) => setCode(e.target.value)} /></label>
        <label className="field"><span className="field-label">Nama</span><input value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label className="field"><span className="field-label">Kelompok</span>
          <select value={group} onChange={(e) => setGroup(e.target.value as CompetencyGroup)}>{COMPETENCY_GROUPS.map((g) => <option key={g.code} value={g.code}>{g.label}</option>)}</select>
        </label>
        <label className="field"><span className="field-label">Aktif</span><input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /></label>
      </div>
      <label className="field"><span className="field-label">Definisi</span><textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} /></label>
      {levels.map((text, i) => (
        <label key={i} className="field"><span className="field-label">Level {i + 1}</span>
          <textarea rows={2} value={text} onChange={(e) => setLevels((l) => l.map((x, j) => (j === i ? e.target.value : x)))} />
        </label>
      ))}
      <ErrorBanner error={error} />
    </Dialog>
  );
}

function Standards() {
  const [positionId, setPositionId] = useState<number | null>(null);
  const standard = useApi('competency:standard', positionId ? { positionId } : null, ['competency']);
  const dictionary = useApi('competency:dictionary', {}, ['competency']);
  const missing = useApi('competency:positionsWithoutStandard', { limit: 50 }, ['competency']);
  const [levels, setLevels] = useState<Record<number, number | ''>>({});
  const [copyFrom, setCopyFrom] = useState<number | ''>('');
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();

  const storedLevels = JSON.stringify(Object.fromEntries((standard.data?.items ?? []).map((i) => [i.competency.id, i.requiredLevel])));
  const storedVersion = standard.data?.position.version ?? 1;
  // The version the levels on screen were read at: what a save names.
  const [baseVersion, setBaseVersion] = useState(storedVersion);
  // The form follows the stored standard (another position chosen, a save, another desk's save) only while the
  // officer has not edited it: edits in progress are kept, and a save of them is then refused with who saved since.
  const levelsNow = useRef(levels);
  levelsNow.current = levels;
  const synced = useRef<{ levels: string | null; positionId: number | null }>({ levels: null, positionId: null });
  useEffect(() => {
    const last = synced.current;
    const untouched = last.levels === null || last.positionId !== positionId || JSON.stringify(levelsNow.current) === last.levels;
    if (untouched) {
      setLevels(JSON.parse(storedLevels) as Record<number, number>);
      setBaseVersion(storedVersion);
      setCopyFrom('');
    }
    synced.current = { levels: storedLevels, positionId };
  }, [storedLevels, storedVersion, positionId]);
  const latestStored = useRef({ levels: storedLevels, version: storedVersion });
  latestStored.current = { levels: storedLevels, version: storedVersion };
  /** After this form's own save or copy the stored standard is followed again: at once when it has already arrived,
   *  else when it does (the levels on screen count as the ones last read). */
  const followOwnWrite = (storedBefore: string) => {
    const latest = latestStored.current;
    if (latest.levels !== storedBefore) {
      setLevels(JSON.parse(latest.levels) as Record<number, number>);
      setBaseVersion(latest.version);
      synced.current = { levels: latest.levels, positionId };
    } else {
      synced.current = { levels: JSON.stringify(levelsNow.current), positionId };
    }
  };
  /** "Muat ulang" after a refused save: the stored standard replaces the edits. */
  const reloadStored = () => {
    setError(null);
    setLevels(JSON.parse(storedLevels) as Record<number, number>);
    setBaseVersion(storedVersion);
    standard.reload();
  };
  useLeaveGuard(standard.data !== undefined && JSON.stringify(levels) !== storedLevels, 'Standar kompetensi jabatan ini belum disimpan. Tinggalkan halaman dan buang perubahannya?');

  const save = async () => {
    if (!positionId) return;
    setError(null);
    try {
      const items = Object.entries(levels).filter(([, v]) => v !== '').map(([id, v]) => ({ competencyId: Number(id), requiredLevel: Number(v) }));
      const before = storedLevels;
      const result = await call('competency:saveStandard', { positionId, version: baseVersion, items });
      followOwnWrite(before);
      toast('success', `Standar disimpan; JPM ${result.employeesRefreshed} pemangku jabatan dihitung ulang.`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  };
  const copy = async () => {
    if (!positionId || copyFrom === '') return;
    const source = standard.data?.similar.find((s) => s.id === copyFrom);
    if (!window.confirm(`Ganti standar jabatan ini dengan standar ${source?.name ?? 'jabatan terpilih'}?`)) return;
    setError(null);
    try {
      const before = storedLevels;
      await call('competency:copyStandard', { fromPositionId: copyFrom, targets: [{ positionId, version: baseVersion }] });
      followOwnWrite(before);
      toast('success', 'Standar disalin.');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  };

  return (
    <section className="card" aria-label="Standar kompetensi jabatan">
      <h2 className="card-title">Standar kompetensi jabatan</h2>
      <label className="field-label" htmlFor="standard-position">Jabatan</label>
      <PositionPicker id="standard-position" value={positionId} onChange={setPositionId} clearable={false} />
      {missing.data && missing.data.total > 0 && (
        <div className="banner banner-warning" role="status">
          <strong>{missing.data.total} jabatan belum memiliki standar kompetensi</strong> (JPM pemangkunya tidak dapat dihitung):
          <ul>{missing.data.positions.slice(0, 8).map((p) => <li key={p.id}><button type="button" className="link-button" onClick={() => setPositionId(p.id)}>{p.name}</button> · {p.holders} pemangku</li>)}</ul>
        </div>
      )}
      {positionId && !standard.data && <Loading />}
      {standard.data && dictionary.data && (
        <>
          <p className="muted">{positionLevelLabel(standard.data.position.level)}{standard.data.position.unitName ? ` · ${standard.data.position.unitName}` : ''} · {standard.data.position.holders} pemangku aktif
            {standard.data.items.length === 0 && <strong className="text-warning"> · belum ada standar</strong>}</p>
          <table className="table table-compact" aria-label="Level standar per kompetensi">
            <thead><tr><th>Kompetensi</th><th>Level standar</th></tr></thead>
            <tbody>
              {dictionary.data.competencies.filter((c) => c.active || levels[c.id]).map((c) => (
                <tr key={c.id}>
                  <td>{c.code} {c.name} <span className="muted">({groupLabel(c.group)})</span></td>
                  <td>
                    <select aria-label={`Level standar ${c.code}`} value={levels[c.id] ?? ''} onChange={(e) => setLevels((l) => ({ ...l, [c.id]: e.target.value === '' ? '' : Number(e.target.value) }))}>
                      <option value="">— tidak dipersyaratkan —</option>
                      {Array.from({ length: MAX_LEVEL }, (_, i) => i + 1).map((n) => <option key={n} value={n}>Level {n}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <SaveErrorBanner error={error} onReload={reloadStored} />
          <div className="form-actions-inline">
            <button type="button" className="button button-primary" onClick={() => void save()}>Simpan standar</button>
            {standard.data.similar.length > 0 && (
              <>
                <select aria-label="Salin dari jabatan serupa" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value ? Number(e.target.value) : '')}>
                  <option value="">Salin dari jabatan serupa…</option>
                  {standard.data.similar.map((s) => <option key={s.id} value={s.id}>{s.name}{s.unitName ? ` · ${s.unitName}` : ''}</option>)}
                </select>
                <button type="button" className="button" disabled={copyFrom === ''} onClick={() => void copy()}>Salin</button>
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}
