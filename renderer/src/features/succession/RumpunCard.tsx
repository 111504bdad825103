import { useEffect, useState } from 'react';
import type { PositionDetail } from '../../../../shared/schemas/succession';
import { ApiError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useToast } from '../../components/feedback';
import { Card } from '../../components/layout';
import { SaveErrorBanner } from '../../components/save-error';

/** The post's rumpun jabatan (scored in the ranking): Jenjang's proposal or the office's own, editable. */
/** `onReload` reads the position again (after a save refused because another desk changed the position since). */
export function RumpunCard({ position, onReload }: { position: PositionDetail['position']; onReload: () => void }) {
  const options = useApi('succession:rumpunOptions', {}, ['succession']);
  const [value, setValue] = useState(position.rumpun ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  useEffect(() => setValue(position.rumpun ?? ''), [position.rumpun]);

  const save = async (rumpun: string | null) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await call('succession:setRumpun', { positionId: position.id, version: position.version, rumpun });
      toast('success', saved.rumpunSetByOffice ? `Rumpun jabatan ditetapkan: ${saved.rumpun}.` : `Rumpun jabatan kembali ke usulan Jenjang${saved.rumpun ? `: ${saved.rumpun}` : ''}.`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setSaving(false);
    }
  };
  const changed = value.trim() !== (position.rumpun ?? '');

  return (
    <Card title="Rumpun jabatan">
      <p data-testid="position-rumpun">
        <strong>{position.rumpun ?? 'Belum ada'}</strong>{' '}
        <span className="muted">{position.rumpunSetByOffice ? '(ditetapkan kantor)' : '(usulan Jenjang dari data)'}</span>
      </p>
      <form className="toolbar-tight" onSubmit={(e) => { e.preventDefault(); void save(value); }}>
        <input aria-label="Rumpun jabatan" list="rumpun-options" value={value} maxLength={80} onChange={(e) => setValue(e.target.value)} placeholder="Misalnya Kesehatan" />
        <datalist id="rumpun-options">{options.data?.rumpun.map((r) => <option key={r.name} value={r.name} />)}</datalist>
        <button type="submit" className="button button-small" disabled={saving || !changed || !value.trim()}>Simpan rumpun</button>
        {position.rumpunSetByOffice && (
          <button type="button" className="button button-small" disabled={saving} onClick={() => void save(null)}>Kembalikan ke usulan</button>
        )}
      </form>
      <SaveErrorBanner error={error} onReload={() => { setError(null); setValue(position.rumpun ?? ''); onReload(); }} />
      <p className="muted" style={{ fontSize: 12 }}>
        Usulan Jenjang: {position.proposedRumpun ?? 'tidak ada'} (rumpun jabatan fungsional, atau bidang perangkat daerahnya). Kandidat dari rumpun yang sama
        atau rumpun terkait (Pengaturan › Suksesi) mendapat nilai lebih.
      </p>
    </Card>
  );
}
