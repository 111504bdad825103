// Pengaturan › Keamanan: the idle lock, and the lockout after repeated failed logins. One settings section
// (settings-section.ts), under 'security.*' keys.

import type { z } from 'zod';
import { formatNumberId } from '../../../shared/format/id-format';
import { securitySettings } from '../../../shared/schemas/auth';
import type { SettingsSectionDefinition } from '../settings/settings-section';

export type SecuritySettings = z.output<typeof securitySettings>;

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = { idleLockMinutes: 15, maxFailedLogins: 5, lockoutMinutes: 15 };

export const SECURITY_SETTINGS: SettingsSectionDefinition<SecuritySettings> = {
  prefix: 'security',
  title: 'keamanan',
  schema: securitySettings,
  defaults: DEFAULT_SECURITY_SETTINGS,
  labels: {
    idleLockMinutes: 'Kunci otomatis setelah (menit)',
    maxFailedLogins: 'Batas gagal masuk',
    lockoutMinutes: 'Lama akun terkunci (menit)',
  },
  display: {
    idleLockMinutes: (value) => `${formatNumberId(value)} menit`,
    maxFailedLogins: (value) => `${formatNumberId(value)} kali`,
    lockoutMinutes: (value) => `${formatNumberId(value)} menit`,
  },
};
