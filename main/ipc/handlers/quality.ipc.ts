import type { HandlerGroup } from '../handler-types';

export const qualityHandlers: HandlerGroup<'quality:overview' | 'quality:findings' | 'quality:trend' | 'quality:recordDaily'> = {
  'quality:overview': (_request, { services }) => services.quality.overview(),
  'quality:findings': (request, { services }) => services.quality.findings(request),
  'quality:trend': (request, { services }) => services.quality.trend(request.unitId ?? null),
  'quality:recordDaily': (_request, { services }) => services.quality.recordDaily(),
};
