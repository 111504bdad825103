// A settings change as a form sends it: with the version of the section the form read. Tests of what a setting
// does (not of the version check, which test/team/two-desks.test.ts covers) read the current version first.

import type { JenjangHost } from '../../main/host';
import type { RequestOf } from '../../shared/ipc/contract';

/** Each section's update channel and the read channel its form reads it with. */
const READ_CHANNEL_OF = {
  'privacy:updateSettings': 'privacy:settings',
  'development:updateSettings': 'development:settings',
  'careers:updateRules': 'careers:rules',
  'accounts:saveSecuritySettings': 'accounts:securitySettings',
  'backup:updateSettings': 'backup:settings',
  'talent:updateSettings': 'talent:settings',
  'succession:updateSettings': 'succession:getSettings',
} as const;

type UpdateChannel = keyof typeof READ_CHANNEL_OF;

/** `request` with the section's current version (any version in `request` is replaced). */
export async function atCurrentVersion<C extends UpdateChannel>(host: JenjangHost, channel: C, request: Omit<RequestOf<C>, 'version'>): Promise<RequestOf<C>> {
  const read = await host.dispatch(READ_CHANNEL_OF[channel], {});
  if (!read.ok) throw new Error(read.error.message);
  return { ...request, version: (read.data as { version: number }).version } as RequestOf<C>;
}
