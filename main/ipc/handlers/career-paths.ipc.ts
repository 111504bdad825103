import type { Channel } from '../../../shared/ipc/contract';
import type { HandlerGroup } from '../handler-types';

type CareerPathsChannel = Extract<Channel, `careerPaths:${string}`>;

export const careerPathsHandlers: HandlerGroup<CareerPathsChannel> = {
  'careerPaths:graph': (_request, { services }) => services.careerPaths.graph(),
  'careerPaths:employee': (request, { services }) => services.careerPaths.employee(request.employeeId),
  'careerPaths:saveStep': async (request, context) => context.services.careerPaths.saveStep(await context.actor(), request),
  'careerPaths:deleteStep': async (request, context) => context.services.careerPaths.deleteStep(await context.actor(), request.id, request.version),
  'careerPaths:savePath': async (request, context) => context.services.careerPaths.savePath(await context.actor(), request),
  'careerPaths:deletePath': async (request, context) => context.services.careerPaths.deletePath(await context.actor(), request.id, request.version),
  'careerPaths:makeIdp': async (request, context) => context.services.careerPaths.makeIdp(await context.actor(), request.employeeId, request.stepId),
};
