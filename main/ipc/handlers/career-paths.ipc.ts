import type { Channel } from '../../../shared/ipc/contract';
import { assertEmployeeInScope, scopeUnitOf } from '../../services/accounts/unit-scope';
import type { HandlerContext, HandlerGroup } from '../handler-types';

/** Runs an edit as the acting account and tells open pages what changed. */
async function write<T>(context: HandlerContext, scopes: string[], work: (actor: string) => Promise<T>): Promise<T> {
  const result = await work(await context.actor());
  for (const scope of scopes) context.emit({ type: 'data:changed', scope });
  return result;
}

// The profile's career records are an employee read (employees:read, Operator OPD scope), served with the paths.
type CareerPathsChannel = Extract<Channel, `paths:${string}` | 'employees:careerRecords'>;

export const careerPathsHandlers: HandlerGroup<CareerPathsChannel> = {
  'paths:graph': (_request, { services }) => services.careerPaths.graph(),
  'paths:employee': (request, { services }) => services.careerPaths.employee(request.employeeId),
  'employees:careerRecords': async (request, { services, session }) => {
    await assertEmployeeInScope(services.dataSource, scopeUnitOf(session), request.employeeId);
    return services.careerPaths.records(request.employeeId);
  },
  'paths:saveStep': (request, context) => write(context, ['careers'], (actor) => context.services.careerPaths.saveStep(actor, request)),
  'paths:deleteStep': (request, context) => write(context, ['careers'], (actor) => context.services.careerPaths.deleteStep(actor, request.id, request.version)),
  'paths:savePath': (request, context) => write(context, ['careers'], (actor) => context.services.careerPaths.savePath(actor, request)),
  'paths:deletePath': (request, context) => write(context, ['careers'], (actor) => context.services.careerPaths.deletePath(actor, request.id, request.version)),
  'paths:makeIdp': (request, context) => write(context, ['development', 'careers'], (actor) => context.services.careerPaths.makeIdp(actor, request.employeeId, request.stepId, request.planVersion)),
};
