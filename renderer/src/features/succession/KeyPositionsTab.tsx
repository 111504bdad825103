import { useEffect, useState } from 'react';
import { positionLevelLabel } from '../../../../shared/domain/position';
import { formatNumberId } from '../../../../shared/format/id-format';
import { ApiError, call } from '../../api/client';
import { useApi, useDebounced } from '../../api/hooks';
import { href } from '../../app/router';
import { ErrorBanner, Loading, useToast } from '../../components/feedback';
import { SaveErrorBanner } from '../../components/save-error';

/** Marks the key positions (jabatan kritikal) among the structural posts; every change is audited. */
export function KeyPositionsTab() {
  const [search, setSearch] = useState('');
  const [level, setLevel] = useState('');
  const [keyOnly, setKeyOnly] = useState(false);
  const debounced = useDebounced(search, 200);
  const list = useApi('succession:positions', { search: debounced.trim() || undefined, level: level || undefined, keyOnly: keyOnly || undefined }, ['succession']);
  const [busy, setBusy] = useState<number | null>(null);
  // The box follows the click at once; the list from main confirms it (or the error puts it back).
  const [overrides, setOverrides] = useState<Record<number, boolean>>({});
  useEffect(() => setOverrides({}), [list.data]);
  const toast = useToast();

  // A mark refused because another desk changed the position since the list was read: who and when, "Muat ulang".
  const [stale, setStale] = useState<ApiError | null>(null);
  const toggle = async (positionId: number, version: number, name: string, isKey: boolean) => {
    setBusy(positionId);
    setStale(null);
    setOverrides((o) => ({ ...o, [positionId]: isKey }));
    try {
      await call('succession:setKey', { positionId, version, isKey });
      toast('success', isKey ? `${name} ditandai sebagai jabatan kritikal.` : `Tanda jabatan kritikal dilepas dari ${name}.`);
    } catch (e) {
      setOverrides((o) => {
        const { [positionId]: _dropped, ...rest } = o;
        return rest;
      });
      if (e instanceof ApiError && e.code === 'conflict') setStale(e);
      else toast('error', e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-label="Penandaan jabatan kritikal">
      <p className="muted">Secara bawaan semua jabatan JPT Pratama dan Administrator adalah jabatan kritikal. Tandai atau lepas tanda di sini; setiap perubahan tercatat di log audit.</p>
      <div className="toolbar-tight" role="search">
        <input type="search" placeholder="Cari jabatan atau unit…" aria-label="Cari jabatan struktural" value={search} onChange={(e) => setSearch(e.target.value)} />
        <select aria-label="Jenjang jabatan" value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="">Semua jabatan struktural</option>
          <option value="jpt_pratama">JPT Pratama</option>
          <option value="administrator">Administrator</option>
          <option value="pengawas">Pengawas</option>
        </select>
        <label className="key-toggle"><input type="checkbox" checked={keyOnly} onChange={(e) => setKeyOnly(e.target.checked)} /> Hanya yang kritikal</label>
        {list.data && <span className="muted">{formatNumberId(list.data.rows.length)} jabatan, {formatNumberId(list.data.rows.filter((r) => r.isKey).length)} kritikal</span>}
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      <SaveErrorBanner error={stale} onReload={() => { setStale(null); list.reload(); }} />
      {!list.data ? <Loading /> : (
        <div className="table-scroll" style={{ maxHeight: 640 }}>
          <table className="table table-compact" aria-label="Jabatan struktural">
            <thead><tr><th>Kritikal</th><th>Jabatan</th><th>Jenjang</th><th>Unit / perangkat daerah</th><th>Pejabat</th><th>Rencana</th></tr></thead>
            <tbody>
              {list.data.rows.map((r) => (
                <tr key={r.positionId}>
                  <td>
                    <input type="checkbox" checked={overrides[r.positionId] ?? r.isKey} disabled={busy === r.positionId} aria-label={`Jabatan kritikal: ${r.name}`}
                      onChange={(e) => void toggle(r.positionId, r.version, r.name, e.target.checked)} />
                  </td>
                  <td><a href={href(`/suksesi/jabatan/${r.positionId}`)}>{r.name}</a></td>
                  <td>{positionLevelLabel(r.level)}{r.eselon ? ` · ${r.eselon}` : ''}</td>
                  <td>{[r.unitName, r.opdName].filter((x, i, all) => x && all.indexOf(x) === i).join(' · ') || '—'}</td>
                  <td>{r.incumbentName ?? <span className="muted">Kosong</span>}</td>
                  <td>{r.hasPlan ? 'Ada' : <span className="muted">Belum</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
