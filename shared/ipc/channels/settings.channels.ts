// settings: channel → request/response. The schemas are in shared/schemas/settings.ts.

import { defineChannels } from '../define';
import { empty } from '../../schemas/common';
import { appSettings } from '../../schemas/settings';

export const settingsChannels = defineChannels({
  'settings:get': { permission: 'session', mode: 'read', request: empty, response: appSettings },
  'settings:update': { permission: 'settings', request: appSettings.partial().strict(), response: appSettings },
});
