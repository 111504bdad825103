// security: channel → request/response. The schemas are in shared/schemas/security.ts.

import { z } from 'zod';
import { defineChannels } from '../define';
import { empty } from '../../schemas/common';
import { securityStatus } from '../../schemas/security';

export const securityChannels = defineChannels({
  /** Whether the database is encrypted, where its key lives, and the recovery key until it is acknowledged. */
  'security:status': { permission: 'settings', request: empty, response: securityStatus, mode: 'free' },
  /** "Sudah saya simpan": the recovery key is not shown again. */
  'security:acknowledgeRecoveryKey': { permission: 'settings', request: empty, response: securityStatus, mode: 'free' },
});
