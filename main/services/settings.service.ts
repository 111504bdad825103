import os from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';
import { appSettings, type AppSettings } from '../../shared/ipc/channels/settings.channels';
import { AppSettingEntity } from '../db/entities';
import type { Clock } from './clock';

const DEFAULTS: AppSettings = { operatorName: null };

/** Key → JSON settings with typed defaults. Unknown or malformed stored values fall back to the default. */
export class SettingsService {
  constructor(private readonly dataSource: DataSource, private readonly clock: Clock) {}

  async getAll(): Promise<AppSettings> {
    const rows = await this.dataSource.getRepository(AppSettingEntity).find();
    const stored: Record<string, unknown> = {};
    for (const row of rows) {
      try {
        stored[row.key] = JSON.parse(row.value);
      } catch {
        // ignore a damaged value; the default applies
      }
    }
    const merged = { ...DEFAULTS } as Record<string, unknown>;
    for (const key of Object.keys(DEFAULTS)) if (key in stored) merged[key] = stored[key];
    const parsed = appSettings.safeParse(merged);
    return parsed.success ? parsed.data : DEFAULTS;
  }

  async update(manager: EntityManager, patch: Partial<AppSettings>): Promise<void> {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      await manager.save(AppSettingEntity, { key, value: JSON.stringify(value), updatedAt: this.clock.now() });
    }
  }

  async getFlag(key: string): Promise<unknown> {
    const row = await this.dataSource.getRepository(AppSettingEntity).findOneBy({ key });
    return row ? JSON.parse(row.value) : undefined;
  }

  async setFlag(key: string, value: unknown): Promise<void> {
    await this.dataSource.getRepository(AppSettingEntity).save({ key, value: JSON.stringify(value), updatedAt: this.clock.now() });
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
}
