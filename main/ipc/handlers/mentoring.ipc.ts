import type { Channel } from '../../../shared/ipc/contract';
import type { HandlerGroup } from '../handler-types';
import { developmentWrite as write } from './development.ipc';

type MentoringChannel = Extract<Channel, `mentoring:${string}`>;

export const mentoringHandlers: HandlerGroup<MentoringChannel> = {
  'mentoring:list': (request, { services }) => services.mentoring.list(request),
  'mentoring:mentorLoad': (request, { services }) => services.mentoring.mentorLoad(request.unitId),
  'mentoring:check': (request, { services }) => services.mentoring.check(request.mentorId, request.menteeId, request.id),
  'mentoring:save': (request, context) => write(context, (actor) => context.services.mentoring.save(actor, request.input, request.id)),
  'mentoring:sessions': (request, { services }) => services.mentoring.sessions(request.relationId),
  'mentoring:addSession': (request, context) =>
    write(context, (actor) => context.services.mentoring.addSession(actor, request.relationId, request.sessionDate, request.notes)),
  'mentoring:deleteSession': (request, context) => write(context, (actor) => context.services.mentoring.deleteSession(actor, request.id)),
};
