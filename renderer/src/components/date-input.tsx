import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { isIsoDate, parseIsoDate, parseDateText, toIsoDate, daysInMonth, type IsoDate } from '../../../shared/domain/dates';
import { formatDateId, MONTHS_ID } from '../../../shared/format/id-format';
import { useToday } from '../app/today';

// Every date of the app is typed as dd-mm-yyyy and shown back as "9 Mei 1977", whatever the browser's locale:
// The browser's own date field follows its locale (mm/dd/yyyy in an English Chromium), where 09/05/1977 reads as
// 9 Mei to an Indonesian officer and is stored as 5 September.

export const DATE_INPUT_PLACEHOLDER = 'HH-BB-TTTT';
export const INVALID_DATE_MESSAGE = 'Tanggal tidak valid; tulis HH-BB-TTTT, misalnya 09-05-1977.';

/**
 * The message for a date field the schema refused: "wajib diisi" when empty, the dd-mm-yyyy hint when the text
 * is not a date (the schema's own message speaks of the ISO form the officer never types), else the schema's.
 */
export function explainDateIssue(value: string, message: string, label: string): string {
  if (value.trim() === '') return `${label} wajib diisi.`;
  if (!isIsoDate(value)) return INVALID_DATE_MESSAGE;
  return message;
}

/** "1977-05-09" → "09-05-1977"; '' stays ''. */
export function isoToDateText(iso: string): string {
  const parts = parseIsoDate(iso);
  if (!parts) return iso;
  return `${String(parts.day).padStart(2, '0')}-${String(parts.month).padStart(2, '0')}-${parts.year}`;
}

/**
 * What the officer typed, as an ISO date: "09-05-1977", "9/5/1977", "09.05.1977", "09051977", "9 Mei 1977" and
 * a pasted "1977-05-09" are read; day first, never month first. null when it is not a date ('' is empty, not null).
 */
export function dateTextToIso(text: string): IsoDate | '' | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (/^\d+$/.test(trimmed)) {
    // Only ddmmyyyy: a five-digit number would otherwise be read as an Excel serial.
    if (trimmed.length !== 8) return null;
    const day = Number(trimmed.slice(0, 2));
    const month = Number(trimmed.slice(2, 4));
    const year = Number(trimmed.slice(4));
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  const parsed = parseDateText(trimmed.replace(/\s+/g, ' '));
  return parsed.ok ? parsed.iso : null;
}

/**
 * A date field. `value` is ISO ('' = empty); `onChange` receives ISO for a valid date, '' for an empty field,
 * and the text as typed when it is not a date, so the form's own validation refuses it.
 */
export function DateInput({ id, value, onChange, ariaLabel, invalid, showError = true, disabled, autoFocus }: {
  id?: string;
  value: string;
  onChange(value: string): void;
  ariaLabel?: string;
  invalid?: boolean;
  /** Say below the field when the text is not a date; off where the form prints its own message. */
  showError?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState(() => (isIsoDate(value) ? isoToDateText(value) : value));
  const [calendar, setCalendar] = useState(false);
  const [touched, setTouched] = useState(false);
  const generated = useId();
  const inputId = id ?? `date-${generated}`;
  // A value set from outside (a default, a form reset, the NIP filling the birth date) replaces the text.
  useEffect(() => {
    const mine = dateTextToIso(text);
    if (mine !== value) setText(isIsoDate(value) ? isoToDateText(value) : value);
    // Only outside changes matter; the text follows the typing by itself.
  }, [value]);

  const parsed = dateTextToIso(text);
  const bad = parsed === null && (touched || text.length >= 8);
  const describe = `${inputId}-long`;
  const update = (next: string) => {
    setText(next);
    const iso = dateTextToIso(next);
    onChange(iso === null ? next : iso);
  };
  return (
    <span className="date-input" onBlur={(e) => {
      // The calendar closes when the focus leaves the field and its calendar.
      if (calendar && !e.currentTarget.contains(e.relatedTarget as Node | null)) setCalendar(false);
    }}>
      <span className="date-input-row">
        <input id={inputId} type="text" inputMode="numeric" autoComplete="off" placeholder={DATE_INPUT_PLACEHOLDER} maxLength={20}
          aria-label={ariaLabel} aria-invalid={invalid || bad || undefined} aria-describedby={describe} disabled={disabled} autoFocus={autoFocus}
          value={text} size={11}
          onChange={(e) => update(e.target.value)}
          onBlur={() => {
            setTouched(true);
            if (parsed) setText(isoToDateText(parsed));
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && e.altKey) {
              e.preventDefault();
              setCalendar(true);
            }
          }} />
        <button type="button" className="date-input-button" aria-label="Pilih dari kalender" title="Pilih dari kalender (Alt+↓)"
          disabled={disabled} onClick={() => setCalendar((c) => !c)}>▦</button>
      </span>
      <span id={describe} className={bad && showError ? 'field-error' : 'date-input-long'}>
        {parsed ? formatDateId(parsed) : bad && showError ? INVALID_DATE_MESSAGE : ''}
      </span>
      {calendar && (
        <Calendar value={parsed || null} onPick={(iso) => { update(isoToDateText(iso)); setTouched(true); setCalendar(false); document.getElementById(inputId)?.focus(); }}
          onClose={() => { setCalendar(false); document.getElementById(inputId)?.focus(); }} />
      )}
    </span>
  );
}

