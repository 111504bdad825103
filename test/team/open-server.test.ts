// openDatabase and the host on a postgres:// URL (team mode): the server brought to the current schema, a newer
// Jenjang's database refused and left as it is, the web host serving real calls, and demo data onto a server.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open-database';
import { MIGRATION_NAMES } from '../../main/db/migrations';
import type { JenjangHost } from '../../main/host';
import { startWebHost, type RunningWebHost } from '../../main/web/web-host';
import { adminSession } from '../helpers/auth';
import { inputFromProfile } from '../helpers/employee-input';
import { createPostgresDatabase, queryServer } from '../helpers/postgres';
import { openTestHost, tempDir } from '../helpers/temp-db';

describe('openDatabase on a PostgreSQL server', () => {
  it('migrates a new database, names it without its password, and opens it again without migrating', async () => {
    const database = await createPostgresDatabase();
    try {
      const withPassword = database.url;
      const first = await openDatabase(withPassword, { create: true });
      try {
        expect(first.migrated).toEqual(MIGRATION_NAMES);
        expect(first.key).toBeNull();
        expect(first.path).toMatch(/^postgres:\/\//);
        expect(first.path).not.toMatch(/:[^@/]*@/); // no user:password@
        expect(first.dataSource.options.type).toBe('postgres');
      } finally {
        await first.close();
      }
      const again = await openDatabase(withPassword, { create: false });
      expect(again.migrated).toEqual([]);
      await again.close();
      const reading = await openDatabase(withPassword, { create: false, readOnly: true });
      expect(reading.migrated).toEqual([]);
      await reading.close();
    } finally {
      await database.drop();
    }
  });

  it('refuses a database written by a newer Jenjang and leaves it as it is', async () => {
    const database = await createPostgresDatabase();
    try {
      (await openDatabase(database.url, { create: true })).close();
      await queryServer(database.url, `INSERT INTO "migrations" ("timestamp", "name") VALUES (9999999999999, 'FromTheFuture9999999999999')`);
      const before = await queryServer<{ n: number }>(database.url, 'SELECT count(*)::int AS n FROM "migrations"');
      await expect(openDatabase(database.url, { create: false })).rejects.toMatchObject({
        code: 'db_schema_newer', message: expect.stringMatching(/versi Jenjang yang lebih baru/),
      });
      expect(await queryServer(database.url, 'SELECT count(*)::int AS n FROM "migrations"')).toEqual(before);
    } finally {
      await database.drop();
    }
  });

  it('refuses a read-only open of a database that is not at the current schema, without migrating it', async () => {
    const database = await createPostgresDatabase();
    try {
      await expect(openDatabase(database.url, { create: false, readOnly: true })).rejects.toMatchObject({ code: 'db_not_jenjang' });
      expect(await queryServer(database.url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});

describe('the web host on a PostgreSQL server', () => {
  const dir = tempDir();
  let host: JenjangHost;
  let web: RunningWebHost;
  let session: string;
  const post = async (channel: string, body: unknown) => (await fetch(`${web.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}`, 'X-Jenjang-Session': session },
    body: JSON.stringify(body),
  })).json();

  beforeAll(async () => {
    host = await openTestHost(dir, { server: true });
    web = await startWebHost({ host, staticDir: dir, token: 'token-for-tests-0123456789' });
    session = await adminSession(host);
  });
  afterAll(async () => {
    await web?.close();
    await host?.close();
  });

  it('runs on the server: no readers, the runtime names the server without its password', async () => {
    expect(host.services.dataSource.options.type).toBe('postgres');
    expect(host.runtime.dbPath).toMatch(/^postgres:\/\/[^:@]+@/);
    expect(await host.readersReady()).toBe(0);
  });

  it('offers demo data on a first start, and loads it onto the server', async () => {
    expect(await post('app:status', {})).toMatchObject({ ok: true, data: { offerDemo: true, employeeCount: 0 } });
    const loaded = await post('demo:load', { employees: 60, seed: 11, jobId: 'demo-server' });
    expect(loaded).toMatchObject({ ok: true, data: { employees: 60 } });
    expect(await post('app:status', {})).toMatchObject({ ok: true, data: { employeeCount: 60 } });
    // The first start's Administrator is still there beside the demo accounts.
    const accounts = await post('accounts:list', {});
    expect(accounts.data.rows.map((a: { username: string }) => a.username)).toContain('admin');
  });

  it('lists employees, edits one and shows the data-quality dashboard over HTTP', async () => {
    const list = await post('employees:list', { offset: 0, limit: 10 });
    expect(list).toMatchObject({ ok: true });
    expect(list.data.total).toBe(60);
    const id = list.data.rows[0].id;
    const profile = await post('employees:get', { id });
    expect(profile).toMatchObject({ ok: true, data: { id } });
    const saved = await post('employees:update', { id, version: profile.data.version, input: { ...inputFromProfile(profile.data), phone: '081299990000' } });
    expect(saved).toMatchObject({ ok: true });
    expect(await post('employees:get', { id })).toMatchObject({ ok: true, data: { phone: '081299990000', version: profile.data.version + 1 } });
    // The Beranda: its overview and its data-quality dashboard (test/team/server-services.test.ts compares them
    // with a file's).
    expect(await post('stats:overview', {})).toMatchObject({ ok: true, data: { employees: { total: 60 } } });
    const quality = await post('quality:overview', {});
    expect(quality).toMatchObject({ ok: true });
  });

  it('answers the import history; Pengaturan › Cadangan backs the server up into this computer\'s folder for it', async () => {
    // The demo load is not a snapshot of a file: the history is empty.
    expect(await post('import:history', { offset: 0, limit: 10 })).toMatchObject({ ok: true, data: { total: 0, rows: [] } });
    // The whole of Cadangkan and Pulihkan on a server: test/team/server-backup-restore.test.ts.
    const made = await post('backup:create', { jobId: 'cadangan-server' });
    expect(made).toMatchObject({ ok: true, data: { kind: 'manual', fileName: expect.stringMatching(/\.manual-[0-9a-f-]+\.sqlite$/) } });
    expect(await post('backup:list', {})).toMatchObject({
      ok: true, data: { teamMode: true, folder: expect.stringMatching(/mode-tim[\\/]cadangan$/), backups: [{ fileName: made.data.fileName }] },
    });
  });
});
