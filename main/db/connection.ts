// Which database a Jenjang process talks to: a SQLite file (one desk, the default) or a PostgreSQL server of the
// office (team mode). `--db` and `JENJANG_DB` take either a file path or a `postgres://` URL; everything that opens
// a database reads this description instead of guessing from a string.

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { findServerPassword } from '../security/server-password';

/** libpq's sslmode values, as the URL's `?sslmode=` gives them. */
export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

export interface SqliteConnection {
  kind: 'sqlite';
  /** Absolute path of the file, or ':memory:'. */
  path: string;
}

export interface PostgresConnection {
  kind: 'postgres';
  host: string;
  port: number;
  user: string;
  /** From the URL, else JENJANG_DB_PASSWORD, else the one `cli db-login` kept (main/security/server-password.ts);
   *  undefined when none gives one (a server trusting the desk). */
  password: string | undefined;
  database: string;
  sslMode: SslMode;
  /** A CA file to trust (`?sslrootcert=PATH`), for a server whose certificate the system does not know. */
  sslRootCert: string | undefined;
}

export type DatabaseConnection = SqliteConnection | PostgresConnection;

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}

/**
 * The connection a `--db` / `JENJANG_DB` value names. A postgres:// or postgresql:// URL is a PostgreSQL server
 * (user, host, port default 5432, database, `sslmode`, `sslrootcert`; the password from the URL, from
 * JENJANG_DB_PASSWORD, or kept by `cli db-login`); anything else is the path of a SQLite file.
 */
export function describeConnection(value: string, env: NodeJS.ProcessEnv = process.env): DatabaseConnection {
  if (!isPostgresUrl(value)) return { kind: 'sqlite', path: value === ':memory:' ? value : path.resolve(value) };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new AppError('validation', 'Alamat server PostgreSQL tidak dapat dibaca; bentuknya postgres://pengguna@host:5432/nama_database.');
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!url.hostname) throw new AppError('validation', 'Alamat server PostgreSQL tidak menyebut host; bentuknya postgres://pengguna@host:5432/nama_database.');
  if (!database || database.includes('/')) {
    throw new AppError('validation', 'Alamat server PostgreSQL tidak menyebut nama database; bentuknya postgres://pengguna@host:5432/nama_database.');
  }
  const port = url.port ? Number(url.port) : 5432;
  const sslModeText = url.searchParams.get('sslmode') ?? 'prefer';
  if (!(SSL_MODES as readonly string[]).includes(sslModeText)) {
    throw new AppError('validation', `sslmode "${sslModeText}" tidak dikenal; pilih salah satu: ${SSL_MODES.join(', ')}.`);
  }
  const account = {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    user: url.username ? decodeURIComponent(url.username) : 'postgres',
    database,
  };
  const password = url.password ? decodeURIComponent(url.password) : env.JENJANG_DB_PASSWORD || findServerPassword(account, env);
  return {
    kind: 'postgres',
    ...account,
    password,
    sslMode: sslModeText as SslMode,
    sslRootCert: url.searchParams.get('sslrootcert') ?? undefined,
  };
}

/** How a connection is named in messages and logs: the file path, or the URL without its password. */
export function connectionLabel(connection: DatabaseConnection): string {
  if (connection.kind === 'sqlite') return connection.path;
  const host = connection.host.includes(':') ? `[${connection.host}]` : connection.host;
  return `postgres://${encodeURIComponent(connection.user)}@${host}:${connection.port}/${encodeURIComponent(connection.database)}`;
}

/**
 * pg's `ssl` option for an sslmode. `disable`, `allow` and `prefer` connect without TLS (pg has no "try TLS,
 * fall back" mode; a server that insists on TLS refuses, and the message says to add sslmode=verify-full).
 * `require` encrypts without checking the certificate, `verify-ca` checks that a trusted CA signed it,
 * `verify-full` also checks that it names the host: the one to use for any server not on this computer.
 */
export interface PgTlsOptions {
  rejectUnauthorized: boolean;
  ca?: string;
  servername?: string;
  checkServerIdentity?: () => undefined;
}

export function pgSslOptions(connection: PostgresConnection): false | PgTlsOptions {
  const ca = connection.sslRootCert ? fs.readFileSync(connection.sslRootCert, 'utf8') : undefined;
  switch (connection.sslMode) {
    case 'disable':
    case 'allow':
    case 'prefer':
      return false;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true, ca, servername: connection.host };
  }
}

/** The options of a `pg` Client or Pool for the connection. */
export function pgClientConfig(connection: PostgresConnection) {
  return {
    host: connection.host, port: connection.port, user: connection.user, password: connection.password,
    database: connection.database, ssl: pgSslOptions(connection), application_name: 'Jenjang',
  };
}
