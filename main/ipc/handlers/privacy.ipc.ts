import type { HandlerGroup } from '../handler-types';

export const privacyHandlers: HandlerGroup<'exports:log' | 'privacy:settings' | 'privacy:updateSettings' | 'privacy:applyRetention'> = {
  'exports:log': (request, { services }) => services.privacy.exportLog(request),
  'privacy:settings': (_request, { services }) => services.privacySettings.read(),
  'privacy:updateSettings': async (request, context) => context.services.privacySettings.update(request, await context.actor()),
  async 'privacy:applyRetention'(_request, { services }) {
    const { importValueRetentionDays } = await services.privacySettings.get();
    return services.privacy.applyRetention(importValueRetentionDays);
  },
};
