// Pengaturan › Akun pengguna (Administrator): who may use this Jenjang, with which role; first passwords, lockouts
// lifted by a reset, sessions ended; and the security settings (idle lock, failed-login limit, lockout length).

import { useState } from 'react';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, SCOPED_ROLES, type Role } from '../../../../shared/auth/roles';
import { formatDateTimeId, formatNumberId } from '../../../../shared/format/id-format';
import type { Account } from '../../../../shared/schemas/auth';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Dialog, EmptyState, ErrorBanner, Loading, useToast } from '../../components/feedback';
import { FormField } from '../../components/form-field';
import { UnitPicker } from '../../components/unit-picker';
import { useDraft } from '../../components/use-draft';
import { SaveErrorBanner } from '../../components/save-error';

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));

/** "aktif", "nonaktif", or "terkunci sampai 17 Agustus 2025 10.15" (a lockout after failed logins). */
export function accountStatus(account: Account): { label: string; className: string } {
  if (account.disabled) return { label: 'nonaktif', className: 'muted' };
  if (account.locked && account.lockedUntil) {
    return { label: `terkunci sampai ${formatDateTimeId(account.lockedUntil)}`, className: 'status-locked' };
  }
  return { label: 'aktif', className: '' };
}

type Editing = { kind: 'create' } | { kind: 'edit'; account: Account } | { kind: 'reset'; account: Account }
  | { kind: 'toggle'; account: Account } | { kind: 'end'; account: Account };

