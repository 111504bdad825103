// The capability's settings (Pengaturan → Pengembangan & karier), each under its own 'development.*' key.

import {
  DEFAULT_JP_TARGET, DEFAULT_MENTEE_LIMIT, DEFAULT_PROMOTION_CALENDAR, DEFAULT_PROMOTION_DEADLINE_MONTHS, DEFAULT_ROTATION_YEARS, DEFAULT_SKP_FINAL_MONTH,
  JP_YEAR_RULES, validatePromotionCalendar,
} from '../../../shared/domain/development';
import { developmentSettings, type DevelopmentSettings } from '../../../shared/schemas/development';
import { formatNumberId, MONTHS_ID } from '../../../shared/format/id-format';
import { JP_YEAR_RULE_KEY } from '../../db/sql/training-year.sql';
import { refreshDerived } from '../../db/derived';
import type { SettingsSection, SettingsSectionDefinition } from '../settings/settings-section';

export const DEFAULT_DEVELOPMENT_SETTINGS: DevelopmentSettings = {
  jpTarget: DEFAULT_JP_TARGET,
  jpYearRule: 'end',
  rotationYears: DEFAULT_ROTATION_YEARS,
  menteeLimit: DEFAULT_MENTEE_LIMIT,
  promotionCalendar: DEFAULT_PROMOTION_CALENDAR,
  promotionDeadlineMonths: DEFAULT_PROMOTION_DEADLINE_MONTHS,
  skpFinalMonth: DEFAULT_SKP_FINAL_MONTH,
};

export const SETTING_LABELS: { [K in keyof DevelopmentSettings]: string } = {
  jpTarget: 'Target JP per tahun',
  jpYearRule: 'Diklat lintas tahun',
  rotationYears: 'Batas tahun dalam jabatan (rotasi)',
  menteeLimit: 'Batas mentee per mentor',
  promotionCalendar: 'Kalender periode kenaikan pangkat',
  promotionDeadlineMonths: 'Batas usulan kenaikan pangkat (bulan sebelum periode)',
  skpFinalMonth: 'SKP tahunan final pada akhir bulan',
};

export const DEVELOPMENT_SETTINGS: SettingsSectionDefinition<DevelopmentSettings> = {
  prefix: 'development',
  title: 'pengembangan',
  schema: developmentSettings,
  defaults: DEFAULT_DEVELOPMENT_SETTINGS,
  labels: SETTING_LABELS,
  // The SQL refresher of employee_training_year reads this key directly (db/sql/training-year.sql.ts).
  keys: { jpYearRule: JP_YEAR_RULE_KEY },
  // A stored calendar that no longer validates (edited by hand) falls back to the default rather than computing
  // wrong periods.
  sane: { promotionCalendar: (calendar) => validatePromotionCalendar(calendar).length === 0 },
  display: {
    jpTarget: (value) => `${formatNumberId(value)} JP`,
    jpYearRule: (value) => JP_YEAR_RULES.find((r) => r.code === value)?.label ?? value,
    rotationYears: (value) => `${formatNumberId(value)} tahun`,
    menteeLimit: (value) => `${formatNumberId(value)} mentee`,
    promotionCalendar: (value) => `${formatNumberId(value.length)} ketentuan periode`,
    promotionDeadlineMonths: (value) => `${formatNumberId(value)} bulan sebelum TMT`,
    skpFinalMonth: (value) => MONTHS_ID[value - 1] ?? String(value),
  },
  validate: (next) => validatePromotionCalendar(next.promotionCalendar).map((message) => ({ path: 'promotionCalendar', message })),
  // A new year rule recomputes every employee's JP per year in the same transaction, so the dashboards never
  // show a mix of rules.
  async onChange({ run, changed }) {
    if (changed.includes('jpYearRule')) await refreshDerived(run, 'training_record', 'all');
  },
};

/** The capability's settings as its services read them. */
export type DevelopmentSettingsStore = SettingsSection<DevelopmentSettings>;
