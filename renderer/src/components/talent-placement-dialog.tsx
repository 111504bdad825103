import { useState } from 'react';
import { boxCell, boxName, kinerjaAxisLabel, potensiAxisLabel } from '../../../shared/domain/talent';
import { formatDateTimeId } from '../../../shared/format/id-format';
import { ApiError, call } from '../api/client';
import { useApi } from '../api/hooks';
import { href } from '../app/router';
import { Dialog, ErrorBanner, Loading, useToast } from './feedback';
import { SaveErrorBanner } from './save-error';

/** Why someone sits in a box — the axis values and the records behind them — and, in an open session, calibration. */
export function TalentPlacementDialog({ employeeId, year, sessionId, numbering, onClose }: {
  employeeId: number;
  year: number;
  /** The open Komite Talenta session calibrations go to; none = read only. */
  sessionId: number | null;
  numbering: 'permenpanrb' | 'kemenkeu';
  onClose(): void;
}) {
  const explain = useApi('talent:explain', sessionId ? { employeeId, year, sessionId } : { employeeId, year }, ['performance']);
  const [target, setTarget] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();
  const calibrate = async (box: number | null) => {
    if (!sessionId) return;
    setError(null);
    try {
      // The placement's version as this dialog read it: a calibration another desk saved since is not overwritten.
      const placed = await call('talent:calibrate', { sessionId, employeeId, box, reason, version: explain.data?.placement?.version ?? 0 });
      toast('success', box === null ? 'Penempatan dikembalikan ke hasil perhitungan.' : `Dikalibrasi ke kotak ${placed.finalBox}.`);
      setReason('');
      setTarget('');
      explain.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  };
  const data = explain.data;
  return (
    <Dialog title={data ? `Penempatan ${data.employee.fullName} · ${year}` : 'Penempatan'} onClose={onClose} wide footer={<button type="button" className="button" onClick={onClose}>Tutup</button>}>
      <ErrorBanner error={explain.error} />
      {!data ? <Loading /> : (
        <div className="stack">
          <p><a href={href(`/pegawai/${data.employee.id}?tab=kinerja`)}>{data.employee.fullName}</a> · {data.employee.positionName} · {data.employee.unitName}</p>
          <dl className="dl explain">
            <dt>Sumbu kinerja</dt>
            <dd>{data.kinerja ? <><strong>{kinerjaAxisLabel(data.kinerja.axis)}</strong><div className="muted">{data.kinerja.basis}</div></> : <span className="text-warning">Belum ada SKP tahunan sampai {year}</span>}</dd>
            <dt>Sumbu potensial</dt>
            <dd>{data.potensi ? <><strong>{potensiAxisLabel(data.potensi.axis)}</strong><div className="muted">{data.potensi.basis}</div></> : <span className="text-warning">Belum ada asesmen potensi sampai akhir {year}</span>}</dd>
            <dt>Kotak hasil perhitungan</dt>
            <dd>{data.computedBox ? <><strong>Kotak {data.computedBox}</strong> · {data.boxName}<div className="muted">Rekomendasi: {data.recommendation}</div></> : 'Tidak dapat ditempatkan (data belum lengkap)'}</dd>
          </dl>
          {data.calibrations.length > 0 && (
            <section aria-label="Riwayat kalibrasi">
              <h3>Kalibrasi</h3>
              <table className="table table-compact">
                <thead><tr><th>Sidang</th><th>Dari</th><th>Ke</th><th>Alasan</th><th>Oleh</th></tr></thead>
                <tbody>
                  {data.calibrations.map((c, i) => (
                    <tr key={i}><td>{c.sessionName}<div className="muted">{c.sessionStatus}</div></td><td>{c.fromBox}</td><td><strong>{c.toBox}</strong></td><td>{c.reason}</td><td>{c.by}<div className="muted">{formatDateTimeId(c.at)}</div></td></tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {data.computedBox && (sessionId ? (
            <section className="card" aria-label="Kalibrasi">
              <h3>Kalibrasi dalam sidang Komite Talenta</h3>
              <div className="form-grid">
                <label className="field"><span className="field-label">Pindahkan ke kotak</span>
                  <select value={target} onChange={(e) => setTarget(e.target.value ? Number(e.target.value) : '')}>
                    <option value="">— pilih kotak —</option>
                    {Array.from({ length: 9 }, (_, i) => 9 - i).map((b) => {
                      const cell = boxCell(b, numbering);
                      return <option key={b} value={b}>{b} · {boxName(cell.kinerja, cell.potensi)}</option>;
                    })}
                  </select>
                </label>
              </div>
              <label className="field"><span className="field-label">Alasan (wajib)</span><textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Dasar keputusan komite, minimal 10 huruf" /></label>
              <SaveErrorBanner error={error} onReload={() => { setError(null); explain.reload(); }} />
              <div className="form-actions-inline">
                <button type="button" className="button button-primary" disabled={target === ''} onClick={() => void calibrate(target === '' ? null : target)}>Simpan kalibrasi</button>
                {data.calibrations.length > 0 && <button type="button" className="button" onClick={() => void calibrate(null)}>Kembalikan ke hasil perhitungan</button>}
              </div>
            </section>
          ) : <p className="muted">Kalibrasi dilakukan dalam sidang Komite Talenta: buka sidang tahun {year}, atau pilih sidang yang belum ditetapkan, di halaman Manajemen Talenta.</p>)}
        </div>
      )}
    </Dialog>
  );
}
