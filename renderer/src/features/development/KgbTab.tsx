// Tab KGB: who falls due for a kenaikan gaji berkala in the chosen months (from the last rank decree or KGB
// notice), due or held back by performance, with the counts per unit and the usulan workbook.

import { useState } from 'react';
import { addMonths } from '../../../../shared/domain/dates';
import { golonganWithPangkat } from '../../../../shared/domain/golongan';
import { formatDateId, formatNumberId, formatYearMonthId } from '../../../../shared/format/id-format';
import { call } from '../../api/client';
import { useApi, useDebounced } from '../../api/hooks';
import { href } from '../../app/router';
import { useToday } from '../../app/today';
import { saveBase64File } from '../../components/data-view';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { Nip } from '../../components/labels';
import { Pager } from '../../components/pager';
import { UnitPicker } from '../../components/unit-picker';
import { useAction } from './common';

const PAGE = 50;

/** The months a picker offers: a year back to two years ahead of today's month. */
export function monthOptions(today: string): string[] {
  const out: string[] = [];
  for (let i = -12; i <= 24; i++) out.push(addMonths(`${today.slice(0, 7)}-01`, i).slice(0, 7));
  return out;
}

export function MonthSelect({ label, value, onChange, options }: { label: string; value: string; onChange(month: string): void; options: string[] }) {
  return (
    <label className="field-inline">
      <span>{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((m) => <option key={m} value={m}>{formatYearMonthId(m)}</option>)}
      </select>
    </label>
  );
}

