import type { Route } from '../../app/router';
import { href } from '../../app/router';
import { DiklatTab } from './DiklatTab';
import { IdpTab } from './IdpTab';
import { KgbTab } from './KgbTab';
import { MentoringTab } from './MentoringTab';
import { MutasiTab } from './MutasiTab';
import { RencanaAnggaranTab } from './RencanaAnggaranTab';
import { SatyalancanaTab } from './SatyalancanaTab';

const TABS = [
  { key: 'diklat', label: 'Diklat' },
  { key: 'idp', label: 'Rencana Pengembangan (IDP)' },
  { key: 'anggaran', label: 'Rencana Anggaran' },
  { key: 'mentoring', label: 'Mentoring' },
  { key: 'mutasi', label: 'Mutasi & Promosi' },
  { key: 'kgb', label: 'KGB' },
  { key: 'satyalancana', label: 'Satyalancana' },
] as const;

/** Pengembangan: diklat and 20 JP, individual development plans, mentoring, rotation and promotion. */
export function PengembanganPage({ route }: { route: Route }) {
  const tab = TABS.find((t) => t.key === route.query.get('tab'))?.key ?? 'diklat';
  return (
    <div className="page">
      <h1>Pengembangan</h1>
      <p className="muted">Pengembangan kompetensi (paling sedikit 20 JP per tahun), rencana pengembangan individu, mentoring, rotasi, kenaikan pangkat reguler, kenaikan gaji berkala dan Satyalancana Karya Satya.</p>
      <div className="tabs" role="tablist" aria-label="Bagian pengembangan">
        {TABS.map((t) => (
          <a key={t.key} role="tab" aria-selected={tab === t.key} className={`tab${tab === t.key ? ' is-active' : ''}`} href={href(`/pengembangan?tab=${t.key}`)}>{t.label}</a>
        ))}
      </div>
      <section role="tabpanel" aria-label={TABS.find((t) => t.key === tab)!.label}>
        {tab === 'diklat' && <DiklatTab />}
        {tab === 'idp' && <IdpTab route={route} />}
        {tab === 'anggaran' && <RencanaAnggaranTab />}
        {tab === 'mentoring' && <MentoringTab />}
        {tab === 'mutasi' && <MutasiTab />}
        {tab === 'kgb' && <KgbTab />}
        {tab === 'satyalancana' && <SatyalancanaTab />}
      </section>
    </div>
  );
}
