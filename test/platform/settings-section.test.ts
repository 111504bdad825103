// Every section of Pengaturan is a SettingsSection: typed reads with per-field defaults, and writes that change
// only what differs, refresh what depends on it and leave one audit entry, all in one transaction.

import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { SettingsSectionDefinition } from '../../main/services/settings/settings-section';
import { openTestHost, tempDir } from '../helpers/temp-db';

interface Sample extends Record<string, unknown> {
  limit: number;
  label: string;
}

describe('a settings section', async () => {
  const host = await openTestHost(tempDir());
  afterAll(() => host.close());
  const ds = host.services.dataSource;
  const refreshed: Array<ReadonlyArray<keyof Sample>> = [];
  let failRefresh = false;
  const definition: SettingsSectionDefinition<Sample> = {
    prefix: 'sample',
    title: 'contoh',
    schema: z.object({ limit: z.number().int().min(1).max(10), label: z.string().min(1) }),
    defaults: { limit: 5, label: 'awal' },
    labels: { limit: 'Batas', label: 'Label' },
    keys: { label: 'legacy.sample.label' },
    validate: (next) => (next.label === 'terlarang' ? [{ path: 'label', message: 'Label ini tidak boleh dipakai.' }] : []),
    async onChange({ run, changed }) {
      refreshed.push(changed);
      await run('SELECT 1', []);
      if (failRefresh) throw new AppError('internal', 'Penghitungan ulang gagal.');
    },
  };
  const section = host.services.settings.section(definition);
  const auditCount = async () => (await ds.query(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'settings'`))[0].n as number;

  it('reads defaults, and falls back per field when a stored value no longer parses', async () => {
    expect(await section.get()).toEqual({ limit: 5, label: 'awal' });
    await ds.query(`INSERT INTO app_setting (key, value, updated_at) VALUES ('sample.limit', '"banyak"', '2026-11-24T08:00:00Z')`);
    expect(await section.get()).toEqual({ limit: 5, label: 'awal' });
    // Text that is not JSON at all (edited by hand) beside a valid field: only that field falls back.
    await ds.query(`INSERT INTO app_setting (key, value, updated_at) VALUES ('legacy.sample.label', 'tanpa tanda kutip', '2026-11-24T08:00:00Z')`);
    expect(await section.get()).toEqual({ limit: 5, label: 'awal' });
    await ds.query(`UPDATE app_setting SET value = '3' WHERE key = 'sample.limit'`);
    expect(await section.get()).toEqual({ limit: 3, label: 'awal' });
    await ds.query(`DELETE FROM app_setting WHERE key IN ('sample.limit', 'legacy.sample.label')`);
  });

  it('writes only the changed fields under their keys, refreshes and audits once', async () => {
    const before = await auditCount();
    // The answer carries the section's version after the save (the first save makes it 1), for the form to send back.
    expect(await section.update({ limit: 7, label: 'awal' }, 'penguji')).toEqual({ limit: 7, label: 'awal', version: 1 });
    expect(refreshed.at(-1)).toEqual(['limit']);
    expect(await auditCount()).toBe(before + 1);
    const [entry] = await ds.query(`SELECT actor, summary, changes FROM audit_log WHERE entity = 'settings' ORDER BY id DESC LIMIT 1`);
    expect(entry.actor).toBe('penguji');
    expect(entry.summary).toBe('Mengubah pengaturan contoh: batas');
    expect(JSON.parse(entry.changes)).toEqual([{ field: 'sample.limit', label: 'Batas', before: '5', after: '7' }]);
    await section.update({ label: 'baru' }, 'penguji');
    const [stored] = await ds.query(`SELECT value FROM app_setting WHERE key = 'legacy.sample.label'`);
    expect(JSON.parse(stored.value)).toBe('baru');
  });

  it('changes nothing and writes no audit entry when nothing differs', async () => {
    const before = await auditCount();
    const calls = refreshed.length;
    await section.update({ limit: 7 }, 'penguji');
    expect(await auditCount()).toBe(before);
    expect(refreshed.length).toBe(calls);
  });

  it('refuses bad values with the field label, and rule violations, writing nothing', async () => {
    const before = await auditCount();
    await expect(section.update({ limit: 50 }, 'penguji')).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('Batas') });
    await expect(section.update({ label: 'terlarang' }, 'penguji')).rejects.toMatchObject({ message: 'Label ini tidak boleh dipakai.' });
    expect(await section.get()).toEqual({ limit: 7, label: 'baru' });
    expect(await auditCount()).toBe(before);
  });

  it('rolls the write back when the refresh of derived data fails', async () => {
    failRefresh = true;
    await expect(section.update({ limit: 9 }, 'penguji')).rejects.toThrow('Penghitungan ulang gagal.');
    failRefresh = false;
    expect(await section.get()).toEqual({ limit: 7, label: 'baru' });
  });
});
