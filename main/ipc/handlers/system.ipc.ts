import type { HandlerGroup } from '../handler-types';

export const systemHandlers: HandlerGroup<
  'reference:units' | 'reference:positions' | 'audit:list' | 'stats:overview' | 'settings:get' | 'settings:update'
> = {
  async 'reference:units'(_request, { services }) {
    return { units: await services.reference.units() };
  },
  async 'reference:positions'(request, { services }) {
    return { positions: await services.reference.positions(request) };
  },
  'audit:list': (request, { services }) => services.audit.list(request),
  'stats:overview': (request, { services }) =>
    services.stats.collect({ asOf: request.asOf ?? services.clock.today(), scope: 'all' }),
  'settings:get': (_request, { services }) => services.settings.getAll(),
  async 'settings:update'(request, context) {
    const { services } = context;
    const before = await services.settings.getAll();
    const actor = await context.actor();
    await services.dataSource.transaction(async (manager) => {
      await services.settings.update(manager, request);
      const changed = Object.keys(request).filter((k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((request as Record<string, unknown>)[k]));
      if (changed.length > 0) {
        await services.audit.record(manager, {
          actor, action: 'update', entity: 'settings', entityId: null, summary: `Mengubah pengaturan: ${changed.join(', ')}`,
          changes: changed.map((k) => ({
            field: k, label: k,
            before: JSON.stringify((before as Record<string, unknown>)[k] ?? null),
            after: JSON.stringify((request as Record<string, unknown>)[k] ?? null),
          })),
        });
      }
    });
    context.emit({ type: 'data:changed', scope: 'settings' });
    return services.settings.getAll();
  },
};
