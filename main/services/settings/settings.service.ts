import { In, type DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AppSettingEntity } from '../../db/entities';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { SettingsSection, type SettingsSectionDefinition } from './settings-section';

/**
 * Key → JSON settings. Each section of Pengaturan is a SettingsSection (settings-section.ts) made here, its keys
 * under `<domain>.<name>`. A malformed stored value falls back to the default instead of failing; a key no section
 * reads any more (the free-text `operatorName` of older versions: documents and logs name the logged-in account)
 * stays in app_setting unread.
 */
export class SettingsService {
  constructor(private readonly dataSource: DataSource, private readonly clock: Clock, private readonly audit: AuditService) {}

  /** A section of Pengaturan over this store: typed reads with defaults, audited writes in one transaction. */
  section<T extends Record<string, unknown>>(definition: SettingsSectionDefinition<T>): SettingsSection<T> {
    return new SettingsSection(definition, this.dataSource, this, this.audit, this.clock);
  }

  /** A typed setting with its default. */
  async getValue<S extends z.ZodType>(key: string, schema: S, fallback: z.output<S>): Promise<z.output<S>> {
    const value = await this.read(key);
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  }

  /**
   * The stored values of these keys, parsed from JSON, in one statement (a section's fields are read together: on a
   * team server each statement is a round trip). A key not stored, or whose text is not JSON, is absent.
   */
  async getValues(keys: readonly string[]): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    if (keys.length === 0) return out;
    for (const row of await this.dataSource.getRepository(AppSettingEntity).findBy({ key: In([...keys]) })) {
      try {
        out.set(row.key, JSON.parse(row.value));
      } catch {
        // Malformed: the section falls back to the field's default.
      }
    }
    return out;
  }

  /** Writes a setting; pass the transaction's manager to commit it together with other changes. */
  async setValue(key: string, value: unknown, manager?: EntityManager): Promise<void> {
    const target = manager ?? this.dataSource.manager;
    await target.save(AppSettingEntity, { key, value: JSON.stringify(value), updatedAt: this.clock.now() });
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
