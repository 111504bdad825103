import { useState } from 'react';
import { positionLevelLabel } from '../../../shared/domain/position';
import type { PositionOption } from '../../../shared/schemas/reference';
import { useApi, useDebounced } from '../api/hooks';
import { Combobox, type ComboboxOption } from './combobox';

const CLEAR = Symbol('clear');

/** Type to search positions; ↑/↓ and Enter pick one. Structural posts of `unitId` come first. */
export function PositionPicker({ id, ariaLabel, value, unitId = null, onChange, invalid, clearable = true }: {
  id: string;
  ariaLabel?: string;
  value: number | null;
  unitId?: number | null;
  onChange(positionId: number | null): void;
  invalid?: boolean;
  /** Offer "(kosongkan jabatan)" once a position is chosen. */
  clearable?: boolean;
}) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const search = useDebounced(query.trim(), 150);
  const selected = useApi('reference:positions', value ? { ids: [value], limit: 1 } : null);
  // The list is fetched once the picker is used, not for every form that shows one.
  const found = useApi('reference:positions', open ? { search: search || undefined, unitId: unitId ?? undefined, limit: 30 } : null);
  const current = value ? selected.data?.positions.find((p) => p.id === value) : undefined;
  const options: ComboboxOption<PositionOption | typeof CLEAR>[] = [
    ...(clearable && value !== null ? [{ key: 'clear', value: CLEAR as typeof CLEAR, label: '(kosongkan jabatan)', muted: true }] : []),
    ...(found.data?.positions ?? []).map((p) => ({
      key: p.id, value: p as PositionOption | typeof CLEAR, label: p.name, detail: [positionLevelLabel(p.level), p.unitName].filter(Boolean).join(' · '),
    })),
  ];
  return (
    <div onFocus={() => setOpen(true)}>
      <Combobox id={id} ariaLabel={ariaLabel} invalid={invalid}
        placeholder="Ketik nama jabatan…" selectedLabel={current?.name ?? ''}
        selectedTitle={current ? [current.name, positionLevelLabel(current.level), current.unitName].filter(Boolean).join(' · ') : undefined}
        query={query} onQueryChange={setQuery} options={options} loading={found.loading || search !== query.trim()}
        emptyText="Tidak ada jabatan yang cocok."
        onSelect={(option) => onChange(option === CLEAR ? null : option.id)} />
    </div>
  );
}
