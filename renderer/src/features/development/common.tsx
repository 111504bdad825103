// Small parts shared by the Pengembangan page and the profile tabs.

import type { ReactNode } from 'react';
import { IDP_ITEM_STATUSES, TRAINING_TYPES } from '../../../../shared/domain/development';
import { formatNumberId } from '../../../../shared/format/id-format';
import { ApiError } from '../../api/client';
import { useToast } from '../../components/feedback';
import './pengembangan.css';

export const formatJp = (jp: number | null | undefined) => (jp == null ? '—' : `${formatNumberId(jp)} JP`);

/** Runs an action, showing its Indonesian error as a toast; returns whether it succeeded. */
export function useAction() {
  const toast = useToast();
  return async (work: () => Promise<unknown>, success?: string): Promise<boolean> => {
    try {
      await work();
      if (success) toast('success', success);
      return true;
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : String(e));
      return false;
    }
  };
}

export function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : String(e);
}

export function TrainingTypeSelect({ id, value, onChange, label = 'Jenis' }: { id: string; value: string; onChange(v: string): void; label?: string }) {
  const groups = [['struktural', 'Pelatihan struktural'], ['klasikal', 'Klasikal'], ['nonklasikal', 'Nonklasikal'], ['lainnya', 'Lainnya']] as const;
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
        <option value="">— pilih —</option>
        {groups.map(([group, title]) => (
          <optgroup key={group} label={title}>
            {TRAINING_TYPES.filter((t) => t.group === group).map((t) => <option key={t.code} value={t.code}>{t.label}</option>)}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

const STATUS_CLASS: Record<string, string> = { direncanakan: 'dev-badge-info', berjalan: 'dev-badge-warn', selesai: 'dev-badge-ok', batal: '' };

export function ItemStatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  const label = IDP_ITEM_STATUSES.find((s) => s.code === status)?.label ?? status;
  return (
    <>
      <span className={`badge ${STATUS_CLASS[status] ?? ''}`}>{label}</span>
      {overdue && <span className="badge dev-badge-bad" title="Tanggal target sudah lewat">lewat target</span>}
    </>
  );
}

export function Field({ label, children, error, hint, wide }: { label: string; children: ReactNode; error?: string; hint?: string; wide?: boolean }) {
  return (
    <label className={`field${wide ? ' field-wide' : ''}`}>
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

