// The sizes an import file may have. Each is checked while the file is read, so an oversized or hostile file is
// refused early with one Indonesian message, before it can take the process's memory or minutes of CPU. The
// README's "Batas dan keamanan" lists the same figures.

import { AppError } from '../../shared/errors';
import { formatNumberId } from '../../shared/format/id-format';

export const IMPORT_LIMITS = {
  /** Bytes of the file itself (decimal 200 MB); also the largest upload. */
  fileBytes: 200_000_000,
  /** Excel's own rows per sheet (header and title rows included). */
  rows: 1_048_576,
  /** Excel's own columns per sheet (A … XFD). */
  columns: 16_384,
  /** Excel's own characters per cell. */
  cellChars: 32_767,
  /** Characters of one CSV record (a line, or several when a quoted cell holds line breaks). */
  recordChars: 2_000_000,
  /** Characters of one worksheet row as XML (its cells with their markup). */
  rowXmlChars: 32_000_000,
  /** Bytes of one worksheet once decompressed (a 50,000-row SIASN sheet is about 130 MB). */
  sheetXmlBytes: 2_000_000_000,
  /** Bytes of the shared-strings part once decompressed; its strings are held in memory while the sheet is read. */
  sharedStringsBytes: 100_000_000,
  /** Bytes of the small workbook parts (sheet list, relationships) once decompressed. */
  smallPartBytes: 4_000_000,
  /** Entries of an XLSX container (a workbook has a few dozen). */
  zipEntries: 10_000,
} as const;

/** A file refused as a whole because it passes one of the limits above. */
export function limitError(message: string, limit: keyof typeof IMPORT_LIMITS): AppError {
  return new AppError('validation', message, { rejectedFile: true, limit });
}

export const mb = (bytes: number) => `${formatNumberId(bytes / 1_000_000, 0)} MB`;
