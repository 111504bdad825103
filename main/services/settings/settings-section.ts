// One way to define a section of Pengaturan: its keys, schema, defaults, labels, checks and the derived data its
// changes make stale. Reading falls back to the default per field (a value edited by hand that no longer parses
// never breaks a screen); writing changes only the fields that differ, refreshes what depends on them and records
// one audit entry, all in one transaction. Handlers call `update`; they never open transactions themselves.
// A section has one optimistic version (settings_section_version, 0 until its first save): a form reads it with the
// section (`read`) and sends it back with its change, and a change made from an older version is refused with who
// saved the section since and when (main/services/versions/edit-version.ts).

import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../../shared/errors';
import { managerRun, type Run } from '../../db/sql/run';
import type { AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { claimEditVersion, readEditVersion, type VersionedRecord } from '../versions/edit-version';

/** The key → JSON store a section reads and writes (SettingsService). */
export interface SettingsStore {
  getValue<S extends z.ZodType>(key: string, schema: S, fallback: z.output<S>): Promise<z.output<S>>;
  /** Stored values (parsed JSON) of several keys at once; a key not stored or not readable is absent. */
  getValues(keys: readonly string[]): Promise<Map<string, unknown>>;
  setValue(key: string, value: unknown, manager?: EntityManager): Promise<void>;
}

export interface SettingsSectionDefinition<T extends Record<string, unknown>> {
  /** Key prefix in app_setting: field `x` is stored under `<prefix>.x` (or `keys.x`). Empty: bare keys. */
  prefix: string;
  /** What the section is, for the audit summary ("pengaturan <title>"). */
  title: string;
  /** The section's zod object (one field per stored key). */
  schema: z.ZodObject<{ [K in keyof T]: z.ZodType<T[K]> }>;
  defaults: T;
  /** Indonesian label of each field, for the audit log and error messages. */
  labels: { [K in keyof T]: string };
  /** Keys that do not follow `<prefix>.<field>` (read by SQL directly, or kept from an older version). */
  keys?: Partial<{ [K in keyof T]: string }>;
  /** A stored value that parses but breaks a rule falls back to its default (e.g. an edited calendar). */
  sane?: Partial<{ [K in keyof T]: (value: T[K]) => boolean }>;
  /** Checks across fields, run on the merged result before anything is written. */
  validate?(next: T): FieldIssue[];
  /** Canonical form before storing (sorting, de-duplicating). */
  normalise?(next: T): T;
  /** Shows a stored value in the audit log; JSON by default. */
  display?: Partial<{ [K in keyof T]: (value: T[K]) => string }>;
  /** Derived data that follows the changed fields, refreshed in the same transaction. */
  onChange?(change: { run: Run; manager: EntityManager; before: T; after: T; changed: ReadonlyArray<keyof T> }): Promise<void>;
}

export class SettingsSection<T extends Record<string, unknown>> {
  private readonly fields: Array<keyof T & string>;

  constructor(
    readonly definition: SettingsSectionDefinition<T>,
    private readonly dataSource: DataSource,
    private readonly store: SettingsStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.fields = Object.keys(definition.defaults) as Array<keyof T & string>;
  }

  /** The section's row in settings_section_version: its key prefix (every section has its own). */
  private get record(): VersionedRecord {
    return { table: 'settings_section_version', key: this.definition.prefix || this.definition.title };
  }

  /** The section as a form reads it: every field and the version to send back with a change. */
  async read(): Promise<T & { version: number }> {
    const values = await this.get();
    const { version } = await readEditVersion(managerRun(this.dataSource), this.record);
    return { ...values, version };
  }

  /** The stored key of a field. */
  key(field: keyof T & string): string {
    const { prefix, keys } = this.definition;
    return keys?.[field] ?? (prefix ? `${prefix}.${field}` : field);
  }

  async get(): Promise<T> {
    const { schema, defaults, sane } = this.definition;
    const out = {} as T;
    // Every field in one read; each falls back to its default when absent or no longer valid.
    const stored = await this.store.getValues(this.fields.map((field) => this.key(field)));
    for (const field of this.fields) {
      const raw = stored.get(this.key(field));
      const parsed = raw === undefined ? null : (schema.shape[field] as z.ZodType).safeParse(raw);
      const value = parsed?.success ? parsed.data : defaults[field];
      out[field] = sane?.[field] && !sane[field]!(value as T[typeof field]) ? defaults[field] : (value as T[typeof field]);
    }
    return out;
  }

  /**
   * Applies a partial change; returns the section as stored afterwards, with its version. `patch.version` is the
   * version the form read: a change from an older one is refused (`conflict`) and writes nothing. In-process callers
   * without a form (the CLI, tests of other rules) leave it out and change the section as it is now.
   */
  async update(patch: Partial<T> & { version?: number }, actor: string): Promise<T & { version: number }> {
    const { schema, labels, validate, normalise, onChange, title, display } = this.definition;
    const before = await this.get();
    let after = { ...before } as T;
    for (const field of this.fields) if (patch[field] !== undefined) after[field] = patch[field] as T[typeof field];
    const subject = `Pengaturan ${title} ini`;
    const parsed = schema.safeParse(after);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: `${labels[String(i.path[0]) as keyof T] ?? String(i.path[0])}: ${i.message}` }));
      throw AppError.validation(issues, `Pengaturan ${title} belum dapat disimpan: ${issues.map((i) => i.message).join(' ')}`);
    }
    after = normalise ? normalise(parsed.data as T) : (parsed.data as T);
    const problems = validate?.(after) ?? [];
    if (problems.length > 0) throw AppError.validation(problems, problems.map((p) => p.message).join(' '));

    const changed = this.fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    if (changed.length === 0) {
      const current = await this.read();
      // Nothing to write, but a form behind the times still learns it is: its next real change would be refused.
      if (patch.version !== undefined && patch.version !== current.version) {
        await this.dataSource.transaction((manager) => claimEditVersion(managerRun(manager), this.record, patch.version!, { subject, actor, at: this.clock.now() }));
      }
      return current;
    }
    const show = (field: keyof T & string, value: unknown) => (display?.[field] ? display[field]!(value as T[typeof field]) : typeof value === 'string' ? value : JSON.stringify(value));
    await this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const stored = patch.version ?? (await readEditVersion(run, this.record)).version;
      await claimEditVersion(run, this.record, stored, { subject, actor, at: this.clock.now() });
      for (const field of changed) await this.store.setValue(this.key(field), after[field], manager);
      await onChange?.({ run, manager, before, after, changed });
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'settings', entityId: null,
        summary: `Mengubah pengaturan ${title}: ${changed.map((f) => labels[f].toLowerCase()).join(', ')}`,
        changes: changed.map((f) => ({ field: this.key(f), label: labels[f], before: show(f, before[f]), after: show(f, after[f]) })),
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
      });
    });
    return this.read();
  }
}
