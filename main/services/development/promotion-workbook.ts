// The usulan kenaikan pangkat reguler as HR sends it: a nominative list (daftar nominatif) with the old and new
// pangkat, masa kerja, education, position, unit and the two SKP predikat, laid out for landscape printing with
// a two-row header repeated on every page and a signature block; the blocked candidates with their reasons (and
// the kind of KP) on a second sheet; the eligible for KP pilihan of structural officials and penyesuaian ijazah,
// with the rule that makes them eligible, on a third. The workbook carries no letterhead. Written with exceljs' streaming writer (the in-memory
// workbook costs about eight times the memory): each data row is committed as soon as it is styled.

import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { parseIsoDate } from '../../../shared/domain/dates';
import { PROMOTION_BLOCK_REASONS } from '../../../shared/domain/development';
import { educationLabel } from '../../../shared/domain/education';
import { golonganByCode } from '../../../shared/domain/golongan';
import { formatDateId, formatNumberId } from '../../../shared/format/id-format';
import { PROMOTION_KIND_LABELS, type PromotionRow } from '../../../shared/schemas/careers';
import { safeRowValues } from '../../security/spreadsheet-formula';

const thin = { style: 'thin' as const, color: { argb: 'FF7F8C99' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function excelDate(iso: string | null): Date | null {
  const p = iso ? parseIsoDate(iso) : null;
  return p ? new Date(Date.UTC(p.year, p.month - 1, p.day)) : null;
}

function pangkat(code: number): string {
  const g = golonganByCode(code);
  return g ? `${g.pangkat}, ${g.label}` : '';
}

export async function buildPromotionWorkbook(input: {
  period: string;
  skpYears: [number, number];
  unitName: string | null;
  rows: PromotionRow[];
  generatedOn: string;
  /** "Dicetak oleh … pada … pukul …": the last line of the first sheet and the page footer of both. */
  printedBy?: string | null;
}): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Jenjang';
  workbook.created = new Date(`${input.generatedOn}T00:00:00`);
  const eligible = input.rows.filter((r) => r.status === 'eligible' && r.kind === 'reguler');
  const eligibleChoice = input.rows.filter((r) => r.status === 'eligible' && r.kind !== 'reguler');
  const blocked = input.rows.filter((r) => r.status === 'blocked');
  const periodText = formatDateId(input.period).toUpperCase();
  const [y1, y2] = input.skpYears;

  // Sheet 1: the nominative list of those who meet the requirements -----------------------------------------
  const footer = input.printedBy ? { headerFooter: { oddFooter: `&L${input.printedBy.replace(/&/g, '&&')}&RHalaman &P dari &N` } } : {};
  const sheet = workbook.addWorksheet('Usulan KP Reguler', {
    ...footer,
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 } },
    views: [{ state: 'frozen', ySplit: 7, xSplit: 3 }],
  });
  const lastColumn = 18;
  const title = (row: number, text: string, size = 12, bold = true) => {
    sheet.mergeCells(row, 1, row, lastColumn);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { bold, size };
    cell.alignment = { horizontal: 'center' };
  };
  title(1, 'DAFTAR NOMINATIF PNS YANG DIUSULKAN KENAIKAN PANGKAT REGULER', 13);
  title(2, `PERIODE ${periodText}`);
  title(3, `Unit kerja: ${input.unitName ?? 'seluruh perangkat daerah'}`, 11, false);
  title(4, `Syarat (PP 99/2000 Pasal 7): paling singkat 4 tahun dalam pangkat terakhir pada TMT, predikat SKP tahunan ${y1} dan ${y2} paling rendah Baik, tidak melebihi pangkat tertinggi KP reguler untuk pendidikannya (Dokter Spesialis I dari III/b ke III/c: 2 tahun), dan tidak sedang menjalani hukuman disiplin pada TMT.`, 9, false);
  sheet.getRow(4).height = 26;
  sheet.getCell(4, 1).alignment = { horizontal: 'center', wrapText: true };

  const groups: Array<[string, number, number]> = [
    ['No', 1, 1], ['NIP', 2, 2], ['Nama', 3, 3], ['Tempat, Tanggal Lahir', 4, 4], ['Pangkat/Gol. Ruang Lama', 5, 6],
    ['Pangkat/Gol. Ruang Baru', 7, 8], ['Masa Kerja Golongan', 9, 10], ['Pendidikan Terakhir', 11, 13], ['Jabatan', 14, 14],
    ['Unit Kerja', 15, 15], ['Predikat SKP', 16, 17], ['Keterangan', 18, 18],
  ];
  const sub: Record<number, string> = { 5: 'Pangkat, Gol/Ruang', 6: 'TMT', 7: 'Pangkat, Gol/Ruang', 8: 'TMT', 9: 'Thn', 10: 'Bln', 11: 'Tingkat', 12: 'Jurusan', 13: 'Lulus', 16: String(y1), 17: String(y2) };
  for (const [label, from, to] of groups) {
    if (from === to && sub[from] === undefined) sheet.mergeCells(6, from, 7, to);
    else sheet.mergeCells(6, from, 6, to);
    sheet.getCell(6, from).value = label;
  }
  for (const [column, label] of Object.entries(sub)) sheet.getCell(7, Number(column)).value = label;
  for (const r of [6, 7]) {
    for (let c = 1; c <= lastColumn; c++) {
      const cell = sheet.getCell(r, c);
      cell.font = { bold: true, size: 10 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF2' } };
      cell.border = border;
    }
  }
  // Column numbers under the header, as on printed forms.
  const numbering = sheet.getRow(8);
  for (let c = 1; c <= lastColumn; c++) {
    const cell = numbering.getCell(c);
    cell.value = c;
    cell.font = { italic: true, size: 8, color: { argb: 'FF555555' } };
    cell.alignment = { horizontal: 'center' };
    cell.border = border;
  }
  const widths = [5, 21, 30, 24, 24, 11, 24, 11, 6, 6, 9, 22, 7, 32, 32, 13, 13, 34];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (const c of [6, 8]) sheet.getColumn(c).numFmt = 'dd-mm-yyyy';
  sheet.pageSetup.printTitlesRow = '6:7';
  numbering.commit();

  eligible.forEach((r, index) => {
    const row = sheet.addRow(safeRowValues([
      index + 1, r.nip, r.name, [r.birthPlace, formatDateId(r.birthDate)].filter(Boolean).join(', '),
      pangkat(r.golongan), excelDate(r.golonganTmt), pangkat(r.targetGolongan), excelDate(input.period),
      r.service?.years ?? null, r.service?.months ?? null, educationLabel(r.educationLevel) || r.educationLevel, r.educationMajor, r.educationYear,
      r.positionName, [r.unitName, r.opdName && r.opdName !== r.unitName ? r.opdName : null].filter(Boolean).join(', '),
      r.skp[0]?.label ?? '', r.skp[1]?.label ?? '', r.notes.join(' '),
    ]));
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > lastColumn) return;
      cell.border = border;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: [1, 6, 8, 9, 10, 13, 16, 17].includes(col) ? 'center' : 'left' };
      cell.font = { size: 10 };
    });
    // NIP stays text: 18 digits do not survive as an Excel number.
    row.getCell(2).numFmt = '@';
    row.commit();
  });
  if (eligible.length === 0) {
    const row = sheet.addRow(['Tidak ada PNS yang memenuhi syarat pada periode ini.']);
    sheet.mergeCells(row.number, 1, row.number, lastColumn);
    row.commit();
  }
  // The streaming writer keeps no row count: the data end after the 8 header rows.
  const after = 8 + Math.max(1, eligible.length) + 2;
  sheet.getCell(after, 1).value = `Jumlah: ${formatNumberId(eligible.length)} orang. Masa kerja dihitung dari TMT CPNS tanpa peninjauan masa kerja. Pangkat atasan langsung tidak membatasi KP reguler (Peraturan BKN 2/2025); angka kredit jabatan fungsional belum diperiksa.`;
  sheet.getCell(after, 1).font = { italic: true, size: 9 };
  sheet.getCell(after + 2, 15).value = `………………, ${formatDateId(input.generatedOn)}`;
  sheet.getCell(after + 3, 15).value = 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia';
  sheet.getCell(after + 7, 15).value = '( ................................................ )';
  sheet.getCell(after + 8, 15).value = 'NIP. ................................................';
  if (input.printedBy) {
    sheet.getCell(after + 10, 1).value = input.printedBy;
    sheet.getCell(after + 10, 1).font = { italic: true, size: 9, color: { argb: 'FF777777' } };
  }
  sheet.commit();

  // Sheet 2: candidates by years in rank who are blocked, with every reason ------------------------------------
  const second = workbook.addWorksheet('Belum memenuhi syarat', {
    ...footer,
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 4 }],
  });
  second.mergeCells(1, 1, 1, 11);
  second.getCell(1, 1).value = `PNS DENGAN MASA 4 TAHUN DALAM PANGKAT YANG BELUM MEMENUHI SYARAT KP REGULER PERIODE ${periodText}`;
  second.getCell(1, 1).font = { bold: true, size: 12 };
  second.mergeCells(2, 1, 2, 11);
  second.getCell(2, 1).value = `Alasan: ${PROMOTION_BLOCK_REASONS.map((r) => r.label).join(' · ')}`;
  second.getCell(2, 1).font = { italic: true, size: 9 };
  const header = second.getRow(4);
  header.values = ['No', 'NIP', 'Nama', 'Pangkat, Gol/Ruang', 'TMT Golongan', 'Pendidikan', 'Jabatan', 'Unit Kerja', `SKP ${y1}`, `SKP ${y2}`, 'Alasan belum memenuhi syarat'];
  header.eachCell((cell) => {
    cell.font = { bold: true, size: 10 };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF2' } };
    cell.border = border;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  [5, 21, 30, 24, 12, 10, 32, 32, 13, 13, 60].forEach((w, i) => (second.getColumn(i + 1).width = w));
  second.getColumn(5).numFmt = 'dd-mm-yyyy';
  second.pageSetup.printTitlesRow = '4:4';
  header.commit();
  blocked.forEach((r, index) => {
    const row = second.addRow(safeRowValues([
      index + 1, r.nip, r.name, pangkat(r.golongan), excelDate(r.golonganTmt), educationLabel(r.educationLevel) || r.educationLevel, r.positionName,
      r.unitName, r.skp[0]?.label ?? '', r.skp[1]?.label ?? '',
      `${r.kind !== 'reguler' ? `${PROMOTION_KIND_LABELS[r.kind]}. ` : ''}${r.missingDataOnly ? 'Terhalang data belum lengkap: ' : ''}${r.reasons.map((x) => x.message).join('; ')}`,
    ]));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.font = { size: 10 };
    });
    row.getCell(2).numFmt = '@';
    row.commit();
  });
  second.commit();

  // Sheet 3: KP pilihan of structural officials and penyesuaian ijazah, each with the rule that makes them eligible.
  const third = workbook.addWorksheet('Usulan KP Pilihan', {
    ...footer,
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 4 }],
  });
  third.mergeCells(1, 1, 1, 10);
  third.getCell(1, 1).value = `DAFTAR NOMINATIF PNS YANG DIUSULKAN KENAIKAN PANGKAT PILIHAN DAN PENYESUAIAN IJAZAH PERIODE ${periodText}`;
  third.getCell(1, 1).font = { bold: true, size: 12 };
  third.mergeCells(2, 1, 2, 10);
  third.getCell(2, 1).value = `Unit kerja: ${input.unitName ?? 'seluruh perangkat daerah'}`;
  const choiceHeader = third.getRow(4);
  choiceHeader.values = ['No', 'NIP', 'Nama', 'Pangkat/Gol. Ruang Lama', 'TMT Golongan', 'Pangkat/Gol. Ruang Baru', 'Jenis KP', 'Dasar', 'Jabatan', 'Unit Kerja'];
  choiceHeader.eachCell((cell) => {
    cell.font = { bold: true, size: 10 };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF2' } };
    cell.border = border;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  [5, 21, 30, 24, 12, 24, 22, 50, 32, 32].forEach((w, i) => (third.getColumn(i + 1).width = w));
  third.getColumn(5).numFmt = 'dd-mm-yyyy';
  third.pageSetup.printTitlesRow = '4:4';
  choiceHeader.commit();
  eligibleChoice.forEach((r, index) => {
    const row = third.addRow(safeRowValues([
      index + 1, r.nip, r.name, pangkat(r.golongan), excelDate(r.golonganTmt), pangkat(r.targetGolongan), PROMOTION_KIND_LABELS[r.kind], r.basis, r.positionName,
      [r.unitName, r.opdName && r.opdName !== r.unitName ? r.opdName : null].filter(Boolean).join(', '),
    ]));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.font = { size: 10 };
    });
    row.getCell(2).numFmt = '@';
    row.commit();
  });
  if (eligibleChoice.length === 0) {
    const row = third.addRow(['Tidak ada PNS yang memenuhi syarat KP pilihan atau penyesuaian ijazah pada periode ini.']);
    third.mergeCells(row.number, 1, row.number, 10);
    row.commit();
  }
  third.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
