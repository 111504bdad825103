import { assertEmployeeInScope, assertUnitInScope, scopeUnitOf } from '../../services/accounts/unit-scope';
import type { HandlerGroup } from '../handler-types';

// An Operator OPD reaches only its unit subtree (unit-scope.ts): the list and its count are filtered in SQL, a
// profile, history or edit outside it is refused, and nobody is moved into or created outside it.
export const employeeHandlers: HandlerGroup<
  'employees:list' | 'employees:get' | 'employees:history' | 'employees:validate' | 'employees:create' | 'employees:update'
> = {
  'employees:list': (request, { services, session }) => services.employeeQuery.list(request, scopeUnitOf(session)),
  async 'employees:get'(request, { services, session }) {
    await assertEmployeeInScope(services.dataSource, scopeUnitOf(session), request.id);
    return services.employees.profile(request.id);
  },
  async 'employees:history'(request, { services, session }) {
    await assertEmployeeInScope(services.dataSource, scopeUnitOf(session), request.employeeId);
    return services.employees.history(request.employeeId);
  },
  async 'employees:validate'(request, { services, session }) {
    const scope = scopeUnitOf(session);
    if (request.id !== undefined) await assertEmployeeInScope(services.dataSource, scope, request.id);
    await assertUnitInScope(services.dataSource, scope, request.input.unitId);
    return services.employees.validate(request.input, request.id);
  },

  async 'employees:create'(request, context) {
    await assertUnitInScope(context.services.dataSource, scopeUnitOf(context.session), request.input.unitId);
    const result = await context.services.employees.create(request.input, await context.actor());
    context.emit({ type: 'data:changed', scope: 'employees' });
    return result;
  },

  async 'employees:update'(request, context) {
    const scope = scopeUnitOf(context.session);
    await assertEmployeeInScope(context.services.dataSource, scope, request.id);
    await assertUnitInScope(context.services.dataSource, scope, request.input.unitId);
    const result = await context.services.employees.update(request.id, request.version, request.input, await context.actor());
    context.emit({ type: 'data:changed', scope: 'employees' });
    return result;
  },
};
