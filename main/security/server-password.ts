// The password of a team database's PostgreSQL account, kept where the database key is kept
// (main/security/database-key.ts): in the operating system's credential store, service "Jenjang", under the account
// "user@host:port/database"; or, where no credential store answers (headless Linux, CI, the tests) or
// JENJANG_KEY_STORE=file says so, in an owner-only (0600) file in Jenjang's config folder. With
// JENJANG_KEY_STORE=env nothing is kept: the password comes from JENJANG_DB_PASSWORD.
//
// A connection takes the password from the URL first, then JENJANG_DB_PASSWORD, then what is kept here
// (main/db/connection.ts): a URL on a command line is visible to other users of the computer, a kept password is not.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { configFolder, credentialStoreAnswers, credentialStoreEntry, ensureConfigFolder, forcedStore, keyringLocation } from './database-key';

const PASSWORD_FILE = 'kata-sandi-server.json';
const FORMAT = 'jenjang-kata-sandi-server';

export interface ServerAccount {
  user: string;
  host: string;
  port: number;
  database: string;
}

export interface KeptPassword {
  store: 'keyring' | 'file';
  /** The credential store or the file, for the message that says where the password went. */
  location: string;
}

/** The name a server password is kept under: "user@host:port/database" (an IPv6 host in brackets). */
export function serverAccountName(account: ServerAccount): string {
  const host = account.host.includes(':') ? `[${account.host}]` : account.host;
  return `${account.user}@${host}:${account.port}/${account.database}`;
}

export function serverPasswordFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configFolder(env), PASSWORD_FILE);
}

/** Which store holds server passwords here: null when JENJANG_KEY_STORE=env (none is kept). */
function storeFor(env: NodeJS.ProcessEnv): 'keyring' | 'file' | null {
  const forced = forcedStore(env);
  if (forced === 'env') return null;
  if (forced === 'file') return 'file';
  const status = credentialStoreAnswers();
  if (forced === 'keyring' && !status.available) {
    throw new AppError('io', `Penyimpanan kunci sistem operasi (${keyringLocation()}) tidak dapat dipakai: ${status.reason ?? 'tidak menjawab'}. JENJANG_KEY_STORE=keyring mewajibkannya.`);
  }
  return status.available ? 'keyring' : 'file';
}

function readPasswordFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new AppError('io', `Berkas kata sandi server ${file} tidak dapat dibaca: ${(error as Error).message}`);
  }
  try {
    const parsed = JSON.parse(text) as { format?: unknown; passwords?: unknown };
    if (parsed.format !== FORMAT || typeof parsed.passwords !== 'object' || parsed.passwords === null) throw new Error('format');
    return Object.fromEntries(Object.entries(parsed.passwords as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    throw new AppError('io', `Berkas kata sandi server ${file} rusak; hapus berkas itu lalu simpan kata sandinya lagi dengan npm run cli -- db-login.`);
  }
}

/** Rewrites the file owner-only through a temporary file, so a reader never sees half of it. */
function writePasswordFile(env: NodeJS.ProcessEnv, passwords: Record<string, string>): string {
  ensureConfigFolder(env);
  const file = serverPasswordFile(env);
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.baru`;
  fs.writeFileSync(temporary, JSON.stringify({ format: FORMAT, version: 1, passwords }), { mode: 0o600, flag: 'wx' });
  try {
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return file;
}

/** Keeps `password` for `account`; says where. */
export function saveServerPassword(account: ServerAccount, password: string, env: NodeJS.ProcessEnv = process.env): KeptPassword {
  const store = storeFor(env);
  if (store === null) {
    throw new AppError('validation', 'JENJANG_KEY_STORE=env: Jenjang tidak menyimpan apa pun dan kata sandi server diambil dari JENJANG_DB_PASSWORD. Tidak ada yang disimpan.');
  }
  const name = serverAccountName(account);
  if (store === 'keyring') {
    try {
      credentialStoreEntry(name).setPassword(password);
      return { store, location: `${keyringLocation()}, akun "${name}"` };
    } catch (error) {
      if (forcedStore(env) === 'keyring') throw new AppError('io', `Kata sandi tidak dapat disimpan di ${keyringLocation()}: ${(error as Error).message}`);
      // A store that answers reads but refuses to write: the file keeps it, as it would without a store.
    }
  }
  const passwords = readPasswordFile(serverPasswordFile(env));
  const file = writePasswordFile(env, { ...passwords, [name]: password });
  return { store: 'file', location: file };
}

/** The password kept for `account`, or undefined. */
export function findServerPassword(account: ServerAccount, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const store = storeFor(env);
  if (store === null) return undefined;
  const name = serverAccountName(account);
  if (store === 'keyring') {
    try {
      const kept = credentialStoreEntry(name).getPassword();
      if (kept) return kept;
    } catch {
      // Read as "nothing kept there": the file may still hold one saved while the store did not answer.
    }
  }
  return readPasswordFile(serverPasswordFile(env))[name];
}

/** Removes what is kept for `account` (store and file); false when nothing was kept. */
export function forgetServerPassword(account: ServerAccount, env: NodeJS.ProcessEnv = process.env): boolean {
  const store = storeFor(env);
  if (store === null) return false;
  const name = serverAccountName(account);
  let removed = false;
  if (store === 'keyring') {
    try {
      removed = credentialStoreEntry(name).deletePassword();
    } catch {
      removed = false;
    }
  }
  const passwords = readPasswordFile(serverPasswordFile(env));
  if (name in passwords) {
    const { [name]: _dropped, ...rest } = passwords;
    writePasswordFile(env, rest);
    removed = true;
  }
  return removed;
}
