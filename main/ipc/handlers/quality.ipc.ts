import type { HandlerGroup } from '../handler-types';

export const qualityHandlers: HandlerGroup<'quality:overview' | 'quality:findings'> = {
  'quality:overview': (_request, { services }) => services.quality.overview(),
  'quality:findings': (request, { services }) => services.quality.findings(request),
};
