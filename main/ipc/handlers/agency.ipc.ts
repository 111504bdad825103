import type { HandlerGroup } from '../handler-types';

export const agencyHandlers: HandlerGroup<'agency:get' | 'agency:update' | 'agency:setLogo' | 'agency:removeLogo'> = {
  'agency:get': (_request, { services }) => services.agency.get(),

  async 'agency:update'(request, context) {
    const result = await context.services.agency.update(request.identity, await context.actor(), request.version);
    context.emit({ type: 'data:changed', scope: 'settings' });
    return result;
  },

  async 'agency:setLogo'(request, context) {
    const result = await context.services.agency.setLogo(request.fileName, request.base64, await context.actor(), request.version);
    context.emit({ type: 'data:changed', scope: 'settings' });
    return result;
  },

  async 'agency:removeLogo'(request, context) {
    const result = await context.services.agency.removeLogo(await context.actor(), request.version);
    context.emit({ type: 'data:changed', scope: 'settings' });
    return result;
  },
};
