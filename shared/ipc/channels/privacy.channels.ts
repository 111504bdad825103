// Personal data in use: the export log, the retention of imported cell values. Schemas in shared/schemas/privacy.ts.

import { defineChannels } from '../define';
import { empty } from '../../schemas/common';
import { exportLogPage, exportLogQuery, privacySettings, retentionResult } from '../../schemas/privacy';
import { withVersion, versionedPatch } from '../../schemas/edit-version';

export const privacyChannels = defineChannels({
  /** Every file that left the app, newest first; the Administrator's view. */
  'exports:log': { mode: 'read', permission: 'audit', request: exportLogQuery, response: exportLogPage },
  'privacy:settings': { mode: 'read', permission: 'settings', request: empty, response: withVersion(privacySettings) },
  'privacy:updateSettings': { permission: 'settings', request: versionedPatch(privacySettings), response: withVersion(privacySettings) },
  /** Removes imported cell values older than the retention period; the host runs it at start and with the daily backup check. */
  'privacy:applyRetention': { permission: 'settings', request: empty, response: retentionResult },
});
