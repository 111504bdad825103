import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

// The one type-to-search picker of the app (units, positions, employees, the quick search): an input with a
// list below it. Type to filter, ↑/↓ to move, Enter to choose, Escape to close without choosing; the mouse
// works as well. The caller owns the search (local filtering or a call to main) and hands in the options.

export interface ComboboxOption<T> {
  key: string | number;
  value: T;
  /** The text of the option, also what the input shows once it is chosen. */
  label: string;
  /** Secondary text after the label (NIP, unit, path in the tree). */
  detail?: ReactNode;
  /** Indentation level in a tree (units); 0 = top. */
  depth?: number;
  /** Shown muted, e.g. the "all units" or "clear" entry. */
  muted?: boolean;
}

export interface ComboboxProps<T> {
  id: string;
  /** Accessible name when no <label htmlFor={id}> names the input. */
  ariaLabel?: string;
  invalid?: boolean;
  placeholder: string;
  /** What the closed input shows: the chosen value's label, or '' for none. */
  selectedLabel: string;
  /** Full text of the chosen value on hover (e.g. a unit's path). */
  selectedTitle?: string;
  options: ComboboxOption<T>[];
  query: string;
  onQueryChange(query: string): void;
  onSelect(value: T): void;
  /** Results are being fetched for the current query. */
  loading?: boolean;
  /** Text when the query matches nothing. */
  emptyText: string;
  /** Shown instead of options while the query is shorter than the search needs. */
  hint?: string;
  autoFocus?: boolean;
  className?: string;
  /** Extra keys handled before the combobox's own (the quick search uses none; kept for dialogs). */
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
}

export function Combobox<T>(props: ComboboxProps<T>) {
  const { id, options, query, onQueryChange, onSelect } = props;
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  // A new result list starts at its first entry.
  const signature = options.map((o) => o.key).join('|');
  useEffect(() => setHighlight(0), [signature]);

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(optionId(highlight))}`)?.scrollIntoView({ block: 'nearest' });
    // optionId is derived from id, which does not change while the list is open.
  }, [open, highlight]);

  const choose = (option: ComboboxOption<T>) => {
    onSelect(option.value);
    onQueryChange('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    props.onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((h) => Math.max(0, Math.min(options.length - 1, h + step)));
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      if (!open) return;
      event.preventDefault();
      const step = event.key === 'PageDown' ? 8 : -8;
      setHighlight((h) => Math.max(0, Math.min(options.length - 1, h + step)));
    } else if (event.key === 'Enter') {
      if (open && options[highlight]) {
        event.preventDefault();
        choose(options[highlight]);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        // Only the list closes; a dialog around the picker stays open.
        event.preventDefault();
        event.stopPropagation();
        event.nativeEvent.stopImmediatePropagation();
        setOpen(false);
        onQueryChange('');
      }
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  const showList = open && (options.length > 0 || query.length > 0 || !!props.hint);
  return (
    <div className={`combobox${props.className ? ` ${props.className}` : ''}`}>
      <input ref={input} id={id} role="combobox" autoComplete="off" autoFocus={props.autoFocus}
        aria-label={props.ariaLabel} aria-expanded={showList} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={showList && options[highlight] ? optionId(highlight) : undefined}
        aria-invalid={props.invalid || undefined}
        title={!open ? props.selectedTitle ?? (props.selectedLabel || undefined) : undefined}
        placeholder={props.selectedLabel || props.placeholder}
        value={open ? query : props.selectedLabel}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          onQueryChange('');
        }}
        onChange={(e) => {
          onQueryChange(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown} />
      {showList && (
        <ul className="combobox-list" id={listId} role="listbox" ref={list} aria-label={props.ariaLabel}
          // Keep the focus in the input while an option is clicked.
          onMouseDown={(e) => e.preventDefault()}>
          {props.hint && options.length === 0 ? <li className="combobox-note">{props.hint}</li> : null}
          {options.map((option, index) => (
            <li key={option.key} id={optionId(index)} role="option" aria-selected={index === highlight}
              data-depth={option.depth ?? 0} title={typeof option.detail === 'string' ? `${option.label} · ${option.detail}` : option.label}
              className={`combobox-option${index === highlight ? ' is-highlighted' : ''}${option.muted ? ' muted' : ''}`}
              style={option.depth ? { paddingLeft: 10 + option.depth * 16 } : undefined}
              onMouseEnter={() => setHighlight(index)} onClick={() => choose(option)}>
              <span className="combobox-label">{option.label}</span>
              {option.detail && <span className="combobox-detail">{option.detail}</span>}
            </li>
          ))}
          {!props.hint && !props.loading && options.length === 0 && query.length > 0 && <li className="combobox-note">{props.emptyText}</li>}
          {props.loading && options.length === 0 && <li className="combobox-note">Mencari…</li>}
        </ul>
      )}
    </div>
  );
}

/** Case- and accent-insensitive words of a search text: "dinas  KES" → ["dinas", "kes"]. */
export function searchWords(text: string): string[] {
  return fold(text).split(/\s+/).filter(Boolean);
}

/** True when every word occurs in the text. */
export function matchesWords(text: string, words: string[]): boolean {
  const folded = fold(text);
  return words.every((w) => folded.includes(w));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
