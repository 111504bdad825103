// The capability's settings (Pengaturan → Pengembangan & karier), each under its own 'development.*' key.

import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  DEFAULT_JP_TARGET, DEFAULT_MENTEE_LIMIT, DEFAULT_PROMOTION_CALENDAR, DEFAULT_ROTATION_YEARS, validatePromotionCalendar,
} from '../../../shared/domain/development';
import { AppError } from '../../../shared/errors';
import { developmentSettings, type DevelopmentSettings } from '../../../shared/ipc/channels/development.channels';
import { JP_YEAR_RULE_KEY } from '../../db/sql/training-year.sql';
import type { SettingsService } from '../settings.service';

export const DEFAULT_DEVELOPMENT_SETTINGS: DevelopmentSettings = {
  jpTarget: DEFAULT_JP_TARGET,
  jpYearRule: 'end',
  rotationYears: DEFAULT_ROTATION_YEARS,
  menteeLimit: DEFAULT_MENTEE_LIMIT,
  promotionCalendar: DEFAULT_PROMOTION_CALENDAR,
};

const KEYS: { [K in keyof DevelopmentSettings]: string } = {
  jpTarget: 'development.jpTarget',
  // The SQL refresher of employee_training_year reads this key directly (db/sql/training-year.sql.ts).
  jpYearRule: JP_YEAR_RULE_KEY,
  rotationYears: 'development.rotationYears',
  menteeLimit: 'development.menteeLimit',
  promotionCalendar: 'development.promotionCalendar',
};

export const SETTING_LABELS: { [K in keyof DevelopmentSettings]: string } = {
  jpTarget: 'Target JP per tahun',
  jpYearRule: 'Diklat lintas tahun',
  rotationYears: 'Batas tahun dalam jabatan (rotasi)',
  menteeLimit: 'Batas mentee per mentor',
  promotionCalendar: 'Kalender periode kenaikan pangkat',
};

export class DevelopmentSettingsStore {
  constructor(private readonly settings: SettingsService) {}

  async get(): Promise<DevelopmentSettings> {
    const shape = developmentSettings.shape;
    const out = {} as Record<keyof DevelopmentSettings, unknown>;
    for (const key of Object.keys(KEYS) as Array<keyof DevelopmentSettings>) {
      out[key] = await this.settings.getValue(KEYS[key], shape[key] as z.ZodType, DEFAULT_DEVELOPMENT_SETTINGS[key]);
    }
    // A stored calendar that no longer validates (edited by hand) falls back to the default rather than
    // computing wrong periods.
    if (validatePromotionCalendar(out.promotionCalendar as DevelopmentSettings['promotionCalendar']).length > 0) {
      out.promotionCalendar = DEFAULT_DEVELOPMENT_SETTINGS.promotionCalendar;
    }
    return out as DevelopmentSettings;
  }

  /** Writes the changed keys in the caller's transaction; returns which changed. */
  async write(manager: EntityManager, patch: Partial<DevelopmentSettings>, current: DevelopmentSettings): Promise<Array<keyof DevelopmentSettings>> {
    if (patch.promotionCalendar) {
      const problems = validatePromotionCalendar(patch.promotionCalendar);
      if (problems.length > 0) throw AppError.validation(problems.map((message) => ({ path: 'promotionCalendar', message })), problems.join(' '));
    }
    const changed: Array<keyof DevelopmentSettings> = [];
    for (const key of Object.keys(patch) as Array<keyof DevelopmentSettings>) {
      if (patch[key] === undefined || JSON.stringify(patch[key]) === JSON.stringify(current[key])) continue;
      await this.settings.setValue(KEYS[key], patch[key], manager);
      changed.push(key);
    }
    return changed;
  }
}
