// The recovery key: the 256-bit database key written for people. It is printed once and kept in the office safe;
// typed back in on another computer ("Pulihkan dengan kunci pemulihan") it opens the databases and backups made
// under that key. Crockford base32 (no I, L, O, U; I and L read as 1, O as 0 when typed back), four characters a
// group, and three check bytes (the start of the key's SHA-256) in the last groups, so a typo is caught before
// any file is tried with a wrong key.

import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 32;
const CHECK_BYTES = 3;
/** 35 bytes = 280 bits = 56 characters = 14 groups of 4. */
const GROUP = 4;

export class RecoveryKeyError extends Error {}

function checkBytes(key: Buffer): Buffer {
  return crypto.createHash('sha256').update(key).digest().subarray(0, CHECK_BYTES);
}

/** `7KQ3-…-M2XD`: the key and its check bytes in 14 groups of 4 characters. */
export function formatRecoveryKey(key: Buffer): string {
  if (key.length !== KEY_BYTES) throw new RangeError(`a database key has ${KEY_BYTES} bytes`);
  const bytes = Buffer.concat([key, checkBytes(key)]);
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return text.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** Reads a typed recovery key back into the database key; throws RecoveryKeyError (in Indonesian) when it is not one. */
export function parseRecoveryKey(typed: string): Buffer {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  const expectedLength = Math.ceil(((KEY_BYTES + CHECK_BYTES) * 8) / 5);
  if (cleaned.length !== expectedLength) {
    throw new RecoveryKeyError(`Kunci pemulihan terdiri dari ${expectedLength} huruf dan angka (${expectedLength / GROUP} kelompok berisi ${GROUP}); yang dimasukkan ${cleaned.length}.`);
  }
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of cleaned) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) throw new RecoveryKeyError(`Kunci pemulihan memuat karakter "${char}" yang tidak dipakai dalam kunci pemulihan.`);
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  const all = Buffer.from(bytes.slice(0, KEY_BYTES + CHECK_BYTES));
  const key = all.subarray(0, KEY_BYTES);
  if (!checkBytes(key).equals(all.subarray(KEY_BYTES))) {
    throw new RecoveryKeyError('Kunci pemulihan tidak cocok dengan kelompok pemeriksanya; periksa lagi setiap huruf dan angka.');
  }
  return Buffer.from(key);
}
