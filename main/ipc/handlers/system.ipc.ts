import { scopeUnitOf } from '../../services/accounts/unit-scope';
import type { HandlerGroup } from '../handler-types';

export const systemHandlers: HandlerGroup<
  'reference:units' | 'reference:positions' | 'audit:list' | 'stats:overview'
> = {
  async 'reference:units'(_request, { services, session }) {
    return { units: await services.reference.units(scopeUnitOf(session)) };
  },
  async 'reference:positions'(request, { services }) {
    return { positions: await services.reference.positions(request) };
  },
  'audit:list': (request, { services }) => services.audit.list(request),
  'stats:overview': (request, { services }) =>
    services.stats.collect({ asOf: request.asOf ?? services.clock.today(), scope: 'all' }),
};
