import type { ImportKind } from '../../shared/domain/import-fields';

/** A cell as a reader delivers it: CSV cells are always strings; XLSX cells keep their type (a NIP stored as a
 *  number stays a number, so it can be caught). Dates in XLSX arrive as Excel serial numbers. */
export type CellValue = string | number | boolean | null;

/** One row of the file with its number: the line in a CSV (header = 1), the sheet row in an XLSX. */
export interface RawRow {
  row: number;
  cells: CellValue[];
}

export type Severity = 'error' | 'warning';

export interface ImportIssue {
  row: number;
  /** The column header as written in the file; null for a row- or file-level problem. */
  column: string | null;
  value: string | null;
  severity: Severity;
  message: string;
}

export interface ColumnMapping {
  /** 0-based position in the row. */
  index: number;
  header: string;
  normalised: string;
  /** Field of the kind this column fills; null = ignored. */
  field: string | null;
  /** A header Jenjang knows for this kind (even when it does not store it). */
  known: boolean;
}

export interface SheetSummary {
  name: string;
  /** The kind its header looks like, when one was recognised. */
  detectedKind: ImportKind | null;
}
