import { Fragment, useEffect, useMemo, useState } from 'react';
import { employeeStatusLabel } from '../../../../shared/domain/employee-status';
import { golonganLabel } from '../../../../shared/domain/golongan';
import { formatNip } from '../../../../shared/domain/nip';
import { positionLevelLabel } from '../../../../shared/domain/position';
import { READINESS, type CheckStatus, type Readiness } from '../../../../shared/domain/succession';
import { formatDateId, formatDateTimeId, formatNumberId } from '../../../../shared/format/id-format';
import type { PlanCandidate, PositionDetail, RankedCandidate } from '../../../../shared/schemas/succession';
import { ApiError, call } from '../../api/client';
import { useApi, useDebounced } from '../../api/hooks';
import { href, useLeaveGuard } from '../../app/router';
import { ErrorBanner, Loading, useToast } from '../../components/feedback';
import { Card } from '../../components/layout';
import { Nip } from '../../components/labels';
import { Pager } from '../../components/pager';
import { CandidateDialog } from './CandidateDialog';
import { RumpunCard } from './RumpunCard';
import { ChecklistSummary, RiskBadge } from './succession-ui';
import { SaveErrorBanner } from '../../components/save-error';

/** What the plan editor holds for each successor before it is saved. */
interface DraftCandidate {
  employeeId: number;
  fullName: string;
  nip: string;
  positionName: string | null;
  positionLevel: string | null;
  golongan: number | null;
  eligible: boolean;
  score: number | null;
  coverage: number;
  planCount: number;
  checklist: Array<{ key: string; label: string; status: CheckStatus; detail: string }>;
  readiness: Readiness;
  notes: string;
  /** Saved in the plan already (planCount then includes this plan). */
  saved: boolean;
  /** active, retired, moved, … (a saved successor may have left since). */
  status: string;
}

const toDraft = (c: PlanCandidate): DraftCandidate => ({
  employeeId: c.employeeId, fullName: c.fullName, nip: c.nip, positionName: c.positionName, positionLevel: c.positionLevel, golongan: c.golongan,
  eligible: c.eligible, score: c.score, coverage: c.coverage, planCount: c.planCount, checklist: c.checklist, readiness: c.readiness, notes: c.notes ?? '', saved: true,
  status: c.status,
});

const planKey = (notes: string, list: DraftCandidate[]) => JSON.stringify([notes.trim(), list.map((c) => [c.employeeId, c.readiness, c.notes.trim()])]);

