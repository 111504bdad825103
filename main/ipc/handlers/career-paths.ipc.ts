import type { Channel } from '../../../shared/ipc/contract';
import type { HandlerContext, HandlerGroup } from '../handler-types';

/** Runs an edit as the acting account and tells open pages what changed. */
async function write<T>(context: HandlerContext, scopes: string[], work: (actor: string) => Promise<T>): Promise<T> {
  const result = await work(await context.actor());
  for (const scope of scopes) context.emit({ type: 'data:changed', scope });
  return result;
}

type CareerPathsChannel = Extract<Channel, `careerPaths:${string}`>;

export const careerPathsHandlers: HandlerGroup<CareerPathsChannel> = {
  'careerPaths:graph': (_request, { services }) => services.careerPaths.graph(),
  'careerPaths:employee': (request, { services }) => services.careerPaths.employee(request.employeeId),
  'careerPaths:saveStep': (request, context) => write(context, ['careers'], (actor) => context.services.careerPaths.saveStep(actor, request)),
  'careerPaths:deleteStep': (request, context) => write(context, ['careers'], (actor) => context.services.careerPaths.deleteStep(actor, request.id, request.version)),
  'careerPaths:savePath': (request, context) => write(context, ['careers'], (actor) => context.services.careerPaths.savePath(actor, request)),
  'careerPaths:deletePath': (request, context) => write(context, ['careers'], (actor) => context.services.careerPaths.deletePath(actor, request.id, request.version)),
  'careerPaths:makeIdp': (request, context) => write(context, ['development', 'careers'], (actor) => context.services.careerPaths.makeIdp(actor, request.employeeId, request.stepId)),
};
