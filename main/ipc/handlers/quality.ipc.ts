import type { HandlerGroup } from '../handler-types';

export const qualityHandlers: HandlerGroup<
  'quality:overview' | 'quality:findings' | 'quality:trend' | 'quality:recordDaily' | 'quality:fix' | 'quality:corrections' | 'quality:resolveCorrection'
> = {
  'quality:overview': (_request, { services }) => services.quality.overview(),
  'quality:findings': (request, { services }) => services.quality.findings(request),
  'quality:trend': (request, { services }) => services.quality.trend(request.unitId ?? null),
  'quality:recordDaily': (_request, { services }) => services.quality.recordDaily(),
  async 'quality:fix'(request, context) {
    const result = await context.services.quality.fix(request, await context.actor());
    context.emit({ type: 'data:changed', scope: 'employees' });
    return result;
  },
  'quality:corrections': (request, { services }) => services.quality.corrections(request.openOnly),
  async 'quality:resolveCorrection'(request, context) {
    const result = await context.services.quality.resolveCorrection(request.id, request.choice, await context.actor());
    context.emit({ type: 'data:changed', scope: 'employees' });
    return result;
  },
};
