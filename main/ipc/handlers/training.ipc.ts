import type { Channel } from '../../../shared/ipc/contract';
import type { HandlerGroup } from '../handler-types';
import { developmentWrite as write } from './development.ipc';

type TrainingChannel = Extract<Channel, `training:${string}`>;

export const trainingHandlers: HandlerGroup<TrainingChannel> = {
  'training:list': (request, { services }) => services.training.list(request),
  'training:ofEmployee': (request, { services }) => services.training.employeeTraining(request.employeeId),
  'training:validate': (request, { services }) => services.training.validate(request.employeeId, request.input, request.id),
  'training:save': (request, context) => write(context, (actor) => context.services.training.save(actor, request.employeeId, request.input, request.id)),
  'training:delete': (request, context) => write(context, (actor) => context.services.training.remove(actor, request.id)),
  'training:compliance': (request, { services }) => services.training.compliance(request),
  'training:below': (request, { services }) => services.training.below(request),
};
