import type { Channel } from '../../../shared/ipc/contract';
import type { HandlerGroup } from '../handler-types';
import { developmentWrite as write } from './development.ipc';

type PlansChannel = Extract<Channel, `plans:${string}`>;

export const plansHandlers: HandlerGroup<PlansChannel> = {
  async 'plans:catalog'(request, { services }) {
    return { rows: await services.plans.catalog(request.includeInactive) };
  },
  'plans:saveCatalog': (request, context) => write(context, (actor) => context.services.plans.saveCatalog(actor, request.input, request.id)),
  'plans:competencies': (_request, { services }) => services.plans.competencies(),
  'plans:propose': (request, { services }) => services.plans.propose(request.employeeId, request.year, request.targetPositionId),
  'plans:successionTargets': (request, { services }) => services.plans.successionTargets(request.employeeId),
  'plans:create': (request, context) => write(context, (actor) => context.services.plans.createPlan(actor, request)),
  'plans:get': (request, { services }) => services.plans.plan(request.id),
  'plans:ofEmployee': (request, { services }) => services.plans.employeePlans(request.employeeId),
  'plans:update': (request, context) => write(context, (actor) => context.services.plans.updatePlan(actor, request.id, request)),
  'plans:delete': (request, context) => write(context, (actor) => context.services.plans.deletePlan(actor, request.id, request.version)),
  'plans:addItem': (request, context) => write(context, (actor) => context.services.plans.addItem(actor, request.planId, request.version, request.input)),
  'plans:updateItem': (request, context) => write(context, (actor) => context.services.plans.updateItem(actor, request.id, request)),
  'plans:deleteItem': (request, context) => write(context, (actor) => context.services.plans.deleteItem(actor, request.id, { version: request.version, planVersion: request.planVersion })),
  'plans:completeItem': (request, context) => write(context, (actor) => context.services.plans.completeItem(actor, request.id, request)),
  'plans:list': (request, { services }) => services.plans.plans(request),
  'plans:budgetOverview': (request, { services }) => services.plans.budgetOverview(request.year),
  'plans:budgets': (request, { services }) => services.plans.budgets(request.year),
  'plans:setBudget': (request, context) => write(context, (actor) => context.services.plans.setBudget(actor, request.unitId, request.year, request.ceiling)),
};
