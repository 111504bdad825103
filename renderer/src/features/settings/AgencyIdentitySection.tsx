// Pengaturan › Identitas Instansi untuk Dokumen: the kop surat (government, office, address, contact, logo) and
// the signature block (place of the date line, signatory) printed on every report, with a live kop preview.

import { useRef, useState, type ChangeEvent } from 'react';
import { MAX_LOGO_BYTES } from '../../../../shared/domain/logo';
import { AGENCY_FIELD_LABELS, type AgencyIdentity, type AgencySettings } from '../../../../shared/schemas/agency';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Dialog, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { SaveErrorBanner } from '../../components/save-error';
import { useDraft } from '../../components/use-draft';
import { Letterhead } from '../../print/parts';
import '../reports/laporan.css';

type Draft = Record<keyof AgencyIdentity, string>;

const KOP_FIELDS: Array<{ key: keyof AgencyIdentity; placeholder: string; wide?: boolean }> = [
  { key: 'governmentName', placeholder: 'Pemerintah Kabupaten …' },
  { key: 'officeName', placeholder: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', wide: true },
  { key: 'address', placeholder: 'Jalan …, kota, kode pos', wide: true },
  { key: 'contact', placeholder: 'Telepon … · Pos-el … · Laman …', wide: true },
];
const SIGNATURE_FIELDS: Array<{ key: keyof AgencyIdentity; placeholder: string; wide?: boolean }> = [
  { key: 'datePlace', placeholder: 'Nama kota, mis. Sindangraja' },
  { key: 'signatoryPosition', placeholder: 'Kepala Badan Kepegawaian dan …', wide: true },
  { key: 'signatoryName', placeholder: 'Nama lengkap dengan gelar' },
  { key: 'signatoryRank', placeholder: 'Pembina Utama Muda (IV/c)' },
  { key: 'signatoryNip', placeholder: '18 angka' },
];
/** The instansi as SIASN names it: recorded from the first employee snapshot, compared with every later one. */
const INSTANSI_FIELDS: Array<{ key: keyof AgencyIdentity; placeholder: string; wide?: boolean }> = [
  { key: 'instansiIndukName', placeholder: 'Pemerintah Kabupaten …', wide: true },
  { key: 'instansiIndukId', placeholder: 'instansi_induk_id di berkas SIASN', wide: true },
];

const toDraft = (identity: AgencyIdentity): Draft =>
  Object.fromEntries(Object.keys(AGENCY_FIELD_LABELS).map((k) => [k, identity[k as keyof AgencyIdentity] ?? ''])) as Draft;
const fromDraft = (draft: Draft): AgencyIdentity =>
  Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim() || null])) as AgencyIdentity;

export function AgencyIdentitySection() {
  const agency = useApi('agency:get', {}, ['settings']);
  if (agency.error) return <ErrorBanner error={agency.error} onRetry={agency.reload} />;
  if (!agency.data) return <Loading />;
  return <AgencyForm settings={agency.data} reload={agency.reload} />;
}

