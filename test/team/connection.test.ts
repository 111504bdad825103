import { describe, expect, it } from 'vitest';
import { connectionLabel, describeConnection, pgSslOptions, type PostgresConnection } from '../../main/db/connection';
import { resolveDatabasePath } from '../../main/db/database-path';
import { openDatabase } from '../../main/db/open-database';

describe('the connection a --db / JENJANG_DB value names', () => {
  it('keeps a file path SQLite and reads a postgres:// URL as a server, password from the URL or JENJANG_DB_PASSWORD', () => {
    expect(describeConnection('data/jenjang.sqlite', {})).toMatchObject({ kind: 'sqlite', path: expect.stringMatching(/\/data\/jenjang\.sqlite$/) });
    expect(describeConnection('postgres://hr@db.kantor/jenjang', { JENJANG_DB_PASSWORD: 'rahasia' })).toEqual({
      kind: 'postgres', host: 'db.kantor', port: 5432, user: 'hr', password: 'rahasia', database: 'jenjang', sslMode: 'prefer', sslRootCert: undefined,
    });
    const withPassword = describeConnection('postgresql://hr:p%40ss@10.0.0.5:6543/kepegawaian?sslmode=verify-full', { JENJANG_DB_PASSWORD: 'lain' }) as PostgresConnection;
    expect(withPassword).toMatchObject({ host: '10.0.0.5', port: 6543, password: 'p@ss', database: 'kepegawaian', sslMode: 'verify-full' });
    expect(connectionLabel(withPassword)).toBe('postgres://hr@10.0.0.5:6543/kepegawaian');
  });

  it('passes sslmode to pg: no TLS up to prefer, unchecked TLS for require, a checked certificate and host for verify-full', () => {
    const at = (mode: string) => pgSslOptions(describeConnection(`postgres://hr@db.kantor/jenjang?sslmode=${mode}`, {}) as PostgresConnection);
    expect(at('disable')).toBe(false);
    expect(at('prefer')).toBe(false);
    expect(at('require')).toEqual({ rejectUnauthorized: false });
    expect(at('verify-full')).toMatchObject({ rejectUnauthorized: true, servername: 'db.kantor' });
    expect(at('verify-ca')).toMatchObject({ rejectUnauthorized: true });
  });

  it('refuses an unreadable address with an Indonesian sentence', () => {
    expect(() => describeConnection('postgres://hr@db.kantor/', {})).toThrow('tidak menyebut nama database');
    expect(() => describeConnection('postgres://hr@db.kantor/jenjang?sslmode=kadang', {})).toThrow('sslmode "kadang" tidak dikenal');
  });

  it('keeps a URL as it is where the app resolves its database, and the app opens the server it names', async () => {
    const url = 'postgres://hr@db.kantor:5432/jenjang';
    expect(resolveDatabasePath(['--db', url], {}, '/tmp')).toBe(url);
    expect(resolveDatabasePath([], { JENJANG_DB: url }, '/tmp')).toBe(url);
    // Nothing listens on port 1: the open reaches for the server and says so in a sentence.
    await expect(openDatabase('postgres://hr@127.0.0.1:1/jenjang', { create: true })).rejects.toMatchObject({ code: 'db_not_found', message: expect.stringContaining('tidak dapat dihubungi') });
  });
});
