import { z } from 'zod';
import { isIsoDate } from '../../domain/dates';

export const isoDate = z.string().refine(isIsoDate, { message: 'Tanggal harus berformat TTTT-BB-HH dan merupakan tanggal yang ada.' });

/** Optional free text: trimmed, empty becomes null. */
export const optionalText = (max: number) =>
  z.string().trim().max(max, { message: `Paling banyak ${max} karakter.` }).nullish().transform((v) => (v ? v : null));

export const fieldIssue = z.object({ path: z.string(), message: z.string() });

export const sortDirection = z.enum(['asc', 'desc']);
