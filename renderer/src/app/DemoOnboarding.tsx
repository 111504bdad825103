import { useEffect, useState } from 'react';
import { DEMO_DEFAULT_EMPLOYEES } from '../../../shared/schemas/app';
import type { JobProgressEvent } from '../../../shared/ipc/events';
import { formatNumberId } from '../../../shared/format/id-format';
import { ApiError, call, newJobId, onAppEvent } from '../api/client';
import { Dialog, ProgressBar, useToast } from '../components/feedback';

/** First start with an empty database: offer the demo district, or start empty. */
export function DemoOnboarding({ onDone }: { onDone: () => void }) {
  const [employees, setEmployees] = useState(DEMO_DEFAULT_EMPLOYEES);
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgressEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();

  useEffect(() => onAppEvent((event) => {
    if (event.type === 'job:progress' && event.jobId === jobId) setProgress(event);
  }), [jobId]);

  const load = async () => {
    const id = newJobId();
    setJobId(id);
    setError(null);
    try {
      const result = await call('demo:load', { jobId: id, employees });
      toast('success', `Data demo dimuat: ${formatNumberId(result.employees)} pegawai, ${formatNumberId(result.units)} unit kerja.`);
      onDone();
    } catch (e) {
      setJobId(null);
      setProgress(null);
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const decline = async () => {
    await call('app:dismissDemoOffer', {});
    onDone();
  };

  if (jobId) {
    const eta = progress?.etaMs !== undefined ? Math.ceil(progress.etaMs / 1000) : null;
    return (
      <Dialog title="Memuat data demo" footer={<button type="button" className="button" onClick={() => void call('jobs:cancel', { jobId })}>Batalkan</button>}>
        <p>{progress?.phase ?? 'Menyiapkan…'}</p>
        <ProgressBar done={progress?.done ?? 0} total={progress?.total ?? 1} label="Kemajuan memuat data demo" />
        <p className="muted">
          {progress ? `${formatNumberId(progress.done)} dari ${formatNumberId(progress.total)} baris` : ''}
          {eta !== null && eta > 0 ? ` · sekitar ${eta < 60 ? `${eta} detik` : `${Math.ceil(eta / 60)} menit`} lagi` : ''}
        </p>
      </Dialog>
    );
  }

  return (
    <Dialog title="Selamat datang di Jenjang" footer={
      <>
        <button type="button" className="button" onClick={() => void decline()}>Mulai dengan database kosong</button>
        <button type="button" className="button button-primary" autoFocus onClick={() => void load()}>Muat data demo</button>
      </>
    }>
      <p>Database ini masih kosong. Anda dapat mencoba Jenjang dengan data demo sebuah kabupaten fiktif
        (Kabupaten Sindangraja): unit kerja, jabatan, pegawai dengan NIP, golongan, pendidikan dan riwayat karier yang realistis.</p>
      <p>Data demo dapat dibuang kapan saja dengan memakai berkas database baru. Data asli dimasukkan melalui <strong>Impor Data</strong> atau formulir pegawai.</p>
      <label className="field">
        <span className="field-label">Jumlah pegawai demo</span>
        <input type="number" min={10} max={50000} step={100} value={employees}
          onChange={(e) => setEmployees(Math.max(10, Math.min(50000, Number(e.target.value) || DEMO_DEFAULT_EMPLOYEES)))} />
      </label>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
    </Dialog>
  );
}
