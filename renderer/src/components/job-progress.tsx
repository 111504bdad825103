import { useEffect, useState } from 'react';
import type { JobProgressEvent } from '../../../shared/ipc/events';
import { formatNumberId } from '../../../shared/format/id-format';
import { call, onAppEvent } from '../api/client';
import { ProgressBar } from './feedback';

/** The latest progress event of a running job (null when none has arrived yet). */
export function useJobProgress(jobId: string | null): JobProgressEvent | null {
  const [progress, setProgress] = useState<JobProgressEvent | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!jobId) return;
    return onAppEvent((event) => {
      if (event.type === 'job:progress' && event.jobId === jobId) setProgress(event);
    });
  }, [jobId]);
  return progress;
}

export function timeLeft(etaMs: number | undefined): string {
  if (etaMs === undefined) return '';
  const seconds = Math.ceil(etaMs / 1000);
  if (seconds <= 1) return 'hampir selesai';
  return seconds < 60 ? `sekitar ${seconds} detik lagi` : `sekitar ${Math.ceil(seconds / 60)} menit lagi`;
}

/** Progress of a job: phase, bar, rows done of the total and the time left, with a cancel button. */
export function JobProgressView({ jobId, title, unit = 'baris' }: { jobId: string; title: string; unit?: string }) {
  const progress = useJobProgress(jobId);
  const [cancelling, setCancelling] = useState(false);
  return (
    <section className="card job-progress" aria-label={title}>
      <h2 className="card-title">{title}</h2>
      <p>{progress?.phase ?? 'Menyiapkan…'}</p>
      <ProgressBar done={progress?.done ?? 0} total={progress?.total ?? 1} label={title} />
      <p className="muted" data-testid="job-progress-text">
        {progress && progress.total > 1 ? `${formatNumberId(progress.done)} dari ${formatNumberId(progress.total)} ${unit}` : ''}
        {progress?.etaMs !== undefined ? ` · ${timeLeft(progress.etaMs)}` : ''}
      </p>
      <button type="button" className="button" disabled={cancelling} onClick={() => { setCancelling(true); void call('jobs:cancel', { jobId }); }}>
        {cancelling ? 'Membatalkan…' : 'Batalkan'}
      </button>
    </section>
  );
}
