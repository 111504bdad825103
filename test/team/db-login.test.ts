// The team database's PostgreSQL password kept like the database key: `cli db-login` checks it against the server
// and keeps it (here in the owner-only file, JENJANG_KEY_STORE=file in a temporary config folder: the test machine
// has no credential store), and a connection whose URL names no password takes it from there.

import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeConnection, pgClientConfig, type PostgresConnection } from '../../main/db/connection';
import { findServerPassword, forgetServerPassword, saveServerPassword, serverAccountName, serverPasswordFile } from '../../main/security/server-password';
import { usePostgresDatabase, type TestDatabase } from '../helpers/postgres';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-db';

const account = { user: 'hr', host: 'db.kantor', port: 5432, database: 'jenjang' };

describe('a server password kept in the owner-only file where no credential store answers', () => {
  const env = (): NodeJS.ProcessEnv => ({ JENJANG_KEY_STORE: 'file', JENJANG_CONFIG_DIR: tempDir('jenjang-sandi-') });

  it('keeps one password per user@host:port/database, owner-only, and forgets it', () => {
    const here = env();
    expect(serverAccountName(account)).toBe('hr@db.kantor:5432/jenjang');
    expect(serverAccountName({ ...account, host: '::1' })).toBe('hr@[::1]:5432/jenjang');
    expect(findServerPassword(account, here)).toBeUndefined();

    expect(saveServerPassword(account, 'rahasia kantor', here)).toEqual({ store: 'file', location: serverPasswordFile(here) });
    expect(saveServerPassword({ ...account, port: 6543 }, 'sandi lain', here).store).toBe('file');
    expect(fs.statSync(serverPasswordFile(here)).mode & 0o777).toBe(0o600);
    expect(findServerPassword(account, here)).toBe('rahasia kantor');
    expect(findServerPassword({ ...account, port: 6543 }, here)).toBe('sandi lain');
    expect(findServerPassword({ ...account, database: 'lain' }, here)).toBeUndefined();
    // Saved again, the new one replaces the old.
    saveServerPassword(account, 'sandi baru', here);
    expect(findServerPassword(account, here)).toBe('sandi baru');

    expect(forgetServerPassword(account, here)).toBe(true);
    expect(forgetServerPassword(account, here)).toBe(false);
    expect(findServerPassword(account, here)).toBeUndefined();
    expect(findServerPassword({ ...account, port: 6543 }, here)).toBe('sandi lain');
  });

  it('gives a URL without a password the kept one; the URL\'s own password and JENJANG_DB_PASSWORD come first', () => {
    const here = env();
    saveServerPassword(account, 'dari penyimpanan', here);
    expect(describeConnection('postgres://hr@db.kantor/jenjang', here)).toMatchObject({ password: 'dari penyimpanan' });
    expect(describeConnection('postgres://hr@db.kantor:5432/jenjang?sslmode=verify-full', here)).toMatchObject({ password: 'dari penyimpanan' });
    expect(describeConnection('postgres://hr@db.kantor/jenjang', { ...here, JENJANG_DB_PASSWORD: 'dari variabel' })).toMatchObject({ password: 'dari variabel' });
    expect(describeConnection('postgres://hr:dari%20alamat@db.kantor/jenjang', here)).toMatchObject({ password: 'dari alamat' });
    expect(describeConnection('postgres://budi@db.kantor/jenjang', here)).toMatchObject({ password: undefined });
  });

  it('keeps nothing under JENJANG_KEY_STORE=env, where the password comes from JENJANG_DB_PASSWORD', () => {
    const here = { ...env(), JENJANG_KEY_STORE: 'env' };
    expect(() => saveServerPassword(account, 'rahasia', here)).toThrow(/JENJANG_KEY_STORE=env/);
    expect(findServerPassword(account, here)).toBeUndefined();
    expect(fs.existsSync(serverPasswordFile(here))).toBe(false);
  });
});

describe('npm run cli -- db-login on the embedded server', () => {
  let database: TestDatabase;
  let withoutPassword: string;
  let password: string;

  beforeAll(async () => {
    database = await usePostgresDatabase();
    const url = new URL(database.url);
    password = decodeURIComponent(url.password);
    url.password = '';
    withoutPassword = url.toString();
  });

  const canConnect = async (connection: PostgresConnection) => {
    const client = new pg.Client(pgClientConfig(connection));
    await client.connect();
    try {
      return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0].one;
    } finally {
      await client.end();
    }
  };

  it('checks the password against the server, keeps it, and a connection without one in its URL then logs in', async () => {
    const config = tempDir('jenjang-db-login-');
    const env = { JENJANG_KEY_STORE: 'file', JENJANG_CONFIG_DIR: config };
    const saved = runCli(['db-login', withoutPassword, '--json'], { ...env, JENJANG_DB_PASSWORD: password });
    expect(saved.code, saved.stderr).toBe(0);
    const report = JSON.parse(saved.stdout) as { server: string; account: string; store: string; location: string; checked: boolean };
    const { port, pathname } = new URL(database.url);
    expect(report).toEqual({
      server: `postgres://postgres@127.0.0.1:${port}${pathname}`, account: `postgres@127.0.0.1:${port}/${database.name}`,
      store: 'file', location: path.join(config, 'kata-sandi-server.json'), checked: true,
    });
    // The password is in the owner-only file, and nowhere in what the command printed.
    expect(saved.stdout + saved.stderr).not.toContain(password);
    expect(fs.statSync(report.location).mode & 0o777).toBe(0o600);

    const connection = describeConnection(withoutPassword, env) as PostgresConnection;
    expect(connection.password).toBe(password);
    expect(await canConnect(connection)).toBe(1);

    // Said in words without --json; --forget removes it.
    const again = runCli(['db-login', withoutPassword], { ...env, JENJANG_DB_PASSWORD: password });
    expect(again.stdout).toMatch(/^Kata sandi postgres@127\.0\.0\.1:\d+\/\S+ disimpan di berkas .*kata-sandi-server\.json \(hanya dapat dibaca pemilik akun\)\./);
    const forgotten = runCli(['db-login', withoutPassword, '--forget', '--json'], env);
    expect(forgotten.code, forgotten.stderr).toBe(0);
    expect(JSON.parse(forgotten.stdout)).toMatchObject({ forgotten: true });
    expect((describeConnection(withoutPassword, env) as PostgresConnection).password).toBeUndefined();
  });

  it('refuses a wrong password and keeps nothing; refuses a URL that carries a password, and a missing one off a terminal', () => {
    const config = tempDir('jenjang-db-login-');
    const env = { JENJANG_KEY_STORE: 'file', JENJANG_CONFIG_DIR: config };
    const wrong = runCli(['db-login', withoutPassword], { ...env, JENJANG_DB_PASSWORD: 'bukan-sandinya' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^jenjang: Server PostgreSQL postgres:\/\/postgres@127\.0\.0\.1:\d+\/\S+ menolak nama pengguna atau kata sandi/);
    expect(fs.existsSync(path.join(config, 'kata-sandi-server.json'))).toBe(false);

    const inUrl = runCli(['db-login', database.url], { ...env, JENJANG_DB_PASSWORD: password });
    expect(inUrl.code).toBe(1);
    expect(inUrl.stderr).toMatch(/Alamat ini memuat kata sandi/);
    expect(inUrl.stderr).not.toContain(password);

    const none = runCli(['db-login', withoutPassword], { ...env, JENJANG_DB_PASSWORD: '' });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/tidak diberikan: setel JENJANG_DB_PASSWORD/);
    expect(fs.existsSync(path.join(config, 'kata-sandi-server.json'))).toBe(false);
  });
});
