import { useState } from 'react';
import { golonganLabel } from '../../../shared/domain/golongan';
import { formatNip } from '../../../shared/domain/nip';
import type { EmployeeRow } from '../../../shared/schemas/employees';
import { useApi, useDebounced } from '../api/hooks';
import { Combobox, type ComboboxOption } from './combobox';

/** An employee as the pickers hand it over. */
export interface PersonRef {
  id: number;
  name: string;
  nip: string;
  /** Position and unit, shown under the picker once chosen. */
  detail?: string;
}

export const MIN_SEARCH_CHARS = 2;

export function personFromRow(row: EmployeeRow): PersonRef {
  return { id: row.id, name: row.fullName, nip: row.nip, detail: [row.positionName, row.unitName].filter(Boolean).join(' · ') };
}

/** The employee search of every picker: NIP (with or without spaces) or name, as you type. */
export function useEmployeeSearch(query: string, { activeOnly = false, limit = 12 }: { activeOnly?: boolean; limit?: number } = {}) {
  const search = useDebounced(query.trim(), 150);
  const result = useApi('employees:list', search.length >= MIN_SEARCH_CHARS
    ? { search, status: activeOnly ? ['active'] : undefined, limit, sort: { field: 'name', direction: 'asc' } }
    : null);
  const stale = search !== query.trim();
  return { rows: search.length >= MIN_SEARCH_CHARS ? result.data?.rows ?? [] : [], loading: result.loading || stale, search };
}

export function employeeOption(row: EmployeeRow): ComboboxOption<EmployeeRow> {
  const detail = [formatNip(row.nip), golonganLabel(row.golongan), row.positionName, row.unitName].filter(Boolean).join(' · ');
  return { key: row.id, value: row, label: row.fullName, detail };
}

/** Type a NIP or a name; ↑/↓ and Enter pick the employee. */
export function EmployeePicker({ id, ariaLabel, value, onChange, invalid, activeOnly = false, autoFocus }: {
  id: string;
  ariaLabel?: string;
  value: PersonRef | null;
  onChange(person: PersonRef | null): void;
  invalid?: boolean;
  /** Only employees with status aktif (mentors, plans, trainings). */
  activeOnly?: boolean;
  autoFocus?: boolean;
}) {
  const [query, setQuery] = useState('');
  const { rows, loading, search } = useEmployeeSearch(query, { activeOnly });
  const selectedLabel = value ? `${value.name} · ${formatNip(value.nip)}` : '';
  return (
    <Combobox id={id} ariaLabel={ariaLabel} invalid={invalid} autoFocus={autoFocus}
      placeholder="Ketik NIP atau nama pegawai…" selectedLabel={selectedLabel} selectedTitle={value?.detail ? `${selectedLabel}\n${value.detail}` : undefined}
      query={query} onQueryChange={setQuery}
      options={rows.map(employeeOption)} loading={loading && search.length >= MIN_SEARCH_CHARS}
      hint={query.trim().length < MIN_SEARCH_CHARS && query.length > 0 ? `Ketik minimal ${MIN_SEARCH_CHARS} huruf atau angka.` : undefined}
      emptyText={activeOnly ? 'Tidak ada pegawai aktif yang cocok.' : 'Tidak ada pegawai yang cocok.'}
      onSelect={(row) => onChange(personFromRow(row))} />
  );
}
