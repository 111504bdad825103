// Tab Rencana Pengembangan (IDP): the plans of a year, planned JP and cost per perangkat daerah against the
// budget ceiling (over-budget units highlighted), and the training catalogue the office maintains.

import { useState } from 'react';
import { IDP_ITEM_STATUSES, trainingTypeLabel } from '../../../../shared/domain/development';
import { formatDateTimeId, formatNumberId, formatRupiah, parseNumberId } from '../../../../shared/format/id-format';
import type { CatalogRow } from '../../../../shared/schemas/plans';
import { DELIVERY_MODE_CODES, DELIVERY_MODES, PROVIDER_KINDS } from '../../../../shared/domain/planning/catalogue';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { useApi, useDebounced } from '../../api/hooks';
import { href, navigate, type Route } from '../../app/router';
import { ChartCard } from '../../components/data-view';
import { Dialog, EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { Nip } from '../../components/labels';
import { BarChart } from '../../components/charts';
import { Pager } from '../../components/pager';
import { UnitPicker } from '../../components/unit-picker';
import { errorText, Field, TrainingTypeSelect } from './common';
import { CreatePlanDialog, PlanDialog } from './PlanDialogs';
import { useCurrentYear } from '../../app/today';
import { useCan } from '../../app/session';

export function IdpTab({ route }: { route: Route }) {
  const canWrite = useCan('data:write');
  const thisYear = useCurrentYear();
  const [year, setYear] = useState(thisYear);
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const openPlan = route.query.get('plan');
  const setOpenPlan = (id: number | null) => navigate(id ? `/pengembangan?tab=idp&plan=${id}` : '/pengembangan?tab=idp');

  return (
    <div className="dev-stack">
      <div className="toolbar" role="group" aria-label="Filter rencana pengembangan">
        <label className="dev-checkbox">Tahun
          <select aria-label="Tahun rencana" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <UnitPicker value={unitId ?? null} onChange={(v) => setUnitId(v ?? undefined)} allLabel="Semua perangkat daerah" />
        {canWrite && <button type="button" className="button button-primary" onClick={() => setCreating(true)}>Susun IDP…</button>}
      </div>
      <PlanList year={year} unitId={unitId} onOpen={setOpenPlan} />
      <BudgetOverview year={year} />
      <CatalogCard />
      {creating && <CreatePlanDialog defaultYear={thisYear} onClose={() => setCreating(false)} onCreated={(id) => { setCreating(false); setOpenPlan(id); }} />}
      {openPlan && <PlanDialog planId={Number(openPlan)} onClose={() => setOpenPlan(null)} />}
    </div>
  );
}

function PlanList({ year, unitId, onOpen }: { year: number; unitId?: number; onOpen(id: number): void }) {
  const [offset, setOffset] = useState(0);
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, 200);
  const plans = useApi('plans:list', { year, unitId, search: debounced.trim() || undefined, offset, limit: 50 }, ['development']);
  if (plans.error) return <ErrorBanner error={plans.error} onRetry={plans.reload} />;
  if (!plans.data) return <Loading />;
  const { summary } = plans.data;
  return (
    <>
      <div className="stat-row">
        <div className="stat"><div className="stat-value">{formatNumberId(summary.plans)}</div><div className="stat-label">rencana {year}</div></div>
        {IDP_ITEM_STATUSES.map((s) => (
          <div className="stat" key={s.code}><div className="stat-value">{formatNumberId(summary.items[s.code])}</div><div className="stat-label">kegiatan {s.label.toLowerCase()}</div></div>
        ))}
        <div className="stat"><div className="stat-value">{formatNumberId(summary.plannedJp)}</div><div className="stat-label">JP direncanakan</div></div>
        <div className="stat"><div className="stat-value">{formatRupiah(summary.plannedCost)}</div><div className="stat-label">perkiraan biaya</div></div>
      </div>
      <section className="card" aria-label={`Rencana pengembangan ${year}`}>
        <header className="card-header">
          <h2 className="card-title">Rencana pengembangan individu {year}</h2>
          <div className="card-actions">
            <input type="search" aria-label="Cari rencana" placeholder="Cari nama atau NIP" value={search} onChange={(e) => { setSearch(e.target.value); setOffset(0); }} />
          </div>
        </header>
        {plans.data.rows.length === 0 ? <EmptyState title={`Belum ada rencana pengembangan ${year}`}>Susun IDP dari kesenjangan kompetensi pegawai dengan tombol “Susun IDP…”.</EmptyState> : (
          <>
            <div className="table-scroll">
              <table className="table table-compact" aria-label="Daftar rencana pengembangan">
                <thead><tr><th>NIP</th><th>Nama</th><th>Jabatan</th><th>Unit kerja</th><th>Jabatan target</th><th className="num">Kegiatan (selesai)</th><th className="num">JP</th><th className="num">Biaya</th><th>Diubah</th></tr></thead>
                <tbody>
                  {plans.data.rows.map((r) => (
                    <tr key={r.id} className="is-clickable" onClick={() => onOpen(r.id)}>
                      <td><Nip value={r.nip} /></td>
                      <td><button type="button" className="dev-link" onClick={(e) => { e.stopPropagation(); onOpen(r.id); }}>{r.employeeName}</button></td>
                      <td>{r.positionName ?? '—'}</td><td>{r.unitName ?? '—'}</td><td>{r.targetPositionName ?? '—'}</td>
                      <td className="num">{formatNumberId(r.items.direncanakan + r.items.berjalan + r.items.selesai)} ({formatNumberId(r.items.selesai)})</td>
                      <td className="num">{formatNumberId(r.plannedJp)}</td><td className="num">{formatRupiah(r.plannedCost)}</td>
                      <td>{formatDateTimeId(r.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager offset={offset} limit={50} total={plans.data.total} onChange={setOffset} />
          </>
        )}
      </section>
    </>
  );
}

function BudgetOverview({ year }: { year: number }) {
  const overview = useApi('plans:budgetOverview', { year }, ['development']);
  if (overview.error) return <ErrorBanner error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const rows = overview.data.rows;
  const over = rows.filter((r) => (r.overBy ?? 0) > 0);
  // The chart shows the units with planned cost (over-budget first); units with only a ceiling are in the table.
  const charted = rows.filter((r) => r.plannedCost > 0).slice(0, 30);
  return (
    <ChartCard
      title={`Rencana biaya per perangkat daerah terhadap pagu ${year}`}
      empty={<EmptyState title="Belum ada rencana atau pagu">Pagu pengembangan per perangkat daerah diatur di Pengaturan.</EmptyState>}
      table={{
        title: `Rencana biaya pengembangan ${year}`,
        subtitle: ['Kegiatan IDP yang tidak dibatalkan; pagu dari Pengaturan'],
        columns: [
          { key: 'unitName', header: 'Perangkat daerah', type: 'text', width: 44 }, { key: 'plans', header: 'Rencana', type: 'integer' },
          { key: 'plannedJp', header: 'JP direncanakan', type: 'number' }, { key: 'plannedCost', header: 'Perkiraan biaya (Rp)', type: 'integer' },
          { key: 'completedCost', header: 'Biaya terealisasi (Rp)', type: 'integer' }, { key: 'ceiling', header: 'Pagu (Rp)', type: 'integer' },
          { key: 'overBy', header: 'Melebihi pagu (Rp)', type: 'integer' },
        ],
        rows: rows.map((r) => ({ unitName: r.unitName, plans: r.plans, plannedJp: r.plannedJp, plannedCost: r.plannedCost, completedCost: r.completedCost, ceiling: r.ceiling, overBy: r.overBy })),
      }}
      chart={
        <>
          {over.length > 0 && <div className="banner banner-error" role="status">{over.length} perangkat daerah melebihi pagu: {over.map((o) => o.unitName).join(', ')}.</div>}
          <BarChart layout="rows" format="rupiah" ariaLabel="Rencana biaya dan pagu per perangkat daerah" categoryKey="unit"
            data={charted.map((r) => ({ unit: r.unitName, rencana: r.plannedCost, pagu: r.ceiling ?? 0, over: (r.overBy ?? 0) > 0 }))}
            series={[{ key: 'rencana', label: 'Rencana biaya', color: '#1d6f8c' }, { key: 'pagu', label: 'Pagu', color: '#b8c7d1' }]}
            barColor={(row, key) => (key === 'rencana' && row.over ? '#b42318' : undefined)} />
          <div className="table-scroll">
            <table className="table table-compact" aria-label="Rencana biaya terhadap pagu">
              <thead><tr><th>Perangkat daerah</th><th className="num">Rencana</th><th className="num">JP</th><th className="num">Perkiraan biaya</th><th className="num">Pagu</th><th className="num">Selisih</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.unitId ?? 'none'} className={(r.overBy ?? 0) > 0 ? 'dev-row-over' : undefined}>
                    <td>{r.unitName}{(r.overBy ?? 0) > 0 && <span className="badge dev-badge-bad">melebihi pagu</span>}</td>
                    <td className="num">{formatNumberId(r.plans)}</td><td className="num">{formatNumberId(r.plannedJp)}</td><td className="num">{formatRupiah(r.plannedCost)}</td>
                    <td className="num">{r.ceiling === null ? <span className="muted">belum diatur</span> : formatRupiah(r.ceiling)}</td>
                    <td className="num">{r.ceiling === null ? '—' : formatRupiah(r.ceiling - r.plannedCost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      }
      actions={<a className="button button-small" href={href('/pengaturan')}>Atur pagu</a>}
    />
  );
}

function CatalogCard() {
  const [includeInactive, setIncludeInactive] = useState(false);
  const catalog = useApi('plans:catalog', { includeInactive }, ['development']);
  const [editing, setEditing] = useState<CatalogRow | 'new' | null>(null);
  return (
    <section className="card" aria-label="Katalog pengembangan">
      <header className="card-header">
        <h2 className="card-title">Katalog kegiatan pengembangan</h2>
        <div className="card-actions">
          <label className="dev-checkbox"><input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} /> tampilkan nonaktif</label>
          <button type="button" className="button button-small" onClick={() => setEditing('new')}>Tambah kegiatan</button>
        </div>
      </header>
      {catalog.error && <ErrorBanner error={catalog.error} onRetry={catalog.reload} />}
      {!catalog.data ? <Loading /> : catalog.data.rows.length === 0 ? <EmptyState title="Katalog masih kosong">Tambahkan kegiatan (diklat, e-learning, coaching) dengan JP dan perkiraan biayanya.</EmptyState> : (
        <div className="table-scroll">
          <table className="table table-compact" aria-label="Daftar katalog pengembangan">
            <thead><tr><th>Kegiatan</th><th>Jenis</th><th>Kompetensi</th><th>Penyelenggara</th><th className="num">JP</th><th className="num">Perkiraan biaya</th><th className="num">Dipakai</th><th /></tr></thead>
            <tbody>
              {catalog.data.rows.map((c) => (
                <tr key={c.id}>
                  <td>{c.title}{!c.active && <span className="badge">nonaktif</span>}</td><td>{trainingTypeLabel(c.type)}</td>
                  <td>{c.competencyCode ? `${c.competencyCode} ${c.competencyName}` : '—'}</td><td>{c.provider ?? '—'}</td>
                  <td className="num">{formatNumberId(c.jp)}</td><td className="num">{formatRupiah(c.estimatedCost)}</td><td className="num">{formatNumberId(c.usage)}</td>
                  <td><button type="button" className="button button-small" onClick={() => setEditing(c)}>Ubah</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <CatalogDialog entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

function CatalogDialog({ entry, onClose }: { entry: CatalogRow | null; onClose(): void }) {
  const competencies = useApi('plans:competencies', {});
  const offerings = useApi('planning:offerings', {});
  const planning = entry ? offerings.data?.rows.find((o) => o.catalogId === entry.id) : undefined;
  if (entry && !offerings.data && !offerings.error) return <Dialog title="Ubah kegiatan katalog" onClose={onClose}><Loading /></Dialog>;
  return <CatalogForm entry={entry} planning={planning} competencies={competencies.data?.rows ?? []} onClose={onClose} />;
}

type OfferingPlanning = ResponseOf<'planning:offerings'>['rows'][number];

function CatalogForm({ entry, planning, competencies, onClose }: { entry: CatalogRow | null; planning: OfferingPlanning | undefined; competencies: Array<{ id: number; code: string; name: string }>; onClose(): void }) {
  const [v, setV] = useState({
    title: entry?.title ?? '', type: entry?.type ?? '', jp: entry ? String(entry.jp) : '', estimatedCost: entry ? String(entry.estimatedCost) : '0',
    provider: entry?.provider ?? '', competencyId: entry?.competencyId ? String(entry.competencyId) : '', active: entry?.active ?? true,
  });
  const [p, setP] = useState<{ mode: string; providerKind: string; partnerShare: string; costPerClass: string; classSize: string; minClasses: string; developed: Array<{ competencyId: string; levels: string }> }>({
    mode: planning?.mode ?? '', providerKind: planning?.providerKind ?? 'internal', partnerShare: formatNumberId((planning?.partnerCostShare ?? 0) * 100),
    costPerClass: String(planning?.costPerClass ?? 0), classSize: String(planning?.classSize ?? 30), minClasses: String(planning?.minClasses ?? 1),
    developed: (planning?.competencies ?? []).map((c) => ({ competencyId: String(c.competencyId), levels: String(c.levels) })),
  });
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      const mode = p.mode || (DELIVERY_MODE_CODES as readonly string[]).find((m) => m === v.type) || 'klasikal';
      const developed = p.developed.filter((d) => d.competencyId).map((d) => ({ competencyId: Number(d.competencyId), levels: Number(d.levels) || 1 }));
      const { id } = await call('plans:saveCatalog', {
        id: entry?.id,
        input: {
          title: v.title, type: v.type as never, jp: Number(v.jp.replace(',', '.')), estimatedCost: Number(v.estimatedCost.replace(/\./g, '')) || 0,
          provider: v.provider.trim() || null, competencyId: v.competencyId ? Number(v.competencyId) : developed[0]?.competencyId ?? null, active: v.active,
        },
      });
      await call('planning:saveOffering', {
        catalogId: id,
        input: {
          mode: mode as never, providerKind: p.providerKind as never, partnerCostShare: (parseNumberId(p.partnerShare) ?? 0) / 100,
          costPerClass: Number(p.costPerClass.replace(/\./g, '')) || 0, classSize: Number(p.classSize) || 0, minClasses: Number(p.minClasses) || 0,
          competencies: developed.length > 0 || !v.competencyId ? developed : [{ competencyId: Number(v.competencyId), levels: 1 }],
        },
      });
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Dialog title={entry ? 'Ubah kegiatan katalog' : 'Tambah kegiatan katalog'} onClose={onClose} wide footer={
      <><button type="button" className="button" onClick={onClose}>Batal</button><button type="button" className="button button-primary" onClick={() => void save()}>Simpan</button></>
    }>
      <div className="dev-form-grid">
        <Field label="Nama kegiatan" wide><input aria-label="Nama kegiatan katalog" value={v.title} maxLength={200} onChange={(e) => setV({ ...v, title: e.target.value })} /></Field>
        <TrainingTypeSelect id="catalog-type" value={v.type} onChange={(type) => setV({ ...v, type })} />
        <Field label="Kompetensi utama (IDP)">
          <select aria-label="Kompetensi yang dikembangkan" value={v.competencyId} onChange={(e) => setV({ ...v, competencyId: e.target.value })}>
            <option value="">—</option>
            {competencies.map((c) => <option key={c.id} value={c.id}>{c.code} {c.name}</option>)}
          </select>
        </Field>
        <Field label="JP"><input aria-label="JP katalog" inputMode="decimal" value={v.jp} onChange={(e) => setV({ ...v, jp: e.target.value })} /></Field>
        <Field label="Biaya per peserta (Rp)"><input aria-label="Perkiraan biaya katalog" inputMode="numeric" value={v.estimatedCost} onChange={(e) => setV({ ...v, estimatedCost: e.target.value })} /></Field>
        <Field label="Penyelenggara"><input aria-label="Penyelenggara katalog" value={v.provider} maxLength={200} onChange={(e) => setV({ ...v, provider: e.target.value })} /></Field>
        <Field label="Moda">
          <select aria-label="Moda pelaksanaan" value={p.mode} onChange={(e) => setP({ ...p, mode: e.target.value })}>
            <option value="">— sesuai jenis —</option>
            {DELIVERY_MODES.map((m) => <option key={m.code} value={m.code}>{m.label}</option>)}
          </select>
        </Field>
        <Field label="Jenis penyelenggara">
          <select aria-label="Jenis penyelenggara" value={p.providerKind} onChange={(e) => setP({ ...p, providerKind: e.target.value })}>
            {PROVIDER_KINDS.map((k) => <option key={k.code} value={k.code}>{k.label}</option>)}
          </select>
        </Field>
        <Field label="Porsi biaya ditanggung mitra (%)"><input aria-label="Porsi biaya mitra" inputMode="decimal" value={p.partnerShare} onChange={(e) => setP({ ...p, partnerShare: e.target.value })} /></Field>
        <Field label="Biaya per kelas (Rp)"><input aria-label="Biaya per kelas" inputMode="numeric" value={p.costPerClass} onChange={(e) => setP({ ...p, costPerClass: e.target.value })} /></Field>
        <Field label="Kapasitas kelas (orang)"><input aria-label="Kapasitas kelas" inputMode="numeric" value={p.classSize} onChange={(e) => setP({ ...p, classSize: e.target.value })} /></Field>
        <Field label="Jumlah kelas minimal"><input aria-label="Jumlah kelas minimal" inputMode="numeric" value={p.minClasses} onChange={(e) => setP({ ...p, minClasses: e.target.value })} /></Field>
        <Field label="Kompetensi yang dikembangkan (untuk Rencana Anggaran)" wide>
          <div className="dev-stack">
            {p.developed.map((d, i) => (
              <div key={i} className="toolbar">
                <select aria-label={`Kompetensi dikembangkan ${i + 1}`} value={d.competencyId} onChange={(e) => setP({ ...p, developed: p.developed.map((x, k) => (k === i ? { ...x, competencyId: e.target.value } : x)) })}>
                  <option value="">—</option>
                  {competencies.map((c) => <option key={c.id} value={c.id}>{c.code} {c.name}</option>)}
                </select>
                <select aria-label={`Kenaikan level ${i + 1}`} value={d.levels} onChange={(e) => setP({ ...p, developed: p.developed.map((x, k) => (k === i ? { ...x, levels: e.target.value } : x)) })}>
                  {[1, 2, 3, 4].map((l) => <option key={l} value={l}>naik {l} level</option>)}
                </select>
                <button type="button" className="button button-small" onClick={() => setP({ ...p, developed: p.developed.filter((_, k) => k !== i) })}>Hapus</button>
              </div>
            ))}
            {p.developed.length < 6 && <button type="button" className="button button-small" onClick={() => setP({ ...p, developed: [...p.developed, { competencyId: '', levels: '1' }] })}>Tambah kompetensi</button>}
          </div>
        </Field>
        <label className="dev-checkbox"><input type="checkbox" checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} /> aktif (dapat dipilih di rencana)</label>
      </div>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
    </Dialog>
  );
}
