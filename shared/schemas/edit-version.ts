// The optimistic version an edit form reads with a record and sends back with its change (main refuses a change
// made from an older version with who saved the record since and when).

import { z } from 'zod';
import { labelled } from './field-label';

/** The version the form read; 0 for a settings section never saved. Required: a change that names no version is
 *  refused, never taken as made from some version. */
export const editVersion = labelled(
  z.number({ error: (issue) => (issue.input === undefined ? 'Perubahan ini tidak menyebut versi data yang dibaca formulir; muat ulang, lalu ulangi.' : undefined) })
    .int().min(0, { message: 'Versi data tidak dikenal.' }),
  'Versi data',
);

type Shape = z.core.$ZodShape;
type Config = z.core.$ZodObjectConfig;

/** A record as a form reads it: its fields and the version to send back. */
export function withVersion<S extends Shape, C extends Config>(schema: z.ZodObject<S, C>) {
  return schema.extend({ version: editVersion });
}

/** A settings change: the fields that change (any subset) and the version the form read. */
export function versionedPatch<S extends Shape, C extends Config>(schema: z.ZodObject<S, C>) {
  return schema.partial().extend({ version: editVersion }).strict();
}

/** A whole-record change (every field) and the version the form read. */
export function versionedWhole<S extends Shape, C extends Config>(schema: z.ZodObject<S, C>) {
  return schema.extend({ version: editVersion }).strict();
}
