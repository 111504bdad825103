import { useState, type KeyboardEvent } from 'react';
import { formatNip } from '../../../../shared/domain/nip';
import { useApi, useDebounced } from '../../api/hooks';

/** Type a NIP or a name; arrow keys and Enter pick the employee. The value is the NIP (what reports take). */
export function EmployeePicker({ id, nip, onChange }: { id: string; nip: string | null; onChange(nip: string | null): void }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const search = useDebounced(text.trim(), 150);
  const selected = useApi('employees:list', nip ? { search: nip, limit: 1 } : null);
  const options = useApi('employees:list', open && search.length >= 2 ? { search, limit: 12 } : null);
  const list = options.data?.rows ?? [];
  const current = nip ? selected.data?.rows.find((r) => r.nip === nip) : undefined;
  const currentLabel = current ? `${current.fullName} · ${formatNip(current.nip)}` : nip ? formatNip(nip) : '';

  const choose = (value: string | null) => {
    onChange(value);
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
      choose(list[highlight].nip);
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="combobox">
      <input id={id} role="combobox" aria-expanded={open} aria-controls={`${id}-list`} autoComplete="off"
        placeholder={currentLabel || 'Ketik NIP atau nama pegawai…'} value={open ? text : currentLabel}
        onFocus={() => setOpen(true)} onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setHighlight(0);
        }} onKeyDown={onKeyDown} />
      {open && search.length >= 2 && (
        <ul className="combobox-list" id={`${id}-list`} role="listbox">
          {list.map((row, i) => (
            <li key={row.id} role="option" aria-selected={i === highlight} className={`combobox-option${i === highlight ? ' is-highlighted' : ''}`}
              onMouseDown={() => choose(row.nip)}>
              <span>{row.fullName}</span> <span className="muted nip">{formatNip(row.nip)}</span>
              <span className="muted">{row.positionName ? ` · ${row.positionName}` : ''}</span>
            </li>
          ))}
          {options.data && list.length === 0 && <li className="combobox-option muted">Tidak ada pegawai yang cocok.</li>}
        </ul>
      )}
    </div>
  );
}
