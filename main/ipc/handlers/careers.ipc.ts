import type { Channel } from '../../../shared/ipc/contract';
import type { HandlerGroup } from '../handler-types';

type CareersChannel = Extract<Channel, `careers:${string}`>;

export const careersHandlers: HandlerGroup<CareersChannel> = {
  'careers:rotation': (request, { services }) => services.careers.rotation(request),
  'careers:promotionPeriods': (_request, { services }) => services.careers.periods(),
  'careers:promotionList': (request, { services }) => services.careers.promotionList(request),
  'careers:promotionExport': (request, { services }) => services.careers.promotionExport(request),
};