const WEEKDAYS = ['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'];

/** A month grid in Indonesian, Monday first; arrows move by day and week, PageUp/PageDown by month. */
function Calendar({ value, onPick, onClose }: { value: IsoDate | null; onPick(iso: IsoDate): void; onClose(): void }) {
  const today = useToday();
  const [focus, setFocus] = useState<IsoDate>(value ?? today);
  const grid = useRef<HTMLDivElement>(null);
  const parts = parseIsoDate(focus)!;
  const first = toIsoDate(parts.year, parts.month, 1);
  const offset = (weekday(first) + 6) % 7;
  const days = daysInMonth(parts.year, parts.month);
  useEffect(() => {
    grid.current?.querySelector<HTMLElement>(`[data-date="${focus}"]`)?.focus();
  }, [focus]);

  const move = (byDays: number, byMonths = 0) => {
    let { year, month, day } = parts;
    month += byMonths;
    while (month > 12) { month -= 12; year += 1; }
    while (month < 1) { month += 12; year -= 1; }
    day = Math.min(day, daysInMonth(year, month));
    const base = Date.UTC(year, month - 1, day) + byDays * 86_400_000;
    const d = new Date(base);
    setFocus(toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [-7, 0], ArrowDown: [7, 0], PageUp: [0, event.shiftKey ? -12 : -1], PageDown: [0, event.shiftKey ? 12 : 1],
    };
    if (event.key in moves) {
      event.preventDefault();
      move(...moves[event.key]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(focus);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      event.nativeEvent.stopImmediatePropagation();
      onClose();
    }
  };
  const cells: Array<IsoDate | null> = [...Array.from({ length: offset }, () => null), ...Array.from({ length: days }, (_, i) => toIsoDate(parts.year, parts.month, i + 1))];
  return (
    <div className="calendar" role="dialog" aria-label="Kalender" onKeyDown={onKeyDown}>
      <div className="calendar-head">
        <span>
          <button type="button" className="button button-small" aria-label="Tahun sebelumnya" onClick={() => move(0, -12)}>«</button>
          <button type="button" className="button button-small" aria-label="Bulan sebelumnya" onClick={() => move(0, -1)}>‹</button>
        </span>
        <span className="calendar-title" aria-live="polite">{MONTHS_ID[parts.month - 1]} {parts.year}</span>
        <span>
          <button type="button" className="button button-small" aria-label="Bulan berikutnya" onClick={() => move(0, 1)}>›</button>
          <button type="button" className="button button-small" aria-label="Tahun berikutnya" onClick={() => move(0, 12)}>»</button>
        </span>
      </div>
      <div className="calendar-grid" role="grid" ref={grid}>
        {WEEKDAYS.map((d) => <span key={d} className="calendar-weekday" role="columnheader">{d}</span>)}
        {cells.map((iso, i) => (iso ? (
          <button key={iso} type="button" role="gridcell" data-date={iso} tabIndex={iso === focus ? 0 : -1}
            aria-selected={iso === value} aria-label={formatDateId(iso)}
            className={`calendar-day${iso === value ? ' is-selected' : ''}${iso === today ? ' is-today' : ''}`}
            onClick={() => onPick(iso)}>{Number(iso.slice(8))}</button>
        ) : <span key={`blank-${i}`} />))}
      </div>
      <div className="calendar-foot">
        <button type="button" className="link-button" onClick={() => onPick(today)}>Hari ini</button>
        <button type="button" className="link-button" onClick={onClose}>Tutup</button>
      </div>
    </div>
  );
}

/** 0 = Sunday … 6 = Saturday, from the calendar arithmetic alone (no clock). */
function weekday(iso: IsoDate): number {
  const p = parseIsoDate(iso)!;
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}
