import { useEffect, useRef, useState, type DragEvent } from 'react';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '../../../../shared/domain/import-fields';
import { formatNumberId } from '../../../../shared/format/id-format';
import type { FileInfo, ImportPreview } from '../../../../shared/schemas/import';
import { ApiError, call, newJobId, transport, uploadFile } from '../../api/client';
import { useApi } from '../../api/hooks';
import { saveBase64File } from '../../components/data-view';
import { ErrorBanner, ProgressBar, useToast } from '../../components/feedback';
import { DiffSection } from './DiffSection';
import { HistorySection } from './HistorySection';
import { InstansiCheck } from './InstansiCheck';
import { IssuesTable } from './IssuesTable';
import { JobProgressView } from '../../components/job-progress';
import { MappingEditor } from './MappingEditor';

type DuplicatePolicy = ImportPreview['options']['duplicates'];

interface PreviewParams {
  fileId: string;
  kind?: ImportKind;
  sheet?: string;
  mapping?: Record<string, string | null>;
  profileId?: number;
  /** Left out at first: main creates units and positions without asking only in an empty database. */
  createMissing?: boolean;
  markAbsent: boolean;
  duplicates: DuplicatePolicy;
}

/** The options the preview was actually made with (main fills in what the request left out). */
const withOptions = (params: PreviewParams, preview: ImportPreview): PreviewParams =>
  ({ ...params, createMissing: preview.options.createMissing, markAbsent: preview.options.markAbsent, duplicates: preview.options.duplicates });

type Stage =
  | { step: 'choose' }
  | { step: 'uploading'; name: string; sent: number; total: number }
  | { step: 'previewing'; jobId: string; name: string }
  | { step: 'preview'; preview: ImportPreview; params: PreviewParams }
  | { step: 'committing'; jobId: string; preview: ImportPreview; params: PreviewParams }
  | { step: 'done'; preview: ImportPreview; snapshotId: number; backupPath: string | null };

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));

