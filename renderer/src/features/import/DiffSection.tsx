import { useEffect, useState } from 'react';
import { formatNip } from '../../../../shared/domain/nip';
import { formatNumberId } from '../../../../shared/format/id-format';
import type { ImportPreview } from '../../../../shared/schemas/import';
import { useApi, useDebounced } from '../../api/hooks';
import { ErrorBanner, Loading } from '../../components/feedback';

type Category = 'new' | 'changed' | 'absent';
const PAGE = 50;

/** The diff against the database: counts, the options that change it, and the rows of each category. */
export function DiffSection({ preview, params, busy, onOption }: {
  preview: ImportPreview; params: { createMissing?: boolean; markAbsent: boolean }; busy: boolean;
  onOption(patch: { createMissing?: boolean; markAbsent?: boolean }): void;
}) {
  const employees = preview.kind === 'pegawai';
  const { diff } = preview;
  const [category, setCategory] = useState<Category>(diff.changed > 0 || !employees ? (diff.changed > 0 ? 'changed' : 'new') : 'new');
  const categories: Array<[Category, string, number]> = employees
    ? [['new', 'Pegawai baru', diff.new], ['changed', 'Berubah', diff.changed], ['absent', 'Tidak ada di snapshot', diff.absent]]
    : [['new', 'Data baru', diff.new], ['changed', 'Berubah', diff.changed]];
  const refs = preview.newUnits.length + preview.newPositions.length + preview.newReferences.length;

  return (
    <section className="card" aria-label="Perbandingan dengan database">
      <h2 className="card-title">Perbandingan dengan database</h2>
      <div className="stat-row diff-stats">
        {categories.map(([key, label, n]) => (
          <button key={key} type="button" className={`stat stat-button${category === key ? ' is-on' : ''}`} aria-pressed={category === key} onClick={() => setCategory(key)}>
            <div className="stat-value" data-testid={`diff-${key}`}>{formatNumberId(n)}</div>
            <div className="stat-label">{label}</div>
          </button>
        ))}
        <div className="stat">
          <div className="stat-value" data-testid="diff-unchanged">{formatNumberId(diff.unchanged)}</div>
          <div className="stat-label">Sama (tidak ditulis ulang)</div>
        </div>
      </div>

      {(refs > 0 || (!preview.options.createMissing && !preview.options.emptyDatabase)) && (
        <div className="diff-refs">
          {preview.options.emptyDatabase
            ? <p className="muted small">Database masih kosong: unit kerja dan jabatan yang disebut berkas dibuat otomatis, dengan hierarkinya.</p>
            : (
              <label className="checkbox">
                <input type="checkbox" checked={params.createMissing ?? preview.options.createMissing} disabled={busy} onChange={(e) => onOption({ createMissing: e.target.checked })} />
                {employees ? 'Buat unit kerja dan jabatan yang belum ada di database' : 'Buat kompetensi standar yang belum ada di kamus'} (bila tidak, baris yang menyebutnya ditolak)
              </label>
            )}
          {preview.newUnits.length > 0 && (
            <details>
              <summary>Unit kerja baru: {formatNumberId(preview.newUnits.length)}</summary>
              <ul className="compact-list">{preview.newUnits.slice(0, 200).map((u, i) => <li key={i}>{u.name}{u.parent ? <span className="muted"> · di bawah {u.parent}</span> : <span className="muted"> · perangkat daerah</span>}</li>)}</ul>
            </details>
          )}
          {preview.newPositions.length > 0 && (
            <details>
              <summary>Jabatan baru: {formatNumberId(preview.newPositions.length)}</summary>
              <ul className="compact-list">{preview.newPositions.slice(0, 200).map((p, i) => <li key={i}>{p.name} <span className="muted">· {p.levelLabel} ({p.inferred})</span></li>)}</ul>
            </details>
          )}
          {preview.newReferences.length > 0 && <p className="small">Kompetensi yang akan dibuat: {preview.newReferences.join(', ')}</p>}
        </div>
      )}

      {employees && diff.absent > 0 && (
        <label className="checkbox">
          <input type="checkbox" checked={params.markAbsent} disabled={busy} onChange={(e) => onOption({ markAbsent: e.target.checked })} />
          Ubah status {formatNumberId(diff.absent)} pegawai aktif yang tidak ada di snapshot (Pensiun bila TMT pensiunnya lewat, selain itu Pindah). Data mereka tidak dihapus.
        </label>
      )}

      {employees && (preview.localCorrections.disagreeCount > 0 || preview.localCorrections.agreed > 0) && (
        <div className="diff-corrections" role="note" aria-label="Koreksi lokal">
          {preview.localCorrections.disagreeCount > 0 && (
            <details>
              <summary data-testid="diff-local-corrections">
                Koreksi lokal: SIASN masih berbeda untuk {formatNumberId(preview.localCorrections.disagreeCount)} data. Koreksinya dipertahankan;
                pilih nilai yang berlaku di Kualitas Data › Koreksi lokal.
              </summary>
              <ul className="compact-list">
                {preview.localCorrections.disagree.map((c, i) => (
                  <li key={i}>{formatNip(c.nip)} {c.name} · {c.field}: koreksi lokal {c.corrected ?? '—'}, SIASN {c.siasn ?? '—'}</li>
                ))}
              </ul>
            </details>
          )}
          {preview.localCorrections.agreed > 0 && (
            <p className="small">{formatNumberId(preview.localCorrections.agreed)} koreksi lokal kini sama dengan SIASN dan akan ditutup.</p>
          )}
        </div>
      )}

      <DiffRows previewId={preview.previewId} category={category} total={categories.find(([k]) => k === category)?.[2] ?? 0} />
    </section>
  );
}

