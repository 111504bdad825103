// The database key: 256 random bits that encrypt the database, its WAL and every copy Jenjang makes of it. One
// place for the desktop app, web mode and the CLI alike, so the CLI opens the database the app made. Looked up
// in this order:
//   1. JENJANG_DB_KEY (64 hexadecimal characters): servers and scripts that keep the key themselves;
//   2. the operating system's credential store (Windows Credential Manager, macOS Keychain, the Secret Service
//      on Linux), service "Jenjang";
//   3. a key file in the user's config folder, owner-only (0600), where no credential store answers (headless
//      Linux, CI, the tests).
// JENJANG_KEY_STORE=env|keyring|file forces one of them. The credential store is probed once per process; when
// it does not answer Jenjang falls back to the key file at once.
//
// A store holds one active key (new databases and copies are encrypted with it) and the extra keys added by a
// recovery ("Pulihkan dengan kunci pemulihan": a database or backup from another computer). Opening a file tries
// the active key, then each extra key; a wrong key reads as "file is not a database", so the right one is found
// without any map from files to keys. A key is created only when Jenjang needs one to write a new or a plain
// database, never just to look: a CLI run that finds no key does not invent one beside the one it cannot reach.

import { Entry } from '@napi-rs/keyring';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { formatRecoveryKey } from './recovery-key';

export type KeyStoreKind = 'env' | 'keyring' | 'file';

export interface DatabaseKeySet {
  /** Encrypts new databases and the plain databases of earlier versions. */
  active: Buffer;
  /** Keys added from recovery keys, tried after the active one. */
  extra: Buffer[];
  store: KeyStoreKind;
  /** Where the key lives, for the log line and Pengaturan: the variable, the credential store, the key file. */
  location: string;
  /** This process created the active key (a new installation). */
  created: boolean;
}

export const KEYRING_SERVICE = 'Jenjang';
const KEYRING_ACCOUNT = 'kunci-database';
const KEY_FILE = 'kunci-database.json';
const STATE_FILE = 'keamanan.json';
const FORMAT = 'jenjang-kunci-database';

/** The folder of Jenjang's per-user settings: JENJANG_CONFIG_DIR, else `Jenjang` in the OS config folder. */
export function configFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.JENJANG_CONFIG_DIR?.trim()) return path.resolve(env.JENJANG_CONFIG_DIR);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Jenjang');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Jenjang');
  return path.join(env.XDG_CONFIG_HOME?.trim() ? env.XDG_CONFIG_HOME : path.join(home, '.config'), 'Jenjang');
}

export function keyFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configFolder(env), KEY_FILE);
}

/** A short, non-secret name of a key (which key a recovery key acknowledgement belongs to). */
export function keyFingerprint(key: Buffer): string {
  return crypto.createHash('sha256').update('jenjang-sidik-kunci').update(key).digest('hex').slice(0, 16);
}

/** The store JENJANG_KEY_STORE forces, or null to take the credential store when it answers, else the file. */
export function forcedStore(env: NodeJS.ProcessEnv): KeyStoreKind | null {
  const raw = env.JENJANG_KEY_STORE?.trim();
  if (!raw) return null;
  if (raw === 'env' || raw === 'keyring' || raw === 'file') return raw;
  throw new AppError('validation', `JENJANG_KEY_STORE harus "env", "keyring" atau "file", bukan "${raw}".`);
}

function keyFromEnvironment(env: NodeJS.ProcessEnv): Buffer | null {
  const raw = env.JENJANG_DB_KEY;
  if (raw === undefined || raw.trim() === '') return null;
  if (!/^[0-9a-fA-F]{64}$/.test(raw.trim())) {
    throw new AppError('validation', 'JENJANG_DB_KEY harus berisi tepat 64 karakter heksadesimal (0–9, a–f): kunci database 256 bit. Kunci tidak dipakai; perbaiki nilainya atau kosongkan variabel itu.');
  }
  return Buffer.from(raw.trim(), 'hex');
}

interface StoredKeys {
  active: Buffer;
  extra: Buffer[];
}

function serialise(keys: StoredKeys): string {
  return JSON.stringify({ format: FORMAT, version: 1, active: keys.active.toString('hex'), extra: keys.extra.map((k) => k.toString('hex')) });
}

function deserialise(text: string, where: string): StoredKeys {
  try {
    const parsed = JSON.parse(text) as { format?: unknown; active?: unknown; extra?: unknown };
    const hex = (value: unknown) => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
    if (parsed.format !== FORMAT || !hex(parsed.active) || !Array.isArray(parsed.extra) || !parsed.extra.every(hex)) throw new Error('format');
    return { active: Buffer.from(parsed.active as string, 'hex'), extra: (parsed.extra as string[]).map((k) => Buffer.from(k, 'hex')) };
  } catch {
    throw new AppError('io', `Kunci database di ${where} rusak atau tidak terbaca. Jangan menghapusnya; pulihkan dengan kunci pemulihan (npm run cli -- recover-key).`);
  }
}

