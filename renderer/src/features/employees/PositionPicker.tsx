import { useState, type KeyboardEvent } from 'react';
import { positionLevelLabel } from '../../../../shared/domain/position';
import { useApi, useDebounced } from '../../api/hooks';

/** Type to search positions; arrow keys and Enter pick one. Structural posts of the chosen unit come first. */
export function PositionPicker({ id, value, unitId, onChange, invalid }: {
  id: string;
  value: number | null;
  unitId: number | null;
  onChange(positionId: number | null): void;
  invalid?: boolean;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const search = useDebounced(text, 150);
  const selected = useApi('reference:positions', value ? { ids: [value], limit: 1 } : null);
  const options = useApi('reference:positions', open ? { search: search || undefined, unitId: unitId ?? undefined, limit: 30 } : null);
  const list = options.data?.positions ?? [];
  const current = value ? selected.data?.positions[0] : undefined;

  const choose = (positionId: number | null) => {
    onChange(positionId);
    setOpen(false);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setHighlight((h) => Math.min(list.length - 1, h + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlight((h) => Math.max(0, h - 1));
    } else if (event.key === 'Enter' && open && list[highlight]) {
      event.preventDefault();
      choose(list[highlight].id);
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="combobox">
      <input id={id} role="combobox" aria-expanded={open} aria-controls={`${id}-list`} aria-invalid={invalid || undefined}
        placeholder={current ? current.name : 'Ketik nama jabatan…'} value={open ? text : current?.name ?? ''}
        onFocus={() => setOpen(true)} onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setHighlight(0);
        }} onKeyDown={onKeyDown} />
      {open && (
        <ul className="combobox-list" id={`${id}-list`} role="listbox">
          {value !== null && <li role="option" aria-selected={false} className="combobox-option muted" onMouseDown={() => choose(null)}>(kosongkan jabatan)</li>}
          {list.map((p, i) => (
            <li key={p.id} role="option" aria-selected={i === highlight} className={`combobox-option${i === highlight ? ' is-highlighted' : ''}`}
              onMouseDown={() => choose(p.id)}>
              <span>{p.name}</span> <span className="muted">{positionLevelLabel(p.level)}{p.unitName ? ` · ${p.unitName}` : ''}</span>
            </li>
          ))}
          {options.data && list.length === 0 && <li className="combobox-option muted">Tidak ada jabatan yang cocok.</li>}
        </ul>
      )}
    </div>
  );
}
