// Formula injection in exported workbooks (OWASP, "CSV Injection"). A text cell that starts with =, +, -, @, a tab
// or a carriage return is harmless as written, but the moment a user edits it (F2, Enter) Excel reads it as a
// formula: =HYPERLINK(…) in an employee's name becomes a live link, =cmd|… a command. Every workbook Jenjang writes
// passes its text through here and gets the OWASP prefix, an apostrophe, on such cells.
//
// The apostrophe is also what a user types in Excel to say "this is text", so the import reads it back off
// (withoutFormulaGuard): a rejected-rows workbook fixed and imported again keeps its values.

import type ExcelJS from 'exceljs';

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** "=HYPERLINK(…)" → "'=HYPERLINK(…)"; any other text unchanged. */
export function neutraliseFormulaText(text: string): string {
  return text.length > 0 && TRIGGERS.has(text[0]) ? `'${text}` : text;
}

/** A cell value as it may be written: text (and the first run of rich text) neutralised, anything else as is. */
export function safeCellValue<T extends ExcelJS.CellValue>(value: T): T {
  if (typeof value === 'string') return neutraliseFormulaText(value) as T;
  if (value && typeof value === 'object' && 'richText' in value && Array.isArray(value.richText) && value.richText.length > 0) {
    const [first, ...rest] = value.richText;
    return { ...value, richText: [{ ...first, text: neutraliseFormulaText(first.text) }, ...rest] } as T;
  }
  return value;
}

/** The values of a row about to be added (streaming writers, which never hold the whole workbook). */
export function safeRowValues(values: ExcelJS.CellValue[]): ExcelJS.CellValue[] {
  return values.map((value) => safeCellValue(value));
}

/** Every cell of an in-memory workbook, just before it is written. */
export function neutraliseWorkbook(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const safe = safeCellValue(cell.value);
        if (safe !== cell.value) cell.value = safe;
      });
    });
  });
}

/** Reading a cell of an imported file: the guard's apostrophe before a formula character is not data. */
export function withoutFormulaGuard(text: string): string {
  return text.length > 1 && text[0] === "'" && TRIGGERS.has(text[1]) ? text.slice(1) : text;
}
