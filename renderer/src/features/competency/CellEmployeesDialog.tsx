import { useEffect, useState } from 'react';
import type { PositionKind, PositionLevel } from '../../../../shared/domain/position';
import { formatNumberId } from '../../../../shared/format/id-format';
import type { HeatmapRow } from '../../../../shared/schemas/competency';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { ApiError, call } from '../../api/client';
import { href } from '../../app/router';
import { ExportXlsxButton } from '../../components/data-view';
import { Dialog, ErrorBanner, Loading } from '../../components/feedback';
import { Nip } from '../../components/labels';

type Rows = ResponseOf<'competency:cellEmployees'>['rows'];

/** The employees behind one heatmap cell, the largest shortfall first; not yet assessed at the end. */
export function CellEmployeesDialog({ row, competency, population, onClose }: {
  row: HeatmapRow;
  competency: { id: number; code: string; name: string };
  population: { kinds?: PositionKind[]; levels?: PositionLevel[] };
  onClose(): void;
}) {
  const [rows, setRows] = useState<Rows>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  const load = async (offset: number) => {
    setLoading(true);
    try {
      const page = await call('competency:cellEmployees', {
        unitId: row.unitId, subtree: !row.direct, competencyId: competency.id, kinds: population.kinds, levels: population.levels, offset, limit: 200,
      });
      setRows((current) => (offset === 0 ? page.rows : [...current, ...page.rows]));
      setTotal(page.total);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load(0);
  }, []);

  const title = `${competency.code} ${competency.name} · ${row.unitName}`;
  return (
    <Dialog title={title} onClose={onClose} wide footer={
      <>
        <ExportXlsxButton table={{
          title: `Pegawai ${competency.code} ${row.unitName}`,
          subtitle: ['Selisih = level capaian − level standar jabatan'],
          columns: [{ key: 'nip', header: 'NIP' }, { key: 'name', header: 'Nama' }, { key: 'position', header: 'Jabatan' }, { key: 'unit', header: 'Unit kerja' },
            { key: 'required', header: 'Standar', type: 'integer' }, { key: 'actual', header: 'Capaian', type: 'integer' }, { key: 'gap', header: 'Selisih', type: 'integer' }, { key: 'jpm', header: 'JPM', type: 'number' }],
          rows: rows.map((r) => ({ nip: r.nip, name: r.fullName, position: r.positionName, unit: r.unitName, required: r.required, actual: r.actual, gap: r.gap, jpm: r.jpm })),
        }} />
        <button type="button" className="button" onClick={onClose}>Tutup</button>
      </>
    }>
      <ErrorBanner error={error} />
      {total === null ? <Loading /> : (
        <>
          <p className="muted">{formatNumberId(total)} pegawai aktif dengan kompetensi ini dalam standar jabatannya; yang terbesar kekurangannya di atas.</p>
          <table className="table table-compact" aria-label="Pegawai pada sel ini">
            <thead><tr><th>NIP</th><th>Nama</th><th>Jabatan</th><th className="num">Standar</th><th className="num">Capaian</th><th className="num">Selisih</th><th className="num">JPM</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td><Nip value={r.nip} /></td>
                  <td><a href={href(`/pegawai/${r.id}?tab=kompetensi`)}>{r.fullName}</a></td>
                  <td>{r.positionName}<div className="muted">{r.unitName}</div></td>
                  <td className="num">{r.required}</td>
                  <td className="num">{r.actual ?? <span className="muted">belum diasesmen</span>}</td>
                  <td className={`num${r.gap !== null && r.gap < 0 ? ' text-warning' : ''}`}>{r.gap === null ? '–' : r.gap > 0 ? `+${r.gap}` : r.gap}</td>
                  <td className="num">{r.jpm === null ? '–' : formatNumberId(r.jpm, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length < total && (
            <button type="button" className="button" disabled={loading} onClick={() => void load(rows.length)}>{loading ? 'Memuat…' : `Muat lagi (${formatNumberId(total - rows.length)} tersisa)`}</button>
          )}
        </>
      )}
    </Dialog>
  );
}
