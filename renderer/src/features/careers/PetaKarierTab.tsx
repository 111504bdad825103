// The profile's Peta Karier: where the person stands, every next step of the pola karier with each requirement met
// or not (and the day time alone brings it), the vacant positions of the step, and "Jadikan IDP" for what an
// individual development plan can answer.

import { useState } from 'react';
import { call, ApiError } from '../../api/client';
import { useApi } from '../../api/hooks';
import { href } from '../../app/router';
import { useCan, useMayPrint } from '../../app/session';
import { EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { SaveErrorBanner } from '../../components/save-error';
import { formatDateId, formatNumberId } from '../../../../shared/format/id-format';
import type { Peta } from '../../../../shared/schemas/career-paths';
import './karier.css';

type Step = Peta['steps'][number];

const MET_TEXT = { yes: 'Terpenuhi', no: 'Belum terpenuhi', unknown: 'Belum diketahui' } as const;

export function PetaKarierTab({ employeeId, nip }: { employeeId: number; nip: string }) {
  const peta = useApi('paths:employee', { employeeId }, ['careers', 'development', 'employees', 'performance', 'competency']);
  // "Jadikan IDP" adds to this year's plan: it names the plan's version the screen read (none: null).
  const plans = useApi('plans:ofEmployee', { employeeId }, ['development']);
  const mayPrint = useMayPrint('peta-karier');
  if (peta.error) return <ErrorBanner error={peta.error} onRetry={peta.reload} />;
  if (plans.error) return <ErrorBanner error={plans.error} onRetry={plans.reload} />;
  if (!peta.data || !plans.data) return <Loading />;
  const data = peta.data;
  const year = Number(data.asOf.slice(0, 4));
  const planVersion = plans.data.plans.find((p) => p.year === year)?.version ?? null;
  const reload = () => { peta.reload(); plans.reload(); };
  return (
    <div className="dev-stack career-map">
      {mayPrint && data.steps.length > 0 && (
        <div className="report-actions">
          <a className="button" href={href(`/laporan/peta-karier?nip=${nip}`)}>Cetak Peta Karier</a>
        </div>
      )}
      {data.standing && (
        <section className="card" aria-label="Posisi sekarang">
          <h2 className="card-title">Posisi sekarang</h2>
          <p>
            <strong>{data.standing.positionName ?? data.standing.levelLabel}</strong> · {data.standing.levelLabel} · jalur {data.standing.lane}
            {data.standing.levelSince && <> · dalam jenjang ini sejak {formatDateId(data.standing.levelSince)}</>}
          </p>
        </section>
      )}
      {data.note ? <EmptyState title="Belum ada langkah karier">{data.note}</EmptyState>
        : data.steps.map((step) => <StepCard key={step.stepId} employeeId={employeeId} step={step} planVersion={planVersion} onChanged={reload} />)}
      <p className="muted">
        Jabatan yang kosong dihitung dari jabatan tanpa pemangku aktif dan jabatan yang pemangkunya mencapai TMT pensiun dalam 2 tahun.
        Jenjang tidak menyimpan formasi, jadi daftar ini bukan daftar formasi yang tersedia.
      </p>
    </div>
  );
}

function StepCard({ employeeId, step, planVersion, onChanged }: { employeeId: number; step: Step; planVersion: number | null; onChanged: () => void }) {
  const canWrite = useCan('data:write');
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  // Refused because another desk changed this year's plan since the screen read it: who and when, "Muat ulang".
  const [stale, setStale] = useState<ApiError | null>(null);
  const status = step.ready ? 'Siap' : step.metOn ? `Terpenuhi pada ${formatDateId(step.metOn)}` : 'Belum siap';
  const makeIdp = async () => {
    setBusy(true);
    setStale(null);
    try {
      const result = await call('paths:makeIdp', { employeeId, stepId: step.stepId, planVersion });
      toast('success', result.added === 0 ? 'Semua kegiatan sudah ada di rencana pengembangan tahun ini.'
        : `${formatNumberId(result.added)} kegiatan ditambahkan ke rencana pengembangan${result.created ? ' yang baru disusun' : ''}.`);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') setStale(e);
      else toast('error', e instanceof ApiError ? e.message : 'Rencana pengembangan gagal disusun.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-label={`Langkah ${step.label}`} data-testid="career-step">
      <h2 className="card-title">{step.label}</h2>
      <p>
        <span className={`badge ${step.ready ? 'badge-ready' : 'badge-waiting'}`} data-testid="career-step-status">{status}</span>
        {' '}· {step.moveKindLabel} · {step.pathName}
      </p>
      <table className="table table-compact" aria-label={`Syarat ${step.label}`}>
        <thead><tr><th>Syarat</th><th>Status</th><th>Keterangan</th></tr></thead>
        <tbody>
          {step.checks.map((c) => (
            <tr key={c.key}>
              <td>{c.label}</td>
              <td>{MET_TEXT[c.met === true ? 'yes' : c.met === false ? 'no' : 'unknown']}</td>
              <td>{c.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canWrite && step.developable > 0 && (
        <div className="dev-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void makeIdp()}>Jadikan IDP</button>
        </div>
      )}
      <SaveErrorBanner error={stale} onReload={() => { setStale(null); onChanged(); }} />
      <h3>Jabatan yang kosong atau akan kosong</h3>
      {step.vacancies.length === 0 ? <p className="muted">Tidak ada jabatan tujuan yang kosong atau akan kosong dalam 2 tahun.</p> : (
        <>
          <table className="table table-compact" aria-label={`Jabatan kosong ${step.label}`}>
            <thead><tr><th>Jabatan</th><th>Unit kerja</th><th>Keterangan</th></tr></thead>
            <tbody>
              {step.vacancies.map((v) => <tr key={v.positionId}><td>{v.positionName}</td><td>{v.unitName ?? '–'}</td><td>{v.reasonText}</td></tr>)}
            </tbody>
          </table>
          {step.vacancyTotal > step.vacancies.length && <p className="muted">{formatNumberId(step.vacancies.length)} dari {formatNumberId(step.vacancyTotal)} jabatan ditampilkan.</p>}
        </>
      )}
    </section>
  );
}
