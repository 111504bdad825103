// Pengaturan → Pengembangan & karier, "Aturan administrasi karier": the rules DOMAIN §14 marks [P] (practice
// differs) or [U] (unverified) that the career administration lists apply, each under its own 'careers.*' key,
// audited like every settings section. The defaults are the DEFAULT_* objects of shared/domain/careers/.

import {
  DEFAULT_CHOICE_PROMOTION_RULES, DEFAULT_DISCIPLINE_RULES, DEFAULT_KGB_RULES, DEFAULT_SATYALANCANA_RULES, type ChoicePromotionRules, type DisciplineRules,
} from '../../../shared/domain/careers';
import { DEFAULT_STUDY_RULES, type StudyRules } from '../../../shared/domain/careers/study';
import { golonganLabel } from '../../../shared/domain/golongan';
import { type FieldIssue } from '../../../shared/errors';
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
  choiceMonthsAtLowest: DEFAULT_CHOICE_PROMOTION_RULES.monthsInRankAtLowest,
  degreeIzinBeforeStudy: DEFAULT_CHOICE_PROMOTION_RULES.izinMustPrecedeStudy,
  degreeUpkpRequired: DEFAULT_CHOICE_PROMOTION_RULES.upkpRequired,
  degreeMinMkgYears: Object.entries(DEFAULT_CHOICE_PROMOTION_RULES.minMkgYearsByTarget).map(([target, years]) => ({ target: Number(target), years: years! })),
  studyReleaseAfterMonths: DEFAULT_STUDY_RULES.releaseAfterMonths,
};

export const UPKP_REQUIRED_LABELS: Record<CareerRulesSettings['degreeUpkpRequired'], string> = {
  crossing_group: 'bila naik ke golongan yang lebih tinggi (I ke II, II ke III, III ke IV)',
  always: 'selalu',
  never: 'tidak diwajibkan',
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
    choiceMonthsAtLowest: 'KP pilihan struktural pada pangkat terendah eselon: masa dalam pangkat (bulan)',
    degreeIzinBeforeStudy: 'Penyesuaian ijazah: izin belajar harus diberikan sebelum studi dimulai',
    degreeUpkpRequired: 'Penyesuaian ijazah: UPKP diwajibkan',
    degreeMinMkgYears: 'Penyesuaian ijazah: masa kerja golongan minimal per golongan tujuan',
    studyReleaseAfterMonths: 'Tugas belajar: pejabat struktural dibebaskan dari jabatan setelah (bulan)',
  },
  normalise: (next) => {
    const order = ['ringan', 'sedang', 'berat'] as const;
    const sorted = (list: CareerRulesSettings['disciplineBlocksKp']) => order.filter((c) => list.includes(c));
    return {
      ...next, disciplineBlocksKp: sorted(next.disciplineBlocksKp), disciplineBlocksSuccession: sorted(next.disciplineBlocksSuccession),
      degreeMinMkgYears: [...next.degreeMinMkgYears].sort((a, b) => a.target - b.target),
    };
  },
  validate: (next) => {
    const seen = new Set<number>();
    const issues: FieldIssue[] = [];
    for (const { target } of next.degreeMinMkgYears) {
      if (seen.has(target)) issues.push({ path: 'degreeMinMkgYears', message: `Masa kerja golongan minimal untuk golongan tujuan ${golonganLabel(target)} diisi lebih dari sekali.` });
      seen.add(target);
    }
    return issues;
  },
  display: {
    disciplineBlocksKp: categories,
    disciplineBlocksSuccession: categories,
    ringanRunningMonths: (value) => `${formatNumberId(value)} bulan`,
    kgbMinimumPerformance: (value) => (value === 'baik' ? 'Baik' : 'Cukup / Butuh Perbaikan'),
    kgbMaxMkgYears: (value) => `I ${value.I}, II ${value.II}, III ${value.III}, IV ${value.IV} tahun`,
    satyalancanaInterruption: (value) => (value === 'block' ? 'menghalangi' : 'masa kerja dihitung ulang setelahnya'),
    choiceMonthsAtLowest: (value) => `${formatNumberId(value)} bulan`,
    degreeIzinBeforeStudy: (value) => (value ? 'ya' : 'tidak'),
    degreeUpkpRequired: (value) => UPKP_REQUIRED_LABELS[value],
    studyReleaseAfterMonths: (value) => `${formatNumberId(value)} bulan`,
    degreeMinMkgYears: (value) => (value.length === 0 ? 'tidak diperiksa' : value.map((x) => `${golonganLabel(x.target)} ${formatNumberId(x.years)} tahun`).join(', ')),
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

/** The KP pilihan and penyesuaian ijazah rules as the settings set them (the calendar comes from the development
 *  settings, the discipline rules from disciplineRulesOf). */
export function choicePromotionRulesOf(settings: CareerRulesSettings): Omit<ChoicePromotionRules, 'calendar'> {
  return {
    ...DEFAULT_CHOICE_PROMOTION_RULES,
    monthsInRankAtLowest: settings.choiceMonthsAtLowest,
    izinMustPrecedeStudy: settings.degreeIzinBeforeStudy,
    upkpRequired: settings.degreeUpkpRequired,
    minMkgYearsByTarget: Object.fromEntries(settings.degreeMinMkgYears.map((x) => [x.target, x.years])),
    discipline: disciplineRulesOf(settings),
  };
}

/** The tugas belajar rule of the Peta Karier records, from the settings. */
export function studyRulesOf(settings: CareerRulesSettings): StudyRules {
  return { releaseAfterMonths: settings.studyReleaseAfterMonths };
}
