// The gate in front of the app: nobody reaches a screen without a session. An empty database first asks for the
// Administrator, then the demo offer follows in the shell; without a session the login form; an account with a
// first password (created in the app) chooses its own before anything else. With a session the shell is drawn,
// and stays mounted under the idle lock and under an expired session's re-login, hidden and inert, so a
// half-filled form survives; the address (the route) is never touched, so the person returns where they were.

import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../../../shared/schemas/auth';
import { announceSessionRestored, ApiError, call, onSessionProblem } from '../api/client';
import { Dialog, ErrorBanner, Loading, useToast } from '../components/feedback';
import { AuthScreen, ChangePasswordForm, LoginForm, SetupAdministratorForm } from './auth-forms';
import { useIdleLock } from './idle-lock';
import { confirmLeave, navigateAway } from './router';
import { SessionProvider, type SessionControls } from './session';

/** What covers a mounted shell: the idle lock, or a session that ended on the server (the Administrator ended
 *  it, or it expired). */
type Cover = 'idle' | 'expired' | null;

type Gate =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'setup' }
  | { kind: 'login'; notice?: string }
  | { kind: 'change-password'; session: SessionInfo }
  | { kind: 'ready'; session: SessionInfo; cover: Cover; shellKey: string };

export function AuthGate({ children }: { children: ReactNode }) {
  const [gate, setGate] = useState<Gate>({ kind: 'loading' });
  const gateRef = useRef(gate);
  gateRef.current = gate;
  const [changingPassword, setChangingPassword] = useState(false);
  const toast = useToast();

  /** A session was established (login, unlock, setup, password changed). The shell is kept when the same
   *  account comes back, and drawn afresh for another one. */
  const enter = useCallback((session: SessionInfo) => {
    const before = gateRef.current;
    if (session.mustChangePassword) {
      setGate({ kind: 'change-password', session });
      return;
    }
    const sameAccount = before.kind === 'ready' && before.session.accountId === session.accountId;
    setGate({ kind: 'ready', session, cover: null, shellKey: sameAccount ? before.shellKey : `${session.accountId}-${Date.now()}` });
    announceSessionRestored();
  }, []);

  useEffect(() => {
    let cancelled = false;
    call('auth:state', {})
      .then((state) => {
        if (cancelled) return;
        if (!state.hasAccounts) setGate({ kind: 'setup' });
        else if (!state.session) setGate({ kind: 'login' });
        else enter(state.session);
      })
      .catch((e: unknown) => {
        if (!cancelled) setGate({ kind: 'failed', error: e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }) });
      });
    return () => {
      cancelled = true;
    };
  }, [enter]);

  useEffect(() => onSessionProblem((problem) => {
    const current = gateRef.current;
    if (problem === 'unauthenticated') {
      if (current.kind === 'ready' && !current.cover) setGate({ ...current, cover: 'expired' });
      else if (current.kind === 'change-password') setGate({ kind: 'login', notice: 'Sesi Anda telah berakhir. Silakan masuk lagi.' });
    } else if (current.kind === 'ready') {
      setGate({ kind: 'change-password', session: current.session });
    }
  }), []);

  const lock = useCallback(() => {
    const current = gateRef.current;
    if (current.kind !== 'ready' || current.cover) return;
    setGate({ ...current, cover: 'idle' });
    void call('auth:logout', {}).catch(() => undefined);
  }, []);

  const logout = useCallback(() => {
    if (!confirmLeave()) return;
    void call('auth:logout', {}).catch(() => undefined).finally(() => {
      navigateAway('/');
      setGate({ kind: 'login' });
    });
  }, []);

  const ready = gate.kind === 'ready' ? gate : null;
  useIdleLock(ready?.session.idleLockMinutes ?? 15, !!ready && !ready.cover, lock);

  const controls = useMemo<SessionControls | null>(
    () => (ready ? { session: ready.session, logout, changePassword: () => setChangingPassword(true) } : null),
    [ready, logout],
  );

  switch (gate.kind) {
    case 'loading':
      return <div className="auth-screen"><Loading /></div>;
    case 'failed':
      return <AuthScreen title="Jenjang tidak dapat dibuka"><ErrorBanner error={gate.error} onRetry={() => window.location.reload()} /></AuthScreen>;
    case 'setup':
      return <SetupAdministratorForm onDone={enter} />;
    case 'login':
      return (
        <AuthScreen title="Masuk ke Jenjang" intro={gate.notice ? <p>{gate.notice}</p> : <p>Masuk dengan akun yang diberikan Administrator.</p>}>
          <LoginForm onDone={enter} />
        </AuthScreen>
      );
    case 'change-password':
      return (
        <AuthScreen title="Ganti kata sandi" intro={<p>Halo, {gate.session.fullName}. Akun Anda memakai kata sandi awal dari Administrator; pilih kata sandi Anda sendiri sebelum melanjutkan.</p>}>
          <ChangePasswordForm onDone={(session) => { toast('success', 'Kata sandi diganti.'); enter(session); }} onCancel={logout} cancelLabel="Keluar" />
        </AuthScreen>
      );
    case 'ready':
      return (
        <>
          <div className="gate-app" hidden={!!gate.cover} inert={!!gate.cover} aria-hidden={gate.cover ? true : undefined}>
            <SessionProvider value={controls!}>
              <Fragment key={gate.shellKey}>{children}</Fragment>
            </SessionProvider>
            {changingPassword && (
              <Dialog title="Ganti kata sandi" onClose={() => setChangingPassword(false)}>
                <ChangePasswordForm onCancel={() => setChangingPassword(false)} onDone={(session) => {
                  setChangingPassword(false);
                  toast('success', 'Kata sandi diganti.');
                  enter(session);
                }} />
              </Dialog>
            )}
          </div>
          {gate.cover && <SessionCover cover={gate.cover} session={gate.session} onDone={enter} onOtherAccount={() => setGate({ kind: 'login' })} />}
        </>
      );
  }
}

/** Over the hidden shell: the account's name and a password (idle lock), or a fresh login (ended session). */
function SessionCover({ cover, session, onDone, onOtherAccount }: {
  cover: Exclude<Cover, null>;
  session: SessionInfo;
  onDone: (session: SessionInfo) => void;
  onOtherAccount: () => void;
}) {
  const other = <button type="button" className="button-link auth-other" onClick={onOtherAccount}>Masuk dengan akun lain</button>;
  if (cover === 'idle') {
    return (
      <AuthScreen title="Jenjang terkunci" intro={
        <p>Jenjang dikunci setelah {session.idleLockMinutes} menit tanpa aktivitas. Masukkan kata sandi <strong>{session.fullName}</strong> untuk
          melanjutkan; pekerjaan yang belum disimpan tetap ada.</p>
      }>
        <LoginForm fixedUsername={session.username} submitLabel="Buka kunci" onDone={onDone} />
        {other}
      </AuthScreen>
    );
  }
  return (
    <AuthScreen title="Sesi berakhir" intro={<p>Sesi Anda telah berakhir. Masuk lagi untuk melanjutkan; pekerjaan yang belum disimpan tetap ada.</p>}>
      <LoginForm initialUsername={session.username} onDone={onDone} />
      {other}
    </AuthScreen>
  );
}
