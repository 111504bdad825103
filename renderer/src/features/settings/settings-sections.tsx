import type { ComponentType } from 'react';
import { TalentSettingsSection } from '../talent/TalentSettingsSection';
import { DevelopmentSettingsSection } from '../development/SettingsSection';
import { SuksesiSettings } from '../succession/SuksesiSettings';
import { AccountsSection } from './AccountsSection';
import { AgencyIdentitySection } from './AgencyIdentitySection';
import { BackupSection } from './BackupSection';
import { PrivacySection } from './PrivacySection';

/** Sections of Pengaturan contributed by capabilities (backups, agency identity, 9-box numbering, JP rules, …), in order.
 *  Each section reads and saves its own settings through its own channels. */
export const SETTINGS_SECTIONS: Array<{ key: string; title: string; Component: ComponentType }> = [
  { key: 'accounts', title: 'Akun pengguna', Component: AccountsSection },
  { key: 'backup', title: 'Cadangan', Component: BackupSection },
  { key: 'talent', title: 'Manajemen talenta', Component: TalentSettingsSection },
  { key: 'development', title: 'Pengembangan & karier', Component: DevelopmentSettingsSection },
  { key: 'suksesi', title: 'Suksesi', Component: SuksesiSettings },
  { key: 'agency', title: 'Identitas Instansi untuk Dokumen', Component: AgencyIdentitySection },
  { key: 'privacy', title: 'Data pribadi dan log ekspor', Component: PrivacySection },
];