/** One position: incumbent and risk, the plan editor, candidates ranked over the district, chain, history. */
export function PositionPage({ positionId }: { positionId: number }) {
  const detail = useApi('succession:position', { positionId }, ['succession', 'employees']);
  const toast = useToast();
  const [draft, setDraft] = useState<DraftCandidate[]>([]);
  const [notes, setNotes] = useState('');
  /** The plan as last loaded; the draft differs from it when there are unsaved changes. */
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const [resetOnLoad, setResetOnLoad] = useState(true);
  /** The revision the draft started from: what a save names, even after another desk's save reloaded the page. */
  const [baseRevision, setBaseRevision] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  /** A key mark refused because another desk changed the position since this page read it. */
  const [keyError, setKeyError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<number | null>(null);
  const d = detail.data;

  // A plan loaded from the database replaces the draft only when nothing is unsaved (or right after a save).
  useEffect(() => {
    if (!d) return;
    const candidates = (d.plan?.candidates ?? []).map(toDraft);
    if (savedKey === null || resetOnLoad || planKey(notes, draft) === savedKey) {
      setDraft(candidates);
      setNotes(d.plan?.notes ?? '');
      setBaseRevision(d.plan?.revision ?? 0);
      setResetOnLoad(false);
    }
    setSavedKey(planKey(d.plan?.notes ?? '', candidates));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [d]);

  const dirty = savedKey !== null && planKey(notes, draft) !== savedKey;
  useLeaveGuard(dirty, 'Rencana suksesi ini belum disimpan. Tinggalkan halaman dan buang perubahannya?');

  if (detail.error) return <div className="page"><ErrorBanner error={detail.error} onRetry={detail.reload} /><a href={href('/suksesi')}>← Kembali ke Suksesi</a></div>;
  if (!d) return <div className="page"><Loading /></div>;
  const labels = d.readinessLabels;

  const add = (c: RankedCandidate, readiness: Readiness) => {
    if (draft.some((x) => x.employeeId === c.employeeId)) return;
    setDraft((list) => [...list, {
      employeeId: c.employeeId, fullName: c.fullName, nip: c.nip, positionName: c.positionName, positionLevel: c.positionLevel, golongan: c.golongan,
      eligible: c.eligible, score: c.score, coverage: c.coverage, planCount: c.planCount, checklist: c.checklist, readiness, notes: '', saved: false,
      status: c.status,
    }]);
    toast('info', `${c.fullName} ditambahkan ke rencana (belum disimpan).`);
  };
  const move = (index: number, by: number) => setDraft((list) => {
    const next = [...list];
    const [item] = next.splice(index, 1);
    next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item);
    return next;
  });
  const patch = (employeeId: number, change: Partial<DraftCandidate>) => setDraft((list) => list.map((c) => (c.employeeId === employeeId ? { ...c, ...change } : c)));

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const result = await call('succession:savePlan', {
        positionId, expectedRevision: baseRevision, notes: notes.trim() || null,
        candidates: draft.map((c) => ({ employeeId: c.employeeId, readiness: c.readiness, notes: c.notes.trim() || null })),
      });
      setResetOnLoad(true);
      toast('success', result.changed ? `Rencana suksesi disimpan (revisi ${result.revision}).` : 'Tidak ada perubahan untuk disimpan.');
      detail.reload();
    } catch (e) {
      setSaveError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setSaving(false);
    }
  };
  /** Puts an earlier revision into the editor; saving it makes it the newest revision (nothing is lost). */
  const restore = async (revision: PositionDetail['history'][number]) => {
    try {
      const people = await Promise.all(revision.candidates.map((c) => call('succession:candidate', { positionId, employeeId: c.employeeId })));
      setDraft(people.map((p, i) => {
        const c = p.candidate;
        return {
          employeeId: c.employeeId, fullName: c.fullName, nip: c.nip, positionName: c.positionName, positionLevel: c.positionLevel, golongan: c.golongan,
          eligible: c.eligible, score: c.score, coverage: c.coverage, planCount: c.planCount, checklist: c.checklist,
          readiness: revision.candidates[i].readiness, notes: revision.candidates[i].notes ?? '', saved: draft.some((x) => x.employeeId === c.employeeId && x.saved),
          status: c.status,
        };
      }));
      setNotes(revision.notes ?? '');
      toast('info', `Revisi ${revision.revision} dimuat ke editor; simpan untuk memakainya kembali.`);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : String(e));
    }
  };
  const discard = () => {
    setDraft((d.plan?.candidates ?? []).map(toDraft));
    setNotes(d.plan?.notes ?? '');
  };
  const toggleKey = async () => {
    setKeyError(null);
    try {
      await call('succession:setKey', { positionId, version: d.position.version, isKey: !d.position.isKey });
      toast('success', d.position.isKey ? 'Tanda jabatan kritikal dilepas.' : 'Ditandai sebagai jabatan kritikal.');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') setKeyError(e);
      else toast('error', e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Jejak"><a href={href('/suksesi')}>Suksesi</a> <span aria-hidden>›</span> {d.position.name}</nav>
      <header className="profile-header">
        <div>
          <h1 data-testid="position-name">{d.position.name}</h1>
          <p className="profile-sub">{positionLevelLabel(d.position.level)}{d.position.eselon ? ` · Eselon ${d.position.eselon}` : ''} · {d.position.unitPath.join(' › ') || 'Tanpa unit kerja'}</p>
          <p className="profile-sub">
            <RiskBadge level={d.risk} /> {d.position.isKey ? <span className="badge badge-key">Jabatan kritikal</span> : <span className="badge">Bukan jabatan kritikal</span>}
          </p>
        </div>
        <button type="button" className="button" onClick={() => void toggleKey()}>{d.position.isKey ? 'Lepas tanda kritikal' : 'Tandai sebagai jabatan kritikal'}</button>
      </header>
      <SaveErrorBanner error={keyError} onReload={() => { setKeyError(null); detail.reload(); }} />

      <div className="suksesi-grid">
        <Card title="Pejabat saat ini">
          {d.incumbent ? (
            <>
              <p><a href={href(`/pegawai/${d.incumbent.employeeId}`)}><strong>{d.incumbent.fullName}</strong></a><br /><span className="muted">NIP <Nip value={d.incumbent.nip} /></span></p>
              <p>TMT pensiun <strong data-testid="incumbent-retirement">{formatDateId(d.incumbent.retirementDate)}</strong>
                {d.incumbent.monthsLeft !== null && <span className="muted"> ({formatNumberId(d.incumbent.monthsLeft)} bulan lagi)</span>}</p>
            </>
          ) : <p><span className="risk risk-tinggi">Jabatan kosong</span><br /><span className="muted">Tidak ada pejabat aktif.</span></p>}
        </Card>
        <Card title="Risiko kekosongan">
          <p><RiskBadge level={d.risk} /> {d.riskReason}</p>
          <details><summary className="muted">Aturan</summary><ul>{d.riskRule.map((r) => <li key={r}>{r}</li>)}</ul></details>
        </Card>
        <Card title="Bangku cadangan">
          <dl className="dl">
            {READINESS.map((r) => <Fragment key={r.code}><dt>{labels[r.code]}</dt><dd data-testid={`bench-${r.code}`}>{d.bench[r.code]}</dd></Fragment>)}
          </dl>
          <p className="muted">Kandidat aktif yang pensiun setelah perkiraan lowong ({d.vacantNow ? 'sekarang' : formatDateId(d.vacancyDate)}).</p>
        </Card>
        <Card title="Persyaratan jabatan">
          <dl className="dl" style={{ gridTemplateColumns: '92px 1fr' }}>
            <dt>Golongan</dt><dd>minimal {d.requirements.minGolonganBasis}</dd>
            <dt>Jabatan asal</dt><dd>{d.requirements.feederLabel} atau JF setara, minimal {d.requirements.minYearsInPosition} tahun</dd>
            <dt>Pendidikan</dt><dd>minimal {d.requirements.education}</dd>
            <dt>Diklat</dt><dd>{d.requirements.training ?? '—'}</dd>
            {d.requirements.maxAge !== null && <><dt>Usia</dt><dd>paling tinggi {d.requirements.maxAge} tahun</dd></>}
            <dt>Standar kompetensi</dt><dd>{d.standard.length ? `${d.standard.length} kompetensi` : <span className="muted">belum ada data</span>}</dd>
          </dl>
        </Card>
        <RumpunCard position={d.position} onReload={detail.reload} />
      </div>

      <section className="card" aria-label="Rencana suksesi">
        <header className="card-header">
          <h2 className="card-title">Rencana suksesi</h2>
          <span className="muted">{d.plan ? `Revisi ${d.plan.revision} · disimpan ${formatDateTimeId(d.plan.updatedAt)} oleh ${d.plan.updatedBy}` : 'Belum ada rencana tersimpan'}</span>
        </header>
        {draft.length === 0
          ? <p className="muted" data-testid="plan-empty">Belum ada kandidat. Tambahkan dari daftar kandidat terperingkat di bawah.</p>
          : (
            <ol className="plan-list" aria-label="Kandidat dalam rencana">
              {draft.map((c, i) => {
                const otherPlans = c.planCount - (c.saved ? 1 : 0);
                return (
                  <li key={c.employeeId} className="plan-item" data-testid="plan-candidate">
                    <span className="plan-rank">{i + 1}</span>
                    <div>
                      <a href={href(`/pegawai/${c.employeeId}`)}><strong>{c.fullName}</strong></a>
                      <div className="muted" style={{ fontSize: 12 }}>{c.positionName ?? '—'} · {golonganLabel(c.golongan) || '—'}</div>
                      <div style={{ fontSize: 12 }}>
                        {c.eligible ? <>Skor <span className="score">{formatNumberId(c.score)}</span> <span className="muted">(data {formatNumberId(c.coverage)}%)</span></> : <span className="text-warning">Belum memenuhi syarat</span>}
                        {' '}<ChecklistSummary checklist={c.checklist} />
                        {otherPlans + 1 >= d.overRelianceThreshold && <span className="flag-over" title="Diandalkan di banyak rencana"> ⚑ juga kandidat di {otherPlans} rencana lain</span>}
                        {c.status !== 'active' && <span className="risk risk-tinggi" style={{ marginLeft: 6 }}>Tidak aktif lagi ({employeeStatusLabel(c.status)}): keluarkan dari rencana</span>}
                      </div>
                    </div>
                    <select aria-label={`Kesiapan ${c.fullName}`} value={c.readiness} onChange={(e) => patch(c.employeeId, { readiness: e.target.value as Readiness })}>
                      {READINESS.map((r) => <option key={r.code} value={r.code}>{labels[r.code]}</option>)}
                    </select>
                    <input aria-label={`Catatan ${c.fullName}`} placeholder="Catatan" maxLength={1000} value={c.notes} onChange={(e) => patch(c.employeeId, { notes: e.target.value })} />
                    <div className="plan-actions">
                      <button type="button" className="button button-small" aria-label={`Naikkan ${c.fullName}`} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
                      <button type="button" className="button button-small" aria-label={`Turunkan ${c.fullName}`} disabled={i === draft.length - 1} onClick={() => move(i, 1)}>↓</button>
                      <button type="button" className="button button-small" onClick={() => setDialog(c.employeeId)}>Rincian</button>
                      <button type="button" className="button button-small" aria-label={`Keluarkan ${c.fullName}`} onClick={() => setDraft((list) => list.filter((x) => x.employeeId !== c.employeeId))}>Keluarkan</button>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        <label className="field" style={{ marginTop: 12 }}>
          <span className="field-label">Catatan rencana</span>
          <textarea rows={2} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} placeholder="Misalnya hasil pembahasan Komite Suksesi" />
        </label>
        <SaveErrorBanner error={saveError} onReload={() => { setResetOnLoad(true); setSaveError(null); detail.reload(); }} />
        <div className="plan-footer">
          <span>{dirty ? <span className="unsaved" role="status">Ada perubahan yang belum disimpan.</span> : <span className="muted">Semua perubahan tersimpan.</span>}</span>
          <span style={{ display: 'flex', gap: 8 }}>
            <button type="button" className="button" disabled={!dirty || saving} onClick={discard}>Batalkan perubahan</button>
            <button type="button" className="button button-primary" disabled={!dirty || saving} onClick={() => void save()}>{saving ? 'Menyimpan…' : 'Simpan rencana'}</button>
          </span>
        </div>
      </section>

      <RankingSection d={d} inDraft={new Set(draft.map((c) => c.employeeId))} onAdd={add} onDetail={setDialog} />

      <div className="cards cards-2" style={{ marginTop: 16 }}>
        <ChainCard d={d} />
        <HistoryCard d={d} onRestore={(revision) => void restore(revision)} />
      </div>

      {dialog !== null && (
        <CandidateDialog positionId={positionId} positionName={d.position.name} employeeId={dialog} labels={labels}
          inDraft={draft.some((c) => c.employeeId === dialog)} onClose={() => setDialog(null)}
          onAdd={(readiness, candidate) => {
            add(candidate, readiness);
            setDialog(null);
          }} />
      )}
    </div>
  );
}

const PAGE = 50;

/** Who the ranking lists: those who meet the requirements, only those of them with complete data, or everyone. */
type Shown = 'eligible' | 'complete' | 'all';
const SHOWN: Array<{ code: Shown; label: string }> = [
  { code: 'eligible', label: 'Yang memenuhi syarat' },
  { code: 'complete', label: 'Yang memenuhi syarat, data lengkap' },
  { code: 'all', label: 'Semua, termasuk yang tidak memenuhi syarat' },
];

function RankingSection({ d, inDraft, onAdd, onDetail }: { d: PositionDetail; inDraft: Set<number>; onAdd: (c: RankedCandidate, r: Readiness) => void; onDetail: (id: number) => void }) {
  const [shown, setShown] = useState<Shown>('eligible');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const debounced = useDebounced(search, 250);
  const request = useMemo(() => ({
    positionId: d.position.id, includeIneligible: shown === 'all', completeDataOnly: shown === 'complete', search: debounced.trim() || undefined, offset, limit: PAGE,
  }), [d.position.id, shown, debounced, offset]);
  useEffect(() => setOffset(0), [shown, debounced]);
  const ranking = useApi('succession:rank', request, ['succession', 'employees']);
  const r = ranking.data;
  return (
    <section className="card" aria-label="Kandidat terperingkat" style={{ marginTop: 16 }}>
      <header className="card-header">
        <h2 className="card-title">Kandidat terperingkat dari seluruh kabupaten</h2>
        {ranking.loading && <span className="muted">Menghitung…</span>}
      </header>
      <p className="weights">Bobot skor: {d.weights.map((w) => `${w.label} ${w.weight}`).join(' · ')}. Komponen tanpa data bernilai nol (belum ada data).</p>
      <div className="toolbar-tight" role="search">
        <input type="search" placeholder="Cari nama atau NIP…" aria-label="Cari kandidat" value={search} onChange={(e) => setSearch(e.target.value)} />
        <label className="key-toggle">Tampilkan
          <select aria-label="Kandidat yang ditampilkan" value={shown} onChange={(e) => setShown(e.target.value as Shown)}>
            {SHOWN.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
          </select>
        </label>
      </div>
      <ErrorBanner error={ranking.error} onRetry={ranking.reload} />
      {r && (
        <p className="muted" data-testid="ranking-summary">
          {formatNumberId(r.evaluated)} pegawai aktif dinilai · <strong>{formatNumberId(r.eligible)} memenuhi syarat</strong> ({formatNumberId(r.completeData)} dengan data lengkap) · {formatNumberId(r.ineligible)} tidak memenuhi
          {r.ineligibleByReason.length > 0 && <> ({r.ineligibleByReason.map((x) => `${x.label}: ${formatNumberId(x.count)}`).join('; ')})</>}
        </p>
      )}
      {r && r.withoutAssessment > 0 && (
        <p className="banner banner-warning" role="note" data-testid="ranking-without-assessment">
          {formatNumberId(r.withoutAssessment)} dari {formatNumberId(r.eligible)} kandidat yang memenuhi syarat belum memiliki penilaian kompetensi lengkap
          terhadap standar jabatan ini; skor mereka tanpa komponen JPM. Lengkapi melalui Kualitas Data.
        </p>
      )}
      {!r ? <Loading /> : r.rows.length === 0 ? (
        <p className="muted">
          Tidak ada kandidat{search ? ' yang cocok dengan pencarian' : shown === 'complete' ? ' yang memenuhi syarat dengan data lengkap' : ' yang memenuhi syarat; pilih "Semua, termasuk yang tidak memenuhi syarat" untuk melihat alasannya'}.
        </p>
      ) : (
        <div className="table-scroll" style={{ maxHeight: 620 }}>
          <table className="table table-compact" aria-label="Daftar kandidat terperingkat">
            <thead><tr><th className="num">#</th><th>Pegawai</th><th>Jabatan saat ini</th><th>Gol.</th><th className="num">Skor</th><th>Syarat</th><th /></tr></thead>
            <tbody>
              {r.rows.map((c) => (
                <tr key={c.employeeId} data-testid="ranked-candidate">
                  <td className="num">{c.rank ?? '—'}</td>
                  <td>
                    <a href={href(`/pegawai/${c.employeeId}`)}>{c.fullName}</a>
                    <div className="muted" style={{ fontSize: 12 }}><Nip value={c.nip} />{c.planCount >= d.overRelianceThreshold && <span className="flag-over"> ⚑ di {c.planCount} rencana</span>}</div>
                  </td>
                  <td>{c.positionName ?? '—'}<div className="muted" style={{ fontSize: 12 }}>{c.opdName ?? ''}</div></td>
                  <td>{golonganLabel(c.golongan) || '—'}</td>
                  <td className="num">{c.score === null ? '—' : <span className="score">{formatNumberId(c.score)}</span>}<span className="coverage">data {formatNumberId(c.coverage)}%</span></td>
                  <td>
                    <ChecklistSummary checklist={c.checklist} />
                    {!c.eligible && <div className="text-warning" style={{ fontSize: 12 }}>{c.checklist.filter((i) => i.status === 'fail').map((i) => i.label).join('; ')}</div>}
                  </td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <button type="button" className="button button-small" onClick={() => onDetail(c.employeeId)}>Rincian</button>{' '}
                    <button type="button" className="button button-small" disabled={inDraft.has(c.employeeId)} aria-label={`Tambah ${c.fullName}`}
                      onClick={() => onAdd(c, c.suggestedReadiness)}>{inDraft.has(c.employeeId) ? 'Di rencana' : 'Tambah'}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r && <Pager offset={offset} limit={PAGE} total={r.total} onChange={setOffset} label="Halaman kandidat" />}
    </section>
  );
}

function ChainCard({ d }: { d: PositionDetail }) {
  return (
    <Card title="Rantai kekosongan">
      {d.chain.length === 0 || !d.chain[0].mover ? (
        <p className="muted">{d.chain[0]?.end ?? 'Belum ada rencana.'} Rantai muncul bila kandidat pertama dalam rencana naik jabatan.</p>
      ) : (
        <ol className="chain" aria-label="Rantai kekosongan">
          {d.chain.map((s, i) => (
            <li key={s.positionId + '-' + i} className={`chain-step${s.mover ? '' : ' is-end'}`}>
              <strong>{i === 0 ? s.positionName : <a href={href(`/suksesi/jabatan/${s.positionId}`)}>{s.positionName}</a>}</strong>
              <span className="muted"> ({positionLevelLabel(s.positionLevel)}{s.isKey ? ', kritikal' : ''})</span>
              {i > 0 && <div>Menjadi kosong. {s.hasPlan ? `Rencana: ${s.candidateCount} kandidat, ${s.readyNowCount} ${d.readinessLabels.siap_sekarang.toLowerCase()}.` : 'Belum punya rencana suksesi.'}</div>}
              {s.mover && <div>Diisi oleh <a href={href(`/pegawai/${s.mover.employeeId}`)}>{s.mover.fullName}</a> ({d.readinessLabels[s.mover.readiness]}){s.freed ? <>, yang meninggalkan <em>{s.freed.positionName}</em>.</> : '.'}</div>}
              {s.end && <div className="muted">{s.end}</div>}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function HistoryCard({ d, onRestore }: { d: PositionDetail; onRestore: (revision: PositionDetail['history'][number]) => void }) {
  return (
    <Card title="Riwayat rencana">
      {d.history.length === 0 ? <p className="muted">Belum ada riwayat.</p> : (
        <ul className="history-list" aria-label="Riwayat rencana">
          {d.history.map((h) => (
            <li key={h.revision}>
              <div className="audit-meta">Revisi {h.revision} · {formatDateTimeId(h.savedAt)} · {h.savedBy}</div>
              <div>{h.summary}</div>
              {h.candidates.length > 0 && <div className="muted" style={{ fontSize: 12 }}>{h.candidates.map((c) => `${c.rank}. ${c.fullName} (${d.readinessLabels[c.readiness]})`).join(' · ')}</div>}
              {h.revision !== d.plan?.revision && <button type="button" className="button button-small" style={{ marginTop: 4 }} onClick={() => onRestore(h)}>Muat ke editor</button>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
