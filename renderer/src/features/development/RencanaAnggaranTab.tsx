// Tab Rencana Anggaran: the annual development plan under a budget. The needs of the coming year (from
// competency gaps, open IDP items, JP below target, leadership training owed and succession candidates), the
// priorities, pins and excludes, up to three scenarios side by side, and the accepted one written as IDP items.

import { useMemo, useRef, useState } from 'react';
import { DEFAULT_PLAN_WEIGHTS, PRIORITY_LABELS, type PlanWeights } from '../../../../shared/domain/planning/needs';
import { formatNumberId, formatPercentId, formatRupiah, parseNumberId } from '../../../../shared/format/id-format';
import type { PlanProposalResult } from '../../../../shared/schemas/planning';
import { ApiError, call, newJobId } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useCurrentYear } from '../../app/today';
import { useCan } from '../../app/session';
import { saveBase64File } from '../../components/data-view';
import { EmptyState, ErrorBanner, Loading, ProgressBar, useToast } from '../../components/feedback';
import { useJobProgress } from '../../components/job-progress';
import { UnitPicker } from '../../components/unit-picker';
import { errorText, Field, useAction } from './common';

const MAX_SCENARIOS = 3;
const WEIGHT_KEYS = Object.keys(DEFAULT_PLAN_WEIGHTS) as Array<keyof PlanWeights>;

interface Scenario {
  name: string;
  plan: PlanProposalResult;
}

type PinChoice = 'wajib' | 'kecualikan';

export function RencanaAnggaranTab() {
  const canWrite = useCan('data:write');
  const thisYear = useCurrentYear();
  const [year, setYear] = useState(thisYear + 1);
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [budget, setBudget] = useState('');
  const [weights, setWeights] = useState<PlanWeights | null>(null);
  const [choices, setChoices] = useState<Record<number, PinChoice>>({});
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [shown, setShown] = useState(0);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stored = useApi('planning:weights', {});
  const storedWeights = stored.data ? withoutVersion(stored.data) : null;
  // The version the officer's edits of the weights started from (it follows the stored one while nothing is edited).
  const baseVersion = useRef(0);
  if (weights === null && stored.data) baseVersion.current = stored.data.version;
  const effective = weights ?? storedWeights ?? DEFAULT_PLAN_WEIGHTS;

  const solve = async () => {
    setError(null);
    const amount = parseNumberId(budget.replace(/^Rp\s*/i, ''));
    if (amount === null || amount < 0 || !Number.isInteger(amount)) {
      setError('Isi anggaran dalam rupiah, misalnya 250.000.000.');
      return;
    }
    if (scenarios.length >= MAX_SCENARIOS) {
      setError(`Paling banyak ${MAX_SCENARIOS} skenario dibandingkan; hapus satu skenario lebih dulu.`);
      return;
    }
    const id = newJobId();
    setJobId(id);
    try {
      const plan = await call('planning:propose', {
        year, budget: amount, unitId, weights: effective, jobId: id, useUnitCeilings: true, timeLimitSeconds: 10,
        pins: Object.entries(choices).filter(([, c]) => c === 'wajib').map(([catalogId]) => ({ catalogId: Number(catalogId), unitId: null })),
        excludes: Object.entries(choices).filter(([, c]) => c === 'kecualikan').map(([catalogId]) => Number(catalogId)),
      });
      const used = new Set(scenarios.map((s) => s.name));
      let n = 1;
      while (used.has(`Skenario ${n}`)) n++;
      setScenarios([...scenarios, { name: `Skenario ${n}`, plan }]);
      setShown(scenarios.length);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setJobId(null);
    }
  };

  return (
    <div className="dev-stack">
      <div className="toolbar" role="group" aria-label="Cakupan rencana anggaran">
        <label className="dev-checkbox">Tahun rencana
          <select aria-label="Tahun rencana anggaran" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear, thisYear + 1, thisYear + 2].map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <UnitPicker ariaLabel="Perangkat daerah rencana" value={unitId ?? null} onChange={(v) => setUnitId(v ?? undefined)} allLabel="Seluruh kabupaten" />
      </div>
      <NeedsSummary year={year} unitId={unitId} />
      <section className="card" aria-label="Prioritas dan anggaran">
        <header className="card-header"><h2 className="card-title">Prioritas dan anggaran</h2></header>
        <p className="muted">Rencana memilih kelas dari katalog yang menutup kebutuhan berbobot terbanyak dalam anggaran: bobot kebutuhan × jumlah pegawai yang memilikinya. Bobot 0 mengeluarkan jenis kebutuhan itu dari rencana.</p>
        <div className="dev-form-grid">
          {WEIGHT_KEYS.map((key) => (
            <Field key={key} label={PRIORITY_LABELS[key]}>
              <input aria-label={`Bobot ${PRIORITY_LABELS[key]}`} type="number" min={0} max={10} step={1} value={effective[key]}
                onChange={(e) => setWeights({ ...effective, [key]: Math.max(0, Math.min(10, Math.round(Number(e.target.value) || 0))) })} />
            </Field>
          ))}
          <Field label="Anggaran kabupaten (Rp)">
            <input aria-label="Anggaran rencana" inputMode="numeric" placeholder="mis. 250.000.000" value={budget} onChange={(e) => setBudget(e.target.value)} />
          </Field>
        </div>
        <PinList choices={choices} onChange={setChoices} />
        <div className="toolbar">
          {canWrite && <button type="button" className="button button-primary" disabled={jobId !== null} onClick={() => void solve()}>Susun skenario</button>}
          {canWrite && weights && <SaveWeights weights={weights} version={baseVersion.current} onDone={() => { setWeights(null); stored.reload(); }} />}
        </div>
        {jobId && <SolveProgress jobId={jobId} />}
        {error && <div className="banner banner-error" role="alert">{error}</div>}
      </section>
      {scenarios.length > 0 && (
        <ScenarioComparison scenarios={scenarios} shown={shown} onShow={setShown} canWrite={canWrite}
          onRemove={(i) => { setScenarios(scenarios.filter((_, k) => k !== i)); setShown(0); }} />
      )}
      {scenarios[shown] && <ScenarioItems scenario={scenarios[shown]} />}
      <Realisation year={year} />
    </div>
  );
}

