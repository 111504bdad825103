import { useMemo, useState } from 'react';
import { formatNumberId } from '../../../shared/format/id-format';
import type { UnitNode } from '../../../shared/schemas/reference';
import { useApi } from '../api/hooks';
import { Combobox, matchesWords, searchWords, type ComboboxOption } from './combobox';

const ALL = 0;

/** Unit names from the top of the tree down to the unit: ["Dinas Kesehatan", "UPTD Puskesmas Cikalong"]. */
function pathOf(unit: UnitNode, byId: Map<number, UnitNode>): string[] {
  const names: string[] = [];
  for (let u: UnitNode | undefined = unit; u; u = u.parentId === null ? undefined : byId.get(u.parentId)) names.unshift(u.name);
  return names;
}

/**
 * The unit picker of every screen: the whole tree when nothing is typed (indented, parents before children),
 * the matching units with their place in the tree when something is. Choosing a unit includes its sub-units
 * in filters.
 */
export function UnitPicker({ id, ariaLabel = 'Unit kerja', value, onChange, allLabel, invalid }: {
  id?: string;
  ariaLabel?: string;
  value: number | null;
  onChange(unitId: number | null): void;
  /** The entry for "no unit": "Semua unit kerja" in filters, "— pilih unit kerja —" in forms. */
  allLabel: string;
  invalid?: boolean;
}) {
  const units = useApi('reference:units', {}, ['employees']);
  const [query, setQuery] = useState('');
  const [autoId] = useState(() => `unit-picker-${Math.random().toString(36).slice(2, 9)}`);
  const list = units.data?.units ?? [];
  const byId = useMemo(() => new Map(list.map((u) => [u.id, u])), [list]);

  const options = useMemo((): ComboboxOption<number>[] => {
    const words = searchWords(query);
    const all: ComboboxOption<number> = { key: 'all', value: ALL, label: allLabel, muted: true };
    if (words.length === 0) {
      return [all, ...list.map((u) => ({ key: u.id, value: u.id, label: u.name, depth: u.depth, detail: countLabel(u) }))];
    }
    const hits = list.filter((u) => matchesWords(u.name, words));
    return hits.map((u) => {
      const path = pathOf(u, byId);
      return { key: u.id, value: u.id, label: u.name, detail: path.length > 1 ? path.slice(0, -1).reverse().join(' · ') : countLabel(u) };
    });
  }, [query, list, byId, allLabel]);

  const current = value === null ? undefined : byId.get(value);
  const currentPath = current ? pathOf(current, byId) : [];
  return (
    <Combobox id={id ?? autoId} ariaLabel={ariaLabel} invalid={invalid} className="unit-picker"
      placeholder={allLabel} selectedLabel={current?.name ?? (value === null ? '' : 'Memuat…')}
      selectedTitle={currentPath.length ? currentPath.join(' › ') : allLabel}
      query={query} onQueryChange={setQuery} options={options} loading={units.loading && list.length === 0}
      emptyText="Tidak ada unit kerja yang cocok."
      onSelect={(unitId) => onChange(unitId === ALL ? null : unitId)} />
  );
}

function countLabel(unit: UnitNode): string | undefined {
  return unit.activeEmployees > 0 ? `${formatNumberId(unit.activeEmployees)} pegawai aktif` : undefined;
}