function AgencyForm({ settings, reload }: { settings: AgencySettings; reload(): void }) {
  // The draft follows the stored identity while untouched (a save, another window) and keeps the officer's edits
  // otherwise; a logo upload refreshes the settings too and must not throw fields being edited away.
  const { draft: working, setDraft, dirty, markSaved, reset } = useDraft<Draft>(toDraft(settings.identity));
  const draft = working ?? toDraft(settings.identity);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [logoError, setLogoError] = useState<ApiError | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const toast = useToast();
  // The version the edits started from: it follows the stored one while the draft is untouched, so a save made
  // after another desk saved is refused with who and when instead of overwriting their change.
  const readVersion = useRef(settings.version);
  if (!dirty) readVersion.current = settings.version;
  /** This form's own logo change moved the version on: the edits in progress still start from the latest. */
  const followOwnChange = (result: AgencySettings) => {
    if (readVersion.current === result.version - 1) readVersion.current = result.version;
  };

  const fieldError = (key: string) => error?.issues.find((i) => i.path === `identity.${key}`)?.message;

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const result = await call('agency:update', { identity: fromDraft(draft), version: readVersion.current });
      readVersion.current = result.version;
      markSaved(toDraft(result.identity));
      toast('success', 'Identitas instansi disimpan; laporan berikutnya memakainya.');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setSaving(false);
    }
  };
  const reloadStored = () => {
    setError(null);
    setLogoError(null);
    reset();
    reload();
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setLogoError(null);
    if (file.size > MAX_LOGO_BYTES) {
      setLogoError(new ApiError({ code: 'validation', message: `Berkas ${file.name} ${Math.ceil(file.size / 1024)} KB; paling besar 1.024 KB.` }));
      return;
    }
    try {
      const base64 = await readBase64(file);
      followOwnChange(await call('agency:setLogo', { fileName: file.name, base64, version: settings.version }));
      toast('success', `Logo ${file.name} dipasang.`);
    } catch (e) {
      setLogoError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  };

  const removeLogo = async () => {
    setConfirmRemove(false);
    try {
      followOwnChange(await call('agency:removeLogo', { version: settings.version }));
      toast('success', 'Logo dihapus dari kop surat.');
    } catch (e) {
      setLogoError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    }
  };

  const field = ({ key, placeholder, wide }: { key: keyof AgencyIdentity; placeholder: string; wide?: boolean }) => {
    const message = fieldError(key);
    return (
      <label key={key} className={`field${wide ? ' field-wide' : ''}`}>
        <span className="field-label">{AGENCY_FIELD_LABELS[key]}</span>
        <input value={draft[key]} placeholder={placeholder} aria-invalid={message ? true : undefined}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
        {message && <span className="field-error">{message}</span>}
      </label>
    );
  };

  return (
    <div className="card" data-testid="agency-identity">
      {settings.missing.length > 0 && (
        <div className="banner banner-warning" role="status">Belum lengkap untuk kop surat dan tanda tangan: {settings.missing.join(', ')}.</div>
      )}
      <form className="form" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label="Identitas instansi">
        <fieldset>
          <legend>Kop surat</legend>
          {KOP_FIELDS.map(field)}
          <div className="field field-wide">
            <span className="field-label">Logo (PNG atau SVG, paling besar 1 MB)</span>
            <div className="logo-row">
              {settings.logo ? <img className="logo-preview" src={settings.logo.dataUrl} alt="Logo instansi saat ini" /> : <span className="muted">Belum ada logo.</span>}
              {settings.logo && <span className="muted">{settings.logo.fileName} · {Math.max(1, Math.round(settings.logo.bytes / 1024))} KB</span>}
              <input ref={fileInput} type="file" accept=".png,.svg,image/png,image/svg+xml" hidden aria-label="Berkas logo" onChange={(e) => void upload(e)} />
              <button type="button" className="button" onClick={() => fileInput.current?.click()}>{settings.logo ? 'Ganti logo…' : 'Pilih berkas logo…'}</button>
              {settings.logo && <button type="button" className="button" onClick={() => setConfirmRemove(true)}>Hapus logo</button>}
            </div>
            {logoError && (logoError.code === 'conflict'
              ? <SaveErrorBanner error={logoError} onReload={reloadStored} />
              : <span className="field-error" role="alert">{logoError.message}</span>)}
          </div>
        </fieldset>
        <fieldset>
          <legend>Tanda tangan laporan</legend>
          {SIGNATURE_FIELDS.map(field)}
        </fieldset>
        <fieldset>
          <legend>Instansi di SIASN</legend>
          <p className="muted small field-wide">
            Dicatat dari snapshot pegawai pertama. Snapshot instansi lain ditolak di Impor Data kecuali dikonfirmasi.
          </p>
          {INSTANSI_FIELDS.map(field)}
        </fieldset>
        <SaveErrorBanner error={error && error.issues.length === 0 ? error : null} onReload={reloadStored} />
        <div className="report-actions">
          <button type="submit" className="button button-primary" disabled={saving || !dirty}>Simpan identitas instansi</button>
          {dirty && <button type="button" className="button" onClick={() => { setDraft(toDraft(settings.identity)); setError(null); }}>Batalkan perubahan</button>}
        </div>
      </form>
      <div className="kop-preview" aria-label="Pratinjau kop surat">
        <div className="report-preview-label">Pratinjau kop surat</div>
        <div className="report-doc"><Letterhead agency={{ identity: fromDraft(draft), logo: settings.logo }} /></div>
      </div>
      {confirmRemove && (
        <Dialog title="Hapus logo kop surat?" onClose={() => setConfirmRemove(false)} footer={
          <>
            <button type="button" className="button" onClick={() => setConfirmRemove(false)}>Batal</button>
            <button type="button" className="button button-primary" onClick={() => void removeLogo()}>Hapus logo</button>
          </>
        }>
          <p>Laporan berikutnya dicetak tanpa logo sampai logo baru dipasang. Berkas logo aslinya di komputer Anda tidak terhapus.</p>
        </Dialog>
      )}
    </div>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`Berkas ${file.name} tidak dapat dibaca.`));
    reader.readAsDataURL(file);
  });
}
