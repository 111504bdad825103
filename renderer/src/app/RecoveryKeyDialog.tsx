import { useState } from 'react';
import { ApiError, call } from '../api/client';
import { Dialog, useToast } from '../components/feedback';

/**
 * The recovery key, shown once: until someone confirms having stored it ("Sudah saya simpan"), the shell shows
 * it at every start. It is the database key in a form people can print and type back; with it the database and
 * its backups open on another computer (Pulihkan dengan kunci pemulihan).
 */
export function RecoveryKeyDialog({ recoveryKey, keyStoreText, onDone }: { recoveryKey: string; keyStoreText: string; onDone: () => void }) {
  const [stored, setStored] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      toast('success', 'Kunci pemulihan disalin.');
    } catch {
      toast('error', 'Kunci pemulihan tidak dapat disalin otomatis; pilih teksnya lalu salin secara manual.');
    }
  };

  const acknowledge = async () => {
    try {
      await call('security:acknowledgeRecoveryKey', {});
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <Dialog title="Kunci pemulihan database" wide footer={
      <>
        <button type="button" className="button" onClick={() => window.print()}>Cetak</button>
        <button type="button" className="button" onClick={() => void copy()}>Salin</button>
        <button type="button" className="button button-primary" disabled={!stored} onClick={() => void acknowledge()}>Sudah saya simpan</button>
      </>
    }>
      <p>Database Jenjang di komputer ini dienkripsi: berkas database, salinan cadangannya dan salinan sebelum impor
        tidak dapat dibaca tanpa kuncinya. {keyStoreText}</p>
      <p>Bila komputer ini rusak, hilang atau diganti, database dan cadangannya hanya dapat dibuka di komputer lain
        dengan <strong>kunci pemulihan</strong> berikut. Cetak atau salin, lalu simpan di tempat aman (brankas kantor),
        terpisah dari komputer ini. Kunci ini hanya ditampilkan sampai Anda menyatakan sudah menyimpannya.</p>
      <p className="recovery-key" data-testid="recovery-key"><code>{recoveryKey}</code></p>
      <label className="field field-inline">
        <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
        <span>Kunci pemulihan sudah saya cetak atau salin dan simpan di tempat aman.</span>
      </label>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
    </Dialog>
  );
}
