import type { ImportPreview } from '../../../../shared/schemas/import';
import { formatNumberId } from '../../../../shared/format/id-format';

type Instansi = { id: string | null; name: string | null };

function label(instansi: Instansi): string {
  return [instansi.name, instansi.id ? `ID ${instansi.id}` : null].filter(Boolean).join(' · ') || 'tanpa nama';
}

/**
 * Whose snapshot this is: the instansi the file names against the agency's, and the alarms that need the
 * officer's explicit yes before anything is saved (another instansi, the first instansi to record, most NIPs
 * unknown). The commit button waits for the checkbox.
 */
export function InstansiCheck({ preview, confirmed, onConfirm }: { preview: ImportPreview; confirmed: boolean; onConfirm(value: boolean): void }) {
  const { instansi, alarms } = preview;
  if (!instansi && alarms.length === 0) return null;
  const fileList = instansi?.file ?? [];
  const several = fileList.length > 1;
  const confirmLabel = instansi?.status === 'mismatch'
    ? 'Saya mengerti berkas ini dari instansi lain; tetap impor berkas ini.'
    : instansi?.status === 'new'
      ? `Ya, ${fileList[0]?.name ?? 'instansi ini'} adalah instansi kami; catat sebagai instansi Jenjang ini dan impor berkasnya.`
      : 'Saya sudah memeriksa berkas ini; tetap impor.';
  const tone = instansi?.status === 'mismatch' ? 'banner-error' : preview.confirmationRequired ? 'banner-warning' : '';

  return (
    <section className={`card instansi-check${tone ? ` banner ${tone}` : ''}`} aria-label="Instansi berkas" data-testid="instansi-check">
      {instansi?.status === 'match' && (
        <p className="muted small">Instansi berkas: <strong>{label(fileList[0])}</strong>, sama dengan instansi Anda.</p>
      )}
      {instansi?.status === 'unknown' && alarms.length > 0 && <p className="muted small">Berkas ini tidak menyebut instansinya.</p>}
      {instansi?.status === 'new' && (
        <p>
          Berkas ini dari instansi <strong>{label(fileList[0])}</strong>. Jenjang belum mencatat instansi Anda: bila ini benar instansi Anda,
          instansi ini dicatat bersama identitas instansi dan snapshot berikutnya dibandingkan dengannya.
        </p>
      )}
      {instansi?.status === 'mismatch' && (
        <p>
          <strong>Berkas ini dari instansi lain.</strong> Berkas menyebut {several ? `${formatNumberId(fileList.length)} instansi` : 'instansi'}{' '}
          {fileList.map((f, i) => <span key={i}>{i > 0 ? '; ' : ''}<strong>{label(f)}</strong>{several ? ` (${formatNumberId(f.rows)} baris)` : ''}</span>)},
          sedangkan instansi Anda <strong>{instansi.agency ? label(instansi.agency) : '—'}</strong>. Bila diimpor, pegawainya bercampur dengan data instansi Anda.
        </p>
      )}
      {alarms.map((alarm) => <p key={alarm} role="alert">{alarm}</p>)}
      {preview.confirmationRequired && (
        <label className="checkbox">
          <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} data-testid="confirm-instansi" />
          {confirmLabel}
        </label>
      )}
    </section>
  );
}
