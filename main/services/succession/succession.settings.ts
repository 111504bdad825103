// Pengaturan › Suksesi: readiness labels, risk rules, candidate requirements, score weights and the related rumpun.

import { normaliseRelations } from '../../../shared/domain/succession';
import { DEFAULT_SUCCESSION_SETTINGS, successionSettings, type SuccessionSettings } from '../../../shared/schemas/succession';
import type { SettingsSectionDefinition } from '../settings/settings-section';

export const SUCCESSION_SETTINGS: SettingsSectionDefinition<SuccessionSettings> = {
  prefix: 'succession',
  title: 'suksesi',
  schema: successionSettings,
  defaults: DEFAULT_SUCCESSION_SETTINGS,
  labels: { readinessLabels: 'Label kesiapan', risk: 'Aturan risiko', rules: 'Syarat kandidat', weights: 'Bobot skor', relatedRumpun: 'Rumpun terkait' },
  normalise: (next) => ({ ...next, relatedRumpun: normaliseRelations(next.relatedRumpun) }),
  display: { relatedRumpun: (pairs) => (pairs.length ? pairs.map((p) => `${p.a} – ${p.b}`).join('; ') : '(kosong)') },
  validate: (next) => next.risk.mediumMonths < next.risk.highMonths
    ? [{ path: 'risk.mediumMonths', message: 'Batas risiko sedang harus sama atau lebih panjang dari batas risiko tinggi.' }]
    : [],
};
