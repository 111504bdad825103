import os from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { appSettings, type AppSettings } from '../../shared/ipc/channels/settings.channels';
import { AppSettingEntity } from '../db/entities';
import type { Clock } from './clock';

const DEFAULTS: AppSettings = { operatorName: null };

/**
 * Key → JSON settings. General settings live under their bare keys (`operatorName`); each capability keeps its
 * own under `<domain>.<name>` through getValue/setValue with a zod schema and a default, and exposes them
 * through its own channels. A malformed stored value falls back to the default instead of failing.
 */
export class SettingsService {
  constructor(private readonly dataSource: DataSource, private readonly clock: Clock) {}

  async getAll(): Promise<AppSettings> {
    const merged: Record<string, unknown> = { ...DEFAULTS };
    for (const key of Object.keys(DEFAULTS)) {
      const value = await this.read(key);
      if (value !== undefined) merged[key] = value;
    }
    const parsed = appSettings.safeParse(merged);
    return parsed.success ? parsed.data : DEFAULTS;
  }

  async update(manager: EntityManager, patch: Partial<AppSettings>): Promise<void> {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) await this.setValue(key, value, manager);
    }
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
