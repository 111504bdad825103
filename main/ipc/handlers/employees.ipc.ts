import type { HandlerGroup } from '../handler-types';

export const employeeHandlers: HandlerGroup<
  'employees:list' | 'employees:get' | 'employees:history' | 'employees:validate' | 'employees:create' | 'employees:update'
> = {
  'employees:list': (request, { services }) => services.employeeQuery.list(request),
  'employees:get': (request, { services }) => services.employees.profile(request.id),
  'employees:history': (request, { services }) => services.employees.history(request.employeeId),
  'employees:validate': (request, { services }) => services.employees.validate(request.input, request.id),

  async 'employees:create'(request, context) {
    const result = await context.services.employees.create(request.input, await context.actor());
    context.emit({ type: 'data:changed', scope: 'employees' });
    return result;
  },

  async 'employees:update'(request, context) {
    const result = await context.services.employees.update(request.id, request.version, request.input, await context.actor());
    context.emit({ type: 'data:changed', scope: 'employees' });
    return result;
  },
};
