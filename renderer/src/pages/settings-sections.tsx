import type { ComponentType } from 'react';
import { AgencyIdentitySection } from './pengaturan/AgencyIdentitySection';

/** Sections of Pengaturan contributed by capabilities (agency identity, 9-box numbering, JP rules, …), in order.
 *  Each section reads and saves its own settings through its own channels. */
export const SETTINGS_SECTIONS: Array<{ key: string; title: string; Component: ComponentType }> = [
  { key: 'agency', title: 'Identitas Instansi untuk Dokumen', Component: AgencyIdentitySection },
];
