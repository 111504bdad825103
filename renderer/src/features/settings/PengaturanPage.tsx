import { useState } from 'react';
import { formatNumberId } from '../../../../shared/format/id-format';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ErrorBanner, Loading, useToast } from '../../components/feedback';
import { Card } from '../../components/layout';
import { useDraft } from '../../components/use-draft';
import { AuditLog } from '../../components/audit-log';
import { SETTINGS_SECTIONS } from './settings-sections';

export function PengaturanPage(_props: { route?: unknown }) {
  const settings = useApi('settings:get', {}, ['settings']);
  const status = useApi('app:status', {});
  const stored = settings.data ? settings.data.operatorName ?? '' : undefined;
  const { draft, setDraft: setOperator, markSaved } = useDraft<string>(stored);
  const operator = draft ?? '';
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const toast = useToast();

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await call('settings:update', { operatorName: operator.trim() || null });
      markSaved();
      toast('success', 'Pengaturan disimpan.');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="page">
      <h1>Pengaturan</h1>
      <div className="cards cards-2">
        <Card title="Operator">
          {settings.data ? (
            <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
              <label className="field">
                <span className="field-label">Nama operator (dicatat di log audit)</span>
                <input value={operator} maxLength={80} placeholder="Kosong: nama pengguna komputer" onChange={(e) => setOperator(e.target.value)} />
              </label>
              <ErrorBanner error={error} />
              <button type="submit" className="button button-primary" disabled={saving}>Simpan</button>
            </form>
          ) : <Loading />}
        </Card>
        <Card title="Database">
          {status.data ? (
            <dl className="dl">
              <dt>Lokasi berkas</dt><dd className="mono">{status.data.dbPath}</dd>
              <dt>Ukuran</dt><dd>{formatNumberId(status.data.dbSizeBytes / 1024 / 1024, 1)} MB</dd>
              <dt>Skema</dt><dd className="mono">{status.data.schemaVersion}</dd>
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