/** Saves the weights as the office's default. Refused because another desk saved since: the message says who and
 *  when, and the stored weights are shown again (the officer's edits are dropped, as "Muat ulang" does elsewhere). */
function SaveWeights({ weights, version, onDone }: { weights: PlanWeights; version: number; onDone(): void }) {
  const toast = useToast();
  const save = async () => {
    try {
      await call('planning:saveWeights', { ...weights, version });
      toast('success', 'Bobot prioritas disimpan sebagai bawaan.');
      onDone();
    } catch (e) {
      toast('error', errorText(e));
      if (e instanceof ApiError && e.code === 'conflict') onDone();
    }
  };
  return <button type="button" className="button" onClick={() => void save()}>Simpan bobot sebagai bawaan</button>;
}

/** The weights without the version they were read at (a proposal takes the weights alone). */
function withoutVersion({ version: _version, ...weights }: PlanWeights & { version: number }): PlanWeights {
  return weights;
}

function SolveProgress({ jobId }: { jobId: string }) {
  const progress = useJobProgress(jobId);
  return (
    <div aria-live="polite">
      <p>{progress?.phase ?? 'Menghimpun kebutuhan…'}</p>
      <ProgressBar done={progress?.done ?? 0} total={progress?.total ?? 1} label="Menyusun rencana" />
    </div>
  );
}

