// Pengaturan → Pengembangan & karier, "Aturan administrasi karier": the rules DOMAIN §14 marks [P] (practice
// differs) or [U] (unverified) that the career administration lists apply, each under its own 'careers.*' key,
// audited like every settings section. The defaults are the DEFAULT_* objects of shared/domain/careers/.

import { DEFAULT_DISCIPLINE_RULES, DEFAULT_KGB_RULES, DEFAULT_SATYALANCANA_RULES, type DisciplineRules } from '../../../shared/domain/careers';
import { formatNumberId } from '../../../shared/format/id-format';
import { careerRulesSettings, type CareerRulesSettings } from '../../../shared/schemas/careers';
import type { SettingsSection, SettingsSectionDefinition } from '../settings/settings-section';
import type { CareerListRules } from './entitlements';

export const DEFAULT_CAREER_RULES: CareerRulesSettings = {
  disciplineBlocksKp: [...DEFAULT_DISCIPLINE_RULES.blockingCategories.kp],
  disciplineBlocksSuccession: [...DEFAULT_DISCIPLINE_RULES.blockingCategories.succession],
  ringanRunningMonths: DEFAULT_DISCIPLINE_RULES.ringanRunningMonths,
  kgbMinimumPerformance: DEFAULT_KGB_RULES.minimumPerformance,
  kgbMaxMkgYears: { I: DEFAULT_KGB_RULES.maxMkgYears[1], II: DEFAULT_KGB_RULES.maxMkgYears[2], III: DEFAULT_KGB_RULES.maxMkgYears[3], IV: DEFAULT_KGB_RULES.maxMkgYears[4] },
  satyalancanaInterruption: DEFAULT_SATYALANCANA_RULES.interruption,
};

const categories = (value: readonly string[]) => (value.length === 0 ? 'tidak ada' : value.join(', '));

export const CAREER_RULES_SETTINGS: SettingsSectionDefinition<CareerRulesSettings> = {
  prefix: 'careers',
  title: 'aturan administrasi karier',
  schema: careerRulesSettings,
  defaults: DEFAULT_CAREER_RULES,
  labels: {
    disciplineBlocksKp: 'Hukuman disiplin yang menghalangi usulan kenaikan pangkat',
    disciplineBlocksSuccession: 'Hukuman disiplin yang menghalangi kandidat suksesi',
    ringanRunningMonths: 'Lama hukuman disiplin ringan diperhitungkan (bulan)',
    kgbMinimumPerformance: 'Predikat kinerja minimal untuk KGB',
    kgbMaxMkgYears: 'Masa kerja golongan tertinggi tabel gaji',
    satyalancanaInterruption: 'Hukuman disiplin sedang/berat atau CLTN pada masa kerja Satyalancana',
  },
  normalise: (next) => {
    const order = ['ringan', 'sedang', 'berat'] as const;
    const sorted = (list: CareerRulesSettings['disciplineBlocksKp']) => order.filter((c) => list.includes(c));
    return { ...next, disciplineBlocksKp: sorted(next.disciplineBlocksKp), disciplineBlocksSuccession: sorted(next.disciplineBlocksSuccession) };
  },
  display: {
    disciplineBlocksKp: categories,
    disciplineBlocksSuccession: categories,
    ringanRunningMonths: (value) => `${formatNumberId(value)} bulan`,
    kgbMinimumPerformance: (value) => (value === 'baik' ? 'Baik' : 'Cukup / Butuh Perbaikan'),
    kgbMaxMkgYears: (value) => `I ${value.I}, II ${value.II}, III ${value.III}, IV ${value.IV} tahun`,
    satyalancanaInterruption: (value) => (value === 'block' ? 'menghalangi' : 'masa kerja dihitung ulang setelahnya'),
  },
};

export type CareerRulesStore = SettingsSection<CareerRulesSettings>;

/** The rules of shared/domain/careers/ as the settings set them. */
export function disciplineRulesOf(settings: CareerRulesSettings): DisciplineRules {
  return {
    blockingCategories: { kp: settings.disciplineBlocksKp, promotion_list: settings.disciplineBlocksKp, succession: settings.disciplineBlocksSuccession },
    ringanRunningMonths: settings.ringanRunningMonths,
  };
}

export function careerListRulesOf(settings: CareerRulesSettings): CareerListRules {
  const discipline = disciplineRulesOf(settings);
  const m = settings.kgbMaxMkgYears;
  return {
    kgb: { ...DEFAULT_KGB_RULES, minimumPerformance: settings.kgbMinimumPerformance, maxMkgYears: { 1: m.I, 2: m.II, 3: m.III, 4: m.IV } },
    satyalancana: { interruption: settings.satyalancanaInterruption, discipline },
  };
}
