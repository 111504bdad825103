// Pengaturan › Cadangan: back up now, the daily backup and how many daily copies are kept, the copies of this
// database, and restoring one of them (or a file from elsewhere: the desktop dialog, or an upload in web mode)
// after the same complete check as the command line, with a confirmation that says what would be replaced.
// Team mode (the database on the office's server): the same buttons back the server's data up into this computer's
// folder and restore a file into the server for every desk; no daily copy per desk (the server's own backup is).

import { useRef, useState, type ChangeEvent } from 'react';
import { formatDateTimeId, formatNumberId } from '../../../../shared/format/id-format';
import { BACKUP_KIND_LABELS, type BackupEntry, type BackupSettings, type DatabaseSummaryData, type RestorePreview, type RestoreSource } from '../../../../shared/schemas/backup';
import { ApiError, call, newJobId, transport, uploadFile } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Dialog, ErrorBanner, Loading, ProgressBar, useToast } from '../../components/feedback';
import { useJobProgress } from '../../components/job-progress';
import './backup.css';
import { SaveErrorBanner } from '../../components/save-error';
import { useDraft } from '../../components/use-draft';

type Busy =
  | { step: 'backup' | 'inspect' | 'restore'; jobId: string; title: string }
  | { step: 'upload'; title: string; sent: number; total: number };

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
const megabytes = (bytes: number) => `${formatNumberId(bytes / 1024 / 1024, 1)} MB`;

