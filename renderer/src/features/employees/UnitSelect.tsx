import { useApi } from '../../api/hooks';

/** A unit picker showing the hierarchy by indentation. Choosing a unit includes its sub-units in filters. */
export function UnitSelect({ value, onChange, allLabel, id, required }: {
  value: number | null;
  onChange(value: number | null): void;
  allLabel: string;
  id?: string;
  required?: boolean;
}) {
  const units = useApi('reference:units', {}, ['employees']);
  return (
    <select id={id} aria-label="Unit kerja" value={value ?? ''} required={required}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      <option value="">{allLabel}</option>
      {units.data?.units.map((u) => (
        <option key={u.id} value={u.id}>{`${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`}</option>
      ))}
    </select>
  );
}
