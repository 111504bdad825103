// One loader per report of the catalogue (shared/reports/catalogue.ts); `satisfies` makes a report without a
// loader a compile error.

import { beritaAcaraTalentaLoader } from './berita-acara-talenta.loader';
import { daftarNominatifLoader } from './daftar-nominatif.loader';
import { dukLoader } from './duk.loader';
import { manajemenTalentaLoader } from './manajemen-talenta.loader';
import { petaKarierLoader } from './peta-karier.loader';
import { petaKompetensiLoader } from './peta-kompetensi.loader';
import { profilPegawaiLoader } from './profil-pegawai.loader';
import { proyeksiPensiunLoader } from './proyeksi-pensiun.loader';
import { rekapKinerjaLoader } from './rekap-kinerja.loader';
import { rencanaSuksesiLoader } from './rencana-suksesi.loader';
import type { ReportLoaders } from './types';
import { usulanKenaikanPangkatLoader } from './usulan-kenaikan-pangkat.loader';
import { usulanAnggaranPengembanganLoader } from './usulan-anggaran-pengembangan.loader';
import { usulanKgbLoader } from './usulan-kgb.loader';
import { usulanPensiunLoader } from './usulan-pensiun.loader';
import { usulanSatyalancanaLoader } from './usulan-satyalancana.loader';

export const REPORT_LOADERS = {
  'profil-pegawai': profilPegawaiLoader,
  'peta-karier': petaKarierLoader,
  'peta-kompetensi': petaKompetensiLoader,
  'rekap-kinerja': rekapKinerjaLoader,
  'manajemen-talenta': manajemenTalentaLoader,
  'berita-acara-talenta': beritaAcaraTalentaLoader,
  'rencana-suksesi': rencanaSuksesiLoader,
  'proyeksi-pensiun': proyeksiPensiunLoader,
  'daftar-nominatif': daftarNominatifLoader,
  duk: dukLoader,
  'usulan-pensiun': usulanPensiunLoader,
  'usulan-kenaikan-pangkat': usulanKenaikanPangkatLoader,
  'usulan-kgb': usulanKgbLoader,
  'usulan-satyalancana': usulanSatyalancanaLoader,
  'usulan-anggaran-pengembangan': usulanAnggaranPengembanganLoader,
} satisfies ReportLoaders;
