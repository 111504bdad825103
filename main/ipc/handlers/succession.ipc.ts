import type { HandlerGroup } from '../handler-types';

export const successionHandlers: HandlerGroup<
  | 'succession:overview' | 'succession:position' | 'succession:rank' | 'succession:candidate' | 'succession:savePlan'
  | 'succession:positions' | 'succession:setKey' | 'succession:setRumpun' | 'succession:rumpunOptions' | 'succession:getSettings' | 'succession:updateSettings'
> = {
  'succession:overview': (request, { services }) => services.succession.overview(request.asOf),
  'succession:position': (request, { services }) => services.succession.position(request.positionId),
  'succession:rank': (request, { services }) => services.succession.rank(request),
  'succession:candidate': (request, { services }) => services.succession.candidate(request.positionId, request.employeeId),
  'succession:positions': (request, { services }) => services.succession.structuralPositions(request),
  'succession:getSettings': (_request, { services }) => services.succession.settingsForm(),
  'succession:rumpunOptions': (_request, { services }) => services.succession.rumpunOptions(),

  async 'succession:savePlan'(request, context) {
    const result = await context.services.succession.savePlan(request, await context.actor());
    if (result.changed) context.emit({ type: 'data:changed', scope: 'succession' });
    return result;
  },

  async 'succession:setKey'(request, context) {
    const result = await context.services.succession.setKey(request.positionId, request.version, request.isKey, await context.actor());
    context.emit({ type: 'data:changed', scope: 'succession' });
    return result;
  },

  async 'succession:setRumpun'(request, context) {
    const result = await context.services.succession.setRumpun(request.positionId, request.version, request.rumpun, await context.actor());
    context.emit({ type: 'data:changed', scope: 'succession' });
    return result;
  },

  async 'succession:updateSettings'(request, context) {
    const result = await context.services.succession.updateSettings(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'succession' });
    return result;
  },
};
