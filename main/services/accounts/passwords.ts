// Passwords are stored as Argon2id PHC strings ("$argon2id$v=19$m=…"), never in any readable form. The library's
// defaults are Argon2id with OWASP's memory and time costs (about 55 ms per hash on an office machine).

import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a stored value that is not a hash at all (never throws). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of nothing anyone can type, verified against when the user name does not exist, so a wrong name costs as
 * long as a wrong password and the answer time does not tell which names exist.
 */
let decoyHash: Promise<string> | null = null;
export function decoy(): Promise<string> {
  decoyHash ??= hash(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}
