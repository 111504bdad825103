import { z } from 'zod';

/** Where the database key lives: JENJANG_DB_KEY, the OS credential store, or the owner-only key file. */
export const keyStoreKind = z.enum(['env', 'keyring', 'file']);

export const securityStatus = z.object({
  /** The open database is encrypted (false only for a plain file of an earlier version opened read-only). */
  encrypted: z.boolean(),
  keyStore: keyStoreKind.nullable(),
  /** One Indonesian sentence: where the key lives. */
  keyStoreText: z.string(),
  recoveryKeyAcknowledged: z.boolean(),
  /** The recovery key of the active key, until someone confirmed having stored it; null afterwards. */
  recoveryKey: z.string().nullable(),
});
export type SecurityStatus = z.infer<typeof securityStatus>;
