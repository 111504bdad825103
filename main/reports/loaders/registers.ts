// What the register reports (daftar nominatif, DUK) share: a list longer than MAX_PRINTED_ROWS is not drawn as a
// document (a whole district runs to hundreds of pages), but still fills "Ekspor XLSX".

import { formatNumberId } from '../../../shared/format/id-format';
import { MAX_PRINTED_ROWS } from '../../../shared/reports/define';

export { MAX_PRINTED_ROWS };

export function tooLongToPrint(rows: number): { content: { status: 'empty'; message: string }; workbook: true } {
  return {
    content: {
      status: 'empty',
      message: `Daftar ini memuat ${formatNumberId(rows)} pegawai, lebih dari ${formatNumberId(MAX_PRINTED_ROWS)} baris yang dapat dicetak dalam satu dokumen. Pilih satu unit kerja (atau persempit filternya), atau unduh semuanya dengan Ekspor XLSX.`,
    },
    workbook: true,
  };
}
