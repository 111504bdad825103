// Calendar dates as ISO strings ("YYYY-MM-DD"). Civil-service dates (TMT, birth dates) are calendar
// days, not instants: keeping them as strings avoids every timezone trap between main, renderer and SQLite.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Gregorian month length; arithmetic rather than a Date object (imports call this for every date cell). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1800 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** Parses "YYYY-MM-DD"; returns null for anything that is not a real calendar day. */
export function parseIsoDate(value: string): DateParts | null {
  if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const year = digits(value, 0, 4);
    const month = digits(value, 5, 7);
    const day = digits(value, 8, 10);
    if (year >= 0 && month >= 0 && day >= 0) return isValidDateParts(year, month, day) ? { year, month, day } : null;
    return null;
  }
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDateParts(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's calendar date in the local timezone of the process (the office's clock). */
export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Adds whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const p = mustParse(date);
  const year = p.year + years;
  return toIsoDate(year, p.month, Math.min(p.day, daysInMonth(year, p.month)));
}

/** Adds whole months, clamping the day to the end of the target month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const p = mustParse(date);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return toIsoDate(year, month, Math.min(p.day, daysInMonth(year, month)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const p = mustParse(date);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Completed years between two dates (age on `to` for someone born on `from`). */
export function fullYearsBetween(from: IsoDate, to: IsoDate): number {
  const a = mustParse(from);
  const b = mustParse(to);
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years -= 1;
  return years;
}

/** Completed months between two dates. */
export function fullMonthsBetween(from: IsoDate, to: IsoDate): number {
  const a = mustParse(from);
  const b = mustParse(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < a.day) months -= 1;
  return months;
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mustParse(date: IsoDate): DateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Bukan tanggal ISO yang valid: ${date}`);
  return parts;
}

// ---------------------------------------------------------------------------------------------------------
// Dates as they arrive in imported files (SIASN exports, office spreadsheets). Each accepted spelling belongs
// to a family, so an importer can notice a column that mixes them (a classic sign of Excel having swapped
// day and month in some cells).

export type DateFamily = 'iso' | 'day-first' | 'month-name' | 'excel-serial';

export const DATE_FAMILY_LABELS: Record<DateFamily, string> = {
  iso: 'tttt-bb-hh',
  'day-first': 'hh-bb-tttt / hh/bb/tttt',
  'month-name': 'tanggal dengan nama bulan (12 Maret 1985)',
  'excel-serial': 'tanggal Excel (angka seri)',
};

export type DateTextResult =
  | { ok: true; iso: IsoDate; family: DateFamily }
  | { ok: false; reason: 'format' | 'impossible' | 'two_digit_year' };

const MONTH_NAMES: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, pebruari: 2, peb: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, ags: 8, agust: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nop: 11, nopember: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

/** Day 1 of Excel's 1900 date system is serial 1; serials from 61 on are days after 1899-12-30 (Excel counts
 *  the non-existent 29 February 1900 as serial 60, so earlier serials are not supported). */
export function excelSerialToIsoDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Reads the date spellings seen in the field: "1985-03-12", "12-03-1985", "12/03/1985", "12.03.1985",
 * "12 Maret 1985", "12-Mar-1985", and an Excel serial written as text ("31118"). A time part
 * ("1985-03-12 00:00:00") is ignored. Day-first, never month-first: Indonesian files write the day first.
 * Two-digit years are refused rather than guessed.
 */
export function parseDateText(input: string): DateTextResult {
  // Fast path for the two spellings that fill whole SIASN columns (an import reads hundreds of thousands).
  if (input.length === 10) {
    const c2 = input.charCodeAt(2);
    const c4 = input.charCodeAt(4);
    if (c2 === 45 && input.charCodeAt(5) === 45) {
      const day = digits(input, 0, 2);
      const month = digits(input, 3, 5);
      const year = digits(input, 6, 10);
      if (day >= 0 && month >= 0 && year >= 0) return checked(year, month, day, 'day-first');
    } else if (c4 === 45 && input.charCodeAt(7) === 45) {
      const year = digits(input, 0, 4);
      const month = digits(input, 5, 7);
      const day = digits(input, 8, 10);
      if (day >= 0 && month >= 0 && year >= 0) return checked(year, month, day, 'iso');
    }
  }
  const text = input.trim().replace(/[T ]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '').trim();
  if (text === '') return { ok: false, reason: 'format' };
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]), 'iso');
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(text);
  if (match) {
    if (match[3].length === 2) return { ok: false, reason: 'two_digit_year' };
    return checked(Number(match[3]), Number(match[2]), Number(match[1]), 'day-first');
  }
  match = /^(\d{1,2})[\s\-/.]+([A-Za-z]+)\.?[\s\-/.,]+(\d{2}|\d{4})$/.exec(text);
  if (match) {
    const month = MONTH_NAMES[match[2].toLowerCase()];
    if (!month) return { ok: false, reason: 'format' };
    if (match[3].length === 2) return { ok: false, reason: 'two_digit_year' };
    return checked(Number(match[3]), month, Number(match[1]), 'month-name');
  }
  if (/^\d{5}(?:\.\d+)?$/.test(text)) {
    const iso = excelSerialToIsoDate(Number(text));
    return iso ? { ok: true, iso, family: 'excel-serial' } : { ok: false, reason: 'impossible' };
  }
  return { ok: false, reason: 'format' };
}

/** The number written by the ASCII digits text[from..to), or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function checked(year: number, month: number, day: number, family: DateFamily): DateTextResult {
  if (!isValidDateParts(year, month, day)) return { ok: false, reason: 'impossible' };
  return { ok: true, iso: toIsoDate(year, month, day), family };
}
