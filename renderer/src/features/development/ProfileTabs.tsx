// The employee profile's tabs Diklat, Rencana Pengembangan and Mentoring.

import { useState } from 'react';
import { JP_YEAR_RULES, trainingTypeLabel } from '../../../../shared/domain/development';
import { formatDateId, formatNumberId, formatRupiah } from '../../../../shared/format/id-format';
import type { EmployeeProfile } from '../../../../shared/schemas/employees';
import type { PlanItemRow } from '../../../../shared/schemas/plans';
import type { TrainingRow } from '../../../../shared/schemas/training';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { BarChart } from '../../components/charts';
import { ChartCard } from '../../components/data-view';
import type { PersonRef } from '../../components/employee-picker';
import { EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { SaveErrorBanner } from '../../components/save-error';
import { errorText, formatJp, useAction } from './common';
import { MentoringTab } from './MentoringTab';
import { CreatePlanDialog, PlanItemsTable, PlanSummary, removeItem } from './PlanDialogs';
import { TrainingDialog } from './TrainingDialog';
import { useCurrentYear } from '../../app/today';

const person = (p: EmployeeProfile): PersonRef => ({ id: p.id, name: p.fullName, nip: p.nip });

export function DiklatProfileTab({ profile }: { profile: EmployeeProfile }) {
  const data = useApi('training:ofEmployee', { employeeId: profile.id }, ['development', 'settings']);
  const [editing, setEditing] = useState<TrainingRow | 'new' | null>(null);
  const run = useAction();
  if (data.error) return <ErrorBanner error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const { target, rule, years, records } = data.data;
  const ruleLabel = JP_YEAR_RULES.find((r) => r.code === rule)?.label.toLowerCase() ?? rule;
  const remove = (r: TrainingRow) => {
    if (!window.confirm(`Hapus catatan diklat "${r.title}"?${r.planItemId ? ' Kegiatan IDP yang diselesaikan oleh diklat ini akan kembali berstatus berjalan.' : ''}`)) return;
    void run(() => call('training:delete', { id: r.id }), 'Catatan diklat dihapus.');
  };
  const chartRows = [...years].reverse().map((y) => ({ year: String(y.year), jp: y.jp }));
  return (
    <div className="dev-stack">
      <div className="dev-actions">
        <button type="button" className="button button-primary" onClick={() => setEditing('new')}>Catat diklat</button>
        <span className="dev-subtle">Target {formatNumberId(target)} JP per tahun (PP 11/2017 Pasal 203 ayat 4); diklat lintas tahun {ruleLabel}.</span>
      </div>
      <ChartCard
        title="JP per tahun"
        table={{
          title: `JP per tahun ${profile.fullName}`, subtitle: [`Target ${target} JP; diklat lintas tahun ${ruleLabel}`],
          columns: [{ key: 'year', header: 'Tahun', type: 'text' }, { key: 'jp', header: 'JP', type: 'number' }, { key: 'trainings', header: 'Diklat', type: 'integer' }, { key: 'status', header: 'Status', type: 'text' }],
          rows: years.map((y) => ({ year: String(y.year), jp: y.jp, trainings: y.trainings, status: y.meetsTarget ? 'memenuhi' : 'di bawah target' })),
        }}
        chart={
          <>
            <JpYearChart rows={chartRows} target={target} />
            <table className="table table-compact" aria-label="Pemenuhan JP per tahun">
              <thead><tr><th>Tahun</th><th className="num">JP</th><th className="num">Diklat</th><th>Status</th></tr></thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year}><td>{y.year}</td><td className="num" data-testid={`jp-${y.year}`}>{formatNumberId(y.jp)}</td><td className="num">{y.trainings}</td>
                    <td>{y.meetsTarget ? <span className="badge dev-badge-ok">memenuhi {target} JP</span> : <span className="badge dev-badge-bad">kurang {formatNumberId(Math.max(0, target - y.jp))} JP</span>}</td></tr>
                ))}
              </tbody>
            </table>
          </>
        }
      />
      <section className="card" aria-label="Riwayat diklat">
        <h2 className="card-title">Riwayat diklat ({records.length})</h2>
        {records.length === 0 ? <EmptyState title="Belum ada catatan diklat">Catat diklat yang sudah diikuti sesuai sertifikatnya.</EmptyState> : (
          <table className="table table-compact" aria-label="Riwayat diklat pegawai">
            <thead><tr><th>Diklat</th><th>Jenis</th><th>Penyelenggara</th><th>Tanggal</th><th className="num">JP</th><th className="num">Biaya</th><th>Sertifikat</th><th>Sumber</th><th /></tr></thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <td>{r.title}{r.planItemId && <span className="badge dev-badge-ok" title="Menyelesaikan kegiatan IDP">IDP</span>}</td><td>{trainingTypeLabel(r.type)}</td><td>{r.provider ?? '—'}</td>
                  <td>{r.startDate === r.endDate ? formatDateId(r.endDate) : `${formatDateId(r.startDate)} – ${formatDateId(r.endDate)}`}</td>
                  <td className="num">{formatJp(r.jp)}</td><td className="num">{r.cost === null ? '—' : formatRupiah(r.cost)}</td><td>{r.certificateNumber ?? '—'}</td>
                  <td>{r.source === 'import' ? 'Impor' : r.source === 'demo' ? 'Data demo' : 'Input manual'}</td>
                  <td className="dev-actions">
                    <button type="button" className="button button-small" onClick={() => setEditing(r)}>Ubah</button>
                    <button type="button" className="button button-small" onClick={() => remove(r)}>Hapus</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {editing && <TrainingDialog employeeId={profile.id} employeeName={profile.fullName} record={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />}
    </div>
  );
}

export function IdpProfileTab({ profile }: { profile: EmployeeProfile }) {
  const plans = useApi('plans:ofEmployee', { employeeId: profile.id }, ['development']);
  const thisYear = useCurrentYear();
  const [creating, setCreating] = useState(false);
  const [completing, setCompleting] = useState<PlanItemRow | null>(null);
  // An item removal refused because another desk changed the plan or the item since: who and when, "Muat ulang".
  const [stale, setStale] = useState<ApiError | null>(null);
  const toast = useToast();
  const run = useAction();
  if (plans.error) return <ErrorBanner error={plans.error} onRetry={plans.reload} />;
  if (!plans.data) return <Loading />;
  return (
    <div className="dev-stack">
      <div className="dev-actions">
        {profile.status === 'active' && <button type="button" className="button button-primary" onClick={() => setCreating(true)}>Susun IDP dari kesenjangan</button>}
      </div>
      <SaveErrorBanner error={stale} onReload={() => { setStale(null); plans.reload(); }} />
      {plans.data.plans.length === 0 ? <EmptyState title="Belum ada rencana pengembangan">Susun rencana dari kesenjangan kompetensi jabatan saat ini atau jabatan target.</EmptyState> : plans.data.plans.map((plan) => (
        <section key={plan.id} className="card" aria-label={`Rencana pengembangan ${plan.year}`}>
          <h2 className="card-title">Rencana pengembangan {plan.year}</h2>
          <PlanSummary plan={plan} />
          <PlanItemsTable plan={plan} onComplete={setCompleting}
            onStatus={(item, status, message) => void run(() => call('plans:updateItem', { id: item.id, version: item.version, status }), message)}
            onDelete={(item) => {
              if (!window.confirm(`Hapus kegiatan "${item.activity}" dari rencana?`)) return;
              setStale(null);
              void removeItem(plan, item).then(() => toast('success', 'Kegiatan dihapus.'), (e: unknown) => {
                if (e instanceof ApiError && e.code === 'conflict') setStale(e);
                else toast('error', errorText(e));
              });
            }} />
        </section>
      ))}
      {creating && <CreatePlanDialog employee={person(profile)} defaultYear={thisYear} onClose={() => setCreating(false)} onCreated={() => setCreating(false)} />}
      {completing && (
        <TrainingDialog employeeId={profile.id} employeeName={profile.fullName} completeItem={completing}
          prefill={{ title: completing.activity, jp: completing.jp, cost: completing.estimatedCost, catalogId: completing.catalogId }}
          onClose={() => setCompleting(null)} onSaved={() => setCompleting(null)} />
      )}
    </div>
  );
}

export function MentoringProfileTab({ profile }: { profile: EmployeeProfile }) {
  return <MentoringTab employee={person(profile)} />;
}

/** JP per year against the target line; the scale reaches the highest year (a leadership training of 130 JP
 *  included), and the target's label sits right of the plot, clear of the axis. */
function JpYearChart({ rows, target }: { rows: Array<{ year: string; jp: number }>; target: number }) {
  return (
    <BarChart ariaLabel="JP per tahun" testId="jp-year-chart" height={220} format="jp" legend={false}
      data={rows} categoryKey="year" series={[{ key: 'jp', label: 'JP', color: '#2f7a4b' }]}
      barColor={(row) => (Number(row.jp) >= target ? '#2f7a4b' : '#b42318')}
      target={{ value: target, label: `${formatNumberId(target)} JP` }} />
  );
}
