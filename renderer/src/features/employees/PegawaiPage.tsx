import { useCallback, useMemo, useState } from 'react';
import { EMPLOYEE_STATUSES, EMPLOYMENT_TYPES, employeeStatusLabel } from '../../../../shared/domain/employee-status';
import { ALL_GOLONGAN, golonganWithPangkat } from '../../../../shared/domain/golongan';
import { formatNip } from '../../../../shared/domain/nip';
import { POSITION_KINDS, positionKindLabel } from '../../../../shared/domain/position';
import { RETIREMENT_WATCH, retirementWatchOf, type RetirementWatch } from '../../../../shared/domain/retirement-watch';
import { formatDateId, formatNumberId } from '../../../../shared/format/id-format';
import type { EmployeeListRequest, EmployeeRow } from '../../../../shared/schemas/employees';
import { call } from '../../api/client';
import { useApi, useDebounced } from '../../api/hooks';
import { navigate, type Route } from '../../app/router';
import { useCan, useMayPrint, useSession } from '../../app/session';
import { useToday } from '../../app/today';
import { EmptyState, ErrorBanner } from '../../components/feedback';
import { GolonganBadge, Nip, StatusBadge } from '../../components/labels';
import { VirtualTable, type Column } from '../../components/virtual-table';
import { PdfExportList } from '../../components/pdf-exports';
import { ListExports } from './ListExports';
import { UnitPicker } from '../../components/unit-picker';
import './pegawai.css';

type SortField = NonNullable<EmployeeListRequest['sort']>['field'];

interface Filters {
  search: string;
  unitId: number | null;
  golongan: number | null;
  positionKind: string;
  status: string;
  employmentType: string;
  retirement: RetirementWatch | '';
}

const FILTER_KEY = 'jenjang.pegawai.filters';
const DEFAULT_FILTERS: Filters = { search: '', unitId: null, golongan: null, positionKind: '', status: 'active', employmentType: '', retirement: '' };

/** The list's filters as the daftar nominatif report's parameters: its XLSX and PDF are "the list as filtered". */
/** The list's filters as the daftar nominatif's parameters. An account limited to a unit subtree sends no unit
 *  when none is chosen (main prints its own unit), never "semua". */
function nominativeParams(filters: Filters, scoped: boolean): Record<string, string> {
  const params: Record<string, string> = filters.unitId ? { unit: String(filters.unitId) } : scoped ? {} : { unit: 'semua' };
  if (filters.golongan !== null) params.golongan = String(filters.golongan);
  if (filters.positionKind) params.jenis = filters.positionKind;
  if (filters.status !== 'active') params.status = filters.status || 'semua';
  if (filters.employmentType) params.jenisPegawai = filters.employmentType;
  if (filters.retirement) params.pensiun = filters.retirement;
  if (filters.search.trim()) params.cari = filters.search.trim();
  return params;
}

/** The retirement flag of a row: passed TMT pensiun while active, or reaching it within 12 months. */
function RetirementCell({ row, today }: { row: EmployeeRow; today: string }) {
  const watch = retirementWatchOf(row.status, row.retirementDate, today);
  return (
    <span>
      {formatDateId(row.retirementDate)}
      {watch === 'overdue' && <span className="badge badge-overdue retirement-flag" title="TMT pensiun sudah lewat tetapi status masih Aktif">lewat</span>}
      {watch === 'upcoming' && <span className="badge badge-warning retirement-flag" title="TMT pensiun dalam 12 bulan: siapkan usulan pensiun">≤ 12 bln</span>}
    </span>
  );
}

function loadFilters(): Filters {
  try {
    return { ...DEFAULT_FILTERS, ...(JSON.parse(sessionStorage.getItem(FILTER_KEY) ?? '{}') as Partial<Filters>) };
  } catch {
    return DEFAULT_FILTERS;
  }
}

