import type { Channel } from '../../../shared/ipc/contract';
import type { HandlerGroup } from '../handler-types';
import { developmentWrite as write } from './development.ipc';

type PlanningChannel = Extract<Channel, `planning:${string}`>;

export const planningHandlers: HandlerGroup<PlanningChannel> = {
  'planning:offerings': (_request, { services }) => services.planning.offeringRows(),
  'planning:saveOffering': (request, context) => write(context, (actor) => context.services.planning.saveOffering(actor, request.catalogId, request.input)),
  'planning:needs': (request, { services }) => services.planning.needs(request),
  'planning:weights': (_request, { services }) => services.planning.weights.get(),
  'planning:saveWeights': (request, context) => write(context, (actor) => context.services.planning.weights.update(request, actor)),
  'planning:propose': (request, context) => (request.jobId
    ? context.jobs.run(request.jobId, (job) => context.services.planning.propose(request, job))
    : context.services.planning.propose(request)),
  'planning:accept': (request, context) => write(context, (actor) => context.services.planning.accept(actor, request)),
};
