// Reading one row's fields through the column mapping, with issues recorded against the file's own header
// names and row numbers. Date columns remember which spelling family each value used, so a column mixing
// them (Excel having converted some cells) is caught once the whole file has been read.

import { DATE_FAMILY_LABELS, parseDateText, excelSerialToIsoDate, type DateFamily, type IsoDate } from '../../shared/domain/dates';
import { parseNumberId } from '../../shared/format/id-format';
import { withoutFormulaGuard } from '../security/spreadsheet-formula';
import type { CellValue, ColumnMapping, ImportIssue, RawRow, Severity } from './types';

/** A copy that does not share memory with the text it was cut from (see RowReader.keptText). */
export function ownString(text: string): string {
  return text.length >= 13 ? (JSON.parse(JSON.stringify(text)) as string) : text;
}

/**
 * `parse(text)` remembered per distinct cell text: a snapshot repeats the same few hundred golongan, education and
 * kedudukan spellings on every row, and the parsers behind them (regular expressions, upper-casing) cost more than
 * a lookup. Only for pure parsers; the cache stops growing at `limit` entries (a file of all-different values
 * parses each one, as before), and keeps its keys as their own strings so no chunk of the file stays alive.
 */
export function memoParser<T>(parse: (text: string) => T, limit = 4_096): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const known = cache.get(text);
    if (known !== undefined || cache.has(text)) return known as T;
    const value = parse(text);
    if (cache.size < limit) cache.set(ownString(text), value);
    return value;
  };
}

export class IssueLog {
  readonly issues: ImportIssue[] = [];
  /** Rows with at least one error: they are not written. */
  readonly rejectedRows = new Set<number>();
  readonly warnedRows = new Set<number>();

  add(row: number, column: string | null, value: CellValue | undefined, severity: Severity, message: string): void {
    this.issues.push({ row, column, value: value === undefined || value === null || value === '' ? null : String(value).slice(0, 500), severity, message });
    if (severity === 'error') this.rejectedRows.add(row);
    else this.warnedRows.add(row);
  }

  /** A copy to add planning issues to, leaving the reading issues as they were (plans can be redone). */
  clone(): IssueLog {
    const copy = new IssueLog();
    copy.issues.push(...this.issues);
    for (const row of this.rejectedRows) copy.rejectedRows.add(row);
    for (const row of this.warnedRows) copy.warnedRows.add(row);
    return copy;
  }

