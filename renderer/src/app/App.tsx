import { lazy, Suspense } from 'react';
import { PRINT_ROUTE_SEGMENT } from '../../../shared/reports/print-route';
import { useRoute } from './router';
import { TodayProvider } from './today';

// The two halves load apart: the printers' headless page needs the print route alone, the officer's window the
// workspace alone; each fetches and compiles only its own code.
const PrintReportPage = lazy(() => import('../print/PrintReportPage').then((m) => ({ default: m.PrintReportPage })));
const Workspace = lazy(() => import('./Workspace').then((m) => ({ default: m.Workspace })));

export function App() {
  return (
    <TodayProvider>
      <Suspense fallback={null}>
        <Routes />
      </Suspense>
    </TodayProvider>
  );
}

function Routes() {
  const route = useRoute();
  // Print views draw alone, without the shell and without the gate: reports (the berita acara of a Komite
  // Talenta session among them) for the PDF printers, which carry their own scoped token.
  if (route.segments[0] === PRINT_ROUTE_SEGMENT) return <PrintReportPage route={route} />;
  return <Workspace route={route} />;
}
