// The forms of logging in: the first Administrator of an empty database, the login, the re-login of a locked
// or expired session, and "Ganti kata sandi". Messages come from main in Indonesian (the lockout message among
// them); the forms add only what they can tell before asking (two passwords that differ).

import { useState, type FormEvent, type ReactNode } from 'react';
import type { SessionInfo } from '../../../shared/schemas/auth';
import { ApiError, call } from '../api/client';
import { FormField } from '../components/form-field';

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) });
}

/** The message of a field when main named it, else nothing (the banner shows the whole message). */
function issueOf(error: ApiError | null, path: string): string | undefined {
  return error?.issues.find((issue) => issue.path === path)?.message;
}

/**
 * One request at a time from an auth form: `busy` while it runs, main's error kept for the banner and the
 * fields (`apiError` when main named fields), or a message the form tells itself (`setError`).
 */
function useAuthRequest() {
  const [error, setError] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async <T,>(request: () => Promise<T>, onDone: (result: T) => void, onFail?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await request());
    } catch (e) {
      setError(asApiError(e));
      onFail?.();
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run, apiError: error instanceof ApiError ? error : null };
}

/** The values of a form's text fields, with one change handler per field. */
function useFields<F extends Record<string, string>>(initial: F) {
  const [fields, setFields] = useState(initial);
  const bind = (key: keyof F) => (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value });
  return [fields, bind] as const;
}

function FormError({ error }: { error: ApiError | string | null }) {
  if (!error) return null;
  const text = typeof error === 'string' ? error : error.issues.length > 0 ? error.issues.map((i) => i.message).join(' ') : error.message;
  return <div className="banner banner-error" role="alert">{text}</div>;
}


/** A full-window card: the screens shown instead of the app (first start, login, forced password change). */
export function AuthScreen({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="auth-screen">
      <div className="auth-card" role="region" aria-label={title}>
        <div className="auth-brand">Jenjang<span className="brand-sub">Manajemen Karier ASN</span></div>
        <h1>{title}</h1>
        {intro && <div className="auth-intro">{intro}</div>}
        {children}
      </div>
    </div>
  );
}

export function SetupAdministratorForm({ onDone }: { onDone: (session: SessionInfo) => void }) {
  const [form, set] = useFields({ username: '', fullName: '', nip: '', password: '', repeat: '' });
  const { error, setError, busy, run, apiError } = useAuthRequest();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.password !== form.repeat) return setError('Kedua kata sandi tidak sama; ketik ulang kata sandi yang sama.');
    await run(() => call('auth:setupAdministrator', {
      username: form.username, fullName: form.fullName, nip: form.nip.trim() || null, password: form.password,
    }), ({ session }) => onDone(session));
  };

  return (
    <AuthScreen title="Buat akun Administrator" intro={<p>Database ini belum memiliki akun. Buat dahulu akun Administrator: akun ini mengelola akun pengguna lain, pengaturan, serta cadangan dan pemulihan.</p>}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormField label="Nama pengguna" hint="Huruf kecil, angka, titik, tanda hubung atau garis bawah; dipakai saat masuk." error={issueOf(apiError, 'username')}>
          <input autoFocus autoComplete="username" value={form.username} onChange={set('username')} />
        </FormField>
        <FormField label="Nama lengkap" error={issueOf(apiError, 'fullName')}>
          <input autoComplete="name" value={form.fullName} onChange={set('fullName')} />
        </FormField>
        <FormField label="NIP (opsional)" hint="18 angka, bila pemilik akun seorang ASN." error={issueOf(apiError, 'nip')}>
          <input inputMode="numeric" value={form.nip} onChange={set('nip')} />
        </FormField>
        <FormField label="Kata sandi" hint="Paling sedikit 10 karakter." error={issueOf(apiError, 'password')}>
          <input type="password" autoComplete="new-password" value={form.password} onChange={set('password')} />
        </FormField>
        <FormField label="Ulangi kata sandi">
          <input type="password" autoComplete="new-password" value={form.repeat} onChange={set('repeat')} />
        </FormField>
        <FormError error={apiError && apiError.issues.length > 0 ? null : error} />
        <button type="submit" className="button button-primary" disabled={busy}>Buat akun dan masuk</button>
      </form>
    </AuthScreen>
  );
}

/**
 * Nama pengguna and Kata sandi; Enter submits. With `fixedUsername` (the idle lock) only the password is asked.
 */
export function LoginForm({ onDone, fixedUsername, submitLabel = 'Masuk', initialUsername = '' }: {
  onDone: (session: SessionInfo) => void;
  fixedUsername?: string;
  submitLabel?: string;
  initialUsername?: string;
}) {
  const [username, setUsername] = useState(fixedUsername ?? initialUsername);
  const [password, setPassword] = useState('');
  const { error, setError, busy, run } = useAuthRequest();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim()) return setError('Nama pengguna wajib diisi.');
    if (!password) return setError('Kata sandi wajib diisi.');
    // A refused password is cleared, so the next try starts from an empty field.
    await run(() => call('auth:login', { username, password }), ({ session }) => onDone(session), () => setPassword(''));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {fixedUsername === undefined && (
        <FormField label="Nama pengguna">
          <input autoFocus={!initialUsername} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </FormField>
      )}
      <FormField label="Kata sandi">
        <input type="password" autoFocus={fixedUsername !== undefined || !!initialUsername} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </FormField>
      <FormError error={error} />
      <button type="submit" className="button button-primary" disabled={busy}>{submitLabel}</button>
    </form>
  );
}

/** One's own password: the current one, the new one twice. */
export function ChangePasswordForm({ onDone, onCancel, cancelLabel = 'Batal' }: {
  onDone: (session: SessionInfo) => void;
  onCancel?: () => void;
  cancelLabel?: string;
}) {
  const [form, set] = useFields({ currentPassword: '', newPassword: '', repeat: '' });
  const { error, setError, busy, run, apiError } = useAuthRequest();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.newPassword !== form.repeat) return setError('Kedua kata sandi baru tidak sama; ketik ulang kata sandi baru yang sama.');
    await run(() => call('auth:changePassword', { currentPassword: form.currentPassword, newPassword: form.newPassword }), onDone);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <FormField label="Kata sandi sekarang" error={issueOf(apiError, 'currentPassword')}>
        <input type="password" autoFocus autoComplete="current-password" value={form.currentPassword} onChange={set('currentPassword')} />
      </FormField>
      <FormField label="Kata sandi baru" hint="Paling sedikit 10 karakter." error={issueOf(apiError, 'newPassword')}>
        <input type="password" autoComplete="new-password" value={form.newPassword} onChange={set('newPassword')} />
      </FormField>
      <FormField label="Ulangi kata sandi baru">
        <input type="password" autoComplete="new-password" value={form.repeat} onChange={set('repeat')} />
      </FormField>
      <FormError error={apiError && apiError.issues.length > 0 ? null : error} />
      <div className="button-row">
        {onCancel && <button type="button" className="button" onClick={onCancel}>{cancelLabel}</button>}
        <button type="submit" className="button button-primary" disabled={busy}>Simpan kata sandi baru</button>
      </div>
    </form>
  );
}
