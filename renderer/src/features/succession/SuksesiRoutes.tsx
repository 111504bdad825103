import type { Route } from '../../app/router';
import { href } from '../../app/router';
import { KeyPositionsTab } from './KeyPositionsTab';
import { PositionPage } from './PositionPage';
import { SuksesiOverview } from './SuksesiOverview';
import './suksesi.css';

/** #/suksesi (ringkasan), #/suksesi?tab=kritikal (penandaan), #/suksesi/jabatan/:id (one position). */
export function SuksesiRoutes({ route }: { route: Route }) {
  const [, second, third] = route.segments;
  const id = Number(third);
  if (second === 'jabatan' && Number.isInteger(id) && id > 0) return <PositionPage key={id} positionId={id} />;
  const tab = route.query.get('tab') === 'kritikal' ? 'kritikal' : 'ringkasan';
  return (
    <div className="page">
      <h1>Suksesi</h1>
      <p className="muted">Jabatan kritikal, risiko kekosongan karena pensiun, dan kandidat pengganti beserta kesiapannya.</p>
      <div className="tabs" role="tablist" aria-label="Bagian suksesi">
        <a role="tab" aria-selected={tab === 'ringkasan'} className={`tab${tab === 'ringkasan' ? ' is-active' : ''}`} href={href('/suksesi')}>Ringkasan</a>
        <a role="tab" aria-selected={tab === 'kritikal'} className={`tab${tab === 'kritikal' ? ' is-active' : ''}`} href={href('/suksesi?tab=kritikal')}>Jabatan kritikal</a>
      </div>
      {tab === 'kritikal' ? <KeyPositionsTab /> : <SuksesiOverview />}
    </div>
  );
}
