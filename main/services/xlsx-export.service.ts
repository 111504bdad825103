// XLSX export of any on-screen table, so every chart's numbers can leave the app in the format HR works in.

import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { parseIsoDate } from '../../shared/domain/dates';
import type { exportTable } from '../../shared/ipc/channels/export.channels';
import { formatDateId } from '../../shared/format/id-format';
import { neutraliseWorkbook } from '../security/spreadsheet-formula';

type Table = z.output<typeof exportTable>;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function buildTableWorkbook(table: Table, generatedOn: string): Promise<Buffer> {
  return buildTablesWorkbook([table], generatedOn);
}

/** One sheet per table (a report's tables), in order; sheet names made unique as Excel requires. */
export async function buildTablesWorkbook(tables: readonly Table[], generatedOn: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jenjang';
  workbook.created = new Date(`${generatedOn}T00:00:00`);
  const used = new Set<string>();
  for (const table of tables) {
    let name = sheetName(table.title);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${sheetName(table.title).slice(0, 27)} (${n})`;
    used.add(name.toLowerCase());
    addTableSheet(workbook, table, name, generatedOn);
  }
  neutraliseWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTableSheet(workbook: ExcelJS.Workbook, table: Table, name: string, generatedOn: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: table.subtitle.length + 3 }] });

  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  for (const line of table.subtitle) sheet.addRow([line]).font = { italic: true, color: { argb: 'FF555555' } };
  sheet.addRow([`Dibuat dengan Jenjang, ${formatDateId(generatedOn)}`]).font = { size: 9, color: { argb: 'FF777777' } };

  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF2' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA5B1' } } };
  });

  for (const row of table.rows) {
    sheet.addRow(table.columns.map((column) => cellValue(row[column.key] ?? null, column.type)));
  }
  table.columns.forEach((column, index) => {
    const excelColumn = sheet.getColumn(index + 1);
    excelColumn.width = column.width ?? Math.min(60, Math.max(10, column.header.length + 2));
    if (column.type === 'integer') excelColumn.numFmt = '#,##0';
    if (column.type === 'number') excelColumn.numFmt = '#,##0.0#';
    if (column.type === 'percent') excelColumn.numFmt = '0.0"%"';
    if (column.type === 'date') excelColumn.numFmt = 'dd/mm/yyyy';
  });
}

function cellValue(value: string | number | null, type: Table['columns'][number]['type']): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (type === 'date' && typeof value === 'string') {
    const parts = parseIsoDate(value.slice(0, 10));
    // A true Excel date (UTC midnight), so sorting and filtering work in the office's spreadsheet.
    return parts ? new Date(Date.UTC(parts.year, parts.month - 1, parts.day)) : value;
  }
  if ((type === 'number' || type === 'integer' || type === 'percent') && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    return Number(value);
  }
  return value;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Data';
}

export function fileNameFor(title: string, date: string, extension = 'xlsx'): string {
  const base = title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60) || 'jenjang';
  return `${base}-${date}.${extension}`;
}