export function KgbTab() {
  const today = useToday();
  const thisMonth = today.slice(0, 7);
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [fromMonth, setFromMonth] = useState(thisMonth);
  const [toMonth, setToMonth] = useState(addMonths(`${thisMonth}-01`, 2).slice(0, 7));
  const [status, setStatus] = useState<'all' | 'due' | 'blocked'>('all');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const debounced = useDebounced(search, 200);
  const months = monthOptions(today);
  const list = useApi('careers:kgbList', { fromMonth, toMonth: toMonth < fromMonth ? fromMonth : toMonth, unitId, status, search: debounced.trim() || undefined, offset, limit: PAGE },
    ['development', 'employees', 'settings', 'performance', 'careers']);
  const [exporting, setExporting] = useState(false);
  const run = useAction();
  const exportUsulan = () => {
    setExporting(true);
    void run(async () => {
      const file = await call('careers:kgbExport', { fromMonth, toMonth: toMonth < fromMonth ? fromMonth : toMonth, unitId });
      saveBase64File(file.fileName, file.mimeType, file.base64);
    }).finally(() => setExporting(false));
  };
  const data = list.data;
  const reset = () => setOffset(0);
  return (
    <div className="dev-stack">
      <div className="toolbar" role="group" aria-label="Filter KGB">
        <UnitPicker value={unitId ?? null} onChange={(v) => { setUnitId(v ?? undefined); reset(); }} allLabel="Semua perangkat daerah" />
        <MonthSelect label="Dari bulan" value={fromMonth} options={months} onChange={(m) => { setFromMonth(m); if (toMonth < m) setToMonth(m); reset(); }} />
        <MonthSelect label="Sampai bulan" value={toMonth} options={months.filter((m) => m >= fromMonth)} onChange={(m) => { setToMonth(m); reset(); }} />
      </div>
      <section className="card" aria-label="Kenaikan gaji berkala">
        <header className="card-header">
          <h2 className="card-title">Kenaikan gaji berkala{data ? ` — ${data.fromMonth === data.toMonth ? formatYearMonthId(data.fromMonth) : `${formatYearMonthId(data.fromMonth)} s.d. ${formatYearMonthId(data.toMonth)}`}` : ''}</h2>
          <div className="card-actions">
            <button type="button" className="button button-small button-primary" disabled={exporting} onClick={exportUsulan}>{exporting ? 'Menyiapkan…' : 'Ekspor usulan KGB (XLSX)'}</button>
          </div>
        </header>
        <p className="dev-subtle">
          KGB jatuh tempo setiap 2 tahun masa kerja golongan, dihitung dari TMT dan masa kerja golongan SK kenaikan pangkat atau pemberitahuan KGB terakhir
          (golongan I dan II pada masa kerja ganjil, golongan III dan IV pada masa kerja genap). Syarat penilaian kinerja dan batas masa kerja tabel gaji diatur di Pengaturan.
          Pegawai tanpa SK dengan masa kerja golongan tidak tercantum.
        </p>
        {list.error && <ErrorBanner error={list.error} onRetry={list.reload} />}
        {!data ? <Loading /> : (
          <>
            <div className="stat-row">
              <button type="button" className={`stat${status === 'all' ? ' is-active' : ''}`} onClick={() => { setStatus('all'); reset(); }}>
                <div className="stat-value" data-testid="kgb-total">{formatNumberId(data.counts.due + data.counts.blocked)}</div><div className="stat-label">jatuh tempo</div>
              </button>
              <button type="button" className={`stat${status === 'due' ? ' is-active' : ''}`} onClick={() => { setStatus('due'); reset(); }}>
                <div className="stat-value" data-testid="kgb-due">{formatNumberId(data.counts.due)}</div><div className="stat-label">memenuhi syarat</div>
              </button>
              <button type="button" className={`stat${status === 'blocked' ? ' is-active' : ''}`} onClick={() => { setStatus('blocked'); reset(); }}>
                <div className="stat-value" data-testid="kgb-blocked">{formatNumberId(data.counts.blocked)}</div><div className="stat-label">belum memenuhi syarat</div>
              </button>
            </div>
            {data.units.length > 1 && (
              <details className="dev-units">
                <summary>Per unit kerja ({formatNumberId(data.units.length)} unit)</summary>
                <table className="table table-compact" aria-label="KGB per unit kerja">
                  <thead><tr><th>Unit kerja</th><th>Memenuhi syarat</th><th>Belum memenuhi syarat</th></tr></thead>
                  <tbody>
                    {data.units.map((u) => (
                      <tr key={u.unitId ?? 'none'}>
                        <td>{u.unitId !== null ? <button type="button" className="link-button" onClick={() => { setUnitId(u.unitId!); reset(); }}>{u.unitName}</button> : u.unitName}</td>
                        <td>{formatNumberId(u.eligible)}</td><td>{formatNumberId(u.blocked)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            )}
            <div className="toolbar">
              <input type="search" aria-label="Cari nama atau NIP KGB" placeholder="Cari nama atau NIP" value={search} onChange={(e) => { setSearch(e.target.value); reset(); }} />
            </div>
            {data.rows.length === 0 ? (
              <EmptyState title="Tidak ada PNS yang jatuh tempo KGB pada pilihan ini">
                <p>Pilih bulan lain atau unit kerja lain. KGB dihitung dari SK kenaikan pangkat dan pemberitahuan KGB yang memuat masa kerja golongan (impor riwayat KGB atau data SIASN).</p>
              </EmptyState>
            ) : (
              <>
                <div className="table-scroll">
                  <table className="table table-compact" aria-label="Daftar nominatif KGB">
                    <thead><tr><th>NIP</th><th>Nama</th><th>Pangkat</th><th>Dasar</th><th>TMT KGB</th><th>Masa kerja golongan baru</th><th>Jabatan / unit</th><th>Keterangan</th></tr></thead>
                    <tbody>
                      {data.rows.map((r) => (
                        <tr key={r.employeeId}>
                          <td><Nip value={r.nip} /></td>
                          <td><a href={href(`/pegawai/${r.employeeId}?tab=pangkat`)}>{r.name}</a></td>
                          <td>{golonganWithPangkat(r.golongan)}</td>
                          <td>{r.basisSource === 'kp' ? 'SK kenaikan pangkat' : 'KGB'} TMT {formatDateId(r.basisTmt)}<div className="dev-subtle">masa kerja golongan {r.basisMkgYears} tahun {r.basisMkgMonths} bulan</div></td>
                          <td>{formatDateId(r.dueDate)}</td>
                          <td>{formatNumberId(r.mkgYearsAtDue)} tahun</td>
                          <td>{r.positionName ?? '—'}<div className="dev-subtle">{r.unitName}</div></td>
                          <td>{r.status === 'due' ? <span className="badge dev-badge-ok">memenuhi syarat</span> : <ul className="dev-warning-list">{r.reasons.map((x) => <li key={x}>{x}</li>)}</ul>}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pager offset={offset} limit={PAGE} total={data.total} onChange={setOffset} />
              </>
            )}
          </>
        )}
      </section>
    </div>
  );
}
