import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

export const isoDate = z.string().refine(isIsoDate, { message: 'Tanggal harus berformat TTTT-BB-HH dan merupakan tanggal yang ada.' });

/** A date that must be given: an empty one says so with `message` ("Tanggal lahir wajib diisi.") rather than
 *  complaining about its format. */
export const requiredIsoDate = (message: string) => z.string().min(1, { message, abort: true }).pipe(isoDate);

/** Optional free text: trimmed, empty becomes null. */
export const optionalText = (max: number) =>
  z.string().trim().max(max, { message: `Paling banyak ${max} karakter.` }).nullish().transform((v) => (v ? v : null));

export const fieldIssue = z.object({ path: z.string(), message: z.string() });

export const sortDirection = z.enum(['asc', 'desc']);

/** Field schemas every domain uses. */
export const id = z.number().int().positive();
export const jobId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const empty = z.object({}).strict();