/** Impor Data: choose a file → check it (kind, columns, issues, diff) → save it; the history of snapshots below. */
export function ImporPage(_props: { route?: unknown }) {
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();
  const status = useApi('app:status', {}, ['all']);

  // A preview holds the import for this person until it is saved or left: leaving it (another file, another screen)
  // frees the import for the other desks at once instead of after the preview's lease.
  const openPreview = useRef<string | null>(null);
  openPreview.current = stage.step === 'preview' ? stage.preview.previewId : null;
  const leavePreview = () => {
    if (openPreview.current) void call('import:discard', { previewId: openPreview.current }).catch(() => undefined);
  };
  useEffect(() => () => leavePreview(), []);

  const runPreview = async (params: PreviewParams, name: string) => {
    const jobId = newJobId();
    setError(null);
    setStage({ step: 'previewing', jobId, name });
    try {
      const preview = await call('import:preview', { ...params, jobId });
      setStage({ step: 'preview', preview, params: withOptions(params, preview) });
    } catch (e) {
      const apiError = asApiError(e);
      if (apiError.code === 'cancelled') toast('info', 'Pemeriksaan berkas dibatalkan.');
      else setError(apiError);
      setStage({ step: 'choose' });
    }
  };

  const startWithFile = (file: FileInfo) => runPreview({ fileId: file.fileId, markAbsent: false, duplicates: 'keep-first' }, file.name);

  const uploadAndPreview = async (file: File) => {
    setError(null);
    setStage({ step: 'uploading', name: file.name, sent: 0, total: file.size });
    try {
      const info = await uploadFile(file, (sent, total) => setStage({ step: 'uploading', name: file.name, sent, total }));
      await startWithFile(info);
    } catch (e) {
      setError(asApiError(e));
      setStage({ step: 'choose' });
    }
  };

  const commit = async (preview: ImportPreview, params: PreviewParams, confirmInstansi: boolean) => {
    const jobId = newJobId();
    setStage({ step: 'committing', jobId, preview, params });
    try {
      const result = await call('import:commit', {
        previewId: preview.previewId, jobId, createMissing: params.createMissing, markAbsent: params.markAbsent, duplicates: params.duplicates, confirmInstansi,
      });
      toast('success', `Impor disimpan sebagai snapshot #${result.snapshotId}: ${formatNumberId(result.counts.accepted)} baris diterima.`);
      setStage({ step: 'done', preview, snapshotId: result.snapshotId, backupPath: result.backupPath });
    } catch (e) {
      const apiError = asApiError(e);
      if (apiError.code === 'cancelled') toast('info', 'Penyimpanan dibatalkan; database tidak berubah.');
      else setError(apiError);
      setStage({ step: 'preview', preview, params });
    }
  };

  return (
    <div className="page impor-page">
      <header className="page-header">
        <div>
          <h1>Impor Data</h1>
          <p className="muted">Snapshot SIASN (data utama), hasil SKP, asesmen kompetensi, asesmen potensi dan riwayat diklat, dari CSV atau XLSX.</p>
        </div>
      </header>
      <ol className="steps" aria-label="Langkah impor">
        <li className={stage.step === 'choose' || stage.step === 'uploading' ? 'is-current' : 'is-done'}>Pilih berkas</li>
        <li className={stage.step === 'preview' || stage.step === 'previewing' ? 'is-current' : stage.step === 'committing' || stage.step === 'done' ? 'is-done' : ''}>Periksa</li>
        <li className={stage.step === 'committing' ? 'is-current' : stage.step === 'done' ? 'is-done' : ''}>Simpan</li>
      </ol>
      <ErrorBanner error={error} />

      {stage.step === 'choose' && (
        <ChooseFile onFile={(f) => void uploadAndPreview(f)} onPicked={(info) => void startWithFile(info)} onError={setError} hasEmployees={(status.data?.employeeCount ?? 0) > 0} />
      )}
      {stage.step === 'uploading' && (
        <section className="card job-progress" aria-label="Mengunggah berkas">
          <h2 className="card-title">Mengunggah {stage.name}</h2>
          <ProgressBar done={stage.sent} total={stage.total} label="Kemajuan unggahan" />
          <p className="muted">{formatNumberId(stage.sent / 1_000_000, 1)} dari {formatNumberId(stage.total / 1_000_000, 1)} MB</p>
        </section>
      )}
      {stage.step === 'previewing' && <JobProgressView jobId={stage.jobId} title={`Memeriksa ${stage.name}`} />}
      {stage.step === 'preview' && (
        <PreviewPanel
          preview={stage.preview}
          params={stage.params}
          onRerun={(params) => void runPreview(params, stage.preview.file.name)}
          onReplanned={(preview, params) => setStage({ step: 'preview', preview, params: withOptions(params, preview) })}
          onCommit={(confirmInstansi) => void commit(stage.preview, stage.params, confirmInstansi)}
          onReset={() => { leavePreview(); setStage({ step: 'choose' }); }}
          onError={setError}
        />
      )}
      {stage.step === 'committing' && <JobProgressView jobId={stage.jobId} title="Menyimpan ke database (satu transaksi; dapat dibatalkan)" />}
      {stage.step === 'done' && (
        <section className="card" aria-label="Impor selesai">
          <h2 className="card-title">Impor selesai</h2>
          <p data-testid="import-done">
            Snapshot #{stage.snapshotId} dari <strong>{stage.preview.file.name}</strong> disimpan:{' '}
            {formatNumberId(stage.preview.counts.accepted)} baris diterima, {formatNumberId(stage.preview.counts.rejected)} ditolak.
          </p>
          {stage.backupPath && <p className="muted">Cadangan harian hari ini dibuat sebelum impor: <span className="mono">{stage.backupPath}</span></p>}
          <div className="button-row">
            {stage.preview.counts.rejected > 0 && <RejectedExportButton previewId={stage.preview.previewId} onError={setError} />}
            <button type="button" className="button button-primary" onClick={() => setStage({ step: 'choose' })}>Impor berkas lain</button>
          </div>
        </section>
      )}

      <HistorySection />
    </div>
  );
}

