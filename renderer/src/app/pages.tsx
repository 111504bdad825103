import type { ComponentType } from 'react';
import { BerandaPage } from '../features/home/BerandaPage';
import { PengaturanPage } from '../features/settings/PengaturanPage';
import { ImporPage } from '../features/import/ImporPage';
import { PengembanganPage } from '../features/development/PengembanganPage';
import { LaporanPage } from '../features/reports/LaporanPage';
import { PegawaiRoutes } from '../features/employees/PegawaiRoutes';
import { PetaKompetensiPage } from '../features/competency/PetaKompetensiPage';
import { KinerjaPage } from '../features/performance/KinerjaPage';
import { TalentaPage } from '../features/talent/TalentaPage';
import { SuksesiRoutes } from '../features/succession/SuksesiRoutes';
import { JalurKarierPage } from '../features/careers/JalurKarierPage';
import { BantuanPage } from '../features/help/BantuanPage';
import { KualitasDataPage } from '../features/quality/KualitasDataPage';
import type { Route } from './router';

/**
 * The component behind each top-level path (the first segment of the hash route). A screen of navigation.ts
 * without an entry here shows its honest empty state. Capabilities add their page with one line.
 */
export const PAGES: Record<string, ComponentType<{ route: Route }>> = {
  '': BerandaPage,
  pegawai: PegawaiRoutes,
  pengaturan: PengaturanPage,
  'peta-kompetensi': PetaKompetensiPage,
  kinerja: KinerjaPage,
  talenta: TalentaPage,
  impor: ImporPage,
  'kualitas-data': KualitasDataPage,
  pengembangan: PengembanganPage,
  'jalur-karier': JalurKarierPage,
  suksesi: SuksesiRoutes,
  laporan: LaporanPage,
  bantuan: BantuanPage,
};
