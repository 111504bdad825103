import { useEffect, useState } from 'react';
import { useApi } from '../api/hooks';
import { ToastProvider } from '../components/feedback';
import { ComingLater } from '../components/layout';
import { QuickSearch } from '../components/quick-search';
import { PrintReportPage } from '../print/PrintReportPage';
import { PRINT_ROUTE_SEGMENT } from '../../../shared/reports/print-route';
import { helpPath } from '../features/help/guide';
import { ROLE_LABELS } from '../../../shared/auth/roles';
import { AuthGate } from './auth-gate';
import { DemoOnboarding } from './DemoOnboarding';
import { RecoveryKeyDialog } from './RecoveryKeyDialog';
import { SCREENS, screensFor } from './navigation';
import { PAGES } from './pages';
import { href, navigate, navigateAway, useRoute, type Route } from './router';
import { roleLine, useSessionControls } from './session';
import { TodayProvider } from './today';

export function App() {
  return (
    <TodayProvider>
      <Routes />
    </TodayProvider>
  );
}

function Routes() {
  const route = useRoute();
  // Print views draw alone, without the shell and without the gate: reports (the berita acara of a Komite
  // Talenta session among them) for the PDF printers, which carry their own scoped token.
  if (route.segments[0] === PRINT_ROUTE_SEGMENT) return <PrintReportPage route={route} />;
  return (
    <ToastProvider>
      <AuthGate>
        <AppShell route={route} />
      </AuthGate>
    </ToastProvider>
  );
}

function AppShell({ route }: { route: Route }) {
  const controls = useSessionControls()!;
  const { session } = controls;
  const screens = screensFor(session.permissions);
  const status = useApi('app:status', {});
  // The recovery key is shown once, to the Administrator only.
  const security = useApi('security:status', session.permissions.includes('settings') ? {} : null);
  const [onboardingDone, setOnboardingDone] = useState(false);
  const top = `/${route.segments[0] ?? ''}`;
  const screen = SCREENS.find((s) => s.path === top);
  const onHelp = top === helpPath();
  // Bantuan opens the chapter of the screen in view (the whole guide from the guide itself).
  const helpTarget = helpPath(screen?.guide);

  useEffect(() => {
    document.title = `Jenjang · ${onHelp ? 'Bantuan' : screen?.label ?? 'Beranda'}`;
  }, [onHelp, screen]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'F1' || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      navigate(helpTarget);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [helpTarget]);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Menu utama">
        <div className="brand">Jenjang<span className="brand-sub">Manajemen Karier ASN</span></div>
        <QuickSearch />
        <ul>
          {screens.map((screen) => (
            <li key={screen.path}>
              <a href={href(screen.path)} className={`nav-link${top === screen.path ? ' is-active' : ''}`} aria-current={top === screen.path ? 'page' : undefined}>
                <span className="nav-icon" aria-hidden>{screen.icon}</span>{screen.label}
                {!screen.ready && <span className="nav-soon" title="Belum tersedia di versi ini">segera</span>}
              </a>
            </li>
          ))}
        </ul>
        <a href={href(helpTarget)} className={`nav-link nav-help${onHelp ? ' is-active' : ''}`} aria-current={onHelp ? 'page' : undefined}
          aria-keyshortcuts="F1" title={screen ? `Panduan layar ${screen.label} (F1)` : 'Seluruh panduan pengguna (F1)'}>
          <span className="nav-icon" aria-hidden>?</span>Bantuan
        </a>
        <section className="account-box" aria-label="Akun">
          <div className="account-name">{session.fullName}</div>
          <div className="account-role">{roleLine(session)}</div>
          <div className="account-actions">
            <button type="button" className="button-link" onClick={controls.changePassword}>Ganti kata sandi</button>
            <button type="button" className="button-link" onClick={controls.logout}>Keluar</button>
          </div>
        </section>
      </nav>
      <main className="content">
        <Page route={route} permissions={session.permissions} roleLabel={ROLE_LABELS[session.role]} firstAllowed={screens[0]?.path ?? helpPath()} />
      </main>
      {security.data?.recoveryKey
        ? <RecoveryKeyDialog recoveryKey={security.data.recoveryKey} keyStoreText={security.data.keyStoreText} onDone={() => security.reload()} />
        : status.data?.offerDemo && !onboardingDone && session.permissions.includes('settings') && <DemoOnboarding onDone={() => { setOnboardingDone(true); status.reload(); }} />}
    </div>
  );
}

function Page({ route, permissions, roleLabel, firstAllowed }: { route: Route; permissions: readonly string[]; roleLabel: string; firstAllowed: string }) {
  const first = route.segments[0] ?? '';
  const screen = SCREENS.find((s) => s.path === `/${first}`);
  const allowed = !screen || permissions.includes(screen.permission);
  // A role without Beranda (Operator OPD, Komite Talenta) starts on its first screen instead.
  const redirect = !allowed && first === '' && firstAllowed !== '/';
  useEffect(() => {
    if (redirect) navigateAway(firstAllowed);
  }, [redirect, firstAllowed]);
  if (redirect) return null;
  if (!allowed) {
    return (
      <div className="page">
        <h1>{screen!.label}</h1>
        <div className="banner banner-warning" role="alert">Peran {roleLabel} tidak dapat membuka halaman ini. Mintalah kepada Administrator bila Anda memerlukannya.</div>
        <a href={href(firstAllowed)}>Kembali</a>
      </div>
    );
  }
  const Component = PAGES[first];
  if (Component) return <Component route={route} />;
  if (!screen) return <div className="page"><h1>Halaman tidak ditemukan</h1><a href={href('/')}>Kembali ke Beranda</a></div>;
  return (
    <div className="page">
      <h1>{screen.label}</h1>
      <ComingLater what={`${screen.summary} Fitur ini belum tersedia di versi ini; tidak ada angka yang ditampilkan sampai datanya benar-benar ada.`} />
    </div>
  );
}