export function PegawaiPage({ route }: { route?: Route }) {
  const canWrite = useCan('employees:write');
  // The daftar nominatif is a report: an Operator OPD prints it for its own unit subtree (main forces the unit).
  const canExport = useMayPrint('daftar-nominatif');
  const scoped = useSession()?.scopeUnitId != null;
  // #/pegawai?pensiun=overdue (from the Beranda) opens the active employees of that retirement watch list.
  const watch = route?.query.get('pensiun');
  const [filters, setFilters] = useState<Filters>(() =>
    RETIREMENT_WATCH.some((w) => w.code === watch) ? { ...DEFAULT_FILTERS, retirement: watch as RetirementWatch } : loadFilters());
  const today = useToday();
  const [sort, setSort] = useState<{ key: SortField; direction: 'asc' | 'desc' }>({ key: 'name', direction: 'asc' });
  const search = useDebounced(filters.search, 150);

  const update = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    sessionStorage.setItem(FILTER_KEY, JSON.stringify(next));
  };

  const query = useMemo((): Omit<EmployeeListRequest, 'offset' | 'limit'> => ({
    search: search.trim() || undefined,
    unitId: filters.unitId ?? undefined,
    golongan: filters.golongan !== null ? [filters.golongan] : undefined,
    positionKind: filters.positionKind ? [filters.positionKind as never] : undefined,
    status: filters.status ? [filters.status as never] : undefined,
    employmentType: filters.employmentType ? [filters.employmentType as never] : undefined,
    retirement: filters.retirement || undefined,
    sort: { field: sort.key, direction: sort.direction },
  }), [search, filters.unitId, filters.golongan, filters.positionKind, filters.status, filters.employmentType, filters.retirement, sort]);

  const counted = useApi('employees:list', { ...query, limit: 1 }, ['employees']);
  const queryKey = JSON.stringify(query) + String(counted.data?.total);
  const fetchPage = useCallback(async (offset: number, limit: number) => (await call('employees:list', { ...query, offset, limit })).rows, [query]);

  const unitText = (r: EmployeeRow) => (r.unitName === r.opdName || !r.opdName ? r.unitName ?? '—' : `${r.unitName} · ${r.opdName}`);
  const columns: Column<EmployeeRow>[] = [
    { key: 'nip', header: 'NIP', width: '208px', sortable: true, render: (r) => <Nip value={r.nip} />, text: (r) => formatNip(r.nip) },
    { key: 'name', header: 'Nama', width: 'minmax(130px, 2fr)', sortable: true, render: (r) => <span className="strong">{r.fullName}</span>, text: (r) => r.fullName },
    { key: 'golongan', header: 'Gol.', width: '56px', sortable: true, render: (r) => <GolonganBadge code={r.golongan} />, text: (r) => golonganWithPangkat(r.golongan) },
    { key: 'position', header: 'Jabatan', width: 'minmax(110px, 2fr)', sortable: true,
      render: (r) => <span title={positionKindLabel(r.positionKind)}>{r.positionName ?? '—'}</span>, text: (r) => r.positionName ?? '' },
    { key: 'unit', header: 'Unit kerja', width: 'minmax(110px, 2fr)', sortable: true, render: unitText, text: unitText },
    { key: 'retirementDate', header: 'TMT pensiun', width: '190px', sortable: true, render: (r) => <RetirementCell row={r} today={today} />, text: (r) => formatDateId(r.retirementDate) },
    { key: 'status', header: 'Status', width: '96px', render: (r) => <StatusBadge status={r.status} />, text: (r) => employeeStatusLabel(r.status) },
  ];

  const onSort = (key: string) => setSort((s) => ({ key: key as SortField, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));
  const total = counted.data?.total ?? 0;
  // Enter in the search: one match opens the profile; several hand the keyboard to the list.
  const onSearchEnter = async () => {
    const text = filters.search.trim();
    if (!text) return;
    const found = await call('employees:list', { ...query, search: text, offset: 0, limit: 1 });
    const only = found.total === 1 ? found.rows[0] : undefined;
    if (only) navigate(`/pegawai/${only.id}`);
    else if (found.total > 1) document.getElementById('employee-list')?.focus();
  };

  const anyFilter = filters.search || filters.unitId || filters.golongan !== null || filters.positionKind || filters.employmentType || filters.retirement || filters.status !== 'active';

  return (
    <div className="page page-fill">
      <header className="page-header">
        <div>
          <h1>Pegawai</h1>
          <p className="muted" aria-live="polite" data-testid="employee-count">
            {counted.loading && !counted.data ? 'Menghitung…' : `${formatNumberId(total)} pegawai`}
          </p>
        </div>
        <div className="page-actions">
          {canExport && <ListExports params={nominativeParams({ ...filters, search }, scoped)} total={total} />}
          {canWrite && <button type="button" className="button button-primary" onClick={() => navigate('/pegawai/baru')}>+ Tambah pegawai</button>}
        </div>
      </header>

      <div className="toolbar" role="search">
        <input className="search-input" type="search" placeholder="Cari NIP atau nama…" aria-label="Cari NIP atau nama" autoFocus
          title="Enter membuka profil bila hanya satu yang cocok; ↓ pindah ke daftar"
          value={filters.search} onChange={(e) => update({ search: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void onSearchEnter();
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.getElementById('employee-list')?.focus();
            }
          }} />
        <UnitPicker value={filters.unitId} onChange={(unitId) => update({ unitId })} allLabel="Semua unit kerja" />
        <select aria-label="Golongan" value={filters.golongan ?? ''} onChange={(e) => update({ golongan: e.target.value ? Number(e.target.value) : null })}>
          <option value="">Semua golongan</option>
          {ALL_GOLONGAN.map((g) => <option key={g.code} value={g.code}>{g.scheme === 'pppk' ? `PPPK ${g.label}` : g.label}</option>)}
        </select>
        <select aria-label="Jenis jabatan" value={filters.positionKind} onChange={(e) => update({ positionKind: e.target.value })}>
          <option value="">Semua jenis jabatan</option>
          {POSITION_KINDS.map((k) => <option key={k.code} value={k.code}>{k.label}</option>)}
        </select>
        <select aria-label="Status" value={filters.status} onChange={(e) => update({ status: e.target.value })}>
          <option value="">Semua status</option>
          {EMPLOYEE_STATUSES.map((s) => <option key={s.code} value={s.code}>{s.label}</option>)}
        </select>
        <select aria-label="Jenis pegawai" value={filters.employmentType} onChange={(e) => update({ employmentType: e.target.value })}>
          <option value="">PNS, CPNS dan PPPK</option>
          {EMPLOYMENT_TYPES.map((t) => <option key={t.code} value={t.code}>{t.label}</option>)}
        </select>
        <select aria-label="Pensiun" value={filters.retirement} onChange={(e) => update({ retirement: e.target.value as Filters['retirement'] })}>
          <option value="">Semua TMT pensiun</option>
          {RETIREMENT_WATCH.map((w) => <option key={w.code} value={w.code}>{w.label}</option>)}
        </select>
        {anyFilter && <button type="button" className="button button-small" onClick={() => update(DEFAULT_FILTERS)}>Atur ulang</button>}
      </div>

      <ErrorBanner error={counted.error} onRetry={counted.reload} />
      <PdfExportList />
      {counted.data && total === 0 ? (
        anyFilter
          ? <EmptyState title="Tidak ada pegawai yang cocok">Ubah kata pencarian atau filter.</EmptyState>
          : <EmptyState title="Belum ada data pegawai" action={canWrite ? <button type="button" className="button button-primary" onClick={() => navigate('/pegawai/baru')}>Tambah pegawai</button> : undefined}>
              Tambahkan pegawai satu per satu, atau impor berkas SIASN melalui menu Impor Data.
            </EmptyState>
      ) : (
        <VirtualTable label="Daftar pegawai" id="employee-list" columns={columns} total={total} queryKey={queryKey} fetchPage={fetchPage}
          rowKey={(r) => r.id} onOpen={(r) => navigate(`/pegawai/${r.id}`)} sort={sort} onSort={onSort} />
      )}
    </div>
  );
}
