import { useEffect, useState } from 'react';
import { useApi } from '../api/hooks';
import { ToastProvider } from '../components/feedback';
import { ComingLater } from '../components/layout';
import { QuickSearch } from '../components/quick-search';
import { PrintReportPage } from '../print/PrintReportPage';
import { PRINT_ROUTE_SEGMENT } from '../../../shared/reports/print-route';
import { helpPath } from '../features/help/guide';
import { DemoOnboarding } from './DemoOnboarding';
import { RecoveryKeyDialog } from './RecoveryKeyDialog';
import { SCREENS } from './navigation';
import { PAGES } from './pages';
import { href, navigate, useRoute, type Route } from './router';
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
  // Print views draw alone, without the shell: reports (the berita acara of a Komite Talenta session among them)
  // for the PDF printers.
  if (route.segments[0] === PRINT_ROUTE_SEGMENT) return <PrintReportPage route={route} />;
  return (
    <ToastProvider>
      <AppShell route={route} />
    </ToastProvider>
  );
}

function AppShell({ route }: { route: Route }) {
  const status = useApi('app:status', {});
  const security = useApi('security:status', {});
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
          {SCREENS.map((screen) => (
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
      </nav>
      <main className="content">
        <Page route={route} />
      </main>
      {security.data?.recoveryKey
        ? <RecoveryKeyDialog recoveryKey={security.data.recoveryKey} keyStoreText={security.data.keyStoreText} onDone={() => security.reload()} />
        : status.data?.offerDemo && !onboardingDone && <DemoOnboarding onDone={() => { setOnboardingDone(true); status.reload(); }} />}
    </div>
  );
}

function Page({ route }: { route: Route }) {
  const first = route.segments[0] ?? '';
  const Component = PAGES[first];
  if (Component) return <Component route={route} />;
  const screen = SCREENS.find((s) => s.path === `/${first}`);
  if (!screen) return <div className="page"><h1>Halaman tidak ditemukan</h1><a href={href('/')}>Kembali ke Beranda</a></div>;
  return (
    <div className="page">
      <h1>{screen.label}</h1>
      <ComingLater what={`${screen.summary} Fitur ini belum tersedia di versi ini; tidak ada angka yang ditampilkan sampai datanya benar-benar ada.`} />
    </div>
  );
}
