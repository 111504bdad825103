// The budget proposal of a plan scenario per perangkat daerah (usulan anggaran pengembangan kompetensi): one
// sheet with each OPD's ceiling, proposed cost and needs covered, one with every chosen activity (what it
// answers, classes, participants, JP, cost). Amounts are numbers in rupiah with Indonesian number formats.

import ExcelJS from 'exceljs';
import { formatRupiah } from '../../../shared/format/id-format';
import { neutraliseWorkbook } from '../../security/spreadsheet-formula';

export interface BudgetWorkbookInput {
  year: number;
  budget: number;
  scopeName: string | null;
  scenarioName: string;
  opds: ReadonlyArray<{ opdName: string; ceiling: number | null; cost: number; needsTotal: number; needsCovered: number }>;
  items: ReadonlyArray<{ opdName: string; title: string; modeLabel: string; needLabel: string; classes: number; participants: number; jp: number; cost: number }>;
  printedBy: string;
}

const RUPIAH = '"Rp"#,##0';
const COUNT = '#,##0';

export async function buildBudgetWorkbook(input: BudgetWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jenjang';
  const footer = { headerFooter: { oddFooter: `&L${input.printedBy.replace(/&/g, '&&')}&RHalaman &P dari &N` } };
  const title = `USULAN ANGGARAN PENGEMBANGAN KOMPETENSI TAHUN ${input.year}`;
  const subtitle = `${input.scopeName ?? 'Seluruh perangkat daerah'} · ${input.scenarioName} · anggaran ${formatRupiah(input.budget)}`;

  const summary = workbook.addWorksheet('Usulan per perangkat daerah', { ...footer, pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  summary.columns = [{ width: 6 }, { width: 48 }, { width: 20 }, { width: 20 }, { width: 16 }, { width: 16 }];
  summary.addRow([title]).font = { bold: true, size: 12 };
  summary.addRow([subtitle]);
  summary.addRow([]);
  const head = summary.addRow(['No', 'Perangkat daerah', 'Pagu', 'Usulan biaya', 'Kebutuhan', 'Terpenuhi']);
  head.font = { bold: true };
  input.opds.forEach((o, i) => {
    const row = summary.addRow([i + 1, o.opdName, o.ceiling, o.cost, o.needsTotal, o.needsCovered]);
    row.getCell(3).numFmt = RUPIAH;
    row.getCell(4).numFmt = RUPIAH;
    row.getCell(5).numFmt = COUNT;
    row.getCell(6).numFmt = COUNT;
  });
  const total = summary.addRow(['', 'Jumlah', null, input.opds.reduce((s, o) => s + o.cost, 0), input.opds.reduce((s, o) => s + o.needsTotal, 0), input.opds.reduce((s, o) => s + o.needsCovered, 0)]);
  total.font = { bold: true };
  total.getCell(4).numFmt = RUPIAH;
  total.getCell(5).numFmt = COUNT;
  total.getCell(6).numFmt = COUNT;
  summary.addRow([]);
  summary.addRow(['', input.printedBy]);

  const detail = workbook.addWorksheet('Rincian kegiatan', { ...footer, pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [{ width: 36 }, { width: 44 }, { width: 22 }, { width: 40 }, { width: 8 }, { width: 10 }, { width: 8 }, { width: 18 }];
  detail.addRow(['Perangkat daerah', 'Kegiatan', 'Moda', 'Menjawab kebutuhan', 'Kelas', 'Peserta', 'JP', 'Biaya']).font = { bold: true };
  for (const item of input.items) {
    const row = detail.addRow([item.opdName, item.title, item.modeLabel, item.needLabel, item.classes, item.participants, item.jp, item.cost]);
    row.getCell(8).numFmt = RUPIAH;
  }
  neutraliseWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
