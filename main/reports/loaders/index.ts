// One loader per report of the catalogue (shared/reports/catalogue.ts); `satisfies` makes a report without a
// loader a compile error. A capability that lands swaps its pendingReportLoader(…) for its own loader.

import { pendingReportLoader } from './pending.loader';
import { profilPegawaiLoader } from './profil-pegawai.loader';
import { proyeksiPensiunLoader } from './proyeksi-pensiun.loader';
import type { ReportLoaders } from './types';

export const REPORT_LOADERS = {
  'profil-pegawai': profilPegawaiLoader,
  'peta-kompetensi': pendingReportLoader('peta-kompetensi'),
  'rekap-kinerja': pendingReportLoader('rekap-kinerja'),
  'manajemen-talenta': pendingReportLoader('manajemen-talenta'),
  'rencana-suksesi': pendingReportLoader('rencana-suksesi'),
  'proyeksi-pensiun': proyeksiPensiunLoader,
} satisfies ReportLoaders;