// The credential store, probed once per process; what it holds is kept after the first read (each answer costs a
// round trip to the store's service) and after each write of this process.
let keyringState: { available: true; text: string | null } | { available: false; reason: string } | null = null;

function keyringEntry(): Entry {
  return credentialStoreEntry(KEYRING_ACCOUNT);
}

/** An entry of service "Jenjang" in the OS credential store (the database key's, or a server password's). */
export function credentialStoreEntry(account: string): Entry {
  // On Linux only the Secret Service keeps a secret across reboots; the kernel keyring, the library's fallback,
  // forgets it at the next restart and would lose the secret with it.
  return new Entry(KEYRING_SERVICE, account, process.platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined);
}

/** Whether the OS credential store answers (probed once per process, with the database key's entry). */
export function credentialStoreAnswers(): { available: boolean; reason?: string } {
  const { available, reason } = readKeyring();
  return { available, reason };
}

export function keyringLocation(): string {
  const name = process.platform === 'win32' ? 'Windows Credential Manager' : process.platform === 'darwin' ? 'macOS Keychain' : 'Secret Service';
  return `${name}, layanan "${KEYRING_SERVICE}"`;
}

function readKeyring(): { available: boolean; text: string | null; reason?: string } {
  if (keyringState && !keyringState.available) return { available: false, text: null, reason: keyringState.reason };
  if (keyringState?.available) return { available: true, text: keyringState.text };
  try {
    const text = keyringEntry().getPassword() ?? null;
    keyringState = { available: true, text };
    return { available: true, text };
  } catch (error) {
    keyringState = { available: false, reason: (error as Error).message };
    return { available: false, text: null, reason: keyringState.reason };
  }
}

function keyringUnavailable(reason: string | undefined): AppError {
  return new AppError('io', `Penyimpanan kunci sistem operasi (${keyringLocation()}) tidak dapat dipakai: ${reason ?? 'tidak menjawab'}. JENJANG_KEY_STORE=keyring mewajibkannya; pakai JENJANG_KEY_STORE=file atau JENJANG_DB_KEY di komputer tanpa penyimpanan kunci.`);
}

function readKeyFile(file: string): StoredKeys | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('io', `Berkas kunci database ${file} tidak dapat dibaca: ${(error as Error).message}`);
  }
  return deserialise(text, file);
}

/** The config folder, created owner-only when missing. */
export function ensureConfigFolder(env: NodeJS.ProcessEnv): string {
  const folder = configFolder(env);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}

/** Writes the key file owner-only. `exclusive`: only if none exists yet (two processes starting at once both
 *  end up with the key of the one that won); returns what the file holds afterwards. */
