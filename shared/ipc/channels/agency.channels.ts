// agency: channel → request/response. The schemas are in shared/schemas/agency.ts.

import { z } from 'zod';
import { MAX_LOGO_BYTES } from '../../domain/logo';
import { defineChannels } from '../define';
import { empty } from '../../schemas/common';
import { agencyIdentity, agencySettings } from '../../schemas/agency';
import { editVersion } from '../../schemas/edit-version';

export const agencyChannels = defineChannels({
  'agency:get': { permission: 'session', mode: 'read', request: empty, response: agencySettings },
  /** Replaces the whole identity (the form sends every field). */
  'agency:update': { permission: 'settings', request: z.object({ identity: agencyIdentity, version: editVersion }).strict(), response: agencySettings },
  /** A PNG or SVG file, base64; checked by its content, not its name. */
  'agency:setLogo': { permission: 'settings',
    request: z.object({
      fileName: z.string().trim().min(1).max(200),
      base64: z.string().min(1).max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4096, { message: 'Berkas logo lebih dari 1 MB.' }),
      version: editVersion,
    }).strict(),
    response: agencySettings,
  },
  'agency:removeLogo': { permission: 'settings', request: z.object({ version: editVersion }).strict(), response: agencySettings },
});
