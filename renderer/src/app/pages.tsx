import type { ComponentType } from 'react';
import { BerandaPage } from '../pages/BerandaPage';
import { PengaturanPage } from '../pages/PengaturanPage';
import { ImporPage } from '../pages/impor/ImporPage';
import { PengembanganPage } from '../pages/pengembangan/PengembanganPage';
import { LaporanPage } from '../pages/laporan/LaporanPage';
import { PegawaiRoutes } from '../pages/pegawai/PegawaiRoutes';
import { PetaKompetensiPage } from '../pages/kompetensi/PetaKompetensiPage';
import { KinerjaPage } from '../pages/kinerja/KinerjaPage';
import { TalentaPage } from '../pages/talenta/TalentaPage';
import { SuksesiRoutes } from '../pages/suksesi/SuksesiRoutes';
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
  pengembangan: PengembanganPage,
  suksesi: SuksesiRoutes,
  laporan: LaporanPage,
};
