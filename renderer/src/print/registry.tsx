// One component per report of the catalogue (shared/reports/catalogue.ts); `satisfies` makes a report without
// a component a compile error. A report with nothing to show draws nothing: its document's content is not
// 'ready', so ReportDocumentView prints the loader's sentence instead.

import type { ComponentType } from 'react';
import type { ReportData, ReportId } from '../../../shared/reports/catalogue';
import { BeritaAcaraTalentaReport } from './berita-acara-talenta/BeritaAcaraTalentaReport';
import { ManajemenTalentaReport } from './manajemen-talenta/ManajemenTalentaReport';
import { PetaKarierReport } from './peta-karier/PetaKarierReport';
import { PetaKompetensiReport } from './peta-kompetensi/PetaKompetensiReport';
import { ProfilPegawaiReport } from './profil-pegawai/ProfilPegawaiReport';
import { ProyeksiPensiunReport } from './proyeksi-pensiun/ProyeksiPensiunReport';
import { RekapKinerjaReport } from './rekap-kinerja/RekapKinerjaReport';
import { RencanaSuksesiReport } from './rencana-suksesi/RencanaSuksesiReport';
import { DaftarNominatifReport } from './registers/DaftarNominatifReport';
import { DukReport } from './registers/DukReport';
import { UsulanKenaikanPangkatReport } from './registers/UsulanKenaikanPangkatReport';
import { UsulanKgbReport } from './registers/UsulanKgbReport';
import { UsulanAnggaranPengembanganReport } from './usulan-anggaran/UsulanAnggaranPengembanganReport';
import { UsulanPensiunReport } from './registers/UsulanPensiunReport';
import { UsulanSatyalancanaReport } from './registers/UsulanSatyalancanaReport';

export interface ReportViewProps<R extends ReportId> {
  data: ReportData<R>;
  /** The report date (the app's "today"). */
  printedOn: string;
}

export const REPORT_VIEWS = {
  'profil-pegawai': ProfilPegawaiReport,
  'peta-karier': PetaKarierReport,
  'peta-kompetensi': PetaKompetensiReport,
  'rekap-kinerja': RekapKinerjaReport,
  'manajemen-talenta': ManajemenTalentaReport,
  'berita-acara-talenta': BeritaAcaraTalentaReport,
  'rencana-suksesi': RencanaSuksesiReport,
  'proyeksi-pensiun': ProyeksiPensiunReport,
  'daftar-nominatif': DaftarNominatifReport,
  duk: DukReport,
  'usulan-pensiun': UsulanPensiunReport,
  'usulan-kenaikan-pangkat': UsulanKenaikanPangkatReport,
  'usulan-kgb': UsulanKgbReport,
  'usulan-satyalancana': UsulanSatyalancanaReport,
  'usulan-anggaran-pengembangan': UsulanAnggaranPengembanganReport,
} satisfies { [R in ReportId]: ComponentType<ReportViewProps<R>> };