function ChooseFile({ onFile, onPicked, onError, hasEmployees }: { onFile(file: File): void; onPicked(info: FileInfo): void; onError(e: ApiError): void; hasEmployees: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const electron = transport() === 'electron';

  const pick = async () => {
    if (!electron) {
      input.current?.click();
      return;
    }
    try {
      const picked = await call('files:pick', {});
      if (picked) onPicked(picked);
    } catch (e) {
      onError(asApiError(e));
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  const sample = async () => {
    setBusy(true);
    try {
      onPicked(await call('import:sampleFile', {}));
    } catch (e) {
      onError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cards cards-2">
      <section className="card" aria-label="Pilih berkas">
        <div className={`drop-zone${dragging ? ' is-dragging' : ''}`} data-testid="drop-zone"
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={drop}>
          <p className="drop-zone-title">Seret berkas CSV atau XLSX ke sini</p>
          <p className="muted">atau</p>
          <button type="button" className="button button-primary" onClick={() => void pick()}>Pilih berkas…</button>
          <input ref={input} type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden
            aria-label="Berkas impor" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) onFile(f); }} />
          <p className="muted small">Jenis berkas dan kolomnya dikenali otomatis. Berkas di bawah 200 MB. Tidak ada yang disimpan sebelum Anda memeriksa dan menekan Simpan.</p>
        </div>
        {hasEmployees && (
          <p className="muted small">
            Belum punya berkas? <button type="button" className="link-button" disabled={busy} onClick={() => void sample()}>Coba dengan berkas contoh</button>{' '}
            (snapshot SIASN dari data saat ini dengan beberapa perubahan).
          </p>
        )}
      </section>
      <section className="card" aria-label="Templat">
        <h2 className="card-title">Templat berkas</h2>
        <p className="muted small">Kepala kolom yang diharapkan, satu baris contoh, dan petunjuk tiap kolom.</p>
        <ul className="plain-list">
          {IMPORT_KINDS.map((kind) => <li key={kind}><TemplateButton kind={kind} onError={onError} /></li>)}
        </ul>
      </section>
    </div>
  );
}

function TemplateButton({ kind, onError }: { kind: ImportKind; onError(e: ApiError): void }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await call('import:template', { kind });
      saveBase64File(file.fileName, file.mimeType, file.base64);
    } catch (e) {
      onError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return <button type="button" className="link-button" disabled={busy} onClick={() => void download()}>Unduh templat: {IMPORT_KIND_LABELS[kind]}</button>;
}

export function RejectedExportButton({ previewId, onError }: { previewId: string; onError(e: ApiError): void }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await call('import:rejectedXlsx', { previewId });
      saveBase64File(file.fileName, file.mimeType, file.base64);
    } catch (e) {
      onError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return <button type="button" className="button" disabled={busy} onClick={() => void download()}>{busy ? 'Menyiapkan…' : 'Ekspor baris ditolak (XLSX)'}</button>;
}

function PreviewPanel({ preview, params, onRerun, onReplanned, onCommit, onReset, onError }: {
  preview: ImportPreview; params: PreviewParams; onRerun(params: PreviewParams): void; onReplanned(preview: ImportPreview, params: PreviewParams): void;
  onCommit(confirmInstansi: boolean): void; onReset(): void; onError(e: ApiError): void;
}) {
  const [replanning, setReplanning] = useState(false);
  // The officer's yes to the instansi check; asked again for every file.
  const [confirmed, setConfirmed] = useState(false);
  useEffect(() => setConfirmed(false), [preview.file.sha256]);
  const { counts, file } = preview;
  const blocked = preview.blocking.length > 0 || !preview.kind;
  const waitsForConfirmation = preview.confirmationRequired && !confirmed;
  const replan = async (patch: Partial<Pick<PreviewParams, 'createMissing' | 'markAbsent' | 'duplicates'>>) => {
    const next = { ...params, ...patch };
    setReplanning(true);
    try {
      onReplanned(await call('import:replan', { previewId: preview.previewId, createMissing: next.createMissing ?? preview.options.createMissing, markAbsent: next.markAbsent, duplicates: next.duplicates }), next);
    } catch (e) {
      onError(asApiError(e));
    } finally {
      setReplanning(false);
    }
  };
  const formatLabel = file.format === 'xlsx'
    ? `XLSX${preview.sheet ? `, lembar "${preview.sheet}"` : ''}`
    : `CSV dipisah "${file.delimiter === '\t' ? 'tab' : file.delimiter}", ${file.encoding === 'windows-1252' ? 'Windows-1252' : file.encoding === 'utf-8-bom' ? 'UTF-8 dengan BOM' : (file.encoding ?? '').toUpperCase()}`;

  return (
    <div className="preview">
      <section className="card" aria-label="Berkas">
        <div className="preview-file">
          <div>
            <div className="strong">{file.name}</div>
            <div className="muted small">{formatNumberId(file.size / 1024, 0)} KB · {formatLabel} · baris kepala: {preview.headerRow} · SHA-256 <span className="mono" title={file.sha256}>{file.sha256.slice(0, 12)}…</span></div>
          </div>
          <div className="preview-controls">
            <label className="field inline-field">
              <span className="field-label">Jenis data</span>
              <select aria-label="Jenis data" value={preview.kind ?? ''} onChange={(e) => onRerun({ ...params, kind: (e.target.value || undefined) as ImportKind | undefined, mapping: undefined, profileId: undefined })}>
                {!preview.kind && <option value="">— pilih —</option>}
                {IMPORT_KINDS.map((k) => <option key={k} value={k}>{IMPORT_KIND_LABELS[k]}{preview.detectedKind === k ? ' (terdeteksi)' : ''}</option>)}
              </select>
            </label>
            {preview.sheets.length > 1 && (
              <label className="field inline-field">
                <span className="field-label">Lembar kerja</span>
                <select aria-label="Lembar kerja" value={preview.sheet ?? ''} onChange={(e) => onRerun({ ...params, sheet: e.target.value, kind: undefined, mapping: undefined })}>
                  {preview.sheets.map((s) => <option key={s.name} value={s.name}>{s.name}{s.detectedKind ? ` (${IMPORT_KIND_LABELS[s.detectedKind]})` : ''}</option>)}
                </select>
              </label>
            )}
            <button type="button" className="button" onClick={onReset}>Ganti berkas</button>
          </div>
        </div>
      </section>

      {preview.blocking.length > 0 && (
        <div className="banner banner-error" role="alert" data-testid="blocking">
          <strong>Berkas belum dapat diimpor:</strong>
          <ul>{preview.blocking.map((b) => <li key={b}>{b}</li>)}</ul>
        </div>
      )}

      {preview.kind && <MappingEditor preview={preview} open={blocked} onApply={(mapping, profileId) => onRerun({ ...params, mapping, profileId })} onError={onError} />}

      {!blocked && (
        <>
          <InstansiCheck preview={preview} confirmed={confirmed} onConfirm={setConfirmed} />
          <div className="stat-row" aria-label="Ringkasan pemeriksaan">
            <Stat label="Baris data" value={counts.rows} testId="count-rows" />
            <Stat label="Diterima" value={counts.accepted} tone="ok" testId="count-accepted" />
            <Stat label="Ditolak (ada kesalahan)" value={counts.rejected} tone={counts.rejected > 0 ? 'bad' : undefined} testId="count-rejected" />
            <Stat label="Baris dengan peringatan" value={counts.warningRows} tone={counts.warningRows > 0 ? 'warn' : undefined} testId="count-warnings" />
          </div>

          <DiffSection preview={preview} params={params} busy={replanning} onOption={(patch) => void replan(patch)} />

          <section className="card" aria-label="Masalah per baris">
            <header className="card-header">
              <h2 className="card-title">Masalah per baris</h2>
              <div className="card-actions">{counts.rejected > 0 && <RejectedExportButton previewId={preview.previewId} onError={onError} />}</div>
            </header>
            {preview.duplicateGroups > 0 && (
              <fieldset className="duplicate-choice" disabled={replanning}>
                <legend>
                  {formatNumberId(preview.duplicateGroups)} {preview.kind === 'pegawai' ? 'NIP (atau ID PNS) muncul' : 'data muncul'} lebih dari sekali dalam berkas:
                </legend>
                <label className="checkbox">
                  <input type="radio" name="duplikat" checked={params.duplicates === 'keep-first'} onChange={() => void replan({ duplicates: 'keep-first' })} />
                  pakai baris pertama, tolak baris berikutnya
                </label>
                <label className="checkbox">
                  <input type="radio" name="duplikat" checked={params.duplicates === 'reject-all'} onChange={() => void replan({ duplicates: 'reject-all' })} />
                  tolak semua baris itu
                </label>
              </fieldset>
            )}
            {counts.errors + counts.warnings === 0
              ? <p className="muted">Tidak ada kesalahan maupun peringatan.</p>
              // Keyed by the plan's options: a re-plan (create units, duplicates) changes the issues of the same preview.
              : <IssuesTable key={JSON.stringify(preview.options)} source={{ previewId: preview.previewId }} columns={preview.issueColumns} />}
          </section>

          <div className="commit-bar">
            <p className="muted small">
              Semua baris yang diterima disimpan dalam satu transaksi bersama catatan perubahannya; baris yang ditolak dilewati.
              Bila cadangan harian hari ini belum ada, Jenjang membuatnya lebih dulu.
              Snapshot terakhir dapat dibatalkan dari Riwayat impor.
            </p>
            {waitsForConfirmation && <p className="small" role="status">Centang konfirmasi instansi di atas sebelum menyimpan.</p>}
            <button type="button" className="button button-primary" disabled={counts.accepted === 0 || replanning || waitsForConfirmation} onClick={() => onCommit(confirmed)}>
              Simpan {formatNumberId(counts.accepted)} baris ke database
            </button>
          </div>
        </>
      )}
    </div>
  );
}

function Stat({ label, value, tone, testId }: { label: string; value: number; tone?: 'ok' | 'bad' | 'warn'; testId?: string }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`}>
      <div className="stat-value" data-testid={testId}>{formatNumberId(value)}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