  sorted(): ImportIssue[] {
    return [...this.issues].sort((a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  }
}

/** The date spellings met in one column: rows per family, and (to quote them) the values of every family but
 *  the first one met, which is nearly always the file's format: no memory spent on 50,000 ordinary dates. */
interface DateColumn {
  first: DateFamily;
  rows: Map<DateFamily, number[]>;
  values: Map<DateFamily, CellValue[]>;
}

export class RowReader {
  private readonly byField = new Map<string, ColumnMapping>();
  private readonly dates = new Map<string, DateColumn>();
  private current: RawRow = { row: 0, cells: [] };

  constructor(mapping: ColumnMapping[], readonly log: IssueLog, readonly today: IsoDate) {
    for (const column of mapping) if (column.field && !this.byField.has(column.field)) this.byField.set(column.field, column);
  }

  /** Fields mapped to a column, e.g. for wide-form competency columns ("comp:M.01"). */
  fields(): string[] {
    return [...this.byField.keys()];
  }

  begin(row: RawRow): void {
    this.current = row;
  }

  get row(): number {
    return this.current.row;
  }

  has(field: string): boolean {
    return this.byField.has(field);
  }

  column(field: string): string | null {
    return this.byField.get(field)?.header ?? null;
  }

  raw(field: string): CellValue {
    const column = this.byField.get(field);
    if (!column) return null;
    const value = this.current.cells[column.index];
    return value === undefined ? null : value;
  }

  /** Trimmed text, or null when empty; the apostrophe an export puts before "=", "+", "-", "@" is not data. */
  text(field: string): string | null {
    const value = this.raw(field);
    if (value === null) return null;
    if (typeof value === 'number') return String(value);
    const text = withoutFormulaGuard(String(value).trim());
    return text === '' ? null : text;
  }

  /**
   * Text that the import keeps (names, NIPs, codes) as its own string. In V8 a substring of 13 or more
   * characters is a view into the text it was cut from ("sliced string"): one kept value would keep a whole
   * megabyte chunk of the file alive. Values only looked at (dates, codes parsed into numbers) need no copy.
   */
  keptText(field: string): string | null {
    const text = this.text(field);
    return text === null ? null : ownString(text);
  }

  error(field: string | null, message: string, value?: CellValue): void {
    this.log.add(this.row, field ? this.column(field) : null, value === undefined && field ? this.raw(field) : value, 'error', message);
  }

  warning(field: string | null, message: string, value?: CellValue): void {
    this.log.add(this.row, field ? this.column(field) : null, value === undefined && field ? this.raw(field) : value, 'warning', message);
  }

  get hasError(): boolean {
    return this.log.rejectedRows.has(this.row);
  }

  /** A calendar date in any accepted spelling (or an Excel serial); an error for anything else. */
  date(field: string, label: string): IsoDate | null {
    const value = this.raw(field);
    if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
    let iso: IsoDate | null = null;
    let family: DateFamily | null = null;
    if (typeof value === 'number') {
      iso = excelSerialToIsoDate(value);
      family = 'excel-serial';
      if (!iso) {
        this.error(field, `${label} "${value}" bukan tanggal yang valid.`);
        return null;
      }
    } else {
      const parsed = parseDateText(String(value));
      if (!parsed.ok) {
        const why = parsed.reason === 'impossible' ? 'tanggal itu tidak ada di kalender'
          : parsed.reason === 'two_digit_year' ? 'tahun harus ditulis 4 digit'
          : 'format tidak dikenal; gunakan hh-bb-tttt, hh/bb/tttt, tttt-bb-hh atau "12 Maret 1985"';
        this.error(field, `${label} "${String(value).trim()}" tidak dapat dibaca: ${why}.`);
        return null;
      }
      iso = parsed.iso;
      family = parsed.family;
    }
    let column = this.dates.get(field);
    if (!column) {
      column = { first: family, rows: new Map(), values: new Map() };
      this.dates.set(field, column);
    }
    const rows = column.rows.get(family);
    if (rows) rows.push(this.row);
    else column.rows.set(family, [this.row]);
    if (family !== column.first) {
      const values = column.values.get(family);
      if (values) values.push(value);
      else column.values.set(family, [value]);
    }
    return iso;
  }

  /** A number as Indonesian files write it; an error for anything else. */
  number(field: string, label: string, range?: { min: number; max: number; integer?: boolean }): number | null {
    const value = this.raw(field);
    if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
    const n = parseNumberId(typeof value === 'boolean' ? null : value);
    if (n === null) {
      this.error(field, `${label} "${String(value).trim()}" bukan angka.`);
      return null;
    }
    if (range && (n < range.min || n > range.max || (range.integer && !Number.isInteger(n)))) {
      this.error(field, `${label} ${String(value).trim()} di luar rentang ${range.min}–${range.max}${range.integer ? ' (bilangan bulat)' : ''}.`);
      return null;
    }
    return n;
  }

  /**
   * After the last row: a date column that mixes spelling families (say Excel serials and "dd-mm-yyyy" text)
   * is ambiguous, because Excel may have swapped day and month in the cells it converted. The rows in the
   * minority family are rejected; the majority family is taken as the file's format.
   */
  finishDates(labels: Record<string, string>): void {
    for (const [field, column] of this.dates) {
      if (column.rows.size < 2) continue;
      const [majority] = [...column.rows.entries()].sort((a, b) => b[1].length - a[1].length)[0];
      const header = this.column(field);
      for (const [family, rows] of column.rows) {
        if (family === majority) continue;
        const values = column.values.get(family);
        rows.forEach((row, i) => this.log.add(row, header, values?.[i] ?? null, 'error',
          `Format tanggal ${labels[field] ?? field} berbeda dari baris lain di kolom ini (sebagian besar ${DATE_FAMILY_LABELS[majority]}, baris ini ${DATE_FAMILY_LABELS[family]}); periksa apakah hari dan bulan tertukar, samakan formatnya, lalu impor baris ini lagi.`));
      }
    }
  }
}