function writeKeyFile(file: string, keys: StoredKeys, exclusive: boolean): StoredKeys {
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.baru`;
  fs.writeFileSync(temporary, serialise(keys), { mode: 0o600, flag: 'wx' });
  try {
    if (!exclusive) {
      fs.renameSync(temporary, file);
      return keys;
    }
    try {
      fs.linkSync(temporary, file);
      return keys;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return readKeyFile(file)!;
    }
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * The keys of this OS user, or null when there is none yet (nothing is created). Throws AppError for a malformed
 * JENJANG_DB_KEY or JENJANG_KEY_STORE, and for a forced store that cannot be used.
 */
export function findDatabaseKeys(env: NodeJS.ProcessEnv = process.env): DatabaseKeySet | null {
  const forced = forcedStore(env);
  const fromEnv = keyFromEnvironment(env);
  if (forced === 'env' && !fromEnv) {
    throw new AppError('validation', 'JENJANG_KEY_STORE=env mewajibkan JENJANG_DB_KEY (64 karakter heksadesimal), tetapi variabel itu kosong.');
  }
  if (fromEnv && (forced === null || forced === 'env')) {
    return { active: fromEnv, extra: [], store: 'env', location: 'variabel lingkungan JENJANG_DB_KEY', created: false };
  }
  if (forced === null || forced === 'keyring') {
    const keyring = readKeyring();
    if (!keyring.available && forced === 'keyring') throw keyringUnavailable(keyring.reason);
    if (keyring.text) return { ...deserialise(keyring.text, keyringLocation()), store: 'keyring', location: keyringLocation(), created: false };
    if (forced === 'keyring') return null;
  }
  const file = keyFilePath(env);
  const stored = readKeyFile(file);
  return stored ? { ...stored, store: 'file', location: file, created: false } : null;
}

/** The keys of this OS user, creating a new random key when there is none (in the credential store when it
 *  answers, else in the key file). */
export function ensureDatabaseKeys(env: NodeJS.ProcessEnv = process.env): DatabaseKeySet {
  const found = findDatabaseKeys(env);
  if (found) return found;
  const forced = forcedStore(env);
  const fresh: StoredKeys = { active: crypto.randomBytes(32), extra: [] };
  if (forced === 'keyring' || (forced === null && keyringState?.available)) {
    try {
      keyringEntry().setPassword(serialise(fresh));
      keyringState = { available: true, text: serialise(fresh) };
      return { ...fresh, store: 'keyring', location: keyringLocation(), created: true };
    } catch (error) {
      keyringState = { available: false, reason: (error as Error).message };
      if (forced === 'keyring') throw keyringUnavailable((error as Error).message);
    }
  }
  ensureConfigFolder(env);
  const file = keyFilePath(env);
  const kept = writeKeyFile(file, fresh, true);
  return { ...kept, store: 'file', location: file, created: kept.active.equals(fresh.active) };
}

export interface RecoveredKey {
  /** The key opens this machine's databases from now on: it is the active key (there was none) or an extra one. */
  role: 'active' | 'extra' | 'known';
  store: KeyStoreKind;
  location: string;
}

/**
 * Adds a key typed from a recovery key to this OS user's keys. With no key yet it becomes the active key (a new
 * computer that takes over the office's database); otherwise it is kept as an extra key, tried after the active
 * one. A key from JENJANG_DB_KEY cannot be added to: the variable is the whole of that store.
 */
export function addRecoveredKey(key: Buffer, env: NodeJS.ProcessEnv = process.env): RecoveredKey {
  const current = findDatabaseKeys(env);
  if (current && [current.active, ...current.extra].some((k) => k.equals(key))) return { role: 'known', store: current.store, location: current.location };
  if (current?.store === 'env') {
    throw new AppError('conflict', 'Kunci database diambil dari JENJANG_DB_KEY, sehingga kunci lain tidak dapat ditambahkan. Isi JENJANG_DB_KEY dengan kunci dari kunci pemulihan itu, atau kosongkan variabel itu agar kunci disimpan di penyimpanan kunci.');
  }
  const next: StoredKeys = current ? { active: current.active, extra: [...current.extra, key] } : { active: key, extra: [] };
  const role = current ? 'extra' : 'active';
  const forced = forcedStore(env);
  const useKeyring = current ? current.store === 'keyring' : forced === 'keyring' || (forced === null && readKeyring().available);
  if (useKeyring) {
    try {
      keyringEntry().setPassword(serialise(next));
      keyringState = { available: true, text: serialise(next) };
      return { role, store: 'keyring', location: keyringLocation() };
    } catch (error) {
      throw new AppError('io', `Kunci tidak dapat disimpan di ${keyringLocation()}: ${(error as Error).message}`);
    }
  }
  ensureConfigFolder(env);
  const file = keyFilePath(env);
  if (current) writeKeyFile(file, next, false);
  else if (!writeKeyFile(file, next, true).active.equals(key)) return addRecoveredKey(key, env); // another process created a key meanwhile
  return { role, store: 'file', location: file };
}

export function recoveryKeyOf(keys: DatabaseKeySet): string {
  return formatRecoveryKey(keys.active);
}

function readState(env: NodeJS.ProcessEnv): { acknowledged: string[] } {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(configFolder(env), STATE_FILE), 'utf8')) as { acknowledged?: unknown };
    return { acknowledged: Array.isArray(parsed.acknowledged) ? parsed.acknowledged.filter((x): x is string => typeof x === 'string') : [] };
  } catch {
    return { acknowledged: [] };
  }
}

/** Whether someone confirmed having stored the recovery key of `key` ("sudah saya simpan"). */
export function recoveryKeyAcknowledged(key: Buffer, env: NodeJS.ProcessEnv = process.env): boolean {
  return readState(env).acknowledged.includes(keyFingerprint(key));
}

export function acknowledgeRecoveryKey(key: Buffer, env: NodeJS.ProcessEnv = process.env): void {
  const state = readState(env);
  const fingerprint = keyFingerprint(key);
  if (state.acknowledged.includes(fingerprint)) return;
  const folder = ensureConfigFolder(env);
  const file = path.join(folder, STATE_FILE);
  const temporary = `${file}.${process.pid}.baru`;
  fs.writeFileSync(temporary, JSON.stringify({ acknowledged: [...state.acknowledged, fingerprint] }), { mode: 0o600 });
  fs.renameSync(temporary, file);
}

/** One sentence saying where the key lives, for the log line at start. */
export function describeKeyStore(keys: Pick<DatabaseKeySet, 'store' | 'location'>): string {
  if (keys.store === 'env') return 'kunci database dari variabel lingkungan JENJANG_DB_KEY';
  if (keys.store === 'keyring') return `kunci database di penyimpanan kunci sistem operasi (${keys.location})`;
  return `kunci database di berkas ${keys.location} (hanya dapat dibaca pemilik akun)`;
}
