// Small parts shared by the Pengembangan page and the profile tabs.

import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { IDP_ITEM_STATUSES, TRAINING_TYPES } from '../../../../shared/domain/development';
import { golonganLabel } from '../../../../shared/domain/golongan';
import { formatNumberId } from '../../../../shared/format/id-format';
import { ApiError } from '../../api/client';
import { useApi, useDebounced } from '../../api/hooks';
import { useToast } from '../../components/feedback';
import { Nip } from '../../components/labels';
import './pengembangan.css';

export interface PersonRef {
  id: number;
  name: string;
  nip: string;
  detail?: string;
}

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

/** Type a name or NIP; arrow keys and Enter pick an active employee. */
export function EmployeePicker({ id, label, value, onChange, invalid }: {
  id: string;
  label: string;
  value: PersonRef | null;
  onChange(person: PersonRef | null): void;
  invalid?: boolean;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const search = useDebounced(text, 150);
  const options = useApi('employees:list', open && search.trim().length >= 2 ? { search: search.trim(), status: ['active'], limit: 12 } : null);
  const list = options.data?.rows ?? [];
  useEffect(() => setHighlight(0), [search]);

  const choose = (row: (typeof list)[number]) => {
    onChange({ id: row.id, name: row.fullName, nip: row.nip, detail: [row.positionName, row.unitName].filter(Boolean).join(' · ') });
    setOpen(false);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setOpen(true); setHighlight((h) => Math.min(list.length - 1, h + 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setHighlight((h) => Math.max(0, h - 1)); }
    else if (event.key === 'Enter' && open && list[highlight]) { event.preventDefault(); choose(list[highlight]); }
    else if (event.key === 'Escape' && open) { event.stopPropagation(); setOpen(false); }
  };
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <div className="combobox">
        <input id={id} role="combobox" aria-label={label} aria-expanded={open} aria-controls={`${id}-list`} aria-invalid={invalid || undefined}
          placeholder={value ? `${value.name} (${value.nip})` : 'Ketik nama atau NIP…'} value={open ? text : value ? `${value.name}` : ''}
          onFocus={() => setOpen(true)} onBlur={() => setTimeout(() => setOpen(false), 150)}
          onChange={(e) => { setText(e.target.value); setOpen(true); }} onKeyDown={onKeyDown} />
        {open && search.trim().length >= 2 && (
          <ul className="combobox-list" id={`${id}-list`} role="listbox">
            {list.map((row, i) => (
              <li key={row.id} role="option" aria-selected={i === highlight} className={`combobox-option${i === highlight ? ' is-highlighted' : ''}`}
                onMouseDown={() => choose(row)}>
                <span className="strong">{row.fullName}</span> <span className="muted"><Nip value={row.nip} /> · {golonganLabel(row.golongan)} · {row.positionName ?? '—'}</span>
              </li>
            ))}
            {options.data && list.length === 0 && <li className="combobox-option muted">Tidak ada pegawai aktif yang cocok.</li>}
          </ul>
        )}
      </div>
      {value?.detail && <span className="field-hint">{value.detail}</span>}
    </label>
  );
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

/** "Sebelumnya / Berikutnya" for server-side pages. */
export function Pager({ offset, limit, total, onChange }: { offset: number; limit: number; total: number; onChange(offset: number): void }) {
  if (total <= limit) return null;
  return (
    <div className="dev-pager" role="navigation" aria-label="Halaman">
      <span>{formatNumberId(offset + 1)}–{formatNumberId(Math.min(total, offset + limit))} dari {formatNumberId(total)}</span>
      <button type="button" className="button button-small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>‹ Sebelumnya</button>
      <button type="button" className="button button-small" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>Berikutnya ›</button>
    </div>
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

