import os from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { appSettings, type AppSettings } from '../../../shared/schemas/settings';
import { AppSettingEntity } from '../../db/entities';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { SettingsSection, type SettingsSectionDefinition } from './settings-section';

/** General settings (Pengaturan › Umum), under bare keys. */
const GENERAL_SETTINGS: SettingsSectionDefinition<AppSettings> = {
  prefix: '',
  title: 'umum',
  schema: appSettings,
  defaults: { operatorName: null },
  labels: { operatorName: 'Nama operator' },
  display: { operatorName: (value) => value ?? '(kosong)' },
};

/**
 * Key → JSON settings. Each section of Pengaturan is a SettingsSection (settings-section.ts) made here: general
 * settings under bare keys (`operatorName`), each capability's under `<domain>.<name>`. A malformed stored value
 * falls back to the default instead of failing.
 */
export class SettingsService {
  /** Pengaturan › Umum. */
  readonly general: SettingsSection<AppSettings>;

  constructor(private readonly dataSource: DataSource, private readonly clock: Clock, private readonly audit: AuditService) {
    this.general = this.section(GENERAL_SETTINGS);
  }

  /** A section of Pengaturan over this store: typed reads with defaults, audited writes in one transaction. */
  section<T extends Record<string, unknown>>(definition: SettingsSectionDefinition<T>): SettingsSection<T> {
    return new SettingsSection(definition, this.dataSource, this, this.audit);
  }

  async getAll(): Promise<AppSettings> {
    return this.general.get();
  }

  /** A typed setting with its default. */
  async getValue<S extends z.ZodType>(key: string, schema: S, fallback: z.output<S>): Promise<z.output<S>> {
    const value = await this.read(key);
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  }

  /** Writes a setting; pass the transaction's manager to commit it together with other changes. */
  async setValue(key: string, value: unknown, manager?: EntityManager): Promise<void> {
    const target = manager ?? this.dataSource.manager;
    await target.save(AppSettingEntity, { key, value: JSON.stringify(value), updatedAt: this.clock.now() });
  }

  /** Who is written to the audit log: the operator name from Pengaturan, else the OS user. */
  async actor(): Promise<string> {
    const { operatorName } = await this.getAll();
    if (operatorName) return operatorName;
    try {
      return os.userInfo().username || 'pengguna';
    } catch {
      return 'pengguna';
    }
  }

  private async read(key: string): Promise<unknown> {
    const row = await this.dataSource.getRepository(AppSettingEntity).findOneBy({ key });
    if (!row) return undefined;
    try {
      return JSON.parse(row.value);
    } catch {
      return undefined;
    }
  }
}
