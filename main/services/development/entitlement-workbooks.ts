// The usulan workbooks of the entitlement lists, laid out as HR sends them: a nominative list (daftar nominatif)
// with a two-row title, a header repeated on every printed page and a signature block; the blocked with their
// reasons on a second sheet. The KGB usulan is grouped per unit (perangkat daerah), each group numbered from 1.
// The lists are a few months' or one year's due (thousands of rows at most), so the in-memory workbook is used.

import ExcelJS from 'exceljs';
import { parseIsoDate } from '../../../shared/domain/dates';
import { golonganByCode } from '../../../shared/domain/golongan';
import { formatDateId, formatNumberId, formatYearMonthId } from '../../../shared/format/id-format';
import type { KgbRow, SatyalancanaRow } from '../../../shared/schemas/careers';
import { safeRowValues } from '../../security/spreadsheet-formula';
import { collator } from './common';

const thin = { style: 'thin' as const, color: { argb: 'FF7F8C99' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function excelDate(iso: string | null): Date | null {
  const p = iso ? parseIsoDate(iso) : null;
  return p ? new Date(Date.UTC(p.year, p.month - 1, p.day)) : null;
}

function pangkat(code: number | null): string {
  const g = golonganByCode(code);
  return g ? `${g.pangkat}, ${g.label}` : '';
}

function newWorkbook(generatedOn: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jenjang';
  workbook.created = new Date(`${generatedOn}T00:00:00`);
  return workbook;
}

interface SheetLayout {
  title: string[];
  headers: string[];
  widths: number[];
  /** Columns (1-based) holding dates, shown dd-mm-yyyy. */
  dateColumns: number[];
  printedBy: string | null;
}

/** A landscape sheet with the title lines, the header row (repeated when printed) and the footer. */
function addListSheet(workbook: ExcelJS.Workbook, name: string, layout: SheetLayout): ExcelJS.Worksheet {
  const footer = layout.printedBy ? { headerFooter: { oddFooter: `&L${layout.printedBy.replace(/&/g, '&&')}&RHalaman &P dari &N` } } : {};
  const headerRow = layout.title.length + 2;
  const sheet = workbook.addWorksheet(name, {
    ...footer,
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  const last = layout.headers.length;
  layout.title.forEach((text, i) => {
    sheet.mergeCells(i + 1, 1, i + 1, last);
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { bold: i < 2, size: i === 0 ? 13 : 11 };
    cell.alignment = { horizontal: 'center', wrapText: true };
  });
  const header = sheet.getRow(headerRow);
  header.values = layout.headers;
  header.eachCell((cell) => {
    cell.font = { bold: true, size: 10 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF2' } };
    cell.border = border;
  });
  layout.widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (const c of layout.dateColumns) sheet.getColumn(c).numFmt = 'dd-mm-yyyy';
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  return sheet;
}

function addDataRow(sheet: ExcelJS.Worksheet, values: ExcelJS.CellValue[], textColumns: number[] = [2]): void {
  const row = sheet.addRow(safeRowValues(values));
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = border;
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.font = { size: 10 };
  });
  // NIP stays text: 18 digits do not survive as an Excel number.
  for (const c of textColumns) row.getCell(c).numFmt = '@';
}

function addSignature(sheet: ExcelJS.Worksheet, column: number, generatedOn: string, printedBy: string | null, note: string): void {
  const after = sheet.rowCount + 2;
  sheet.getCell(after, 1).value = note;
  sheet.getCell(after, 1).font = { italic: true, size: 9 };
  sheet.getCell(after + 2, column).value = `………………, ${formatDateId(generatedOn)}`;
  sheet.getCell(after + 3, column).value = 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia';
  sheet.getCell(after + 7, column).value = '( ................................................ )';
  sheet.getCell(after + 8, column).value = 'NIP. ................................................';
  if (printedBy) {
    sheet.getCell(after + 10, 1).value = printedBy;
    sheet.getCell(after + 10, 1).font = { italic: true, size: 9, color: { argb: 'FF777777' } };
  }
}

export function kgbPeriodText(fromMonth: string, toMonth: string): string {
  return fromMonth === toMonth ? formatYearMonthId(fromMonth) : `${formatYearMonthId(fromMonth)} s.d. ${formatYearMonthId(toMonth)}`;
}

/** The perangkat daerah a row belongs to, as the usulan groups it. */
const opdOf = (r: { opdName: string | null; unitName: string | null }) => r.opdName ?? r.unitName ?? 'Tanpa unit kerja';

export async function buildKgbWorkbook(input: { fromMonth: string; toMonth: string; unitName: string | null; rows: KgbRow[]; generatedOn: string; printedBy?: string | null }): Promise<Buffer> {
  const workbook = newWorkbook(input.generatedOn);
  const period = kgbPeriodText(input.fromMonth, input.toMonth).toUpperCase();
  const due = input.rows.filter((r) => r.status === 'due');
  const blocked = input.rows.filter((r) => r.status === 'blocked');
  const sheet = addListSheet(workbook, 'Usulan KGB', {
    title: ['DAFTAR NOMINATIF PNS YANG DIUSULKAN KENAIKAN GAJI BERKALA', `BULAN ${period}`, `Unit kerja: ${input.unitName ?? 'seluruh perangkat daerah'}`],
    headers: ['No', 'NIP', 'Nama', 'Pangkat, Gol/Ruang', 'Dasar (SK terakhir)', 'TMT dasar', 'MKG dasar', 'TMT KGB', 'MKG baru (tahun)', 'Jabatan', 'Unit Kerja', 'Keterangan'],
    widths: [5, 21, 30, 24, 22, 12, 12, 12, 10, 32, 32, 30],
    dateColumns: [6, 8],
    printedBy: input.printedBy ?? null,
  });
  // Grouped per perangkat daerah, in Indonesian alphabetical order; inside a group by TMT KGB.
  const groups = new Map<string, KgbRow[]>();
  for (const r of due) {
    const key = opdOf(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const opd of [...groups.keys()].sort(collator.compare)) {
    const heading = sheet.addRow(safeRowValues([opd]));
    sheet.mergeCells(heading.number, 1, heading.number, 12);
    heading.getCell(1).font = { bold: true, size: 10 };
    groups.get(opd)!.forEach((r, index) => addDataRow(sheet, [
      index + 1, r.nip, r.name, pangkat(r.golongan), r.basisSource === 'kp' ? 'SK kenaikan pangkat' : 'Pemberitahuan KGB', excelDate(r.basisTmt),
      `${r.basisMkgYears} th ${r.basisMkgMonths} bl`, excelDate(r.dueDate), r.mkgYearsAtDue, r.positionName, r.unitName, '',
    ]));
  }
  if (due.length === 0) {
    const row = sheet.addRow(['Tidak ada PNS yang jatuh tempo KGB pada bulan ini.']);
    sheet.mergeCells(row.number, 1, row.number, 12);
  }
  addSignature(sheet, 10, input.generatedOn, input.printedBy ?? null,
    `Jumlah: ${formatNumberId(due.length)} orang. KGB dihitung dari masa kerja golongan dan TMT SK kenaikan pangkat atau pemberitahuan KGB terakhir; gaji pokok baru mengikuti tabel gaji yang berlaku.`);

  const second = addListSheet(workbook, 'Belum memenuhi syarat', {
    title: [`PNS YANG JATUH TEMPO KGB BULAN ${period} NAMUN BELUM MEMENUHI SYARAT`, 'Syarat: penilaian kinerja tahunan terakhir paling rendah sesuai Pengaturan'],
    headers: ['No', 'NIP', 'Nama', 'Pangkat, Gol/Ruang', 'TMT KGB', 'Unit Kerja', 'Alasan'],
    widths: [5, 21, 30, 24, 12, 32, 50],
    dateColumns: [5],
    printedBy: input.printedBy ?? null,
  });
  blocked.forEach((r, index) => addDataRow(second, [index + 1, r.nip, r.name, pangkat(r.golongan), excelDate(r.dueDate), r.unitName, r.reasons.join('; ')]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function buildSatyalancanaWorkbook(input: { year: number; unitName: string | null; rows: SatyalancanaRow[]; generatedOn: string; printedBy?: string | null }): Promise<Buffer> {
  const workbook = newWorkbook(input.generatedOn);
  const eligible = input.rows.filter((r) => r.status === 'eligible');
  const blocked = input.rows.filter((r) => r.status === 'blocked');
  const sheet = addListSheet(workbook, 'Usulan Satyalancana', {
    title: ['DAFTAR NOMINATIF PNS YANG DIUSULKAN TANDA KEHORMATAN SATYALANCANA KARYA SATYA', `TAHUN ${input.year}`, `Unit kerja: ${input.unitName ?? 'seluruh perangkat daerah'}`],
    headers: ['No', 'NIP', 'Nama', 'Pangkat, Gol/Ruang', 'TMT CPNS', 'Masa kerja tercapai', 'Tanda kehormatan', 'Diusulkan bersama', 'Jabatan', 'Unit Kerja'],
    widths: [5, 21, 30, 24, 12, 14, 34, 14, 32, 32],
    dateColumns: [5, 6],
    printedBy: input.printedBy ?? null,
  });
  eligible.forEach((r, index) => addDataRow(sheet, [
    index + 1, r.nip, r.name, pangkat(r.golongan), excelDate(r.cpnsTmt), excelDate(r.reachedOn), r.classLabel,
    r.proposeWith ? `Satyalancana Karya Satya ${r.proposeWith} Tahun` : '', r.positionName, [r.unitName, r.opdName && r.opdName !== r.unitName ? r.opdName : null].filter(Boolean).join(', '),
  ]));
  if (eligible.length === 0) {
    const row = sheet.addRow([`Tidak ada PNS yang mencapai masa kerja 10, 20 atau 30 tahun pada tahun ${input.year}.`]);
    sheet.mergeCells(row.number, 1, row.number, 10);
  }
  addSignature(sheet, 9, input.generatedOn, input.printedBy ?? null,
    `Jumlah: ${formatNumberId(eligible.length)} orang. Masa kerja dihitung dari TMT CPNS secara terus-menerus; yang pernah menjalani hukuman disiplin sedang atau berat atau cuti di luar tanggungan negara dalam masa itu tercantum di lembar kedua.`);
  const second = addListSheet(workbook, 'Terhalang', {
    title: [`PNS YANG MENCAPAI MASA KERJA PADA TAHUN ${input.year} NAMUN TERHALANG`, 'Hukuman disiplin sedang/berat atau cuti di luar tanggungan negara dalam masa kerja yang dihitung'],
    headers: ['No', 'NIP', 'Nama', 'Pangkat, Gol/Ruang', 'TMT CPNS', 'Tanda kehormatan', 'Unit Kerja', 'Alasan'],
    widths: [5, 21, 30, 24, 12, 34, 32, 50],
    dateColumns: [5],
    printedBy: input.printedBy ?? null,
  });
  blocked.forEach((r, index) => addDataRow(second, [index + 1, r.nip, r.name, pangkat(r.golongan), excelDate(r.cpnsTmt), r.classLabel, r.unitName, r.reasons.join('; ')]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
