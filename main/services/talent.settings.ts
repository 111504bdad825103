// Pengaturan › Manajemen Talenta: box numbering, potential thresholds and the talent pool.

import { DEFAULT_POTENTIAL_THRESHOLDS, DEFAULT_TALENT_POOL_BOXES, NUMBERINGS } from '../../shared/domain/talent';
import { formatNumberId } from '../../shared/format/id-format';
import { talentSettings, type TalentSettings } from '../../shared/schemas/talent';
import { refreshDerived } from '../db/derived';
import type { SqlDialect } from '../db/sql';
import type { SettingsSectionDefinition } from './settings/settings-section';

export const DEFAULT_TALENT_SETTINGS: TalentSettings = { numbering: 'permenpanrb', thresholds: DEFAULT_POTENTIAL_THRESHOLDS, poolBoxes: DEFAULT_TALENT_POOL_BOXES };

export function talentSettingsSection(sql: SqlDialect): SettingsSectionDefinition<TalentSettings> {
  return {
    prefix: 'talent',
    title: 'manajemen talenta',
    schema: talentSettings,
    defaults: DEFAULT_TALENT_SETTINGS,
    labels: { numbering: 'Penomoran kotak', thresholds: 'Ambang potensi', poolBoxes: 'Kotak kelompok rencana suksesi' },
    normalise: (next) => ({ ...next, poolBoxes: [...new Set(next.poolBoxes)].sort((a, b) => a - b) }),
    display: {
      numbering: (value) => NUMBERINGS.find((n) => n.code === value)?.label ?? value,
      thresholds: (value) => `tinggi ≥ ${formatNumberId(value.tinggi)}, menengah ≥ ${formatNumberId(value.menengah)}`,
      poolBoxes: (value) => `kotak ${value.join(', ')}`,
    },
    async onChange({ run, before, after, changed }) {
      // The potensi axis of every placement follows the thresholds.
      if (changed.includes('thresholds')) await refreshDerived(run, 'talent_settings', 'all');
      // Stored session placements carry box numbers: renumber them so every number follows the chosen layout.
      if (changed.includes('numbering')) {
        await sql.talent.renumberPlacements(run, before.numbering, after.numbering);
        await refreshDerived(run, 'talent_session', 'all');
      }
    },
  };
}
