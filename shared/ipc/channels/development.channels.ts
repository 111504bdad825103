// development: channel → request/response. The schemas are in shared/schemas/development.ts.

import { defineChannels } from '../define';
import { empty } from '../../schemas/common';
import { developmentSettings, year } from '../../schemas/development';
import { withVersion, versionedPatch } from '../../schemas/edit-version';

export const developmentChannels = defineChannels({
  'development:settings': { permission: 'data:read', mode: 'read',request: empty, response: withVersion(developmentSettings) },
  /** Changing the year rule recomputes every employee's JP per year in the same transaction. */
  'development:updateSettings': { permission: 'settings', request: versionedPatch(developmentSettings), response: withVersion(developmentSettings) },
});