export function BackupSection() {
  const list = useApi('backup:list', {}, ['settings']);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirm, setConfirm] = useState<{ source: RestoreSource; preview: RestorePreview; recoveryKey?: string } | null>(null);
  // A backup no key of this computer opens: it may come from another computer, whose recovery key opens it.
  const [needsKey, setNeedsKey] = useState<{ source: RestoreSource; name: string } | null>(null);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [restored, setRestored] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const toast = useToast();

  const backUpNow = async () => {
    const jobId = newJobId();
    setError(null);
    setBusy({ step: 'backup', jobId, title: 'Membuat cadangan' });
    try {
      const entry = await call('backup:create', { jobId });
      toast('success', `Cadangan dibuat: ${entry.fileName} (${megabytes(entry.sizeBytes)}).`);
      list.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const inspect = async (source: RestoreSource, name: string, withKey?: string) => {
    const jobId = newJobId();
    setError(null);
    setRestored(null);
    setBusy({ step: 'inspect', jobId, title: `Memeriksa ${name}` });
    try {
      setConfirm({ source, preview: await call('backup:inspect', { source, jobId, recoveryKey: withKey }), recoveryKey: withKey });
      setNeedsKey(null);
      setRecoveryKey('');
    } catch (e) {
      const error = asApiError(e);
      setError(error);
      if (error.details?.reason === 'unknown_key' || (withKey && error.code === 'validation')) setNeedsKey({ source, name });
    } finally {
      setBusy(null);
    }
  };

  const restore = async (source: RestoreSource, name: string, withKey?: string) => {
    const jobId = newJobId();
    setConfirm(null);
    setBusy({ step: 'restore', jobId, title: `Memulihkan database dari ${name}` });
    try {
      const result = await call('backup:restore', { source, jobId, recoveryKey: withKey });
      const message = `Database dipulihkan dari ${result.name}: ${formatNumberId(result.restored.employees)} pegawai.`
        + (result.previousCopy ? ` Database sebelumnya disimpan sebagai ${result.previousCopy.fileName}.` : '');
      setRestored(message);
      toast('success', `Database dipulihkan dari ${result.name}.`);
      list.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const pickOther = async () => {
    if (transport() !== 'electron') {
      fileInput.current?.click();
      return;
    }
    try {
      const picked = await call('backup:pick', {});
      if (picked) await inspect({ from: 'dialog', pickId: picked.pickId }, picked.name);
    } catch (e) {
      setError(asApiError(e));
    }
  };

  const uploadOther = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    setBusy({ step: 'upload', title: `Mengunggah ${file.name}`, sent: 0, total: file.size });
    try {
      const info = await uploadFile(file, (sent, total) => setBusy({ step: 'upload', title: `Mengunggah ${file.name}`, sent, total }));
      await inspect({ from: 'upload', fileId: info.fileId }, info.name);
    } catch (e) {
      setError(asApiError(e));
      setBusy(null);
    }
  };

  if (list.error) return <ErrorBanner error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const { backups, folder, settings, teamMode } = list.data;

  return (
    <div className="card backup-section" data-testid="backup-section">
      {teamMode ? (
        <div className="muted" data-testid="backup-team-mode">
          <p>
            Database ini ada di server kantor dan dipakai bersama oleh semua meja. Cadangan utama adalah cadangan yang dibuat
            pengelola server setiap hari; aplikasi ini tidak membuat cadangan harian di komputer ini.
          </p>
          <p>
            «Cadangkan sekarang» menyimpan salinan seluruh data server pada satu saat ke folder <span className="mono">{folder}</span> di
            komputer ini (terenkripsi dengan kunci komputer ini). «Pulihkan» mengganti seluruh data di server dengan isi cadangan:
            semua meja langsung melihat data cadangan itu.
          </p>
        </div>
      ) : (
        <p className="muted">
          Cadangan adalah salinan utuh berkas database. Salinan disimpan di folder <span className="mono">{folder}</span>; salin
          sesekali ke tempat lain (diska lepas, penyimpanan kantor) agar tetap ada bila komputer ini rusak.
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void backUpNow()}>Cadangkan sekarang</button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void pickOther()}>Pulihkan dari berkas lain…</button>
        <input ref={fileInput} type="file" accept=".sqlite,.db,.sqlite3,application/vnd.sqlite3,application/x-sqlite3" hidden
          aria-label="Berkas cadangan" onChange={(e) => void uploadOther(e)} />
      </div>
      {busy && <BusyView busy={busy} />}
      <ErrorBanner error={error} />
      {needsKey && busy === null && (
        <form className="card recovery-key-form" data-testid="recovery-key-form" onSubmit={(event) => { event.preventDefault(); void inspect(needsKey.source, needsKey.name, recoveryKey); }}>
          <h3 className="backup-heading">Pulihkan dengan kunci pemulihan</h3>
          <p className="muted">Bila {needsKey.name} dibuat di komputer lain, masukkan kunci pemulihan komputer itu (dicetak saat databasenya
            dibuat). Database yang dipulihkan lalu dienkripsi dengan kunci komputer ini.</p>
          <label className="field">
            <span className="field-label">Kunci pemulihan</span>
            <input type="text" value={recoveryKey} autoComplete="off" spellCheck={false} placeholder="XXXX-XXXX-XXXX-…"
              onChange={(e) => setRecoveryKey(e.target.value)} />
          </label>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={recoveryKey.trim() === ''}>Periksa dengan kunci ini</button>
            <button type="button" className="button" onClick={() => { setNeedsKey(null); setRecoveryKey(''); }}>Batal</button>
          </div>
        </form>
      )}
      {restored && <div className="banner banner-success" role="status" data-testid="restore-done">{restored}</div>}

      {!teamMode && <DailySettings settings={settings} onSaved={list.reload} />}

      <h3 className="backup-heading">Cadangan yang tersimpan</h3>
      {backups.length === 0 ? (
        <p className="muted">Belum ada cadangan database ini.</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact" aria-label="Daftar cadangan">
            <thead><tr><th>Jenis</th><th>Dibuat</th><th>Ukuran</th><th>Berkas</th><th /></tr></thead>
            <tbody>
              {backups.map((entry) => (
                <BackupRow key={entry.id} entry={entry} disabled={busy !== null}
                  onRestore={() => void inspect({ from: 'backup', id: entry.id }, entry.fileName)} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {confirm && (
        <ConfirmRestore preview={confirm.preview} teamMode={teamMode} onCancel={() => setConfirm(null)}
          onConfirm={() => void restore(confirm.source, confirm.preview.name, confirm.recoveryKey)} />
      )}
    </div>
  );
}

function BackupRow({ entry, disabled, onRestore }: { entry: BackupEntry; disabled: boolean; onRestore(): void }) {
  return (
    <tr>
      <td>{BACKUP_KIND_LABELS[entry.kind]}</td>
      <td>{formatDateTimeId(entry.modifiedAt)}</td>
      <td>{megabytes(entry.sizeBytes)}</td>
      <td className="mono" title={entry.path}>{entry.fileName}</td>
      <td><button type="button" className="link-button" disabled={disabled} onClick={onRestore} aria-label={`Pulihkan dari ${entry.fileName}`}>Pulihkan…</button></td>
    </tr>
  );
}

interface DailyDraft { daily: boolean; keep: string }

const dailyDraftOf = (settings: BackupSettings): DailyDraft => ({ daily: settings.daily, keep: String(settings.keep) });

function DailySettings({ settings, onSaved }: { settings: BackupSettings & { version: number }; onSaved(): void }) {
  // The fields follow the stored settings while untouched (a save, another desk) and keep the officer's edits
  // otherwise: another desk's save must not throw away what is being typed.
  const { draft: working, setDraft, dirty, markSaved, reset } = useDraft<DailyDraft>(dailyDraftOf(settings));
  const draft = working ?? dailyDraftOf(settings);
  // The version the edits started from: it follows the stored one while the fields are untouched, so a save made
  // after another desk saved is refused with who and when instead of overwriting their change.
  const readVersion = useRef(settings.version);
  if (!dirty) readVersion.current = settings.version;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      if (!/^\d+$/.test(draft.keep.trim())) throw new ApiError({ code: 'validation', message: 'Jumlah cadangan harian harus bilangan bulat.' });
      const result = await call('backup:updateSettings', { daily: draft.daily, keep: Number(draft.keep), version: readVersion.current });
      // This form's own save moved the version on: the next edits start from it (two saves in a row never
      // refuse each other).
      readVersion.current = result.version;
      markSaved(dailyDraftOf(result));
      toast('success', 'Pengaturan cadangan harian disimpan.');
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };
  const reloadStored = () => {
    setError(null);
    reset();
    onSaved();
  };

  return (
    <form className="backup-daily" aria-label="Cadangan harian" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label className="checkbox">
        <input type="checkbox" checked={draft.daily} onChange={(e) => setDraft({ ...draft, daily: e.target.checked })} />
        <span>Buat cadangan harian otomatis (saat aplikasi dibuka, lalu sekali sehari selama aplikasi berjalan)</span>
      </label>
      <label className="field backup-keep">
        <span className="field-label">Jumlah cadangan harian yang disimpan</span>
        <input type="number" min={1} max={90} step={1} value={draft.keep} onChange={(e) => setDraft({ ...draft, keep: e.target.value })} />
        <span className="field-hint">Cadangan harian yang lebih lama dihapus otomatis; cadangan manual tidak.</span>
      </label>
      <SaveErrorBanner error={error} onReload={reloadStored} />
      <button type="submit" className="button" disabled={saving || !dirty}>Simpan pengaturan cadangan</button>
    </form>
  );
}

function BusyView({ busy }: { busy: Busy }) {
  const progress = useJobProgress(busy.step === 'upload' ? null : busy.jobId);
  const [done, total] = busy.step === 'upload' ? [busy.sent, busy.total] : [progress?.done ?? 0, progress?.total ?? 1];
  return (
    <section className="backup-progress" aria-label={busy.title} data-testid="backup-progress">
      <p><strong>{busy.title}</strong>{busy.step !== 'upload' && progress ? ` · ${progress.phase}` : '…'}</p>
      <ProgressBar done={done} total={total} label={busy.title} />
      {busy.step === 'upload' && <p className="muted small">{megabytes(busy.sent)} dari {megabytes(busy.total)}</p>}
    </section>
  );
}

const SUMMARY_ROWS: Array<[string, (s: DatabaseSummaryData) => string]> = [
  ['Pegawai (semua status)', (s) => formatNumberId(s.employees)],
  ['Pegawai aktif', (s) => formatNumberId(s.activeEmployees)],
  ['Unit kerja', (s) => formatNumberId(s.units)],
  ['Jabatan', (s) => formatNumberId(s.positions)],
  ['Perubahan terakhir', (s) => (s.lastChangeAt ? formatDateTimeId(s.lastChangeAt) : 'tidak tercatat')],
];

function ConfirmRestore({ preview, teamMode, onCancel, onConfirm }: { preview: RestorePreview; teamMode: boolean; onCancel(): void; onConfirm(): void }) {
  return (
    <Dialog title={`Pulihkan database dari ${preview.name}?`} onClose={onCancel} wide footer={
      <>
        <button type="button" className="button" onClick={onCancel}>Batal</button>
        <button type="button" className="button button-danger" onClick={onConfirm}>Ganti database dengan cadangan ini</button>
      </>
    }>
      <p>Berkas ini utuh dan dapat dipulihkan. Seluruh isi database sekarang akan diganti dengan isi cadangan:</p>
      {teamMode && (
        <div className="banner banner-warning" role="alert" data-testid="restore-team-warning">
          <p>Database ini dipakai bersama di server kantor: data yang dilihat dan diubah <strong>semua meja</strong> akan diganti.
            Beri tahu rekan kerja lebih dulu; perubahan yang mereka simpan sesudah cadangan ini dibuat akan hilang dari server.</p>
        </div>
      )}
      <table className="table table-compact" aria-label="Yang diganti">
        <thead><tr><th /><th>Database sekarang (diganti)</th><th>Cadangan {preview.name}</th></tr></thead>
        <tbody>
          {SUMMARY_ROWS.map(([label, value]) => (
            <tr key={label}><th scope="row">{label}</th><td>{value(preview.current)}</td><td>{value(preview.candidate)}</td></tr>
          ))}
          <tr>
            <th scope="row">Berkas</th><td />
            <td>{megabytes(preview.sizeBytes)}{preview.modifiedAt ? `, disimpan ${formatDateTimeId(preview.modifiedAt)}` : ''}</td>
          </tr>
        </tbody>
      </table>
      {preview.warnings.length > 0 && (
        <div className="banner banner-warning" role="alert">
          {preview.warnings.map((warning) => <p key={warning}>{warning}</p>)}
        </div>
      )}
      <p className="muted">
        {teamMode ? 'Data server sekarang' : 'Database sekarang'} disimpan dulu sebagai cadangan «{BACKUP_KIND_LABELS['sebelum-restore']}»{teamMode ? ' di komputer ini' : ''}, jadi
        pemulihan ini dapat dibatalkan dengan memulihkan salinan itu.
      </p>
    </Dialog>
  );
}
