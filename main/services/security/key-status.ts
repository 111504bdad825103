// What Pengaturan and the recovery-key dialog show about the database key (security:status).

import type { SecurityStatus } from '../../../shared/schemas/security';
import { isPlainDatabaseFile } from '../../db/sqlite-connection';
import { acknowledgeRecoveryKey, describeKeyStore, findDatabaseKeys, recoveryKeyAcknowledged, recoveryKeyOf } from '../../security/database-key';

export function securityStatus(dbPath: string): SecurityStatus {
  const keys = findDatabaseKeys();
  const encrypted = dbPath !== ':memory:' && !isPlainDatabaseFile(dbPath);
  if (!keys) {
    return { encrypted, keyStore: null, keyStoreText: 'Kunci database belum dibuat di komputer ini.', recoveryKeyAcknowledged: true, recoveryKey: null };
  }
  const acknowledged = recoveryKeyAcknowledged(keys.active);
  return {
    encrypted, keyStore: keys.store, keyStoreText: `${describeKeyStore(keys).replace(/^kunci/, 'Kunci')}.`,
    recoveryKeyAcknowledged: acknowledged, recoveryKey: acknowledged ? null : recoveryKeyOf(keys),
  };
}

export function acknowledgeRecoveryKeyOf(dbPath: string): SecurityStatus {
  const keys = findDatabaseKeys();
  if (keys) acknowledgeRecoveryKey(keys.active);
  return securityStatus(dbPath);
}