function DiffRows({ previewId, category, total }: { previewId: string; category: Category; total: number }) {
  const [offset, setOffset] = useState(0);
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, 200);
  useEffect(() => setOffset(0), [category, debounced, previewId]);
  const rows = useApi('import:diffRows', { previewId, category, search: debounced.trim() || undefined, offset, limit: PAGE });
  if (total === 0) return <p className="muted">Tidak ada.</p>;
  const shown = rows.data?.total ?? 0;
  return (
    <div className="diff-rows">
      <div className="toolbar">
        <input type="search" className="search-input" aria-label="Cari NIP atau nama di perbandingan" placeholder="Cari NIP atau nama…" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <ErrorBanner error={rows.error} onRetry={rows.reload} />
      {!rows.data ? <Loading /> : (
        <>
          <div className="table-scroll">
            <table className="table table-compact" aria-label="Baris perbandingan">
              <thead><tr><th className="num">Baris</th><th>NIP</th><th>Nama</th><th>{category === 'absent' ? 'Unit kerja' : 'Keterangan'}</th><th>Perubahan (lama → baru)</th></tr></thead>
              <tbody>
                {rows.data.rows.map((r, i) => (
                  <tr key={`${r.nip}-${i}`}>
                    <td className="num">{r.row ?? '—'}</td>
                    <td className="nip">{formatNip(r.nip)}</td>
                    <td>{r.name}</td>
                    <td>{r.label ?? ''}</td>
                    <td>
                      {r.changes.length === 0 ? '' : (
                        <ul className="changes">
                          {r.changes.map((c) => (
                            <li key={c.field}><span className="muted">{c.label}:</span> <span className="old">{c.before ?? '—'}</span> → <span className="new">{c.after ?? '—'}</span></li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown > PAGE && (
            <div className="pager">
              <button type="button" className="button button-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>‹ Sebelumnya</button>
              <span className="muted small">{formatNumberId(offset + 1)}–{formatNumberId(Math.min(shown, offset + PAGE))} dari {formatNumberId(shown)}</span>
              <button type="button" className="button button-small" disabled={offset + PAGE >= shown} onClick={() => setOffset(offset + PAGE)}>Berikutnya ›</button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