export function AccountsSection() {
  const accounts = useApi('accounts:list', {}, ['accounts']);
  const me = useSession();
  const [editing, setEditing] = useState<Editing | null>(null);
  const close = () => setEditing(null);
  const done = () => {
    setEditing(null);
    accounts.reload();
  };

  return (
    <div className="accounts-section">
      <section className="card" aria-label="Daftar akun pengguna">
        <header className="card-header">
          <h3 className="card-title">Akun pengguna</h3>
          <button type="button" className="button button-small button-primary" onClick={() => setEditing({ kind: 'create' })}>+ Tambah akun</button>
        </header>
        {accounts.error ? <ErrorBanner error={accounts.error} onRetry={accounts.reload} /> : !accounts.data ? <Loading /> : accounts.data.rows.length === 0 ? (
          <EmptyState title="Belum ada akun">Tambahkan akun untuk setiap orang yang memakai Jenjang.</EmptyState>
        ) : (
          <table className="table table-compact" aria-label="Akun pengguna">
            <thead><tr><th>Nama</th><th>Nama pengguna</th><th>Peran</th><th>Unit kerja</th><th>Status</th><th>Terakhir masuk</th><th /></tr></thead>
            <tbody>
              {accounts.data.rows.map((a) => {
                const status = accountStatus(a);
                return (
                  <tr key={a.id}>
                    <td>{a.fullName}{a.mustChangePassword && <div className="muted">menunggu penggantian kata sandi awal</div>}</td>
                    <td className="mono">{a.username}</td>
                    <td>{ROLE_LABELS[a.role]}</td>
                    <td>{a.scopeUnitName ?? '—'}</td>
                    <td className={status.className}>{status.label}</td>
                    <td>{a.lastLoginAt ? formatDateTimeId(a.lastLoginAt) : 'belum pernah'}</td>
                    <td className="row-actions">
                      <button type="button" className="button button-small" aria-label={`Ubah ${a.username}`} onClick={() => setEditing({ kind: 'edit', account: a })}>Ubah</button>
                      <button type="button" className="button button-small" aria-label={`Atur ulang kata sandi ${a.username}`} onClick={() => setEditing({ kind: 'reset', account: a })}>Atur ulang kata sandi</button>
                      <button type="button" className="button button-small" aria-label={`Akhiri sesi ${a.username}`} onClick={() => setEditing({ kind: 'end', account: a })}>Akhiri sesi</button>
                      {a.id !== me?.accountId && (
                        <button type="button" className="button button-small" aria-label={`${a.disabled ? 'Aktifkan' : 'Nonaktifkan'} ${a.username}`}
                          onClick={() => setEditing({ kind: 'toggle', account: a })}>{a.disabled ? 'Aktifkan' : 'Nonaktifkan'}</button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <SecuritySettingsCard />
      {editing?.kind === 'create' && <AccountDialog onClose={close} onSaved={done} />}
      {editing?.kind === 'edit' && <AccountDialog account={editing.account} onClose={close} onSaved={done} />}
      {editing?.kind === 'reset' && <ResetPasswordDialog account={editing.account} onClose={close} onSaved={done} />}
      {editing?.kind === 'toggle' && <ToggleDialog account={editing.account} onClose={close} onSaved={done} />}
      {editing?.kind === 'end' && <EndSessionsDialog account={editing.account} onClose={close} onSaved={done} />}
    </div>
  );
}

function issue(error: ApiError | null, path: string): string | undefined {
  return error?.issues.find((i) => i.path === path)?.message;
}

function AccountDialog({ account, onClose, onSaved }: { account?: Account; onClose: () => void; onSaved: () => void }) {
  const [form, setForm] = useState({
    username: account?.username ?? '', fullName: account?.fullName ?? '', nip: account?.nip ?? '',
    role: account?.role ?? ('pengelola' as Role), scopeUnitId: account?.scopeUnitId ?? null, password: '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  const scoped = SCOPED_ROLES.includes(form.role);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const common = { fullName: form.fullName, nip: form.nip.trim() || null, role: form.role, scopeUnitId: scoped ? form.scopeUnitId : null };
      if (account) {
        await call('accounts:update', { id: account.id, version: account.version, disabled: account.disabled, ...common });
        toast('success', `Akun ${form.fullName} disimpan.`);
      } else {
        await call('accounts:create', { username: form.username, password: form.password, ...common });
        toast('success', `Akun ${form.fullName} dibuat. Sampaikan kata sandi awalnya; ia harus menggantinya saat pertama masuk.`);
      }
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog title={account ? `Ubah akun ${account.username}` : 'Tambah akun'} onClose={onClose} footer={
      <><button type="button" className="button" onClick={onClose}>Batal</button>
        <button type="button" className="button button-primary" disabled={saving} onClick={() => void save()}>Simpan</button></>
    }>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        {!account && (
          <FormField label="Nama pengguna" error={issue(error, 'username')}>
            <input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
          </FormField>
        )}
        <FormField label="Nama lengkap" error={issue(error, 'fullName')}>
          <input value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.target.value })} />
        </FormField>
        <FormField label="NIP (opsional)" error={issue(error, 'nip')}>
          <input inputMode="numeric" value={form.nip} onChange={(e) => setForm({ ...form, nip: e.target.value })} />
        </FormField>
        <FormField label="Peran" hint={ROLE_DESCRIPTIONS[form.role]}>
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </FormField>
        {scoped && (
          <div className="field">
            <span className="field-label">Unit kerja</span>
            <UnitPicker value={form.scopeUnitId} onChange={(scopeUnitId) => setForm({ ...form, scopeUnitId })} allLabel="— pilih unit kerja —" invalid={!!issue(error, 'scopeUnitId')} />
            <span className="field-hint">Operator OPD hanya melihat dan mengubah pegawai unit ini beserta sub-unitnya.</span>
            {issue(error, 'scopeUnitId') && <span className="field-error">{issue(error, 'scopeUnitId')}</span>}
          </div>
        )}
        {!account && (
          <FormField label="Kata sandi awal" hint="Paling sedikit 10 karakter. Pemilik akun harus menggantinya saat pertama masuk." error={issue(error, 'password')}>
            <input type="text" autoComplete="off" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
          </FormField>
        )}
        {error && error.issues.length === 0 && <SaveErrorBanner error={error} onReload={() => { onSaved(); onClose(); }} />}
      </form>
    </Dialog>
  );
}

function ResetPasswordDialog({ account, onClose, onSaved }: { account: Account; onClose: () => void; onSaved: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();
  const save = async () => {
    setError(null);
    try {
      await call('accounts:resetPassword', { id: account.id, password });
      toast('success', `Kata sandi ${account.fullName} diatur ulang; ia harus menggantinya saat masuk berikutnya.`);
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <Dialog title={`Atur ulang kata sandi ${account.username}`} onClose={onClose} footer={
      <><button type="button" className="button" onClick={onClose}>Batal</button>
        <button type="button" className="button button-primary" onClick={() => void save()}>Atur ulang</button></>
    }>
      <p>Kata sandi awal yang baru untuk <strong>{account.fullName}</strong>. Penguncian karena gagal masuk ikut dibuka.</p>
      <FormField label="Kata sandi awal baru">
        <input type="text" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
      </FormField>
      <ErrorBanner error={error && error.issues.length > 0 ? new Error(error.issues.map((i) => i.message).join(' ')) : error} />
    </Dialog>
  );
}

function ToggleDialog({ account, onClose, onSaved }: { account: Account; onClose: () => void; onSaved: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();
  const disable = !account.disabled;
  const save = async () => {
    try {
      await call('accounts:update', {
        id: account.id, version: account.version, fullName: account.fullName, nip: account.nip, role: account.role,
        scopeUnitId: account.scopeUnitId, disabled: disable,
      });
      toast('success', disable ? `Akun ${account.fullName} dinonaktifkan.` : `Akun ${account.fullName} diaktifkan kembali.`);
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <Dialog title={disable ? 'Nonaktifkan akun?' : 'Aktifkan akun?'} onClose={onClose} footer={
      <><button type="button" className="button" onClick={onClose}>Batal</button>
        <button type="button" className={`button ${disable ? 'button-danger' : 'button-primary'}`} onClick={() => void save()}>{disable ? 'Nonaktifkan' : 'Aktifkan'}</button></>
    }>
      <p>{disable
        ? `${account.fullName} (${account.username}) tidak dapat masuk lagi, dan sesinya yang masih terbuka diakhiri. Riwayatnya di log audit tetap ada.`
        : `${account.fullName} (${account.username}) dapat masuk lagi dengan kata sandinya.`}</p>
      <ErrorBanner error={error} />
    </Dialog>
  );
}

function EndSessionsDialog({ account, onClose, onSaved }: { account: Account; onClose: () => void; onSaved: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();
  const save = async () => {
    try {
      const { ended } = await call('accounts:endSessions', { id: account.id });
      toast('success', ended === 0 ? `${account.fullName} tidak sedang masuk.` : `${formatNumberId(ended)} sesi ${account.fullName} diakhiri.`);
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <Dialog title="Akhiri sesi?" onClose={onClose} footer={
      <><button type="button" className="button" onClick={onClose}>Batal</button>
        <button type="button" className="button button-danger" onClick={() => void save()}>Akhiri sesi</button></>
    }>
      <p>Semua sesi {account.fullName} ({account.username}) yang masih terbuka diakhiri; ia harus masuk lagi.</p>
      <ErrorBanner error={error} />
    </Dialog>
  );
}

type SecurityDraft = { idleLockMinutes: string; maxFailedLogins: string; lockoutMinutes: string; version: number };

function SecuritySettingsCard() {
  const stored = useApi('accounts:securitySettings', {}, ['settings']);
  const asDraft = stored.data ? {
    idleLockMinutes: String(stored.data.idleLockMinutes), maxFailedLogins: String(stored.data.maxFailedLogins), lockoutMinutes: String(stored.data.lockoutMinutes),
    version: stored.data.version,
  } : undefined;
  const { draft, setDraft, markSaved, dirty, reset } = useDraft<SecurityDraft>(asDraft);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await call('accounts:saveSecuritySettings', {
        idleLockMinutes: Number(draft.idleLockMinutes), maxFailedLogins: Number(draft.maxFailedLogins), lockoutMinutes: Number(draft.lockoutMinutes),
        version: draft.version,
      });
      markSaved({ idleLockMinutes: String(saved.idleLockMinutes), maxFailedLogins: String(saved.maxFailedLogins), lockoutMinutes: String(saved.lockoutMinutes), version: saved.version });
      toast('success', 'Pengaturan keamanan disimpan; kunci otomatis berlaku sejak masuk berikutnya.');
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };

  const fields: Array<{ key: keyof SecurityDraft; label: string; hint: string }> = [
    { key: 'idleLockMinutes', label: 'Kunci otomatis setelah (menit)', hint: 'Tanpa ketikan, klik atau sentuhan selama ini, Jenjang terkunci dan meminta kata sandi lagi (1–240).' },
    { key: 'maxFailedLogins', label: 'Batas gagal masuk', hint: 'Setelah sekian kali salah kata sandi berturut-turut, akun dikunci sementara (3–20).' },
    { key: 'lockoutMinutes', label: 'Lama akun terkunci (menit)', hint: 'Administrator dapat membukanya lebih awal dengan mengatur ulang kata sandi (1–1440).' },
  ];

  return (
    <section className="card" aria-label="Keamanan">
      <h3 className="card-title">Keamanan</h3>
      {stored.error ? <ErrorBanner error={stored.error} onRetry={stored.reload} /> : !draft ? <Loading /> : (
        <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
          {fields.map((f) => (
            <FormField key={f.key} label={f.label} hint={f.hint} error={issue(error, f.key)}>
              <input type="number" inputMode="numeric" value={draft[f.key]} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} />
            </FormField>
          ))}
          {error && error.issues.length === 0 && <SaveErrorBanner error={error} onReload={() => { setError(null); reset(); stored.reload(); }} />}
          <button type="submit" className="button button-primary" disabled={saving || !dirty}>Simpan</button>
        </form>
      )}
    </section>
  );
}
