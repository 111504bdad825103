import { useEffect, useState } from 'react';
import { useApi } from '../api/hooks';
import { ToastProvider } from '../components/feedback';
import { ComingLater } from '../components/layout';
import { BerandaPage } from '../pages/BerandaPage';
import { PengaturanPage } from '../pages/PengaturanPage';
import { EmployeeFormPage } from '../pages/pegawai/EmployeeForm';
import { PegawaiPage } from '../pages/pegawai/PegawaiPage';
import { ProfilePage } from '../pages/pegawai/ProfilePage';
import { DemoOnboarding } from './DemoOnboarding';
import { SCREENS } from './navigation';
import { href, useRoute, type Route } from './router';

export function App() {
  return (
    <ToastProvider>
      <Shell />
    </ToastProvider>
  );
}

function Shell() {
  const route = useRoute();
  const status = useApi('app:status', {});
  const [onboardingDone, setOnboardingDone] = useState(false);
  const top = `/${route.segments[0] ?? ''}`;

  useEffect(() => {
    document.title = `Jenjang · ${SCREENS.find((s) => s.path === top)?.label ?? 'Beranda'}`;
  }, [top]);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Menu utama">
        <div className="brand">Jenjang<span className="brand-sub">Manajemen Karier ASN</span></div>
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
      </nav>
      <main className="content">
        <Page route={route} />
      </main>
      {status.data?.offerDemo && !onboardingDone && <DemoOnboarding onDone={() => { setOnboardingDone(true); status.reload(); }} />}
    </div>
  );
}

function Page({ route }: { route: Route }) {
  const [first, second, third] = route.segments;
  if (!first) return <BerandaPage />;
  if (first === 'pegawai') {
    if (second === 'baru') return <EmployeeFormPage />;
    const id = Number(second);
    if (second && Number.isInteger(id) && id > 0) return third === 'ubah' ? <EmployeeFormPage id={id} /> : <ProfilePage id={id} />;
    return <PegawaiPage />;
  }
  if (first === 'pengaturan') return <PengaturanPage />;
  const screen = SCREENS.find((s) => s.path === `/${first}`);
  if (!screen) return <div className="page"><h1>Halaman tidak ditemukan</h1><a href={href('/')}>Kembali ke Beranda</a></div>;
  return (
    <div className="page">
      <h1>{screen.label}</h1>
      <ComingLater what={`${screen.summary} Fitur ini belum tersedia di versi ini; tidak ada angka yang ditampilkan sampai datanya benar-benar ada.`} />
    </div>
  );
}
