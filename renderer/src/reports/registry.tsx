// One component per report of the catalogue (shared/reports/catalogue.ts); `satisfies` makes a report without
// a component a compile error. A report whose capability has not landed draws nothing: its document's content
// is never 'ready', so ReportDocumentView prints the "Data belum tersedia" sentence instead.

import type { ComponentType } from 'react';
import type { ReportData, ReportId } from '../../../shared/reports/catalogue';
import { ProfilPegawaiReport } from './profil-pegawai/ProfilPegawaiReport';
import { ProyeksiPensiunReport } from './proyeksi-pensiun/ProyeksiPensiunReport';

export interface ReportViewProps<R extends ReportId> {
  data: ReportData<R>;
  /** The report date (the app's "today"). */
  printedOn: string;
}

const notBuiltYet = () => null;

export const REPORT_VIEWS = {
  'profil-pegawai': ProfilPegawaiReport,
  'peta-kompetensi': notBuiltYet,
  'rekap-kinerja': notBuiltYet,
  'manajemen-talenta': notBuiltYet,
  'rencana-suksesi': notBuiltYet,
  'proyeksi-pensiun': ProyeksiPensiunReport,
} satisfies { [R in ReportId]: ComponentType<ReportViewProps<R>> };
