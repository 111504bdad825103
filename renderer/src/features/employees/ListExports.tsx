// "Ekspor XLSX" and "Cetak PDF" of the Pegawai list as filtered: both are the daftar nominatif report with the
// list's filters as parameters (the same conditions as the list), the PDF with the letterhead.

import { useState } from 'react';
import { MAX_PRINTED_ROWS } from '../../../../shared/reports/define';
import { formatNumberId } from '../../../../shared/format/id-format';
import { ApiError, call } from '../../api/client';
import { saveBase64File } from '../../components/data-view';
import { useToast } from '../../components/feedback';
import { startPdfExport } from '../../components/pdf-exports';

export function ListExports({ params, total }: { params: Record<string, string>; total: number }) {
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const exportXlsx = async () => {
    setBusy(true);
    try {
      const file = await call('reports:exportXlsx', { reportId: 'daftar-nominatif', params });
      saveBase64File(file.fileName, file.mimeType, file.base64);
    } catch (e) {
      toast('error', e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const tooLong = total > MAX_PRINTED_ROWS;
  return (
    <>
      <button type="button" className="button" disabled={busy || total === 0} onClick={() => void exportXlsx()}
        title="Daftar nominatif pegawai sesuai filter, satu baris per pegawai">
        {busy ? 'Menyiapkan…' : 'Ekspor XLSX'}
      </button>
      <button type="button" className="button" disabled={total === 0 || tooLong} onClick={() => startPdfExport('daftar-nominatif', params, toast)}
        title={tooLong ? `PDF berkop surat sampai ${formatNumberId(MAX_PRINTED_ROWS)} pegawai: pilih unit kerja atau filter lain, atau gunakan Ekspor XLSX` : 'Daftar nominatif berkop surat sesuai filter'}>
        Cetak PDF
      </button>
    </>
  );
}
