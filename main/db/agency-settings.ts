// Where the agency identity printed on reports lives in app_setting: the kop surat and signature block under
// `agency.identity`, the logo under `agency.logo` (its bytes as base64, with what the logo check found). Both the
// agency settings (services) and the demo district (demo) write these rows, so their keys and the stored shape
// sit here, below both.

import { z } from 'zod';

export const AGENCY_IDENTITY_KEY = 'agency.identity';
export const AGENCY_LOGO_KEY = 'agency.logo';

/** How the logo is stored: the file's bytes and what inspection found. */
export const storedLogo = z.object({
  fileName: z.string(),
  mimeType: z.enum(['image/png', 'image/svg+xml']),
  base64: z.string(),
  bytes: z.number().int(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});
export type StoredLogo = z.infer<typeof storedLogo>;
