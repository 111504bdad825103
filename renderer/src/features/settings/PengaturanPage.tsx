import { formatNumberId } from '../../../../shared/format/id-format';
import { useApi } from '../../api/hooks';
import { Loading } from '../../components/feedback';
import { Card } from '../../components/layout';
import { AuditLog } from '../../components/audit-log';
import { SETTINGS_SECTIONS } from './settings-sections';

export function PengaturanPage(_props: { route?: unknown }) {
  const status = useApi('app:status', {});

  return (
    <div className="page">
      <h1>Pengaturan</h1>
      <div className="cards cards-2">
        <Card title="Database">
          {status.data ? (
            <dl className="dl">
              <dt>Lokasi berkas</dt><dd className="mono">{status.data.dbPath}</dd>
              <dt>Ukuran</dt><dd>{formatNumberId(status.data.dbSizeBytes / 1024 / 1024, 1)} MB</dd>
              {/* The file is brought to this version's schema whenever it opens, so it is always current; the
                  migration's own name (an internal code) stays in `app:status` and `cli init --json` for support. */}
              <dt>Skema</dt><dd>mutakhir untuk versi aplikasi ini</dd>
              <dt>Versi aplikasi</dt><dd>{status.data.appVersion} ({status.data.transport === 'electron' ? 'desktop' : 'mode web'})</dd>
            </dl>
          ) : <Loading />}
          <p className="muted">Mencadangkan dan memulihkan database: bagian Cadangan di bawah.</p>
        </Card>
      </div>
      {SETTINGS_SECTIONS.map(({ key, title, Component }) => (
        <section key={key} aria-label={title}>
          <h2>{title}</h2>
          <Component />
        </section>
      ))}
      <h2>Log audit</h2>
      <AuditLog />
    </div>
  );
}