function NeedsSummary({ year, unitId }: { year: number; unitId?: number }) {
  const needs = useApi('planning:needs', { year, unitId }, ['development']);
  return (
    <section className="card" aria-label="Kebutuhan pengembangan">
      <header className="card-header"><h2 className="card-title">Kebutuhan pengembangan {year}{needs.data?.unitName ? ` – ${needs.data.unitName}` : ''}</h2></header>
      {needs.error && <ErrorBanner error={needs.error} onRetry={needs.reload} />}
      {!needs.data ? <Loading /> : needs.data.needsTotal === 0 ? <EmptyState title="Belum ada kebutuhan">Tidak ada kebutuhan pengembangan yang terhimpun untuk cakupan ini.</EmptyState> : (
        <>
          <p data-testid="needs-total">{formatNumberId(needs.data.needsTotal)} kebutuhan dari {formatNumberId(needs.data.people)} pegawai dalam cakupan.</p>
          <div className="dev-split">
            <table className="table table-compact" aria-label="Kebutuhan per sumber">
              <thead><tr><th>Sumber</th><th className="num">Kebutuhan</th><th className="num">Pegawai</th></tr></thead>
              <tbody>{needs.data.bySource.map((s) => <tr key={s.source}><td>{s.label}</td><td className="num">{formatNumberId(s.needs)}</td><td className="num">{formatNumberId(s.people)}</td></tr>)}</tbody>
            </table>
            <table className="table table-compact" aria-label="Kebutuhan terbanyak">
              <thead><tr><th>Kebutuhan terbanyak</th><th className="num">Pegawai</th><th className="num">Perangkat daerah</th></tr></thead>
              <tbody>{needs.data.top.map((t) => <tr key={t.label}><td>{t.label}</td><td className="num">{formatNumberId(t.needs)}</td><td className="num">{formatNumberId(t.opds)}</td></tr>)}</tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function PinList({ choices, onChange }: { choices: Record<number, PinChoice>; onChange(next: Record<number, PinChoice>): void }) {
  const catalog = useApi('plans:catalog', { includeInactive: false }, ['development']);
  const offerings = useApi('planning:offerings', {}, ['development']);
  const byId = useMemo(() => new Map((offerings.data?.rows ?? []).map((o) => [o.catalogId, o])), [offerings.data]);
  const marked = Object.keys(choices).length;
  return (
    <details className="dev-plan-pins">
      <summary>Wajibkan atau kecualikan kegiatan{marked > 0 ? ` (${formatNumberId(marked)} ditandai)` : ''}</summary>
      {!catalog.data ? <Loading /> : (
        <div className="table-scroll">
          <table className="table table-compact" aria-label="Kegiatan yang diwajibkan atau dikecualikan">
            <thead><tr><th>Kegiatan</th><th>Moda</th><th className="num">Kapasitas</th><th className="num">Biaya per peserta</th><th>Dalam rencana</th></tr></thead>
            <tbody>
              {catalog.data.rows.map((c) => (
                <tr key={c.id}>
                  <td>{c.title}</td><td>{byId.get(c.id)?.modeLabel ?? '—'}</td><td className="num">{formatNumberId(byId.get(c.id)?.classSize ?? null)}</td>
                  <td className="num">{formatRupiah(c.estimatedCost)}</td>
                  <td>
                    <select aria-label={`Dalam rencana: ${c.title}`} value={choices[c.id] ?? ''} onChange={(e) => {
                      const next = { ...choices };
                      if (e.target.value) next[c.id] = e.target.value as PinChoice;
                      else delete next[c.id];
                      onChange(next);
                    }}>
                      <option value="">dipilih penyusun</option>
                      <option value="wajib">wajibkan</option>
                      <option value="kecualikan">kecualikan</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

function ratio(done: number, total: number): string {
  return `${formatNumberId(done)} dari ${formatNumberId(total)}`;
}

function ScenarioComparison({ scenarios, shown, onShow, onRemove, canWrite }: { scenarios: Scenario[]; shown: number; onShow(i: number): void; onRemove(i: number): void; canWrite: boolean }) {
  const act = useAction();
  const [accepted, setAccepted] = useState<string | null>(null);
  const accept = (s: Scenario) => act(async () => {
    const result = await call('planning:accept', {
      year: s.plan.year,
      items: s.plan.items.filter((i) => i.participants.length > 0)
        .map((i) => ({ catalogId: i.catalogId, classes: i.classes, participants: i.participants.map((p) => ({ employeeId: p.employeeId, competencyId: p.competencyId, levels: p.levels, reason: p.reason })) })),
    });
    setAccepted(`${s.name} diterima: ${formatNumberId(result.itemsAdded)} kegiatan IDP ditambahkan (${formatNumberId(result.plansCreated)} rencana baru)${result.skipped > 0 ? `, ${formatNumberId(result.skipped)} sudah ada` : ''}.`);
  });
  const exportXlsx = (s: Scenario) => act(async () => {
    const file = await call('planning:exportXlsx', {
      year: s.plan.year, budget: s.plan.budget, scopeName: s.plan.unitName, scenarioName: s.name,
      opds: s.plan.opds.map((o) => ({ opdName: o.opdName, ceiling: o.ceiling, cost: o.cost, needsTotal: o.needsTotal, needsCovered: o.needsCovered })),
      items: s.plan.items.map((i) => ({ opdName: i.opdName, title: i.title, modeLabel: i.modeLabel, needLabel: i.needLabel, classes: i.classes, participants: i.participants.length, jp: i.jp, cost: i.cost })),
    });
    saveBase64File(file.fileName, file.mimeType, file.base64);
  });
  const rows: Array<[string, (p: PlanProposalResult) => string]> = [
    ['Anggaran', (p) => formatRupiah(p.budget)],
    ['Biaya rencana', (p) => formatRupiah(p.cost)],
    ['Kebutuhan terpenuhi', (p) => ratio(p.needsCovered, p.needsTotal)],
    ['Pegawai mencapai 20 JP', (p) => formatNumberId(p.peopleReaching20Jp)],
    ['Kesenjangan kompetensi tertutup (level)', (p) => ratio(p.gapLevelsClosed, p.gapLevelsTotal)],
    ['Jabatan kunci terlayani', (p) => ratio(p.keyPositionsCovered, p.keyPositionsWithNeeds)],
    ['Porsi moda berbiaya rendah', (p) => formatPercentId(p.lowCostShare * 100)],
    ['Mutu penyelesaian', (p) => (p.provenOptimal ? 'optimal' : `selisih ≤ ${formatPercentId((p.optimalityGap ?? 0) * 100, 2)} dari optimal`)],
  ];
  return (
    <section className="card" aria-label="Perbandingan skenario">
      <header className="card-header"><h2 className="card-title">Perbandingan skenario</h2></header>
      <div className="table-scroll">
        <table className="table table-compact" aria-label="Tabel perbandingan skenario">
          <thead><tr><th />{scenarios.map((s, i) => <th key={s.name} className="num" aria-current={i === shown ? 'true' : undefined}>{s.name}</th>)}</tr></thead>
          <tbody>
            {rows.map(([label, value]) => <tr key={label}><th scope="row">{label}</th>{scenarios.map((s) => <td key={s.name} className="num">{value(s.plan)}</td>)}</tr>)}
            <tr>
              <th scope="row" />
              {scenarios.map((s, i) => (
                <td key={s.name} className="num">
                  <button type="button" className="button button-small" onClick={() => onShow(i)}>Rincian</button>{' '}
                  {canWrite && <button type="button" className="button button-small button-primary" onClick={() => void accept(s)}>Terima {s.name}</button>}{' '}
                  <button type="button" className="button button-small" onClick={() => void exportXlsx(s)}>Usulan anggaran (XLSX)</button>{' '}
                  <button type="button" className="button button-small" onClick={() => onRemove(i)}>Hapus</button>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {scenarios.some((s) => s.plan.notes.length > 0) && (
        <ul className="muted">{scenarios.flatMap((s) => s.plan.notes.map((n) => <li key={`${s.name}-${n}`}>{s.name}: {n}</li>))}</ul>
      )}
      {accepted && <div className="banner banner-success" role="status">{accepted}</div>}
    </section>
  );
}

function ScenarioItems({ scenario }: { scenario: Scenario }) {
  const { plan } = scenario;
  return (
    <section className="card" aria-label={`Rincian ${scenario.name}`}>
      <header className="card-header"><h2 className="card-title">Rincian {scenario.name}: {formatNumberId(plan.items.length)} kegiatan</h2></header>
      <table className="table table-compact" aria-label="Anggaran per perangkat daerah">
        <thead><tr><th>Perangkat daerah</th><th className="num">Pagu</th><th className="num">Biaya</th><th className="num">Kebutuhan terpenuhi</th></tr></thead>
        <tbody>{plan.opds.filter((o) => o.cost > 0 || o.needsCovered > 0).map((o) => (
          <tr key={o.opdId}><td>{o.opdName}</td><td className="num">{o.ceiling === null ? '—' : formatRupiah(o.ceiling)}</td><td className="num">{formatRupiah(o.cost)}</td><td className="num">{ratio(o.needsCovered, o.needsTotal)}</td></tr>
        ))}</tbody>
      </table>
      {plan.items.length === 0 ? <EmptyState title="Tidak ada kegiatan terpilih">Anggaran ini belum cukup untuk satu kelas pun dari katalog.</EmptyState> : (
        <div className="table-scroll">
          <table className="table table-compact" aria-label="Kegiatan skenario">
            <thead><tr><th>Perangkat daerah</th><th>Kegiatan</th><th>Moda</th><th>Menjawab kebutuhan</th><th className="num">Kelas</th><th className="num">Peserta</th><th className="num">Biaya</th></tr></thead>
            <tbody>
              {plan.items.map((item, i) => (
                <tr key={`${item.catalogId}-${item.opdId}-${i}`}>
                  <td>{item.opdName}</td><td>{item.title}</td><td>{item.modeLabel}</td>
                  <td title={item.participants.slice(0, 5).map((p) => `${p.name}: ${p.reason}`).join('\n')}>{item.needLabel} <span className="muted">({item.priorityLabel})</span></td>
                  <td className="num">{formatNumberId(item.classes)}</td><td className="num">{formatNumberId(item.participants.length)}</td><td className="num">{formatRupiah(item.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Realisation({ year }: { year: number }) {
  const data = useApi('planning:realisation', { year }, ['development']);
  return (
    <section className="card" aria-label={`Realisasi rencana ${year}`}>
      <header className="card-header"><h2 className="card-title">Realisasi rencana {year}</h2></header>
      <p className="muted">Kegiatan katalog dalam rencana pengembangan individu tahun ini: yang selesai, biaya terpakai (biaya diklat yang dicatat, atau perkiraannya) dan JP yang sudah diberikan.</p>
      {data.error && <ErrorBanner error={data.error} onRetry={data.reload} />}
      {!data.data ? <Loading /> : data.data.rows.length === 0 ? <EmptyState title="Belum ada kegiatan">Belum ada kegiatan katalog dalam rencana tahun {year}.</EmptyState> : (
        <div className="table-scroll">
          <table className="table table-compact" aria-label="Realisasi per perangkat daerah">
            <thead><tr><th>Perangkat daerah</th><th className="num">Kegiatan</th><th className="num">Selesai</th><th className="num">Batal</th><th className="num">Biaya rencana</th><th className="num">Terpakai</th><th className="num">Pagu</th><th className="num">JP rencana</th><th className="num">JP diberikan</th></tr></thead>
            <tbody>
              {data.data.rows.map((r) => (
                <tr key={r.opdId}>
                  <td>{r.opdName}</td><td className="num">{formatNumberId(r.items)}</td><td className="num">{formatNumberId(r.done)}</td><td className="num">{formatNumberId(r.cancelled)}</td>
                  <td className="num">{formatRupiah(r.plannedCost)}</td><td className="num">{formatRupiah(r.spent)}</td><td className="num">{r.ceiling === null ? '—' : formatRupiah(r.ceiling)}</td>
                  <td className="num">{formatNumberId(r.plannedJp)}</td><td className="num">{formatNumberId(r.deliveredJp)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Jumlah</th><td className="num">{formatNumberId(data.data.total.items)}</td><td className="num">{formatNumberId(data.data.total.done)}</td><td className="num">{formatNumberId(data.data.total.cancelled)}</td>
                <td className="num">{formatRupiah(data.data.total.plannedCost)}</td><td className="num">{formatRupiah(data.data.total.spent)}</td><td />
                <td className="num">{formatNumberId(data.data.total.plannedJp)}</td><td className="num">{formatNumberId(data.data.total.deliveredJp)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
