// Tab Satyalancana: who reaches 10, 20 or 30 years of service in the chosen year (Satyalancana Karya Satya X, XX,
// XXX), eligible or blocked by a hukuman disiplin sedang/berat or a CLTN in the counted time, with the usulan
// workbook.

import { useState } from 'react';
import { SATYALANCANA_CLASSES } from '../../../../shared/domain/careers';
import { golonganWithPangkat } from '../../../../shared/domain/golongan';
import { formatDateId, formatNumberId } from '../../../../shared/format/id-format';
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

export function SatyalancanaTab() {
  const today = useToday();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [cls, setCls] = useState<'' | 'X' | 'XX' | 'XXX'>('');
  const [status, setStatus] = useState<'all' | 'eligible' | 'blocked'>('all');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const debounced = useDebounced(search, 200);
  const list = useApi('careers:satyalancanaList', { year, unitId, class: cls || undefined, status, search: debounced.trim() || undefined, offset, limit: PAGE },
    ['development', 'employees', 'settings', 'careers']);
  const [exporting, setExporting] = useState(false);
  const run = useAction();
  const exportUsulan = () => {
    setExporting(true);
    void run(async () => {
      const file = await call('careers:satyalancanaExport', { year, unitId });
      saveBase64File(file.fileName, file.mimeType, file.base64);
    }).finally(() => setExporting(false));
  };
  const data = list.data;
  const reset = () => setOffset(0);
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  return (
    <div className="dev-stack">
      <div className="toolbar" role="group" aria-label="Filter Satyalancana">
        <UnitPicker value={unitId ?? null} onChange={(v) => { setUnitId(v ?? undefined); reset(); }} allLabel="Semua perangkat daerah" />
        <label className="field-inline">
          <span>Tahun usulan</span>
          <select aria-label="Tahun usulan" value={year} onChange={(e) => { setYear(Number(e.target.value)); reset(); }}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <select aria-label="Kelas tanda kehormatan" value={cls} onChange={(e) => { setCls(e.target.value as typeof cls); reset(); }}>
          <option value="">Semua kelas (X, XX, XXX)</option>
          {SATYALANCANA_CLASSES.map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}
        </select>
      </div>
      <section className="card" aria-label="Satyalancana Karya Satya">
        <header className="card-header">
          <h2 className="card-title">Satyalancana Karya Satya — tahun {data?.year ?? year}</h2>
          <div className="card-actions">
            <button type="button" className="button button-small button-primary" disabled={exporting} onClick={exportUsulan}>{exporting ? 'Menyiapkan…' : 'Ekspor usulan (XLSX)'}</button>
          </div>
        </header>
        <p className="dev-subtle">
          Masa kerja 10, 20 atau 30 tahun secara terus-menerus dihitung dari TMT CPNS. Terhalang bila dalam masa itu pernah menjalani hukuman disiplin sedang atau berat,
          atau cuti di luar tanggungan negara (cara menghitung diatur di Pengaturan). Kelas yang lebih rendah yang belum dimiliki diusulkan bersamaan.
        </p>
        {list.error && <ErrorBanner error={list.error} onRetry={list.reload} />}
        {!data ? <Loading /> : (
          <>
            <div className="stat-row">
              <button type="button" className={`stat${status === 'eligible' ? ' is-active' : ''}`} onClick={() => { setStatus('eligible'); reset(); }}>
                <div className="stat-value" data-testid="satyalancana-eligible">{formatNumberId(data.counts.eligible)}</div><div className="stat-label">memenuhi syarat</div>
              </button>
              <button type="button" className={`stat${status === 'blocked' ? ' is-active' : ''}`} onClick={() => { setStatus('blocked'); reset(); }}>
                <div className="stat-value" data-testid="satyalancana-blocked">{formatNumberId(data.counts.blocked)}</div><div className="stat-label">terhalang</div>
              </button>
              {SATYALANCANA_CLASSES.map((c) => (
                <button key={c.code} type="button" className={`stat${cls === c.code ? ' is-active' : ''}`} onClick={() => { setCls(c.code); setStatus('eligible'); reset(); }}>
                  <div className="stat-value">{formatNumberId(data.counts.byClass[c.code] ?? 0)}</div><div className="stat-label">{c.years} tahun</div>
                </button>
              ))}
            </div>
            <div className="toolbar">
              <select aria-label="Tampilkan Satyalancana" value={status} onChange={(e) => { setStatus(e.target.value as typeof status); reset(); }}>
                <option value="all">Semua yang mencapai masa kerja</option><option value="eligible">Memenuhi syarat</option><option value="blocked">Terhalang</option>
              </select>
              <input type="search" aria-label="Cari nama atau NIP Satyalancana" placeholder="Cari nama atau NIP" value={search} onChange={(e) => { setSearch(e.target.value); reset(); }} />
            </div>
            {data.rows.length === 0 ? (
              <EmptyState title="Tidak ada PNS yang mencapai masa kerja pada pilihan ini">
                <p>Pilih tahun, kelas atau unit kerja lain.</p>
              </EmptyState>
            ) : (
              <>
                <div className="table-scroll">
                  <table className="table table-compact" aria-label="Daftar nominatif Satyalancana Karya Satya">
                    <thead><tr><th>NIP</th><th>Nama</th><th>Pangkat</th><th>TMT CPNS</th><th>Tanda kehormatan</th><th>Masa kerja tercapai</th><th>Jabatan / unit</th><th>Keterangan</th></tr></thead>
                    <tbody>
                      {data.rows.map((r) => (
                        <tr key={`${r.employeeId}-${r.class}`}>
                          <td><Nip value={r.nip} /></td>
                          <td><a href={href(`/pegawai/${r.employeeId}`)}>{r.name}</a></td>
                          <td>{r.golongan !== null ? golonganWithPangkat(r.golongan) : '—'}</td>
                          <td>{formatDateId(r.cpnsTmt)}</td>
                          <td>{r.classLabel}{r.proposeWith && <div className="dev-subtle">bersama Satyalancana Karya Satya {r.proposeWith} Tahun</div>}</td>
                          <td>{formatDateId(r.reachedOn)}</td>
                          <td>{r.positionName ?? '—'}<div className="dev-subtle">{r.unitName}</div></td>
                          <td>{r.status === 'eligible' ? <span className="badge dev-badge-ok">memenuhi syarat</span> : <ul className="dev-warning-list">{r.reasons.map((x) => <li key={x}>{x}</li>)}</ul>}</td>
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
