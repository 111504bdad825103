// What the CLI says about the database key after it created a database: where the key lives and, until someone
// confirmed having stored it (in the app's dialog), the recovery key to print and keep in the office safe.

import { describeKeyStore, findDatabaseKeys, recoveryKeyAcknowledged, recoveryKeyOf, type KeyStoreKind } from '../security/database-key';

export interface KeyNotice {
  keyStore: KeyStoreKind;
  keyLocation: string;
  /** Shown until acknowledged; null afterwards. */
  recoveryKey: string | null;
}

export function keyNotice(): KeyNotice | null {
  const keys = findDatabaseKeys();
  if (!keys) return null;
  return {
    keyStore: keys.store, keyLocation: keys.location,
    recoveryKey: recoveryKeyAcknowledged(keys.active) ? null : recoveryKeyOf(keys),
  };
}

/** The lines for people: where the key is, and the recovery key with what to do with it. */
export function keyNoticeLines(notice: KeyNotice): string[] {
  const lines = [`Database terenkripsi; ${describeKeyStore({ store: notice.keyStore, location: notice.keyLocation })}.`];
  if (notice.recoveryKey) {
    lines.push(
      `Kunci pemulihan: ${notice.recoveryKey}`,
      'Cetak atau salin kunci pemulihan ini dan simpan di tempat aman (brankas kantor), terpisah dari komputer ini. Tanpa kunci ini, database dan cadangannya tidak dapat dibuka di komputer lain.',
    );
  }
  return lines;
}
