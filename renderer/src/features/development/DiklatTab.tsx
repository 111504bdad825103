// Tab Diklat: the district's 20 JP compliance per year and unit (bar chart with table and export, drill-down
// into a perangkat daerah, the list of those below the target) and the training records.

import { useState } from 'react';
import { JP_YEAR_RULES, TRAINING_TYPES, trainingTypeLabel } from '../../../../shared/domain/development';
import { formatDateId, formatNumberId, formatPercentId, formatRupiah } from '../../../../shared/format/id-format';
import type { TrainingRow } from '../../../../shared/schemas/training';
import { call } from '../../api/client';
import { useApi, useDebounced } from '../../api/hooks';
import { href } from '../../app/router';
import { ChartCard, ExportXlsxButton } from '../../components/data-view';
import { Dialog as DialogShell, EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { Nip } from '../../components/labels';
import { BarChart } from '../../components/charts';
import { EmployeePicker, type PersonRef } from '../../components/employee-picker';
import { Pager } from '../../components/pager';
import { UnitPicker } from '../../components/unit-picker';
import { Field, formatJp, useAction } from './common';
import { TrainingDialog } from './TrainingDialog';
import { useCan } from '../../app/session';

export function DiklatTab() {
  const canWrite = useCan('data:write');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const compliance = useApi('training:compliance', { year, unitId }, ['development', 'settings']);
  const [recording, setRecording] = useState<PersonRef | null>(null);
  const [picking, setPicking] = useState(false);

  if (compliance.error) return <ErrorBanner error={compliance.error} onRetry={compliance.reload} />;
  if (!compliance.data) return <Loading />;
  const c = compliance.data;
  const shownYear = c.year;
  const years = [...new Set([...c.yearsWithData, shownYear])].sort((a, b) => b - a);
  const rows = c.units.map((u) => ({ unit: u.unitName, percent: u.percent ?? 0, population: u.population, compliant: u.compliant, below: u.below, averageJp: u.averageJp, unitId: u.unitId, hasChildren: u.hasChildren }));
  const rule = JP_YEAR_RULES.find((r) => r.code === c.rule)?.label ?? c.rule;
  const partial = c.referenceDate !== `${shownYear}-12-31`;

  return (
    <div className="dev-stack">
      <div className="toolbar" role="group" aria-label="Filter diklat">
        <label className="dev-checkbox">Tahun
          <select aria-label="Tahun" value={shownYear} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <UnitPicker value={unitId ?? null} onChange={(v) => setUnitId(v ?? undefined)} allLabel="Semua perangkat daerah" />
        {canWrite && <button type="button" className="button button-primary" onClick={() => setPicking(true)}>Catat diklat…</button>}
      </div>
      {c.unit && (
        <nav className="breadcrumb" aria-label="Jejak unit">
          <button type="button" className="dev-link" onClick={() => setUnitId(c.unit?.parentId ?? undefined)}>← naik satu tingkat</button> · {c.unit.name}
        </nav>
      )}
      <div className="stat-row">
        <div className="stat"><div className="stat-value" data-testid="jp-percent">{c.percent === null ? '—' : formatPercentId(c.percent)}</div><div className="stat-label">memenuhi {formatNumberId(c.target)} JP ({shownYear})</div></div>
        <div className="stat"><div className="stat-value" data-testid="jp-compliant">{formatNumberId(c.compliant)}</div><div className="stat-label">PNS/CPNS ≥ {formatNumberId(c.target)} JP</div></div>
        <div className="stat"><div className="stat-value" data-testid="jp-below">{formatNumberId(c.below)}</div><div className="stat-label">di bawah target</div></div>
        <div className="stat"><div className="stat-value">{formatNumberId(c.population)}</div><div className="stat-label">PNS/CPNS dalam dinas per {formatDateId(c.referenceDate)}</div></div>
      </div>
      <p className="dev-subtle">
        PP 11/2017 Pasal 203 ayat 4: paling sedikit {formatNumberId(c.target)} JP per tahun. Diklat lintas tahun: {rule.toLowerCase()} (ubah di Pengaturan).
        {partial && ` Tahun berjalan: dihitung s.d. ${formatDateId(c.referenceDate)}.`} PPPK tidak dihitung; unit kerja menurut data saat ini.
      </p>
      {c.population === 0 ? <EmptyState title="Belum ada pegawai untuk tahun ini" /> : (
        <ChartCard
          title={`Pemenuhan ${formatNumberId(c.target)} JP per unit, ${shownYear}${c.unit ? ` — ${c.unit.name}` : ''}`}
          table={{
            title: `Pemenuhan ${c.target} JP ${shownYear}${c.unit ? ` ${c.unit.name}` : ''}`,
            subtitle: [`Per ${formatDateId(c.referenceDate)}; diklat lintas tahun: ${rule.toLowerCase()}`],
            columns: [
              { key: 'unit', header: 'Unit kerja', type: 'text', width: 48 }, { key: 'percent', header: `% ≥ ${c.target} JP`, type: 'percent' },
              { key: 'compliant', header: 'Memenuhi', type: 'integer' }, { key: 'below', header: 'Di bawah', type: 'integer' },
              { key: 'population', header: 'PNS/CPNS', type: 'integer' }, { key: 'averageJp', header: 'Rata-rata JP', type: 'number' },
            ],
            rows: rows.map(({ unit, percent, compliant, below, population, averageJp }) => ({ unit, percent, compliant, below, population, averageJp })),
          }}
          chart={
            <>
              <BarChart layout="rows" percentScale ariaLabel={`Persentase pegawai memenuhi ${c.target} JP per unit`} legend={false}
                data={rows} categoryKey="unit" series={[{ key: 'percent', label: `% ≥ ${c.target} JP`, color: '#1d6f8c' }]}
                barColor={(row) => (Number(row.percent) < 50 ? '#b42318' : undefined)}
                onSelect={(row) => { if (row.hasChildren && typeof row.unitId === 'number') setUnitId(row.unitId); }} />
              <p className="dev-subtle">Urut dari pemenuhan terendah; merah: di bawah 50%. Klik batang unit untuk menelusuri sub-unitnya; daftar pegawai di bawah target mengikuti unit yang dipilih.</p>
            </>
          }
        />
      )}
      <BelowList year={shownYear} unitId={unitId} target={c.target} onRecord={setRecording} />
      <TrainingRecords year={shownYear} unitId={unitId} />
      {picking && <PickEmployeeDialog onPick={(p) => { setPicking(false); setRecording(p); }} onClose={() => setPicking(false)} />}
      {recording && (
        <TrainingDialog employeeId={recording.id} employeeName={recording.name} onClose={() => setRecording(null)} onSaved={() => setRecording(null)} />
      )}
    </div>
  );
}

function PickEmployeeDialog({ onPick, onClose }: { onPick(p: PersonRef): void; onClose(): void }) {
  const [person, setPerson] = useState<PersonRef | null>(null);
  return (
    <DialogShell title="Catat diklat untuk pegawai" onClose={onClose} footer={
      <>
        <button type="button" className="button" onClick={onClose}>Batal</button>
        <button type="button" className="button button-primary" disabled={!person} onClick={() => person && onPick(person)}>Lanjut</button>
      </>
    }>
      <Field label="Pegawai"><EmployeePicker id="training-employee" ariaLabel="Pegawai" activeOnly value={person} onChange={setPerson} /></Field>
    </DialogShell>
  );
}

function BelowList({ year, unitId, target, onRecord }: { year: number; unitId?: number; target: number; onRecord(p: PersonRef): void }) {
  const [offset, setOffset] = useState(0);
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, 200);
  const below = useApi('training:below', { year, unitId, search: debounced.trim() || undefined, offset, limit: 50 }, ['development', 'settings']);
  const exportTable = async () => (await call('training:below', { year, unitId, search: debounced.trim() || undefined, limit: 500, offset: 0 })).rows;
  return (
    <section className="card" aria-label={`Pegawai di bawah ${target} JP`}>
      <header className="card-header">
        <h2 className="card-title">Pegawai di bawah {formatNumberId(target)} JP ({year}){below.data ? `: ${formatNumberId(below.data.total)}` : ''}</h2>
        <div className="card-actions">
          <input type="search" aria-label="Cari pegawai di bawah target" placeholder="Cari nama atau NIP" value={search} onChange={(e) => { setSearch(e.target.value); setOffset(0); }} />
          <BelowExport year={year} target={target} load={exportTable} />
        </div>
      </header>
      {below.error && <ErrorBanner error={below.error} onRetry={below.reload} />}
      {!below.data ? <Loading /> : below.data.rows.length === 0 ? <EmptyState title="Tidak ada pegawai di bawah target">Semua pegawai pada pilihan ini sudah memenuhi {target} JP.</EmptyState> : (
        <>
          <div className="table-scroll">
            <table className="table table-compact" aria-label="Pegawai di bawah target JP">
              <thead><tr><th>NIP</th><th>Nama</th><th>Jabatan</th><th>Unit kerja</th><th className="num">JP</th><th className="num">Kurang</th><th className="num">Diklat</th><th /></tr></thead>
              <tbody>
                {below.data.rows.map((r) => (
                  <tr key={r.employeeId}>
                    <td><Nip value={r.nip} /></td>
                    <td><a href={href(`/pegawai/${r.employeeId}?tab=diklat`)}>{r.name}</a></td>
                    <td>{r.positionName ?? '—'}</td><td>{r.unitName ?? '—'}</td>
                    <td className="num">{formatNumberId(r.jp)}</td><td className="num">{formatNumberId(r.shortfall)}</td><td className="num">{r.trainings}</td>
                    <td><button type="button" className="button button-small" onClick={() => onRecord({ id: r.employeeId, name: r.name, nip: r.nip })}>Catat diklat</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} limit={50} total={below.data.total} onChange={setOffset} />
        </>
      )}
    </section>
  );
}

function BelowExport({ year, target, load }: { year: number; target: number; load(): Promise<Array<{ nip: string; name: string; positionName: string | null; unitName: string | null; opdName: string | null; jp: number; shortfall: number; trainings: number }>> }) {
  const [rows, setRows] = useState<Awaited<ReturnType<typeof load>> | null>(null);
  const run = useAction();
  if (!rows) return <button type="button" className="button button-small" onClick={() => void run(async () => setRows(await load()))}>Siapkan ekspor</button>;
  return (
    <ExportXlsxButton table={{
      title: `Pegawai di bawah ${target} JP ${year}`,
      subtitle: rows.length >= 500 ? ['500 pegawai pertama, JP terendah lebih dulu'] : [],
      columns: [
        { key: 'nip', header: 'NIP', type: 'text', width: 22 }, { key: 'name', header: 'Nama', type: 'text', width: 32 }, { key: 'positionName', header: 'Jabatan', type: 'text', width: 30 },
        { key: 'unitName', header: 'Unit kerja', type: 'text', width: 30 }, { key: 'opdName', header: 'Perangkat daerah', type: 'text', width: 30 },
        { key: 'jp', header: 'JP', type: 'number' }, { key: 'shortfall', header: 'Kurang JP', type: 'number' }, { key: 'trainings', header: 'Jumlah diklat', type: 'integer' },
      ],
      rows,
    }} />
  );
}

function TrainingRecords({ year, unitId }: { year: number; unitId?: number }) {
  const [offset, setOffset] = useState(0);
  const [type, setType] = useState('');
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, 200);
  const [editing, setEditing] = useState<TrainingRow | null>(null);
  const request = { year, unitId, type: (type || undefined) as never, search: debounced.trim() || undefined, offset, limit: 50 };
  const list = useApi('training:list', request, ['development']);
  const run = useAction();
  const remove = (row: TrainingRow) => {
    if (!window.confirm(`Hapus catatan diklat "${row.title}" milik ${row.employeeName}?${row.planItemId ? ' Kegiatan IDP yang diselesaikan oleh diklat ini akan kembali berstatus berjalan.' : ''}`)) return;
    void run(() => call('training:delete', { id: row.id }), 'Catatan diklat dihapus.');
  };
  return (
    <section className="card" aria-label="Catatan diklat">
      <header className="card-header">
        <h2 className="card-title">Catatan diklat selesai {year}{list.data ? `: ${formatNumberId(list.data.total)}` : ''}</h2>
        <div className="card-actions">
          <select aria-label="Jenis diklat" value={type} onChange={(e) => { setType(e.target.value); setOffset(0); }}>
            <option value="">Semua jenis</option>
            {TRAINING_TYPES.map((t) => <option key={t.code} value={t.code}>{t.label}</option>)}
          </select>
          <input type="search" aria-label="Cari catatan diklat" placeholder="Cari nama atau NIP" value={search} onChange={(e) => { setSearch(e.target.value); setOffset(0); }} />
        </div>
      </header>
      {list.error && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {!list.data ? <Loading /> : list.data.rows.length === 0 ? <EmptyState title="Belum ada catatan diklat">Catat diklat per pegawai atau impor berkas diklat.</EmptyState> : (
        <>
          <div className="table-scroll">
            <table className="table table-compact" aria-label="Daftar catatan diklat">
              <thead><tr><th>Pegawai</th><th>Diklat</th><th>Jenis</th><th>Penyelenggara</th><th>Tanggal</th><th className="num">JP</th><th className="num">Biaya</th><th>Sertifikat</th><th /></tr></thead>
              <tbody>
                {list.data.rows.map((r) => (
                  <tr key={r.id}>
                    <td><a href={href(`/pegawai/${r.employeeId}?tab=diklat`)}>{r.employeeName}</a><div className="dev-subtle">{r.unitName}</div></td>
                    <td>{r.title}{r.planItemId && <span className="badge dev-badge-ok" title="Menyelesaikan kegiatan IDP">IDP</span>}</td>
                    <td>{trainingTypeLabel(r.type)}</td><td>{r.provider ?? '—'}</td>
                    <td>{r.startDate === r.endDate ? formatDateId(r.endDate) : `${formatDateId(r.startDate)} – ${formatDateId(r.endDate)}`}</td>
                    <td className="num">{formatJp(r.jp)}</td><td className="num">{r.cost === null ? '—' : formatRupiah(r.cost)}</td><td>{r.certificateNumber ?? '—'}</td>
                    <td className="dev-actions">
                      <button type="button" className="button button-small" onClick={() => setEditing(r)}>Ubah</button>
                      <button type="button" className="button button-small" onClick={() => remove(r)}>Hapus</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} limit={50} total={list.data.total} onChange={setOffset} />
        </>
      )}
      {editing && <TrainingDialog employeeId={editing.employeeId} employeeName={editing.employeeName} record={editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />}
    </section>
  );
}
