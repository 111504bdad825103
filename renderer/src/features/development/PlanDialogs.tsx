// Individual development plans: create one from the proposal (competency gaps of the current or a target
// position, missing required training), and open one to work its items.

import { useEffect, useState } from 'react';
import { formatNip } from '../../../../shared/domain/nip';
import { positionLevelLabel } from '../../../../shared/domain/position';
import { formatDateId, formatNumberId, formatRupiah } from '../../../../shared/format/id-format';
import type { PlanDetail, PlanItemRow, PlanProposal } from '../../../../shared/schemas/plans';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { navigate } from '../../app/router';
import { Dialog, EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { SaveErrorBanner } from '../../components/save-error';
import { isIsoDate } from '../../../../shared/domain/dates';
import { DateInput } from '../../components/date-input';
import { EmployeePicker, type PersonRef } from '../../components/employee-picker';
import { PositionPicker } from '../../components/position-picker';
import { errorText, Field, formatJp, ItemStatusBadge, useAction } from './common';
import { TrainingDialog } from './TrainingDialog';
import { useToday } from '../../app/today';

type ProposedItem = PlanProposal['items'][number] & { include: boolean };

/** Proposal → review → save. `employee` fixes the person (from the profile); otherwise a picker is shown. */
export function CreatePlanDialog({ employee, defaultYear, onClose, onCreated }: {
  employee?: PersonRef;
  defaultYear: number;
  onClose(): void;
  onCreated(planId: number): void;
}) {
  const [person, setPerson] = useState<PersonRef | null>(employee ?? null);
  const [year, setYear] = useState(defaultYear);
  const [targetPositionId, setTargetPositionId] = useState<number | null>(null);
  const [proposal, setProposal] = useState<PlanProposal | null>(null);
  const [items, setItems] = useState<ProposedItem[]>([]);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const targets = useApi('plans:successionTargets', person ? { employeeId: person.id } : null);

  useEffect(() => {
    setProposal(null);
    setItems([]);
    setError(null);
  }, [person?.id, year, targetPositionId]);

  const propose = async () => {
    if (!person) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call('plans:propose', { employeeId: person.id, year, targetPositionId });
      setProposal(result);
      setItems(result.items.map((i) => ({ ...i, include: true })));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!person || !proposal) return;
    const badDate = items.find((i) => i.include && i.targetDate && !isIsoDate(i.targetDate));
    if (badDate) {
      setError(`Tanggal target "${badDate.activity}" tidak valid; tulis HH-BB-TTTT.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { id } = await call('plans:create', {
        employeeId: person.id, year, targetPositionId, notes: notes.trim() || null,
        items: items.filter((i) => i.include).map((i) => ({
          competencyId: i.competencyId, requirement: i.requirement ?? (i.competencyId ? null : i.activity), currentLevel: i.currentLevel, targetLevel: i.targetLevel,
          activity: i.activity, catalogId: i.catalogId, jp: i.jp, estimatedCost: i.estimatedCost, targetDate: i.targetDate || null,
        })),
      });
      toast('success', `Rencana pengembangan ${year} ${person.name} disimpan.`);
      onCreated(id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const chosen = items.filter((i) => i.include);
  return (
    <Dialog title="Susun rencana pengembangan (IDP)" onClose={onClose} wide footer={
      <>
        <button type="button" className="button" onClick={onClose}>Batal</button>
        {!proposal || proposal.existingPlanId ? null : (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>Simpan rencana ({chosen.length} kegiatan)</button>
        )}
      </>
    }>
      <div className="dev-form-grid">
        {employee ? <Field label="Pegawai"><input aria-label="Pegawai" value={employee.name} readOnly /></Field>
          : <Field label="Pegawai" hint={person?.detail}><EmployeePicker id="plan-employee" ariaLabel="Pegawai" activeOnly value={person} onChange={setPerson} /></Field>}
        <Field label="Tahun rencana">
          <select aria-label="Tahun rencana" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[defaultYear - 1, defaultYear, defaultYear + 1, defaultYear + 2].map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </Field>
        <Field label="Jabatan target (opsional, dari suksesi)" hint="Kosong: kesenjangan terhadap jabatan saat ini.">
          <PositionPicker id="plan-target" ariaLabel="Jabatan target" value={targetPositionId} onChange={setTargetPositionId} />
        </Field>
      </div>
      {targets.data && targets.data.rows.length > 0 && (
        <div className="dev-actions" role="group" aria-label="Jabatan target dari rencana suksesi">
          <span className="dev-subtle">Disebut sebagai suksesor untuk:</span>
          {targets.data.rows.map((t) => (
            <button key={t.positionId} type="button" className={`button button-small${targetPositionId === t.positionId ? ' button-primary' : ''}`}
              onClick={() => setTargetPositionId(targetPositionId === t.positionId ? null : t.positionId)}>{t.positionName} ({t.readinessLabel.toLowerCase()})</button>
          ))}
        </div>
      )}
      <div className="dev-actions">
        <button type="button" className="button button-primary" disabled={!person || busy} onClick={() => void propose()}>{busy && !proposal ? 'Menyusun…' : 'Usulkan dari kesenjangan'}</button>
      </div>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {proposal && (
        <section aria-label="Usulan rencana">
          <h3>Usulan untuk {proposal.basis ? `${proposal.basis.isTarget ? 'jabatan target' : 'jabatan saat ini'}: ${proposal.basis.positionName} (${positionLevelLabel(proposal.basis.level)})` : 'pegawai tanpa jabatan'}</h3>
          {proposal.existingPlanId && (
            <div className="banner banner-warning" role="status">
              Pegawai ini sudah memiliki rencana {year}.
              <button type="button" className="button button-small" onClick={() => navigate(`/pengembangan?tab=idp&plan=${proposal.existingPlanId}`)}>Buka rencana itu</button>
            </div>
          )}
          {proposal.notes.length > 0 && <ul className="dev-notes" aria-label="Catatan usulan">{proposal.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
          {proposal.met.length > 0 && <p className="dev-subtle">Sudah memenuhi standar: {proposal.met.map((m) => `${m.code} (${m.currentLevel}/${m.requiredLevel})`).join(', ')}.</p>}
          {items.length === 0 ? <EmptyState title="Tidak ada kegiatan yang diusulkan">Tambahkan kegiatan setelah rencana disimpan, atau pilih jabatan target.</EmptyState> : (
            <table className="table table-compact dev-item-table" aria-label="Kegiatan yang diusulkan">
              <thead><tr><th>Pakai</th><th>Kompetensi / kebutuhan</th><th>Level</th><th>Kegiatan</th><th className="num">JP</th><th className="num">Biaya</th><th>Target</th></tr></thead>
              <tbody>
                {items.map((item, index) => (
                  <tr key={index}>
                    <td><input type="checkbox" aria-label={`Pakai ${item.activity}`} checked={item.include} onChange={(e) => setItems((list) => list.map((x, i) => (i === index ? { ...x, include: e.target.checked } : x)))} /></td>
                    <td>{item.competencyCode ? `${item.competencyCode} ${item.competencyName ?? ''}` : item.requirement}</td>
                    <td>{item.currentLevel !== null ? `${item.currentLevel} → ${item.targetLevel}` : '—'}</td>
                    <td>{item.activity}{item.catalogId === null && <span className="badge" title="Belum ada kegiatan katalog untuk kompetensi ini">tanpa katalog</span>}</td>
                    <td className="num">{formatNumberId(item.jp)}</td><td className="num">{formatRupiah(item.estimatedCost)}</td>
                    <td><DateInput ariaLabel={`Target ${item.activity}`} value={item.targetDate ?? ''} onChange={(value) => setItems((list) => list.map((x, i) => (i === index ? { ...x, targetDate: value } : x)))} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Field label="Catatan rencana (opsional)" wide>
            <textarea aria-label="Catatan rencana" rows={2} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </Field>
          <p className="dev-subtle">Jumlah: {formatJp(chosen.reduce((s, i) => s + i.jp, 0))}, perkiraan biaya {formatRupiah(chosen.reduce((s, i) => s + i.estimatedCost, 0))}.</p>
        </section>
      )}
    </Dialog>
  );
}

/** One plan with its items: start, complete (recording the training), cancel, delete; add an item. */
export function PlanDialog({ planId, onClose }: { planId: number; onClose(): void }) {
  const plan = useApi('plans:get', { id: planId }, ['development']);
  const today = useToday();
  const [completing, setCompleting] = useState<PlanItemRow | null>(null);
  const [adding, setAdding] = useState(false);
  // A removal (of an item or of the whole plan) refused because another desk changed the plan or the item since:
  // who and when, "Muat ulang".
  const [stale, setStale] = useState<ApiError | null>(null);
  const toast = useToast();
  const run = useAction();
  if (plan.error) return <Dialog title="Rencana pengembangan" onClose={onClose}><ErrorBanner error={plan.error} onRetry={plan.reload} /></Dialog>;
  if (!plan.data) return <Dialog title="Rencana pengembangan" onClose={onClose}><Loading /></Dialog>;
  const p = plan.data;
  const setStatus = (item: PlanItemRow, status: 'direncanakan' | 'berjalan' | 'batal', message: string) =>
    void run(() => call('plans:updateItem', { id: item.id, version: item.version, status }), message);
  const removePlan = () => {
    if (!window.confirm(`Hapus seluruh rencana pengembangan ${p.year} ${p.employeeName} (${p.items.length} kegiatan)? Catatan diklat tetap tersimpan.`)) return;
    setStale(null);
    void call('plans:delete', { id: p.id, version: p.version }).then(() => {
      toast('success', 'Rencana dihapus.');
      onClose();
    }, (e: unknown) => {
      if (e instanceof ApiError && e.code === 'conflict') setStale(e);
      else toast('error', errorText(e));
    });
  };
  return (
    <Dialog title={`Rencana pengembangan ${p.year}: ${p.employeeName}`} onClose={onClose} wide footer={
      <>
        <button type="button" className="button" onClick={removePlan}>Hapus rencana</button>
        <button type="button" className="button" onClick={() => navigate(`/pegawai/${p.employeeId}?tab=idp`)}>Buka profil</button>
        <button type="button" className="button button-primary" onClick={onClose}>Tutup</button>
      </>
    }>
      <PlanSummary plan={p} />
      <PlanItemsTable plan={p} onComplete={setCompleting} onStatus={setStatus} onDelete={(item) => {
        if (!window.confirm(`Hapus kegiatan "${item.activity}" dari rencana?`)) return;
        setStale(null);
        void removeItem(p, item).then(() => toast('success', 'Kegiatan dihapus.'), (e: unknown) => {
          if (e instanceof ApiError && e.code === 'conflict') setStale(e);
          else toast('error', errorText(e));
        });
      }} />
      <SaveErrorBanner error={stale} onReload={() => { setStale(null); plan.reload(); }} />
      {adding ? <AddItemForm plan={p} onDone={() => setAdding(false)} onReload={plan.reload} /> : <button type="button" className="button" onClick={() => setAdding(true)}>Tambah kegiatan</button>}
      {completing && (
        <TrainingDialog employeeId={p.employeeId} employeeName={p.employeeName} completeItem={completing}
          prefill={{ title: completing.activity, jp: completing.jp, cost: completing.estimatedCost, catalogId: completing.catalogId, endDate: completing.targetDate && completing.targetDate < today ? completing.targetDate : undefined }}
          onClose={() => setCompleting(null)} onSaved={() => setCompleting(null)} />
      )}
    </Dialog>
  );
}

/** Removes an item from the versions the screen shows: the plan's and the item's. */
export function removeItem(plan: PlanDetail, item: PlanItemRow) {
  return call('plans:deleteItem', { id: item.id, version: item.version, planVersion: plan.version });
}

export function PlanSummary({ plan }: { plan: PlanDetail }) {
  return (
    <p className="muted">
      NIP <span data-testid="plan-nip">{formatNip(plan.nip)}</span> · {plan.positionName ?? 'jabatan belum diisi'} · {plan.unitName ?? '—'}
      {plan.targetPositionName && <> · jabatan target <strong>{plan.targetPositionName}</strong></>}
      <br />Rencana {formatJp(plan.plannedJp)} (selesai {formatJp(plan.completedJp)}), perkiraan biaya {formatRupiah(plan.plannedCost)}. Disusun oleh {plan.createdBy}.
      {plan.notes && <><br />Catatan: {plan.notes}</>}
    </p>
  );
}

export function PlanItemsTable({ plan, onComplete, onStatus, onDelete }: {
  plan: PlanDetail;
  onComplete?(item: PlanItemRow): void;
  onStatus?(item: PlanItemRow, status: 'direncanakan' | 'berjalan' | 'batal', message: string): void;
  onDelete?(item: PlanItemRow): void;
}) {
  if (plan.items.length === 0) return <EmptyState title="Belum ada kegiatan dalam rencana ini" />;
  return (
    <table className="table table-compact dev-item-table" aria-label={`Kegiatan rencana ${plan.year}`}>
      <thead><tr><th>Kompetensi / kebutuhan</th><th>Level</th><th>Kegiatan</th><th className="num">JP</th><th className="num">Biaya</th><th>Target</th><th>Status</th>{onComplete && <th />}</tr></thead>
      <tbody>
        {plan.items.map((item) => (
          <tr key={item.id}>
            <td>{item.competencyCode ? `${item.competencyCode} ${item.competencyName ?? ''}` : item.requirement ?? '—'}</td>
            <td>{item.currentLevel !== null ? `${item.currentLevel} → ${item.targetLevel}` : '—'}</td>
            <td>{item.activity}{item.trainingTitle && <div className="dev-subtle">Diklat: {item.trainingTitle} ({formatDateId(item.trainingEndDate)})</div>}</td>
            <td className="num">{formatNumberId(item.jp)}</td><td className="num">{formatRupiah(item.estimatedCost)}</td>
            <td>{item.targetDate ? formatDateId(item.targetDate) : '—'}</td>
            <td><ItemStatusBadge status={item.status} overdue={item.overdue} /></td>
            {onComplete && (
              <td className="dev-actions">
                {(item.status === 'direncanakan' || item.status === 'batal') && <button type="button" className="button button-small" onClick={() => onStatus?.(item, 'berjalan', 'Kegiatan berjalan.')}>Mulai</button>}
                {item.status !== 'selesai' && item.status !== 'batal' && <button type="button" className="button button-small button-primary" onClick={() => onComplete(item)}>Selesaikan</button>}
                {item.status === 'selesai' && <button type="button" className="button button-small" onClick={() => onStatus?.(item, 'berjalan', 'Kegiatan dibuka kembali; diklatnya tetap tercatat.')}>Buka kembali</button>}
                {item.status !== 'batal' && item.status !== 'selesai' && <button type="button" className="button button-small" onClick={() => onStatus?.(item, 'batal', 'Kegiatan dibatalkan.')}>Batalkan</button>}
                <button type="button" className="button button-small" onClick={() => onDelete?.(item)} aria-label={`Hapus ${item.activity}`}>Hapus</button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AddItemForm({ plan, onDone, onReload }: { plan: PlanDetail; onDone(): void; onReload(): void }) {
  const catalog = useApi('plans:catalog', { includeInactive: false });
  const competencies = useApi('plans:competencies', {});
  const [catalogId, setCatalogId] = useState('');
  const [competencyId, setCompetencyId] = useState('');
  const [requirement, setRequirement] = useState('');
  const [activity, setActivity] = useState('');
  const [jp, setJp] = useState('');
  const [cost, setCost] = useState('');
  const [targetDate, setTargetDate] = useState(`${plan.year}-12-31`);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const toast = useToast();
  const pick = (id: string) => {
    setCatalogId(id);
    const entry = catalog.data?.rows.find((c) => String(c.id) === id);
    if (entry) { setActivity(entry.title); setJp(String(entry.jp)); setCost(String(entry.estimatedCost)); if (entry.competencyId) setCompetencyId(String(entry.competencyId)); }
  };
  const save = async () => {
    setError(null);
    if (targetDate && !isIsoDate(targetDate)) {
      setError(new Error('Tanggal target tidak valid; tulis HH-BB-TTTT.'));
      return;
    }
    try {
      await call('plans:addItem', {
        planId: plan.id,
        version: plan.version,
        input: {
          competencyId: competencyId ? Number(competencyId) : null, requirement: requirement.trim() || null, activity, catalogId: catalogId ? Number(catalogId) : null,
          jp: Number(jp.replace(',', '.')) || 0, estimatedCost: Number(cost.replace(/\./g, '')) || 0, targetDate: targetDate || null,
        },
      });
      toast('success', 'Kegiatan ditambahkan.');
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new Error(errorText(e)));
    }
  };
  return (
    <section className="card" aria-label="Tambah kegiatan">
      <div className="dev-form-grid">
        <Field label="Dari katalog">
          <select aria-label="Kegiatan dari katalog" value={catalogId} onChange={(e) => pick(e.target.value)}>
            <option value="">— kegiatan lain —</option>
            {catalog.data?.rows.map((c) => <option key={c.id} value={c.id}>{c.title} ({formatNumberId(c.jp)} JP)</option>)}
          </select>
        </Field>
        <Field label="Kompetensi">
          <select aria-label="Kompetensi" value={competencyId} onChange={(e) => setCompetencyId(e.target.value)}>
            <option value="">—</option>
            {competencies.data?.rows.map((c) => <option key={c.id} value={c.id}>{c.code} {c.name}</option>)}
          </select>
        </Field>
        <Field label="Atau kebutuhan lain"><input aria-label="Kebutuhan lain" value={requirement} maxLength={300} onChange={(e) => setRequirement(e.target.value)} /></Field>
        <Field label="Kegiatan"><input aria-label="Nama kegiatan" value={activity} maxLength={300} onChange={(e) => setActivity(e.target.value)} /></Field>
        <Field label="JP"><input aria-label="JP kegiatan" inputMode="decimal" value={jp} onChange={(e) => setJp(e.target.value)} /></Field>
        <Field label="Perkiraan biaya (Rp)"><input aria-label="Perkiraan biaya" inputMode="numeric" value={cost} onChange={(e) => setCost(e.target.value)} /></Field>
        <Field label="Target"><DateInput ariaLabel="Tanggal target" value={targetDate} onChange={setTargetDate} /></Field>
      </div>
      <SaveErrorBanner error={error} onReload={() => { setError(null); onReload(); }} />
      <div className="dev-actions">
        <button type="button" className="button" onClick={onDone}>Batal</button>
        <button type="button" className="button button-primary" onClick={() => void save()}>Tambahkan</button>
      </div>
    </section>
  );
}
